//! A page's lines → classified blocks: the paragraph indent found, each line judged by
//! its shape (headline, byline, credit, body) and then by its neighbours (a wrapped
//! line continues its paragraph, a clause-marked line over a byline is a headline, a
//! bare name under a headline is its byline).

use super::{dateline, evidence, rules, signature, speaker};

/// What a block of the page is, before it is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Headline-shaped, unindented.
    Heading,
    /// Headline-shaped but indented: only ever an in-article subhead.
    Subhead,
    Body,
    Byline,
    Credit,
    PageCredit,
    /// A source line or page header: kept on the page.
    PageOther,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Block<'a> {
    pub text: &'a str,
    pub indented: bool,
    pub kind: Kind,
}

/// The page's blocks, each classified, and whether indents mark its paragraphs.
pub(super) fn blocks(text: &str) -> (Vec<Block<'_>>, bool) {
    let mut gap = true;
    let lines: Vec<(usize, &str, bool)> = text
        .lines()
        .filter_map(|line| {
            let body = line.trim_start_matches(rules::is_space);
            let text = body.trim_end_matches(rules::is_space);
            let lead = &line[..line.len() - body.len()];
            let gap_before = std::mem::replace(&mut gap, text.is_empty());
            (!text.is_empty()).then(|| (indent_width(lead), text, gap_before))
        })
        .collect();
    let indent = paragraph_indent(&lines);
    let is_indented = |width: usize| indent.is_some_and(|w| (2..=w).contains(&width));
    let by_indent = indent_marks_paragraphs(&lines, is_indented);
    let mut blocks: Vec<Block<'_>> = lines
        .iter()
        .map(|&(width, text, _)| {
            let indented = is_indented(width);
            Block {
                text,
                indented,
                kind: classify(text, indented, by_indent),
            }
        })
        .collect();
    let gaps: Vec<bool> = lines.iter().map(|l| l.2).collect();
    mark_continuations(&mut blocks, &gaps, by_indent);
    if !by_indent {
        mark_clause_headlines(&mut blocks);
    }
    mark_bare_bylines(&mut blocks);
    mark_metadata(&mut blocks);
    (blocks, by_indent)
}

/// A line right under a line of body text that stops mid-sentence, with no blank line
/// or indent between, is that paragraph wrapped or cut: body text whatever its shape
/// (unless a dateline under it shows it is the next story's headline).
fn mark_continuations(blocks: &mut [Block<'_>], gaps: &[bool], by_indent: bool) {
    for i in 1..blocks.len() {
        let (prev, b) = (blocks[i - 1], blocks[i]);
        let continues = !gaps[i]
            && !b.indented
            && matches!(b.kind, Kind::Heading | Kind::Subhead)
            && prev.kind == Kind::Body
            && !rules::ends_sentence(prev.text)
            // A wrapped line runs the column's width; a short one ended its paragraph.
            && (!by_indent || !rules::at_most(prev.text, 15))
            // Over an indented paragraph, a headline-shaped line with no full stop is
            // that paragraph's headline, not the end of the one above.
            && (!by_indent
                || rules::ends_sentence(b.text)
                || !blocks.get(i + 1).is_some_and(|n| n.indented))
            && !blocks
                .get(i + 1)
                .is_some_and(|n| dateline::starts_with_dateline(n.text))
            // A label in lenticular brackets (`【大美中国】`) heads a story.
            && !evidence::is_label(b.text);
        if continues {
            blocks[i].kind = Kind::Body;
        }
    }
}

/// On a page without paragraph indents, a short line that a full stop or comma does
/// not close may be a headline with clause marks (`江苏苏州：早餐升级，热！`) when it
/// opens the page, follows a closed story, stands under a label or over a byline, or
/// carries a column tag: the reader then weighs it as a headline.
fn mark_clause_headlines(blocks: &mut [Block<'_>]) {
    for i in 0..blocks.len() {
        let b = blocks[i];
        let prev_closed = i == 0
            || evidence::is_closing_credit(blocks[i - 1].text)
            || matches!(blocks[i - 1].kind, Kind::Credit | Kind::PageCredit);
        let over_byline = blocks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Byline
                || (signature::is_bare_name(n.text) && blocks.get(i + 2).is_some())
        });
        let under_label = i > 0 && evidence::is_label(blocks[i - 1].text);
        // A line no sentence closes, over a paragraph that opens on a dateline, heads
        // that paragraph's story however long it runs (up to two printed lines).
        // (Its subtitle may stand between: `某会议在京召开` / `某某出席并讲话` / dateline.)
        let heads = blocks[i + 1..]
            .iter()
            .take(2)
            .take_while(|n| n.kind == Kind::Heading)
            .count();
        let over_dateline = !rules::ends_sentence(b.text)
            && blocks
                .get(i + 1 + heads)
                .is_some_and(|n| n.kind == Kind::Body && dateline::starts_with_dateline(n.text));
        if b.kind == Kind::Body
            && (rules::at_most(b.text, 40) || over_dateline)
            && rules::is_long_heading_like(b.text)
            && (prev_closed
                || over_byline
                || under_label
                || over_dateline
                || evidence::column_tagged(b.text)
                || over_head(blocks, i))
            && !dateline::starts_with_dateline(b.text)
            && !rules::is_source_note(b.text)
            && !(b.text.starts_with('（') && b.text.ends_with('）'))
        {
            blocks[i].kind = Kind::Heading;
        }
    }
}

/// A clause-marked line after a finished paragraph, over a headline that opens a story
/// (a column tag closes it, or a byline or a dateline follows it): that story's kicker
/// (`四川某地推广新农机，播种期缩短约10天` over `抢播夏玉米（三夏进行时）`).
fn over_head(blocks: &[Block<'_>], i: usize) -> bool {
    let after_closed = i > 0
        && blocks[i - 1].kind == Kind::Body
        && (rules::ends_sentence(blocks[i - 1].text) || blocks[i - 1].text.ends_with('”'));
    let opens_story = |j: usize| {
        blocks.get(j).is_some_and(|h| h.kind == Kind::Heading)
            && (evidence::column_tagged(blocks[j].text)
                || blocks.get(j + 1).is_some_and(|n| {
                    n.kind == Kind::Byline || dateline::starts_with_dateline(n.text)
                }))
    };
    after_closed && opens_story(i + 1)
}

/// A bare name (`余　璇`) or a signature (`某某大学教授　某某`) between a headline and
/// the body is the byline.
fn mark_bare_bylines(blocks: &mut [Block<'_>]) {
    for i in 1..blocks.len() {
        let body_next = blocks
            .get(i + 1)
            .is_none_or(|n| matches!(n.kind, Kind::Body | Kind::Subhead));
        if blocks[i].kind == Kind::Heading
            && blocks[i - 1].kind == Kind::Heading
            && body_next
            && !rules::is_subhead_word(blocks[i].text)
            && (signature::is_bare_name(blocks[i].text) || signature::is_signature(blocks[i].text))
        {
            blocks[i].kind = Kind::Byline;
        }
    }
}

/// Metadata lines under a headline (`作者：…`, `来源：…`, `字数：1684字`) are never its
/// title nor its body: the author's is the byline, the others belong to the page. A
/// date line under a story's text (a signed letter's `2023年7月20日`) stays in the story.
fn mark_metadata(blocks: &mut [Block<'_>]) {
    let mut under_head = false;
    let mut text_before = false;
    for b in blocks.iter_mut() {
        let meta = signature::metadata(b.text).filter(|_| b.kind != Kind::PageCredit);
        match meta {
            Some(signature::Meta::Author) if under_head => b.kind = Kind::Byline,
            Some(signature::Meta::Other) if under_head => b.kind = Kind::PageOther,
            _ => {}
        }
        let bare_date = b.kind == Kind::PageOther
            && meta.is_none()
            && !b.text.contains("星期")
            && !b.text.starts_with('第')
            && !b.text.starts_with('《');
        if bare_date && text_before {
            b.kind = Kind::Body;
        }
        // Metadata lines may follow one another under the stack.
        under_head =
            matches!(b.kind, Kind::Heading | Kind::Byline) || (under_head && meta.is_some());
        text_before |= b.kind == Kind::Body;
    }
}

/// The width in cells of a line's leading spaces (a full-width space counts two).
fn indent_width(lead: &str) -> usize {
    lead.chars()
        .map(|c| if c == '\u{3000}' { 2 } else { 1 })
        .sum()
}

/// The indent that opens paragraphs on this page: the commonest indent, at most a tab
/// wide, of lines that are body text. Lines set in further are centred headlines, not
/// paragraphs. `None` when paragraphs are not indented at all.
fn paragraph_indent(lines: &[(usize, &str, bool)]) -> Option<usize> {
    let commonest = |body_only: bool| {
        let mut counts = [0usize; 9];
        for &(width, text, _) in lines {
            if (2..=8).contains(&width) && !(body_only && rules::is_heading_like(text)) {
                counts[width] += 1;
            }
        }
        let (width, n) = counts
            .iter()
            .enumerate()
            .max_by_key(|&(w, n)| (*n, std::cmp::Reverse(w)))?;
        (*n > 0).then_some(width)
    };
    // Short paragraphs (`答：好`) count only when no longer one is indented.
    commonest(true).or_else(|| commonest(false))
}

/// Whether the page opens its paragraphs with an indent, so that an unindented line is
/// a heading, byline or credit (or a wrapped paragraph's next line): most long lines are
/// set in.
fn indent_marks_paragraphs(
    lines: &[(usize, &str, bool)],
    is_indented: impl Fn(usize) -> bool,
) -> bool {
    let (mut long, mut set_in) = (0usize, 0usize);
    for &(width, text, _) in lines {
        if !rules::at_most(text, 40) {
            long += 1;
            set_in += usize::from(is_indented(width));
        }
    }
    long > 0 && set_in * 3 >= long * 2
}

fn classify(text: &str, indented: bool, by_indent: bool) -> Kind {
    if rules::is_page_credit(text) {
        Kind::PageCredit
    } else if rules::is_page_furniture(text) {
        Kind::PageOther
    } else if rules::is_photo_credit(text) {
        Kind::Credit
    } else if rules::is_byline(text) && !(by_indent && indented) {
        // Set in like a paragraph, a byline signs a story inside a package.
        Kind::Byline
    } else if rules::is_source_note(text)
        || dateline::starts_with_dateline(text)
        // A line closed by a colon opens what follows (a letter's `尊敬的…：`).
        || text.ends_with(['：', ':'])
        || speaker::label_len(text).is_some_and(|n| {
            let name = text[..n].trim_end_matches([':', '：']);
            // An indented line opening with a name and colon is speech, however short.
            indented || speaker::is_interviewer(name) || name == "答"
        })
        || !(rules::is_heading_like(text)
            || (by_indent && !indented && rules::is_long_heading_like(text)))
    {
        Kind::Body
    } else if !indented {
        Kind::Heading
    } else if rules::ends_sentence(text) || !rules::at_most(text, rules::SUBHEAD_MAX) {
        // An indented line is a paragraph; only a short one without a full stop is a
        // subhead.
        Kind::Body
    } else {
        Kind::Subhead
    }
}
