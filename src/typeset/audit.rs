//! Checks a layout against the rules of the typesetter: no line wider than the pane, no
//! line-start or line-end fault, nothing unbreakable cut, no text lost, turnover lines
//! flush; in headlines, no `——` left alone or at a line's end and no break inside a word
//! or name (by the segmenter, looked up here on its own). Used by the tests and property
//! tests; cheap enough for a debug check.

use super::classes::{
    display_char, half_form, hangs, is_han, is_hidden, is_space, no_end, no_start,
};
use super::measure::block;
use super::stream::{Brk, Stream};
use super::{Layout, Role, Settings};
use crate::model::{Article, Field};
use crate::text::char_width;

/// What an audit found.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Every broken rule, described.
    pub faults: Vec<String>,
    /// Lines inside a paragraph that continue on the next line.
    pub turnovers: usize,
    /// Turnover lines ending two or more cells short of the text block's edge (a hung
    /// mark aside).
    pub ragged: usize,
    /// Turnover lines ending one cell short of the edge.
    pub one_short: usize,
    /// Lines of paragraph text (body, caption, dateline, speaker).
    pub body_lines: usize,
    /// Body lines holding any inserted gap (a space the typesetter added inside text).
    pub gap_lines: usize,
    /// Body lines holding a run of two or more blank cells with an inserted one in it.
    pub wide_gaps: usize,
    /// Lines with a gap inserted between two Han characters.
    pub han_gaps: usize,
    /// Lines with a mark hung past the text block's edge.
    pub hung: usize,
    /// Lines with a full-width mark set in its half-width form (标点挤压).
    pub squeezed: usize,
    /// Body lines with a gap beside a punctuation mark (not at a change of script).
    pub mark_gaps: usize,
    /// Breaks inside a run that may not break but is wider than the whole text block
    /// (`（Innovation）、` in 8 cells): some rule must give way; not counted as faults.
    pub forced: usize,
    /// Breaks inside a headline (kicker, title, subtitle): where a line of one goes on
    /// on the next.
    pub headline_breaks: usize,
    /// Headline breaks inside a word or name of the segmenter (a word wider than the
    /// text block aside).
    pub word_breaks: usize,
    /// Headline lines holding nothing but a `——`, or ending with one that introduces
    /// the words on the next line.
    pub orphan_dashes: usize,
    /// What the headline counts found, described (not faults: counted).
    pub notes: Vec<String>,
    /// Which lines of the layout are the ragged ones (for looking at them).
    pub ragged_at: Vec<usize>,
}

impl Report {
    /// Add `other`'s counts to these (its faults are not copied: a sweep asserts or
    /// samples them itself).
    pub fn add_counts(&mut self, other: &Report) {
        self.turnovers += other.turnovers;
        self.ragged += other.ragged;
        self.one_short += other.one_short;
        self.body_lines += other.body_lines;
        self.gap_lines += other.gap_lines;
        self.wide_gaps += other.wide_gaps;
        self.han_gaps += other.han_gaps;
        self.hung += other.hung;
        self.squeezed += other.squeezed;
        self.mark_gaps += other.mark_gaps;
        self.forced += other.forced;
        self.headline_breaks += other.headline_breaks;
        self.word_breaks += other.word_breaks;
        self.orphan_dashes += other.orphan_dashes;
    }

    /// Share of turnover lines that are ragged.
    pub fn ragged_share(&self) -> f64 {
        if self.turnovers == 0 {
            0.0
        } else {
            self.ragged as f64 / self.turnovers as f64
        }
    }
}

/// Would a line break between `p` and `c` (with `pp` before `p`) cut something that must
/// stay whole: `……`, `——`, a number, a number and its unit, counter or sign, a Latin
/// word?
pub fn cuts_unit(pp: Option<char>, p: char, c: char) -> bool {
    let digit = |c: char| c.is_ascii_digit();
    (p == c && matches!(p, '…' | '⋯' | '—'))
        || (digit(p) && super::classes::is_unit(c))
        || (digit(p) && (digit(c) || matches!(c, '.' | ',' | '%' | '‰' | '℃' | '°' | '+')))
        || (matches!(p, '.' | ',') && digit(c) && pp.is_some_and(digit))
        || (matches!(p, '￥' | '$' | '¥' | '+') && digit(c))
        || (p.is_ascii_alphabetic() && c.is_ascii_alphabetic())
}

fn headline(role: Role) -> bool {
    matches!(role, Role::Kicker | Role::Title | Role::Subtitle)
}

/// A dash mark: `—` (half of `——`) or `⸺`.
fn dash(c: char) -> bool {
    matches!(c, '—' | '⸺')
}

fn paragraphish(role: Role) -> bool {
    matches!(
        role,
        Role::Body | Role::Caption | Role::Dateline | Role::Speaker
    )
}

/// Does field `b` continue field `a` in the same block (dateline or speaker → text)?
fn follows(a: Field, b: Field) -> bool {
    match (a, b) {
        (Field::Dateline, Field::Paragraph(_) | Field::Speaker(_)) => true,
        (Field::Speaker(i), Field::Paragraph(j)) => i == j,
        _ => false,
    }
}

/// Audit a layout set without columns (in columns only the text mapping holds).
pub fn audit(article: &Article, layout: &Layout, st: &Settings) -> Report {
    // The text as it was set: in the script asked for.
    let article = &*crate::text::script::convert_article(article, st.script);
    let mut rep = Report::default();
    let fields: Vec<(Field, Vec<char>)> = article
        .fields()
        .into_iter()
        .map(|(f, t)| (f, t.chars().collect()))
        .collect();
    let ends = shape(layout, st, &mut rep);
    mapping(&fields, layout, st, &mut rep);
    boundaries(&fields, layout, &ends, st, &mut rep);
    lone_dashes(layout, &mut rep);
    rep
}

/// Cells of the word `a..b` of `text` with what may not leave it: the marks that may
/// not start or end a line next to it, a number its unit belongs to (`1000万标箱`), a
/// `——` that introduces it.
fn glued_width(text: &[char], a: usize, b: usize, st: &Settings) -> usize {
    let (mut x, mut y) = (a, b);
    let pp = |i: usize| i.checked_sub(2).map(|j| text[j]);
    while x > 0 && (no_end(text[x - 1]) || cuts_unit(pp(x), text[x - 1], text[x])) {
        x -= 1;
    }
    if x >= 2 && dash(text[x - 1]) && dash(text[x - 2]) {
        x -= 2;
    }
    while y < text.len() && (no_start(text[y]) || cuts_unit(pp(y), text[y - 1], text[y])) {
        y += 1;
    }
    (x..y)
        .map(|i| {
            let prev = i.checked_sub(1).map(|j| text[j]);
            let c = display_char(prev, text[i], text.get(i + 1).copied(), st.fullwidth_punct);
            char_width(c, st.ambiguous_wide)
        })
        .sum()
}

/// Headline lines holding nothing but a dash.
fn lone_dashes(layout: &Layout, rep: &mut Report) {
    for line in &layout.lines {
        if !line.spans.iter().any(|s| headline(s.role)) {
            continue;
        }
        let text = line.plain();
        let t = text.trim_matches(is_space);
        if !t.is_empty() && t.chars().all(dash) {
            rep.orphan_dashes += 1;
            rep.notes.push(format!("a dash alone on a line: {text:?}"));
        }
    }
}

/// A headline break before char `at` of `text` (or, when `at > end`, at the spaces
/// `end..at`): count it, and whether it splits a word of the segmenter or leaves a
/// dash at the end of the line.
fn headline_break(
    text: &[char],
    end: usize,
    at: usize,
    blk: usize,
    st: &Settings,
    rep: &mut Report,
) {
    rep.headline_breaks += 1;
    let before: String = text[..end].iter().collect();
    let tail = before.trim_end_matches(is_space);
    if tail.ends_with("——") || tail.ends_with('⸺') {
        rep.orphan_dashes += 1;
        rep.notes
            .push(format!("a dash ends a headline line: {before:?} / …"));
    }
    let all: String = text.iter().collect();
    for (a, b) in super::words::words(&all) {
        let inside = (a < end && end < b) || (a < at && at < b);
        if !inside || b - a < 2 {
            continue;
        }
        let word: String = text[a..b].iter().collect();
        if glued_width(text, a, b, st) > blk {
            rep.forced += 1;
        } else {
            rep.word_breaks += 1;
            let after: String = text[at..].iter().collect();
            rep.notes.push(format!(
                "a headline breaks inside {word:?}: {before:?} / {after:?}"
            ));
        }
        break;
    }
}

/// Every char shown once, as stored or in its display form, nothing lost; no line
/// wider than the pane.
fn mapping(fields: &[(Field, Vec<char>)], layout: &Layout, st: &Settings, rep: &mut Report) {
    let width = layout.width.max(1) as usize;
    let mut seen: Vec<Vec<bool>> = fields.iter().map(|(_, t)| vec![false; t.len()]).collect();
    for (li, line) in layout.lines.iter().enumerate() {
        let mut squeezed = false;
        let w = line.width(st.ambiguous_wide);
        if w > width {
            rep.faults.push(format!(
                "line {li} is {w} cells wide in {width}: {}",
                line.plain()
            ));
        }
        for s in &line.spans {
            let Some(src) = s.source else {
                // The `——` the typesetter puts before a subtitle stored without one.
                let added_dash = s.role == Role::Subtitle && s.text.chars().all(|c| c == '—');
                if !added_dash && s.text.chars().any(|c| !is_space(c)) {
                    rep.faults
                        .push(format!("line {li}: unsourced text {:?}", s.text));
                }
                continue;
            };
            let Some(fi) = fields.iter().position(|(f, _)| *f == src.field) else {
                rep.faults
                    .push(format!("line {li}: span from missing field {src:?}"));
                continue;
            };
            let t = &fields[fi].1;
            for (k, c) in s.text.chars().enumerate() {
                let at = src.start + k;
                let Some(&orig) = t.get(at) else {
                    rep.faults
                        .push(format!("line {li}: span runs past {src:?}"));
                    break;
                };
                let prev = at.checked_sub(1).and_then(|j| t.get(j).copied());
                let shown = display_char(prev, orig, t.get(at + 1).copied(), true);
                let half = Some(c) == half_form(shown) || Some(c) == half_form(orig);
                squeezed |= half;
                if c != orig && c != shown && !half {
                    rep.faults.push(format!(
                        "line {li}: {c:?} shown for {orig:?} at {src:?}+{k}"
                    ));
                }
                if std::mem::replace(&mut seen[fi][at], true) {
                    rep.faults.push(format!(
                        "line {li}: char {at} of {:?} shown twice",
                        src.field
                    ));
                }
            }
        }
        rep.squeezed += usize::from(squeezed);
    }
    for (fi, (f, t)) in fields.iter().enumerate() {
        for (k, &c) in t.iter().enumerate() {
            let droppable = is_hidden(c)
                || c == ' '
                || c == '\u{3000}'
                || c == '\t'
                || (width == 1 && {
                    let prev = k.checked_sub(1).map(|j| t[j]);
                    let shown = display_char(prev, c, t.get(k + 1).copied(), st.fullwidth_punct);
                    char_width(shown, st.ambiguous_wide) > 1
                });
            if !seen[fi][k] && !droppable {
                rep.faults.push(format!("{f:?}: char {k} {c:?} lost"));
            }
        }
    }
}

/// Line ends and starts: the clreq prohibitions, nothing unbreakable cut (unless wider
/// than the block), and how far inner paragraph lines end from the block's edge.
fn boundaries(
    fields: &[(Field, Vec<char>)],
    layout: &Layout,
    ends: &[usize],
    st: &Settings,
    rep: &mut Report,
) {
    let blk = block(layout.width.max(1) as usize, st);
    let edge = blk.left + blk.width;
    let text_of = |f: Field| fields.iter().find(|(g, _)| *g == f).map(|(_, t)| t);
    for (li, pair) in layout.lines.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        let Some(last) = a.spans.iter().rev().find(|s| s.source.is_some()) else {
            continue;
        };
        let Some(first) = b.spans.iter().find(|s| s.source.is_some()) else {
            continue;
        };
        let (ls, fs) = (last.source.unwrap(), first.source.unwrap());
        let end = ls.start + last.text.chars().count();
        let continues = if ls.field == fs.field {
            fs.start >= end
                && text_of(ls.field).is_some_and(|t| {
                    t[end..fs.start]
                        .iter()
                        .all(|&c| is_space(c) || is_hidden(c))
                })
        } else {
            follows(ls.field, fs.field)
                && fs.start == 0
                && text_of(ls.field)
                    .is_some_and(|t| t[end..].iter().all(|&c| is_space(c) || is_hidden(c)))
        };
        if !continues {
            continue;
        }
        let tail: Vec<char> = last.text.chars().collect();
        let p = *tail.last().unwrap();
        let pp = tail.len().checked_sub(2).map(|i| tail[i]);
        let c = first.text.chars().next().unwrap();
        let hard = text_of(ls.field).is_some_and(|t| t[end..].first() == Some(&'\n'));
        if hard {
            continue;
        }
        if headline(last.role)
            && ls.field == fs.field
            && let Some(t) = text_of(ls.field)
        {
            headline_break(t, end, fs.start, blk.width, st, rep);
        }
        let spaced = fs.field != ls.field || fs.start > end || is_space(p) || is_space(c);
        // A headline may break before a `——` opening its next phrase.
        let phrase = matches!(first.role, Role::Title | Role::Kicker | Role::Subtitle)
            && first.text.starts_with("——");
        let broken = (no_start(c) && !phrase) || no_end(p) || (!spaced && cuts_unit(pp, p, c));
        let forced = broken
            && ls.field == fs.field
            && text_of(ls.field).is_some_and(|t| unit_width(t, end, st) > blk.width);
        if forced {
            rep.forced += 1;
        } else if broken {
            rep.faults.push(format!(
                "break between {p:?} and {c:?}: {:?} / {:?}",
                a.plain(),
                b.plain()
            ));
        }
        if paragraphish(last.role) && paragraphish(first.role) {
            rep.turnovers += 1;
            if ends[li] + 2 <= edge {
                rep.ragged += 1;
                rep.ragged_at.push(li);
            } else if ends[li] < edge {
                rep.one_short += 1;
            }
        }
    }
}

/// Cells of the run that may not break holding the break before char `at` of `text`.
fn unit_width(text: &[char], at: usize, st: &Settings) -> usize {
    let text: String = text.iter().collect();
    let s = Stream::new(&[(Field::Title, Role::Body, &text)], st);
    let mut a = at.min(s.len());
    while a > 0 && s.brk[a] == Brk::No {
        a -= 1;
    }
    let mut b = (at + 1).min(s.len());
    while b < s.len() && s.brk[b] == Brk::No {
        b += 1;
    }
    while b > a && is_space(s.chars[b - 1]) {
        b -= 1;
    }
    s.width(a, b)
}

/// What one blank cell of a line is: added by the typesetter inside the text, or not.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cell {
    Inserted,
    Blank,
    Glyph(char),
}

/// The shape of every line: gaps inside the text, hung marks; returns where each line's
/// text ends (in cells, a hung mark left out), for the flushness count.
fn shape(layout: &Layout, st: &Settings, rep: &mut Report) -> Vec<usize> {
    let width = layout.width.max(1) as usize;
    let b = block(width, st);
    let edge = b.left + b.width;
    let mut ends = Vec::with_capacity(layout.lines.len());
    let mut cells: Vec<(Cell, usize)> = Vec::new();
    for (li, line) in layout.lines.iter().enumerate() {
        cells.clear();
        let first = line.spans.iter().position(|s| s.source.is_some());
        let last = line.spans.iter().rposition(|s| s.source.is_some());
        for (k, s) in line.spans.iter().enumerate() {
            let inside = first.is_some_and(|f| f < k) && last.is_some_and(|l| k < l);
            let added = s.source.is_none() && inside && s.text.chars().all(|c| c == ' ');
            for c in s.text.chars() {
                let w = crate::text::char_width(c, st.ambiguous_wide);
                let kind = if added {
                    Cell::Inserted
                } else if is_space(c) || c == '\u{A0}' {
                    Cell::Blank
                } else {
                    Cell::Glyph(c)
                };
                cells.push((kind, w));
            }
        }
        let body = line.spans.iter().any(|s| paragraphish(s.role));
        gaps(&cells, body, rep);
        // Where the text ends, and whether its last mark hangs past the block.
        let vis = cells
            .iter()
            .rposition(|(k, _)| matches!(k, Cell::Glyph(_)))
            .map_or(0, |i| i + 1);
        let mut end: usize = cells[..vis].iter().map(|c| c.1).sum();
        if end > edge && layout.page_rows.is_none() {
            // The marks past the edge: one, or two (`。”`, `｡”`) within the margin.
            let mut w = 0;
            let mut k = vis;
            while k > 0 && end - w > edge && vis - k < 2 {
                match cells[k - 1] {
                    (Cell::Glyph(c), cw) if hangs(c) => w += cw,
                    _ => break,
                }
                k -= 1;
            }
            if end - w <= edge && (vis - k == 1 || w <= b.margin || end - edge <= b.margin) {
                rep.hung += 1;
                end -= w;
            } else {
                rep.faults.push(format!(
                    "line {li} runs {} cells past the text block: {}",
                    end - edge,
                    line.plain()
                ));
            }
        }
        ends.push(end);
    }
    ends
}

/// Count a line's inserted gaps: any, runs of two or more blank cells, Han–Han.
fn gaps(cells: &[(Cell, usize)], body: bool, rep: &mut Report) {
    let (mut any, mut wide, mut han, mut mark) = (false, false, false, false);
    let mut i = 0;
    while i < cells.len() {
        if matches!(cells[i].0, Cell::Glyph(_)) {
            i += 1;
            continue;
        }
        let start = i;
        let (mut w, mut added) = (0, false);
        while i < cells.len() && !matches!(cells[i].0, Cell::Glyph(_)) {
            w += cells[i].1;
            added |= cells[i].0 == Cell::Inserted;
            i += 1;
        }
        if !added {
            continue;
        }
        any = true;
        wide |= w >= 2;
        let before = start.checked_sub(1).map(|j| cells[j].0);
        let after = cells.get(i).map(|c| c.0);
        if let (Some(Cell::Glyph(p)), Some(Cell::Glyph(c))) = (before, after) {
            han |= is_han(p) && is_han(c);
            let latin = |c: char| c.is_ascii_alphanumeric() || c == '%';
            mark |= !((is_han(p) && latin(c)) || (latin(p) && is_han(c)));
        }
    }
    if body {
        rep.body_lines += 1;
        rep.mark_gaps += usize::from(mark);
        rep.gap_lines += usize::from(any);
        rep.wide_gaps += usize::from(wide);
    }
    rep.han_gaps += usize::from(han);
}

/// Cells a line's text takes, leading and trailing blanks left out.
pub fn text_cells(line: &super::Line, ambiguous_wide: bool) -> usize {
    let text = line.plain();
    let trimmed = text.trim_matches(is_space);
    crate::text::str_width(trimmed, ambiguous_wide)
}
