//! Text handling, one module per job: references, HTML to text, excerpts, images, XHTML; and decimal numbers without `format!`.

mod entities;
mod excerpt;
mod html;
mod images;
mod xhtml;

pub use entities::{decode_entities, lookup_entity};
pub(crate) use entities::{unescape_xml, unescape_xml_with, windows_1252_c1};
pub use excerpt::{excerpt, grapheme_count};
pub use html::{collapse_whitespace, html_to_text, start_tags};
pub use images::{dimension, first_image, is_tracking_pixel};
pub use xhtml::{xhtml_document, xhtml_to_html};

/// A decimal number without the formatting machinery.
pub(crate) fn number(w: &mut String, n: impl Into<u64>) {
    let mut n: u64 = n.into();
    let mut digits = [0u8; 20];
    let mut len = 0;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits.iter().skip(digits.len() - len) {
        w.push(char::from(d));
    }
}

/// `n` in decimal, for messages: `format!` would bring the formatting machinery into the wasm.
pub(crate) fn decimal(n: usize) -> String {
    let mut out = String::new();
    number(&mut out, n as u64);
    out
}

/// The number `text` writes in `radix` (10 or 16), read as `u32::from_str_radix` reads it: an optional `+`, then at
/// least one digit; None for any other character, or past `u32::MAX`. A loop of its own: std's generic parser is
/// about 300 bytes of wasm.
pub(crate) fn digits(text: &str, radix: u32) -> Option<u32> {
    let text = text.strip_prefix('+').unwrap_or(text);
    if text.is_empty() {
        return None;
    }
    let mut value: u32 = 0;
    for c in text.chars() {
        value = value.checked_mul(radix)?.checked_add(c.to_digit(radix)?)?;
    }
    Some(value)
}

/// The parts one after another, as `[..].concat()` gives them: one small loop in the wasm instead of std's
/// generic join (about 500 bytes of code).
pub(crate) fn cat(parts: &[&str]) -> String {
    joined(parts, "")
}

/// The parts with `separator` between them, as `[..].join(separator)` gives them.
pub(crate) fn joined(parts: &[&str], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::entities::decode;
    use super::images::HtmlImage;
    use super::*;

    #[test]
    fn digits_reads_as_std_does() {
        let cases = [
            "",
            "+",
            "-",
            "0",
            "+0",
            "-0",
            "12",
            "+12",
            "-12",
            "007",
            "4294967295",
            "4294967296",
            "99999999999",
            "ff",
            "FF",
            "fF",
            "+ff",
            "x1",
            "1x",
            "1 ",
            " 1",
            "١٢",
            "ｆ",
            "10ffffff",
            "ffffffff",
            "100000000",
            "1_0",
            "++1",
        ];
        for text in cases {
            for radix in [10, 16] {
                assert_eq!(
                    digits(text, radix),
                    u32::from_str_radix(text, radix).ok(),
                    "{text:?} in radix {radix}"
                );
            }
        }
    }

    #[test]
    fn numbers() {
        for n in [
            0,
            7,
            10,
            99,
            100,
            65535,
            1_000_000,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut out = String::new();
            number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
        assert_eq!(decimal(12_345), "12345");
    }

    fn check(f: impl Fn(&str) -> String, cases: &[(&str, &str)]) {
        for &(input, want) in cases {
            assert_eq!(f(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn decodes_entities() {
        check(
            |s| decode_entities(s).into_owned(),
            &[
                ("&nbsp; &eacute; &hellip; &mdash;", "\u{a0} é … —"),
                (
                    "&lt;p&gt; &quot;x&quot; &apos;y&apos; &amp;",
                    "<p> \"x\" 'y' &",
                ),
                ("&amp;quot;", "&quot;"),
                // bare forms without `;`
                ("&amp &lt &gt &quot &nbsp.", "& < > \" \u{a0}."),
                ("&lt=", "<="),
                (
                    "&ltx &amplitude &copy &eacute",
                    "&ltx &amplitude &copy &eacute",
                ),
                // not references
                ("a & b", "a & b"),
                ("AT&T", "AT&T"),
                ("&", "&"),
                ("&&amp;&", "&&&"),
                ("&foo; &AMP; &Amp; &;", "&foo; &AMP; &Amp; &;"),
                ("&#; &#x; &#X; &#", "&#; &#x; &#X; &#"),
                ("&#a; &#xg;", "&#a; &#xg;"),
                ("&averyveryverylongname;", "&averyveryverylongname;"),
                // numeric
                ("&#65;&#x41;&#X41;&#0065;", "AAAA"),
                ("&#65 &#x41x", "A Ax"),
                ("&#233;&#xE9;&#xe9;", "ééé"),
                ("&#x1F600;", "😀"),
                ("&#0; &#x0;", "\u{FFFD} \u{FFFD}"),
                ("&#xD800; &#57343;", "\u{FFFD} \u{FFFD}"),
                ("&#x110000; &#x10FFFF;", "\u{FFFD} \u{10FFFF}"),
                ("&#99999999999; &#xFFFFFFFFFFFFFFFFFF;", "\u{FFFD} \u{FFFD}"),
                ("&#128; &#150; &#x97; &#x9F;", "€ – — Ÿ"),
                ("&#x81; &#x9D;", "\u{81} \u{9D}"),
                ("caf&eacute;s", "cafés"),
            ],
        );
        assert!(matches!(decode_entities("plain text"), Cow::Borrowed(_)));
        assert!(matches!(decode_entities(""), Cow::Borrowed(_)));
    }

    #[test]
    fn attribute_decoding_keeps_query_strings() {
        assert_eq!(decode("a?b=1&lt=2&amp;c=3", true), "a?b=1&lt=2&c=3");
        assert_eq!(decode("a?b=1&lt=2", false), "a?b=1<=2");
    }

    #[test]
    fn collapses_whitespace() {
        check(
            |s| collapse_whitespace(s).into_owned(),
            &[
                ("  a \t\n b\u{a0}\u{3000}c  ", "a b c"),
                ("a  b", "a b"),
                (" a", "a"),
                ("a ", "a"),
                ("a\nb", "a b"),
                ("\u{2003}", ""),
                ("", ""),
            ],
        );
        for clean in ["a b c", "", "x", "日本 語"] {
            assert!(
                matches!(collapse_whitespace(clean), Cow::Borrowed(_)),
                "{clean:?}"
            );
        }
    }

    #[test]
    fn html_to_text_cases() {
        check(
            html_to_text,
            &[
                // jekyll: escaped HTML whose XML-decoded form is `<p>&quot;hi&quot;</p>`
                ("<p>&quot;hi&quot;</p>", "\"hi\""),
                ("&amp;quot;hi&amp;quot;", "&quot;hi&quot;"),
                (
                    "&lt;script&gt;alert(1)&lt;/script&gt;",
                    "<script>alert(1)</script>",
                ),
                (
                    "Caf&eacute; &amp; cr&egrave;me&nbsp;&nbsp;br&ucirc;l&eacute;e&hellip;",
                    "Café & crème brûlée…",
                ),
                ("AT&T &foo;", "AT&T &foo;"),
                // blocks separate words, inline tags do not
                ("<p>One</p><p>Two</p>", "One Two"),
                ("a<br>b<br/>c<BR />d", "a b c d"),
                ("<b>bo</b>ld <i>it</i>", "bold it"),
                ("<ul><li>x</li><li>y</li></ul>", "x y"),
                ("<td>1</td><td>2</td>", "1 2"),
                ("<p>a</p>\n\n<p>  b\t c </p>", "a b c"),
                // dropped elements
                ("<script>if (a < b) { s = '</p>' }</script>ok", "ok"),
                ("<style>p > a { x: '<' }</style>Text", "Text"),
                ("<SCRIPT type=x>bad</SCRIPT >good", "good"),
                ("<script>never closed", ""),
                (
                    "<svg><title>t</title><path d='M0'/></svg>Caption",
                    "Caption",
                ),
                ("<svg/>x", "x"),
                ("<noscript><img src=x>no</noscript>yes", "yes"),
                ("<iframe src=v>fallback</iframe>after", "after"),
                ("<template><p>t</p></template>shown", "shown"),
                ("<math><mi>x</mi></math>=1", "=1"),
                ("<head><title>T</title></head><body>B</body>", "B"),
                ("<scripts>kept</scripts>", "kept"),
                // attributes
                ("<a title=\"x > y\" href='a>b'>link</a>", "link"),
                ("<img alt=don't>a", "a"),
                ("<p class=it's>ok</p>", "ok"),
                ("<div\nclass=x\n>a</div>", "a"),
                ("<a href=>x</a>", "x"),
                // literal `<`
                ("a < b", "a < b"),
                ("a <= b, 1<2, <3 <<", "a <= b, 1<2, <3 <<"),
                ("x <", "x <"),
                // comments, doctype, PI, CDATA
                ("<!-- <p>hidden</p> -->shown", "shown"),
                ("a<!---->b<!-->c<!--->d", "abcd"),
                ("<!DOCTYPE html><?xml version='1.0'?>x", "x"),
                ("<![CDATA[a &amp; <b>]]>c", "a &amp; <b>c"),
                ("<![CDATA[open", "open"),
                ("</>a</ b>c", "ac"),
                // unclosed at the end
                ("text <a href='x", "text"),
                ("text <unclosed attr=", "text"),
                ("text <!-- open", "text"),
                ("text </", "text"),
            ],
        );
    }

    #[test]
    fn excerpts() {
        let ex = |max: usize| move |s: &str| excerpt(s, max).into_owned();
        let fox = "The quick brown fox jumps over the lazy dog";
        check(ex(14), &[(fox, "The quick…")]); // backs up to the word boundary
        check(ex(8), &[(fox, "The qui…")]); // boundary too early: cut at the grapheme
        check(ex(17), &[(fox, "The quick brown…")]); // cut lands on a space
        check(ex(20), &[(fox, "The quick brown fox…")]);
        check(ex(7), &[("Hello, world and more", "Hello…")]); // dangling comma trimmed
        check(ex(12), &[("one two -- three four", "one two…")]);
        // Korean: cut at the grapheme even though there are spaces
        check(ex(8), &[("안녕하세요 여러분 반갑습니다", "안녕하세요 여…")]);
        check(ex(5), &[("今日は良い天気ですね", "今日は良…")]);
        check(
            ex(3),
            &[("e\u{301}e\u{301}e\u{301}e\u{301}", "e\u{301}e\u{301}…")],
        );
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
        let three = [family, family, family].concat();
        let one = [family, "…"].concat();
        check(ex(2), &[(three.as_str(), one.as_str())]);
        check(ex(1), &[("ab", "…")]);
        check(ex(0), &[("abc", ""), ("", "")]);
        check(ex(5), &[("abcde", "abcde"), ("abcdef", "abcd…")]);
        assert!(matches!(excerpt(fox, 100), Cow::Borrowed(_)));
        assert!(matches!(excerpt("abcde", 5), Cow::Borrowed(_)));
    }

    #[test]
    fn counts_graphemes() {
        for (s, n) in [
            ("", 0),
            ("abc", 3),
            ("e\u{301}", 1),
            ("\r\n", 1),
            ("\n\r", 2),
            ("a\u{301}\u{302}b", 2),
            ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 1), // ZWJ family
            ("🏳\u{FE0F}\u{200D}🌈", 1),
            ("👍🏽", 1),
            ("🇺🇸", 1),
            ("🇺🇸🇫🇷", 2),
            ("🇺🇸🇫", 2),
            ("1\u{FE0F}\u{20E3}", 1), // keycap
            (
                "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
                1,
            ), // England tag flag
            ("\u{1100}\u{1161}\u{11A8}", 1), // L V T jamo
            ("\u{1100}\u{1100}\u{1161}\u{1161}\u{11A8}\u{11A8}", 1), // L+ V+ T*
            ("\u{AC00}\u{11A8}", 1),  // LV syllable + T
            ("\u{AC01}\u{11A8}", 1),  // LVT + T
            ("\u{AC01}\u{1161}", 2),  // LVT + V breaks
            ("\u{11A8}\u{1100}", 2),  // T then L breaks
            ("한국어", 3),
            ("नमस्ते", 3), // स्ते is one conjunct cluster
            ("क्षत्रिय", 3),
            ("ภาษาไทย", 7), // า is a letter, not a mark
            ("ที่นี่", 2),
            ("か\u{3099}", 1),
        ] {
            assert_eq!(grapheme_count(s), n, "{s:?}");
        }
    }

    #[test]
    fn finds_first_image() {
        let img = |src: &str, width, height| {
            Some(HtmlImage {
                src: src.into(),
                width,
                height,
            })
        };
        for (html, want) in [
            // a 1x1 pixel, then the real image
            (
                "<img src=\"https://example.com/p.gif\" width=\"1\" height=\"1\"><p><img src=\"/a.jpg\" width=\"640\" height=\"480\"></p>",
                img("/a.jpg", Some(640), Some(480)),
            ),
            // a Medium stat pixel with no declared size
            (
                "<img src=\"https://medium.com/_/stat?event=post.clientViewed&referrerSource=full_rss\"><img src='b.png'>",
                img("b.png", None, None),
            ),
            ("<img src=\"data:image/gif;base64,R0lGOD\" data-src=\"real.jpg\">", img("real.jpg", None, None)),
            ("<img data-src='lazy.png' width=300>", img("lazy.png", Some(300), None)),
            ("<img src='' data-lazy-src=\"l.webp\">", img("l.webp", None, None)),
            ("<img src=unquoted.jpg width=300px height=x>", img("unquoted.jpg", Some(300), None)),
            ("<IMG SRC=\"X.JPG\">", img("X.JPG", None, None)),
            ("<img src=\"a.jpg?x=1&amp;y=2&lt=3\">", img("a.jpg?x=1&y=2&lt=3", None, None)),
            ("<img src=\"  b.jpg \n\">", img("b.jpg", None, None)),
            ("<img src=a.jpg src=b.jpg>", img("a.jpg", None, None)),
            ("<img alt='x > y' src=c.jpg/>", img("c.jpg/", None, None)),
            ("<picture><source srcset=s.avif><img src=p.jpg></picture>", img("p.jpg", None, None)),
            ("<img src=\"https://a/b.jpg\" width=\"99999999999\">", img("https://a/b.jpg", None, None)),
            ("<img src=\"\">", None),
            ("<img>", None),
            ("<img src=\"data:image/png;base64,AAAA\">", None),
            ("<!-- <img src=c.jpg> -->", None),
            ("<script>'<img src=s.jpg>'</script>", None),
            ("<img src=\"http://feeds.feedburner.com/~r/Blog/~4/abc\">", None),
            ("<img src=\"https://pixel.wp.com/b.gif?v=1\" width=\"6\" height=\"5\">", None),
            ("<img src=\"x.jpg\" height=\"0\">", None),
            ("<img src=\"never-closed.jpg\"", None),
            ("no images", None),
        ] {
            assert_eq!(first_image(html), want, "{html}");
        }
    }

    #[test]
    fn tracking_pixels() {
        for (src, w, h, want) in [
            ("https://example.com/a.jpg", None, None, false),
            ("https://example.com/a.jpg", Some(640), Some(2), true),
            ("https://example.com/a.jpg", Some(1), None, true),
            ("https://example.com/a.jpg", Some(3), Some(3), false),
            ("https://MEDIUM.com/_/stat?event=x", None, None, true),
            ("https://stats.wordpress.com/b.gif", None, None, true),
            ("https://feeds.feedblitz.com/~/i/1", None, None, true),
            ("https://x.org/email/open.gif?id=1", None, None, true),
            ("https://x.org/img/1x1.gif", None, None, true),
            ("https://x.org/tracker/v", None, None, true),
            ("https://tracker.example/a.png", None, None, false),
            ("/tracker/p.gif", None, None, true),
            ("https://x.org/pixel.gif", None, None, true),
            (
                "https://www.google-analytics.com/collect?v=1",
                None,
                None,
                true,
            ),
        ] {
            assert_eq!(is_tracking_pixel(src, w, h), want, "{src}");
        }
    }

    fn exercise(s: &str) {
        let _ = decode_entities(s);
        let _ = decode(s, true);
        let _ = collapse_whitespace(s);
        let _ = html_to_text(s);
        let _ = first_image(s);
        let n = grapheme_count(s);
        for max in [0, 1, 2, 3, 5, 8, 40] {
            let e = excerpt(s, max);
            assert!(grapheme_count(&e) <= max, "{s:?} {max}");
            assert_eq!(matches!(e, Cow::Borrowed(_)), n <= max || max == 0);
        }
    }

    #[test]
    fn never_panics() {
        let tricky = "<p a='>' b=\"<\" c=d/>x &amp;&#x1F600;&#99999999999;&#xD800&lt<!--c--><\
            < <![CDATA[d]]><script>e</script><img src=\"i.png\" width=1><img data-src='j&amp;k'>\
            &nbsp;👨\u{200D}👩\u{200D}👧 🇺🇸🇫 안녕\u{1100}\u{1161}\u{11A8}e\u{301}\r\n</p \
            ><!DOCTYPE x><?pi?></ x>é, — <";
        for (i, _) in tricky.char_indices() {
            exercise(tricky.get(..i).unwrap_or(""));
            exercise(tricky.get(i..).unwrap_or(""));
        }
        for s in [
            "<",
            "&",
            "&#",
            "&#x",
            "&#99999999999;",
            "<!",
            "<!-",
            "<!--",
            "<![CDATA[",
            "</",
            "<?",
            "<a",
            "<a b",
            "<a b=",
            "<a b='",
            "\r",
            "\u{200D}",
            "\u{1F1E6}",
        ] {
            exercise(s);
        }
        // Long runs of each unit: a quadratic re-scan would show up as a hang here.
        #[rustfmt::skip]
        let units = [
            "&", "&#", "&#1", "&amp", "<a ", "<a b='", "</", "<!--", "<!", "<script>", "</script",
            "<img src=a width=1>", "\u{200D}", "\u{1F1E6}", "e\u{301}", "\u{1100}", "a ", " ", "=", "'",
        ];
        for unit in units {
            exercise(&unit.repeat(20_000));
        }
        let big = 100_000;
        exercise(&"<".repeat(big));
        assert_eq!(html_to_text(&"<".repeat(big)), "<".repeat(big));
    }
}
