//! Photo blocks: a news photo stands in the text flow as a box of a fixed number of
//! rows (from the measure and a landscape aspect, capped), its caption and credit set
//! under it. The rows are lines holding one empty span (never blank, so columns do not
//! skip them at a page top); [`PhotoBlock`] says where the box is, and the UI draws the
//! picture there, fitted inside with its own aspect kept. The row count never depends
//! on the picture, so nothing moves when a download arrives.

use super::plain::plain;
use super::{Line, Role, Settings, Span};
use crate::model::{Article, Field, ParagraphKind};

/// Fewest and most rows a photo box takes.
pub const MIN_ROWS: usize = 4;
pub const MAX_ROWS: usize = 16;

/// Where a photo's box is in a layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoBlock {
    /// Index into the article's `photos`.
    pub photo: usize,
    /// The layout line of the box's first row.
    pub line: usize,
    /// Cells from the pane's left edge to the box.
    pub left: u16,
    pub width: u16,
    pub rows: u16,
}

/// The rows of a box `width` cells wide: a 3:2 landscape picture in cells about twice
/// as tall as wide, kept within [`MIN_ROWS`]..=[`MAX_ROWS`].
pub fn rows_for(width: usize) -> usize {
    (width / 3).clamp(MIN_ROWS, MAX_ROWS)
}

/// The photos standing before paragraph `at` (`at == paragraphs.len()`: after the last,
/// with any placed past the end).
pub fn set_before(
    a: &Article,
    at: usize,
    width: usize,
    st: &Settings,
    out: &mut Vec<Line>,
    blocks: &mut Vec<PhotoBlock>,
) {
    let last = at >= a.paragraphs.len();
    for (i, p) in a.photos.iter().enumerate() {
        if p.at != at && !(last && p.at > at) {
            continue;
        }
        if out.last().is_some_and(|l| !l.spans.is_empty()) {
            out.push(Line::default());
        }
        if st.photos && width >= 2 {
            let rows = rows_for(width);
            blocks.push(PhotoBlock {
                photo: i,
                line: out.len(),
                left: 0,
                width: width as u16,
                rows: rows as u16,
            });
            for _ in 0..rows {
                out.push(row());
            }
        }
        let caption = p.caption.as_deref().map(str::trim).unwrap_or("");
        // An importer that kept the caption as a paragraph beside the photo: not twice.
        let repeated = [at.checked_sub(1), Some(at)]
            .into_iter()
            .flatten()
            .any(|k| {
                a.paragraphs
                    .get(k)
                    .is_some_and(|q| q.kind == ParagraphKind::Caption && q.text.trim() == caption)
            });
        let credit = p.credit.as_deref().map(str::trim).unwrap_or("");
        let text = match (caption.is_empty() || repeated, credit.is_empty()) {
            (true, true) => String::new(),
            (true, false) => credit.to_string(),
            (false, true) => caption.to_string(),
            (false, false) => format!("{caption}　{credit}"),
        };
        if !text.is_empty() {
            let from = out.len();
            plain(Field::Credit, Role::Caption, &text, width, false, st, out);
            // The caption is the photo's, not an article field: no source to point at.
            for l in &mut out[from..] {
                for s in &mut l.spans {
                    s.source = None;
                }
            }
        }
        out.push(Line::default());
    }
}

/// One row of a photo box.
fn row() -> Line {
    Line {
        spans: vec![Span {
            text: String::new(),
            role: Role::Space,
            source: None,
        }],
    }
}

/// Whether `line` is a row of a photo box.
pub fn is_row(line: &Line) -> bool {
    matches!(line.spans.as_slice(), [s] if s.text.is_empty() && s.role == Role::Space)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Photo};

    fn article() -> Article {
        Article {
            title: "标题".into(),
            paragraphs: vec![Paragraph::text("第一段。"), Paragraph::text("第二段。")],
            photos: vec![
                Photo {
                    url: "http://127.0.0.1/a.jpg".into(),
                    caption: Some("图为会场。".into()),
                    credit: Some("记者 某某摄".into()),
                    at: 1,
                },
                Photo {
                    url: "http://127.0.0.1/b.jpg".into(),
                    at: 9,
                    ..Default::default()
                },
            ],
            ..Default::default()
        }
    }

    #[test]
    fn photos_take_their_rows_where_they_stand_with_the_caption_under() {
        let a = article();
        let st = Settings::default();
        let l = super::super::layout(&a, 60, u16::MAX, &st);
        assert_eq!(l.photos.len(), 2);
        let b = l.photos[0];
        assert_eq!(
            (b.photo, b.rows),
            (0, rows_for(usize::from(b.width)) as u16)
        );
        let at = |text: &str| {
            l.lines
                .iter()
                .position(|x| x.plain().contains(text))
                .unwrap()
        };
        assert!(at("第一段") < b.line && b.line + usize::from(b.rows) <= at("图为会场"));
        assert!(at("图为会场") < at("第二段"));
        for r in 0..usize::from(b.rows) {
            assert!(is_row(&l.lines[b.line + r]));
        }
        assert!(
            l.photos[1].line > at("第二段"),
            "past the end: after the last"
        );
        assert!(l.lines[at("图为会场")].plain().contains("记者 某某摄"));
        // Off: no rows, the caption stays.
        let off = super::super::layout(
            &a,
            60,
            u16::MAX,
            &Settings {
                photos: false,
                ..st
            },
        );
        assert!(off.photos.is_empty() && !off.lines.iter().any(is_row));
        assert!(off.lines.iter().any(|x| x.plain().contains("图为会场")));
    }

    #[test]
    fn rows_are_capped_and_columns_keep_the_box_in_one_column() {
        assert_eq!(rows_for(0), MIN_ROWS);
        assert_eq!(rows_for(400), MAX_ROWS);
        let st = Settings {
            columns: true,
            ..Settings::default()
        };
        let l = super::super::layout(&article(), 160, 30, &st);
        assert!(l.page_rows.is_some());
        for b in &l.photos {
            assert!(usize::from(b.left) + usize::from(b.width) <= 160);
            for r in 0..usize::from(b.rows) {
                // Nothing visible inside the box.
                let line = &l.lines[b.line + r];
                let mut x = 0;
                for c in line.plain().chars() {
                    let inside = (b.left..b.left + b.width).contains(&x);
                    assert!(c == ' ' || !inside, "{line:?}");
                    x += crate::text::char_width(c, false) as u16;
                }
            }
            // Never across a screen.
            assert_eq!(b.line / 30, (b.line + usize::from(b.rows) - 1) / 30);
        }
    }
}
