//! The one error type (no feed could be had) and the warnings (recovered problems), both with positions.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why no feed could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// The input is empty or only whitespace.
    Empty,
    /// The input is neither XML nor JSON.
    NotXmlOrJson,
    /// The input is XML or JSON, but its root is not a feed (for example an HTML page).
    NotAFeed,
    /// The document is broken before any feed element could be read.
    Syntax,
    /// A configured limit was exceeded.
    LimitExceeded,
}

impl ErrorKind {
    /// A stable camelCase name, the same as in JSON and in JavaScript's `error.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::NotXmlOrJson => "notXmlOrJson",
            ErrorKind::NotAFeed => "notAFeed",
            ErrorKind::Syntax => "syntax",
            ErrorKind::LimitExceeded => "limitExceeded",
        }
    }
}

/// No feed could be had from the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// A sentence for a human.
    pub message: String,
    /// 1-based line of the position a human should look at.
    pub line: u32,
    /// 1-based column (in characters) of that position.
    pub column: u32,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>, position: Position) -> Self {
        Error {
            kind,
            message: message.into(),
            line: position.line,
            column: position.column,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for Error {}

/// A problem that was recovered from; the feed still renders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Warning {
    /// A sentence for a human.
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column (in characters).
    pub column: u32,
}

/// The one collector of warnings while a document is read: byte offsets and messages, with a cap.
/// Positions are worked out once at the end, in one pass, so many warnings on a large one-line document stay
/// linear; the overflow is counted in one closing warning at the position of the last recorded one.
#[derive(Debug, Default)]
pub(crate) struct Warnings {
    list: Vec<(usize, String)>,
    dropped: usize,
    max: usize,
}

impl Warnings {
    /// A collector that records at most `max` warnings.
    pub(crate) fn new(max: usize) -> Self {
        Warnings {
            list: Vec::new(),
            dropped: 0,
            max,
        }
    }

    /// Records `message` at byte `offset`, or counts it when the cap is reached.
    pub(crate) fn push(&mut self, offset: usize, message: impl Into<String>) {
        if self.list.len() >= self.max {
            self.dropped = self.dropped.saturating_add(1);
        } else {
            self.list.push((offset, message.into()));
        }
    }

    /// The warnings in the order they were recorded, with lines and columns in `input`.
    pub(crate) fn finish(self, input: &str) -> Vec<Warning> {
        let offsets: Vec<usize> = self.list.iter().map(|(offset, _)| *offset).collect();
        let positions = Position::of_many(input, &offsets);
        let mut warnings: Vec<Warning> = self
            .list
            .into_iter()
            .zip(positions)
            .map(|((_, message), position)| Warning {
                message,
                line: position.line,
                column: position.column,
            })
            .collect();
        if self.dropped > 0 {
            let (line, column) = warnings.last().map_or((1, 1), |w| (w.line, w.column));
            warnings.push(Warning {
                message: crate::text::cat(&[
                    &crate::text::decimal(self.dropped),
                    " more warnings were not recorded",
                ]),
                line,
                column,
            });
        }
        warnings
    }
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

impl Position {
    /// The line and column of byte `offset` in `text` (clamped to the text, and to a char boundary).
    pub fn of(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = text.get(..offset).unwrap_or("");
        let line_start = crate::find::last_byte(before, b'\n').map_or(0, |i| i + 1);
        let line = before.bytes().filter(|&b| b == b'\n').count();
        let column = before.get(line_start..).map_or(0, |l| l.chars().count());
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX).saturating_add(1),
            column: u32::try_from(column).unwrap_or(u32::MAX).saturating_add(1),
        }
    }
}

impl Position {
    /// The positions of many byte offsets in one pass over `text` (each `of` call would rescan from the start).
    pub fn of_many(text: &str, offsets: &[usize]) -> Vec<Position> {
        let order = crate::sort::stable_order(offsets.iter().map(|&o| o as u64));
        let mut positions = vec![Position::default_start(); offsets.len()];
        let (mut line, mut column) = (1u32, 1u32);
        let mut chars = text.char_indices().peekable();
        for index in order {
            let target = offsets.get(index).copied().unwrap_or(0);
            while let Some(&(at, c)) = chars.peek() {
                if at >= target {
                    break;
                }
                if c == '\n' {
                    line = line.saturating_add(1);
                    column = 1;
                } else {
                    column = column.saturating_add(1);
                }
                chars.next();
            }
            if let Some(slot) = positions.get_mut(index) {
                *slot = Position { line, column };
            }
        }
        positions
    }

    /// Line 1, column 1.
    pub fn default_start() -> Position {
        Position { line: 1, column: 1 }
    }
}
