//! DTD entities: the `<!ENTITY name "value">` declarations of an internal subset (feeds declare HTML names there).

use super::Parser;

impl Parser<'_, '_> {
    /// Reads `<!ENTITY name "value">` declarations from an internal DTD subset.
    /// External entities are never fetched, and values are kept as text, never expanded again.
    pub(super) fn doctype(&mut self, dtd: &str, at: usize) {
        let mut rest = dtd;
        while let Some((_, after)) = crate::find::split_once(rest, "<!ENTITY") {
            rest = after;
            let declaration = rest.split('>').next().unwrap_or("");
            let mut words = declaration.split_whitespace();
            let Some(name) = words.next() else { continue };
            if name == "%" {
                continue;
            }
            // The name is the first word: what follows it starts right after it.
            let after_name = declaration
                .trim_start()
                .get(name.len()..)
                .unwrap_or("")
                .trim_start();
            if after_name.starts_with("SYSTEM") || after_name.starts_with("PUBLIC") {
                self.warn(
                    crate::text::cat(&["the external entity &", name, "; is not loaded"]),
                    at,
                );
                continue;
            }
            let quote = after_name
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'');
            let Some(quote) = quote else { continue };
            let value = after_name
                .get(1..)
                .and_then(|v| v.split(quote).next())
                .unwrap_or("");
            if self.entities.len() >= 256 || value.len() > 4096 {
                self.warn(
                    crate::text::cat(&["the entity &", name, "; is too large and is not expanded"]),
                    at,
                );
                continue;
            }
            // References inside the value stay literal: expansion is one level deep by construction.
            self.entities.push((name.to_owned(), value.to_owned()));
        }
    }
}
