//! The "done when" check on the real Jekyll feed in `../shared/seed-feed.xml` (not part of the repository):
//! 5 entries with the right Korean titles, links, categories, the author, and UTC dates.

use crate::{iso, manifest_dir};

#[test]
fn seed_feed() {
    let path = manifest_dir().join("../shared/seed-feed.xml");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("seed feed: skipped, {} is absent", path.display());
        return;
    };
    let feed = feedlet::parse(&bytes, &feedlet::ParseOptions::default()).unwrap();
    assert_eq!(feed.format, feedlet::Format::Atom);
    assert_eq!(feed.title.as_deref(), Some("기술블로그"));
    assert_eq!(feed.link.as_deref(), Some("https://cwangg897.github.io/"));
    assert_eq!(feed.entries.len(), 5);
    let first = &feed.entries[0];
    assert_eq!(
        first.title.as_deref(),
        Some("최종적 일관성과 트랜잭션 분리를 통한 외부 API 호출 격리: 주문/발급 아키텍처 구축기")
    );
    assert_eq!(
        first.link.as_deref(),
        Some("https://cwangg897.github.io/posts/transaction-separation-external-api/")
    );
    assert_eq!(
        iso(first.published.as_ref()).as_deref(),
        Some("2026-03-06T15:00:00Z")
    );
    assert_eq!(first.categories, ["Spring", "Architecture"]);
    assert_eq!(
        first.content.as_ref().unwrap().src.as_deref(),
        Some("https://cwangg897.github.io/posts/transaction-separation-external-api/")
    );
    assert!(first
        .summary_text()
        .unwrap()
        .starts_with("개요 기프티콘 주문 시스템을 구축하며"));
    assert_eq!(
        feed.entries[1].title.as_deref(),
        Some("WebSocket 채팅 안정화 개선기: Redis Pub/Sub 재설계와 운영 지표 검증")
    );
    assert_eq!(
        feed.entries[1].link.as_deref(),
        Some("https://cwangg897.github.io/posts/chat-improve/")
    );
    assert_eq!(
        iso(feed.entries[1].published.as_ref()).as_deref(),
        Some("2026-02-08T15:00:00Z")
    );
    for entry in &feed.entries {
        assert_eq!(entry.authors.len(), 1, "{:?}", entry.title);
        assert_eq!(entry.authors[0].name, "Choi Wang Gyu");
        let title = entry.title.as_deref().unwrap();
        assert!(
            title.chars().any(|c| ('가'..='힣').contains(&c)),
            "a Korean title: {title}"
        );
        assert!(entry
            .link
            .as_deref()
            .unwrap()
            .starts_with("https://cwangg897.github.io/posts/"));
        assert!(!entry.categories.is_empty(), "{title}");
        let published = iso(entry.published.as_ref()).unwrap();
        assert!(
            published.ends_with('Z') && published.len() == 20,
            "{published}"
        );
    }
    assert!(feed.warnings.is_empty(), "{:?}", feed.warnings);
}
