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
            if !self.screen.notices().contains(&w) {
                self.screen.notices_mut().push(w.clone());
            }
            self.screen.say(w);
        }
    }

    pub(super) fn load_marks(&mut self) {
        let Some(store) = &self.marks.store else {
            return;
        };
        self.marks.seen = store.stamp();
        match store.load() {
            Ok((state, warning)) => {
                self.marks.state = state;
                self.warn(warning);
            }
            Err(e) => self.warn(Some(format!("bookmarks not loaded: {e}"))),
        }
    }

    /// Take in bookmarks and reading state another process wrote since they were last
    /// read here (as new issues are taken in); changes not saved yet stay on top.
    pub(super) fn refresh_marks(&mut self) {
        let Some(store) = &self.marks.store else {
            return;
        };
        let now = store.stamp();
        if now == self.marks.seen {
            return;
        }
        self.marks.seen = now;
        let Ok((mut state, _)) = store.load() else {
            return;
        };
        for (change, at) in &self.marks.pending {
            state.apply_at(change, *at);
        }
        self.marks.state = state;
        let n = self.marks.state.bookmarks.len();
        self.marks.selected = self.marks.selected.min(n.saturating_sub(1));
    }

    /// Write changes through the store (with any that failed before); on failure keep
    /// them in memory, to send again with the next write, and say so.
    fn persist(&mut self, changes: Vec<Change>) {
        let at = crate::bookmarks::now_ms();
        for c in &changes {
            self.marks.state.apply_at(c, at);
        }
        self.marks
            .pending
            .extend(changes.into_iter().map(|c| (c, at)));
        let Some(store) = &self.marks.store else {
            self.marks.pending.clear();
            return;
        };
        match store.apply_stamped(&self.marks.pending) {
            Ok((state, warning)) => {
                self.marks.seen = store.stamp();
                self.marks.state = state;
                self.marks.pending.clear();
                self.warn(warning);
            }
            Err(e) => self.warn(Some(format!("not saved (kept for this session): {e}"))),
        }
    }

    /// `b`: bookmark the selected article. From the reading pane the bookmark is at the
    /// place shown, and an existing bookmark moves there; from the list an existing one
    /// stays where it is (and the status line says how to remove it).
    pub(super) fn set_bookmark(&mut self) {
        let Some(r) = self.current_ref() else {
            self.screen.say("no article to bookmark");
            return;
        };
        let Some(article) = self.shown.issue().get(r) else {
            return;
        };
        let id = article.id.0.clone();
        let existing = self.marks.state.bookmark(&id).cloned();
        let in_reader = self.screen.focus() == Focus::Reader;
        if existing.is_some() && !in_reader {
            let key = self.hint_key(crate::app::keys::Command::Unbookmark);
            self.screen
                .say(format!("already bookmarked ({key} removes it)"));
            return;
        }
        let anchor = if in_reader {
            self.anchor()
        } else {
            Default::default()
        };
        if existing.as_ref().is_some_and(|b| b.anchor == anchor) {
            self.screen.say("bookmark already here");
            return;
        }
        let Some(mut b) = Bookmark::for_article(self.shown.issue(), &id, anchor) else {
            return;
        };
        let moved = existing.is_some();
        if let Some(old) = &existing {
            b.created = old.created;
        }
        let mut changes = Vec::new();
        if moved {
            changes.push(Change::Remove(id));
        }
        changes.push(Change::Add(b));
        self.persist(changes);
        let msg = if moved {
            "bookmark moved here"
        } else {
            "bookmarked"
        };
        self.screen.status_mut().get_or_insert_with(|| msg.into());
    }

    /// Remove the selected article's bookmark (`u` brings it back).
    pub(super) fn remove_bookmark(&mut self) {
        let Some(id) = self.current().map(|a| a.id.0.clone()) else {
            return;
        };
        self.remove_id(&id);
    }

    fn remove_id(&mut self, id: &str) {
        let Some(b) = self.marks.state.bookmark(id).cloned() else {
            self.screen.say("no bookmark on this article");
            return;
        };
        self.persist(vec![Change::Remove(id.to_string())]);
        self.marks.removed.push(b);
        let key = self.hint_key(crate::app::keys::Command::Undo);
        self.screen
            .status_mut()
            .get_or_insert_with(|| format!("bookmark removed ({key} undoes)").into());
    }

    /// Bring back the bookmark removed last, as it was (place and date).
    pub(super) fn undo_remove(&mut self) {
        let Some(b) = self.marks.removed.pop() else {
            self.screen.say("nothing to undo");
            return;
        };
        let title = b.title.clone();
        self.persist(vec![Change::Add(b)]);
        self.screen
            .status_mut()
            .get_or_insert_with(|| format!("bookmark back: {title}").into());
    }

    /// Mark the selected article read (once), and the one read last (to open on after a
    /// restart).
    pub(super) fn mark_read(&mut self) {
        let Some(a) = self.current() else { return };
        let id = a.id.0.clone();
        let mut changes = Vec::new();
        if !self.marks.state.read.contains(&id) {
            changes.push(Change::MarkRead(id.clone()));
        }
        if self.marks.state.last.as_ref().is_none_or(|l| l.id != id) {
            changes.push(Change::Opened(id));
        }
        if !changes.is_empty() {
            self.persist(changes);
        }
    }

    /// Leaving: keep the place in the selected article and note it as the one read last.
    pub(super) fn save_session(&mut self) {
        self.save_position();
        let Some(id) = self.current().map(|a| a.id.0.clone()) else {
            return;
        };
        if self.marks.state.last.as_ref().is_none_or(|l| l.id != id) {
            self.persist(vec![Change::Opened(id)]);
        }
    }

    /// Open the article read last, in its issue, at its place; false when there is none
    /// or it is no longer on the shelf.
    pub(super) fn resume(&mut self) -> bool {
        let Some(id) = self
            .marks
            .state
            .last
            .as_ref()
            .map(|l| ArticleId(l.id.clone()))
        else {
            return false;
        };
        let Some((key, _)) = self.browse.shelf.article(&id) else {
            return false;
        };
        if !self.open_article(&key, &id) || self.current().is_none_or(|a| a.id != id) {
            return false;
        }
        self.screen.set_focus(Focus::Reader);
        if let (None, Some(r)) = (&self.screen.status(), self.current_ref()) {
            let issue = &self.shown.issue().issues[r.issue];
            let page = &issue.pages[r.page].number;
            self.screen.say(format!(
                "接着读 where you left off: {} {} 第{page}版",
                issue.paper, issue.date
            ));
        }
        true
    }

    /// Remember where the reader is in the selected article.
    pub(super) fn save_position(&mut self) {
        let Some(a) = self.current() else { return };
        let id = a.id.0.clone();
        let anchor = self.anchor();
        let stored = self.marks.state.positions.get(&id).copied();
        let at_top = self.pane.scroll() == 0;
        // Only a place the reader scrolled to is saved: a restored place is kept as it
        // was stored, and a search jump is not the reader's place.
        if self.pane.moved() && stored != Some(anchor) && !(at_top && stored.is_none()) {
            self.persist(vec![Change::Position(id, anchor)]);
        }
    }

    /// Scroll to the stored place of the selected article.
    pub(super) fn restore_position(&mut self) {
        let Some(a) = self.current() else { return };
        if let Some(anchor) = self.marks.state.positions.get(&a.id.0).copied() {
            self.show_place(anchor);
        }
    }

    /// The first key bound to `command` where the reader is, for messages.
    pub(super) fn hint_key(&self, command: crate::app::keys::Command) -> String {
        self.setup
            .keymap()
            .key_for(self.key_mode(), command)
            .map_or_else(|| "?".into(), |k| k.to_string())
    }

    pub(super) fn open_bookmarks(&mut self) {
        self.screen.set_overlay(Overlay::Bookmarks);
        self.marks.selected = 0;
    }

    /// The article a bookmark points to, if its issue is the one shown.
    pub fn bookmark_target(&self, b: &Bookmark) -> Option<ArticleRef> {
        self.shown.issue().find(&b.id).map(|(r, _)| r)
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
                self.screen
                    .say(format!("{} {} is not on the shelf", b.paper, b.date));
                return;
            }
        }
        let Some(target) = self.bookmark_target(&b) else {
            return;
        };
        if !self.shown.visible().contains(&target) {
            self.search_cancel_all();
        }
        if let Some(i) = self.shown.visible().iter().position(|&r| r == target) {
            self.select_index(i);
            self.show_place(b.anchor);
        }
        self.screen.set_overlay(Overlay::None);
        self.focus_reader();
    }

    pub(super) fn bookmark_delete(&mut self) {
        let list = self.marks.state.newest_first();
        let Some(id) = list.get(self.marks.selected).map(|b| b.id.clone()) else {
            self.screen.say("no bookmark to remove");
            return;
        };
        self.remove_id(&id);
        let n = self.marks.state.bookmarks.len();
        self.marks.selected = self.marks.selected.min(n.saturating_sub(1));
    }
}

#[cfg(test)]
mod tests;
