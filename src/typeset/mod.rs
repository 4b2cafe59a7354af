//! The typesetter: (article, pane width, settings) → lines of styled spans, set by the
//! rules for Chinese text in a cell grid (see `shared/TYPESETTING.md`).
//!
//! SKELETON: greedy char wrap; the typesetting issue replaces it. The API below is the
//! contract the UI, CLI and search rely on.

use crate::model::{Anchor, Article, Field};
use crate::text::char_width;

/// Typesetting choices the reader can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Settings {
    /// Show ASCII punctuation between Han characters in full-width form.
    pub fullwidth_punct: bool,
    /// East Asian Ambiguous characters take two cells.
    pub ambiguous_wide: bool,
    /// Set the body in columns when the pane is wide enough.
    pub columns: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            fullwidth_punct: true,
            ambiguous_wide: false,
            columns: false,
        }
    }
}

/// What a span of text is, for styling; the UI maps roles to colours and weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Column,
    Kicker,
    Title,
    Subtitle,
    Byline,
    Dateline,
    Body,
    Speaker,
    Subhead,
    Caption,
    Credit,
    /// Indents, gutters and padding: no source text.
    Space,
}

/// Where a span's text comes from: its chars map one to one onto the chars of `field`
/// starting at char offset `start` (display may change `,` to `，`, never the count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Source {
    pub field: Field,
    pub start: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub role: Role,
    pub source: Option<Source>,
}

/// One line of the pane, never wider than the width it was set for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub spans: Vec<Span>,
}

impl Line {
    pub fn width(&self, ambiguous_wide: bool) -> usize {
        self.spans
            .iter()
            .map(|s| crate::text::str_width(&s.text, ambiguous_wide))
            .sum()
    }
    /// The line's text, spans joined.
    pub fn plain(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// An article set for one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub width: u16,
    pub lines: Vec<Line>,
    /// Set in columns: scroll by this many rows (one screen) at a time.
    pub page_rows: Option<usize>,
}

impl Layout {
    /// The first line showing the anchored char (or the nearest before it).
    pub fn line_of(&self, anchor: Anchor) -> usize {
        let Some(field) = anchor.field else { return 0 };
        let mut best = 0;
        for (i, line) in self.lines.iter().enumerate() {
            for s in &line.spans {
                if let Some(src) = s.source
                    && src.field == field
                    && src.start <= anchor.offset
                {
                    best = i;
                }
            }
        }
        best
    }

    /// The anchor of the first source char on or after `line`.
    pub fn anchor_at(&self, line: usize) -> Anchor {
        for l in self.lines.iter().skip(line) {
            for s in &l.spans {
                if let Some(src) = s.source {
                    return Anchor {
                        field: Some(src.field),
                        offset: src.start,
                    };
                }
            }
        }
        Anchor::default()
    }
}

/// Set an article for a pane `width` cells wide and `height` rows high (height matters
/// only for columns).
pub fn layout(article: &Article, width: u16, _height: u16, settings: &Settings) -> Layout {
    let mut lines = Vec::new();
    for (field, text) in article.fields() {
        let role = match field {
            Field::Title => Role::Title,
            Field::Kicker => Role::Kicker,
            _ => Role::Body,
        };
        let mut cur = String::new();
        let mut start = 0;
        let mut w = 0;
        for (i, c) in text.chars().enumerate() {
            let cw = char_width(c, settings.ambiguous_wide);
            if w + cw > width as usize && !cur.is_empty() {
                lines.push(Line {
                    spans: vec![Span {
                        text: std::mem::take(&mut cur),
                        role,
                        source: Some(Source { field, start }),
                    }],
                });
                start = i;
                w = 0;
            }
            if cw <= width as usize {
                cur.push(c);
                w += cw;
            }
        }
        if !cur.is_empty() {
            lines.push(Line {
                spans: vec![Span {
                    text: cur,
                    role,
                    source: Some(Source { field, start }),
                }],
            });
        }
    }
    Layout {
        width,
        lines,
        page_rows: None,
    }
}
