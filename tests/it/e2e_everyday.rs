//! End to end at 100×30, the real binary in a pseudo-terminal: `Space` at the end of the
//! first article shows the second, the place in an article comes back exactly after
//! three restarts, and `q` in the help closes the help (not the reader).

use crate::support;

use support::pty::Tui;

/// The reading pane's part of screen row `row` (right of the rule at column 36).
fn reader_row(tui: &Tui, row: usize) -> String {
    let screen = tui.screen();
    let line = screen.lines().nth(row).unwrap_or("").to_string();
    line.split_once('│')
        .map_or(line.clone(), |(_, r)| r.to_string())
}

#[test]
fn space_at_the_end_of_the_first_article_shows_the_second() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(&[], 100, 30, home.path());
    tui.wait_text("1/5");
    tui.keys("\r");
    // `G` in the reading pane: the end of the article.
    tui.keys("G");
    tui.wait_text("1/5 │ 100%");
    tui.keys(" ");
    tui.wait_text("下一篇 next article");
    // The second article's headline is in the reading pane (right of the rule).
    tui.wait_for("the second headline in the reading pane", |s| {
        s.lines().any(|l| {
            l.split_once('│')
                .is_some_and(|(_, r)| r.contains("延伸冰雪产业链"))
        })
    });
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn the_place_comes_back_exactly_after_three_restarts() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(&[], 100, 30, home.path());
    tui.wait_text("1/5");
    tui.keys("G");
    tui.wait_text("5/5");
    tui.keys("\r");
    for _ in 0..9 {
        tui.keys("j");
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let place = reader_row(&tui, 0);
    assert!(!place.trim().is_empty());
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    for restart in 1..=3 {
        // It opens on the article left (the fifth), at the place left, nothing pressed.
        let mut tui = Tui::start(&[], 100, 30, home.path());
        tui.wait_text("接着读 where you left off: 河北日报 2022-07-01");
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert_eq!(reader_row(&tui, 0), place, "restart {restart}");
        assert!(tui.screen().contains(" >访 全力以赴"), "the fifth article selected");
        tui.keys("q");
        assert_eq!(tui.wait_exit(), 0);
    }
}

#[test]
fn q_in_the_help_closes_the_help() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(&[], 100, 30, home.path());
    tui.wait_text("1/5");
    tui.keys("?");
    tui.wait_text("帮助 Keys");
    tui.wait_text("帮助（本页） this help");
    tui.keys("q");
    tui.wait_for("the help to close", |s| !s.contains("帮助 Keys"));
    assert!(
        tui.screen().contains("河北日报 2022-07-01"),
        "still reading"
    );
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}
