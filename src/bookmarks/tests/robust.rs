//! The store when things are not as they should be: a bad entry among good ones, an
//! unreadable reading-state file, symlinked files, and changes replayed late.

use super::super::file::Part;
use super::*;

#[test]
fn one_bad_bookmark_is_set_aside_and_the_rest_kept() {
    let (_t, store) = temp_store();
    std::fs::create_dir_all(store.dir()).unwrap();
    let good = serde_json::to_string(&bm("b", 2)).unwrap();
    let text = format!("{{\"version\": 1, \"bookmarks\": [{good}, {{\"id\": 7}}]}}");
    std::fs::write(store.bookmarks_path(), &text).unwrap();
    let (state, warning) = store.load().unwrap();
    assert_eq!(state.bookmarks, vec![bm("b", 2)]);
    let warning = warning.unwrap();
    assert!(
        warning.contains("1 bad entry") && warning.contains("the other 1 kept"),
        "{warning}"
    );
    let aside: Vec<_> = std::fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".rejected-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(warning.contains(&aside[0].display().to_string()));
    assert!(
        std::fs::read_to_string(&aside[0])
            .unwrap()
            .contains("{\"id\":7}")
    );
    // Written back clean: the next load says nothing and sets nothing more aside.
    assert_eq!(store.load().unwrap(), (state, None));
}

#[test]
fn an_unreadable_reading_file_does_not_stop_the_bookmarks() {
    let (_t, store) = temp_store();
    store.apply(&[Change::Add(bm("a", 1))]).unwrap();
    // A folder where the file should be cannot be read, even by root.
    let reading = store.reading_path();
    std::fs::create_dir_all(&reading).unwrap();
    let (state, warning) = store.load().unwrap();
    assert_eq!(state.bookmarks.len(), 1);
    let warning = warning.unwrap();
    assert!(warning.contains("reading state not loaded"), "{warning}");
    // A bookmark change still saves; the reading file is left as it was.
    let (state, _) = store.apply(&[Change::Add(bm("b", 2))]).unwrap();
    assert_eq!(state.bookmarks.len(), 2);
    assert!(reading.is_dir());
    // A reading change cannot be saved, and says so.
    assert!(store.apply(&[Change::MarkRead("a".into())]).is_err());
}

#[test]
fn a_symlinked_file_stays_a_symlink() {
    let (t, store) = temp_store();
    std::fs::create_dir_all(store.dir()).unwrap();
    let real_dir = t.path().join("synced");
    std::fs::create_dir_all(&real_dir).unwrap();
    let real = real_dir.join("bookmarks.json");
    std::fs::write(&real, Part::Bookmarks.encode(&State::default())).unwrap();
    std::os::unix::fs::symlink("../synced/bookmarks.json", store.bookmarks_path()).unwrap();
    store.apply(&[Change::Add(bm("a", 1))]).unwrap();
    let meta = std::fs::symlink_metadata(store.bookmarks_path()).unwrap();
    assert!(meta.file_type().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("\"a\""));
    assert_eq!(store.load().unwrap().0.bookmarks.len(), 1);
}

#[test]
fn a_change_replayed_late_never_undoes_a_newer_one() {
    let (_t, store) = temp_store();
    let id = "x".to_string();
    // This process moved the place at t=1000 but could not save it...
    let late = (Change::Position(id.clone(), at(Field::Title, 1)), 1_000);
    // ...another process saved a newer place at t=2000...
    store
        .apply_stamped(&[(Change::Position(id.clone(), at(Field::Title, 9)), 2_000)])
        .unwrap();
    // ...and a removal, and this process's old add is replayed after it.
    store
        .apply_stamped(&[(Change::Add(bm("y", 1)), 2_000)])
        .unwrap();
    store
        .apply_stamped(&[(Change::Remove("y".into()), 3_000)])
        .unwrap();
    let replay = [late, (Change::Add(bm("y", 1)), 1_500)];
    let (state, _) = store.apply_stamped(&replay).unwrap();
    assert_eq!(state.position(&id), Some(at(Field::Title, 9)));
    assert!(!state.is_bookmarked("y"));
    // A change made later than the newest still applies.
    let (state, _) = store
        .apply_stamped(&[(Change::Position(id.clone(), at(Field::Title, 3)), 4_000)])
        .unwrap();
    assert_eq!(state.position(&id), Some(at(Field::Title, 3)));
}
