//! News photos and page scans, with real components: a loopback server serving
//! generated pictures (and every fault a server can have), the photo cache on disk in a
//! temp dir, the worker threads, the app and the UI drawn into a `Buffer`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dubao::app::photos::Shown;
use dubao::app::{Action, App};
use dubao::photos::{self, Cache, Options, PhotoError, Worker};
use image::ImageFormat;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui_image::picker::Picker;

use crate::support::feeds::{Route, Server};
use crate::support::photos as pics;

fn quick() -> Options {
    Options {
        timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(1),
        max_bytes: 8 * 1024 * 1024,
        ..Options::default()
    }
}

fn typed(body: Vec<u8>, content_type: &'static str) -> Route {
    Route::Typed { body, content_type }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().is_dir() {
            files(&e.path(), out);
        } else {
            out.push(e.path());
        }
    }
}

#[test]
fn each_fault_is_one_line_and_the_cache_keeps_only_whole_pictures() {
    let s = Server::start();
    let good = pics::jpeg(64, 48);
    let whole = pics::jpeg(400, 300);
    let mut huge = pics::jpeg(64, 48);
    huge.resize(50 * 1024 * 1024, 0);
    s.route("/ok.jpg", typed(good.clone(), "image/jpeg"));
    s.route(
        "/cut.jpg",
        typed(whole[..whole.len() / 2].to_vec(), "image/jpeg"),
    );
    let html = b"<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1></body></html>";
    s.route("/html.jpg", typed(html.to_vec(), "image/jpeg"));
    s.route("/strip.png", typed(pics::png(1, 100_000), "image/png"));
    s.route("/huge.jpg", typed(huge, "image/jpeg"));
    s.route("/hang.jpg", Route::Hang);
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path(), 1 << 30);
    let o = quick();
    assert_eq!(
        photos::load(&s.url("/ok.jpg"), Some(&cache), &o)
            .unwrap()
            .width(),
        64
    );
    type Want = fn(&PhotoError) -> bool;
    let cases: [(&str, Want); 6] = [
        ("/cut.jpg", |e| matches!(e, PhotoError::Damaged(_))),
        ("/html.jpg", |e| matches!(e, PhotoError::NotImage(_))),
        ("/strip.png", |e| matches!(e, PhotoError::TooLarge(_))),
        ("/huge.jpg", |e| matches!(e, PhotoError::TooBig(8))),
        ("/missing.jpg", |e| e.to_string().contains("404")),
        ("/hang.jpg", |e| e.to_string().contains("timed out")),
    ];
    for (path, want) in cases {
        let Err(e) = photos::load(&s.url(path), Some(&cache), &o) else {
            panic!("{path} decoded");
        };
        assert!(want(&e), "{path}: {e:?}");
        let line = e.to_string();
        assert!(!line.contains('\n') && line.len() < 200, "{path}: {line}");
    }
    let mut kept = Vec::new();
    files(dir.path(), &mut kept);
    let names: Vec<String> = kept
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.starts_with(".tmp")), "{names:?}");
    assert_eq!(kept.len(), 2, "one picture and its address only: {names:?}");
    let blob = kept
        .iter()
        .find(|p| p.parent().unwrap().ends_with("blobs"))
        .unwrap();
    assert_eq!(std::fs::read(blob).unwrap(), good, "the picture whole");
    // Served from the cache now: no second request.
    let before = s.seen().len();
    photos::load(&s.url("/ok.jpg"), Some(&cache), &o).unwrap();
    assert_eq!(s.seen().len(), before);
}

/// Tick the app until `done` says so (a wait for the worker, not a timing).
fn settle(app: &mut App, done: impl Fn(&App) -> bool) {
    let end = Instant::now() + Duration::from_secs(30);
    while !done(app) {
        assert!(Instant::now() < end, "the worker never answered");
        std::thread::sleep(Duration::from_millis(20));
        app.update(Action::Tick(Instant::now()));
    }
}

fn ready(app: &App) -> bool {
    app.photo_job(0)
        .is_some_and(|j| matches!(app.photos().get(&j), Some(Shown::Ready(_))))
}

fn draw(app: &App) -> Buffer {
    let area = Rect::new(0, 0, app.screen().size().0, app.screen().size().1);
    let mut buf = Buffer::empty(area);
    dubao::ui::render(app, area, &mut buf);
    buf
}

fn screen(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            s.push_str(sym);
            // A wide char's second cell is no char of its own.
            x += unicode_width::UnicodeWidthStr::width(sym).clamp(1, 2) as u16;
        }
        s.push('\n');
    }
    s
}

fn reader_app(server: &Server, path: &str, size: (u16, u16)) -> App {
    let mut app = App::new(pics::library(&server.url(path), None), size, None);
    app.start_photos(Worker::start(Picker::halfblocks(), None, quick(), 1));
    app.update(Action::FocusReader);
    app
}

#[test]
fn a_known_picture_is_drawn_in_half_blocks_where_the_photo_stands() {
    let s = Server::start();
    let tone = pics::encode(&pics::two_tone(200, 100), ImageFormat::Png);
    s.route("/tone.png", typed(tone, "image/png"));
    let mut app = reader_app(&s, "/tone.png", (100, 40));
    let before = screen(&draw(&app));
    assert!(before.contains("photo coming"), "{before}");
    settle(&mut app, ready);
    let buf = draw(&app);
    let b = app.pane().layout().photos[0];
    let Some(Shown::Ready(r)) = app.photos().get(&app.photo_job(0).unwrap()) else {
        unreachable!()
    };
    // 200 × 100 pixels in 10 × 20 pixel cells: 20 cells by 5 rows, centred in the box.
    assert_eq!(r.cells, (20, 5));
    let text = app.panes().text;
    let x0 = text.x + b.left + (b.width - 20) / 2;
    let y0 = text.y + (b.line - app.pane().scroll()) as u16 + (b.rows - 5) / 2;
    let red = Color::Rgb(255, 0, 0);
    let blue = Color::Rgb(0, 0, 255);
    for x in x0..x0 + 20 {
        assert_eq!(buf[(x, y0)].bg, red, "top row at {x}");
        assert_eq!(buf[(x, y0 + 4)].bg, blue, "bottom row at {x}");
    }
    assert_ne!(buf[(x0 - 1, y0)].bg, red, "nothing left of the picture");
    let shown = screen(&buf);
    assert!(
        shown.contains("图为新建的大桥。"),
        "the caption under it:\n{shown}"
    );
    assert!(!shown.contains("photo coming"));
    // Scrolled so the box is half out of the pane: its lower rows still show.
    app.update(Action::Scroll(
        (b.line + usize::from(b.rows) / 2 + 2) as isize - app.pane().scroll() as isize,
    ));
    let y = y0 as i64 + 4 - (app.pane().scroll() as i64);
    if y >= i64::from(text.y) && app.pane().scroll() > b.line {
        assert_eq!(draw(&app)[(x0, y as u16)].bg, blue);
    }
    // Off: no box, no picture, the caption stays.
    app.update(Action::TogglePhotos);
    assert!(app.pane().layout().photos.is_empty());
    app.update(Action::ScrollTop);
    let off = draw(&app);
    let cells = (0..off.area.height).flat_map(|y| (0..off.area.width).map(move |x| (x, y)));
    assert!(
        cells
            .into_iter()
            .all(|p| off[p].bg != red && off[p].bg != blue)
    );
    assert!(screen(&off).contains("图为新建的大桥。"));
}

#[test]
fn a_hanging_server_or_a_404_leaves_the_reader_free_with_a_note() {
    let s = Server::start();
    s.route("/hang.jpg", Route::Hang);
    let mut app = reader_app(&s, "/hang.jpg", (80, 24));
    // Nothing waits: the placeholder at once, keys still act.
    assert!(screen(&draw(&app)).contains("photo coming"));
    app.update(Action::Scroll(3));
    app.update(Action::FocusList);
    app.update(Action::Select(1));
    assert_eq!(app.current().unwrap().title, "第二篇文章");
    let mut app = reader_app(&s, "/missing.jpg", (80, 24));
    settle(&mut app, |a| {
        a.photo_job(0)
            .is_some_and(|j| a.photos().failure(&j.url).is_some())
    });
    let shown = screen(&draw(&app));
    assert!(shown.contains("photo not shown"), "{shown}");
    assert!(shown.contains("图为新建的大桥。"));
    // The server mends: turning photos off and on asks again.
    s.route("/missing.jpg", typed(pics::jpeg(120, 80), "image/jpeg"));
    app.update(Action::TogglePhotos);
    app.update(Action::TogglePhotos);
    settle(&mut app, ready);
}

#[test]
fn the_graphics_protocols_write_their_escapes() {
    use ratatui::widgets::Widget;
    use ratatui_image::picker::ProtocolType;
    use ratatui_image::sliced::{SignedPosition, SlicedImage};
    let img = image::DynamicImage::ImageRgb8(pics::two_tone(64, 64));
    for (kind, escape) in [
        (ProtocolType::Kitty, "\x1b_G"),
        (ProtocolType::Sixel, "\x1bP"),
        (ProtocolType::Iterm2, "\x1b]1337;File="),
    ] {
        let mut picker = Picker::halfblocks();
        picker.set_protocol_type(kind);
        let r = photos::render::render(&img, 20, 10, &picker, &[]).unwrap();
        let area = Rect::new(0, 0, 30, 12);
        let mut buf = Buffer::empty(area);
        SlicedImage::new(&r.proto, SignedPosition::from((0, 0))).render(area, &mut buf);
        let out = screen(&buf);
        assert!(
            out.contains(escape),
            "{kind:?}: {:?}",
            &out[..out.len().min(80)]
        );
    }
}

#[test]
fn the_page_view_outlines_the_areas_and_enter_opens_the_article() {
    let s = Server::start();
    s.route("/scan.png", typed(pics::png(200, 300), "image/png"));
    let lib = pics::library(&s.url("/none.jpg"), Some(&s.url("/scan.png")));
    let mut app = App::new(lib, (100, 40), None);
    app.start_photos(Worker::start(Picker::halfblocks(), None, quick(), 1));
    app.update(Action::OpenPageView);
    assert!(screen(&draw(&app)).contains("page scan is coming"));
    settle(&mut app, |a| {
        a.page_view_job()
            .is_some_and(|j| matches!(a.photos().get(&j), Some(Shown::Ready(_))))
    });
    let shown = screen(&draw(&app));
    assert!(
        shown.contains("1/2 大桥建成通车") && shown.contains('┏'),
        "{shown}"
    );
    app.update(Action::PageViewStep(1));
    assert!(screen(&draw(&app)).contains("2/2 第二篇文章"));
    app.update(Action::PageViewOpen);
    assert!(app.page_view().is_none());
    assert_eq!(app.current().unwrap().title, "第二篇文章");
    // A page without a scan says so.
    let mut plain = App::new(pics::library(&s.url("/none.jpg"), None), (80, 24), None);
    plain.update(Action::OpenPageView);
    assert!(plain.page_view().is_none());
    assert!(plain.status_text().as_deref().unwrap().contains("no scan"));
}

#[test]
fn prefetch_keeps_every_photo_and_scan_once() {
    let s = Server::start();
    s.route("/p.jpg", typed(pics::jpeg(80, 60), "image/jpeg"));
    s.route("/scan.png", typed(pics::png(200, 300), "image/png"));
    let lib = pics::library(&s.url("/p.jpg"), Some(&s.url("/scan.png")));
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path(), 1 << 30);
    assert_eq!(photos::prefetch(&lib, &cache, &quick()), (2, vec![]));
    let before = s.seen().len();
    assert_eq!(photos::prefetch(&lib, &cache, &quick()), (2, vec![]));
    assert_eq!(s.seen().len(), before, "kept: not fetched again");
    let bad = pics::library(&s.url("/gone.jpg"), None);
    let (_, failed) = photos::prefetch(&bad, &cache, &quick());
    assert!(
        failed.len() == 1 && failed[0].contains("/gone.jpg"),
        "{failed:?}"
    );
}

#[test]
fn the_config_says_how_photos_show_and_refuses_anything_else() {
    let path = Path::new("config.toml");
    let off = dubao::config::parse(
        "[display]\nphotos = \"off\"\n[photos]\ncache_mb = 5\n",
        path,
    )
    .unwrap();
    assert!(!off.settings().photos);
    assert_eq!(off.config.photos.cache_mb, 5);
    assert!(dubao::config::parse("", path).unwrap().settings().photos);
    let e = dubao::config::parse("[display]\nphotos = \"sometimes\"\n", path).unwrap_err();
    let line = e.to_string();
    assert!(
        line.contains("config.toml:2") && line.contains("photos"),
        "{line}"
    );
}
