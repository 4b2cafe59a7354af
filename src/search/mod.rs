//! Search over everything loaded: normalise what readers do not see or type (case,
//! full/half width, white space, column breaks) and find hits as char ranges of fields.
//!
//! SKELETON: plain substring search; the search issue replaces it. The API below is the
//! contract the app and CLI rely on.

use crate::model::{Article, ArticleRef, Field, Library};

/// One match: chars `start..end` of an article field's source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hit {
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

/// Keeps what it needs between keystrokes so refreshing results stays fast.
#[derive(Debug, Default)]
pub struct Searcher {
    query: String,
    articles: Vec<ArticleRef>,
}

impl Searcher {
    pub fn new(_lib: &Library) -> Self {
        Searcher::default()
    }

    /// Results for `query`: the matching articles in library order.
    pub fn update(&mut self, lib: &Library, query: &str) -> &[ArticleRef] {
        self.query = query.to_string();
        self.articles = lib
            .articles()
            .filter(|(_, a)| !hits(a, query).is_empty())
            .map(|(r, _)| r)
            .collect();
        &self.articles
    }
}

/// Every hit of `query` in one article, in reading order.
pub fn hits(article: &Article, query: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    if query.is_empty() {
        return out;
    }
    let qn = query.chars().count();
    for (field, text) in article.fields() {
        for (b, _) in text.match_indices(query) {
            let start = text[..b].chars().count();
            out.push(Hit {
                field,
                start,
                end: start + qn,
            });
        }
    }
    out
}
