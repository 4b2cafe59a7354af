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
    let mut frame = first;
    let mut ls = from; // line start
    let mut u = from; // next unit
    let mut vis_end = from; // end of the last visible glyph placed
    let mut used = 0; // cells of ls..vis_end
    let finish = |out: &mut Vec<SetLine>,
                  frame: Frame,
                  ls: usize,
                  vis_end: usize,
                  upto: usize,
                  used: usize,
                  last: bool| {
        let mut end = vis_end;
        let mut w = used;
        while end < upto && is_space(s.chars[end]) && w + s.widths[end] as usize <= frame.measure {
            w += s.widths[end] as usize;
            end += 1;
        }
        out.push(SetLine {
            frame,
            start: ls,
            end,
            used: w,
            last,
            hung: 0,
            squeeze: 0,
        });
    };
    while u < to {
        let mut e = u + 1;
        while e < to && s.brk[e] == Brk::No {
            e += 1;
        }
        let must = e < to && s.brk[e] == Brk::Must;
        // The unit without its trailing spaces (and hidden chars).
        let mut core_end = e;
        while core_end > u && (is_space(s.chars[core_end - 1]) || s.hidden[core_end - 1]) {
            core_end -= 1;
        }
        let core = s.width(u, core_end);
        let lead = used + s.width(vis_end, u);
        let empty = vis_end == ls;
        if core_end == u || lead + core <= frame.measure {
            if core_end > u {
                used = lead + core;
                vis_end = core_end;
            }
            u = e;
            if must {
                finish(out, frame, ls, vis_end, e, used, true);
                frame = rest;
                (ls, vis_end, used) = (e, e, 0);
            }
            continue;
        }
        if !empty {
            finish(out, frame, ls, vis_end, u, used, false);
            frame = rest;
            (ls, vis_end, used) = (u, u, 0);
            continue;
        }
        // Nothing visible on the line yet: leading spaces give way.
        (ls, vis_end) = (u, u);
        if core <= frame.measure {
            used = core;
            vis_end = core_end;
            u = e;
            if must {
                finish(out, frame, ls, vis_end, e, used, true);
                frame = rest;
                (ls, vis_end, used) = (e, e, 0);
            }
            continue;
        }
        if frame != rest && core <= rest.measure {
            // Too wide after the first line's indent, fits a full line: start below.
            finish(out, frame, ls, ls, u, 0, false);
            frame = rest;
            continue;
        }
        // Wider than a whole line: cut it where it hurts least.
        let m = frame.measure;
        let mut k = u;
        let mut w = 0;
        while k < core_end && w + s.widths[k] as usize <= m {
            w += s.widths[k] as usize;
            k += 1;
        }
        while k < core_end && s.widths[k] == 0 {
            k += 1;
        }
        if k == u {
            // Not even one glyph fits (a wide char at width 1): leave it out.
            u += 1;
            (ls, vis_end) = (u, u);
            continue;
        }
        let mut cut = k;
        if k < core_end {
            let mut j = k;
            while j > u + 1 && (no_start(s.chars[j]) || no_end(s.chars[j - 1]) || s.widths[j] == 0)
            {
                j -= 1;
            }
            if j > u + 1 && s.width(u, j) * 2 >= m {
                cut = j;
            }
        }
        used = s.width(u, cut);
        finish(out, frame, ls, cut, cut, used, cut >= e && must);
        frame = rest;
        (ls, vis_end, used) = (cut, cut, 0);
        u = cut;
    }
    if ls < to || out.is_empty() {
        finish(out, frame, ls, vis_end, to, used, true);
    } else if let Some(l) = out.last_mut() {
        l.last = true;
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
