//! The library damaged four ways (garbage in the meta file, a segment file gone, a page
//! store gone, a rebuild killed half-way): each time the reader (the real binary in a
//! pty) opens, says on its status line what is wrong and which command repairs it, the
//! bookmarks are there, `library check` exits 1, and `library rebuild` brings back every
//! page and every bookmark.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use crate::support;

use support::library::{library_dir, write_archive};
use support::pty::Tui;
use support::{dubao, stderr, stdout};

/// A library of 60 pages with two bookmarks; returns its export and its bookmarks.
fn set_up(home: &Path) -> (String, String) {
    let pages = home.join("pages");
    write_archive(&pages, 20, 3);
    let o = dubao(&["import", pages.to_str().unwrap()], home);
    assert!(o.status.success(), "{}", stderr(&o));
    let list = stdout(&dubao(&["list"], home));
    let ids: Vec<&str> = list
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    for id in [ids[0], ids[ids.len() - 1]] {
        assert!(dubao(&["bookmark", "add", id], home).status.success());
    }
    let check = dubao(&["library", "check"], home);
    assert!(check.status.success(), "{}", stdout(&check));
    (
        stdout(&dubao(&["export"], home)),
        stdout(&dubao(&["bookmarks", "--json"], home)),
    )
}

/// Files of the index with this extension.
fn index_files(home: &Path, ext: &str) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(library_dir(home).join("index"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// The reader opens on the damaged library, names `damage` and the repair on its status
/// line, shows both bookmarks, and quits cleanly.
fn reader_names(home: &Path, damage: &str) {
    let mut tui = Tui::start(&[], 110, 30, &home.join("data"));
    tui.wait_for(damage, |s| {
        s.contains(damage) && s.contains("dubao library rebuild")
    });
    tui.keys("B");
    tui.wait_text("书签 Bookmarks (2)");
    tui.keys("q");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}

/// `check` says it is not whole; `rebuild` brings back every page and bookmark.
fn rebuild_restores(home: &Path, export: &str, bookmarks: &str) {
    let check = dubao(&["library", "check"], home);
    assert_eq!(check.status.code(), Some(1), "{}", stdout(&check));
    assert!(stdout(&check).contains("problem: "), "{}", stdout(&check));
    let o = dubao(&["library", "rebuild"], home);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("rebuilt the index: 20 issues, 60 pages"),
        "{}",
        stdout(&o)
    );
    let check = dubao(&["library", "check"], home);
    assert!(check.status.success(), "{}", stdout(&check));
    assert!(stdout(&check).ends_with("whole\n"));
    let after = dubao(&["export"], home);
    assert_eq!(stderr(&after), "", "no warning once repaired");
    assert_eq!(stdout(&after), export, "every page back, ids kept");
    assert_eq!(stdout(&dubao(&["bookmarks", "--json"], home)), bookmarks);
}

#[test]
fn garbage_in_the_meta_file() {
    let home = tempfile::tempdir().unwrap();
    let (export, marks) = set_up(home.path());
    std::fs::write(library_dir(home.path()).join("index/meta.json"), "{garbage").unwrap();
    reader_names(home.path(), "library index damaged (meta.json)");
    // The commands read what can be read meanwhile, saying so.
    let o = dubao(&["export"], home.path());
    assert!(o.status.success());
    assert_eq!(stdout(&o), export);
    assert!(stderr(&o).contains("library rebuild"), "{}", stderr(&o));
    rebuild_restores(home.path(), &export, &marks);
}

#[test]
fn a_segment_file_gone() {
    let home = tempfile::tempdir().unwrap();
    let (export, marks) = set_up(home.path());
    let terms = index_files(home.path(), "term");
    std::fs::remove_file(&terms[0]).unwrap();
    reader_names(home.path(), "library index damaged");
    rebuild_restores(home.path(), &export, &marks);
}

#[test]
fn a_page_store_gone() {
    let home = tempfile::tempdir().unwrap();
    let (export, marks) = set_up(home.path());
    let stores = index_files(home.path(), "store");
    std::fs::remove_file(&stores[0]).unwrap();
    reader_names(home.path(), ".store)");
    rebuild_restores(home.path(), &export, &marks);
}

#[test]
fn a_rebuild_killed_half_way() {
    let home = tempfile::tempdir().unwrap();
    let (export, marks) = set_up(home.path());
    let mut child = support::command_with(&["library", "rebuild"], home.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Killed as soon as it starts writing the new index.
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.contains("rebuilding the index: 0 of 60"), "{first}");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(library_dir(home.path()).join("index.new").exists());
    reader_names(home.path(), "a rebuild of the library was interrupted");
    // The library still reads whole meanwhile.
    assert_eq!(stdout(&dubao(&["export"], home.path())), export);
    rebuild_restores(home.path(), &export, &marks);
}

#[test]
fn an_older_library_is_read_and_migrated_by_rebuild() {
    let home = tempfile::tempdir().unwrap();
    let (export, marks) = set_up(home.path());
    // As an older dubao left it: no page archive, an older format.
    let lib = library_dir(home.path());
    std::fs::remove_dir_all(lib.join("pages")).unwrap();
    std::fs::write(lib.join("library.json"), "{\"format\": 1}").unwrap();
    reader_names(home.path(), "library in an older format (1)");
    let o = dubao(&["export"], home.path());
    assert_eq!(stdout(&o), export, "read from the old index meanwhile");
    let imp = dubao(
        &["import", home.path().join("pages").to_str().unwrap()],
        home.path(),
    );
    assert_eq!(
        imp.status.code(),
        Some(1),
        "no import into an older library"
    );
    assert!(stderr(&imp).contains("library rebuild"), "{}", stderr(&imp));
    let o = dubao(&["library", "rebuild"], home.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("60 found only in the old index"),
        "{}",
        stdout(&o)
    );
    assert!(dubao(&["library", "check"], home.path()).status.success());
    assert_eq!(stdout(&dubao(&["export"], home.path())), export);
    assert_eq!(stdout(&dubao(&["bookmarks", "--json"], home.path())), marks);
}
