//! End to end: the real binary in a pseudo-terminal, keys sent, the screen read back.

use crate::support;

use support::pty::Tui;

/// Column where `needle` starts on `row`, counted in cells.
fn col_of(tui: &Tui, row: u16, needle: char, cols: u16) -> Option<u16> {
    (0..cols).find(|&c| tui.cell(row, c) == needle.to_string())
}

#[test]
fn opens_the_bundled_issue_moves_and_quits_cleanly() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(&[], 110, 32, home.path());
    tui.wait_text("河北日报 2022-07-01");
    assert!(
        tui.alternate_screen(),
        "the reader uses the alternate screen"
    );
    // The status line starts at column 1 with the paper's name, each Han char two cells.
    assert_eq!(tui.cell(31, 1), "河");
    assert!(tui.is_wide(31, 1));
    assert_eq!(tui.cell(31, 3), "北");
    assert_eq!(tui.cell(31, 5), "日");
    // The list pane is 36 cells wide, then the rule.
    assert_eq!(tui.cell(0, 36), "│");
    assert!(tui.screen().contains("1/"));

    let before = tui.screen();
    tui.keys("j");
    tui.wait_for("the reading pane to change", |s| {
        s != before && s.contains("2/")
    });
    tui.keys("?");
    tui.wait_text("帮助");
    tui.keys("?");
    tui.wait_for("help to close", |s| !s.contains("帮助 Keys"));
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    assert!(!tui.alternate_screen(), "the shell screen is back");
}

#[test]
fn survives_resizing_down_to_tiny_and_back() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(&[], 110, 32, home.path());
    tui.wait_text("河北日报");
    for (c, r) in [(41, 12), (20, 6), (1, 1), (2, 2), (300, 50), (41, 12)] {
        tui.resize(c, r);
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    tui.wait_text("│");
    // No wide char may start in the last column of the list pane (16 cells at 41).
    let screen = tui.screen();
    for row in 0..11u16 {
        assert!(!tui.is_wide(row, 15), "row {row} of:\n{screen}");
    }
    tui.keys("j");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn search_from_inside_the_reader() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(&[], 110, 32, home.path());
    tui.wait_text("河北日报");
    tui.keys("/");
    // An input method hands over whole characters at once.
    tui.raw("卫生健康委".as_bytes());
    tui.wait_text("/卫生健康委");
    // The cursor sits after the five wide chars: column 1 + 10.
    let col = col_of(&tui, 31, '委', 110).expect("query on the status line");
    assert_eq!(col, 9);
    tui.keys("\r");
    // Where the hit is: the first of one article, in the issue of 2022-07-01.
    tui.wait_text("article 1/1 · 2022-07-01 第01版");
    tui.keys("n");
    tui.wait_text("match 2/");
    tui.raw(b"\x1b");
    tui.wait_for("the full list", |s| !s.contains("/卫生健康委"));
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for sig in ["-TERM", "-HUP"] {
        let home = tempfile::tempdir().unwrap();
        let mut tui = Tui::start(&[], 80, 24, home.path());
        tui.wait_text("河北日报");
        let pid = tui.pid().expect("pid");
        let ok = std::process::Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok);
        tui.wait_exit();
        tui.wait_for("the main screen", |_| !tui.alternate_screen());
    }
}

#[test]
fn a_closed_terminal_ends_the_reader() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start_under_shell(&[], 80, 24, home.path());
    tui.wait_text("河北日报");
    let shell = tui.pid().unwrap();
    let children = format!("/proc/{shell}/task/{shell}/children");
    let dubao: u32 = std::fs::read_to_string(children)
        .unwrap()
        .split_whitespace()
        .next()
        .expect("dubao runs under the shell")
        .parse()
        .unwrap();
    // tmux, closing, leaves the reader half an escape sequence to wait for.
    tui.raw(b"\x1b[");
    tui.hang_up();
    // The shell dies of the hang-up; dubao, its child, must leave by itself too.
    let gone = || {
        std::fs::read_to_string(format!("/proc/{dubao}/stat"))
            .map(|s| s.split_whitespace().nth(2) == Some("Z"))
            .unwrap_or(true)
    };
    let start = std::time::Instant::now();
    while !gone() {
        if start.elapsed() > std::time::Duration::from_secs(10) {
            let _ = std::process::Command::new("kill")
                .args(["-9", &dubao.to_string()])
                .status();
            panic!("dubao kept running after its terminal closed");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn ctrl_c_quits() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(&[], 80, 24, home.path());
    tui.wait_text("河北日报");
    tui.raw(b"\x03");
    assert_eq!(tui.wait_exit(), 0);
    assert!(!tui.alternate_screen());
}

#[test]
fn a_panic_restores_the_terminal_then_prints_its_message() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start_with(&[], &[("DUBAO_TEST_PANIC", "1")], 80, 24, home.path());
    assert_ne!(tui.wait_exit(), 0);
    tui.wait_text("DUBAO_TEST_PANIC is set");
    assert!(!tui.alternate_screen());
}

#[test]
fn bookmark_survives_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(&[], 110, 32, home.path());
    tui.wait_text("河北日报");
    tui.keys("j");
    tui.wait_text("2/");
    tui.keys("b");
    tui.wait_text("bookmarked");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);

    let mut tui = Tui::start(&[], 110, 32, home.path());
    tui.wait_text("河北日报");
    // The list marks it: under the issue's title, the page header and the page's two
    // lines, two rows per article: the second article's headline is on row 7.
    assert_eq!(tui.cell(7, 0), "*");
    assert_eq!(tui.cell(5, 0).trim(), "");
    tui.keys("B");
    tui.wait_text("书签 Bookmarks (1)");
    // `q` closes the view; a second `q` quits.
    tui.keys("q");
    tui.wait_for("the view to close", |s| !s.contains("书签 Bookmarks"));
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dubao"))
        .args(["bookmarks", "--json"])
        .env("XDG_DATA_HOME", home.path())
        .env("HOME", home.path())
        .output()
        .unwrap();
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(json.contains("河北日报"), "{json}");
}

#[test]
fn opens_on_the_newest_issue_and_brackets_go_to_the_one_before() {
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let page = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import/indent-layout.txt"),
    )
    .unwrap();
    for date in ["2023-07-02", "2023-07-03"] {
        let dir = data.path().join("city-daily").join(date);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("01.txt"), &page).unwrap();
    }
    let path = data.path().to_str().unwrap();
    let mut tui = Tui::start(&["--data", path], 100, 30, home.path());
    tui.wait_text("2023-07-03 星期一");
    assert!(tui.screen().contains("第01版"));
    tui.keys("[");
    tui.wait_text("2023-07-02 星期日");
    tui.keys("[");
    tui.wait_text("oldest issue");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}
