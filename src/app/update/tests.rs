//! Behaviour of `update`: selection, scrolling, search, bookmarks, resize — no terminal.

use crate::app::{Action, App, Edit, Focus, Overlay};
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

fn app() -> App {
    App::new(library(), (80, 24), None)
}

fn title(app: &App) -> &str {
    &app.current().unwrap().title
}

#[test]
fn j_and_k_move_the_selection_and_the_reading_pane_follows() {
    let mut app = app();
    assert_eq!(title(&app), "衡水打造营商环境");
    app.update(Action::Select(1));
    assert_eq!(title(&app), "冰雪产业链");
    assert!(
        app.pane
            .layout()
            .lines
            .iter()
            .any(|l| l.plain().contains("冰雪产业链"))
    );
    app.update(Action::Select(5));
    assert_eq!(app.shown.selected(), 2);
    app.update(Action::Select(-9));
    assert_eq!(app.shown.selected(), 0);
    app.update(Action::SelectLast);
    assert_eq!(app.shown.selected(), 2);
}

#[test]
fn reading_pane_scrolls_and_pages_within_bounds() {
    let mut app = app();
    app.update(Action::FocusReader);
    assert_eq!(app.screen.focus(), Focus::Reader);
    app.update(Action::Scroll(3));
    assert_eq!(app.pane.scroll(), 3);
    app.update(Action::Page {
        forward: true,
        half: false,
    });
    assert_eq!(
        app.pane.scroll(),
        (3 + app.page_rows()).min(app.max_scroll())
    );
    app.update(Action::ScrollBottom);
    assert_eq!(app.pane.scroll(), app.max_scroll());
    app.update(Action::Scroll(100));
    assert_eq!(app.pane.scroll(), app.max_scroll());
    app.update(Action::ScrollTop);
    assert_eq!(app.pane.scroll(), 0);
    app.update(Action::Scroll(-5));
    assert_eq!(app.pane.scroll(), 0);
}

#[test]
fn resize_keeps_the_reading_place() {
    let mut app = app();
    app.update(Action::Scroll(6));
    let before = app.anchor();
    app.update(Action::Resize(50, 20));
    let after = app.anchor();
    assert_eq!(before.field, after.field);
    app.update(Action::Resize(1, 1));
    app.update(Action::Resize(0, 0));
    app.update(Action::Resize(300, 80));
    assert!(app.current().is_some());
}

#[test]
fn a_columns_message_is_said_again_after_a_resize() {
    let mut app = app();
    app.update(Action::Resize(80, 24));
    app.update(Action::ToggleColumns);
    let narrow = app.pane.layout().page_rows.is_some();
    app.update(Action::Resize(120, 40));
    let wide = app.pane.layout().page_rows.is_some();
    let status = app.status_text().unwrap_or_default();
    assert_eq!(status.contains("too narrow"), !wide, "{status}");
    assert!(!narrow && wide, "the fixture spans the narrow-to-wide case");
    assert_eq!(status, "columns on");
    app.update(Action::Resize(40, 20));
    let s = app.status_text().unwrap_or_default();
    assert_eq!(
        s.contains("too narrow"),
        app.pane.layout().page_rows.is_none(),
        "{s}"
    );
}

#[test]
fn help_toggles_and_quit_quits() {
    let mut app = app();
    app.update(Action::ToggleHelp);
    assert_eq!(app.screen.overlay(), Overlay::Help);
    app.update(Action::CloseOverlay);
    assert_eq!(app.screen.overlay(), Overlay::None);
    app.update(Action::Quit);
    assert!(app.screen.quitting());
}

fn type_query(app: &mut App, q: &str) {
    app.update(Action::SearchStart);
    app.update(Action::SearchEdit(Edit::Insert(q.into())));
}

#[test]
fn search_lists_hits_and_esc_restores_the_article() {
    let mut app = app();
    app.update(Action::Select(1));
    type_query(&mut app, "卫生健康");
    assert_eq!(app.search.results.len(), 1);
    assert_eq!(app.search.results[0].title, "卫生健康委统筹推进");
    assert_eq!(app.search.total, Some(1), "a short list counts itself");
    // Typing never opens another article: the reading pane stays.
    assert_eq!(title(&app), "冰雪产业链");
    app.update(Action::SearchCancel);
    assert!(!app.search.active());
    assert!(app.search.results.is_empty());
    assert_eq!(
        title(&app),
        "冰雪产业链",
        "the article from before the search"
    );
    assert!(app.current_hits().is_empty());
    // Enter opens the hit; Esc then keeps it.
    type_query(&mut app, "卫生健康");
    app.update(Action::SearchSubmit);
    assert_eq!(title(&app), "卫生健康委统筹推进");
    assert!(!app.current_hits().is_empty());
    app.update(Action::SearchCancel);
    assert_eq!(title(&app), "卫生健康委统筹推进");
}

#[test]
fn search_line_edits() {
    let mut app = app();
    type_query(&mut app, "衡水 服务");
    app.update(Action::SearchEdit(Edit::DeleteWord));
    assert_eq!(app.search.input.text(), "衡水 ");
    app.update(Action::SearchEdit(Edit::Left));
    app.update(Action::SearchEdit(Edit::Backspace));
    assert_eq!(app.search.input.text(), "衡 ");
    assert_eq!(app.search.cursor_cells(false), 2);
    app.update(Action::SearchEdit(Edit::DeleteToStart));
    assert_eq!(app.search.input.text(), " ");
}

#[test]
fn enter_goes_to_the_first_match_and_n_moves_on_across_articles() {
    let mut app = app();
    type_query(&mut app, "衡水");
    assert_eq!(app.search.results.len(), 1);
    app.update(Action::SearchSubmit);
    assert!(!app.search.editing);
    assert_eq!(app.screen.focus(), Focus::Reader);
    assert_eq!(app.search.current, Some(0));
    let n = app.current_hits().len();
    assert!(n > 2);
    app.update(Action::NextMatch);
    assert_eq!(app.search.current, Some(1));
    app.update(Action::PrevMatch);
    app.update(Action::PrevMatch);
    // Past the first match of the only article: wraps to its last match.
    assert_eq!(app.search.current, Some(n - 1));

    let mut app = self::app();
    type_query(&mut app, "省");
    app.update(Action::SearchSubmit);
    assert_eq!(app.search.results.len(), 2);
    let first = title(&app).to_string();
    for _ in 0..app.current_hits().len() {
        app.update(Action::NextMatch);
    }
    assert_ne!(title(&app), first, "n moves on to the next article");
    assert_eq!(app.search.current, Some(0));
}

#[test]
fn no_match_leaves_an_empty_list_without_panicking() {
    let mut app = app();
    type_query(&mut app, "不存在的词");
    assert!(app.search.results.is_empty());
    assert_eq!(app.search.count_label(), "0");
    app.update(Action::SearchSubmit);
    app.update(Action::Select(1));
    app.update(Action::SelectLast);
    app.update(Action::ListPage { forward: true });
    app.update(Action::NextMatch);
    assert_eq!(
        app.status_text().as_deref(),
        Some("无匹配 no match for 不存在的词")
    );
    app.update(Action::SearchCancel);
    assert!(!app.search.active());
    assert_eq!(title(&app), "衡水打造营商环境");
}

#[test]
fn bookmarks_are_kept_and_shown_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = MarkStore::new(dir.path());
    let mut app = App::new(library(), (80, 24), Some(store.clone()));
    app.update(Action::SetBookmark);
    app.update(Action::Select(2));
    app.update(Action::FocusReader);
    app.update(Action::Scroll(4));
    app.update(Action::SetBookmark);
    let r = app.current_ref().unwrap();
    assert!(app.is_bookmarked(r));
    assert!(app.is_read(r));

    // A new reader on the same store sees them.
    let mut again = App::new(library(), (80, 24), Some(store));
    assert_eq!(again.marks.state.bookmarks.len(), 2);
    again.update(Action::OpenBookmarks);
    assert_eq!(again.screen.overlay(), Overlay::Bookmarks);
    again.update(Action::BookmarkOpen);
    assert_eq!(again.screen.overlay(), Overlay::None);
    assert_eq!(title(&again), "卫生健康委统筹推进");
    assert!(again.pane.scroll() > 0, "opened at the saved place");
    again.update(Action::OpenBookmarks);
    again.update(Action::BookmarkDelete);
    assert_eq!(again.marks.state.bookmarks.len(), 1);
}

#[test]
fn reading_position_is_restored_when_coming_back() {
    let mut app = app();
    app.update(Action::FocusReader);
    app.update(Action::Scroll(5));
    let place = app.pane.scroll();
    app.update(Action::Select(1));
    assert_eq!(app.pane.scroll(), 0);
    app.update(Action::Select(-1));
    assert_eq!(app.pane.scroll(), place);
}

#[test]
fn a_failed_write_keeps_the_bookmark_in_memory_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let mut app = App::new(library(), (80, 24), Some(MarkStore::new(&file)));
    app.update(Action::SetBookmark);
    assert!(app.is_bookmarked(app.current_ref().unwrap()));
    assert!(
        app.status_text()
            .as_deref()
            .unwrap_or("")
            .contains("not saved")
    );
}

#[test]
fn wheel_and_click_act_on_the_pane_under_the_pointer() {
    let mut app = app();
    let p = app.panes();
    app.update(Action::Wheel {
        column: p.reader.x + 1,
        row: 2,
        delta: 1,
    });
    assert_eq!(app.pane.scroll(), 3);
    app.update(Action::Wheel {
        column: 0,
        row: 2,
        delta: 1,
    });
    assert_eq!(app.shown.selected(), 1);
    // Under the issue's title row and the page header, each article takes two rows in
    // a 24-row list: row 6 is the third article.
    app.update(Action::Click { column: 2, row: 6 });
    assert_eq!(app.shown.selected(), 2);
    assert_eq!(app.screen.focus(), Focus::List);
}

#[test]
fn measure_keys_narrow_and_widen_the_text_block() {
    use crate::app::keys::map_key;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let mut app = App::new(library(), (200, 40), None);
    let text_width = |app: &App| {
        app.pane
            .layout()
            .lines
            .iter()
            .map(|l| crate::typeset::audit::text_cells(l, false))
            .max()
            .unwrap_or(0)
    };
    let wide = text_width(&app);
    let narrow = map_key(&app, key('<')).unwrap();
    assert_eq!(narrow, Action::Measure(-4));
    for _ in 0..10 {
        app.update(narrow.clone());
    }
    assert_eq!(app.setup.settings().measure, 40);
    assert!(text_width(&app) <= 42 && text_width(&app) < wide);
    // `>` stops at what the pane shows (never `260 cells` on a 163-cell pane)...
    let widest = crate::typeset::measure::widest(usize::from(app.panes().text.width));
    assert!(widest < crate::typeset::measure::MAX_MEASURE);
    for _ in 0..200 {
        app.update(map_key(&app, key('>')).unwrap());
    }
    assert_eq!(app.setup.settings().measure, widest);
    assert!(
        app.status_text()
            .as_deref()
            .is_some_and(|s| s.contains("widest"))
    );
    // ... and `<` narrows the text block at the first press.
    let block = |app: &App| {
        crate::typeset::measure::block(usize::from(app.panes().text.width), app.setup.settings())
            .width
    };
    let full = block(&app);
    app.update(narrow.clone());
    assert_eq!(app.setup.settings().measure, widest - 4);
    assert_eq!(block(&app), full - 4);
}

#[test]
fn narrow_acts_at_once_from_a_measure_wider_than_the_pane() {
    // The config's default measure is the widest there is: the first `<` narrows what
    // the pane shows, not a measure hundreds of cells wider than it.
    let mut app = App::new(library(), (120, 40), None);
    let st = crate::typeset::Settings {
        measure: crate::typeset::measure::MAX_MEASURE,
        ..*app.setup.settings()
    };
    app.set_settings(st);
    let widest = crate::typeset::measure::widest(usize::from(app.panes().text.width));
    app.update(Action::Measure(-4));
    assert_eq!(app.setup.settings().measure, widest - 4);
    app.update(Action::Measure(4));
    assert_eq!(app.setup.settings().measure, widest);
}

#[test]
fn s_cycles_the_script_and_the_place_and_bookmarks_still_map() {
    let mut app = app();
    app.update(Action::FocusReader);
    app.update(Action::Scroll(4));
    let anchor = app.pane.layout().anchor_at(app.pane.scroll());
    let stored = app.current().unwrap().clone();
    let mut seen = Vec::new();
    for _ in 0..crate::text::script::Script::ALL.len() {
        app.update(Action::CycleScript);
        seen.push(app.setup.settings().script);
        // The same stored char stays at the top of the pane.
        assert_eq!(
            app.pane.layout().anchor_at(app.pane.scroll()),
            anchor,
            "{:?}",
            app.setup.settings().script
        );
        // Every sourced span shows, char for char, a form of the stored chars there.
        for l in &app.pane.layout().lines {
            for s in &l.spans {
                let Some(src) = s.source else { continue };
                let text: Vec<char> = stored.field(src.field).unwrap().chars().collect();
                for (k, c) in s.text.chars().enumerate() {
                    let fold = crate::text::fold::fold;
                    let at = text[src.start + k];
                    assert!(fold(c) == fold(at) || !c.is_alphabetic(), "{c} for {at}");
                }
            }
        }
    }
    assert_eq!(
        seen,
        crate::text::script::Script::ALL[1..]
            .iter()
            .copied()
            .chain([crate::text::script::Script::AsPrinted])
            .collect::<Vec<_>>()
    );
    app.update(Action::CycleScript); // simplified
    app.update(Action::CycleScript); // traditional
    assert!(
        app.status_text()
            .as_deref()
            .unwrap()
            .contains("traditional")
    );
    let shown: String = app.pane.layout().lines.iter().map(|l| l.plain()).collect();
    assert!(shown.contains("營商環境"), "{shown}");
    assert_eq!(
        app.current().unwrap().title,
        "衡水打造营商环境",
        "stored text unchanged"
    );
}

/// A shelf whose index is still being built until the test says it is done.
struct Indexing {
    shelf: crate::library::memory::MemoryShelf,
    percent: std::sync::Mutex<Option<u8>>,
}

impl crate::library::Shelf for Indexing {
    fn issues(&self) -> Vec<crate::library::IssueInfo> {
        self.shelf.issues()
    }
    fn load_issue(
        &self,
        key: &crate::library::IssueKey,
    ) -> Result<crate::model::Issue, crate::library::LibraryError> {
        self.shelf.load_issue(key)
    }
    fn article(
        &self,
        id: &crate::model::ArticleId,
    ) -> Option<(crate::library::IssueKey, crate::model::Article)> {
        self.shelf.article(id)
    }
    fn search(
        &self,
        q: &crate::library::SearchQuery,
    ) -> Result<Vec<crate::library::SearchHit>, crate::library::LibraryError> {
        assert!(
            self.indexing().is_none(),
            "searched before the index was ready"
        );
        self.shelf.search(q)
    }
    fn count(
        &self,
        q: &crate::library::SearchQuery,
    ) -> Result<usize, crate::library::LibraryError> {
        self.shelf.count(q)
    }
    fn indexing(&self) -> Option<u8> {
        *self.percent.lock().unwrap()
    }
}

#[test]
fn a_search_while_indexing_says_how_far_and_answers_once_ready() {
    let shelf = std::sync::Arc::new(Indexing {
        shelf: crate::library::memory::MemoryShelf::new(library()),
        percent: std::sync::Mutex::new(Some(40)),
    });
    let mut app = App::with_shelf(shelf.clone(), (80, 24), None);
    assert_eq!(
        title(&app),
        "衡水打造营商环境",
        "the first frame does not wait"
    );
    type_query(&mut app, "卫生健康");
    assert_eq!(app.status_text().as_deref(), Some("indexing… 40%"));
    assert!(app.search.results.is_empty());
    app.update(Action::SearchSubmit);
    assert_eq!(title(&app), "衡水打造营商环境", "nothing to open yet");
    assert_eq!(app.screen.focus(), Focus::List);
    *shelf.percent.lock().unwrap() = Some(90);
    app.update(Action::Tick(std::time::Instant::now()));
    assert_eq!(app.status_text().as_deref(), Some("indexing… 90%"));
    *shelf.percent.lock().unwrap() = None;
    app.update(Action::Tick(std::time::Instant::now()));
    assert!(
        !app.status_text()
            .as_deref()
            .unwrap_or("")
            .contains("indexing")
    );
    assert_eq!(app.search.results.len(), 1);
    assert_eq!(app.search.results[0].title, "卫生健康委统筹推进");
    assert_eq!(app.search.total, Some(1));
    // Enter, pressed while indexing, opens the hit now it is there.
    assert_eq!(title(&app), "卫生健康委统筹推进");
    assert_eq!(app.screen.focus(), Focus::Reader);
}
