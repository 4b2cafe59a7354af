//! `update`: the one place state changes. Takes an action, changes the state, never
//! touches the terminal.

use super::{Action, App, Focus, Overlay};

impl App {
    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.status = None;
        }
        match action {
            Action::Quit => {
                self.save_position();
                self.quit = true;
            }
            Action::Select(n) => match self.overlay {
                Overlay::Help => {
                    let rows = crate::ui::help::KEYS.len();
                    self.help_scroll = step(self.help_scroll, n, rows);
                }
                Overlay::Bookmarks => {
                    let len = self.marks.state.bookmarks.len();
                    self.marks.selected = step(self.marks.selected, n, len);
                }
                _ => {
                    let i = step(self.selected, n, self.visible.len());
                    self.select_index(i);
                }
            },
            Action::SelectFirst => match self.overlay {
                Overlay::Bookmarks => self.marks.selected = 0,
                _ => self.select_index(0),
            },
            Action::SelectLast => match self.overlay {
                Overlay::Bookmarks => {
                    self.marks.selected = self.marks.state.bookmarks.len().saturating_sub(1)
                }
                _ => self.select_index(self.visible.len().saturating_sub(1)),
            },
            Action::FocusReader => {
                self.focus = Focus::Reader;
                self.mark_read();
            }
            Action::FocusList => self.focus = Focus::List,
            Action::Scroll(n) => self.scroll_by(n),
            Action::Page { forward, half } => {
                let rows = self.layout.page_rows.unwrap_or(self.page_rows());
                let step = if half && self.layout.page_rows.is_none() {
                    (rows / 2).max(1)
                } else {
                    rows
                };
                let n = step as isize;
                self.scroll_by(if forward { n } else { -n });
            }
            Action::ScrollTop => self.scroll = 0,
            Action::ScrollBottom => self.scroll = self.max_scroll(),
            Action::ToggleHelp => {
                self.help_scroll = 0;
                self.overlay = if self.overlay == Overlay::Help {
                    Overlay::None
                } else {
                    Overlay::Help
                }
            }
            Action::ToggleColumns => {
                self.settings.columns = !self.settings.columns;
                self.relayout();
                let on = self.layout.page_rows.is_some();
                self.status = Some(match (self.settings.columns, on) {
                    (true, true) => "columns on".into(),
                    (true, false) => "columns on (pane too narrow: one column)".into(),
                    (false, _) => "columns off".into(),
                });
            }
            Action::Measure(cells) => {
                let st = self.settings.with_measure_step(cells);
                self.set_settings(st);
                self.status = Some(format!(
                    "measure {} cells ({} Han characters)",
                    st.measure,
                    st.measure / 2
                ));
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.relayout();
            }
            Action::Wheel { column, row, delta } => self.wheel(column, row, delta),
            Action::Click { column, row } => self.click(column, row),
            Action::SearchStart => self.search_start(),
            Action::SearchEdit(e) => self.search_edit(&e),
            Action::SearchSubmit => self.search_submit(),
            Action::SearchCancel => {
                if self.search.editing || self.search.active() {
                    self.search_cancel();
                }
            }
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::OpenBookmarks => self.open_bookmarks(),
            Action::BookmarkOpen => self.bookmark_open(),
            Action::BookmarkDelete => self.bookmark_delete(),
            Action::CloseOverlay => self.overlay = Overlay::None,
        }
    }

    /// Select row `i` of the list: keeps the old article's place, restores the new one's.
    pub(super) fn select_index(&mut self, i: usize) {
        if self.visible.is_empty() {
            self.selected = 0;
            self.shown = None;
            self.layout = Default::default();
            self.scroll = 0;
            self.search.hits.clear();
            return;
        }
        let i = i.min(self.visible.len() - 1);
        if self.shown.is_some() && self.shown == self.visible.get(i).copied() {
            self.selected = i;
            return;
        }
        self.save_position();
        self.selected = i;
        self.layout = Default::default();
        self.scroll = 0;
        self.relayout();
        self.restore_position();
        if self.focus == Focus::Reader {
            self.mark_read();
        }
    }

    /// Clear any search without moving the selection (used when opening a bookmark).
    pub(super) fn search_cancel_all(&mut self) {
        self.search.editing = false;
        self.search_cancel();
    }

    /// Scroll by `n` lines; set in columns, by whole screens in the same direction.
    fn scroll_by(&mut self, n: isize) {
        let n = match self.layout.page_rows {
            Some(rows) => n.signum() * rows.max(1) as isize,
            None => n,
        };
        self.scroll = self.scroll.saturating_add_signed(n);
        self.clamp_scroll();
    }

    fn wheel(&mut self, column: u16, row: u16, delta: isize) {
        let p = self.panes();
        let at = ratatui::layout::Position::new(column, row);
        if self.overlay == Overlay::Bookmarks {
            let len = self.marks.state.bookmarks.len();
            self.marks.selected = step(self.marks.selected, delta, len);
        } else if p.list.contains(at) {
            let i = step(self.selected, delta, self.visible.len());
            self.select_index(i);
        } else if p.reader.contains(at) {
            self.scroll_by(delta * 3);
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let p = self.panes();
        let at = ratatui::layout::Position::new(column, row);
        if self.overlay != Overlay::None {
            return;
        }
        if p.list.contains(at) {
            self.focus = Focus::List;
            let rows = crate::ui::list::item_rows(p.list.height);
            let first =
                crate::ui::list::first_visible(self.selected, self.visible.len(), p.list.height);
            let i = first + usize::from(row - p.list.y) / rows;
            if i < self.visible.len() {
                self.select_index(i);
            }
        } else if p.reader.contains(at) {
            self.focus = Focus::Reader;
            self.mark_read();
        }
    }
}

/// Move `at` by `n` within `0..len`.
fn step(at: usize, n: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    at.saturating_add_signed(n).min(len - 1)
}

#[cfg(test)]
mod tests;
