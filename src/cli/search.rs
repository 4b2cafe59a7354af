//! `dubao search`: the hits of a query through a [`Shelf`], newest first, as text with
//! the match marked or as JSON.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::library::{SearchQuery, Shelf};

#[derive(Serialize)]
struct Match {
    field: String,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct HitRow<'a> {
    paper: &'a str,
    slug: &'a str,
    date: &'a str,
    page: &'a str,
    id: &'a str,
    title: &'a str,
    snippet: &'a str,
    /// Every occurrence in the article: field and char range.
    matches: Vec<Match>,
}

/// A snippet of `chars` around `start..end`, the match in 【】 brackets.
fn marked(chars: &[char], start: usize, end: usize) -> String {
    let from = start.saturating_sub(12);
    let end = end.min(chars.len());
    let to = (end + 12).min(chars.len());
    let mut s = String::new();
    if from > 0 {
        s.push('…');
    }
    s.extend(&chars[from..start.min(end)]);
    s.push('【');
    s.extend(&chars[start.min(end)..end]);
    s.push('】');
    s.extend(&chars[end..to]);
    if to < chars.len() {
        s.push('…');
    }
    s.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// One hit to print: an article, or a page's own lines (as an article of one
/// paragraph per line, its id `slug/date/page`).
struct Entry {
    paper: String,
    key: crate::library::IssueKey,
    page: String,
    id: String,
    title: String,
    snippet: String,
    article: Option<crate::model::Article>,
    /// A page's own lines rather than an article.
    page_lines: bool,
}

/// Article hits and page-line hits in one order: newest first, then page order, a
/// page's own hit before its articles.
fn entries(shelf: &dyn Shelf, q: &SearchQuery) -> Result<Vec<Entry>> {
    let mut out: Vec<Entry> = Vec::new();
    for h in shelf.search(q)? {
        out.push(Entry {
            article: shelf.article(&h.id).map(|(_, a)| a),
            paper: h.paper,
            key: h.key,
            page: h.page,
            id: h.id.0,
            title: h.title,
            snippet: h.snippet,
            page_lines: false,
        });
    }
    for p in shelf.search_pages(q)? {
        let page = crate::model::Page {
            number: p.page.clone(),
            lines: p.lines,
            ..Default::default()
        };
        let article = crate::search::page_lines_article(&page);
        let snippet = crate::search::hits(&article, &q.text)
            .first()
            .and_then(|m| article.field(m.field))
            .unwrap_or_default()
            .to_string();
        out.push(Entry {
            id: format!("{}/{}/{}", p.key.slug, p.key.date, p.page),
            paper: p.paper,
            key: p.key,
            page: p.page,
            title: String::new(),
            snippet,
            article: Some(article),
            page_lines: true,
        });
    }
    out.sort_by(|a, b| {
        b.key
            .date
            .cmp(&a.key.date)
            .then_with(|| {
                let rank = |e: &Entry| crate::search::engine::page_rank(&e.page);
                rank(a).cmp(&rank(b))
            })
            .then_with(|| b.page_lines.cmp(&a.page_lines))
    });
    if q.limit > 0 {
        out.truncate(q.limit);
    }
    Ok(out)
}

/// Where a match is: the article field's label, or `page_line` for a page's own line.
fn label(e: &Entry, field: crate::model::Field) -> String {
    if e.page_lines {
        "page_line".to_string()
    } else {
        field.label()
    }
}

/// Articles (and pages whose own lines match) newest first. Plain: one line per
/// occurrence, like grep (paper, date, page, id, field, snippet with the match in 【】);
/// JSON: one object per article or page. Returns how many were found.
pub fn search(
    out: &mut impl Write,
    shelf: &dyn Shelf,
    q: &SearchQuery,
    json: bool,
) -> Result<usize> {
    let hits = entries(shelf, q)?;
    let mut rows = Vec::with_capacity(hits.len());
    for h in &hits {
        let found = h
            .article
            .as_ref()
            .map(|a| crate::search::hits(a, &q.text))
            .unwrap_or_default();
        if !json {
            let date = if h.key.date.is_empty() {
                "-"
            } else {
                &h.key.date
            };
            for m in &found {
                let text = h.article.as_ref().and_then(|a| a.field(m.field));
                let chars: Vec<char> = text.unwrap_or("").chars().collect();
                let (paper, page, id) = (&h.paper, &h.page, &h.id);
                let (field, snippet) = (label(h, m.field), marked(&chars, m.start, m.end));
                writeln!(out, "{paper}\t{date}\t{page}\t{id}\t{field}\t{snippet}")?;
            }
            continue;
        }
        rows.push(HitRow {
            paper: &h.paper,
            slug: &h.key.slug,
            date: &h.key.date,
            page: &h.page,
            id: &h.id,
            title: &h.title,
            snippet: &h.snippet,
            matches: found
                .iter()
                .map(|m| Match {
                    field: label(h, m.field),
                    start: m.start,
                    end: m.end,
                })
                .collect(),
        });
    }
    if json && !hits.is_empty() {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    }
    Ok(hits.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_marks_the_match() {
        let chars: Vec<char> = "近日衡水市政府".chars().collect();
        assert_eq!(marked(&chars, 2, 4), "近日【衡水】市政府");
    }
}
