//! Justification of turnover lines: where the cells a line ends short go, and the clreq
//! remedy that moves whole characters first (推入: push the last characters of the line
//! before down, so the short line fills), so that gaps between two Han characters are
//! rare. A line ending one cell short is left alone: a grid cannot do better.

use super::classes::{is_han, is_space, no_end, stretch_after};
use super::fill::SetLine;
use super::stream::{Brk, Stream};

/// Cost of one cell of justifying gap.
const GOOD: u32 = 1;
/// Cost of the one gap between two Han characters a line may have.
const HAN_GAP: u32 = 40;
/// Cost of a line that cannot be made flush (it stays ragged).
const RAGGED: u32 = 1000;

/// Counter and unit characters a number stays tight with (`2022年`, `17个`, `40.59亿元`).
pub fn is_unit(c: char) -> bool {
    matches!(
        c,
        '年' | '月'
            | '日'
            | '号'
            | '时'
            | '点'
            | '分'
            | '秒'
            | '个'
            | '亿'
            | '万'
            | '千'
            | '百'
            | '元'
            | '余'
            | '多'
            | '名'
            | '人'
            | '家'
            | '项'
            | '次'
            | '倍'
            | '岁'
            | '天'
            | '米'
            | '吨'
            | '件'
            | '位'
            | '条'
            | '户'
            | '亩'
            | '届'
            | '期'
            | '%'
            | '％'
            | '‰'
            | '℃'
            | '°'
    )
}

fn digitish(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Where a justifying cell may go before glyph `g`, best first: 0 beside a pause, stop
/// or closing mark or before an opening one; 1 where Han meets Latin or digits (not
/// between a number and its unit, nor after `第`); 2 between two glyphs of the same
/// script (Han–Han). `None`: no gap here.
fn class(s: &Stream, g: usize) -> Option<usize> {
    if s.brk[g] != Brk::May || s.widths[g] == 0 || s.hidden[g - 1] {
        return None;
    }
    let (p, c) = (s.chars[g - 1], s.chars[g]);
    if is_space(p) || is_space(c) {
        return None;
    }
    if stretch_after(p) || no_end(c) {
        Some(0)
    } else if (digitish(p) && is_unit(c)) || (p == '第' && digitish(c)) {
        None
    } else if is_han(p) != is_han(c) {
        Some(1)
    } else {
        Some(2)
    }
}

/// Plan the gaps that make line `l` flush into `gaps` (glyph to insert before, cells),
/// and return the line's cost: 0 when it needs none, [`GOOD`] per cell of gap (and a
/// little more for a three-cell gap), [`HAN_GAP`] more for the (single) gap between
/// Han characters, and
/// [`RAGGED`] (no gaps) when it cannot be made flush.
pub fn plan(
    s: &Stream,
    l: &SetLine,
    classes: &mut [Vec<usize>; 3],
    gaps: &mut Vec<(usize, usize)>,
) -> u32 {
    gaps.clear();
    let short = l.frame.measure.saturating_sub(l.used);
    if l.last || short < 2 {
        return 0;
    }
    if l.end <= l.start + 1 {
        return RAGGED;
    }
    for c in classes.iter_mut() {
        c.clear();
    }
    for g in l.start + 1..l.end {
        if let Some(k) = class(s, g) {
            classes[k].push(g);
        }
    }
    let good = classes[0].len() + classes[1].len();
    let mut left = short;
    let mut cost = 0;
    // Beside marks and at script changes: two cells each, three when that makes it.
    for cap in [2, 3] {
        for class in &classes[..2] {
            let n = class.len();
            if left == 0 || n == 0 {
                continue;
            }
            let take = left.min(cap * n);
            spread(class, take, gaps);
            left -= take;
        }
        if left == 0 || (cap == 2 && left > good) {
            break;
        }
    }
    if left > 0 {
        // The last resort: one gap between Han characters, mid-line.
        let c = &classes[2];
        if left > 3 || c.is_empty() {
            gaps.clear();
            return RAGGED;
        }
        gaps.push((c[c.len() / 2], left));
        cost += HAN_GAP;
    }
    gaps.sort_unstable();
    gaps.dedup_by(|a, b| {
        if a.0 == b.0 {
            b.1 += a.1;
            true
        } else {
            false
        }
    });
    if gaps.iter().any(|g| g.1 > 3) {
        gaps.clear();
        return RAGGED;
    }
    // Each cell costs; a gap of three cells reads as a hole and costs more.
    cost + gaps
        .iter()
        .map(|g| GOOD * g.1 as u32 + if g.1 >= 3 { 2 } else { 0 })
        .sum::<u32>()
}

/// `take` cells over the glyph positions in `class`, evenly.
fn spread(class: &[usize], take: usize, gaps: &mut Vec<(usize, usize)>) {
    let n = class.len();
    if take <= n {
        for k in 0..take {
            gaps.push((class[(2 * k + 1) * n / (2 * take)], 1));
        }
    } else {
        for (k, &g) in class.iter().enumerate() {
            gaps.push((g, take / n + usize::from(k < take % n)));
        }
    }
}

/// Line `l` ending its glyphs at `vis` (spaces and hidden chars after it trimmed), with
/// the spaces up to `upto` that still fit.
fn reset_end(s: &Stream, l: &mut SetLine, vis: usize, upto: usize) {
    let mut end = vis;
    let mut w = s.width(l.start, vis);
    while end < upto && is_space(s.chars[end]) && w + s.widths[end] as usize <= l.frame.measure {
        w += s.widths[end] as usize;
        end += 1;
    }
    l.end = end;
    l.used = w;
}

fn trim(s: &Stream, a: usize, mut b: usize) -> usize {
    while b > a && (is_space(s.chars[b - 1]) || s.hidden[b - 1]) {
        b -= 1;
    }
    b
}

/// 推入: where a turnover line needs any gap (or stays ragged), push the last one to
/// three break units of the line before it down onto it when that lowers the cost of
/// the pair — whole characters move before spaces are spread, and a gap between Han
/// characters is taken only when no move avoids it. Breaks stay at allowed break
/// points; nothing else moves. (A line opening a paragraph has no line before it: it
/// keeps its gap.)
pub fn repair(s: &Stream, lines: &mut [SetLine], classes: &mut [Vec<usize>; 3]) {
    let mut gaps = Vec::new();
    for k in 1..lines.len() {
        let (before, after) = lines.split_at_mut(k);
        let (prev, cur) = (&mut before[k - 1], &mut after[0]);
        if prev.last || cur.start <= prev.start {
            continue;
        }
        let c0 = plan(s, cur, classes, &mut gaps);
        if c0 == 0 {
            continue;
        }
        let p0 = plan(s, prev, classes, &mut gaps);
        let mut best = (p0 + c0, None);
        // Candidate breaks inside the line before, from its end back.
        let mut b = cur.start;
        for _ in 0..3 {
            b -= 1;
            while b > prev.start + 1 && s.brk[b] != Brk::May {
                b -= 1;
            }
            if b <= prev.start + 1 || s.brk[b] != Brk::May {
                break;
            }
            let vis = trim(s, prev.start, b);
            if vis <= prev.start {
                break;
            }
            let mut p = prev.clone();
            reset_end(s, &mut p, vis, b);
            let mut c = cur.clone();
            c.start = b;
            let cv = trim(s, b, cur.end);
            if s.width(b, cv) > c.frame.measure {
                break;
            }
            reset_end(s, &mut c, cv, cur.end);
            let cost = plan(s, &p, classes, &mut gaps) + plan(s, &c, classes, &mut gaps);
            if cost < best.0 {
                best = (cost, Some((p, c)));
            }
        }
        if let Some((p, c)) = best.1 {
            *prev = p;
            *cur = c;
        }
    }
}
