//! The reader's side of bookmarks and reading state: toggling, the bookmarks view,
//! marking articles read and keeping each article's place. A failed write keeps the change
//! in memory and says so on the status line.

use super::{App, Focus, Overlay};
use crate::bookmarks::{Bookmark, Change};
use crate::model::{ArticleId, ArticleRef};

impl App {
    /// Show a warning on the status line and keep it to repeat when the reader closes.
    fn warn(&mut self, warning: Option<String>) {
        if let Some(w) = warning {
            if !self.notices.contains(&w) {
                self.notices.push(w.clone());
            }
            self.status = Some(w);
        }
    }

    pub(super) fn load_marks(&mut self) {
        let Some(store) = &self.marks.store else {
            return;
        };
        match store.load() {
            Ok((state, warning)) => {
                self.marks.state = state;
                self.warn(warning);
            }
            Err(e) => self.warn(Some(format!("bookmarks not loaded: {e}"))),
        }
    }

    /// Write changes through the store (with any that failed before); on failure keep
    /// them in memory, to send again with the next write, and say so.
    fn persist(&mut self, changes: Vec<Change>) {
        for c in &changes {
            self.marks.state.apply(c);
        }
        self.marks.pending.extend(changes);
        let Some(store) = &self.marks.store else {
            self.marks.pending.clear();
            return;
        };
        match store.apply(&self.marks.pending) {
            Ok((state, warning)) => {
                self.marks.state = state;
                self.marks.pending.clear();
                self.warn(warning);
            }
            Err(e) => self.warn(Some(format!("not saved (kept for this session): {e}"))),
        }
    }

    pub(super) fn toggle_bookmark(&mut self) {
        let Some(r) = self.current_ref() else { return };
        let Some(article) = self.library.get(r) else {
            return;
        };
        let id = article.id.0.clone();
        if self.marks.state.is_bookmarked(&id) {
            self.persist(vec![Change::Remove(id)]);
            self.status.get_or_insert_with(|| "bookmark removed".into());
        } else {
            let anchor = if self.focus == Focus::Reader {
                self.anchor()
            } else {
                Default::default()
            };
            let Some(b) = Bookmark::for_article(&self.library, &id, anchor) else {
                return;
            };
            self.persist(vec![Change::Add(b)]);
            self.status.get_or_insert_with(|| "bookmarked".into());
        }
    }

    /// Mark the selected article read (once).
    pub(super) fn mark_read(&mut self) {
        let Some(a) = self.current() else { return };
        let id = a.id.0.clone();
        if !self.marks.state.read.contains(&id) {
            self.persist(vec![Change::MarkRead(id)]);
        }
    }

    /// Remember where the reader is in the selected article.
    pub(super) fn save_position(&mut self) {
        let Some(a) = self.current() else { return };
        let id = a.id.0.clone();
        let anchor = self.anchor();
        let stored = self.marks.state.positions.get(&id).copied();
        let at_top = self.scroll == 0;
        if stored != Some(anchor) && !(at_top && stored.is_none()) {
            self.persist(vec![Change::Position(id, anchor)]);
        }
    }

    /// Scroll to the stored place of the selected article.
    pub(super) fn restore_position(&mut self) {
        let Some(a) = self.current() else { return };
        if let Some(anchor) = self.marks.state.positions.get(&a.id.0).copied() {
            self.scroll = self.layout.line_of(anchor);
            self.clamp_scroll();
        }
    }

    pub(super) fn open_bookmarks(&mut self) {
        self.overlay = Overlay::Bookmarks;
        self.marks.selected = 0;
    }

    /// The article a bookmark points to, if its issue is the one shown.
    pub fn bookmark_target(&self, b: &Bookmark) -> Option<ArticleRef> {
        self.library.find(&b.id).map(|(r, _)| r)
    }

    /// Whether the bookmark's issue is on the shelf (shown or not), by the catalogue.
    pub fn bookmark_on_shelf(&self, b: &Bookmark) -> bool {
        // Ids are `<slug>/<date>/…`: the issue's key is in the id.
        let slug = b.id.split('/').next().unwrap_or_default();
        self.bookmark_target(b).is_some()
            || self
                .browse
                .issues
                .iter()
                .any(|i| i.key.date == b.date && i.key.slug == slug)
    }

    pub(super) fn bookmark_open(&mut self) {
        let list = self.marks.state.newest_first();
        let Some(b) = list.get(self.marks.selected).map(|b| (*b).clone()) else {
            return;
        };
        if self.bookmark_target(&b).is_none() {
            // Another issue: find it on the shelf and open it there.
            let id = ArticleId(b.id.clone());
            let opened = match self.browse.shelf.article(&id) {
                Some((key, _)) => {
                    self.leave_results();
                    self.open_article(&key, &id)
                }
                None => false,
            };
            if !opened {
                self.status = Some(format!("{} {} is not on the shelf", b.paper, b.date));
                return;
            }
        }
        let Some(target) = self.bookmark_target(&b) else {
            return;
        };
        if !self.visible.contains(&target) {
            self.search_cancel_all();
        }
        if let Some(i) = self.visible.iter().position(|&r| r == target) {
            self.select_index(i);
            self.scroll = self.layout.line_of(b.anchor);
            self.clamp_scroll();
        }
        self.overlay = Overlay::None;
        self.focus = Focus::Reader;
        self.mark_read();
    }

    pub(super) fn bookmark_delete(&mut self) {
        let list = self.marks.state.newest_first();
        let Some(id) = list.get(self.marks.selected).map(|b| b.id.clone()) else {
            return;
        };
        self.persist(vec![Change::Remove(id)]);
        let n = self.marks.state.bookmarks.len();
        self.marks.selected = self.marks.selected.min(n.saturating_sub(1));
    }
}
