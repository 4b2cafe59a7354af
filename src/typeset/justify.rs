//! Justification in a cell grid, where every inserted cell shows: where a turnover
//! line may take one blank cell to end flush, and what each choice costs. One cell may
//! go where Han meets Latin or digits (before a word or number, after a word; not after
//! a number, nor after a unit or `第` as in `6月17日`, `第3`); never beside a pause,
//! stop or closing mark or an opening one, a one-cell quote included (`建设， 将`,
//! `说 “好` read as typos); never between two Han characters, never two cells in one
//! place. A line one cell short stays so; a
//! line that cannot be filled without a gap beside a mark or a hole ends short
//! (ragged), which `breaks` makes costly, so the paragraph is broken another way first.
//! A line a little too long may be compressed instead: full-width marks set in their
//! half-width form (标点挤压), marks beside another mark first; by default one `。` or
//! `、` a line ([`super::Squeeze`]), at most [`MAX_SQUEEZE`].

use super::classes::{is_cjk, is_han, is_space, is_unit};
use super::fill::SetLine;
use super::stream::Stream;

/// Cost of a one-cell gap where Han meets Latin or digits.
const SCRIPT: u32 = 2;
/// Lines costing this or more (a line ending two or more cells short, or fitted by a
/// mark set half-width) are the last resort of the paragraph breaker.
pub const COSTLY: u32 = 14;
/// Cost of a line left one cell short.
const ONE_SHORT: u32 = 5;
/// Cost of a line left two or more cells short (plus a cell's worth per cell).
pub const RAGGED: u32 = 100;
/// Cost of each mark set half-width to fit a line: more than a line a cell short, much
/// less than a ragged one, which it replaces.
pub const SQUEEZE: u32 = COSTLY;
/// Most marks one line sets half-width, whatever the settings ([`super::Squeeze::most`]).
pub const MAX_SQUEEZE: usize = 3;

/// May glyph `g`, a full-width mark, be set half-width (as the settings allow)? Not
/// beside Latin or digits
/// (`5，3` must not read as `5,3`).
#[inline]
pub fn squeezable(s: &Stream, g: usize) -> bool {
    if !s.squeeze.takes(s.chars[g]) || s.han[g] || s.widths[g] != 2 {
        return false;
    }
    let alnum = |i: Option<usize>| {
        i.and_then(|i| s.chars.get(i))
            .is_some_and(|c| c.is_ascii_alphanumeric())
    };
    !alnum(g.checked_sub(1)) && !alnum(Some(g + 1))
}

/// Is glyph `g` beside another mark (`。”`, `），`), where print compresses first?
fn paired(s: &Stream, g: usize) -> bool {
    let mark = |i: usize| {
        s.chars
            .get(i)
            .is_some_and(|&c| !is_han(c) && !c.is_alphanumeric() && !is_space(c) && s.widths[i] > 0)
    };
    (g > 0 && mark(g - 1)) || mark(g + 1)
}

/// The glyphs of line `l` set half-width (ascending), `l.squeeze` of them: the first of
/// two hung marks, then marks beside another mark, then the others, evenly spread; a
/// hung last mark keeps its width.
pub fn squeezed(s: &Stream, l: &SetLine, out: &mut Vec<usize>) {
    out.clear();
    if l.squeeze == 0 || l.end <= l.start {
        return;
    }
    let mut end = l.end;
    let mut need = l.squeeze;
    if l.hung > 0 {
        end -= 1;
        let last = usize::from(s.widths[l.end - 1]);
        if l.hung > last && l.hung - last < usize::from(s.widths[l.end - 2]) {
            end -= 1;
            out.push(end);
            need -= 1;
        }
    }
    let all: Vec<usize> = (l.start..end).filter(|&g| squeezable(s, g)).collect();
    let pairs: Vec<usize> = all.iter().copied().filter(|&g| paired(s, g)).collect();
    let take = need.min(pairs.len());
    spread(&pairs, take, out);
    let rest: Vec<usize> = all.iter().copied().filter(|g| !out.contains(g)).collect();
    spread(&rest, need - take, out);
    out.sort_unstable();
}

fn digitish(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Latin letters, digits and the `%` of a number: the side of a script change that is
/// not Han.
#[inline]
fn latinish(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '%'
    } else {
        (c as u32) < 0x2E80 && c.is_alphanumeric() && !is_cjk(c)
    }
}

/// May a gap go before glyph `g`? Only where Han meets Latin or digits: before a word
/// or number, after a word; never after a number (`3 场`, `13 周岁` read as typos), nor
/// inside a date or between a number and its unit (`6月 17日`), nor after `第`; never
/// beside a mark (a one-cell quote too: `说 “好`), between two Han characters, inside
/// a word or number, or next to a space.
#[inline]
pub fn script_gap(s: &Stream, g: usize) -> bool {
    if g == 0 || (s.han[g - 1] && s.han[g]) {
        return false;
    }
    if s.widths[g] == 0 || s.hidden[g - 1] || s.widths[g - 1] == 0 {
        return false;
    }
    let (p, c) = (s.chars[g - 1], s.chars[g]);
    if is_space(p) || is_space(c) || c == '\u{A0}' || p == '\u{A0}' {
        return false;
    }
    if is_han(p) && latinish(c) {
        return !is_unit(p) && p != '第';
    }
    is_han(c) && latinish(p) && !digitish(p) && p != '%'
}

/// How a line `short` cells short of its measure is made flush with `script` places
/// where Han meets Latin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// Gaps to put at script changes.
    pub script: usize,
    /// What the line costs the paragraph.
    pub cost: u32,
}

/// The cheapest way to fill `short` cells: none for one cell (it stays short); else
/// script gaps to end flush or one short; a line that would still be two or more short
/// takes no gap at all and stays ragged (a gap that does not straighten the edge is
/// only a blemish).
#[inline]
pub fn fit(short: usize, script: usize) -> Fit {
    if short <= 1 {
        // A cell short stays so: a grid cannot do better without a visible gap.
        return Fit {
            script: 0,
            cost: ONE_SHORT * short as u32,
        };
    }
    let sc = short.min(script);
    let left = short - sc;
    if left >= 2 {
        return Fit {
            script: 0,
            cost: RAGGED + short as u32,
        };
    }
    Fit {
        script: sc,
        cost: SCRIPT * sc as u32 + ONE_SHORT * left as u32,
    }
}

/// Plan the gaps that make line `l` flush into `gaps` (glyph to insert before, one cell
/// each), by [`fit`]: spread evenly over the script changes.
pub fn plan(s: &Stream, l: &SetLine, places: &mut Vec<usize>, gaps: &mut Vec<usize>) {
    gaps.clear();
    let short = l.short();
    if l.last || short == 0 {
        return;
    }
    places.clear();
    places.extend((l.start + 1..l.end).filter(|&g| script_gap(s, g)));
    let f = fit(short, places.len());
    spread(places, f.script, gaps);
}

/// `take` of the glyph positions in `class`, evenly spread.
fn spread(class: &[usize], take: usize, gaps: &mut Vec<usize>) {
    let n = class.len();
    for k in 0..take.min(n) {
        gaps.push(class[(2 * k + 1) * n / (2 * take)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_leaves_one_cell_prefers_script_gaps_and_never_opens_a_hole() {
        assert_eq!(fit(0, 0).cost, 0);
        // One cell short stays so, even where a script gap could fill it.
        assert_eq!(
            fit(1, 1),
            Fit {
                script: 0,
                cost: ONE_SHORT
            }
        );
        assert_eq!(fit(2, 2).script, 2);
        // Two short without a script change: ragged, no gap that would leave it one
        // short anyway.
        assert_eq!(
            fit(2, 0),
            Fit {
                script: 0,
                cost: RAGGED + 2
            }
        );
        assert_eq!(fit(4, 1).cost, RAGGED + 4);
        assert_eq!(
            fit(3, 2),
            Fit {
                script: 2,
                cost: 2 * SCRIPT + ONE_SHORT
            }
        );
    }

    #[test]
    fn no_gap_beside_a_narrow_quote_only_at_a_change_of_script() {
        let st = super::super::Settings::default();
        let s = Stream::new(
            &[(
                crate::model::Field::Title,
                super::super::Role::Body,
                "说“好”说GDP增长3场",
            )],
            &st,
        );
        let at: Vec<usize> = (0..s.len()).filter(|&g| script_gap(&s, g)).collect();
        // Before `GDP`, after it and before `3`; not beside the quotes, not after the
        // number (`3 场`).
        assert_eq!(at, [5, 8, 10]);
    }
}
