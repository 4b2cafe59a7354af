//! Search over everything loaded: normalise what readers do not see or type (case,
//! full/half width, white space, column breaks) and find hits as char ranges of fields.
//!
//! Finding articles is the library's job (`Shelf::search` in the library module), on the
//! search engine of [`engine`] (tantivy, with the CJK tokenizers of [`tokenize`]); here
//! is also what it and the reader share: the folding ([`normalize`]) and [`hits`], the
//! exact char ranges of the matches in one article, for highlighting and `n`/`N`.

pub mod engine;
mod hits;
pub mod input;
pub mod normalize;
pub mod tokenize;

pub use hits::hits;
pub use input::SearchInput;
pub use normalize::normalize;

use crate::model::{Article, Field, Page, Paragraph, ParagraphKind};

/// A page's own lines (`本版责编：…`, `版式设计：…`) as an article of one paragraph per
/// line, none running into the next: indexed and matched ([`hits`]) exactly as article
/// text is; a hit's `Field::Paragraph(i)` is line `i`.
pub fn page_lines_article(page: &Page) -> Article {
    Article {
        paragraphs: page
            .lines
            .iter()
            .map(|l| Paragraph {
                kind: ParagraphKind::Subhead,
                speaker: None,
                text: l.text.clone(),
            })
            .collect(),
        ..Default::default()
    }
}

/// One match: chars `start..end` of an article field's source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hit {
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

#[cfg(test)]
mod tests;
