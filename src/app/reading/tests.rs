//! Everyday reading through `update` and the key map: Space reads on, the place comes
//! back exactly, search jumps, bookmarks set/move/remove/undo, overlays close on `q`,
//! match counts, the unread filter and read-after-a-moment.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::keys::map_key;
use crate::app::{Action, App, Edit, Focus, Overlay, Prefs};
use crate::bookmarks::MarkStore;
use crate::model::{Library, sample};

fn library() -> Library {
    let body = |s: &str| (0..12).map(|_| s.repeat(3)).collect::<Vec<_>>();
    sample::library(&[
        (
            "衡水打造营商环境",
            body("衡水市政府收到了感谢信,点赞衡水服务速度。"),
        ),
        ("冰雪产业链", body("省体育局开展专项行动,发展后奥运经济。")),
        (
            "卫生健康委统筹推进",
            body("省卫生健康委召开党组扩大会议,卫生健康工作。"),
        ),
    ])
}

fn key(app: &mut App, code: KeyCode) {
    let ev = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(a) = map_key(app, ev) {
        app.update(a);
    }
}

fn title(app: &App) -> String {
    app.current().map(|a| a.title.clone()).unwrap_or_default()
}

#[test]
fn space_at_the_end_of_an_article_goes_on_to_the_next() {
    let mut app = App::new(library(), (100, 30), None);
    key(&mut app, KeyCode::Enter);
    for _ in 0..50 {
        if app.pane.scroll() >= app.max_scroll() {
            break;
        }
        key(&mut app, KeyCode::Char(' '));
    }
    assert_eq!(title(&app), "衡水打造营商环境");
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(title(&app), "冰雪产业链");
    assert_eq!((app.pane.scroll(), app.screen.focus()), (0, Focus::Reader));
    // At the very end Space says so instead of doing nothing.
    app.update(Action::SelectLast);
    app.update(Action::ScrollBottom);
    key(&mut app, KeyCode::Char(' '));
    assert!(
        app.status_text()
            .as_deref()
            .unwrap_or("")
            .contains("last article")
    );
    // Turned off, it stays and says why.
    app.setup.set_prefs(Prefs {
        continuous: false,
        ..Prefs::default()
    });
    app.update(Action::SelectFirst);
    app.update(Action::ScrollBottom);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(title(&app), "衡水打造营商环境");
    assert!(
        app.status_text()
            .as_deref()
            .unwrap_or("")
            .contains("continuous")
    );
}

#[test]
fn the_place_comes_back_exactly_after_restarts_at_any_width() {
    let dir = tempfile::tempdir().unwrap();
    let store = MarkStore::new(dir.path());
    // As the binary does: made at 80x24, then resized to the terminal.
    let open = |w, h| {
        let mut app = App::new(library(), (80, 24), Some(store.clone()));
        app.update(Action::Resize(w, h));
        app
    };
    let mut app = open(100, 30);
    app.update(Action::FocusReader);
    app.update(Action::Scroll(7));
    let place = app.anchor();
    assert!(place.offset > 0);
    app.update(Action::Quit);
    for (w, h) in [(100, 30), (61, 20), (100, 30), (140, 40)] {
        let mut again = open(w, h);
        assert_eq!(again.anchor(), place, "at {w}x{h}");
        let line = again.pane.layout().line_of(place);
        assert_eq!(again.pane.scroll(), line.min(again.max_scroll()));
        again.update(Action::Resize(w / 2 + 10, h));
        again.update(Action::Resize(w, h));
        again.update(Action::Quit);
    }
    let stored = store.load().unwrap().0;
    let id = &library().issues[0].pages[0].articles[0].id.0;
    assert_eq!(stored.position(id), Some(place));
}

#[test]
fn a_search_jump_shows_the_headline_and_is_not_saved_as_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(library(), (100, 30), Some(MarkStore::new(dir.path())));
    app.update(Action::Select(1));
    app.update(Action::FocusReader);
    app.update(Action::Scroll(6));
    app.update(Action::Select(-1));
    app.update(Action::SearchStart);
    app.update(Action::SearchEdit(Edit::Insert("体育局".into())));
    app.update(Action::SearchSubmit);
    assert_eq!(title(&app), "冰雪产业链");
    assert_eq!(
        app.pane.scroll(),
        0,
        "the first hit fits under the headline"
    );
    assert!(
        app.status_text()
            .as_deref()
            .unwrap()
            .starts_with("match 1/")
    );
    app.update(Action::NextMatch);
    let s = app.status_text().unwrap();
    assert!(
        s.starts_with("match 2/") && s.contains("· article 1/1"),
        "{s}"
    );
    app.update(Action::SearchCancel);
    app.update(Action::Quit);
    let id = &app.current().unwrap().id.0;
    let saved = app.marks.state.position(id).unwrap();
    let again = App::new(library(), (100, 30), Some(MarkStore::new(dir.path())));
    assert_eq!(again.marks.state.position(id), Some(saved));
    assert!(
        saved.offset > 0,
        "the place scrolled to before the search stays"
    );
}

#[test]
fn b_sets_or_moves_x_removes_and_u_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(library(), (100, 30), Some(MarkStore::new(dir.path())));
    let r = app.current_ref().unwrap();
    key(&mut app, KeyCode::Char('b'));
    assert!(app.is_bookmarked(r));
    key(&mut app, KeyCode::Char('b'));
    assert!(app.is_bookmarked(r), "b in the list never removes");
    key(&mut app, KeyCode::Enter);
    app.update(Action::Scroll(5));
    key(&mut app, KeyCode::Char('b'));
    let id = app.current().unwrap().id.0.clone();
    let b = app.marks.state.bookmark(&id).unwrap().clone();
    assert_eq!(b.anchor, app.anchor(), "moved to the place shown");
    assert_eq!(app.marks.state.bookmarks.len(), 1);
    key(&mut app, KeyCode::Char('x'));
    assert!(!app.is_bookmarked(r));
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.marks.state.bookmark(&id), Some(&b), "back as it was");
    // In the bookmarks view: remove, then undo.
    key(&mut app, KeyCode::Char('B'));
    key(&mut app, KeyCode::Char('d'));
    assert!(app.marks.state.bookmarks.is_empty());
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.marks.state.bookmarks.len(), 1);
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.status_text().as_deref(), Some("nothing to undo"));
    let again = App::new(library(), (100, 30), Some(MarkStore::new(dir.path())));
    assert_eq!(again.marks.state.bookmark(&id), Some(&b));
}

#[test]
fn q_closes_the_help_and_the_bookmarks_view() {
    let mut app = App::new(library(), (100, 30), None);
    for open in ['?', 'B'] {
        key(&mut app, KeyCode::Char(open));
        assert_ne!(app.screen.overlay(), Overlay::None);
        key(&mut app, KeyCode::Char('q'));
        assert_eq!(app.screen.overlay(), Overlay::None);
        assert!(!app.screen.quitting());
    }
    key(&mut app, KeyCode::Char('q'));
    assert!(app.screen.quitting());
}

#[test]
fn the_help_scrolls_to_its_last_row_on_a_small_screen() {
    let mut app = App::new(library(), (30, 10), None);
    key(&mut app, KeyCode::Char('?'));
    for _ in 0..500 {
        key(&mut app, KeyCode::Char('j'));
    }
    let far = app.screen.help_scroll();
    assert!(far > 20, "{far}");
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.screen.help_scroll(), far, "stops at the end");
    // g / Home to the top, G / End to the end, as everywhere else.
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.screen.help_scroll(), 0);
    key(&mut app, KeyCode::End);
    assert_eq!(app.screen.help_scroll(), far);
    key(&mut app, KeyCode::Home);
    assert_eq!(app.screen.help_scroll(), 0);
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.screen.help_scroll(), far);
}

#[test]
fn the_help_lists_g_g_home_and_end_in_every_mode_that_has_them() {
    use crate::app::help::{HelpLine, lines};
    let app = App::new(library(), (100, 30), None);
    let all = lines(app.setup.keymap(), crate::app::Lang::En, 74, false);
    let keys: Vec<&str> = all
        .iter()
        .filter_map(|l| match l {
            HelpLine::Entry { keys, .. } if !keys.is_empty() => Some(keys.as_str()),
            _ => None,
        })
        .collect();
    // The list, the reading pane, the help itself and the bookmarks view.
    assert_eq!(
        keys.iter().filter(|k| **k == "g Home").count(),
        4,
        "{keys:?}"
    );
    assert_eq!(
        keys.iter().filter(|k| **k == "G End").count(),
        4,
        "{keys:?}"
    );
}

#[test]
fn the_unread_filter_keeps_the_article_being_read() {
    let mut app = App::new(library(), (100, 30), None);
    app.update(Action::FocusReader);
    app.update(Action::FocusList);
    key(&mut app, KeyCode::Char('U'));
    assert!(app.shown.unread_only());
    assert_eq!(
        app.shown.visible().len(),
        3,
        "the selected (read) one stays"
    );
    app.update(Action::Select(1));
    key(&mut app, KeyCode::Char('U'));
    key(&mut app, KeyCode::Char('U'));
    assert_eq!(app.shown.visible().len(), 2, "the first, read, is left out");
    key(&mut app, KeyCode::Char('U'));
    assert_eq!(app.shown.visible().len(), 3);
}

#[test]
fn an_article_shown_for_a_moment_counts_as_read() {
    let mut app = App::new(library(), (100, 30), None);
    let r = app.current_ref().unwrap();
    let t0 = Instant::now();
    app.update(Action::Tick(t0));
    app.update(Action::Tick(t0 + Duration::from_millis(500)));
    assert!(!app.is_read(r));
    app.update(Action::Tick(t0 + Duration::from_secs(3)));
    assert!(app.is_read(r));
    // Moving on restarts the clock.
    app.update(Action::Select(1));
    let next = app.current_ref().unwrap();
    app.update(Action::Tick(t0 + Duration::from_secs(4)));
    app.update(Action::Tick(t0 + Duration::from_secs(5)));
    assert!(!app.is_read(next));
}

#[test]
fn resizing_back_and_forth_never_moves_the_place() {
    let mut app = App::new(library(), (100, 30), None);
    app.update(Action::FocusReader);
    app.update(Action::Scroll(9));
    let place = app.anchor();
    for _ in 0..10 {
        for (w, h) in [(61, 20), (140, 40), (45, 12), (100, 30)] {
            app.update(Action::Resize(w, h));
        }
    }
    assert_eq!(app.anchor(), place);
    assert_eq!(
        app.pane.scroll(),
        app.pane.layout().line_of(place).min(app.max_scroll())
    );
    // At the top the top stays (the page header too), whatever the width.
    app.update(Action::ScrollTop);
    app.update(Action::Resize(61, 20));
    assert_eq!(app.pane.scroll(), 0);
}
