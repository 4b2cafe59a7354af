//! The real binary in a pseudo-terminal with no graphics protocol (as in tmux): an
//! article with a photo served from 127.0.0.1 shows it in half blocks, at 80×24 and
//! 200×50; `[display] photos = "off"` shows the caption only.

use image::ImageFormat;

use crate::support::feeds::{Route, Server};
use crate::support::photos as pics;
use crate::support::pty::Tui;

/// A half-block cell: the upper or lower half block.
fn has_half_blocks(screen: &str) -> bool {
    screen.contains('▀') || screen.contains('▄')
}

fn setup(server: &Server, home: &std::path::Path, photos: &str) -> String {
    let tone = pics::encode(&pics::two_tone(300, 200), ImageFormat::Png);
    server.route(
        "/tone.png",
        Route::Typed {
            body: tone,
            content_type: "image/png",
        },
    );
    let lib = pics::library(&server.url("/tone.png"), None);
    let file = home.join("issue.json");
    std::fs::write(&file, serde_json::to_vec(&lib).unwrap()).unwrap();
    let config = home.join("config").join("dubao");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        format!("[display]\nphotos = \"{photos}\"\n"),
    )
    .unwrap();
    file.to_string_lossy().into_owned()
}

#[test]
fn a_photo_shows_in_half_blocks_at_80x24_and_200x50() {
    let server = Server::start();
    let home = tempfile::tempdir().unwrap();
    let file = setup(&server, home.path(), "auto");
    for (cols, rows) in [(80, 24), (200, 50)] {
        let mut tui = Tui::start_with(
            &["--data", &file],
            &[("TERM", "tmux-256color"), ("TMUX", "/tmp/tmux-test,1,0")],
            cols,
            rows,
            home.path(),
        );
        tui.wait_text("大桥建成通车");
        tui.keys("\t");
        tui.wait_for("the photo in half blocks", has_half_blocks);
        assert!(tui.screen().contains("图为新建的大桥。"));
        tui.keys("q");
        assert_eq!(tui.wait_exit(), 0);
    }
    // The cache in the data folder holds the picture.
    let cached = home.path().join("dubao").join("photos").join("blobs");
    assert_eq!(std::fs::read_dir(cached).unwrap().count(), 1);
}

#[test]
fn photos_off_shows_the_caption_only_and_i_brings_them_back() {
    let server = Server::start();
    let home = tempfile::tempdir().unwrap();
    let file = setup(&server, home.path(), "off");
    let mut tui = Tui::start(&["--data", &file], 100, 30, home.path());
    tui.wait_text("图为新建的大桥。");
    tui.keys("\t");
    std::thread::sleep(std::time::Duration::from_millis(800));
    assert!(!has_half_blocks(&tui.screen()), "{}", tui.screen());
    tui.keys("I");
    tui.wait_for("the photo in half blocks", has_half_blocks);
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}
