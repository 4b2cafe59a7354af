//! The library on disk through its API: adding, re-adding and changing pages, search
//! that finds every substring like Ctrl-F, readers that take in another writer's
//! commits, one writer at a time, and a library of another format refused, not emptied.

use crate::support;

use dubao::library::disk::DiskShelf;
use dubao::library::memory::MemoryShelf;
use dubao::library::{IssueKey, SearchQuery, Shelf};
use dubao::model::{Article, ArticleId, Issue, Library, Page, Paragraph};

fn article(id: &str, title: &str, paras: &[&str]) -> Article {
    Article {
        id: ArticleId(id.into()),
        title: title.into(),
        paragraphs: paras.iter().map(|p| Paragraph::text(*p)).collect(),
        ..Default::default()
    }
}

fn issue(date: &str, pages: Vec<Page>) -> Issue {
    Issue {
        paper: "测试日报".into(),
        slug: "test-daily".into(),
        date: date.into(),
        pages,
    }
}

fn page(number: &str, date: &str, texts: &[&str]) -> Page {
    Page {
        number: number.into(),
        articles: texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                article(
                    &format!("test-daily/{date}/{number}/{}", i + 1),
                    &format!("标题{i}"),
                    &[t],
                )
            })
            .collect(),
        ..Default::default()
    }
}

fn q(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        ..Default::default()
    }
}

fn ids(shelf: &dyn Shelf, query: &SearchQuery) -> Vec<String> {
    shelf
        .search(query)
        .unwrap()
        .into_iter()
        .map(|h| h.id.0)
        .collect()
}

#[test]
fn substrings_of_every_length_are_found_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let shelf = DiskShelf::open(dir.path()).unwrap();
    let old = issue(
        "2023-07-02",
        vec![page("01", "2023-07-02", &["中国农业发展银行今天开业。"])],
    );
    let new = issue(
        "2023-07-03",
        vec![
            page(
                "01",
                "2023-07-03",
                &["农业农村部：ＡＢＣ银行", "无关的文字"],
            ),
            page("02", "2023-07-03", &["发展“农业”"]),
        ],
    );
    let sum = shelf.add_issues(&[old, new]).unwrap();
    assert_eq!((sum.pages, sum.articles_added), (3, 4));
    let got = ids(&shelf, &q("农业"));
    assert_eq!(
        got,
        [
            "test-daily/2023-07-03/01/1",
            "test-daily/2023-07-03/02/1",
            "test-daily/2023-07-02/01/1"
        ]
    );
    assert_eq!(shelf.count(&q("农业")).unwrap(), 3);
    assert_eq!(ids(&shelf, &q("农")).len(), 3);
    assert_eq!(
        ids(&shelf, &q("农业发展银")),
        ["test-daily/2023-07-02/01/1"]
    );
    assert_eq!(ids(&shelf, &q("国农业发展银行")).len(), 1);
    // Width, case and punctuation fold as the query is folded.
    assert_eq!(ids(&shelf, &q("abc银行")), ["test-daily/2023-07-03/01/1"]);
    assert_eq!(ids(&shelf, &q("部:a")), ["test-daily/2023-07-03/01/1"]);
    assert_eq!(ids(&shelf, &q("\"农业\"")), ["test-daily/2023-07-03/02/1"]);
    // Not across the article's title and its text: "标题0" then "农业…".
    assert!(ids(&shelf, &q("0农")).is_empty());
    assert!(ids(&shelf, &q("银行农业")).is_empty());
    // Filters, limit and offset.
    let mut f = q("农业");
    f.to = Some("2023-07-02".into());
    assert_eq!(ids(&shelf, &f), ["test-daily/2023-07-02/01/1"]);
    f = q("农业");
    f.paper = Some("测试日报".into());
    f.limit = 1;
    f.offset = 1;
    assert_eq!(ids(&shelf, &f), ["test-daily/2023-07-03/02/1"]);
    f.paper = Some("other".into());
    assert_eq!(shelf.count(&f).unwrap(), 0);
}

#[test]
fn the_same_page_again_changes_nothing_and_a_changed_page_keeps_its_ids() {
    let dir = tempfile::tempdir().unwrap();
    let shelf = DiskShelf::open(dir.path()).unwrap();
    let day = || {
        issue(
            "2023-07-03",
            vec![page("01", "2023-07-03", &["甲文", "乙文"])],
        )
    };
    shelf.add_issues(&[day()]).unwrap();
    let again = shelf.add_issues(&[day()]).unwrap();
    assert_eq!((again.pages_unchanged, again.articles_unchanged), (1, 2));
    assert_eq!(again.articles_added + again.articles_replaced, 0);
    let changed = issue(
        "2023-07-03",
        vec![page("01", "2023-07-03", &["甲文改", "乙文", "丙文"])],
    );
    let sum = shelf.add_issues(&[changed]).unwrap();
    assert_eq!((sum.articles_replaced, sum.articles_added), (2, 1));
    let infos = shelf.issues();
    assert_eq!(infos.len(), 1);
    assert_eq!((infos[0].pages, infos[0].articles), (1, 3));
    let (key, a) = shelf
        .article(&ArticleId("test-daily/2023-07-03/01/1".into()))
        .unwrap();
    assert_eq!(key.date, "2023-07-03");
    assert_eq!(a.paragraphs[0].text, "甲文改");
    assert_eq!(shelf.count(&q("甲文")).unwrap(), 1);
    assert_eq!(shelf.count(&q("丙")).unwrap(), 1);
}

#[test]
fn disk_and_memory_shelves_agree_on_real_pages() {
    let dir = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    support::library::write_archive(pages.path(), 3, 4);
    let lib = dubao::import::load_paths(&[pages.path().to_path_buf()])
        .unwrap()
        .library;
    let disk = DiskShelf::open(dir.path()).unwrap();
    disk.add_issues(&lib.issues).unwrap();
    let memory = MemoryShelf::new(lib.clone());
    assert_eq!(disk.issues(), memory.issues());
    assert_eq!(disk.issues().len(), 3);
    let key = IssueKey {
        slug: lib.issues[1].slug.clone(),
        date: lib.issues[1].date.clone(),
    };
    assert_eq!(disk.load_issue(&key).unwrap(), lib.issues[1]);
    // Every query the brute force finds, the engine finds, and no other: substrings of
    // the text of every length from 1 to 6 chars.
    let all: Vec<&Article> = lib.articles().map(|(_, a)| a).collect();
    let mut rng = support::library::Rng(7);
    for _ in 0..60 {
        let a = all[rng.below(all.len() as u64) as usize];
        let text: Vec<char> = a
            .paragraphs
            .first()
            .map_or("", |p| &p.text)
            .chars()
            .collect();
        if text.len() < 7 {
            continue;
        }
        let len = 1 + rng.below(6) as usize;
        let at = rng.below((text.len() - len) as u64) as usize;
        let query: String = text[at..at + len].iter().collect();
        let want = lib
            .articles()
            .filter(|(_, a)| !dubao::search::hits(a, &query).is_empty())
            .count();
        assert_eq!(disk.count(&q(&query)).unwrap(), want, "{query:?}");
        assert_eq!(memory.count(&q(&query)).unwrap(), want, "{query:?}");
    }
}

#[test]
fn a_reader_takes_in_a_writers_commit_and_one_writer_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let writer = DiskShelf::open(dir.path()).unwrap();
    let reader = DiskShelf::open(dir.path()).unwrap();
    assert!(reader.issues().is_empty());
    let importer = writer.importer().unwrap();
    let second = reader.importer();
    assert!(second.is_err());
    let msg = second.err().unwrap().to_string();
    assert!(msg.contains("another dubao"), "{msg}");
    drop(importer);
    writer
        .add_issues(&[issue(
            "2023-07-03",
            vec![page("01", "2023-07-03", &["新闻"])],
        )])
        .unwrap();
    assert!(reader.refresh());
    assert!(!reader.refresh());
    // The same page again is no commit at all.
    writer
        .add_issues(&[issue(
            "2023-07-03",
            vec![page("01", "2023-07-03", &["新闻"])],
        )])
        .unwrap();
    assert!(!reader.refresh());
    assert_eq!(reader.issues().len(), 1);
    assert_eq!(reader.count(&q("新闻")).unwrap(), 1);
}

#[test]
fn a_library_of_another_format_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let shelf = DiskShelf::open(dir.path()).unwrap();
    shelf
        .add_issues(&[issue(
            "2023-07-03",
            vec![page("01", "2023-07-03", &["新闻"])],
        )])
        .unwrap();
    drop(shelf);
    let format = dir.path().join("library.json");
    for (f, word) in [
        (99, "newer"),
        (0, "older"),
        (1, "traditional and simplified"),
    ] {
        std::fs::write(&format, format!("{{\"format\": {f}}}")).unwrap();
        let e = DiskShelf::open(dir.path()).unwrap_err().to_string();
        assert!(e.contains(word), "{e}");
    }
    let current = format!("{{\"format\": {}}}", dubao::library::disk::FORMAT);
    std::fs::write(&format, current).unwrap();
    assert_eq!(DiskShelf::open(dir.path()).unwrap().issues().len(), 1);
}

#[test]
fn the_bundled_issue_reads_back_from_disk_as_it_went_in() {
    let dir = tempfile::tempdir().unwrap();
    let shelf = DiskShelf::open(dir.path()).unwrap();
    let lib: Library = dubao::import::load_bundled();
    shelf.add_issues(&lib.issues).unwrap();
    let shelf = DiskShelf::open(dir.path()).unwrap();
    let infos = shelf.issues();
    assert_eq!(infos[0].paper, "河北日报");
    assert_eq!(shelf.load_issue(&infos[0].key).unwrap(), lib.issues[0]);
    let hits = shelf.search(&q("衡水")).unwrap();
    assert!(hits[0].snippet.contains("衡水"));
}

#[test]
fn the_first_hits_are_the_newest_across_months_and_years() {
    let dir = tempfile::tempdir().unwrap();
    let shelf = DiskShelf::open(dir.path()).unwrap();
    let dates = [
        "2020-01-05",
        "2022-03-01",
        "2023-01-20",
        "2023-06-30",
        "2023-07-03",
    ];
    let issues: Vec<Issue> = dates
        .iter()
        .map(|d| issue(d, vec![page("01", d, &["农业新闻", "别的"])]))
        .collect();
    shelf.add_issues(&issues).unwrap();
    for limit in 1..=6 {
        let mut query = q("农业");
        query.limit = limit;
        let got: Vec<String> = shelf
            .search(&query)
            .unwrap()
            .into_iter()
            .map(|h| h.key.date)
            .collect();
        let want: Vec<&str> = dates.iter().rev().take(limit).copied().collect();
        assert_eq!(got, want, "limit {limit}");
    }
}

#[test]
fn hits_are_newest_first_whatever_order_the_segments_were_written_in() {
    let dir = tempfile::tempdir().unwrap();
    let shelf = DiskShelf::open(dir.path()).unwrap();
    // One commit (one segment) each, oldest and newest mixed, then the newest page
    // changed: its first documents are deleted in an older segment.
    let dates = [
        "2021-05-01",
        "2024-02-02",
        "2019-09-09",
        "2023-03-03",
        "2020-10-10",
    ];
    for d in dates {
        let pages = vec![
            page("01", d, &["农业新闻", "别的"]),
            page("02", d, &["又是农业"]),
        ];
        shelf.add_issues(&[issue(d, pages)]).unwrap();
    }
    let changed = vec![page("01", "2024-02-02", &["改过的农业新闻", "别的"])];
    shelf.add_issues(&[issue("2024-02-02", changed)]).unwrap();
    let mut sorted = dates.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    let want: Vec<String> = sorted
        .iter()
        .flat_map(|d| {
            [
                format!("test-daily/{d}/01/1"),
                format!("test-daily/{d}/02/1"),
            ]
        })
        .collect();
    assert_eq!(ids(&shelf, &q("农业")), want, "every hit");
    for limit in 1..=want.len() {
        for offset in 0..=want.len() {
            let mut query = q("农业");
            query.limit = limit;
            query.offset = offset;
            let page: Vec<String> = want.iter().skip(offset).take(limit).cloned().collect();
            assert_eq!(ids(&shelf, &query), page, "limit {limit} offset {offset}");
        }
    }
}
