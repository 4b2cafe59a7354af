//! The reader's state, the actions that change it, and the one `update` that applies them.
//! The loop is: ui ← state; action ← key map(state, event); state ← update(state, action).
//! `update` never touches the terminal, so every behaviour is a plain test.

pub mod action;
mod browse;
mod count;
pub mod fetcher;
pub mod fetchlog;
mod goto;
pub mod help;
pub mod keys;
pub mod link;
mod marks;
pub mod pageview;
mod pane;
pub mod photos;
pub mod query;
mod reading;
mod screen;
pub mod search;
mod search_pages;
mod search_walk;
mod setup;
mod shown;
mod update;

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::bookmarks::{self, MarkStore};
use crate::library::Shelf;
use crate::library::memory::MemoryShelf;
use crate::model::{Article, ArticleRef, Library};
use crate::search::Hit;
use crate::typeset::{self, Layout, Settings};
use crate::view::geometry::{Panes, panes_with};

pub use crate::view::theme::Theme;
pub use action::{Action, Edit};
pub use browse::Browse;
pub use goto::GotoState;
pub use keys::Keymap;
pub use link::Effect;
pub use pane::ReadingPane;
pub use screen::{Focus, Overlay, Screen, Status};
pub use search::SearchState;
pub use setup::{Lang, Prefs, Setup};
pub use shown::ShownIssue;

/// Bookmarks and reading state: what is stored, and where.
#[derive(Debug, Default)]
pub struct Marks {
    pub(super) store: Option<MarkStore>,
    pub(super) state: bookmarks::State,
    /// Selected row of the bookmarks view.
    pub(super) selected: usize,
    /// Changes the store could not save yet, with when they were made: kept on screen,
    /// sent again with the next write (never undoing a newer change made since).
    pub(super) pending: Vec<(bookmarks::Change, u64)>,
    /// Bookmarks removed this session, last removed last: `u` brings them back.
    pub(super) removed: Vec<bookmarks::Bookmark>,
    /// How the store's files stood when last read or written here: a change means
    /// another process wrote, and the state is read again.
    pub(super) seen: bookmarks::Stamp,
}

impl Marks {
    /// The bookmarks and reading state as last read.
    pub fn state(&self) -> &bookmarks::State {
        &self.state
    }

    /// The selected row of the bookmarks view.
    pub fn selected(&self) -> usize {
        self.selected
    }
}

/// Everything the reader shows, in parts that each own their fields.
#[derive(Debug)]
pub struct App {
    /// The shelf of issues and where the reader is on it.
    browse: Browse,
    /// The issue shown and its list.
    shown: ShownIssue,
    /// The reading pane.
    pane: ReadingPane,
    /// Size, focus, overlay, status line, notices, effects.
    screen: Screen,
    /// Typesetting, behaviour, bindings and colours.
    setup: Setup,
    search: SearchState,
    /// The go-to prompt (`o`: a date, a page or a paper).
    goto: GotoState,
    marks: Marks,
    /// `F`: where it fetches from, the fetch running, the last fetch's log.
    fetch: fetcher::Fetching,
    /// News photos: the worker making them and what it made.
    photos: photos::Photos,
    /// The page as printed, full screen, while it is open.
    page_view: Option<pageview::PageView>,
}

impl App {
    /// A reader on `library` (held in memory), sized `size`, keeping bookmarks in
    /// `store` (none in tests that do not need it); it opens where the reader left off,
    /// else on the newest issue.
    pub fn new(library: Library, size: (u16, u16), store: Option<MarkStore>) -> Self {
        App::with_shelf(Arc::new(MemoryShelf::new(library)), size, store)
    }

    /// A reader on `shelf`, open on the article read last (at its place, in its issue),
    /// else on the newest issue.
    pub fn with_shelf(shelf: Arc<dyn Shelf>, size: (u16, u16), store: Option<MarkStore>) -> Self {
        let mut app = App {
            browse: Browse::new(shelf),
            shown: ShownIssue::default(),
            pane: ReadingPane::default(),
            screen: Screen::new(size),
            setup: Setup::default(),
            search: SearchState::new(),
            goto: GotoState::default(),
            marks: Marks {
                store,
                ..Default::default()
            },
            fetch: fetcher::Fetching::default(),
            photos: photos::Photos::default(),
            page_view: None,
        };
        app.load_marks();
        if app.resume() {
            return app;
        }
        let newest = app.browse.issues.len().checked_sub(1);
        if !newest.is_some_and(|n| app.open_issue(n, None)) {
            app.relayout();
        }
        app
    }

    /// The shelf of issues and where the reader is on it.
    pub fn browse(&self) -> &Browse {
        &self.browse
    }

    /// The issue shown and its list.
    pub fn shown(&self) -> &ShownIssue {
        &self.shown
    }

    /// The reading pane.
    pub fn pane(&self) -> &ReadingPane {
        &self.pane
    }

    /// Size, focus, overlay, status line and notices.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// Typesetting, behaviour, bindings and colours.
    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    pub fn search(&self) -> &SearchState {
        &self.search
    }

    /// The go-to prompt.
    pub fn goto(&self) -> &GotoState {
        &self.goto
    }

    /// Bookmarks and reading state.
    pub fn marks(&self) -> &Marks {
        &self.marks
    }

    /// `F`'s part: the fetch running and the last fetch's log.
    pub fn fetch(&self) -> &fetcher::Fetching {
        &self.fetch
    }

    /// News photos: what the worker made.
    pub fn photos(&self) -> &photos::Photos {
        &self.photos
    }

    /// The page as printed, while it is open.
    pub fn page_view(&self) -> Option<&pageview::PageView> {
        self.page_view.as_ref()
    }

    /// Offer `F`: where it fetches from and into (`None`: fetching is not offered).
    pub fn offer_fetch(&mut self, setup: Option<fetcher::FetchSetup>) {
        self.fetch.set_setup(setup);
        self.hint_if_nothing_followed();
    }

    /// Where the photo worker reads and caches pictures, for the terminal side to start it.
    pub fn set_photo_setup(&mut self, setup: photos::PhotoSetup) {
        self.photos.setup = Some(setup);
    }

    /// What `update` asked of the terminal side since it last took them.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(self.screen.effects_mut())
    }

    /// An effect as `update` would ask it, for the terminal side's tests.
    #[cfg(test)]
    pub(crate) fn push_effect_for_test(&mut self, effect: Effect) {
        self.screen.effects_mut().push(effect);
    }

    /// The warnings to repeat in full once the screen is back.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(self.screen.notices_mut())
    }

    /// Take the config's choices: behaviour, key bindings and theme.
    pub fn configure(&mut self, prefs: Prefs, keymap: Keymap, theme: Theme) {
        self.setup.set_prefs(prefs);
        self.setup.set_keymap(keymap);
        self.setup.set_theme(theme);
        self.relayout();
    }

    /// Change the typesetting settings and set the article again.
    pub fn set_settings(&mut self, settings: Settings) {
        self.setup.set_settings(settings);
        self.relayout();
    }

    pub fn panes(&self) -> Panes {
        self.panes_in(Rect::new(0, 0, self.screen.size().0, self.screen.size().1))
    }

    /// The panes of `area` with the configured list width.
    pub fn panes_in(&self, area: Rect) -> Panes {
        panes_with(area, self.setup.prefs().list_width)
    }

    /// The selected article, if the list is not empty.
    pub fn current_ref(&self) -> Option<ArticleRef> {
        self.shown.visible().get(self.shown.selected()).copied()
    }

    pub fn current(&self) -> Option<&Article> {
        self.shown.issue().get(self.current_ref()?)
    }

    /// Search hits in the selected article (empty without a search).
    pub fn current_hits(&self) -> &[Hit] {
        &self.search.hits
    }

    /// Lines the reading pane shows at once.
    pub fn page_rows(&self) -> usize {
        usize::from(self.panes().text.height).max(1)
    }

    pub fn max_scroll(&self) -> usize {
        match self.pane.layout().page_rows {
            Some(rows) => {
                let rows = rows.max(1);
                self.pane.layout().lines.len().saturating_sub(1) / rows * rows
            }
            None => self
                .pane
                .layout()
                .lines
                .len()
                .saturating_sub(self.page_rows()),
        }
    }

    /// Set the selected article again for the current pane size, keeping the reading place.
    pub fn relayout(&mut self) {
        let anchor = self.anchor();
        // At the top (page header and all) stays at the top; elsewhere the text at the
        // top of the pane becomes the place, so resizing back and forth never drifts.
        let keep = !self.pane.layout().lines.is_empty()
            && (self.pane.scroll() > 0 || self.pane.place().is_some());
        let text = self.panes().text;
        self.pane.set_article(self.current_ref());
        let layout = match self.current_ref() {
            Some(r) => self.set_article(r, text.width, text.height),
            None => Arc::default(),
        };
        self.pane.set_layout(layout);
        self.pane.set_scroll(if keep {
            self.pane.layout().line_of(anchor)
        } else {
            0
        });
        if keep {
            self.pane.set_place(Some(anchor));
        }
        self.clamp_scroll();
        self.search
            .refresh_hits(self.shown.issue(), self.current_ref());
        self.want_photos();
    }

    /// The article at `r` set for the pane; the first article of a page carries the
    /// page's banner and column label above it (not when set in columns, which page by
    /// screen).
    fn set_article(&mut self, r: ArticleRef, width: u16, height: u16) -> Arc<Layout> {
        let Some(article) = self.shown.issue().get(r) else {
            return Arc::default();
        };
        let layout = self
            .pane
            .layouts_mut()
            .get(article, width, height, self.setup.settings());
        let page = &self.shown.issue().issues[r.issue].pages[r.page];
        if r.article != 0 || layout.page_rows.is_some() {
            return layout;
        }
        let mut lines = typeset::page::header(page, width, self.setup.settings());
        if lines.is_empty() {
            return layout;
        }
        let head = lines.len();
        lines.extend(layout.lines.iter().cloned());
        let mut photos = layout.photos.clone();
        for p in &mut photos {
            p.line += head;
        }
        Arc::new(Layout {
            lines,
            photos,
            ..(*layout).clone()
        })
    }

    pub(crate) fn clamp_scroll(&mut self) {
        if let Some(rows) = self.pane.layout().page_rows {
            let rows = rows.max(1);
            self.pane.set_scroll(self.pane.scroll() / rows * rows);
        }
        self.pane
            .set_scroll(self.pane.scroll().min(self.max_scroll()));
    }

    /// `3/5` style position of the selection in the list.
    pub fn position_label(&self) -> String {
        if self.shown.visible().is_empty() {
            "0/0".into()
        } else {
            format!(
                "{}/{}",
                self.shown.selected() + 1,
                self.shown.visible().len()
            )
        }
    }

    /// The status line's place: paper, date, page, position in the list and percent
    /// read (empty with no article).
    pub fn place_label(&self) -> String {
        let Some(r) = self.current_ref() else {
            return String::new();
        };
        let issue = &self.shown.issue().issues[r.issue];
        let page = &issue.pages[r.page].number;
        let date = if issue.date.is_empty() {
            "日期不详"
        } else {
            &issue.date
        };
        format!(
            " {} {} 第{}版 │ {} │ {}%",
            issue.paper,
            date,
            page,
            self.position_label(),
            self.percent_read()
        )
    }

    /// Percent of the article above the bottom of the pane.
    pub fn percent_read(&self) -> usize {
        let total = self.pane.layout().lines.len();
        if total == 0 {
            return 100;
        }
        ((self.pane.scroll() + self.page_rows()).min(total) * 100 / total).min(100)
    }

    pub fn is_bookmarked(&self, r: ArticleRef) -> bool {
        self.shown
            .issue()
            .get(r)
            .is_some_and(|a| self.marks.state.is_bookmarked(&a.id.0))
    }

    pub fn is_read(&self, r: ArticleRef) -> bool {
        self.shown
            .issue()
            .get(r)
            .is_some_and(|a| self.marks.state.read.contains(&a.id.0))
    }
}
