//! A start tag's attributes as `(name, raw value)`: quick-xml's XML-mode attribute rules, without its duplicate
//! check (whose hash set and hasher cost about 2 KB gzip of wasm even when switched off at run time).
//!
//! The rules, as quick-xml's `Attributes` applies them: a name runs to `=` or whitespace, whitespace may stand
//! around `=`, a value is quoted with `"` or `'`. A name with no `=` is skipped and reading goes on at the next
//! word; an unquoted value is skipped to the next whitespace; an unclosed quote or a missing value ends the list.
//! A test compares this with quick-xml's `Attributes` on generated tags.

/// XML whitespace, as quick-xml counts it.
fn space(b: u8) -> bool {
    matches!(b, b' ' | b'\r' | b'\n' | b'\t')
}

/// The attributes of a tag's text (`name a="1" b='2'`), read lazily from byte `at` (after the name).
#[derive(Clone)]
pub(super) struct Attributes<'a> {
    text: &'a str,
    /// Where the next attribute is looked for; past the end once the list has ended.
    at: usize,
    /// The last value was unquoted: reading goes on at the first whitespace from `at`.
    unquoted: bool,
}

impl<'a> Attributes<'a> {
    /// The attributes of `text` after its first `at` bytes.
    pub(super) fn new(text: &'a str, at: usize) -> Self {
        Attributes {
            text,
            at,
            unquoted: false,
        }
    }

    /// The first index from `from` whose byte satisfies `test`.
    fn first(&self, from: usize, test: impl Fn(u8) -> bool) -> Option<usize> {
        let rest = self.text.as_bytes().get(from..)?;
        Some(from + rest.iter().position(|&b| test(b))?)
    }

    fn byte(&self, at: usize) -> u8 {
        self.text.as_bytes().get(at).copied().unwrap_or(0)
    }

    /// The next attribute: `None` at the end of the list, `Some(None)` for a malformed one (skipped).
    fn attribute(&mut self) -> Option<Option<(&'a str, &'a str)>> {
        if std::mem::take(&mut self.unquoted) {
            self.at = self.first(self.at, space)?;
        }
        let at = self.at;
        // The end of the list, from whichever path reaches it: every later call returns `None`.
        self.at = usize::MAX;
        let start = self.first(at, |b| !space(b))?;
        // The first byte is the name's even when it is `=`.
        let Some(end) = self.first(start + 1, |b| b == b'=' || space(b)) else {
            return Some(None);
        };
        let eq = if self.byte(end) == b'=' {
            end
        } else {
            match self.first(end + 1, |b| !space(b)) {
                Some(next) if self.byte(next) == b'=' => next,
                // A name alone: reading goes on at the next word.
                Some(next) => {
                    self.at = next;
                    return Some(None);
                }
                None => return Some(None),
            }
        };
        let Some(open) = self.first(eq + 1, |b| !space(b)) else {
            return Some(None);
        };
        let quote = self.byte(open);
        if quote != b'"' && quote != b'\'' {
            self.at = open;
            self.unquoted = true;
            return Some(None);
        }
        let close = self.first(open + 1, |b| b == quote)?;
        self.at = close + 1;
        Some(
            self.text
                .get(start..end)
                .zip(self.text.get(open + 1..close)),
        )
    }
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(pair) = self.attribute()? {
                return Some(pair);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    /// quick-xml's reading, with its duplicate check off, keeping what parsed.
    fn quick_xml(text: &str, at: usize) -> Vec<(&str, &str)> {
        let mut attributes = quick_xml::events::attributes::Attributes::new(text, at);
        attributes.with_checks(false);
        attributes
            .filter_map(|attribute| match attribute {
                Ok(a) => match a.value {
                    Cow::Borrowed(value) => Some((a.key.into_inner(), value)),
                    Cow::Owned(_) => None,
                },
                Err(_) => None,
            })
            .collect()
    }

    #[test]
    fn every_short_tag_reads_as_quick_xml_reads_it() {
        // Every text of up to seven bytes over the bytes the rules look at, after a one-letter name.
        let alphabet = [b'a', b'=', b'"', b'\'', b' ', b'\n'];
        let mut compared = 0;
        for length in 0..=7u32 {
            for n in 0..alphabet.len().pow(length) {
                let mut text = vec![b't'];
                let mut rest = n;
                for _ in 0..length {
                    text.push(alphabet[rest % alphabet.len()]);
                    rest /= alphabet.len();
                }
                let text = String::from_utf8(text).unwrap();
                assert_eq!(
                    Attributes::new(&text, 1).collect::<Vec<_>>(),
                    quick_xml(&text, 1),
                    "{text:?}"
                );
                compared += 1;
            }
        }
        assert!(compared > 300_000);
    }

    #[test]
    fn names_and_values_keep_their_characters() {
        let text = "a x:é = \"日本\" ü='v\"' w=\"'\"";
        assert_eq!(
            Attributes::new(text, 1).collect::<Vec<_>>(),
            vec![("x:é", "日本"), ("ü", "v\""), ("w", "'")]
        );
        assert_eq!(
            Attributes::new(text, 1).collect::<Vec<_>>(),
            quick_xml(text, 1)
        );
        // Past the end: nothing.
        assert_eq!(Attributes::new("a", 5).count(), 0);
    }
}
