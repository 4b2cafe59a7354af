//! `n`/`N` across an archive search: from match to match within the article, then on to
//! the next hit (an article, or a page's own lines) in whatever issue, fetching more hits
//! as needed and wrapping at the very first and the very last.

use super::{App, Status};
use crate::model::Anchor;

impl App {
    /// Go to the next (or previous) match: within the article, then on to the next hit's
    /// article (in another issue, maybe), wrapping at the ends.
    pub(super) fn next_match(&mut self, forward: bool) {
        if !self.search.active() {
            self.screen.say("no search: press / to search");
            return;
        }
        if self.search.results.is_empty() {
            self.screen
                .say(format!("无匹配 no match for {}", self.search.query));
            return;
        }
        let here = match self.search.results.get(self.search.selected) {
            Some(h) if h.line.is_some() => self.on_page_hit(h),
            h => h.map(|h| &h.id) == self.current().map(|a| &a.id),
        };
        if !here {
            // Not on the selected hit's article (yet): start there.
            if self.open_hit(self.search.selected) {
                self.goto_hit(0);
            }
            return;
        }
        let on_line =
            (self.search.results.get(self.search.selected)).is_some_and(|h| h.line.is_some());
        let n = if on_line { 0 } else { self.search.hits.len() };
        let next = match (self.search.current, forward) {
            (None, true) if n > 0 => Some(0),
            (None, false) if n > 0 => Some(n - 1),
            (Some(i), true) if i + 1 < n => Some(i + 1),
            (Some(i), false) if i > 0 => Some(i - 1),
            _ => None,
        };
        if let Some(i) = next {
            self.goto_hit(i);
            return;
        }
        let sel = self.search.selected;
        // Walking on past the hits fetched so far fetches more; wrapping back from the
        // first goes to the very last hit, not the last one fetched.
        if forward && sel + 1 >= self.search.results.len() {
            self.fetch_more();
        } else if !forward && sel == 0 {
            self.fetch_all();
        }
        let len = self.search.results.len();
        let (to, wrapped) = match forward {
            true if sel + 1 < len => (sel + 1, false),
            true => (0, true),
            false if sel > 0 => (sel - 1, false),
            false => (len - 1, true),
        };
        if self.open_hit(to) {
            let last = self.search.hits.len().saturating_sub(1);
            self.goto_hit(if forward { 0 } else { last });
            if wrapped && let Some(Status::Message(s)) = self.screen.status_mut() {
                s.push_str(" (从头 wrapped)");
            }
        }
    }

    /// Scroll the reading pane to hit `i` of the selected article and say where it is:
    /// `3/120 · 2023-07-03 第04版 · 2/5`. The hit comes into view with the headline when
    /// the hit is on the first screen. A jump is not the reader's place: the place they
    /// had scrolled to is saved first, and the jump is not.
    pub(super) fn goto_hit(&mut self, i: usize) {
        let on_line =
            (self.search.results.get(self.search.selected)).is_some_and(|h| h.line.is_some());
        if let Some(hit) = self.search.hits.get(i).copied().filter(|_| !on_line) {
            self.search.current = Some(i);
            let line = self.pane.layout().line_of(Anchor {
                field: Some(hit.field),
                offset: hit.start,
            });
            let (top, rows) = (self.pane.scroll(), self.page_rows());
            if line < top || line >= top + rows {
                self.save_position();
                self.pane.set_scroll(if line < rows {
                    0
                } else {
                    line.saturating_sub(2)
                });
                self.clamp_scroll();
                self.pane.set_moved(false);
                self.pane.set_place(None);
            }
        }
        let Some(h) = self.search.results.get(self.search.selected) else {
            return;
        };
        // `match 2/5 · article 3/120 · 2023-07-03 第04版`: the match in the article, the
        // article among the hits, and where it was printed.
        let mut s = String::new();
        if h.line.is_some() {
            s.push_str(&format!("版面 page line: {} · ", h.title));
        } else if !self.search.hits.is_empty() {
            s.push_str(&format!("match {}/{} · ", i + 1, self.search.hits.len()));
        }
        s.push_str(&format!(
            "{} {}/{} · {} 第{}版",
            if h.line.is_some() { "hit" } else { "article" },
            self.search.selected + 1,
            self.search.count_label(),
            h.key.date,
            h.page
        ));
        self.screen.say(s);
    }
}

#[cfg(test)]
mod tests;
