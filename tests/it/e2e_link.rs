//! End to end: a fetched article's link, the real binary in a pseudo-terminal. `y` shows
//! it on the status line (and copies it: the OSC 52 bytes are tested in `tui::effects`);
//! `O` hands it to the system's opener, here a stand-in `xdg-open` first on `PATH`; a
//! missing opener is one status line and the screen stays whole.

use std::path::Path;

use crate::support;

use support::pty::Tui;

const LINK: &str = "http://127.0.0.1/cswb/1.html";

/// An `export --json` file of one fetched article with its link (and one without).
fn export(dir: &Path) -> String {
    use dubao::model::{Article, ArticleId, Issue, Library, Page, Paragraph};
    let article = |n: usize, title: &str, link: Option<&str>| Article {
        id: ArticleId(format!("cswb/2026-04-26/03/{n}")),
        title: title.into(),
        paragraphs: vec![Paragraph::text("第一段。".repeat(30))],
        link: link.map(Into::into),
        ..Default::default()
    };
    let lib = Library {
        issues: vec![Issue {
            paper: "测试晚报".into(),
            slug: "cswb".into(),
            date: "2026-04-26".into(),
            pages: vec![Page {
                number: "03".into(),
                articles: vec![
                    article(1, "科技创新走在前列", Some(LINK)),
                    article(2, "没有链接的文章", None),
                ],
                ..Default::default()
            }],
        }],
    };
    let path = dir.join("cswb.json");
    std::fs::write(&path, serde_json::to_string(&lib).unwrap()).unwrap();
    path.display().to_string()
}

/// A `bin` folder holding an `xdg-open` (and `open`) that writes its argument to `out`.
fn fake_opener(dir: &Path, out: &Path) -> String {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    for name in ["xdg-open", "open"] {
        let script = bin.join(name);
        std::fs::write(&script, format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", out.display()))
            .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = std::env::var("PATH").unwrap_or_default();
    format!("{}:{path}", bin.display())
}

#[test]
fn y_shows_the_link_and_capital_o_opens_it_with_the_system_opener() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("opened.txt");
    let path = fake_opener(home.path(), &out);
    let data = export(home.path());
    let mut tui = Tui::start_with(&["--data", &data], &[("PATH", &path)], 100, 30, home.path());
    tui.wait_text("科技创新走在前列");
    tui.keys("y");
    tui.wait_text(&format!("link copied: {LINK}"));
    tui.keys("O");
    tui.wait_text(&format!("opening: {LINK}"));
    let start = std::time::Instant::now();
    while !out.exists() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(std::fs::read_to_string(&out).unwrap(), LINK);
    assert!(tui.screen().contains("科技创新走在前列"), "the screen is whole");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn a_missing_opener_is_a_status_line() {
    let home = tempfile::tempdir().unwrap();
    let empty = home.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let data = export(home.path());
    let path = empty.display().to_string();
    let mut tui = Tui::start_with(&["--data", &data], &[("PATH", &path)], 100, 30, home.path());
    tui.wait_text("科技创新走在前列");
    tui.keys("O");
    tui.wait_text("could not open the link");
    assert!(tui.screen().contains("科技创新走在前列"));
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}
