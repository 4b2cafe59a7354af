//! The reader's side of search across the archive: the search line (filters before a
//! colon), the hits newest first a screen at a time with the total counted in the
//! background, opening a hit's issue and article, and `n`/`N` from match to match across
//! articles and issues (in `search_walk`); pages whose own lines match are hits too (`search_pages`).

use super::count::Counter;
use super::query::{SearchLine, papers, parse_search};
use super::{App, Edit, Focus, Status, search_pages};
use crate::library::{SearchHit, SearchQuery};
use crate::model::{ArticleRef, Library};
use crate::search::{Hit, SearchInput, hits, normalize};

/// Hits asked of the shelf at a time: the first screen, then more as the list scrolls.
pub const SCREEN: usize = 50;

/// What the search line holds and what it found.
#[derive(Debug, Default)]
pub struct SearchState {
    /// The search line is open and takes the keys.
    pub(super) editing: bool,
    /// The search line being typed.
    pub(super) input: SearchInput,
    /// The text searched for, without its filters: what is highlighted (empty: no search).
    pub(super) query: String,
    /// The line read into text and filters.
    pub(super) line: SearchLine,
    /// Hits fetched so far, newest issue first: articles, and pages whose own lines match.
    pub(super) results: Vec<SearchHit>,
    /// Page hits older than every article hit fetched so far, listed once those are.
    pages: Vec<SearchHit>,
    /// Article hits among `results` (where the next screen starts).
    articles: usize,
    /// More hits may follow `results`.
    pub(super) more: bool,
    /// The selected hit, an index into `results`.
    pub(super) selected: usize,
    /// First row of the hit list shown.
    pub(super) top: usize,
    /// How many articles match, once counted.
    pub(super) total: Option<usize>,
    generation: u64,
    counter: Option<Counter>,
    /// The query waits for the shelf's index to be built (`indexing… 40%`).
    pub(super) waiting: bool,
    /// Enter was pressed while waiting: open the first hit once there are hits.
    submitted: bool,
    /// Issue (catalogue index) and list row before the search, restored by `Esc`.
    pub(super) saved: Option<(Option<usize>, usize)>,
    /// Hits in the selected article, in reading order.
    pub(super) hits: Vec<Hit>,
    /// The hit `n`/`N` last went to.
    pub(super) current: Option<usize>,
}

impl SearchState {
    /// The search line is open for typing.
    pub fn editing(&self) -> bool {
        self.editing
    }

    /// What is typed on the search line.
    pub fn input(&self) -> &SearchInput {
        &self.input
    }

    /// The query searched for (empty: no search).
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The query as parsed: text and filters.
    pub fn line(&self) -> &SearchLine {
        &self.line
    }

    /// The hits listed so far, newest first.
    pub fn results(&self) -> &[SearchHit] {
        &self.results
    }

    /// First result row shown.
    pub fn top(&self) -> usize {
        self.top
    }

    /// The result selected.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The hit in the shown article the reader is on.
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    pub fn new() -> Self {
        SearchState::default()
    }

    /// A search is on: the list shows its hits.
    pub fn active(&self) -> bool {
        !normalize(&self.query).is_empty()
    }

    pub fn refresh_hits(&mut self, lib: &Library, r: Option<ArticleRef>) {
        self.hits = match (self.active(), r.and_then(|r| lib.get(r))) {
            (true, Some(a)) => hits(a, &self.query),
            _ => Vec::new(),
        };
        self.current = None;
    }

    /// `120` once counted, `50+` while counting.
    pub fn count_label(&self) -> String {
        let pages = self.results.len() - self.articles + self.pages.len();
        match self.total {
            Some(n) => (n + pages).to_string(),
            None if self.more => format!("{}+", self.results.len()),
            None => self.results.len().to_string(),
        }
    }

    /// Cells before the cursor on the search line.
    pub fn cursor_cells(&self, ambiguous_wide: bool) -> usize {
        self.input.cursor_cells(ambiguous_wide)
    }

    /// What to ask the shelf for hits `offset..offset + limit`.
    fn shelf_query(&self, offset: usize, limit: usize) -> SearchQuery {
        SearchQuery {
            text: self.query.clone(),
            paper: self.line.paper.as_ref().map(|p| p.slug.clone()),
            from: self.line.from.clone(),
            to: self.line.to.clone(),
            limit,
            offset,
        }
    }

    fn clear(&mut self) {
        self.query.clear();
        self.line = SearchLine::default();
        self.results.clear();
        self.pages.clear();
        self.articles = 0;
        self.more = false;
        self.selected = 0;
        self.top = 0;
        self.total = None;
        self.waiting = false;
        self.submitted = false;
        self.generation += 1;
    }
}

/// Apply one edit to a prompt's line.
pub(super) fn apply_edit(i: &mut SearchInput, e: &Edit) {
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

impl App {
    /// Opening the search line starts the shelf's search index (issues in memory) on a
    /// thread of its own; what is typed meanwhile waits for it, saying how far it is.
    pub(super) fn search_start(&mut self) {
        self.browse.shelf.index_in_background();
        if !self.search.active() {
            self.search.saved = Some((self.browse.at, self.shown.selected()));
        }
        self.search.editing = true;
        self.search.input.end();
    }

    pub(super) fn search_edit(&mut self, e: &Edit) {
        apply_edit(&mut self.search.input, e);
        let line = self.search.input.text().to_string();
        self.run_search(&line);
    }

    /// Search the shelf for `line`: the first screen of hits now, the total later.
    fn run_search(&mut self, line: &str) {
        let papers = papers(&self.browse.issues);
        let parsed = parse_search(line, &papers);
        if parsed == self.search.line && self.search.active() {
            return;
        }
        self.search.clear();
        if !normalize(&parsed.text).is_empty() {
            self.search.query = parsed.text.clone();
            self.search.line = parsed;
            self.first_screen();
        }
        self.search
            .refresh_hits(self.shown.issue(), self.current_ref());
    }

    /// The first screen of hits for the query set, the total counted in the background;
    /// while the shelf's index is still being built, a note of how far it is instead
    /// (the tick asks again).
    fn first_screen(&mut self) {
        if let Some(percent) = self.browse.shelf.indexing() {
            self.search.waiting = true;
            self.screen.say(Status::Indexing(percent));
            return;
        }
        self.search.waiting = false;
        let q = self.search.shelf_query(0, SCREEN);
        match self.shelf_search(&q) {
            Ok(found) => self.search.results = found,
            Err(e) => self.screen.say(format!("search failed: {e}")),
        }
        self.search.articles = self.search.results.len();
        self.search.more = self.search.results.len() == SCREEN;
        self.search.pages = search_pages::page_hits(self, &q);
        self.merge_pages();
        if self.search.more {
            let (generation, all) = (self.search.generation, self.search.shelf_query(0, 0));
            let shelf = &self.browse.shelf;
            let counter = self
                .search
                .counter
                .get_or_insert_with(|| Counter::new(shelf.clone()));
            counter.ask(generation, all);
        } else {
            self.search.total = Some(self.search.articles);
        }
    }

    /// List the page hits that now have their place among the article hits.
    fn merge_pages(&mut self) {
        let s = &mut self.search;
        search_pages::merge(&mut s.results, &mut s.pages, s.more);
    }

    /// Take in a total counted in the background, if it is for the search shown; a
    /// search waiting for the index asks again.
    pub(super) fn poll_count(&mut self) {
        if self.search.waiting {
            self.first_screen();
            if !self.search.waiting {
                if matches!(self.screen.status(), Some(Status::Indexing(_))) {
                    self.screen.clear_status();
                }
                self.search
                    .refresh_hits(self.shown.issue(), self.current_ref());
                if std::mem::take(&mut self.search.submitted) {
                    self.open_first_hit();
                }
            }
        }
        let Some(counter) = &self.search.counter else {
            return;
        };
        if let Some((generation, n)) = counter.poll()
            && generation == self.search.generation
        {
            match n {
                Ok(n) => self.search.total = Some(n),
                Err(e) => self.screen.say(format!("count failed: {e}")),
            }
        }
    }

    /// Ask the shelf for hits, each under its paper's one name (as the list shows it).
    fn shelf_search(
        &self,
        q: &SearchQuery,
    ) -> Result<Vec<SearchHit>, crate::library::LibraryError> {
        let mut hits = self.browse.shelf.search(q)?;
        let names: std::collections::HashMap<&str, &str> = (self.browse.issues.iter())
            .map(|i| (i.key.slug.as_str(), i.paper.as_str()))
            .collect();
        for h in &mut hits {
            if let Some(name) = names.get(h.key.slug.as_str()) {
                h.paper = name.to_string();
            }
        }
        Ok(hits)
    }

    /// Fetch the next screen of hits, if there are more.
    pub(super) fn fetch_more(&mut self) {
        if !self.search.more {
            return;
        }
        let q = self.search.shelf_query(self.search.articles, SCREEN);
        match self.shelf_search(&q) {
            Ok(found) => {
                self.search.more = found.len() == SCREEN;
                self.search.articles += found.len();
                self.search.results.extend(found);
                self.merge_pages();
            }
            Err(e) => {
                self.search.more = false;
                self.screen.say(format!("search failed: {e}"));
            }
        }
    }

    /// Fetch every hit not fetched yet (to reach the last one).
    pub(super) fn fetch_all(&mut self) {
        if self.search.more {
            let q = self.search.shelf_query(self.search.articles, 0);
            match self.shelf_search(&q) {
                Ok(found) => {
                    self.search.articles += found.len();
                    self.search.results.extend(found);
                }
                Err(e) => self.screen.say(format!("search failed: {e}")),
            }
            self.search.more = false;
            self.merge_pages();
        }
    }

    /// `G` in the hit list: every hit, to select the oldest.
    pub(super) fn select_last_result(&mut self) {
        self.fetch_all();
        if let Some(last) = self.search.results.len().checked_sub(1) {
            self.open_hit(last);
        }
    }

    pub(super) fn search_submit(&mut self) {
        self.search.editing = false;
        if !self.search.active() {
            return;
        }
        if self.search.waiting {
            // Still indexing: the tick opens the first hit once there are hits.
            self.first_screen();
            if self.search.waiting {
                self.search.submitted = true;
                return;
            }
        }
        self.open_first_hit();
    }

    /// What Enter does once the hits are in: the first hit opened, at its first match.
    fn open_first_hit(&mut self) {
        if self.search.results.is_empty() {
            self.screen
                .say(format!("无匹配 no match for {}", self.search.query));
            return;
        }
        if self.open_hit(self.search.selected) {
            self.screen.set_focus(Focus::Reader);
            self.mark_read();
            self.goto_hit(0);
        }
    }

    /// Clear the search. While typing, go back to where the reader was before it.
    pub(super) fn search_cancel(&mut self) {
        let was_editing = self.search.editing;
        self.search.editing = false;
        self.search.input.clear();
        self.search.clear();
        let saved = self.search.saved.take();
        if was_editing
            && let Some((at, row)) = saved
            && at.is_some()
        {
            if at != self.browse.at {
                at.map(|at| self.open_issue(at, None));
            }
            self.select_index(row);
        }
        self.search
            .refresh_hits(self.shown.issue(), self.current_ref());
    }

    /// Open hit `i`: its issue, its article; the hit list's selection follows.
    pub(super) fn open_hit(&mut self, i: usize) -> bool {
        let Some(hit) = self.search.results.get(i).cloned() else {
            return false;
        };
        self.search.selected = i;
        let opened = match hit.line {
            Some(_) => self.open_page_hit(&hit),
            None => self.open_article(&hit.key, &hit.id),
        };
        if !opened {
            self.screen
                .say(format!("{} is no longer on the shelf", hit.id));
        }
        opened
    }

    /// Move the hit list's selection by `n` and open that hit.
    pub(super) fn select_result(&mut self, n: isize) {
        let want = self.search.selected.saturating_add_signed(n);
        while want >= self.search.results.len() && self.search.more {
            self.fetch_more();
        }
        let len = self.search.results.len();
        if len > 0 {
            self.open_hit(want.min(len - 1));
        }
    }
}
