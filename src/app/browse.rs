//! Browsing the shelf one issue at a time: the catalogue of issues, opening one (the
//! newest at start), `[` `]` between issues of the paper, `{` `}` between pages, the list
//! moved a screen at a time, and new issues taken in without a restart.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use super::{Action, App, Focus, Overlay};
use crate::library::{IssueInfo, IssueKey, Shelf};
use crate::model::{ArticleId, Library};
use crate::view::rows::{Row, issue_rows};

/// How often the reader asks the shelf whether another process added issues.
const REFRESH_EVERY: Duration = Duration::from_secs(2);

/// The shelf the reader browses and where it is on it.
pub struct Browse {
    pub(super) shelf: Arc<dyn Shelf>,
    /// Every issue on the shelf, oldest first (by date, then paper).
    pub(super) issues: Vec<IssueInfo>,
    /// The issue shown, as an index into `issues`.
    pub(super) at: Option<usize>,
    /// First row of the list shown (below the issue's title row).
    pub(super) top: usize,
    /// A page without articles (an advert page) `{` `}` turned the list to: its header
    /// heads the list until another key moves the selection.
    pub(super) bare_page: Option<usize>,
    /// When the shelf was last asked for new issues.
    pub(super) refreshed: Instant,
}

impl fmt::Debug for Browse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Browse")
            .field("issues", &self.issues.len())
            .field("at", &self.at)
            .field("top", &self.top)
            .finish_non_exhaustive()
    }
}

impl Browse {
    /// First list row shown.
    pub fn top(&self) -> usize {
        self.top
    }

    /// The issues on the shelf, oldest first.
    pub fn issues(&self) -> &[IssueInfo] {
        &self.issues
    }

    pub fn new(shelf: Arc<dyn Shelf>) -> Self {
        let issues = named_issues(shelf.as_ref());
        Browse {
            shelf,
            issues,
            at: None,
            top: 0,
            bare_page: None,
            refreshed: Instant::now(),
        }
    }

    /// The issue shown, as the catalogue knows it.
    pub fn current(&self) -> Option<&IssueInfo> {
        self.issues.get(self.at?)
    }

    /// The index of the issue with this key.
    pub fn find(&self, key: &IssueKey) -> Option<usize> {
        self.issues.iter().position(|i| i.key == *key)
    }

    /// The issue of the same paper `step` issues later (earlier when negative).
    fn neighbour(&self, step: isize) -> Option<usize> {
        let at = self.at?;
        let slug = &self.issues[at].key.slug;
        let same = |i: &usize| self.issues[*i].key.slug == *slug;
        if step > 0 {
            (at + 1..self.issues.len()).find(same)
        } else {
            (0..at).rev().find(same)
        }
    }

    /// `3/120`: where the issue shown is among its paper's issues.
    pub fn position_label(&self) -> String {
        let Some(cur) = self.current() else {
            return String::new();
        };
        let same: Vec<&IssueInfo> = self
            .issues
            .iter()
            .filter(|i| i.key.slug == cur.key.slug)
            .collect();
        let n = same
            .iter()
            .position(|i| i.key == cur.key)
            .map_or(0, |n| n + 1);
        format!("{n}/{}", same.len())
    }
}

/// The shelf's issues, each under its paper's one name.
fn named_issues(shelf: &dyn Shelf) -> Vec<IssueInfo> {
    let mut issues = shelf.issues();
    super::query::name_papers(&mut issues);
    issues
}

impl App {
    /// Apply the browsing actions (issues, pages, the go-to prompt, the idle tick); any
    /// other action is handed back.
    pub(super) fn browse_action(&mut self, action: Action) -> Option<Action> {
        let results = self.search.active() && self.screen.overlay() == Overlay::None;
        match action {
            Action::StepIssue { forward } => self.step_issue(forward),
            Action::StepPage { forward } => self.step_page(forward),
            Action::ListPage { forward } if results => self.page_results(forward),
            Action::ListPage { forward } => self.page_list(forward),
            Action::Tick(now) => {
                self.tick_refresh();
                return Some(Action::Tick(now));
            }
            Action::GotoStart => self.goto_start(),
            Action::GotoEdit(e) => self.goto_edit(&e),
            Action::GotoSubmit => self.goto_submit(),
            Action::GotoCancel => self.goto_cancel(),
            other => return Some(other),
        }
        None
    }

    /// Open issue `idx` of the catalogue: load it, select its first article (or `id`).
    pub(super) fn open_issue(&mut self, idx: usize, id: Option<&ArticleId>) -> bool {
        let Some(info) = self.browse.issues.get(idx) else {
            return false;
        };
        let (key, name) = (info.key.clone(), info.paper.clone());
        let issue = match self.browse.shelf.load_issue(&key) {
            Ok(issue) => issue,
            Err(e) => {
                self.screen.say(format!("not opened: {e}"));
                return false;
            }
        };
        self.save_position();
        let mut issue = issue;
        // One name per paper, whichever name this issue came under.
        issue.paper = name;
        self.shown.set_issue(Library {
            issues: vec![issue],
        });
        self.shown
            .set_all(self.shown.issue().articles().map(|(r, _)| r).collect());
        self.shown.set_visible(self.filtered());
        self.browse.at = Some(idx);
        self.browse.top = 0;
        let at = id
            .and_then(|id| self.shown.issue().find(&id.0))
            .and_then(|(r, _)| self.shown.visible().iter().position(|&v| v == r))
            .unwrap_or(0);
        self.shown.set_selected(at);
        self.pane.set_article(None);
        self.pane.set_layout(Default::default());
        self.pane.set_scroll(0);
        self.relayout();
        self.restore_position();
        if self.screen.focus() == Focus::Reader {
            self.mark_read();
        }
        true
    }

    /// Open the issue this article is in and select it; false when it is not on the shelf.
    pub(super) fn open_article(&mut self, key: &IssueKey, id: &ArticleId) -> bool {
        let here = self.browse.current().is_some_and(|c| c.key == *key);
        if here {
            let found = self
                .shown
                .issue()
                .find(&id.0)
                .and_then(|(r, _)| self.shown.visible().iter().position(|&v| v == r));
            if let Some(i) = found {
                self.select_index(i);
                return true;
            }
        }
        match self.browse.find(key) {
            Some(idx) => self.open_issue(idx, Some(id)),
            None => false,
        }
    }

    /// Leave a search's results for the issue list (before moving to another issue).
    pub(super) fn leave_results(&mut self) {
        if self.search.editing || self.search.active() {
            self.search_cancel_all();
        }
    }

    /// `]` (forward) or `[`: the next or previous issue of the same paper.
    pub(super) fn step_issue(&mut self, forward: bool) {
        match self.browse.neighbour(if forward { 1 } else { -1 }) {
            Some(idx) => {
                self.leave_results();
                self.open_issue(idx, None);
            }
            None if forward => self.screen.say("这是最新一期 the newest issue"),
            None => self.screen.say("这是最早一期 the oldest issue"),
        }
    }

    /// `}` (forward) or `{`: the first article of the next or previous page, or the
    /// header of a page without articles (an advert page: its lines are in the list).
    pub(super) fn step_page(&mut self, forward: bool) {
        self.leave_results();
        let Some(cur) = self.current_ref() else {
            return;
        };
        let bare = self.browse.bare_page.take();
        let from = bare.unwrap_or(cur.page);
        let pages: Vec<usize> = self
            .list_rows()
            .iter()
            .filter_map(|r| match r {
                Row::Page(p) => Some(*p),
                _ => None,
            })
            .collect();
        let first_of = |p: usize| self.shown.visible().iter().position(|r| r.page == p);
        let target = if forward {
            pages.iter().copied().find(|&p| p > from)
        } else if bare.is_none() && first_of(cur.page).is_some_and(|f| f < self.shown.selected()) {
            // Back to the top of this page first, as a book's page turns.
            Some(cur.page)
        } else {
            pages.iter().copied().rev().find(|&p| p < from)
        };
        match target.map(|p| (p, first_of(p))) {
            Some((_, Some(i))) => self.select_index(i),
            Some((p, None)) => {
                self.browse.bare_page = Some(p);
                let header = (self.shown.issue().issues.get(cur.issue))
                    .and_then(|i| i.pages.get(p))
                    .map(crate::view::rows::page_header)
                    .unwrap_or_default();
                self.screen
                    .say(format!("{header}: 没有文章 no articles on this page"));
            }
            None if forward => {
                self.browse.bare_page = bare;
                self.screen.say("最后一版 the last page")
            }
            None => {
                self.browse.bare_page = bare;
                self.screen.say("第一版 the first page")
            }
        }
    }

    /// Where the list's title row and its scrolled rows go.
    pub fn list_areas(&self) -> (Option<Rect>, Rect) {
        let list = self.panes().list;
        if list.height >= 4 {
            let title = Rect::new(list.x, list.y, list.width, 1);
            let body = Rect::new(list.x, list.y + 1, list.width, list.height - 1);
            (Some(title), body)
        } else {
            (None, list)
        }
    }

    /// The issue list's rows for the current size.
    pub fn list_rows(&self) -> Vec<Row> {
        let (_, body) = self.list_areas();
        issue_rows(self.shown.issue(), self.shown.visible(), body.height >= 8)
    }

    /// PgDn/PgUp with the list focused: the list moves a screen, the selection with it.
    pub(super) fn page_list(&mut self, forward: bool) {
        let rows = self.list_rows();
        let h = usize::from(self.list_areas().1.height).max(1);
        let max_top = rows.len().saturating_sub(h);
        let top = if forward {
            (self.browse.top + h).min(max_top)
        } else {
            self.browse.top.saturating_sub(h)
        };
        if top == self.browse.top {
            // The list cannot move further: the selection goes to its end.
            let end = if forward {
                self.shown.visible().len()
            } else {
                1
            };
            self.select_index(end.saturating_sub(1));
            self.keep_in_view();
            return;
        }
        let cur_row = rows
            .iter()
            .position(|r| r.item() == Some(self.shown.selected()));
        let offset = cur_row.map_or(0, |r| r.saturating_sub(self.browse.top));
        let want = (top + offset).min(rows.len().saturating_sub(1));
        // The article at (or nearest after, else before) the same place on the new screen.
        let item = rows[want..]
            .iter()
            .find_map(|r| r.item())
            .or_else(|| rows[..want].iter().rev().find_map(|r| r.item()));
        self.browse.top = top;
        if let Some(i) = item {
            self.select_index(i);
        }
        self.keep_in_view();
    }

    /// Scroll the list so the selected article is in view (with its page header when it
    /// opens the page and there is room).
    pub(super) fn keep_in_view(&mut self) {
        if self.search.active() {
            self.keep_result_in_view();
            return;
        }
        let rows = self.list_rows();
        let h = usize::from(self.list_areas().1.height).max(1);
        if let Some(p) = self.browse.bare_page
            && let Some(at) = rows.iter().position(|r| *r == Row::Page(p))
        {
            self.browse.top = at.min(rows.len().saturating_sub(h));
            return;
        }
        let mine: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].item() == Some(self.shown.selected()))
            .collect();
        let (Some(&first), Some(&last)) = (mine.first(), mine.last()) else {
            self.browse.top = self.browse.top.min(rows.len().saturating_sub(h));
            return;
        };
        // Include the page header (and page lines) just above, when they fit.
        let mut start = first;
        while start > 0 && !matches!(rows[start - 1], Row::Article { .. }) && last + 1 - start < h {
            start -= 1;
        }
        let top = &mut self.browse.top;
        if start < *top {
            *top = start;
        }
        if last >= *top + h {
            *top = last + 1 - h;
        }
        *top = (*top).min(rows.len().saturating_sub(h));
    }

    /// Rows each search hit takes in the list: two (date and page, headline) when there
    /// is room, else one.
    pub fn result_rows(&self) -> usize {
        if self.list_areas().1.height >= 8 {
            2
        } else {
            1
        }
    }

    fn keep_result_in_view(&mut self) {
        let k = self.result_rows();
        let h = usize::from(self.list_areas().1.height).max(1);
        let (first, last) = (self.search.selected * k, self.search.selected * k + k - 1);
        let top = &mut self.search.top;
        if first < *top {
            *top = first;
        }
        if last >= *top + h {
            *top = (last + 1).saturating_sub(h);
        }
    }

    /// PgDn/PgUp in the hit list: a screen of hits on (fetching more as needed).
    pub(super) fn page_results(&mut self, forward: bool) {
        let n = (usize::from(self.list_areas().1.height) / self.result_rows()).max(1) as isize;
        self.select_result(if forward { n } else { -n });
        let k = self.result_rows();
        self.search.top = self.search.selected * k;
        self.keep_in_view();
    }

    /// Ask the shelf for issues another process added; at most every few seconds.
    pub(super) fn tick_refresh(&mut self) {
        if self.browse.refreshed.elapsed() >= REFRESH_EVERY {
            let _ = self.refresh_shelf();
            self.refresh_marks();
        }
    }

    /// Browse another shelf (the library, once a fetch filled it), on its newest issue.
    pub(super) fn replace_shelf(&mut self, shelf: Arc<dyn Shelf>) {
        self.browse = Browse::new(shelf);
        if let Some(newest) = self.browse.issues.len().checked_sub(1) {
            self.open_issue(newest, None);
        }
    }

    /// Take in new issues now. The issue shown stays; a newer one of its paper is told.
    /// True when the shelf had anything new.
    pub(super) fn refresh_shelf(&mut self) -> bool {
        self.browse.refreshed = Instant::now();
        if !self.browse.shelf.refresh() {
            return false;
        }
        let key = self.browse.current().map(|c| c.key.clone());
        let old: std::collections::HashSet<IssueKey> =
            self.browse.issues.iter().map(|i| i.key.clone()).collect();
        self.browse.issues = named_issues(self.browse.shelf.as_ref());
        self.browse.at = key.as_ref().and_then(|k| self.browse.find(k));
        if self.browse.at.is_none() && !self.browse.issues.is_empty() {
            let newest = self.browse.issues.len() - 1;
            self.open_issue(newest, None);
            return true;
        }
        let added: Vec<&IssueInfo> = self
            .browse
            .issues
            .iter()
            .filter(|i| !old.contains(&i.key))
            .collect();
        if let Some(n) = added.last() {
            let more = if added.len() > 1 {
                format!(" (+{})", added.len() - 1)
            } else {
                String::new()
            };
            self.screen
                .say(format!("新到 new: {} {}{more}", n.paper, n.key.date));
        }
        true
    }
}

#[cfg(test)]
pub(crate) mod tests;
