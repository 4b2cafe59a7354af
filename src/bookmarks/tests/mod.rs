//! Unit tests of the bookmark store: the state's own logic here; the file format and
//! the store on disk in the submodules.

mod format;
mod robust;
mod store;

use super::*;
use crate::model::Field;

fn bm(id: &str, created: u64) -> Bookmark {
    Bookmark {
        id: id.into(),
        paper: "河北日报".into(),
        date: "2022-07-01".into(),
        title: format!("标题 {id}"),
        anchor: Anchor::default(),
        created,
    }
}

fn at(field: Field, offset: usize) -> Anchor {
    Anchor {
        field: Some(field),
        offset,
    }
}

fn temp_store() -> (tempfile::TempDir, MarkStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = MarkStore::new(dir.path().join("dubao"));
    (dir, store)
}

#[test]
fn add_is_idempotent_and_keeps_the_first() {
    let mut s = State::default();
    assert!(s.apply(&Change::Add(bm("a", 1))));
    let mut later = bm("a", 2);
    later.anchor = at(Field::Paragraph(3), 7);
    assert!(!s.apply(&Change::Add(later)));
    assert_eq!(s.bookmarks, vec![bm("a", 1)]);
    assert!(s.apply(&Change::Remove("a".into())));
    assert!(!s.apply(&Change::Remove("a".into())));
    assert!(s.bookmarks.is_empty());
}

#[test]
fn reading_changes_report_whether_they_changed_anything() {
    let mut s = State::default();
    assert!(s.apply(&Change::MarkRead("a".into())));
    assert!(!s.apply(&Change::MarkRead("a".into())));
    assert!(s.is_read("a"));
    let p = at(Field::Title, 2);
    assert!(s.apply(&Change::Position("a".into(), p)));
    assert!(!s.apply(&Change::Position("a".into(), p)));
    assert_eq!(s.position("a"), Some(p));
    assert_eq!(s.position("b"), None);
}

#[test]
fn toggle_follows_what_the_state_shows() {
    let mut s = State::default();
    assert_eq!(s.toggle(bm("a", 1)), Change::Add(bm("a", 1)));
    s.apply(&Change::Add(bm("a", 1)));
    assert_eq!(s.toggle(bm("a", 5)), Change::Remove("a".into()));
}

#[test]
fn newest_first_breaks_ties_by_last_made() {
    let s = State {
        bookmarks: vec![bm("old", 1), bm("x", 5), bm("y", 5), bm("mid", 3)],
        ..State::default()
    };
    let ids: Vec<&str> = s.newest_first().iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, vec!["y", "x", "mid", "old"]);
}

#[test]
fn for_article_stores_paper_date_and_headline() {
    let lib = crate::import::load_bundled();
    let (_, first) = lib.articles().next().unwrap();
    let anchor = at(Field::Paragraph(0), 4);
    let b = Bookmark::for_article(&lib, &first.id.0, anchor).unwrap();
    assert_eq!(
        (
            b.id.as_str(),
            b.paper.as_str(),
            b.date.as_str(),
            b.title.as_str(),
            b.anchor
        ),
        (
            first.id.0.as_str(),
            "河北日报",
            "2022-07-01",
            first.title.as_str(),
            anchor
        )
    );
    assert!(b.created > 1_700_000_000);
    assert_eq!(Bookmark::for_article(&lib, "no/such/id", anchor), None);
}
