//! A set line turned into spans: the indent, then the text cut at run boundaries and at
//! the justifying gaps and around marks set half-width, every sourced span mapping its
//! chars one to one onto its field.

use super::classes::half_form;
use super::fill::{SetLine, pad};
use super::justify;
use super::stream::Stream;
use super::{Line, Role, Span};

/// Turn a set line into spans after `left` cells of indent (full-width spaces when
/// `ideographic`); `justify` puts in the gaps that make a turnover line flush.
pub fn emit(s: &Stream, l: &SetLine, left: usize, ideographic: bool, justify: bool) -> Line {
    emit_with(s, l, left, ideographic, justify, &mut Scratch::default())
}

/// Buffers reused from line to line.
#[derive(Debug, Default)]
pub struct Scratch {
    spans: Vec<Span>,
    gaps: Vec<usize>,
    places: Vec<usize>,
    squeezed: Vec<usize>,
}

/// [`emit`] with reused buffers.
pub fn emit_with(
    s: &Stream,
    l: &SetLine,
    left: usize,
    ideographic: bool,
    justify: bool,
    sc: &mut Scratch,
) -> Line {
    let mut spans = std::mem::take(&mut sc.spans);
    spans.clear();
    if left > 0 {
        spans.push(Span {
            text: pad(left, ideographic),
            role: Role::Space,
            source: None,
        });
    }
    if justify {
        justify::plan(s, l, &mut sc.places, &mut sc.gaps);
        justify::squeezed(s, l, &mut sc.squeezed);
    } else {
        sc.gaps.clear();
        sc.squeezed.clear();
    }
    let gaps = &sc.gaps;
    let (mut gi, mut qi) = (0, 0);
    let mut run = s.run_of(l.start);
    // The open span: its first glyph and run.
    let mut open: Option<usize> = None;
    let close = |spans: &mut Vec<Span>, open: &mut Option<usize>, run: usize, g: usize| {
        if let Some(a) = open.take() {
            let role = s.runs[run].role;
            spans.push(Span {
                text: s.text[s.offs[a] as usize..s.offs[g] as usize].to_string(),
                role,
                // A run set as `Space` (the gap after a dateline) has no source.
                source: (role != Role::Space).then(|| s.source(run, a)),
            });
        }
    };
    for g in l.start..l.end {
        if gi < gaps.len() && gaps[gi] == g {
            close(&mut spans, &mut open, run, g);
            spans.push(Span {
                text: " ".to_string(),
                role: Role::Space,
                source: None,
            });
            gi += 1;
        }
        while run + 1 < s.runs.len() && s.runs[run + 1].first <= g {
            close(&mut spans, &mut open, run, g);
            run += 1;
        }
        if let Some(half) = (sc.squeezed.get(qi) == Some(&g))
            .then(|| half_form(s.chars[g]))
            .flatten()
        {
            close(&mut spans, &mut open, run, g);
            let role = s.runs[run].role;
            spans.push(Span {
                text: half.to_string(),
                role,
                source: (role != Role::Space).then(|| s.source(run, g)),
            });
            qi += 1;
        } else if s.hidden[g] {
            close(&mut spans, &mut open, run, g);
        } else if open.is_none() {
            open = Some(g);
        }
    }
    close(&mut spans, &mut open, run, l.end);
    // An exact allocation: most lines hold one or two spans.
    let mut exact = Vec::with_capacity(spans.len());
    exact.append(&mut spans);
    let line = Line { spans: exact };
    sc.spans = spans;
    line
}
