//! The byte edge: Korean and Japanese text, legacy encodings by declaration, HTTP charset and BOM,
//! invalid UTF-8 and the C0 controls XML forbids.

use feedlet::ParseOptions;

use crate::{fixture_bytes, has_warning, parse_bytes, parse_fixture};

const KOREAN_TITLE: &str = "인코딩 테스트: 가나다";
const KOREAN_SUMMARY: &str = "EUC-KR로 저장된 옛날 블로그의 글입니다. 한글 완성형.";
const JAPANESE_TITLE: &str = "文字コードのテスト：日本語";

#[test]
fn korean_and_japanese_text_in_utf8() {
    let korean = parse_fixture("atom10-korean.xml");
    assert_eq!(korean.title.as_deref(), Some("개발 일지"));
    assert_eq!(
        korean.subtitle.as_deref(),
        Some("백엔드 개발자의 기술 블로그")
    );
    assert_eq!(korean.language.as_deref(), Some("ko"));
    assert_eq!(korean.entries[0].categories, ["Spring", "아키텍처"]);
    assert_eq!(
        korean.entries[0].summary_text().as_deref(),
        Some("개요 주문 시스템에서 \"외부 API\" 호출을 트랜잭션 밖으로 옮긴 이야기입니다.")
    );
    let japanese = parse_fixture("rss20-japanese.xml");
    assert_eq!(japanese.entries[1].title.as_deref(), Some("文字コードの話"));
    assert_eq!(
        japanese.entries[1].summary_text().as_deref(),
        Some("Shift_JIS と EUC-JP と UTF-8 の違い。")
    );
}

#[test]
fn euc_kr_by_xml_declaration() {
    let feed = parse_fixture("euc-kr-declared.xml");
    assert_eq!(feed.title.as_deref(), Some("한국어 블로그 (EUC-KR 선언)"));
    assert_eq!(feed.entries[0].title.as_deref(), Some(KOREAN_TITLE));
    assert_eq!(
        feed.entries[0].summary_text().as_deref(),
        Some(KOREAN_SUMMARY)
    );
    assert_eq!(
        feed.entries[1].title.as_deref(),
        Some("두 번째 글 & 특수문자")
    );
    assert!(feed.warnings.is_empty(), "{:?}", feed.warnings);
}

#[test]
fn euc_kr_by_http_charset_which_outranks_the_declaration() {
    // The fixture's declaration says UTF-8; its `.options.json` carries the HTTP charset.
    let feed = parse_fixture("euc-kr-http.xml");
    assert_eq!(feed.entries[0].title.as_deref(), Some(KOREAN_TITLE));
    // Without the HTTP charset the (lying) declaration wins, and the bytes are not UTF-8.
    let without = parse_bytes(&fixture_bytes("euc-kr-http.xml"), &ParseOptions::default()).unwrap();
    assert!(has_warning(&without, "invalid UTF-8"));
    assert_ne!(without.entries[0].title.as_deref(), Some(KOREAN_TITLE));
}

#[test]
fn shift_jis_by_declaration_and_by_http_charset() {
    let declared = parse_fixture("shift-jis-declared.xml");
    assert_eq!(
        declared.title.as_deref(),
        Some("日本語ブログ（Shift_JIS宣言）")
    );
    assert_eq!(declared.entries[0].title.as_deref(), Some(JAPANESE_TITLE));
    assert_eq!(
        declared.entries[0].summary_text().as_deref(),
        Some("Shift_JISで保存されたフィードです。ｶﾀｶﾅも含みます。")
    );
    let http = parse_fixture("shift-jis-http.xml");
    assert_eq!(http.entries[0].title.as_deref(), Some(JAPANESE_TITLE));
    // Labels are matched as the WHATWG Encoding Standard says: case and aliases do not matter.
    for label in ["Shift_JIS", "sjis", "  ms_kanji ", "\"windows-31j\""] {
        let options = ParseOptions {
            charset: Some(label.to_owned()),
            ..ParseOptions::default()
        };
        let feed = parse_bytes(&fixture_bytes("shift-jis-http.xml"), &options).unwrap();
        assert_eq!(
            feed.entries[0].title.as_deref(),
            Some(JAPANESE_TITLE),
            "{label}"
        );
    }
}

#[test]
fn windows_1252_and_its_iso_8859_1_label() {
    for fixture in ["windows-1252-declared.xml", "iso-8859-1-declared.xml"] {
        let feed = parse_fixture(fixture);
        let entry = &feed.entries[0];
        assert_eq!(
            entry.title.as_deref(),
            Some("“Smart quotes” — and a café"),
            "{fixture}"
        );
        assert_eq!(
            entry.summary_text().as_deref(),
            Some("Prices in € and a bullet • with ‘single quotes’."),
            "{fixture}"
        );
    }
}

#[test]
fn byte_order_marks_outrank_everything() {
    // A UTF-8 BOM outranks a declaration of ISO-8859-1.
    let feed = parse_fixture("utf8-bom.xml");
    assert_eq!(
        feed.title.as_deref(),
        Some("BOM says UTF-8 (선언은 ISO-8859-1)")
    );
    // UTF-16 in both byte orders, found only by the BOM.
    for fixture in ["utf16le-bom.xml", "utf16be-bom.xml"] {
        let feed = parse_fixture(fixture);
        assert!(
            feed.title
                .as_deref()
                .unwrap()
                .ends_with("with BOM 한국어 日本語"),
            "{fixture}"
        );
        assert_eq!(
            feed.entries[0].title.as_deref(),
            Some(KOREAN_TITLE),
            "{fixture}"
        );
        assert_eq!(
            feed.entries[1].title.as_deref(),
            Some(JAPANESE_TITLE),
            "{fixture}"
        );
        assert!(feed.warnings.is_empty(), "{fixture}: {:?}", feed.warnings);
    }
    // The BOM also outranks an HTTP charset.
    let options = ParseOptions {
        charset: Some("euc-kr".to_owned()),
        ..ParseOptions::default()
    };
    let feed = parse_bytes(&fixture_bytes("utf16le-bom.xml"), &options).unwrap();
    assert_eq!(feed.entries[0].title.as_deref(), Some(KOREAN_TITLE));
}

#[test]
fn sniffing_order() {
    let sniff = |bytes: &[u8], http: Option<&str>| feedlet::sniff(bytes, http).label;
    assert_eq!(
        sniff(
            b"\xEF\xBB\xBF<?xml version='1.0' encoding='euc-kr'?>",
            Some("shift_jis")
        ),
        "utf-8"
    );
    assert_eq!(sniff(b"\xFF\xFE<\x00", None), "utf-16le");
    assert_eq!(sniff(b"\xFE\xFF\x00<", None), "utf-16be");
    assert_eq!(
        sniff(
            b"<?xml version='1.0' encoding='EUC-KR'?>",
            Some("Shift_JIS")
        ),
        "shift_jis"
    );
    assert_eq!(
        sniff(b"  <?xml version=\"1.0\" encoding=\"EUC-KR\"?><rss/>", None),
        "euc-kr"
    );
    assert_eq!(sniff(b"<rss/>", None), "utf-8");
    assert_eq!(
        sniff(b"<rss/>", Some("  ")),
        "utf-8",
        "an empty HTTP charset is no charset"
    );
}

#[test]
fn an_unknown_charset_reads_as_utf8_with_a_warning() {
    let options = ParseOptions {
        charset: Some("x-no-such-encoding".to_owned()),
        ..ParseOptions::default()
    };
    let feed = parse_bytes(
        "<rss><channel><title>가</title></channel></rss>".as_bytes(),
        &options,
    )
    .unwrap();
    assert_eq!(feed.title.as_deref(), Some("가"));
    assert!(has_warning(&feed, "unknown encoding"));
}

#[test]
fn invalid_utf8_becomes_replacement_characters_with_a_warning() {
    let feed = parse_fixture("invalid-utf8.xml");
    let title = feed.entries[0].title.as_deref().unwrap();
    assert!(title.starts_with("Caf\u{FFFD}"), "{title}");
    assert!(title.ends_with("ok \u{FFFD} title"), "{title}");
    let warning = &feed.warnings[0];
    assert!(warning.message.contains("U+FFFD"), "{warning:?}");
    // The position is where the first bad byte is: line 7, after `<title>Caf`.
    assert_eq!((warning.line, warning.column), (7, 11));
}

#[test]
fn c0_controls_are_removed_with_a_warning() {
    let feed = parse_fixture("control-chars.xml");
    assert_eq!(feed.title.as_deref(), Some("velog 스타일 제어 문자"));
    assert_eq!(feed.entries[0].title.as_deref(), Some("제목에 백스페이스"));
    assert_eq!(
        feed.entries[0].summary_text().as_deref(),
        Some("본문 수직탭 과 제어 문자")
    );
    let warning = feed
        .warnings
        .iter()
        .find(|w| w.message.contains("control characters"))
        .unwrap();
    assert_eq!(
        (warning.line, warning.column),
        (4, 17),
        "the first control character"
    );
    // Tab, newline and carriage return are allowed and stay.
    let feed = crate::parse_str("<rss><channel><title>a\tb\r\nc</title></channel></rss>");
    assert!(feed.warnings.is_empty());
    assert_eq!(feed.title.as_deref(), Some("a b c"));
}

#[test]
fn undeclared_bytes_that_are_not_utf8_read_as_windows_1252() {
    let feed = parse_fixture("windows-1252-undeclared.xml");
    assert_eq!(feed.title.as_deref(), Some("Café Crème"));
    assert_eq!(
        feed.entries[0].title.as_deref(),
        Some("“Crème brûlée” – naïve")
    );
    assert_eq!(
        feed.entries[0].summary_text().as_deref(),
        Some("Don’t miss it …")
    );
    let warning = feed
        .warnings
        .iter()
        .find(|w| w.message.contains("windows-1252"))
        .unwrap();
    assert!(warning.message.contains("names no encoding"), "{warning:?}");
    // Line 3, at the first byte that is not UTF-8 (the é of Café).
    assert_eq!((warning.line, warning.column), (3, 11));
    assert!(!feed.title.as_deref().unwrap_or("").contains('\u{FFFD}'));
}

#[test]
fn a_declared_or_mostly_utf8_feed_is_not_guessed_as_windows_1252() {
    // Declared UTF-8 stays UTF-8, with U+FFFD (the invalid-utf8 fixture above).
    // Undeclared UTF-8 with one stray byte keeps its Korean: valid multi-byte text outweighs one bad byte.
    let bytes = [
        "<rss><channel><title>한국어 블로그 ".as_bytes(),
        b"\xFF",
        "</title></channel></rss>".as_bytes(),
    ]
    .concat();
    let feed = parse_bytes(&bytes, &ParseOptions::default()).unwrap();
    assert_eq!(feed.title.as_deref(), Some("한국어 블로그 \u{FFFD}"));
    assert!(has_warning(&feed, "U+FFFD"));
    assert!(!has_warning(&feed, "windows-1252"));
    // An HTTP charset is a name: no guessing then either.
    let options = ParseOptions {
        charset: Some("utf-8".to_owned()),
        ..ParseOptions::default()
    };
    let feed = parse_bytes(&fixture_bytes("windows-1252-undeclared.xml"), &options).unwrap();
    assert!(has_warning(&feed, "U+FFFD"));
    assert!(!has_warning(&feed, "windows-1252"));
    assert!(feedlet::sniff(b"<rss/>", None).guessed);
    assert!(!feedlet::sniff(b"<rss/>", Some("utf-8")).guessed);
    assert!(!feedlet::sniff(b"<?xml version='1.0' encoding='utf-8'?><rss/>", None).guessed);
}

#[test]
fn c1_controls_become_windows_1252_punctuation_with_a_warning() {
    let feed = parse_fixture("c1-punctuation.xml");
    assert_eq!(
        feed.entries[0].title.as_deref(),
        Some("Don’t stop – it’s “fine”")
    );
    // U+0081 is unassigned in windows-1252 and is left as it is.
    assert_eq!(
        feed.entries[0].summary_text().as_deref(),
        Some("Ends here… and \u{81} stays")
    );
    let warning = feed
        .warnings
        .iter()
        .find(|w| w.message.contains("C1 control"))
        .unwrap();
    assert!(warning.message.starts_with("6 C1"), "{warning:?}");
    assert_eq!((warning.line, warning.column), (6, 11));
}
