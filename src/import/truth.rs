//! The true articles of a page of the development corpus (`*.truth.json`), and the one
//! normalisation headlines and paragraphs are compared under; read by the scorer and
//! the fault counts.

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

/// One true article of a page (`*.truth.json`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TruthArticle {
    pub kicker: String,
    pub title: String,
    pub subtitle: String,
    pub byline: String,
    pub paragraphs: Vec<String>,
    /// The page's staff line, which is not an article.
    pub credit: bool,
}

/// What a page holds.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Truth {
    pub articles: Vec<TruthArticle>,
    pub cuts: usize,
}

/// NFKC with all whitespace removed, and the invisible zero-width characters the
/// importer drops (U+200B, U+2060, U+FEFF), so a source that carries them still matches.
pub fn norm(text: &str) -> String {
    text.nfkc()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}'))
        .collect()
}
