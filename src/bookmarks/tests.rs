//! Unit tests of the bookmark store: merging, the file format, corrupt and newer files.

use std::os::unix::fs::MetadataExt;

use proptest::prelude::*;

use super::file::{self, Parsed, Part};
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

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("dubao"));
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
fn timestamps_are_utc_calendar_times() {
    assert_eq!(file::timestamp(0), "19700101T000000");
    assert_eq!(file::timestamp(951_782_400), "20000229T000000");
    assert_eq!(file::timestamp(1_000_000_000), "20010909T014640");
    assert_eq!(file::timestamp(1_795_835_700), "20261128T031500");
    assert_eq!(file::timestamp(4_107_628_799), "21000301T235959");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Sorting the names sorts the times, so `ls` lists corrupt copies oldest first.
    #[test]
    fn timestamps_sort_like_times(a in 0u64..8_000_000_000, b in 0u64..8_000_000_000) {
        let (ta, tb) = (file::timestamp(a), file::timestamp(b));
        prop_assert_eq!(ta.len(), 15);
        prop_assert_eq!(a.cmp(&b), ta.cmp(&tb));
    }
}

#[test]
fn parse_tells_good_newer_and_corrupt_apart() {
    let good = Part::Bookmarks.encode(&State {
        bookmarks: vec![bm("a", 1)],
        ..State::default()
    });
    assert!(good.contains("\"version\": 1"));
    assert_eq!(
        Part::Bookmarks.parse(good.as_bytes()),
        Parsed::Good(State {
            bookmarks: vec![bm("a", 1)],
            ..State::default()
        })
    );
    let newer = good.replace("\"version\": 1", "\"version\": 2");
    assert_eq!(
        Part::Bookmarks.parse(newer.as_bytes()),
        Parsed::Newer {
            version: 2,
            best_effort: State {
                bookmarks: vec![bm("a", 1)],
                ..State::default()
            }
        }
    );
    let alien = r#"{"version": 9, "items": {"x": 1}}"#;
    assert_eq!(
        Part::Bookmarks.parse(alien.as_bytes()),
        Parsed::Newer {
            version: 9,
            best_effort: State::default()
        }
    );
    for bad in [
        "",
        "{\"version\": 1, \"bookmarks\": [",
        "[]",
        "{\"bookmarks\": []}",
        "{\"version\": \"1\", \"bookmarks\": []}",
        "{\"version\": 0, \"bookmarks\": []}",
        "{\"version\": 1, \"bookmarks\": [{\"id\": \"a\"}]}",
    ] {
        assert!(
            matches!(Part::Bookmarks.parse(bad.as_bytes()), Parsed::Corrupt(_)),
            "{bad:?}"
        );
    }
}

#[test]
fn load_of_a_missing_folder_is_empty_and_creates_nothing() {
    let (_t, store) = temp_store();
    assert_eq!(store.load().unwrap(), (State::default(), None));
    assert!(!store.dir().exists());
}

#[test]
fn a_corrupt_file_is_moved_aside_once_and_reported() {
    let (_t, store) = temp_store();
    std::fs::create_dir_all(store.dir()).unwrap();
    std::fs::write(store.bookmarks_path(), b"{\"version\": 1, \"bookm").unwrap();
    let (state, warning) = store.load().unwrap();
    assert_eq!(state, State::default());
    let warning = warning.unwrap();
    assert!(!warning.contains('\n'), "{warning}");
    let aside: Vec<_> = std::fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(
        warning.contains(&aside[0].display().to_string()),
        "{warning}"
    );
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        b"{\"version\": 1, \"bookm"
    );
    assert!(!store.bookmarks_path().exists());
    assert_eq!(store.load().unwrap(), (State::default(), None));
}

#[test]
fn corrupt_files_moved_in_the_same_second_keep_distinct_names() {
    let (_t, store) = temp_store();
    std::fs::create_dir_all(store.dir()).unwrap();
    let mut names = Vec::new();
    for text in ["one", "two", "three"] {
        std::fs::write(store.bookmarks_path(), text).unwrap();
        names.push(file::move_aside(store.dir(), Part::Bookmarks, 1_000_000_000).unwrap());
    }
    let base = store.dir().join("bookmarks.json.corrupt-20010909T014640");
    assert_eq!(
        names,
        vec![
            base.clone(),
            base.with_file_name("bookmarks.json.corrupt-20010909T014640-2"),
            base.with_file_name("bookmarks.json.corrupt-20010909T014640-3"),
        ]
    );
    assert_eq!(std::fs::read_to_string(&names[1]).unwrap(), "two");
}

#[test]
fn apply_over_a_corrupt_file_keeps_it_aside_and_saves_the_change() {
    let (_t, store) = temp_store();
    std::fs::create_dir_all(store.dir()).unwrap();
    std::fs::write(store.reading_path(), b"\xff\xfe garbage").unwrap();
    let (state, warning) = store.apply(&[Change::MarkRead("a".into())]).unwrap();
    assert!(
        warning
            .unwrap()
            .starts_with("reading-state file was corrupt")
    );
    assert!(state.is_read("a"));
    assert_eq!(store.load().unwrap(), (state, None));
}

#[test]
fn a_newer_file_is_read_but_never_written() {
    let (_t, store) = temp_store();
    std::fs::create_dir_all(store.dir()).unwrap();
    let text = Part::Bookmarks
        .encode(&State {
            bookmarks: vec![bm("a", 1)],
            ..State::default()
        })
        .replace("\"version\": 1", "\"version\": 2");
    std::fs::write(store.bookmarks_path(), &text).unwrap();
    let (state, warning) = store.load().unwrap();
    assert_eq!(state.bookmarks, vec![bm("a", 1)]);
    assert!(warning.unwrap().contains("newer dubao (format version 2)"));
    let err = store.apply(&[Change::Add(bm("b", 2))]).unwrap_err();
    assert!(matches!(err, StoreError::Newer { version: 2, .. }));
    let msg = err.to_string();
    assert!(
        msg.starts_with(&store.bookmarks_path().display().to_string()),
        "{msg}"
    );
    assert_eq!(
        std::fs::read_to_string(store.bookmarks_path()).unwrap(),
        text
    );
    // The reading state is another file: it can still be saved.
    let (state, _) = store.apply(&[Change::MarkRead("a".into())]).unwrap();
    assert!(state.is_read("a"));
    assert_eq!(
        std::fs::read_to_string(store.bookmarks_path()).unwrap(),
        text
    );
}

#[test]
fn reading_writes_never_rewrite_the_bookmarks_file() {
    let (_t, store) = temp_store();
    store.apply(&[Change::Add(bm("a", 1))]).unwrap();
    let inode = std::fs::metadata(store.bookmarks_path()).unwrap().ino();
    for i in 0..5 {
        store
            .apply(&[
                Change::MarkRead(format!("x{i}")),
                Change::Position("a".into(), at(Field::Paragraph(i), i)),
            ])
            .unwrap();
    }
    assert_eq!(
        std::fs::metadata(store.bookmarks_path()).unwrap().ino(),
        inode
    );
    // And a change that changes nothing writes nothing.
    let reading = std::fs::metadata(store.reading_path()).unwrap().ino();
    store.apply(&[Change::MarkRead("x0".into())]).unwrap();
    store.apply(&[Change::Add(bm("a", 9))]).unwrap();
    assert_eq!(
        std::fs::metadata(store.reading_path()).unwrap().ino(),
        reading
    );
    assert_eq!(
        std::fs::metadata(store.bookmarks_path()).unwrap().ino(),
        inode
    );
}

#[test]
fn apply_removes_temp_files_left_by_a_killed_writer() {
    let (_t, store) = temp_store();
    std::fs::create_dir_all(store.dir()).unwrap();
    let stale = store.dir().join(".bookmarks.json.AbC123.tmp");
    let other = store.dir().join("notes.tmp");
    std::fs::write(&stale, "{\"version\": 1, \"boo").unwrap();
    std::fs::write(&other, "mine").unwrap();
    store.apply(&[Change::Add(bm("a", 1))]).unwrap();
    assert!(!stale.exists());
    assert!(other.exists(), "files that are not ours stay");
}

#[test]
fn threads_applying_at_once_lose_nothing() {
    let (_t, store) = temp_store();
    std::thread::scope(|s| {
        for t in 0..8 {
            let store = store.clone();
            s.spawn(move || {
                for i in 0..5 {
                    let id = format!("t{t}/{i}");
                    store
                        .apply(&[
                            Change::Add(bm(&id, i)),
                            Change::MarkRead(id.clone()),
                            Change::Position(id, at(Field::Paragraph(t), i as usize)),
                        ])
                        .unwrap();
                }
            });
        }
    });
    let (state, warning) = store.load().unwrap();
    assert_eq!(warning, None);
    assert_eq!(state.bookmarks.len(), 40);
    assert_eq!(state.read.len(), 40);
    assert_eq!(state.positions.len(), 40);
}

fn change() -> impl Strategy<Value = Change> {
    let id = "[a-c]";
    prop_oneof![
        (id, 0u64..5).prop_map(|(i, c)| Change::Add(bm(&i, c))),
        id.prop_map(Change::Remove),
        id.prop_map(Change::MarkRead),
        (id, 0usize..3, 0usize..50)
            .prop_map(|(i, p, o)| Change::Position(i, at(Field::Paragraph(p), o))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// What the store holds after a run of changes (one `apply` each, or in batches)
    /// is what the same changes give in memory, and it loads back the same.
    #[test]
    fn the_store_agrees_with_memory(changes in prop::collection::vec(change(), 1..8), batch in 1usize..4) {
        let (_t, store) = temp_store();
        let mut expect = State::default();
        for chunk in changes.chunks(batch) {
            for c in chunk {
                expect.apply(c);
            }
            let (got, warning) = store.apply(chunk).unwrap();
            prop_assert_eq!(warning, None);
            prop_assert_eq!(&got, &expect);
        }
        prop_assert_eq!(store.load().unwrap(), (expect, None));
    }
}

#[test]
fn the_skeletons_state_json_carries_over_and_is_left_alone() {
    let (_t, store) = temp_store();
    std::fs::create_dir_all(store.dir()).unwrap();
    let old = State {
        bookmarks: vec![bm("old", 1)],
        read: ["r".to_string()].into(),
        positions: [("old".to_string(), at(Field::Title, 1))].into(),
    };
    let legacy = store.dir().join("state.json");
    let text = serde_json::to_string_pretty(&old).unwrap();
    std::fs::write(&legacy, &text).unwrap();
    assert_eq!(store.load().unwrap(), (old.clone(), None));
    let (state, _) = store.apply(&[Change::Add(bm("new", 2))]).unwrap();
    assert_eq!(state.bookmarks, vec![bm("old", 1), bm("new", 2)]);
    assert!(state.is_read("r"));
    // Bookmarks now come from their own file; the reading state still from state.json.
    let (state, _) = store.apply(&[Change::Remove("old".into())]).unwrap();
    assert_eq!(state.bookmarks, vec![bm("new", 2)]);
    assert_eq!(state.position("old"), Some(at(Field::Title, 1)));
    assert_eq!(std::fs::read_to_string(&legacy).unwrap(), text);
    // A state.json that does not parse is not ours to move: left as it is.
    std::fs::write(&legacy, "junk").unwrap();
    std::fs::remove_file(store.bookmarks_path()).unwrap();
    assert_eq!(store.load().unwrap(), (State::default(), None));
    assert_eq!(std::fs::read_to_string(&legacy).unwrap(), "junk");
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

#[test]
fn odd_but_valid_files_do_not_trip_the_parser() {
    // Duplicate keys: the typed parse refuses them, the second look takes the last.
    let dup = r#"{"version": 1, "version": 1, "bookmarks": []}"#;
    assert_eq!(
        Part::Bookmarks.parse(dup.as_bytes()),
        Parsed::Good(State::default())
    );
    // Fields this version does not know are ignored.
    let extra = r#"{"version": 1, "bookmarks": [], "tags": ["x"]}"#;
    assert_eq!(
        Part::Bookmarks.parse(extra.as_bytes()),
        Parsed::Good(State::default())
    );
    let reading = r#"{"version": 1}"#;
    assert_eq!(
        Part::Reading.parse(reading.as_bytes()),
        Parsed::Good(State::default())
    );
}

fn state() -> impl Strategy<Value = State> {
    let id = "[a-z0-9/\\u{4e00}-\\u{4e20}\"]{0,12}";
    (
        prop::collection::vec((id, 0u64..u64::MAX, 0usize..5, 0usize..999), 0..6),
        prop::collection::btree_set(id, 0..6),
        prop::collection::btree_map(id, (0usize..5, 0usize..999), 0..6),
    )
        .prop_map(|(bs, read, pos)| State {
            bookmarks: bs
                .into_iter()
                .map(|(i, c, p, o)| Bookmark {
                    anchor: at(Field::Paragraph(p), o),
                    ..bm(&i, c)
                })
                .collect(),
            read,
            positions: pos
                .into_iter()
                .map(|(k, (p, o))| (k, at(Field::Speaker(p), o)))
                .collect(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// What is written parses back as the same part.
    #[test]
    fn every_state_round_trips_through_its_files(s in state()) {
        for part in Part::ALL {
            let Parsed::Good(back) = part.parse(part.encode(&s).as_bytes()) else {
                panic!("{part:?} did not parse back");
            };
            prop_assert!(part.same(&back, &s));
        }
    }

    /// Any bytes at all: no panic, and never taken for a good file unless they are one.
    #[test]
    fn any_bytes_parse_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        for part in Part::ALL {
            if let Parsed::Good(_) = part.parse(&bytes) {
                let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                prop_assert_eq!(v.get("version").and_then(|v| v.as_u64()), Some(1));
            }
        }
    }
}

/// Two readers see the same corrupt file; the other one moves it aside and saves a
/// bookmark before this one takes the lock. This one must not move the new good file.
#[test]
fn a_corrupt_file_is_read_again_under_the_lock_before_it_is_moved() {
    let (_t, store) = temp_store();
    std::fs::create_dir_all(store.dir()).unwrap();
    std::fs::write(store.bookmarks_path(), "{{").unwrap();
    let stale = store.read(Part::Bookmarks).unwrap();
    assert!(matches!(stale, Parsed::Corrupt(_)));

    let other = Store::new(store.dir());
    let (_, warning) = other.apply(&[Change::Add(bm("a", 1))]).unwrap();
    assert!(warning.unwrap().contains("moved to"));

    let loaded = store.load_part(Part::Bookmarks, stale).unwrap();
    assert_eq!(loaded.state.bookmarks, vec![bm("a", 1)]);
    assert_eq!(loaded.warning, None);
    let corrupt = std::fs::read_dir(store.dir())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().contains(".corrupt-")
        })
        .count();
    assert_eq!(corrupt, 1);
}
