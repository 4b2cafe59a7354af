//! Search hits mapped onto a typeset article: each hit's source chars are found in the
//! laid-out spans (through `Span::source`) and highlighted cells show exactly the match,
//! in display form (`，` where the source has `,`), at any pane width.

use dubao::model::{Article, Field};
use dubao::search::{Hit, hits, normalize};
use dubao::text::{char_width, str_width};
use dubao::typeset::{Layout, Settings, layout};

/// One highlighted run on screen: line, first cell, the displayed chars.
#[derive(Debug)]
struct Mark {
    line: usize,
    cell: usize,
    text: String,
}

/// Where the chars `hit.start..hit.end` of `hit.field` appear in `layout`.
fn marks(layout: &Layout, hit: Hit, wide: bool) -> Vec<Mark> {
    let mut out = Vec::new();
    for (i, line) in layout.lines.iter().enumerate() {
        let mut cell = 0;
        for span in &line.spans {
            if let Some(src) = span.source.filter(|s| s.field == hit.field) {
                let mut at = cell;
                let mut text = String::new();
                let mut first = None;
                for (k, c) in span.text.chars().enumerate() {
                    if (hit.start..hit.end).contains(&(src.start + k)) {
                        first.get_or_insert(at);
                        text.push(c);
                    }
                    at += char_width(c, wide);
                }
                if let Some(cell) = first {
                    out.push(Mark {
                        line: i,
                        cell,
                        text,
                    });
                }
            }
            cell += str_width(&span.text, wide);
        }
    }
    out
}

/// The chars of `line` that occupy cells `from..` for `count` chars.
fn shown_at(layout: &Layout, line: usize, from: usize, count: usize, wide: bool) -> String {
    let mut cell = 0;
    let mut out = String::new();
    for c in layout.lines[line].plain().chars() {
        if cell >= from && out.chars().count() < count {
            out.push(c);
        }
        cell += char_width(c, wide);
    }
    out
}

fn bundled_article(query: &str) -> Article {
    let lib = dubao::import::load_bundled();
    lib.articles()
        .map(|(_, a)| a)
        .find(|a| !hits(a, query).is_empty())
        .cloned()
        .expect("the bundled issue has the query")
}

fn check(query: &str, expect_fields: usize) {
    check_in(&bundled_article(query), query, expect_fields);
}

fn check_in(article: &Article, query: &str, expect_fields: usize) {
    let article = article.clone();
    let found = hits(&article, query);
    let fields: std::collections::BTreeSet<Field> = found.iter().map(|h| h.field).collect();
    assert!(fields.len() >= expect_fields, "{query}: {found:?}");
    for width in [13u16, 20, 41, 80] {
        for wide in [false, true] {
            let settings = Settings {
                ambiguous_wide: wide,
                ..Settings::default()
            };
            let set = layout(&article, width, u16::MAX, &settings);
            let mut spelled = String::new();
            for &hit in &found {
                let ms = marks(&set, hit, wide);
                let shown: String = ms.iter().map(|m| m.text.as_str()).collect();
                // Every matched source char is on screen, one to one.
                assert_eq!(
                    shown.chars().count(),
                    hit.end - hit.start,
                    "{query} {hit:?}"
                );
                for m in &ms {
                    let n = m.text.chars().count();
                    assert_eq!(shown_at(&set, m.line, m.cell, n, wide), m.text);
                }
                spelled.push_str(&normalize(&shown));
            }
            // What is highlighted reads as the query, once per match.
            let q = normalize(query);
            assert!(!spelled.is_empty());
            assert_eq!(spelled, q.repeat(spelled.len() / q.len()), "width {width}");
        }
    }
}

#[test]
fn full_width_query_highlights_the_half_width_source() {
    check("近日，衡水", 1);
}

#[test]
fn match_across_a_column_break_highlights_both_paragraphs() {
    // A page whose column break the importer could not mend: the paragraph stops
    // mid-sentence and the next one carries on.
    let article = Article {
        title: "衡水打造营商环境".into(),
        paragraphs: vec![
            dubao::model::Paragraph::text("围绕全会对衡水作出的精准"),
            dubao::model::Paragraph::text("定位,该市凝聚共识,聚焦营商环境。"),
        ],
        ..Default::default()
    };
    check_in(&article, "精准定位", 2);
}

#[test]
fn health_commission_is_highlighted_wherever_it_is_set() {
    check("卫生健康委", 1);
}

#[test]
fn quotes_typed_as_ascii_highlight_chinese_quotes() {
    check("\"三最\"", 1);
}
