//! Split one page dump into articles (skeleton: blank-line blocks, first block headline).

use crate::model::{Article, ArticleId, Page, Paragraph};

/// Parse a page's text. `slug`, `date` and `number` build the article ids.
pub fn parse_page(text: &str, slug: &str, date: &str, number: &str) -> Page {
    let blocks: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    let mut articles = Vec::new();
    if let Some((title, rest)) = blocks.split_first() {
        articles.push(Article {
            id: ArticleId(format!("{slug}/{date}/{number}/1")),
            title: title.to_string(),
            paragraphs: rest.iter().map(|b| Paragraph::text(*b)).collect(),
            ..Default::default()
        });
    }
    Page {
        number: number.to_string(),
        lines: Vec::new(),
        articles,
    }
}
