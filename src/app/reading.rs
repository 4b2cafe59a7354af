//! Everyday reading: paging on into the next article, the place kept on the text (not
//! the line) so it comes back exactly, articles counted read once shown for a moment,
//! and the unread filter.

use std::time::Instant;

use super::{App, Focus, Overlay};
use crate::model::Anchor;

impl App {
    /// Scroll by `n` lines as the reader asked; set in columns, by whole screens.
    pub(super) fn scroll_by(&mut self, n: isize) {
        let n = match self.pane.layout().page_rows {
            Some(rows) => n.signum() * rows.max(1) as isize,
            None => n,
        };
        self.scroll_to(self.pane.scroll().saturating_add_signed(n));
    }

    /// Scroll to line `line` as the reader asked: the place is now wherever that is.
    pub(super) fn scroll_to(&mut self, line: usize) {
        let before = self.pane.scroll();
        self.pane.set_scroll(line);
        self.clamp_scroll();
        if self.pane.scroll() != before {
            self.pane.set_moved(true);
            self.pane.set_place(None);
        }
    }

    /// Where the reader is, as an anchor on the text: the exact place restored (kept
    /// until the reader scrolls, so a restart or a resize never moves it), else the
    /// first char at the top of the pane.
    pub fn anchor(&self) -> Anchor {
        self.pane
            .place()
            .unwrap_or_else(|| self.pane.layout().anchor_at(self.pane.scroll()))
    }

    /// Scroll to `anchor` without counting it as the reader's own move.
    pub(super) fn show_place(&mut self, anchor: Anchor) {
        self.pane.set_place(Some(anchor));
        self.pane.set_scroll(self.pane.layout().line_of(anchor));
        self.clamp_scroll();
    }

    /// A page forward; at the end of an article (continuous reading on) the next
    /// article from its top, else a message saying why nothing moved.
    pub(super) fn page_forward(&mut self, rows: usize) {
        let at_end = self.pane.scroll() >= self.max_scroll();
        if !at_end {
            self.scroll_by(rows as isize);
            return;
        }
        if !self.setup.prefs().continuous {
            self.screen
                .say("文末 end of the article (continuous reading is off)");
            return;
        }
        if self.shown.selected() + 1 >= self.shown.visible().len() {
            self.screen
                .say("已是最后一篇 end: this is the last article");
            return;
        }
        let before = self.current_ref().map(|r| r.page);
        self.select_index(self.shown.selected() + 1);
        self.pane.set_scroll(0);
        self.pane.set_place(None);
        if let Some(r) = self.current_ref() {
            let page = &self.shown.issue().issues[r.issue].pages[r.page].number;
            let next_page = before != Some(r.page);
            self.screen.say(if next_page {
                format!("下一版 第{page}版 · next page")
            } else {
                "下一篇 next article".into()
            });
        }
    }

    /// Time passes: the article in the reading pane counts as read once shown for
    /// `prefs.read_after` (with no overlay over it).
    pub(super) fn tick(&mut self, now: Instant) {
        let Some(r) = self.current_ref() else {
            self.pane.set_since(None);
            return;
        };
        if self.screen.overlay() != Overlay::None || self.is_read(r) {
            self.pane.set_since(None);
            return;
        }
        match self.pane.since() {
            Some((s, since)) if s == r => {
                if now.saturating_duration_since(since) >= self.setup.prefs().read_after {
                    self.mark_read();
                    self.pane.set_since(None);
                }
            }
            _ => self.pane.set_since(Some((r, now))),
        }
    }

    /// Show only unread articles (the selected one stays), or all again.
    pub(super) fn toggle_unread(&mut self) {
        self.shown.set_unread_only(!self.shown.unread_only());
        self.refilter();
        self.screen.say(if self.shown.unread_only() {
            format!("只看未读 unread only: {} 篇", self.shown.visible().len())
        } else {
            format!("全部文章 all articles: {} 篇", self.shown.visible().len())
        });
    }

    /// The list again from the issue's articles, under the unread filter, keeping the
    /// selection where it still shows.
    pub(super) fn refilter(&mut self) {
        let keep = self.current_ref();
        self.shown.set_visible(self.filtered());
        let idx = keep
            .and_then(|k| self.shown.visible().iter().position(|&r| r == k))
            .unwrap_or(0);
        if keep != self.shown.visible().get(idx).copied() {
            self.select_index(idx);
        } else {
            self.shown.set_selected(idx);
        }
    }

    /// The issue's articles the list shows under the unread filter.
    pub(super) fn filtered(&self) -> Vec<crate::model::ArticleRef> {
        self.shown
            .all()
            .iter()
            .copied()
            .filter(|&r| self.passes_filter(r))
            .collect()
    }

    /// Whether the list keeps article `r` under the unread filter (the selected one
    /// always stays, so reading it does not pull it from under the reader).
    pub(super) fn passes_filter(&self, r: crate::model::ArticleRef) -> bool {
        !self.shown.unread_only() || !self.is_read(r) || Some(r) == self.pane.article()
    }

    /// Focus the reading pane.
    pub(super) fn focus_reader(&mut self) {
        self.screen.set_focus(Focus::Reader);
        self.mark_read();
    }
}

#[cfg(test)]
mod tests;
