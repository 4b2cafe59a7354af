//! Checks a layout against the rules of the typesetter: no line wider than the pane, no
//! line-start or line-end fault, nothing unbreakable cut, no text lost, turnover lines
//! flush. Used by the tests and property tests; cheap enough for a debug check.

use super::classes::{display_char, is_hidden, is_space, no_end, no_start};
use super::{Layout, Role, Settings};
use crate::model::{Article, Field};
use crate::text::{char_width, str_width};

/// What an audit found.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Every broken rule, described.
    pub faults: Vec<String>,
    /// Lines inside a paragraph that continue on the next line.
    pub turnovers: usize,
    /// Turnover lines ending two or more cells short of the pane.
    pub ragged: usize,
}

impl Report {
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
/// stay whole: `……`, `——`, a number, a number and its unit or sign, a Latin word?
pub fn cuts_unit(pp: Option<char>, p: char, c: char) -> bool {
    let digit = |c: char| c.is_ascii_digit();
    (p == c && matches!(p, '…' | '⋯' | '—'))
        || (digit(p) && (digit(c) || matches!(c, '.' | ',' | '%' | '‰' | '℃' | '°' | '+')))
        || (matches!(p, '.' | ',') && digit(c) && pp.is_some_and(digit))
        || (matches!(p, '￥' | '$' | '¥' | '+') && digit(c))
        || (p.is_ascii_alphabetic() && c.is_ascii_alphabetic())
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

/// Audit a layout set without columns.
pub fn audit(article: &Article, layout: &Layout, st: &Settings) -> Report {
    let mut rep = Report::default();
    let width = layout.width.max(1) as usize;
    let fields: Vec<(Field, Vec<char>)> = article
        .fields()
        .into_iter()
        .map(|(f, t)| (f, t.chars().collect()))
        .collect();
    let text_of = |f: Field| fields.iter().find(|(g, _)| *g == f).map(|(_, t)| t);
    let mut seen: Vec<Vec<bool>> = fields.iter().map(|(_, t)| vec![false; t.len()]).collect();
    // Text mapping.
    for (li, line) in layout.lines.iter().enumerate() {
        let w = line.width(st.ambiguous_wide);
        if w > width {
            rep.faults.push(format!(
                "line {li} is {w} cells wide in {width}: {}",
                line.plain()
            ));
        }
        for s in &line.spans {
            let Some(src) = s.source else {
                if s.text.chars().any(|c| !is_space(c)) {
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
                if c != orig && c != shown {
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
    // Line boundaries.
    for li in 0..layout.lines.len().saturating_sub(1) {
        let (a, b) = (&layout.lines[li], &layout.lines[li + 1]);
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
        let spaced = fs.field != ls.field || fs.start > end || is_space(p) || is_space(c);
        // A headline may break before a `——` opening its next phrase.
        let phrase = matches!(first.role, Role::Title | Role::Kicker | Role::Subtitle)
            && first.text.starts_with("——");
        if (no_start(c) && !phrase) || no_end(p) || (!spaced && cuts_unit(pp, p, c)) {
            rep.faults.push(format!(
                "break between {p:?} and {c:?}: {:?} / {:?}",
                a.plain(),
                b.plain()
            ));
        }
        if paragraphish(last.role) && paragraphish(first.role) {
            rep.turnovers += 1;
            if a.width(st.ambiguous_wide) + 2 <= width {
                rep.ragged += 1;
            }
        }
    }
    let _ = str_width;
    rep
}
