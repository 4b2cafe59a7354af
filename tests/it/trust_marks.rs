//! A reader takes in bookmark changes made by other processes, as it takes in new
//! issues: bookmarks added and removed by `dubao bookmark` while it is open show in
//! its bookmarks view without it writing anything itself.

use crate::support;

use support::pty::Tui;
use support::{dubao, stderr, stdout};

#[test]
fn an_open_reader_shows_bookmarks_another_process_adds_and_removes() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let list = stdout(&dubao(&["list"], h));
    let ids: Vec<&str> = list
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let o = dubao(&["bookmark", "add", ids[0]], h);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut tui = Tui::start(&[], 110, 30, &h.join("data"));
    tui.wait_text("河北日报");
    tui.keys("B");
    tui.wait_text("书签 Bookmarks (1)");
    for id in &ids[1..3] {
        let o = dubao(&["bookmark", "add", id], h);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    tui.wait_text("书签 Bookmarks (3)");
    let o = dubao(&["bookmark", "remove", ids[0]], h);
    assert!(o.status.success(), "{}", stderr(&o));
    tui.wait_text("书签 Bookmarks (2)");
    tui.keys("q");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let kept: Vec<serde_json::Value> =
        serde_json::from_slice(&dubao(&["bookmarks", "--json"], h).stdout).unwrap();
    assert_eq!(kept.len(), 2, "the reader wrote nothing back over them");
}
