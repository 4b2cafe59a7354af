//! Greedy line filling: cut a glyph stream into lines of a given measure at the allowed
//! breaks, each line taking all that fits (headlines, bylines, and the fallback for a
//! paragraph holding a word wider than its measure; paragraphs are set by `breaks`).

use super::classes::{is_space, no_end, no_start};
use super::stream::{Brk, Stream};

/// Where a line sits: `left` cells of indent, then up to `measure` cells of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    pub left: usize,
    pub measure: usize,
}

/// One line cut from a stream: glyphs `start..end` in `frame`.
#[derive(Debug, Clone)]
pub struct SetLine {
    pub frame: Frame,
    pub start: usize,
    pub end: usize,
    /// Cells the glyphs take.
    pub used: usize,
    /// The line ends its block (or a hard break): never stretched.
    pub last: bool,
    /// Cells of the mark hung past the measure (0: none; more than the last glyph's
    /// width: the last two marks hang, the first in its half-width form).
    pub hung: usize,
    /// Full-width marks set in their half-width form to fit the line (`justify::squeezed`).
    pub squeeze: usize,
}

impl SetLine {
    /// Cells the line's text ends short of its measure (a hung mark left out).
    pub fn short(&self) -> usize {
        self.frame.measure.saturating_sub(self.used - self.hung)
    }
}

/// Cut glyphs `from..to` into lines: the first in `first`, the others in `rest`.
///
/// Trailing spaces of a line are kept only while they fit. A glyph wider than the whole
/// measure (a wide char at width 1) cannot be shown at all and is left out of every line.
pub fn fill(s: &Stream, from: usize, to: usize, first: Frame, rest: Frame) -> Vec<SetLine> {
    let mut out = Vec::new();
    fill_into(s, from, to, first, rest, &mut out);
    out
}

/// [`fill`] into a reused list (cleared first).
pub fn fill_into(
    s: &Stream,
    from: usize,
    to: usize,
    first: Frame,
    rest: Frame,
    out: &mut Vec<SetLine>,
) {
    out.clear();
    let mut f = Filler {
        s,
        frame: first,
        rest,
        ls: from,
        vis_end: from,
        used: 0,
        out,
    };
    let mut u = from;
    while u < to {
        u = f.place(u, unit(s, u, to));
    }
    if f.ls < to || f.out.is_empty() {
        f.finish(to, true);
    } else if let Some(l) = f.out.last_mut() {
        l.last = true;
    }
}

/// A unit of glyphs no line may break inside: where it ends, where its visible part
/// ends (trailing spaces and hidden chars left out), and whether a line must end after
/// it.
#[derive(Clone, Copy)]
struct Unit {
    end: usize,
    core_end: usize,
    must: bool,
}

/// The unit starting at glyph `u` (before `to`).
fn unit(s: &Stream, u: usize, to: usize) -> Unit {
    let mut e = u + 1;
    while e < to && s.brk[e] == Brk::No {
        e += 1;
    }
    let mut core_end = e;
    while core_end > u && (is_space(s.chars[core_end - 1]) || s.hidden[core_end - 1]) {
        core_end -= 1;
    }
    Unit {
        end: e,
        core_end,
        must: e < to && s.brk[e] == Brk::Must,
    }
}

/// The greedy filler's state: the open line (from `ls`, its visible glyphs ending at
/// `vis_end` in `used` cells, in `frame`) and the lines set so far.
struct Filler<'a> {
    s: &'a Stream,
    frame: Frame,
    rest: Frame,
    ls: usize,
    vis_end: usize,
    used: usize,
    out: &'a mut Vec<SetLine>,
}

impl Filler<'_> {
    /// Close the open line, keeping its trailing spaces (up to glyph `upto`) while they
    /// fit.
    fn finish(&mut self, upto: usize, last: bool) {
        let s = self.s;
        let (mut end, mut w) = (self.vis_end, self.used);
        while end < upto
            && is_space(s.chars[end])
            && w + s.widths[end] as usize <= self.frame.measure
        {
            w += s.widths[end] as usize;
            end += 1;
        }
        self.out.push(SetLine {
            frame: self.frame,
            start: self.ls,
            end,
            used: w,
            last,
            hung: 0,
            squeeze: 0,
        });
    }

    /// Close the open line and open the next at glyph `at`, in the frame of the rest.
    fn next_line(&mut self, upto: usize, last: bool, at: usize) {
        self.finish(upto, last);
        self.frame = self.rest;
        (self.ls, self.vis_end, self.used) = (at, at, 0);
    }

    /// Take the unit at glyph `u` onto the open line, or close the line before it;
    /// returns the glyph to go on from.
    fn place(&mut self, u: usize, t: Unit) -> usize {
        let s = self.s;
        let core = s.width(u, t.core_end);
        let lead = self.used + s.width(self.vis_end, u);
        if t.core_end == u || lead + core <= self.frame.measure {
            if t.core_end > u {
                self.used = lead + core;
                self.vis_end = t.core_end;
            }
            return self.went_on(t);
        }
        if self.vis_end != self.ls {
            self.next_line(u, false, u);
            return u;
        }
        // Nothing visible on the line yet: leading spaces give way.
        (self.ls, self.vis_end) = (u, u);
        if core <= self.frame.measure {
            self.used = core;
            self.vis_end = t.core_end;
            return self.went_on(t);
        }
        if self.frame != self.rest && core <= self.rest.measure {
            // Too wide after the first line's indent, fits a full line: start below.
            self.next_line(u, false, u);
            return u;
        }
        self.cut_wide(u, t)
    }

    /// After unit `t` went onto the line: a line that must end there ends.
    fn went_on(&mut self, t: Unit) -> usize {
        if t.must {
            self.next_line(t.end, true, t.end);
        }
        t.end
    }

    /// The unit at `u` is wider than a whole line: cut it where it hurts least, on a
    /// line of its own.
    fn cut_wide(&mut self, u: usize, t: Unit) -> usize {
        let s = self.s;
        let m = self.frame.measure;
        let mut k = u;
        let mut w = 0;
        while k < t.core_end && w + s.widths[k] as usize <= m {
            w += s.widths[k] as usize;
            k += 1;
        }
        while k < t.core_end && s.widths[k] == 0 {
            k += 1;
        }
        if k == u {
            // Not even one glyph fits (a wide char at width 1): leave it out.
            (self.ls, self.vis_end) = (u + 1, u + 1);
            return u + 1;
        }
        let cut = gentlest_cut(s, u, k, t.core_end, m);
        self.used = s.width(u, cut);
        self.vis_end = cut;
        self.next_line(cut, cut >= t.end && t.must, cut);
        cut
    }
}

/// Where to cut a run `u..core_end` wider than the measure `m` whose first `k` glyphs
/// fit: at `k`, or earlier where no clreq rule is broken and at least half the line is
/// filled.
fn gentlest_cut(s: &Stream, u: usize, k: usize, core_end: usize, m: usize) -> usize {
    if k >= core_end {
        return k;
    }
    let mut j = k;
    while j > u + 1 && (no_start(s.chars[j]) || no_end(s.chars[j - 1]) || s.widths[j] == 0) {
        j -= 1;
    }
    if j > u + 1 && s.width(u, j) * 2 >= m {
        j
    } else {
        k
    }
}

/// Spaces for an indent: full-width spaces for a paragraph's opening indent.
pub fn pad(cells: usize, ideographic: bool) -> String {
    if ideographic {
        let mut s = "\u{3000}".repeat(cells / 2);
        if cells % 2 == 1 {
            s.push(' ');
        }
        s
    } else {
        " ".repeat(cells)
    }
}
