//! The typesetter: (article, pane width, settings) → lines of styled spans, set by the
//! rules for Chinese text in a cell grid (see `shared/TYPESETTING.md`).
//!
//! Line breaks come from UAX #14 (`unicode-linebreak`) with the clreq prohibitions on
//! top ([`classes`], `stream`). The text runs in a block no wider than the reading
//! measure ([`measure`], [`Settings::measure`]), centred in the pane, with a two-cell
//! margin on its right where a pause or closing mark may hang (行尾点号悬挂).
//! Paragraphs are broken where the whole costs least (`breaks`): turnover lines end
//! flush with the block, a mark hung past it where that fills a line; `justify` may add
//! one cell where Han meets Latin or digits — never beside a mark, never between two
//! Han characters, never two cells; a line a little too long may set up to three
//! full-width marks half-width (标点挤压, `。` as `｡`, `，` as `,`; `。”` hung as `｡”`) where
//! it would otherwise end two or more cells short; a line that cannot be filled without
//! a hole ends short. Headlines are centred in the block and balanced, broken between the words
//! the segmenter finds where they read best (`blocks`, `headline`, `words`), a `——`
//! opening the line of the words it introduces; bylines and credits
//! break only at spaces; wide panes may set the body in columns of the measure
//! (`columns`). [`Cache`] keeps layouts for the UI; [`audit`] checks a layout against
//! the rules and counts gaps, hung marks and short lines (the tests and
//! `examples/typeset_audit`).
//!
//! Every sourced span maps its chars one to one onto its field (display may show `,` as
//! `，`, a full-width mark in its half-width form, and [`Settings::script`] another script of the same char); indents, gaps, padding and the full-width space after a dateline are
//! `Role::Space` spans without a source.
//!
//! Degenerate widths: at width 1 a wide char cannot fit a line at all and is left out;
//! from width 2 up every visible char is shown (below 10 cells the clreq rules may give
//! way inside runs wider than the line). Control and bidi characters
//! are never shown (the newline is a hard break); spaces at a line end are dropped when
//! they do not fit.

#[cfg(feature = "dev")]
pub mod audit;
mod blocks;
mod breaks;
mod cache;
pub mod classes;
mod columns;
mod emit;
mod fill;
mod headline;
mod justify;
pub mod measure;
pub mod page;
pub mod photo;
mod plain;
mod stream;
mod words;

pub use cache::Cache;
pub use columns::{GUTTER, MIN_COLUMN, Plan, plan as column_plan};
pub use photo::PhotoBlock;

use crate::model::{Anchor, Article, Field};
use crate::text::script::{self, Script};

/// Typesetting choices the reader can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Settings {
    /// Show ASCII punctuation between Han characters in full-width form.
    pub fullwidth_punct: bool,
    /// East Asian Ambiguous characters take two cells.
    pub ambiguous_wide: bool,
    /// Set the body in columns when the pane is wide enough.
    pub columns: bool,
    /// The reading measure: the widest the text block runs, in cells (a Han character
    /// takes two). A wider pane centres the block.
    pub measure: u16,
    /// The script text is shown in: converted before it is set, so widths and breaks
    /// are the converted text's; sources still point into the stored text (the
    /// conversion keeps every field's char count).
    pub script: Script,
    /// Give each photo a box of rows in the text (off: captions only).
    pub photos: bool,
    /// Which marks a line a little too long may set in their half-width form to fit
    /// (标点挤压): by default one `。` or `、` a line ([`Squeeze::Stops`]).
    pub squeeze_punct: Squeeze,
}

/// Which full-width marks the paragraph breaker may set in their half-width form to fit
/// a line a cell or so too long (标点挤压), where the line would otherwise end two or
/// more cells short or need a gap beside a mark: the last resort before those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Squeeze {
    /// Every mark keeps its two cells.
    Off,
    /// At most one full stop or enumeration comma a line, in its own half-width form
    /// (`。`→`｡`, `、`→`､`: the same mark without its blank half, as print sets a
    /// mark at a line's end or beside another). A comma stays full-width: its
    /// half-width form is the Western `,`.
    #[default]
    Stops,
    /// Up to three of `，。、：；！？（）` a line (`，` then shows as a Western `,`).
    All,
}

impl Squeeze {
    /// Most marks one line sets half-width.
    #[inline]
    pub fn most(self) -> usize {
        match self {
            Squeeze::Off => 0,
            Squeeze::Stops => 1,
            Squeeze::All => justify::MAX_SQUEEZE,
        }
    }

    /// May `c`, a full-width mark with a half-width form, be set so?
    #[inline]
    pub fn takes(self, c: char) -> bool {
        match self {
            Squeeze::Off => false,
            Squeeze::Stops => matches!(c, '。' | '、'),
            Squeeze::All => classes::half_form(c).is_some(),
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            fullwidth_punct: true,
            ambiguous_wide: false,
            columns: false,
            measure: measure::DEFAULT_MEASURE,
            script: Script::AsPrinted,
            photos: true,
            squeeze_punct: Squeeze::Stops,
        }
    }
}

impl Settings {
    /// The measure `cells` wider (or narrower, when negative), starting from what a
    /// pane whose widest block is `widest` cells shows (a measure wider than that sets
    /// the same lines), kept within [`measure::MIN_MEASURE`]..=`widest` (and
    /// [`measure::MAX_MEASURE`]): `>` never runs past the pane and `<` acts at once.
    pub fn with_measure_step(self, cells: i32, widest: u16) -> Settings {
        let top = i32::from(widest.clamp(measure::MIN_MEASURE, measure::MAX_MEASURE));
        let now = i32::from(self.measure).min(top);
        let m = (now + cells).clamp(i32::from(measure::MIN_MEASURE), top);
        Settings {
            measure: m as u16,
            ..self
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
    /// The photos' boxes, in line order.
    pub photos: Vec<PhotoBlock>,
}

impl Layout {
    /// The first line showing the anchored char (or the nearest before it).
    pub fn line_of(&self, anchor: Anchor) -> usize {
        let Some(field) = anchor.field else { return 0 };
        let mut before: Option<(usize, usize)> = None; // (start, line)
        let mut ends_at = None;
        for (i, line) in self.lines.iter().enumerate() {
            for s in &line.spans {
                let Some(src) = s.source else { continue };
                if src.field != field || src.start > anchor.offset {
                    continue;
                }
                let end = src.start + s.text.chars().count();
                if anchor.offset < end {
                    return i;
                }
                if anchor.offset == end {
                    ends_at = Some(i);
                }
                if before.is_none_or(|(start, _)| src.start >= start) {
                    before = Some((src.start, i));
                }
            }
        }
        // Just past the end of its text: the blank line after it (see `anchor_at`).
        if let Some(i) = ends_at
            && self
                .lines
                .get(i + 1)
                .is_some_and(|l| l.spans.iter().all(|s| s.source.is_none()))
        {
            return i + 1;
        }
        before.map_or(0, |(_, i)| i)
    }

    /// The anchor of the first source char on or after `line`; on a blank line after
    /// text, the place just past the end of that text, so that [`Layout::line_of`] gives
    /// the blank line back (a reader who left a blank line at the top finds it there).
    pub fn anchor_at(&self, line: usize) -> Anchor {
        let blank = |l: &Line| l.spans.iter().all(|s| s.source.is_none());
        if let Some(l) = self.lines.get(line)
            && blank(l)
            && line > 0
            && let Some(prev) = self.lines.get(line - 1)
            && let Some((src, n)) = (prev.spans.iter().rev())
                .find_map(|s| s.source.map(|src| (src, s.text.chars().count())))
        {
            return Anchor {
                field: Some(src.field),
                offset: src.start + n,
            };
        }
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
/// only for columns; pass `u16::MAX` for an unbounded pane).
///
/// In columns (`settings.columns` and a pane of at least two columns of
/// [`MIN_COLUMN`] cells), every line is one full screen row (column pieces padded and
/// joined by gutters), the headline spans the pane on the first screen, and
/// `page_rows` is `Some(height)`: the UI scrolls by screens.
pub fn layout(article: &Article, width: u16, height: u16, settings: &Settings) -> Layout {
    let article = &*script::convert_article(article, settings.script);
    let w = width.max(1) as usize;
    if let Some(p) = columns::plan(width, height, settings) {
        let mut photos = Vec::new();
        return Layout {
            width,
            lines: columns::layout(article, height as usize, p, settings, &mut photos),
            page_rows: Some(height as usize),
            photos,
        };
    }
    // Room for every line, so the list is not copied as it grows.
    let chars: usize = article
        .paragraphs
        .iter()
        .map(|p| p.text.len())
        .sum::<usize>()
        / 3;
    let mut lines = Vec::with_capacity(16 + article.paragraphs.len() + chars * 2 / w);
    let b = measure::block(w, settings);
    blocks::head(article, b.width, settings, &mut lines);
    let mut photos = Vec::new();
    blocks::body(
        article,
        b.width,
        b.margin,
        settings,
        &mut lines,
        &mut photos,
    );
    measure::shift(&mut lines, b.left);
    for p in &mut photos {
        p.left += b.left as u16;
    }
    Layout {
        width,
        lines,
        page_rows: None,
        photos,
    }
}

/// Set one paragraph of plain text (no headline, indent and flush turnover lines) in a
/// pane of `width` cells: the body setting without an article around it.
pub fn set_paragraph(field: Field, text: &str, width: u16, settings: &Settings) -> Vec<Line> {
    let text = &*script::convert_line(text, settings.script);
    let mut out = Vec::new();
    let b = measure::block(width.max(1) as usize, settings);
    blocks::paragraph(
        &mut blocks::Blocks::default(),
        &[(field, Role::Body, text)],
        0,
        b.width,
        b.margin,
        settings,
        &mut out,
    );
    measure::shift(&mut out, b.left);
    out
}
