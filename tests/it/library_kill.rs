//! `dubao import` killed with SIGKILL at random moments leaves a library that opens,
//! with every page in its old or its new state (never a page with some articles of
//! each, or missing its articles), and the next import completes it.

use crate::support;

use std::collections::HashMap;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::time::{Duration, Instant};

use dubao::library::Shelf;
use dubao::library::disk::DiskShelf;
use dubao::model::Page;
use support::library::{Rng, command, dubao, library_dir, stderr, write_archive};

/// Pages by `date/number` as the importer reads them from `root`.
fn expected(root: &Path) -> HashMap<String, Page> {
    let lib = dubao::import::load_paths(&[root.to_path_buf()])
        .unwrap()
        .library;
    let mut out = HashMap::new();
    for issue in lib.issues {
        for page in issue.pages {
            out.insert(format!("{}/{}", issue.date, page.number), page);
        }
    }
    out
}

/// Every stored page, by `date/number`.
fn stored(home: &Path) -> HashMap<String, Page> {
    let shelf = DiskShelf::open(library_dir(home)).expect("the library opens");
    let mut out = HashMap::new();
    for info in shelf.issues() {
        let issue = shelf.load_issue(&info.key).unwrap();
        assert_eq!(
            info.articles,
            issue.pages.iter().map(|p| p.articles.len()).sum::<usize>()
        );
        for page in issue.pages {
            out.insert(format!("{}/{}", issue.date, page.number), page);
        }
    }
    out
}

#[test]
fn an_import_killed_at_any_moment_leaves_old_or_new_pages() {
    let home = tempfile::tempdir().unwrap();
    let old_dir = home.path().join("old");
    let new_dir = home.path().join("new");
    const DAYS: usize = 75;
    const PAGES: usize = 4;
    write_archive(&old_dir, DAYS, PAGES);
    // The same pages with other text (shifted by one), plus a few days more.
    write_archive(&new_dir, DAYS + 5, PAGES);
    let texts = support::library::page_texts();
    for d in 0..DAYS + 5 {
        for p in 0..PAGES {
            let path = new_dir
                .join("hebei-daily")
                .join(support::library::date(d))
                .join(format!("{:02}.txt", p + 1));
            std::fs::write(path, &texts[(d + p + 1) % texts.len()]).unwrap();
        }
    }
    let old = expected(&old_dir);
    let new = expected(&new_dir);

    let start = Instant::now();
    let o = dubao(&["import", old_dir.to_str().unwrap()], home.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let took = start.elapsed();
    let mut rng = Rng(0x5eed);
    let mut killed = 0;
    // The window the kills fall in: the first import's time, halved each time an import
    // finishes before its kill, so that a machine whose load made the first import slow
    // still sees imports killed mid-way (at worst the window shrinks to a few ms).
    let mut window_ms = (took.as_millis() as u64).max(10);
    let mut round = 0;
    while round < 8 || (killed < 3 && round < 40) {
        let mut child = command(&["import", new_dir.to_str().unwrap()], home.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // The first kill comes early; the others anywhere in the window.
        let wait = if round == 0 {
            window_ms / 4
        } else {
            rng.below(window_ms * 5 / 4)
        };
        round += 1;
        std::thread::sleep(Duration::from_millis(wait));
        let _ = child.kill();
        let status = child.wait().unwrap();
        for (key, page) in stored(home.path()) {
            let is_old = old.get(&key) == Some(&page);
            let is_new = new.get(&key) == Some(&page);
            assert!(is_old || is_new, "{key} is torn");
        }
        if status.signal() == Some(9) {
            killed += 1;
        } else {
            window_ms = (window_ms / 2).max(2);
            // It finished: put the old pages back, so the next kill again lands on
            // an import with work to do, not on one that finds nothing new.
            let o = dubao(&["import", old_dir.to_str().unwrap()], home.path());
            assert!(o.status.success(), "{}", stderr(&o));
        }
    }
    assert!(killed > 0, "no import was killed mid-way");
    let o = dubao(&["import", new_dir.to_str().unwrap()], home.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stored(home.path()), new);
    let shelf = DiskShelf::open(library_dir(home.path())).unwrap();
    assert_eq!(shelf.issues().len(), DAYS + 5);
}
