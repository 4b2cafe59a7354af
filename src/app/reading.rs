//! Everyday reading: paging on into the next article, the place kept on the text (not
//! the line) so it comes back exactly, articles counted read once shown for a moment,
//! and the unread filter.

use std::time::Instant;

use super::{App, Focus, Overlay};
use crate::model::Anchor;

impl App {
    /// Scroll by `n` lines as the reader asked; set in columns, by whole screens.
    pub(super) fn scroll_by(&mut self, n: isize) {
        let n = match self.layout.page_rows {
            Some(rows) => n.signum() * rows.max(1) as isize,
            None => n,
        };
        self.scroll_to(self.scroll.saturating_add_signed(n));
    }

    /// Scroll to line `line` as the reader asked: the place is now wherever that is.
    pub(super) fn scroll_to(&mut self, line: usize) {
        let before = self.scroll;
        self.scroll = line;
        self.clamp_scroll();
        if self.scroll != before {
            self.moved = true;
            self.place = None;
        }
    }

    /// Where the reader is, as an anchor on the text: the exact place restored (kept
    /// until the reader scrolls, so a restart or a resize never moves it), else the
    /// first char at the top of the pane.
    pub fn anchor(&self) -> Anchor {
        self.place
            .unwrap_or_else(|| self.layout.anchor_at(self.scroll))
    }

    /// Scroll to `anchor` without counting it as the reader's own move.
    pub(super) fn show_place(&mut self, anchor: Anchor) {
        self.place = Some(anchor);
        self.scroll = self.layout.line_of(anchor);
        self.clamp_scroll();
    }

    /// A page forward; at the end of an article (continuous reading on) the next
    /// article from its top, else a message saying why nothing moved.
    pub(super) fn page_forward(&mut self, rows: usize) {
        let at_end = self.scroll >= self.max_scroll();
        if !at_end {
            self.scroll_by(rows as isize);
            return;
        }
        if !self.prefs.continuous {
            self.status = Some("文末 end of the article (continuous reading is off)".into());
            return;
        }
        if self.selected + 1 >= self.visible.len() {
            self.status = Some("已是最后一篇 end: this is the last article".into());
            return;
        }
        let before = self.current_ref().map(|r| r.page);
        self.select_index(self.selected + 1);
        self.scroll = 0;
        self.place = None;
        if let Some(r) = self.current_ref() {
            let page = &self.library.issues[r.issue].pages[r.page].number;
            let next_page = before != Some(r.page);
            self.status = Some(if next_page {
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
            self.shown_since = None;
            return;
        };
        if self.overlay != Overlay::None || self.is_read(r) {
            self.shown_since = None;
            return;
        }
        match self.shown_since {
            Some((s, since)) if s == r => {
                if now.saturating_duration_since(since) >= self.prefs.read_after {
                    self.mark_read();
                    self.shown_since = None;
                }
            }
            _ => self.shown_since = Some((r, now)),
        }
    }

    /// Show only unread articles (the selected one stays), or all again.
    pub(super) fn toggle_unread(&mut self) {
        self.unread_only = !self.unread_only;
        self.refilter();
        self.status = Some(if self.unread_only {
            format!("只看未读 unread only: {} 篇", self.visible.len())
        } else {
            format!("全部文章 all articles: {} 篇", self.visible.len())
        });
    }

    /// The list again from the issue's articles, under the unread filter, keeping the
    /// selection where it still shows.
    pub(super) fn refilter(&mut self) {
        let keep = self.current_ref();
        self.visible = self.filtered();
        let idx = keep
            .and_then(|k| self.visible.iter().position(|&r| r == k))
            .unwrap_or(0);
        if keep != self.visible.get(idx).copied() {
            self.select_index(idx);
        } else {
            self.selected = idx;
        }
    }

    /// The issue's articles the list shows under the unread filter.
    pub(super) fn filtered(&self) -> Vec<crate::model::ArticleRef> {
        self.all
            .iter()
            .copied()
            .filter(|&r| self.passes_filter(r))
            .collect()
    }

    /// Whether the list keeps article `r` under the unread filter (the selected one
    /// always stays, so reading it does not pull it from under the reader).
    pub(super) fn passes_filter(&self, r: crate::model::ArticleRef) -> bool {
        !self.unread_only || !self.is_read(r) || Some(r) == self.shown
    }

    /// Focus the reading pane.
    pub(super) fn focus_reader(&mut self) {
        self.focus = Focus::Reader;
        self.mark_read();
    }
}
