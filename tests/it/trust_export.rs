//! `dubao export` is the library (not the bundled issue): export → import on a fresh
//! home gives the same issues, pages, articles and ids, for 1,000 generated pages; and
//! `dubao bookmarks --export` → `--import` carries bookmarks and reading state over.

use std::path::Path;

use crate::support;

use dubao::model::{
    Article, ArticleArea, ArticleId, Issue, Library, Page, PageLine, PageLineKind, PageScan,
    Paragraph, Photo,
};
use support::{dubao, stderr, stdout};

const HAN: &[char] = &[
    '农', '业', '乡', '村', '振', '兴', '河', '北', '冰', '雪', '运', '动',
];

fn text(seed: usize, len: usize) -> String {
    (0..len)
        .map(|i| HAN[(seed * 7 + i * 3) % HAN.len()])
        .collect()
}

fn article(slug: &str, date: &str, page: usize, n: usize) -> Article {
    let seed = page * 31 + n;
    Article {
        id: ArticleId(format!("{slug}/{date}/{page:02}/{n}")),
        kicker: (n % 3 == 0).then(|| text(seed, 6)),
        title: format!("{}{}", text(seed, 8), n),
        subtitle: (n % 2 == 0).then(|| format!("——{}", text(seed + 1, 9))),
        byline: Some(format!("记者 {}", text(seed + 2, 3))),
        paragraphs: (0..3)
            .map(|p| Paragraph::text(text(seed + p, 40)))
            .collect(),
        link: (n == 1).then(|| format!("https://example.com/{slug}/{date}/{page}")),
        photos: if n == 2 {
            vec![Photo {
                url: format!("https://example.com/{page}.jpg"),
                caption: Some(text(seed, 5)),
                credit: None,
                at: 1,
            }]
        } else {
            Vec::new()
        },
        ..Default::default()
    }
}

/// `issues × pages` pages of two papers, every field of the model used somewhere.
fn generated(issues: usize, pages: usize) -> Library {
    let mut lib = Library::default();
    for i in 0..issues {
        let (paper, slug) = if i % 2 == 0 {
            ("河北日报", "hebei-daily")
        } else {
            ("人民日报", "renmin")
        };
        let date = support::library::date(i / 2);
        let pages = (1..=pages)
            .map(|p| Page {
                number: format!("{p:02}"),
                section: (p == 1).then(|| "要闻".to_string()),
                lines: vec![PageLine {
                    kind: PageLineKind::Credit,
                    text: format!("本版责编：{}", text(p, 3)),
                }],
                articles: (1..=3).map(|n| article(slug, &date, p, n)).collect(),
                scan: (p == 2).then(|| PageScan {
                    image: Some(format!("https://example.com/{date}/{p}.jpg")),
                    pdf: None,
                    areas: vec![ArticleArea {
                        article: 0,
                        coords: vec![1, 2, 30, 40],
                    }],
                }),
            })
            .collect();
        lib.issues.push(Issue {
            paper: paper.into(),
            slug: slug.into(),
            date,
            pages,
        });
    }
    // The order the library gives: by date, then slug.
    lib.issues
        .sort_by(|a, b| (&a.date, &a.slug).cmp(&(&b.date, &b.slug)));
    lib
}

fn export_of(home: &Path) -> Library {
    let o = dubao(&["export"], home);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("export is a library")
}

#[test]
fn export_then_import_on_a_fresh_home_round_trips_1000_pages() {
    let lib = generated(100, 10);
    assert_eq!(
        lib.issues.iter().map(|i| i.pages.len()).sum::<usize>(),
        1000
    );
    let first = tempfile::tempdir().unwrap();
    let file = first.path().join("generated.json");
    std::fs::write(&file, serde_json::to_vec(&lib).unwrap()).unwrap();
    let o = dubao(&["import", file.to_str().unwrap()], first.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("imported 1000 pages"),
        "{}",
        stdout(&o)
    );

    let exported = export_of(first.path());
    assert_eq!(exported, lib, "the export is the library, every field");

    let second = tempfile::tempdir().unwrap();
    let backup = second.path().join("backup.json");
    let o = dubao(&["export"], first.path());
    std::fs::write(&backup, &o.stdout).unwrap();
    let o = dubao(&["import", backup.to_str().unwrap()], second.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(export_of(second.path()), lib, "the same on the new home");
    let ids = stdout(&dubao(&["list"], second.path()));
    assert_eq!(ids.lines().count(), 3000);
    assert_eq!(ids, stdout(&dubao(&["list"], first.path())));
}

#[test]
fn export_with_data_is_those_files_and_without_a_library_the_bundled_issue() {
    let home = tempfile::tempdir().unwrap();
    assert_eq!(export_of(home.path()), dubao::import::load_bundled());
    let lib = generated(2, 2);
    let file = home.path().join("two.json");
    std::fs::write(&file, serde_json::to_vec(&lib).unwrap()).unwrap();
    let o = dubao(&["export", "--data", file.to_str().unwrap()], home.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let back: Library = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(back, lib);
}

#[test]
fn bookmarks_and_reading_state_move_to_a_new_home() {
    let old = tempfile::tempdir().unwrap();
    let list = stdout(&dubao(&["list"], old.path()));
    let ids: Vec<&str> = list
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    for id in &ids[..2] {
        let o = dubao(&["bookmark", "add", id], old.path());
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let o = dubao(&["bookmarks", "--export"], old.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let file = old.path().join("marks.json");
    std::fs::write(&file, &o.stdout).unwrap();

    let new = tempfile::tempdir().unwrap();
    let o = dubao(
        &["bookmarks", "--import", file.to_str().unwrap()],
        new.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("imported 2 new bookmarks"),
        "{}",
        stdout(&o)
    );
    let listed = |h: &Path| stdout(&dubao(&["bookmarks", "--json"], h));
    assert_eq!(listed(new.path()), listed(old.path()));
    // Again: nothing new, nothing doubled.
    let o = dubao(
        &["bookmarks", "--import", file.to_str().unwrap()],
        new.path(),
    );
    assert!(stdout(&o).starts_with("imported 0 new"), "{}", stdout(&o));
    assert_eq!(listed(new.path()), listed(old.path()));

    // A file that is not one is refused, exit status 1, one line naming it.
    let bad = new.path().join("bad.json");
    std::fs::write(&bad, "{\"issues\": []}").unwrap();
    let o = dubao(
        &["bookmarks", "--import", bad.to_str().unwrap()],
        new.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.json"), "{}", stderr(&o));
}

#[test]
fn page_lines_are_found_as_the_pages_own_hits() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let lib = generated(2, 2);
    let file = h.join("two.json");
    std::fs::write(&file, serde_json::to_vec(&lib).unwrap()).unwrap();
    let f = file.to_str().unwrap();
    // In memory (`--data`) and in the library on disk alike.
    assert!(dubao(&["import", f], h).status.success());
    for args in [
        &["search", "本版责编:"][..],
        &["search", "本版责编:", "--data", f],
    ] {
        let o = dubao(args, h);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4, "one hit per page: {out}");
        assert!(
            lines
                .iter()
                .all(|l| l.contains("\tpage_line\t【本版责编：】")),
            "{out}"
        );
        assert!(lines[0].contains("/2021-01-01/01\t"), "page order: {out}");
        assert!(lines[3].contains("/2021-01-01/02\t"), "page order: {out}");
    }
    let o = dubao(
        &["search", "本版责编", "--json", "--paper", "hebei-daily"],
        h,
    );
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0]["id"], "hebei-daily/2021-01-01/01");
    assert_eq!(hits[0]["matches"][0]["field"], "page_line");
}
