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
pub mod photos;
pub mod query;
mod reading;
#[cfg(test)]
mod reading_tests;
#[cfg(test)]
mod resume_tests;
pub mod search;
#[cfg(test)]
mod search_tests;
mod update;

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use crate::bookmarks::{self, Store};
use crate::library::Shelf;
use crate::library::memory::MemoryShelf;
use crate::model::{Anchor, Article, ArticleRef, Library};
use crate::search::Hit;
use crate::typeset::{self, Layout, Settings};
use crate::view::geometry::{Panes, panes_with};

pub use crate::view::theme::Theme;
pub use action::{Action, Edit};
pub use browse::Browse;
pub use goto::GotoState;
pub use keys::Keymap;
pub use link::Effect;
pub use search::SearchState;

/// The language of the help and the key hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 中文 and English side by side.
    #[default]
    Both,
    Zh,
    En,
}

/// How the reader behaves, as the config file sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefs {
    /// `Space` at the end of an article goes on to the next one.
    pub continuous: bool,
    /// The list's width in cells (`None`: by the terminal's width).
    pub list_width: Option<u16>,
    pub lang: Lang,
    /// An article shown in the reading pane this long counts as read.
    pub read_after: Duration,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            continuous: true,
            list_width: None,
            lang: Lang::Both,
            read_after: Duration::from_secs(2),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Bookmarks,
    /// The last fetch's log (scrolled with the help's keys).
    FetchLog,
}

/// Bookmarks and reading state: what is stored, and where.
#[derive(Debug, Default)]
pub struct Marks {
    pub store: Option<Store>,
    pub state: bookmarks::State,
    /// Selected row of the bookmarks view.
    pub selected: usize,
    /// Changes the store could not save yet, with when they were made: kept on screen,
    /// sent again with the next write (never undoing a newer change made since).
    pub pending: Vec<(bookmarks::Change, u64)>,
    /// Bookmarks removed this session, last removed last: `u` brings them back.
    pub removed: Vec<bookmarks::Bookmark>,
    /// How the store's files stood when last read or written here: a change means
    /// another process wrote, and the state is read again.
    pub seen: bookmarks::Stamp,
}

/// Everything the reader shows.
#[derive(Debug)]
pub struct App {
    /// The shelf of issues and where the reader is on it.
    pub browse: Browse,
    /// The issue shown (one issue: `ArticleRef::issue` is always 0).
    pub library: Library,
    /// Every article of the issue, in reading order.
    pub all: Vec<ArticleRef>,
    /// The articles of the issue the list shows (all of them; a search lists its hits
    /// in `search.results` instead).
    pub visible: Vec<ArticleRef>,
    /// Index into `visible`.
    pub selected: usize,
    /// The article the reading pane is set for.
    shown: Option<ArticleRef>,
    pub focus: Focus,
    pub overlay: Overlay,
    /// First row of the help overlay shown (it scrolls on small terminals).
    pub help_scroll: usize,
    /// First line of the layout shown in the reading pane.
    pub scroll: usize,
    /// Terminal size in cells.
    pub size: (u16, u16),
    pub settings: Settings,
    /// The selected article set for the reading pane.
    pub layout: Arc<Layout>,
    /// Layouts already set, by article, pane size and settings.
    layouts: typeset::Cache,
    pub search: SearchState,
    /// The go-to prompt (`o`: a date, a page or a paper).
    pub goto: GotoState,
    pub marks: Marks,
    pub prefs: Prefs,
    /// The bindings in force (the key table with the config's changes).
    pub keymap: Keymap,
    pub theme: Theme,
    /// The list shows only unread articles.
    pub unread_only: bool,
    /// The reader moved in the shown article since it was opened (only then is the
    /// place saved: a search jump or a restore is not a place the reader chose).
    moved: bool,
    /// The article in the reading pane and since when (for counting it read).
    shown_since: Option<(ArticleRef, Instant)>,
    /// The exact place restored in the shown article, kept until the reader scrolls.
    place: Option<Anchor>,
    /// A message for the status line (errors, warnings, confirmations).
    pub status: Option<String>,
    /// Warnings worth repeating in full when the reader closes (the status line may cut
    /// them short).
    pub notices: Vec<String>,
    pub quit: bool,
    /// Where `F` fetches from and into (`None`: fetching is not offered).
    pub fetch_setup: Option<fetcher::FetchSetup>,
    /// The fetch running in the background, if any.
    pub fetcher: Option<fetcher::Fetcher>,
    /// The last fetch's log, as the fetch-log view last read it.
    pub fetch_log: Option<crate::feed::log::FetchLog>,
    /// What `update` asked of the terminal side (copy, open), for it to carry out.
    pub effects: Vec<Effect>,
    /// News photos: the worker making them and what it made.
    pub photos: photos::Photos,
    /// The page as printed, full screen, while it is open.
    pub page_view: Option<pageview::PageView>,
}

impl App {
    /// A reader on `library` (held in memory), sized `size`, keeping bookmarks in
    /// `store` (none in tests that do not need it); it opens where the reader left off,
    /// else on the newest issue.
    pub fn new(library: Library, size: (u16, u16), store: Option<Store>) -> Self {
        App::with_shelf(Arc::new(MemoryShelf::new(library)), size, store)
    }

    /// A reader on `shelf`, open on the article read last (at its place, in its issue),
    /// else on the newest issue.
    pub fn with_shelf(shelf: Arc<dyn Shelf>, size: (u16, u16), store: Option<Store>) -> Self {
        let library = Library::default();
        let mut app = App {
            browse: Browse::new(shelf),
            library,
            visible: Vec::new(),
            all: Vec::new(),
            selected: 0,
            shown: None,
            focus: Focus::List,
            overlay: Overlay::None,
            help_scroll: 0,
            scroll: 0,
            size,
            settings: Settings::default(),
            layout: Arc::default(),
            layouts: typeset::Cache::new(),
            search: SearchState::new(),
            goto: GotoState::default(),
            marks: Marks {
                store,
                ..Default::default()
            },
            prefs: Prefs::default(),
            keymap: Keymap::default(),
            theme: Theme::default(),
            unread_only: false,
            moved: false,
            shown_since: None,
            place: None,
            status: None,
            notices: Vec::new(),
            quit: false,
            fetch_setup: None,
            fetcher: None,
            effects: Vec::new(),
            photos: photos::Photos::default(),
            page_view: None,
            fetch_log: None,
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

    /// Take the config's choices: behaviour, key bindings and theme.
    pub fn configure(&mut self, prefs: Prefs, keymap: Keymap, theme: Theme) {
        self.prefs = prefs;
        self.keymap = keymap;
        self.theme = theme;
        self.relayout();
    }

    /// Change the typesetting settings and set the article again.
    pub fn set_settings(&mut self, settings: Settings) {
        self.settings = settings;
        self.relayout();
    }

    pub fn panes(&self) -> Panes {
        self.panes_in(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// The panes of `area` with the configured list width.
    pub fn panes_in(&self, area: Rect) -> Panes {
        panes_with(area, self.prefs.list_width)
    }

    /// The selected article, if the list is not empty.
    pub fn current_ref(&self) -> Option<ArticleRef> {
        self.visible.get(self.selected).copied()
    }

    pub fn current(&self) -> Option<&Article> {
        self.library.get(self.current_ref()?)
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
        match self.layout.page_rows {
            Some(rows) => {
                let rows = rows.max(1);
                self.layout.lines.len().saturating_sub(1) / rows * rows
            }
            None => self.layout.lines.len().saturating_sub(self.page_rows()),
        }
    }

    /// Set the selected article again for the current pane size, keeping the reading place.
    pub fn relayout(&mut self) {
        let anchor = self.anchor();
        // At the top (page header and all) stays at the top; elsewhere the text at the
        // top of the pane becomes the place, so resizing back and forth never drifts.
        let keep = !self.layout.lines.is_empty() && (self.scroll > 0 || self.place.is_some());
        let text = self.panes().text;
        self.shown = self.current_ref();
        self.layout = match self.current_ref() {
            Some(r) => self.set_article(r, text.width, text.height),
            None => Arc::default(),
        };
        self.scroll = if keep { self.layout.line_of(anchor) } else { 0 };
        if keep {
            self.place = Some(anchor);
        }
        self.clamp_scroll();
        self.search.refresh_hits(&self.library, self.current_ref());
        self.want_photos();
    }

    /// The article at `r` set for the pane; the first article of a page carries the
    /// page's banner and column label above it (not when set in columns, which page by
    /// screen).
    fn set_article(&mut self, r: ArticleRef, width: u16, height: u16) -> Arc<Layout> {
        let Some(article) = self.library.get(r) else {
            return Arc::default();
        };
        let layout = self.layouts.get(article, width, height, &self.settings);
        let page = &self.library.issues[r.issue].pages[r.page];
        if r.article != 0 || layout.page_rows.is_some() {
            return layout;
        }
        let mut lines = typeset::page::header(page, width, &self.settings);
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
        if let Some(rows) = self.layout.page_rows {
            let rows = rows.max(1);
            self.scroll = self.scroll / rows * rows;
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// `3/5` style position of the selection in the list.
    pub fn position_label(&self) -> String {
        if self.visible.is_empty() {
            "0/0".into()
        } else {
            format!("{}/{}", self.selected + 1, self.visible.len())
        }
    }

    /// Percent of the article above the bottom of the pane.
    pub fn percent_read(&self) -> usize {
        let total = self.layout.lines.len();
        if total == 0 {
            return 100;
        }
        ((self.scroll + self.page_rows()).min(total) * 100 / total).min(100)
    }

    pub fn is_bookmarked(&self, r: ArticleRef) -> bool {
        self.library
            .get(r)
            .is_some_and(|a| self.marks.state.is_bookmarked(&a.id.0))
    }

    pub fn is_read(&self, r: ArticleRef) -> bool {
        self.library
            .get(r)
            .is_some_and(|a| self.marks.state.read.contains(&a.id.0))
    }
}
