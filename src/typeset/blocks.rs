//! The blocks of an article: the centred, balanced headline stack, the byline, the body
//! paragraphs (indent, dateline, speaker hung, subheads set apart) and the photo credit.

use super::breaks::{self, Breaker};
use super::classes::is_space;
use super::emit::{Scratch, emit, emit_with};
use super::fill::{Frame, SetLine, fill};
use super::photo::{self, PhotoBlock};
use super::plain::plain;
use super::plain::word_space;
use super::stream::Stream;
use super::{Line, Role, Settings};
use super::{headline, words};
use crate::model::{Article, Field, Paragraph, ParagraphKind};
use crate::text::str_width;

/// A paragraph's opening indent: two full-width spaces, less on very narrow panes.
pub fn indent_cells(width: usize) -> usize {
    match width {
        10.. => 4,
        6..=9 => 2,
        _ => 0,
    }
}

/// Where a headline divides into phrases: at spaces, and before a `——` inside it (not
/// one that ends it); a phrase that is only a dash, or ends with one, goes with the
/// phrase it introduces.
/// Returns glyph ranges without the spaces.
fn phrases(s: &Stream) -> Vec<(usize, usize)> {
    let c = &s.chars;
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut glue = false;
    for i in 0..=c.len() {
        let space = i < c.len() && is_space(c[i]);
        let dash = i > 0
            && i + 1 < c.len()
            && c[i] == '—'
            && c[i + 1] == '—'
            && !is_space(c[i - 1])
            && c[i - 1] != '—'
            // A kicker's closing `——` points at the title below: it stays on its line.
            && !c[i..].iter().all(|&x| x == '—' || is_space(x));
        if i == c.len() || space || dash {
            if i > start {
                match out.last_mut() {
                    Some(last) if glue => last.1 = i,
                    _ => out.push((start, i)),
                }
                glue = matches!(c[i - 1], '—' | '⸺');
            }
            start = if space { i + 1 } else { i };
        }
    }
    out
}

/// Break glyphs `a..b` into as few lines as the words allow, of about equal length, at
/// the word breaks that read best (`headline`); `word[j]`: a word begins at glyph `j`.
fn balanced(s: &Stream, a: usize, b: usize, width: usize, word: &[bool]) -> Vec<SetLine> {
    let full = Frame {
        left: 0,
        measure: width,
    };
    let cands = headline::candidates(s, a, b, width, word);
    match headline::greedy_lines(s, &cands, width) {
        Some(1) if s.width(a, b) <= width => return fill(s, a, b, full, full),
        Some(n) => {
            if let Some(best) = headline::best_breaks(s, &cands, width, n) {
                return best;
            }
        }
        None => return headline::word_fill(s, &cands, width),
    }
    let lines = fill(s, a, b, full, full);
    let n = lines.len();
    if n < 2 {
        return lines;
    }
    let widest = s.widths[a..b].iter().copied().max().unwrap_or(1) as usize;
    let (mut lo, mut hi) = (widest.clamp(1, width), width);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let f = Frame {
            left: 0,
            measure: mid,
        };
        if fill(s, a, b, f, f).len() <= n {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let f = Frame {
        left: 0,
        measure: lo,
    };
    fill(s, a, b, f, f)
}

/// Does a subtitle need a `——` put before it (it is stored without one)?
fn needs_dash(role: Role, text: &str) -> bool {
    role == Role::Subtitle
        && !text
            .trim_start_matches(|c: char| is_space(c) || c == '\u{A0}')
            .starts_with(['—', '⸺', '─', '－'])
}

/// For every glyph of `s` (and its end), whether a word of the headline `text` begins
/// there; `text` starts at glyph `off` (after a dash put before it).
fn word_starts(s: &Stream, text: &str, off: usize) -> Vec<bool> {
    let mut word = vec![false; s.len() + 1];
    for &j in words::starts(text).iter() {
        if let Some(w) = word.get_mut(off + j as usize) {
            *w = true;
        }
    }
    word[s.len()] = true;
    word
}

/// The phrases of the headline `s`, packed as many to a line as fit in `width`.
fn packed_phrases(s: &Stream, width: usize) -> Vec<(usize, usize)> {
    let mut packed: Vec<(usize, usize)> = Vec::new();
    for (a, b) in phrases(s) {
        match packed.last_mut() {
            Some(last) if s.width(last.0, b) <= width => last.1 = b,
            _ => packed.push((a, b)),
        }
    }
    packed
}

/// The lines of the headline `s` (`text`, from glyph `off`): one if it fits, else its
/// phrases packed and each too wide for a line balanced between words.
fn headline_lines(s: &Stream, text: &str, off: usize, width: usize) -> Vec<SetLine> {
    let full = Frame {
        left: 0,
        measure: width,
    };
    let lines = fill(s, 0, s.len(), full, full);
    if lines.len() < 2 {
        return lines;
    }
    let packed = packed_phrases(s, width);
    // A phrase that fits a line is set whole whatever its words: the segmenter (its
    // dictionary loaded on first use, a tenth of a second) is asked only when a phrase
    // is too wide for a line.
    let word = if packed.iter().any(|&(a, b)| s.width(a, b) > width) {
        word_starts(s, text, off)
    } else {
        vec![true; s.len() + 1]
    };
    packed
        .iter()
        .flat_map(|&(a, b)| balanced(s, a, b, width, &word))
        .collect()
}

/// Lines set centred. A headline too long for one line breaks between its phrases
/// (spaces, before a `——`), phrases sharing a line while they fit; a phrase too long
/// for a line is broken between words into lines of about equal length (two halves,
/// not a full line and a stub). A subtitle stored without its `——` is set with one
/// (a span without a source) where the dash fits a line with the word it introduces.
pub fn centred(
    field: Field,
    role: Role,
    text: &str,
    width: usize,
    st: &Settings,
    out: &mut Vec<Line>,
) {
    let dash = needs_dash(role, text)
        && (str_width(text, st.ambiguous_wide) + 4 <= width
            || headline::dash_fits(text, width, st));
    let off = if dash { 2 } else { 0 };
    let mut parts = vec![(field, role, text)];
    if dash {
        parts.insert(0, (field, Role::Space, "——"));
    }
    let s = Stream::new(&parts, st);
    let lines = headline_lines(&s, text, off, width);
    for l in &lines {
        let left = width.saturating_sub(l.used) / 2;
        let mut line = emit(&s, l, left, false, false);
        if dash && l.start < off {
            // The dash put before the subtitle is set as the subtitle, unsourced.
            for sp in line.spans.iter_mut().filter(|sp| sp.source.is_none()) {
                if !sp.text.is_empty() && sp.text.chars().all(|c| c == '—') {
                    sp.role = role;
                }
            }
        }
        out.push(line);
    }
}

/// The headline stack: column label, kicker, title, subtitle, then a blank line and the
/// byline.
pub fn head(a: &Article, width: usize, st: &Settings, out: &mut Vec<Line>) {
    if let Some(c) = a.column.as_deref().filter(|c| !c.is_empty()) {
        plain(Field::Column, Role::Column, c, width, false, st, out);
    }
    if let Some(k) = a.kicker.as_deref().filter(|k| !k.is_empty()) {
        centred(Field::Kicker, Role::Kicker, k, width, st, out);
    }
    if !a.title.is_empty() {
        centred(Field::Title, Role::Title, &a.title, width, st, out);
    }
    if let Some(t) = a.subtitle.as_deref().filter(|t| !t.is_empty()) {
        centred(Field::Subtitle, Role::Subtitle, t, width, st, out);
    }
    if !out.is_empty() {
        out.push(Line::default());
    }
    if let Some(b) = a.byline.as_deref().filter(|b| !b.is_empty()) {
        plain(Field::Byline, Role::Byline, b, width, false, st, out);
    }
}

/// Buffers reused from paragraph to paragraph.
#[derive(Debug, Default)]
pub struct Blocks {
    stream: Stream,
    lines: Vec<SetLine>,
    emit: Scratch,
    breaker: Breaker,
}

/// One paragraph-like block: indent, optional dateline or speaker, text; turnover lines
/// flush (`breaks`, `justify`), a mark hanging up to `margin` cells past the block's
/// edge, turnover lines hung under the text after a speaker when the block allows.
pub fn paragraph(
    scratch: &mut Blocks,
    parts: &[(Field, Role, &str)],
    hang_parts: usize,
    width: usize,
    margin: usize,
    st: &Settings,
    out: &mut Vec<Line>,
) {
    scratch.stream.set(parts, st);
    let s = &scratch.stream;
    let indent = indent_cells(width).min(width.saturating_sub(1));
    let hang_w = s.runs.get(hang_parts).map_or(0, |r| s.width(0, r.first));
    let mut hang = if hang_w > 0 { indent + hang_w } else { 0 };
    // Hang only on panes wide enough that every speaker of an interview can have it.
    if width < 40 || width.saturating_sub(hang) < width / 2 {
        hang = 0;
    }
    let first = Frame {
        left: indent,
        measure: width - indent,
    };
    let rest = Frame {
        left: hang,
        measure: width - hang,
    };
    let mut lines = std::mem::take(&mut scratch.lines);
    breaks::set(s, first, rest, margin, &mut scratch.breaker, &mut lines);
    for (i, l) in lines.iter().enumerate() {
        let ideographic = i == 0 && l.frame == first;
        out.push(emit_with(
            s,
            l,
            l.frame.left,
            ideographic,
            true,
            &mut scratch.emit,
        ));
    }
    scratch.lines = lines;
}

/// The body in a text block `width` cells wide with a `margin` for hung marks:
/// paragraphs with the dateline at the start of the first (a full-width space after it
/// unless it ends with a closing bracket), subheads set apart, each photo's box where it
/// stands (noted in `photos`), then the photo credit.
pub fn body(
    a: &Article,
    width: usize,
    margin: usize,
    st: &Settings,
    out: &mut Vec<Line>,
    photos: &mut Vec<PhotoBlock>,
) {
    let mut dateline = a.dateline.as_deref().filter(|d| !d.is_empty());
    let mut scratch = Blocks::default();
    for (i, p) in a.paragraphs.iter().enumerate() {
        photo::set_before(a, i, width, st, out, photos);
        let speaker = p.speaker.as_deref().filter(|s| !s.is_empty());
        if p.kind == ParagraphKind::Subhead {
            subhead(i, p, speaker, width, st, out);
            continue;
        }
        if p.text.is_empty() && speaker.is_none() {
            out.push(Line::default());
            continue;
        }
        let (parts, hang_parts) = parts_of(i, p, speaker, dateline.take());
        paragraph(&mut scratch, &parts, hang_parts, width, margin, st, out);
    }
    photo::set_before(a, a.paragraphs.len(), width, st, out, photos);
    if let Some(d) = dateline {
        paragraph(
            &mut scratch,
            &[(Field::Dateline, Role::Dateline, d)],
            0,
            width,
            margin,
            st,
            out,
        );
    }
    if let Some(c) = a.credit.as_deref().filter(|c| !c.is_empty()) {
        let right = str_width(c, st.ambiguous_wide) <= width;
        plain(Field::Credit, Role::Credit, c, width, right, st, out);
    }
}

/// A subhead set apart: a blank line before it (unless one is there), then its speaker
/// and its text.
fn subhead(
    i: usize,
    p: &Paragraph,
    speaker: Option<&str>,
    width: usize,
    st: &Settings,
    out: &mut Vec<Line>,
) {
    if out.last().is_some_and(|l| !l.spans.is_empty()) {
        out.push(Line::default());
    }
    if let Some(sp) = speaker {
        plain(Field::Speaker(i), Role::Subhead, sp, width, false, st, out);
    }
    plain(
        Field::Paragraph(i),
        Role::Subhead,
        &p.text,
        width,
        false,
        st,
        out,
    );
}

/// The fields paragraph `i` is set from: the dateline (given for the first paragraph
/// only) and the space after it, the speaker, the text; and how many of them the
/// turnover lines hang under (the speaker's, where no dateline comes first).
fn parts_of<'a>(
    i: usize,
    p: &'a Paragraph,
    speaker: Option<&'a str>,
    dateline: Option<&'a str>,
) -> (Vec<(Field, Role, &'a str)>, usize) {
    let role = if p.kind == ParagraphKind::Caption {
        Role::Caption
    } else {
        Role::Body
    };
    let mut parts: Vec<(Field, Role, &str)> = Vec::with_capacity(3);
    if let Some(d) = dateline {
        parts.push((Field::Dateline, Role::Dateline, d));
        // `本报北京11月27日电　记者　陈晨` + body: a full-width space between, unless
        // the dateline closes with a bracket (`河北日报讯（记者…）近日`) or a space
        // is there already.
        let next = speaker.unwrap_or(&p.text).chars().next();
        if d.chars()
            .next_back()
            .is_some_and(|c| !matches!(c, ')' | '）' | '】' | '」') && !word_space(c))
            && !next.is_some_and(word_space)
        {
            parts.push((Field::Dateline, Role::Space, "\u{3000}"));
        }
    }
    if let Some(sp) = speaker {
        parts.push((Field::Speaker(i), Role::Speaker, sp));
    }
    let hang_parts = if speaker.is_some() && parts.len() == 1 {
        1
    } else {
        0
    };
    parts.push((Field::Paragraph(i), role, &p.text));
    (parts, hang_parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Headlines set as they were when every headline of more than one line was
    /// segmented: the segmenter's words change nothing where each phrase fits a line.
    #[test]
    fn phrases_that_fit_are_set_as_with_the_words() {
        let st = Settings::default();
        for text in [
            "全力以赴 加快推动综合经济实力实现新提升",
            "国务院办公厅关于加强长江流域生态保护的意见",
            "习近平会见俄罗斯联邦委员会主席马特维延科 推动京津冀协同发展",
            "延伸冰雪产业链 发展后奥运经济——访那台市市长宋华英",
        ] {
            let s = Stream::new(&[(Field::Title, Role::Title, text)], &st);
            for width in [8, 12, 20, 24, 30, 40, 60] {
                let full = Frame {
                    left: 0,
                    measure: width,
                };
                let word = word_starts(&s, text, 0);
                let mut old = fill(&s, 0, s.len(), full, full);
                if old.len() > 1 {
                    old = packed_phrases(&s, width)
                        .iter()
                        .flat_map(|&(a, b)| balanced(&s, a, b, width, &word))
                        .collect();
                }
                let key = |l: &[SetLine]| -> Vec<(usize, usize, usize)> {
                    l.iter().map(|l| (l.start, l.end, l.used)).collect()
                };
                assert_eq!(
                    key(&headline_lines(&s, text, 0, width)),
                    key(&old),
                    "{text} at {width}"
                );
            }
        }
    }
}
