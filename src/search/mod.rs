//! Search over everything loaded: normalise what readers do not see or type (case,
//! full/half width, white space, column breaks) and find hits as char ranges of fields.
//!
//! The search engine is [`engine`] (tantivy, with the CJK tokenizers of [`tokenize`]):
//! the library on disk and `--data` files in memory are searched through it, by
//! [`crate::library::Shelf::search`]. [`hits`] finds the exact char ranges in one article
//! for highlighting. [`Searcher`], an in-memory positional index, is what the reader
//! still narrows its list with until it moves onto the shelf; it is then removed. All
//! apply the same folding ([`normalize`]) and the same run structure
//! ([`normalize::pieces`]), so an article is found exactly when it has hits.

pub mod engine;
mod hits;
mod index;
pub mod input;
pub mod normalize;
pub mod tokenize;

pub use hits::hits;
pub use input::SearchInput;
pub use normalize::normalize;

use crate::model::{ArticleRef, Field, Library};
use index::{Index, Matches};

/// One match: chars `start..end` of an article field's source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hit {
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

/// The result for one folded query: where it occurs in the index, and in which articles.
#[derive(Debug)]
struct Step {
    folded: String,
    matches: Matches,
    articles: Vec<ArticleRef>,
}

/// Keeps what it needs between keystrokes so refreshing results stays fast.
///
/// It keeps a stack of results for the queries typed so far, each a prefix of the next:
/// a keystroke that extends the query re-checks only the previous query's occurrences
/// (or, when cheaper, the occurrences of the new query's rarest char), and Backspace
/// returns to a result already computed.
#[derive(Debug, Default)]
pub struct Searcher {
    index: Index,
    /// Every article, in library order.
    all: Vec<ArticleRef>,
    query: String,
    stack: Vec<Step>,
}

impl Searcher {
    pub fn new(lib: &Library) -> Self {
        Searcher {
            index: Index::new(lib),
            all: lib.articles().map(|(r, _)| r).collect(),
            query: String::new(),
            stack: Vec::new(),
        }
    }

    /// Results for `query`: the matching articles in library order.
    ///
    /// The index describes the library given to [`Searcher::new`]; when the library
    /// changes, make a new `Searcher`. (As a safety net, a library with another number
    /// of articles rebuilds the index here.)
    pub fn update(&mut self, lib: &Library, query: &str) -> &[ArticleRef] {
        let count: usize = lib
            .issues
            .iter()
            .flat_map(|i| &i.pages)
            .map(|p| p.articles.len())
            .sum();
        if count != self.all.len() {
            *self = Searcher::new(lib);
        }
        self.query = query.to_string();
        let folded = normalize(query);
        if folded.is_empty() {
            self.stack.clear();
            return &self.all;
        }
        while self
            .stack
            .last()
            .is_some_and(|s| !folded.starts_with(&s.folded))
        {
            self.stack.pop();
        }
        if self.stack.last().is_none_or(|s| s.folded != folded) {
            let matches = match self.stack.last() {
                Some(prev) if self.index.slice(&prev.matches).len() <= self.index.cost(&folded) => {
                    self.index
                        .refine(&prev.matches, prev.folded.chars().count(), &folded)
                }
                _ => self.index.find(&folded),
            };
            let articles = self
                .index
                .articles_of(self.index.slice(&matches))
                .into_iter()
                .map(|i| self.all[i])
                .collect();
            self.stack.push(Step {
                folded,
                matches,
                articles,
            });
        }
        self.stack.last().map_or(&self.all, |s| &s.articles)
    }

    /// The query last given to [`Searcher::update`], as typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The current results (what the last [`Searcher::update`] returned).
    pub fn results(&self) -> &[ArticleRef] {
        self.stack.last().map_or(&self.all, |s| &s.articles)
    }

    /// How many places the current query occurs (overlapping ones counted; 0 for an
    /// empty query).
    pub fn occurrences(&self) -> usize {
        self.stack
            .last()
            .map_or(0, |s| self.index.slice(&s.matches).len())
    }

    /// Bytes of heap held: the index (posting lists and bitsets), the article list,
    /// and the results kept for the current query and its prefixes.
    pub fn heap_bytes(&self) -> usize {
        let steps: usize = self
            .stack
            .iter()
            .map(|s| {
                s.folded.capacity()
                    + match &s.matches {
                        Matches::List(v) => v.capacity() * size_of::<u32>(),
                        Matches::Char(_) => 0,
                    }
                    + s.articles.capacity() * size_of::<ArticleRef>()
            })
            .sum();
        self.index.heap_bytes()
            + self.all.capacity() * size_of::<ArticleRef>()
            + self.stack.capacity() * size_of::<Step>()
            + steps
    }

    /// Bytes of heap held by the index alone (built once in [`Searcher::new`]).
    pub fn index_bytes(&self) -> usize {
        self.index.heap_bytes()
    }
}

#[cfg(test)]
mod tests;
