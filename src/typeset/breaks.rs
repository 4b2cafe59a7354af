//! Where a paragraph's lines break: of all the ways to break it at the allowed breaks,
//! the one that costs least (dynamic programming over break points, as Knuth and Plass
//! do for print, with costs made for a cell grid). A turnover line costs nothing when it
//! ends flush with the text block, a little when a pause or closing mark hangs into the
//! margin (行尾点号悬挂) to get there, more for each gap `justify` must insert, and much
//! when it cannot be filled without a hole and ends short. So a character moves down a
//! line, or one comes up, before a gap opens anywhere.

use super::classes::{hangs, is_space};
use super::fill::{Frame, SetLine, fill_into};
use super::justify::{fit, gap_class};
use super::stream::{Brk, Stream};

/// Cost of a line ending in a hung mark (hanging is good; not hanging, as good and
/// slightly quieter).
const HANG: u32 = 1;
/// How far below the measure (in cells) a line's end is looked for before the longest
/// line that fits is taken as the only choice.
const WINDOW: usize = 12;
const INF: u32 = u32::MAX;

/// Buffers reused from paragraph to paragraph.
#[derive(Debug, Default)]
pub struct Breaker {
    /// `pw[g]`: cells of glyphs `0..g`.
    pw: Vec<u32>,
    /// `places[k][g]`: gap places of class `k` before glyphs `1..g`.
    places: [Vec<u32>; 2],
    /// `must[g]`: the first mandatory break after glyph `g`.
    must: Vec<u32>,
    cost: Vec<u32>,
    back: Vec<u32>,
}

/// One candidate line: where its text ends, its width, its hung mark.
struct Cand {
    end: usize,
    used: usize,
    hung: usize,
}

/// Set the paragraph held in `s` into `out`: the first line in `first`, the others in
/// `rest`, a mark may hang up to `margin` cells past the measure. Falls back to greedy
/// filling (no hanging) when a word is wider than a line.
pub fn set(
    s: &Stream,
    first: Frame,
    rest: Frame,
    margin: usize,
    bk: &mut Breaker,
    out: &mut Vec<SetLine>,
) {
    let n = s.len();
    out.clear();
    if n == 0 {
        fill_into(s, 0, n, first, rest, out);
        return;
    }
    bk.prepare(s);
    for a in 0..n {
        if bk.cost[a] == INF {
            continue;
        }
        let frame = if a == 0 { first } else { rest };
        bk.from(s, a, frame, margin);
    }
    if bk.cost[n] == INF {
        fill_into(s, 0, n, first, rest, out);
        return;
    }
    let mut b = n;
    while b > 0 {
        let a = bk.back[b] as usize;
        let frame = if a == 0 { first } else { rest };
        let c = bk.line(s, a, b, frame, margin).unwrap_or(Cand {
            end: a,
            used: 0,
            hung: 0,
        });
        out.push(SetLine {
            frame,
            start: a,
            end: c.end,
            used: c.used,
            last: b == bk.must[a] as usize,
            hung: c.hung,
        });
        b = a;
    }
    out.reverse();
}

impl Breaker {
    fn prepare(&mut self, s: &Stream) {
        let n = s.len();
        self.pw.clear();
        self.pw.reserve(n + 1);
        let mut w = 0u32;
        self.pw.push(0);
        for &x in &s.widths {
            w += u32::from(x);
            self.pw.push(w);
        }
        let mut count = [0u32; 2];
        for (k, p) in self.places.iter_mut().enumerate() {
            p.clear();
            p.reserve(n + 1);
            p.push(0);
            p.push(0);
            count[k] = 0;
        }
        for g in 1..n {
            if let Some(k) = gap_class(s, g) {
                count[k as usize] += 1;
            }
            self.places[0].push(count[0]);
            self.places[1].push(count[1]);
        }
        self.must.clear();
        self.must.resize(n + 1, n as u32);
        let mut next = n as u32;
        for g in (0..n).rev() {
            self.must[g] = next;
            if g > 0 && s.brk[g] == Brk::Must {
                next = g as u32;
            }
        }
        self.cost.clear();
        self.cost.resize(n + 1, INF);
        self.back.clear();
        self.back.resize(n + 1, 0);
        self.cost[0] = 0;
    }

    /// The line `a..b`, if it fits: trailing spaces and hidden chars dropped, its last
    /// mark hung when only that takes it past the measure.
    fn line(&self, s: &Stream, a: usize, b: usize, frame: Frame, margin: usize) -> Option<Cand> {
        let mut e = b;
        while e > a && (is_space(s.chars[e - 1]) || s.hidden[e - 1]) {
            e -= 1;
        }
        let used = (self.pw[e] - self.pw[a]) as usize;
        let m = frame.measure;
        if used <= m {
            return Some(Cand {
                end: e,
                used,
                hung: 0,
            });
        }
        let last = usize::from(s.widths[e - 1]);
        (used <= m + margin && used - last <= m && hangs(s.chars[e - 1])).then_some(Cand {
            end: e,
            used,
            hung: last,
        })
    }

    /// Try every line starting at `a` whose end is worth a look.
    fn from(&mut self, s: &Stream, a: usize, frame: Frame, margin: usize) {
        let limit = self.must[a] as usize;
        let m = frame.measure;
        let base = self.pw[a];
        let lo = m.saturating_sub(WINDOW) as u32;
        let g0 = a + 1 + self.pw[a + 1..=limit].partition_point(|&x| x - base < lo);
        // The longest line ending below the window, in case nothing in it fits.
        let mut low = g0.min(limit + 1) - 1;
        while low > a && s.brk[low] == Brk::No {
            low -= 1;
        }
        if low > a {
            self.relax(s, a, low, limit, frame, margin);
        }
        for b in g0..=limit {
            if b < limit && s.brk[b] == Brk::No {
                continue;
            }
            if !self.relax(s, a, b, limit, frame, margin) {
                let e_w = (self.pw[b] - base) as usize;
                if e_w > m + margin && !is_space(s.chars[b - 1]) {
                    break;
                }
            }
        }
    }

    /// Offer the line `a..b` to state `b`; false when it does not fit.
    fn relax(
        &mut self,
        s: &Stream,
        a: usize,
        b: usize,
        limit: usize,
        frame: Frame,
        margin: usize,
    ) -> bool {
        let Some(c) = self.line(s, a, b, frame, margin) else {
            return false;
        };
        if c.end == a && b < limit {
            // Only blanks: not a line of its own.
            return true;
        }
        let mut cost = if c.hung > 0 { HANG } else { 0 };
        if b < limit {
            let short = frame.measure.saturating_sub(c.used - c.hung);
            let lo = (a + 1).min(c.end);
            let script = (self.places[0][c.end] - self.places[0][lo]) as usize;
            let punct = (self.places[1][c.end] - self.places[1][lo]) as usize;
            cost += fit(short, script, punct).cost;
        }
        let total = self.cost[a].saturating_add(cost);
        if total < self.cost[b] {
            self.cost[b] = total;
            self.back[b] = a as u32;
        }
        true
    }
}
