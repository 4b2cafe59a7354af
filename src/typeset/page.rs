//! Page-level lines (series banner, page theme, column label, staff credits) set above
//! the first article of a page, centred, so what the page printed is seen in the reader.

use super::{Line, Role, Settings, Span};
use crate::model::{Page, PageLineKind};
use crate::text::{str_width, truncate};

/// The page's own lines for a pane `width` cells wide, followed by a blank line; empty
/// when the page has none, in the script of `settings`. Staff credits are left for the
/// end of the page (not here).
pub fn header(page: &Page, width: u16, settings: &Settings) -> Vec<Line> {
    let (ambiguous_wide, script) = (settings.ambiguous_wide, settings.script);
    let w = usize::from(width);
    let mut out: Vec<Line> = page
        .lines
        .iter()
        .filter(|l| l.kind != PageLineKind::Credit)
        .map(|l| {
            let line = crate::text::script::convert_line(&l.text, script);
            let text = truncate(&line, w, ambiguous_wide);
            let pad = (w - str_width(&text, ambiguous_wide).min(w)) / 2;
            let mut spans = Vec::new();
            if pad > 0 {
                spans.push(Span {
                    text: " ".repeat(pad),
                    role: Role::Space,
                    source: None,
                });
            }
            spans.push(Span {
                text,
                role: Role::Column,
                source: None,
            });
            Line { spans }
        })
        .collect();
    if !out.is_empty() {
        out.push(Line::default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PageLine;

    #[test]
    fn banner_and_column_label_are_centred_and_never_too_wide() {
        let page = Page {
            scan: None,
            number: "01".into(),
            section: None,
            lines: vec![
                PageLine {
                    kind: PageLineKind::Banner,
                    text: "抓落实 见行动".into(),
                },
                PageLine {
                    kind: PageLineKind::Credit,
                    text: "本版责编：某某".into(),
                },
            ],
            articles: vec![],
        };
        let lines = header(&page, 21, &Settings::default());
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].plain(), "    抓落实 见行动");
        assert!(lines[1].spans.is_empty());
        for w in 0..30 {
            for l in header(&page, w, &Settings::default()) {
                assert!(l.width(false) <= usize::from(w));
            }
        }
        assert!(header(&Page::default(), 40, &Settings::default()).is_empty());
    }
}
