//! The reader's side of search: the search line, the narrowed list, and moving from
//! match to match (`n`/`N`) across articles.

use super::{App, Edit, Focus};
use crate::model::{Anchor, ArticleRef, Library};
use crate::search::{Hit, Searcher, hits};
use crate::text::char_width;

/// What the search line holds and what it found.
#[derive(Debug)]
pub struct SearchState {
    pub searcher: Searcher,
    /// The search line is open and takes the keys.
    pub editing: bool,
    /// The text being typed.
    pub input: String,
    /// Cursor position in chars.
    pub cursor: usize,
    /// The query the list is narrowed by (empty: no search).
    pub query: String,
    /// The selection before the search started, restored by `Esc`.
    pub saved: Option<ArticleRef>,
    /// Hits in the selected article, in reading order.
    pub hits: Vec<Hit>,
    /// The hit `n`/`N` last went to.
    pub current: Option<usize>,
}

impl SearchState {
    pub fn new(searcher: Searcher) -> Self {
        SearchState {
            searcher,
            editing: false,
            input: String::new(),
            cursor: 0,
            query: String::new(),
            saved: None,
            hits: Vec::new(),
            current: None,
        }
    }

    pub fn active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    pub fn refresh_hits(&mut self, lib: &Library, r: Option<ArticleRef>) {
        self.hits = match (self.active(), r.and_then(|r| lib.get(r))) {
            (true, Some(a)) => hits(a, &self.query),
            _ => Vec::new(),
        };
        self.current = None;
    }

    /// Cells before the cursor on the search line.
    pub fn cursor_cells(&self, ambiguous_wide: bool) -> usize {
        self.input
            .chars()
            .take(self.cursor)
            .map(|c| char_width(c, ambiguous_wide))
            .sum()
    }

    fn edit(&mut self, e: &Edit) {
        let mut chars: Vec<char> = self.input.chars().collect();
        let at = self.cursor.min(chars.len());
        match e {
            Edit::Insert(s) => {
                let add: Vec<char> = s.chars().filter(|c| !c.is_control()).collect();
                self.cursor = at + add.len();
                chars.splice(at..at, add);
            }
            Edit::Left => self.cursor = at.saturating_sub(1),
            Edit::Right => self.cursor = (at + 1).min(chars.len()),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = chars.len(),
            Edit::Backspace if at > 0 => {
                chars.remove(at - 1);
                self.cursor = at - 1;
            }
            Edit::Delete if at < chars.len() => {
                chars.remove(at);
            }
            Edit::DeleteWord => {
                let mut from = at;
                while from > 0 && chars[from - 1].is_whitespace() {
                    from -= 1;
                }
                while from > 0 && !chars[from - 1].is_whitespace() {
                    from -= 1;
                }
                chars.drain(from..at);
                self.cursor = from;
            }
            Edit::DeleteToStart => {
                chars.drain(..at);
                self.cursor = 0;
            }
            _ => {}
        }
        self.input = chars.into_iter().collect();
    }
}

impl App {
    pub(super) fn search_start(&mut self) {
        if !self.search.active() {
            self.search.saved = self.current_ref();
        }
        self.search.editing = true;
        self.search.cursor = self.search.input.chars().count();
    }

    pub(super) fn search_edit(&mut self, e: &Edit) {
        self.search.edit(e);
        let query = self.search.input.clone();
        self.apply_query(&query);
    }

    /// Narrow the list to the articles matching `query`, keeping the selection if it
    /// still matches.
    fn apply_query(&mut self, query: &str) {
        let keep = self.current_ref();
        self.search.query = query.to_string();
        self.visible = if self.search.active() {
            self.search.searcher.update(&self.library, query).to_vec()
        } else {
            self.all.clone()
        };
        let idx = keep
            .and_then(|k| self.visible.iter().position(|&r| r == k))
            .unwrap_or(0);
        if keep != self.visible.get(idx).copied() {
            self.select_index(idx);
        } else {
            self.selected = idx;
            self.search.refresh_hits(&self.library, self.current_ref());
        }
    }

    pub(super) fn search_submit(&mut self) {
        self.search.editing = false;
        if self.search.active() {
            self.focus = Focus::Reader;
            self.goto_hit(0);
        }
    }

    /// Clear the search: the full list again, and the selection from before it.
    pub(super) fn search_cancel(&mut self) {
        let was_editing = self.search.editing;
        self.search.editing = false;
        self.search.input.clear();
        self.search.cursor = 0;
        let back = if was_editing {
            self.search.saved.take()
        } else {
            self.search.saved = None;
            self.current_ref()
        };
        self.apply_query("");
        if let Some(i) = back.and_then(|b| self.visible.iter().position(|&r| r == b))
            && i != self.selected
        {
            self.select_index(i);
        }
    }

    /// Go to the next (or previous) match, moving on to the next article at the end of one.
    pub(super) fn next_match(&mut self, forward: bool) {
        if !self.search.active() || self.visible.is_empty() {
            self.status = Some("no search: press / to search".into());
            return;
        }
        let n = self.search.hits.len();
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
        let len = self.visible.len();
        let idx = if forward {
            (self.selected + 1) % len
        } else {
            (self.selected + len - 1) % len
        };
        self.select_index(idx);
        let last = self.search.hits.len().saturating_sub(1);
        self.goto_hit(if forward { 0 } else { last });
    }

    /// Scroll the reading pane to hit `i` of the selected article.
    fn goto_hit(&mut self, i: usize) {
        let Some(hit) = self.search.hits.get(i).copied() else {
            return;
        };
        self.search.current = Some(i);
        let line = self.layout.line_of(Anchor {
            field: Some(hit.field),
            offset: hit.start,
        });
        let top = self.scroll;
        if line < top || line >= top + self.page_rows() {
            self.scroll = line.saturating_sub(2);
            self.clamp_scroll();
        }
        let total = self.search.hits.len();
        self.status = Some(format!("match {}/{} in this article", i + 1, total));
    }
}
