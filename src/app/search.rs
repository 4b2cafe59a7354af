//! The reader's side of search: the search line, the narrowed list, and moving from
//! match to match (`n`/`N`) across articles.

use super::{App, Edit, Focus};
use crate::model::{Anchor, ArticleRef, Library};
use crate::search::{Hit, SearchInput, Searcher, hits};

/// What the search line holds and what it found.
#[derive(Debug)]
pub struct SearchState {
    pub searcher: Searcher,
    /// The search line is open and takes the keys.
    pub editing: bool,
    /// The search line being typed.
    pub input: SearchInput,
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
            input: SearchInput::new(),
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
        self.input.cursor_cells(ambiguous_wide)
    }

    fn edit(&mut self, e: &Edit) {
        let i = &mut self.input;
        match e {
            Edit::Insert(s) => i.insert(s),
            Edit::Left => _ = i.left(),
            Edit::Right => _ = i.right(),
            Edit::Home => i.home(),
            Edit::End => i.end(),
            Edit::Backspace => _ = i.backspace(),
            Edit::Delete => _ = i.delete(),
            Edit::DeleteWord => _ = i.delete_word(),
            Edit::DeleteToStart => _ = i.delete_to_start(),
            Edit::DeleteToEnd => _ = i.delete_to_end(),
        }
    }
}

impl App {
    pub(super) fn search_start(&mut self) {
        if !self.search.active() {
            self.search.saved = self.current_ref();
        }
        self.search.editing = true;
        self.search.input.end();
    }

    pub(super) fn search_edit(&mut self, e: &Edit) {
        self.search.edit(e);
        let query = self.search.input.text().to_string();
        self.apply_query(&query);
    }

    /// Narrow the list to the articles matching `query`, keeping the selection if it
    /// still matches.
    pub(super) fn apply_query(&mut self, query: &str) {
        let keep = self.current_ref();
        self.search.query = query.to_string();
        let found = if self.search.active() {
            self.search.searcher.update(&self.library, query).to_vec()
        } else {
            self.all.clone()
        };
        self.visible = found
            .into_iter()
            .filter(|&r| self.passes_filter(r))
            .collect();
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
        if !self.search.active() {
            self.status = Some("no search: press / to search".into());
            return;
        }
        if self.visible.is_empty() {
            self.status = Some(format!("no match for {}", self.search.query));
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

    /// Scroll the reading pane to hit `i` of the selected article: the hit in view, with
    /// the headline when the hit is on the first screen. A jump is not the reader's
    /// place: the place they had scrolled to is saved first, and the jump is not.
    fn goto_hit(&mut self, i: usize) {
        let Some(hit) = self.search.hits.get(i).copied() else {
            return;
        };
        self.search.current = Some(i);
        let line = self.layout.line_of(Anchor {
            field: Some(hit.field),
            offset: hit.start,
        });
        let rows = self.page_rows();
        let top = self.scroll;
        if line < top || line >= top + rows {
            self.save_position();
            self.scroll = if line < rows {
                0
            } else {
                line.saturating_sub(2)
            };
            self.clamp_scroll();
            self.moved = false;
            self.place = None;
        }
        let total = self.search.hits.len();
        self.status = Some(format!(
            "match {}/{} · article {}/{}",
            i + 1,
            total,
            self.selected + 1,
            self.visible.len()
        ));
    }
}
