//! Where a paragraph's lines break: of all the ways to break it at the allowed breaks,
//! the one that costs least (dynamic programming over break points, as Knuth and Plass
//! do for print, with costs made for a cell grid). A turnover line costs nothing when it
//! ends flush with the text block, a little when a pause or closing mark hangs into the
//! margin (行尾点号悬挂) to get there (a closing pair, `。”`, both marks where the
//! margin has room), more for each gap `justify` must insert at a
//! change of script, and much when it cannot be filled without a hole or a gap beside
//! a mark and ends short. So a character moves down a
//! line, or one comes up, before a gap opens anywhere. A line a cell too long may fit
//! by setting a `。` or `、` in its half-width form (标点挤压, `justify`; up to three
//! marks, commas too, with `Squeeze::All`), the last two marks hanging where the first
//! is so set (`。”` as `｡”`): costlier than a line a cell short, cheaper than a gap
//! beside a quote, much cheaper than a ragged one.

use super::classes::{hangs, is_space};
use super::fill::{Frame, SetLine, fill_into};
use super::justify::{COSTLY, MAX_SQUEEZE, RAGGED, SQUEEZE, fit, script_gap, squeezable};
use super::stream::{Brk, Stream};

/// Cost of a line ending in a hung mark (hanging is good; not hanging, as good and
/// slightly quieter).
const HANG: u32 = 1;
/// How far below the measure (in cells) a line's end is looked for before the longest
/// line that fits is taken as the only choice.
const WINDOW: usize = 6;
const INF: u32 = u32::MAX;
/// Extra cost of a line ending in two hung marks.
const PAIR: u32 = 2;

/// Buffers reused from paragraph to paragraph.
#[derive(Debug, Default)]
pub struct Breaker {
    /// `pw[g]`: cells of glyphs `0..g`.
    pw: Vec<u32>,
    /// `places[g]`: script-change gap places before glyphs `1..g`.
    places: Vec<u32>,
    /// `must[g]`: the first mandatory break after glyph `g`.
    must: Vec<u32>,
    /// `sq[g]`: marks among glyphs `0..g` that may be set half-width.
    sq: Vec<u32>,
    cost: Vec<u32>,
    back: Vec<u32>,
    /// Where the last state's window started.
    cursor: usize,
}

/// One candidate line: where its text ends, its width, its hung mark.
struct Cand {
    end: usize,
    used: usize,
    hung: usize,
    squeeze: usize,
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
    if bk.greedy(s, first, rest, margin, out) {
        return;
    }
    out.clear();
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
        let c = bk.line(s, a, b, frame, margin, true).unwrap_or(Cand {
            end: a,
            used: 0,
            hung: 0,
            squeeze: 0,
        });
        out.push(SetLine {
            frame,
            start: a,
            end: c.end,
            used: c.used,
            last: b == bk.must[a] as usize,
            hung: c.hung,
            squeeze: c.squeeze,
        });
        b = a;
    }
    out.reverse();
}

impl Breaker {
    /// Each line taking all that fits (a mark hung when that fills it): when every
    /// turnover line so ends flush, nothing can do better and the search is skipped.
    /// Returns false (with `out` partly filled) at the first line that does not.
    fn greedy(
        &mut self,
        s: &Stream,
        first: Frame,
        rest: Frame,
        margin: usize,
        out: &mut Vec<SetLine>,
    ) -> bool {
        let n = s.len();
        let mut a = 0;
        while a < n {
            let frame = if a == 0 { first } else { rest };
            let limit = self.must[a] as usize;
            let mut best = None;
            for b in a + 1..=limit {
                if b < limit && s.brk[b] == Brk::No {
                    continue;
                }
                match self.line(s, a, b, frame, margin, false) {
                    Some(c) => best = Some((b, c)),
                    None if !is_space(s.chars[b - 1]) => break,
                    None => {}
                }
            }
            let Some((b, c)) = best else { return false };
            let last = b == limit;
            if !last && (c.end == a || frame.measure > c.used - c.hung) {
                return false;
            }
            out.push(SetLine {
                frame,
                start: a,
                end: c.end,
                used: c.used,
                last,
                hung: c.hung,
                squeeze: 0,
            });
            a = b;
        }
        true
    }

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
        self.places.clear();
        self.places.reserve(n + 1);
        self.places.extend([0, 0]);
        let mut count = 0u32;
        for g in 1..n {
            count += u32::from(script_gap(s, g));
            self.places.push(count);
        }
        self.sq.clear();
        self.sq.reserve(n + 1);
        self.sq.push(0);
        let mut count = 0u32;
        for g in 0..n {
            count += u32::from(squeezable(s, g));
            self.sq.push(count);
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
        self.cursor = 0;
    }

    /// The line `a..b`, if it fits: trailing spaces and hidden chars dropped, its last
    /// mark hung when only that takes it past the measure; with `squeeze`, a line a
    /// little too long fits by setting marks half-width ([`Breaker::squeezed`]).
    fn line(
        &self,
        s: &Stream,
        a: usize,
        b: usize,
        frame: Frame,
        margin: usize,
        squeeze: bool,
    ) -> Option<Cand> {
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
                squeeze: 0,
            });
        }
        let last = usize::from(s.widths[e - 1]);
        let hang = last <= margin && hangs(s.chars[e - 1]);
        if hang && used - last <= m {
            return Some(Cand {
                end: e,
                used,
                hung: last,
                squeeze: 0,
            });
        }
        // A closing pair (`。”`, `”。`, `！”`): both marks hang where the margin has
        // room for what runs past the edge.
        if hang && e >= a + 3 && hangs(s.chars[e - 2]) {
            let two = last + usize::from(s.widths[e - 2]);
            if used - m <= margin && used - two <= m {
                return Some(Cand {
                    end: e,
                    used,
                    hung: two,
                    squeeze: 0,
                });
            }
        }
        if squeeze {
            self.squeezed(s, a, e, m, margin, hang)
        } else {
            None
        }
    }

    /// The line `a..e` (`used` cells, more than the measure `m`) fitted by setting at
    /// most [`super::Squeeze::most`] marks half-width: inside the line, or beside a hung last
    /// mark, or with the last two marks hung, the first of them half-width.
    fn squeezed(
        &self,
        s: &Stream,
        a: usize,
        e: usize,
        m: usize,
        margin: usize,
        hang: bool,
    ) -> Option<Cand> {
        let used = (self.pw[e] - self.pw[a]) as usize;
        let most = s.squeeze.most();
        // No mark to set half-width, or too long for the most that may be (two hung
        // marks of two cells each aside): the common case, answered at once.
        if self.sq[e] == self.sq[a] || used > m + most + 4 {
            return None;
        }
        let room = |y: usize| (self.sq[y] - self.sq[a]) as usize;
        let cand = |used: usize, hung: usize, squeeze: usize| Cand {
            end: e,
            used,
            hung,
            squeeze,
        };
        let inside = || {
            let k = used - m;
            (k <= most && k <= room(e)).then(|| cand(m, 0, k))
        };
        if !hang {
            return inside();
        }
        // Fewest marks half-width first: `。”` past the edge hung as `｡”`, then a hung
        // last mark, then all inside the line.
        let last = usize::from(s.widths[e - 1]);
        if let Some(p) = e.checked_sub(2).filter(|&p| p > a && hangs(s.chars[p]))
            && last < margin
            && squeezable(s, p)
        {
            let k = (used - last - usize::from(s.widths[p])).saturating_sub(m);
            if k < most && k <= room(p) {
                return Some(cand(used - k - 1, last + 1, k + 1));
            }
        }
        let k = used - last - m;
        if k <= most && k <= room(e - 1) {
            return Some(cand(used - k, last, k));
        }
        inside()
    }

    /// Try every line starting at `a` whose end is worth a look: those ending within
    /// [`WINDOW`] cells of the measure, else the longest that fits.
    fn from(&mut self, s: &Stream, a: usize, frame: Frame, margin: usize) {
        let limit = self.must[a] as usize;
        let m = frame.measure;
        let base = self.pw[a];
        let lo = m.saturating_sub(WINDOW) as u32;
        // A line holds at most `m + margin` cells: look no further (zero-width glyphs
        // beyond are rare, and only shorten the choice).
        let hi = limit.min(a + m + margin + MAX_SQUEEZE + 2);
        // The window's start only moves forward from one state to the next.
        let mut g0 = self.cursor.clamp(a + 1, hi);
        while g0 > a + 1 && self.pw[g0 - 1] - base >= lo {
            g0 -= 1;
        }
        while g0 < hi && self.pw[g0] - base < lo {
            g0 += 1;
        }
        if self.pw[g0] - base < lo {
            g0 += 1;
        }
        self.cursor = g0;
        // Lines that end flush, hung, one short or flush by a script gap are offered,
        // and so are lines fitted by a mark set half-width, even where a good line
        // exists: a squeeze here may spare a ragged line further down, so the choice
        // is the whole paragraph's (past the margin only where nothing good ends
        // nearer). Ragged lines only where nothing else ends here (they open paths of
        // their own to search only where they must, which keeps the search fast).
        let (mut good, mut any) = (false, false);
        let mut ragged = [(0usize, 0u32); 8];
        let mut k = 0;
        for b in g0..=limit {
            if b < limit && s.brk[b] == Brk::No {
                continue;
            }
            let over = (self.pw[b] - base) as usize;
            // Lines fitted by half-width marks cost as much as ragged ones: past the
            // margin, only where nothing good was found.
            if good && over > m + margin {
                break;
            }
            match self.cost_of(s, a, b, limit, frame, margin) {
                None if over > m + margin + MAX_SQUEEZE + 1 && !is_space(s.chars[b - 1]) => {
                    break;
                }
                Some(Some(c)) if c < RAGGED => {
                    self.offer(a, b, c);
                    good |= c < COSTLY;
                    any = true;
                }
                Some(Some(c)) if k < ragged.len() => {
                    ragged[k] = (b, c);
                    k += 1;
                }
                _ => {}
            }
        }
        if !good {
            for &(b, c) in &ragged[..k] {
                self.offer(a, b, c);
            }
        }
        if any || k > 0 {
            return;
        }
        // Nothing ends near the measure: the longest line below it.
        let mut low = g0.min(limit + 1) - 1;
        while low > a && s.brk[low] == Brk::No {
            low -= 1;
        }
        if low > a
            && let Some(Some(c)) = self.cost_of(s, a, low, limit, frame, margin)
        {
            self.offer(a, low, c);
        }
    }

    /// What the line `a..b` costs: `None` when it does not fit, `Some(None)` when it
    /// holds only blanks (not a line of its own).
    fn cost_of(
        &self,
        s: &Stream,
        a: usize,
        b: usize,
        limit: usize,
        frame: Frame,
        margin: usize,
    ) -> Option<Option<u32>> {
        let c = self.line(s, a, b, frame, margin, true)?;
        if c.end == a && b < limit {
            return Some(None);
        }
        let mut cost = if c.hung > 0 { HANG } else { 0 };
        cost += SQUEEZE * c.squeeze as u32;
        let short = frame.measure.saturating_sub(c.used - c.hung);
        if b < limit && short > 0 {
            let lo = (a + 1).min(c.end);
            let script = (self.places[c.end] - self.places[lo]) as usize;
            cost += fit(short, script).cost;
            if c.hung > usize::from(s.widths[c.end - 1]) && c.squeeze == 0 {
                cost += PAIR;
            }
        }
        Some(Some(cost))
    }

    /// Reach state `b` from `a` by a line costing `cost`, if that is cheaper.
    fn offer(&mut self, a: usize, b: usize, cost: u32) {
        let total = self.cost[a].saturating_add(cost);
        if total < self.cost[b] {
            self.cost[b] = total;
            self.back[b] = a as u32;
        }
    }
}
