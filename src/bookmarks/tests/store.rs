//! The store on disk: loading, applying, corrupt and newer files, locking, legacy.

use std::os::unix::fs::MetadataExt;

use proptest::prelude::*;

use super::super::file::{self, Parsed, Part};
use super::*;

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
        for (k, chunk) in changes.chunks(batch).enumerate() {
            let at = 1_000 + k as u64;
            for c in chunk {
                expect.apply_at(c, at);
            }
            let stamped: Vec<(Change, u64)> = chunk.iter().map(|c| (c.clone(), at)).collect();
            let (got, warning) = store.apply_stamped(&stamped).unwrap();
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
        ..State::default()
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

/// Two readers see the same corrupt file; the other one moves it aside and saves a
/// bookmark before this one takes the lock. This one must not move the new good file.
#[test]
fn a_corrupt_file_is_read_again_under_the_lock_before_it_is_moved() {
    let (_t, store) = temp_store();
    std::fs::create_dir_all(store.dir()).unwrap();
    std::fs::write(store.bookmarks_path(), "{{").unwrap();
    let stale = store.read(Part::Bookmarks).unwrap();
    assert!(matches!(stale, Parsed::Corrupt(_)));

    let other = MarkStore::new(store.dir());
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
