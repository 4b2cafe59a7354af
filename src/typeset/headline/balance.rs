//! A headline phrase in a given number of lines of about equal length: of the ways to
//! break it at its candidate breaks, the one whose lines stray least from the ideal
//! length and whose breaks read best ([`break_cost`]), by dynamic programming.

use super::{break_cost, run_starts, vis};
use crate::typeset::fill::{Frame, SetLine};
use crate::typeset::stream::Stream;

/// Glyphs `a..b` in exactly `n` lines of at most `width` cells, broken only at `cands`
/// ([`candidates`]), chosen by balance and [`break_cost`]. `None` when no such set of
/// breaks exists.
pub fn best_breaks(
    s: &Stream,
    cands: &[(usize, bool)],
    width: usize,
    n: usize,
) -> Option<Vec<SetLine>> {
    let m = cands.len();
    if n < 2 || n >= m {
        return None;
    }
    let bal = Balance::new(s, cands, width, n);
    let best = bal.table(n);
    if best[n][m - 1].0 == INF {
        return None;
    }
    Some(bal.lines(&best, n))
}

const INF: u32 = u32::MAX;

/// How well a headline phrase (`cands[0]..` to the last candidate) is shared among
/// lines of about `ideal` cells each.
struct Balance<'a> {
    s: &'a Stream,
    cands: &'a [(usize, bool)],
    width: usize,
    /// The phrase's last glyph.
    b: usize,
    /// `runs[j - a]`: where the run of glyph `j` starts ([`run_starts`]).
    runs: Vec<usize>,
    ideal: i64,
}

impl<'a> Balance<'a> {
    fn new(s: &'a Stream, cands: &'a [(usize, bool)], width: usize, n: usize) -> Self {
        let (a, b) = (cands[0].0, cands[cands.len() - 1].0);
        let total = s.width(a, vis(s, a, b)) as i64;
        Balance {
            s,
            cands,
            width,
            b,
            runs: run_starts(s, a, b),
            ideal: total / n as i64,
        }
    }

    /// What the line from glyph `i` to the candidate `(j, edge)` costs: its distance
    /// from the ideal length (much more beyond a tolerance), a line of one glyph, the
    /// break after it; `None` when it does not fit or holds nothing.
    fn line_cost(&self, i: usize, (j, edge): (usize, bool)) -> Option<u32> {
        const TOL: u32 = 4;
        let s = self.s;
        let e = vis(s, i, j);
        let w = s.width(i, e);
        if w > self.width || e == i {
            return None;
        }
        let dev = (w as i64 - self.ideal).unsigned_abs() as u32;
        let mut cost = dev + 6 * dev.saturating_sub(TOL);
        if s.widths[i..e].iter().filter(|&&w| w > 0).count() == 1 {
            cost += 30;
        }
        if j < self.b {
            cost += break_cost(s, j, self.runs[j - self.cands[0].0], edge);
        }
        Some(cost)
    }

    /// `best[k][x]`: the least cost of setting `cands[0]..cands[x]` in `k` lines, and
    /// the candidate the last of them starts at.
    fn table(&self, n: usize) -> Vec<Vec<(u32, usize)>> {
        let (s, cands, m) = (self.s, self.cands, self.cands.len());
        let mut best = vec![vec![(INF, 0usize); m]; n + 1];
        best[0][0] = (0, 0);
        for k in 1..=n {
            for x in 1..m {
                for y in (0..x).rev() {
                    if best[k - 1][y].0 == INF {
                        continue;
                    }
                    let Some(c) = self.line_cost(cands[y].0, cands[x]) else {
                        if s.width(cands[y].0, cands[x].0) > self.width * 2 {
                            break;
                        }
                        continue;
                    };
                    let t = best[k - 1][y].0 + c;
                    if t < best[k][x].0 {
                        best[k][x] = (t, y);
                    }
                }
            }
        }
        best
    }

    /// The `n` lines the table's best path sets.
    fn lines(&self, best: &[Vec<(u32, usize)>], n: usize) -> Vec<SetLine> {
        let (s, cands) = (self.s, self.cands);
        let frame = Frame {
            left: 0,
            measure: self.width,
        };
        let mut lines = Vec::with_capacity(n);
        let mut x = cands.len() - 1;
        for k in (1..=n).rev() {
            let y = best[k][x].1;
            let (i, j) = (cands[y].0, cands[x].0);
            let e = vis(s, i, j);
            lines.push(SetLine {
                frame,
                start: i,
                end: e,
                used: s.width(i, e),
                last: k == n,
                hung: 0,
                squeeze: 0,
            });
            x = y;
        }
        lines.reverse();
        lines
    }
}
