//! `update`: the one place state changes. Takes an action, changes the state, never
//! touches the terminal.

use super::{Action, App, Focus, Overlay, Status};

impl App {
    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..) | Action::Tick(_)) {
            self.screen.clear_status();
            if !matches!(action, Action::StepPage { .. }) {
                self.browse.bare_page = None;
            }
        }
        self.poll_count();
        let Some(action) = self.browse_action(action) else {
            self.keep_in_view();
            return;
        };
        self.apply(action);
        self.keep_in_view();
    }

    /// Moving: the selection, the scroll, the focus, the mouse.
    fn apply(&mut self, action: Action) {
        let results = self.search.active() && self.screen.overlay() == Overlay::None;
        match action {
            Action::Quit => {
                self.save_session();
                self.screen.quit();
            }
            Action::Select(n) => self.select_by(n),
            Action::SelectFirst => match self.screen.overlay() {
                Overlay::Help | Overlay::FetchLog => self.screen.set_help_scroll(0),
                Overlay::Bookmarks => self.marks.selected = 0,
                _ if results => self.select_result(-(self.search.selected as isize)),
                _ => self.select_index(0),
            },
            Action::SelectLast => match self.screen.overlay() {
                Overlay::Help => self.screen.set_help_scroll(self.help_rows()),
                Overlay::FetchLog => self.screen.set_help_scroll(self.fetch_log_rows()),
                Overlay::Bookmarks => {
                    self.marks.selected = self.marks.state.bookmarks.len().saturating_sub(1)
                }
                _ if results => self.select_last_result(),
                _ => self.select_index(self.shown.visible().len().saturating_sub(1)),
            },
            Action::FocusReader => self.focus_reader(),
            Action::FocusList => self.screen.set_focus(Focus::List),
            Action::Scroll(n) => self.scroll_by(n),
            Action::Page { forward, half } => self.page(forward, half),
            Action::ScrollTop => self.scroll_to(0),
            Action::ScrollBottom => self.scroll_to(self.max_scroll()),
            Action::Resize(w, h) => {
                self.screen.set_size((w, h));
                // A columns message is worked out for the pane as it is now.
                self.relayout();
            }
            Action::Wheel { column, row, delta } => self.wheel(column, row, delta),
            Action::Click { column, row } => self.click(column, row),
            Action::Tick(now) => {
                self.poll_photos();
                self.poll_fetch();
                self.tick(now);
            }
            other => self.apply_command(other),
        }
    }

    /// Commands: search, bookmarks, overlays, fetching, links, messages.
    fn apply_command(&mut self, action: Action) {
        match action {
            Action::SearchStart => self.search_start(),
            Action::SearchEdit(e) => self.search_edit(&e),
            Action::SearchSubmit => self.search_submit(),
            Action::SearchCancel if self.search.editing || self.search.active() => {
                self.search_cancel()
            }
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::SetBookmark => self.set_bookmark(),
            Action::RemoveBookmark => self.remove_bookmark(),
            Action::UndoRemove => self.undo_remove(),
            Action::OpenBookmarks => self.open_bookmarks(),
            Action::BookmarkOpen => self.bookmark_open(),
            Action::BookmarkDelete => self.bookmark_delete(),
            Action::ToggleUnread => self.toggle_unread(),
            Action::Fetch => self.start_fetch(),
            Action::OpenPageView => self.open_page_view(),
            Action::PageViewStep(n) => self.page_view_step(n),
            Action::PageViewOpen => self.page_view_open(),
            Action::CloseOverlay if self.page_view.is_some() => self.page_view = None,
            Action::CloseOverlay => self.screen.set_overlay(Overlay::None),
            Action::CopyLink => self.copy_link(),
            Action::OpenFetchLog => self.open_fetch_log(),
            Action::OpenLink => self.open_link(),
            Action::Say(text) => self.screen.say(text),
            Action::Warn { status, notices } => self.screen.warn(status, notices),
            other => self.apply_setting(other),
        }
    }

    /// Settings changed from the keyboard: help, columns, script, measure, photos.
    fn apply_setting(&mut self, action: Action) {
        match action {
            Action::ToggleHelp => {
                self.screen.set_help_scroll(0);
                let open = self.screen.overlay() == Overlay::Help;
                self.screen
                    .set_overlay(if open { Overlay::None } else { Overlay::Help })
            }
            Action::ToggleColumns => {
                self.setup.toggle_columns();
                self.relayout();
                self.screen.say(Status::Columns);
            }
            Action::CycleScript => {
                let mut st = *self.setup.settings();
                st.script = st.script.next();
                self.set_settings(st);
                let (zh, en) = st.script.label();
                self.screen.say(format!("{zh} {en}"));
            }
            Action::Measure(cells) => self.measure(cells),
            Action::TogglePhotos => self.toggle_photos(),
            // Taken by `browse_action` in `update`.
            _ => {}
        }
    }

    /// `+`/`-`: the measure a step wider or narrower, within what the pane shows.
    fn measure(&mut self, cells: i32) {
        let widest = crate::typeset::measure::widest(usize::from(self.panes().text.width));
        let st = self.setup.settings().with_measure_step(cells, widest);
        self.set_settings(st);
        let edge = if st.measure >= widest {
            ", the widest this pane shows"
        } else {
            ""
        };
        let (measure, han) = (st.measure, st.measure / 2);
        self.screen.say(format!(
            "measure {measure} cells ({han} Han characters){edge}"
        ));
    }

    /// The status line's message as text, if there is one.
    pub fn status_text(&self) -> Option<String> {
        Some(match self.screen.status().as_ref()? {
            Status::Columns => self.columns_status().into(),
            Status::Indexing(percent) => format!("indexing… {percent}%"),
            Status::Message(text) => text.clone(),
        })
    }

    /// What `c` did, as the pane is now.
    fn columns_status(&self) -> &'static str {
        match (
            self.setup.settings().columns,
            self.pane.layout().page_rows.is_some(),
        ) {
            (true, true) => "columns on",
            (true, false) => "columns on (pane too narrow: one column)",
            (false, _) => "columns off",
        }
    }

    /// Select row `i` of the list: keeps the old article's place, restores the new one's.
    pub(super) fn select_index(&mut self, i: usize) {
        if self.shown.visible().is_empty() {
            self.shown.set_selected(0);
            self.pane.set_article(None);
            self.pane.set_layout(Default::default());
            self.pane.set_scroll(0);
            self.search.hits.clear();
            return;
        }
        let i = i.min(self.shown.visible().len() - 1);
        if self.pane.article().is_some()
            && self.pane.article() == self.shown.visible().get(i).copied()
        {
            self.shown.set_selected(i);
            return;
        }
        self.save_position();
        self.shown.set_selected(i);
        self.pane.set_layout(Default::default());
        self.pane.set_scroll(0);
        self.pane.set_place(None);
        self.pane.set_moved(false);
        self.relayout();
        self.restore_position();
        if self.screen.focus() == Focus::Reader {
            self.mark_read();
        }
    }

    /// Clear any search without moving the selection (used when opening a bookmark).
    pub(super) fn search_cancel_all(&mut self) {
        self.search.editing = false;
        self.search_cancel();
    }

    /// Move the selection (of the list, the bookmarks view, or the help's scroll) by `n`.
    fn select_by(&mut self, n: isize) {
        match self.screen.overlay() {
            Overlay::Help => {
                let rows = self.help_rows();
                self.screen
                    .set_help_scroll(step(self.screen.help_scroll(), n, rows + 1));
            }
            Overlay::FetchLog => {
                let rows = self.fetch_log_rows();
                self.screen
                    .set_help_scroll(step(self.screen.help_scroll(), n, rows + 1));
            }
            Overlay::Bookmarks => {
                let len = self.marks.state.bookmarks.len();
                self.marks.selected = step(self.marks.selected, n, len);
            }
            Overlay::None if self.search.active() => self.select_result(n),
            Overlay::None => {
                let i = step(self.shown.selected(), n, self.shown.visible().len());
                self.select_index(i);
            }
        }
    }

    /// A page (or half page) forward or back; a whole page forward reads on at the end.
    fn page(&mut self, forward: bool, half: bool) {
        let rows = self.pane.layout().page_rows.unwrap_or(self.page_rows());
        let step = if half && self.pane.layout().page_rows.is_none() {
            (rows / 2).max(1)
        } else {
            rows
        };
        let n = step as isize;
        match (forward, half) {
            (true, false) => self.page_forward(step),
            (true, true) => self.scroll_by(n),
            (false, _) => self.scroll_by(-n),
        }
    }

    /// How far the fetch log scrolls: its rows beyond the box.
    fn fetch_log_rows(&self) -> usize {
        let area = ratatui::layout::Rect::new(0, 0, self.screen.size().0, self.screen.size().1);
        let inner = super::help::help_inner(area);
        let amb = self.setup.settings().ambiguous_wide;
        let n = (self.fetch.log().as_ref()).map_or(0, |l| {
            super::fetchlog::rows(l, usize::from(inner.width), amb).len()
        });
        n.saturating_sub(usize::from(inner.height))
    }

    /// How far the help scrolls: its rows beyond the box.
    fn help_rows(&self) -> usize {
        let area = ratatui::layout::Rect::new(0, 0, self.screen.size().0, self.screen.size().1);
        let inner = super::help::help_inner(area);
        let amb = self.setup.settings().ambiguous_wide;
        let all = super::help::lines(
            self.setup.keymap(),
            self.setup.prefs().lang,
            inner.width,
            amb,
        );
        all.len().saturating_sub(usize::from(inner.height))
    }

    fn wheel(&mut self, column: u16, row: u16, delta: isize) {
        let p = self.panes();
        let at = ratatui::layout::Position::new(column, row);
        if self.screen.overlay() == Overlay::Bookmarks {
            let len = self.marks.state.bookmarks.len();
            self.marks.selected = step(self.marks.selected, delta, len);
        } else if p.list.contains(at) && self.search.active() {
            self.select_result(delta);
        } else if p.list.contains(at) {
            let i = step(self.shown.selected(), delta, self.shown.visible().len());
            self.select_index(i);
        } else if p.reader.contains(at) {
            self.scroll_by(delta * 3);
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let p = self.panes();
        let at = ratatui::layout::Position::new(column, row);
        if self.screen.overlay() != Overlay::None {
            return;
        }
        if p.list.contains(at) {
            self.screen.set_focus(Focus::List);
            let (_, body) = self.list_areas();
            if !body.contains(at) {
                return;
            }
            if self.search.active() {
                let i = (self.search.top + usize::from(row - body.y)) / self.result_rows();
                if i < self.search.results.len() {
                    self.open_hit(i);
                }
                return;
            }
            let i = self.browse.top + usize::from(row - body.y);
            let rows = self.list_rows();
            // A page header or page line selects the page's first article.
            let item = rows.get(i..).and_then(|r| r.iter().find_map(|r| r.item()));
            if let Some(i) = item {
                self.select_index(i);
            }
        } else if p.reader.contains(at) {
            self.focus_reader();
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
