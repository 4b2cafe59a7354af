//! Tests of the in-memory shelf: the bundled issue, answers equal to the index's own
//! whether it is built or not, and no index built for what does not search.

use super::*;
use crate::import::load_bundled;
use crate::library::Shelf;
use crate::model::Page;

#[test]
fn bundled_issue_is_on_the_shelf_and_searchable() {
    let shelf = MemoryShelf::new(load_bundled());
    let issues = shelf.issues();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].key.date, "2022-07-01");
    assert_eq!(issues[0].articles, 5);
    assert_eq!(issues[0].paper, "河北日报");
    let issue = shelf.load_issue(&issues[0].key).unwrap();
    assert_eq!(issue, load_bundled().issues[0]);
    let first = &issue.pages[0].articles[0];
    assert_eq!(shelf.article(&first.id).unwrap().1.title, first.title);
    let q = SearchQuery {
        text: "冰雪".into(),
        ..Default::default()
    };
    let hits = shelf.search(&q).unwrap();
    assert!(!hits.is_empty());
    assert_eq!(shelf.count(&q).unwrap(), hits.len());
    assert!(hits.iter().all(|h| h.snippet.contains("冰雪")));
    let none = SearchQuery {
        text: "冰雪".into(),
        from: Some("2023-01-01".into()),
        ..Default::default()
    };
    assert_eq!(shelf.count(&none).unwrap(), 0);
}

/// Issues given out of order, twice over, with a page number given twice and an issue
/// without pages.
fn tangled() -> Library {
    let bundled = load_bundled().issues.remove(0);
    let page = |n: &str, text: &str| crate::import::parse_page(text, "t", "2020-01-02", n);
    let issue = |date: &str, pages: Vec<Page>| Issue {
        paper: "测试报".into(),
        slug: "t".into(),
        date: date.into(),
        pages,
    };
    let mut late = bundled.clone();
    late.date = "2023-05-05".into();
    for a in late.pages.iter_mut().flat_map(|p| &mut p.articles) {
        a.id.0.push_str("-late");
    }
    Library {
        issues: vec![
            late,
            issue(
                "2020-01-02",
                vec![
                    page("10", "十版\n\n正文甲。"),
                    page("2", "二版\n\n正文乙。"),
                ],
            ),
            issue("2020-01-01", vec![]),
            bundled,
            issue("2020-01-02", vec![page("2", "二版改\n\n正文丙。")]),
        ],
    }
}

#[test]
fn answers_as_the_index_does_without_building_it() {
    let lib = tangled();
    let shelf = MemoryShelf::new(lib.clone());
    let store = Store::in_ram().unwrap();
    let mut writer = store.writer(1).unwrap();
    store.add(&writer, &lib.issues).unwrap();
    store.commit(&mut writer).unwrap();
    assert_eq!(shelf.issues(), store.issues());
    assert_eq!(shelf.issues().len(), 3);
    for info in shelf.issues() {
        let issue = shelf.load_issue(&info.key).unwrap();
        assert_eq!(issue, store.load_issue(&info.key).unwrap());
        for a in issue.pages.iter().flat_map(|p| &p.articles) {
            assert_eq!(shelf.article(&a.id), store.article(&a.id));
        }
    }
    let gone = IssueKey {
        slug: "t".into(),
        date: "2020-01-01".into(),
    };
    assert!(shelf.load_issue(&gone).is_err());
    assert!(store.load_issue(&gone).is_err());
    assert!(
        shelf.inner.index.get().is_none(),
        "nothing searched, nothing indexed"
    );
    assert_eq!(shelf.indexing(), None);
}

#[test]
fn search_builds_the_index_once_and_the_background_reports_progress() {
    let shelf = MemoryShelf::new(tangled());
    let q = SearchQuery {
        text: "正文丙".into(),
        ..Default::default()
    };
    assert_eq!(shelf.count(&q).unwrap(), 1);
    assert!(shelf.inner.index.get().is_some());
    let q = SearchQuery {
        text: "正文乙".into(),
        ..Default::default()
    };
    assert_eq!(
        shelf.count(&q).unwrap(),
        0,
        "the page given again replaced it"
    );

    // More than a few articles: indexed on a thread of its own.
    let one = load_bundled().issues.remove(0);
    let issues = (0..=SMALL / 5)
        .map(|n| {
            let mut issue = one.clone();
            issue.date = format!("2021-{:02}-{:02}", 1 + n / 28, 1 + n % 28);
            for a in issue.pages.iter_mut().flat_map(|p| &mut p.articles) {
                a.id.0 = format!("{}-{n}", a.id.0);
            }
            issue
        })
        .collect();
    let other = MemoryShelf::new(Library { issues });
    assert!(other.inner.total > SMALL);
    assert_eq!(other.indexing(), None, "nothing asked for yet");
    other.index_in_background();
    // Until the thread is done it says how far it is; a search waits for it.
    if let Some(p) = other.indexing() {
        assert!(p < 100);
    }
    let q = SearchQuery {
        text: "冰雪".into(),
        ..Default::default()
    };
    assert!(other.count(&q).unwrap() > 0);
    assert_eq!(other.indexing(), None);
}
