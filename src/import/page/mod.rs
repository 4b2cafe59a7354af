//! The page room: one page dump → its articles and page lines. Everything here is
//! private behind [`parse_page`]; the rest of the crate sees only it and the few text
//! tests re-exported by name below (the dateline split, the line-shape tests the feed and
//! the scorer share).
//!
//! The rooms inside:
//! - `blocks`: lines → classified blocks (the paragraph indent found; each line judged by
//!   its shape, then by its neighbours); `rules`: the line-shape tests they use;
//!   `signature`: bare names and signatures; `dateline`: 电头 found and split off;
//!   `speaker`: interview speakers; `draft`: an article while it is read and how it is
//!   finished; `stack`: a headline stack's roles; `glued`: two stack lines set on one;
//!   `evidence`: whether a run of
//!   headline-shaped lines mid-story starts an article; `pagewide`: evidence from the whole
//!   page and the last look over it; `orphans`: stacks printed after their body.
//!
//! Both dump layouts are read the same way: every non-blank line is a block. Where indents
//! mark paragraphs, an unindented line is a headline, byline or credit. Then, in page order:
//! - a run of headline-shaped lines before body text is a headline stack, which starts
//!   an article at the top of the page or over indented text; in the middle of a story on a
//!   page without indents, the evidence (a byline, a dateline, a column tag, a `——` kicker,
//!   the story before closed, a dated report before, a photo following; against it: subhead
//!   words, a package) is weighed, and below the threshold the run stays in the story as
//!   subheads;
//! - a block continues the paragraph before it when that one stops mid-sentence (the
//!   printed column broke there, or the dump wrapped the line) and it is not indented;
//! - a dated paragraph with no headline over it goes on the article (a roundup);
//! - photo credits close a photo (or mark the caption of a story's picture);
//! - staff credits, source lines and page headers belong to the page wherever they are;
//! - a headline stack printed after its body (at the page's end, or closed by a byline
//!   before the next article's stack) goes back to the interview that begins inside the
//!   story before it, or to a story that has no headline, or to the last dated piece;
//!   else it stays on the page.
//!
//! Nothing is dropped: every block ends up in exactly one field or page line.

mod blocks;
mod dateline;
mod draft;
mod evidence;
mod glued;
mod orphans;
mod pagewide;
mod rules;
mod signature;
mod speaker;
mod stack;

pub use dateline::split as split_dateline;
pub use rules::{
    at_most, ends_sentence, is_byline, is_dash_subtitle, is_han, is_page_credit, is_page_furniture,
};

use self::blocks::{Block, Kind, blocks};
use self::draft::Draft;
use self::evidence::{Run, THRESHOLD};
use self::pagewide::DatelineHabit;
use self::stack::StackLine;
use super::clean;
use crate::model::{Page, PageLine, PageLineKind, ParagraphKind};

/// Parse a page's text. `slug`, `date` and `number` build the article ids
/// (`<slug>/<date>/<number>/<n>`, `undated` standing for an empty date).
pub fn parse_page(text: &str, slug: &str, date: &str, number: &str) -> Page {
    let text = clean::clean_cow(text);
    let (blocks, by_indent) = blocks(&text);
    let mut reader = Reader {
        by_indent,
        page: &text,
        habit: DatelineHabit::of(&blocks),
        place_sections: pagewide::place_stacks(&blocks) >= 3,
        ..Reader::default()
    };
    for i in 0..blocks.len() {
        reader.read(&blocks, i);
    }
    reader.end();
    pagewide::title_every_article(&mut reader.drafts);
    let date = if date.is_empty() { "undated" } else { date };
    let prefix = format!("{slug}/{date}/{number}");
    Page {
        scan: None,
        number: number.to_owned(),
        section: None,
        lines: reader.lines,
        articles: reader
            .drafts
            .into_iter()
            .enumerate()
            .map(|(i, d)| d.finish(&prefix, i + 1))
            .collect(),
    }
}

/// How many articles back a headline printed after its body may belong.
const HOME_REACH: usize = 8;

#[derive(Default)]
struct Reader<'a> {
    lines: Vec<PageLine>,
    drafts: Vec<Draft>,
    /// Headline-shaped lines waiting for what follows them.
    pending: Vec<StackLine<'a>>,
    /// Where in `lines` page lines from the pending run go, so the page keeps its order
    /// when a staff credit stands among them.
    pending_at: usize,
    /// Paragraphs are indented on this page: an unindented line is not body text.
    by_indent: bool,
    /// The current story opened with an editor's note: it is a package of sub-stories.
    in_package: bool,
    /// The whole page text.
    page: &'a str,
    /// Where the page puts its datelines.
    habit: DatelineHabit,
    /// The page stacks a place over a headline three times or more, with body under.
    place_sections: bool,
}

impl<'a> Reader<'a> {
    fn read(&mut self, blocks: &[Block<'a>], i: usize) {
        let b = blocks[i];
        match b.kind {
            Kind::PageCredit => self.lines.push(PageLine {
                kind: PageLineKind::Credit,
                text: b.text.to_owned(),
            }),
            Kind::PageOther => self.lines.push(PageLine {
                kind: PageLineKind::Other,
                text: b.text.to_owned(),
            }),
            Kind::Heading => self.hold(StackLine::Heading(b.text)),
            Kind::Byline => self.hold(StackLine::Byline(b.text)),
            Kind::Credit => match self.drafts.last_mut() {
                Some(d) if self.pending.is_empty() && !d.paras.is_empty() => {
                    d.attach_credit(b.text)
                }
                _ => self.hold(StackLine::Credit(b.text)),
            },
            Kind::Body | Kind::Subhead => {
                self.resolve(blocks, i);
                self.body(b);
            }
        }
    }

    fn hold(&mut self, line: StackLine<'a>) {
        if self.pending.is_empty() {
            self.pending_at = self.lines.len();
        }
        self.pending.push(line);
    }

    /// Page lines that came out of the pending run, in page order.
    fn put_lines(&mut self, lines: Vec<PageLine>) {
        let at = self.pending_at.min(self.lines.len());
        self.pending_at = at + lines.len();
        self.lines.splice(at..at, lines);
    }

    /// Place the pending lines now that body text follows them at `next`.
    fn resolve(&mut self, blocks: &[Block<'a>], next: usize) {
        if self.pending.is_empty() {
            return;
        }
        let mut pending = std::mem::take(&mut self.pending);
        self.give_tail_to_current(&mut pending);
        self.give_dash_lines_to_current(&mut pending);
        if let Some(split) = stack::orphan_split(&pending)
            && self.orphan_home_exists()
        {
            let rest = pending.split_off(split);
            if let Some(at) = self.orphan_home() {
                self.give_head(at, &pending);
            }
            pending = rest;
        }
        if pending.is_empty() {
            return;
        }
        if pending.len() > 1 && self.run_stays_in_story(&pending, blocks, next) {
            self.keep_in_story(&pending);
            return;
        }
        if let [StackLine::Heading(h)] = pending[..]
            && let Some(kind) = self.lone_line_in_story(h, blocks, next)
            && let Some(d) = self.drafts.last_mut()
        {
            self.in_package |= evidence::is_editors_note(h);
            if kind == ParagraphKind::Text && d.is_open() && !evidence::signs_digest_piece(d, h) {
                d.continue_last(h);
            } else {
                d.push(kind, h);
            }
            return;
        }
        // `编者按` under the headline opens a package.
        self.in_package = pending
            .iter()
            .any(|l| matches!(l, StackLine::Heading(h) if evidence::is_editors_note(h)));
        // A dateline standing alone above the headline opens this story, unless it
        // closes the one above.
        let opens = self.drafts.last().is_some_and(|d| {
            d.ends_with_lone_dateline() && self.habit.lone_dateline_opens(d, blocks[next].text)
        });
        let dateline_above = match self.drafts.last_mut() {
            Some(d) if opens => d.paras.pop(),
            _ => None,
        };
        let dated = dateline_above.is_some() || dateline::starts_with_dateline(blocks[next].text);
        let (lines, mut draft) = stack::build_over(&pending, self.drafts.is_empty(), dated);
        if let Some(p) = dateline_above {
            draft.paras.insert(0, p);
        }
        self.put_lines(lines);
        self.drafts.push(draft);
    }

    /// Bylines and credits that open a run of lines, right after a story's body, close
    /// that story (when it has none yet).
    fn give_tail_to_current(&mut self, pending: &mut Vec<StackLine<'a>>) {
        let Some(d) = self.drafts.last_mut() else {
            return;
        };
        if d.paras.is_empty() {
            return;
        }
        let mut taken = 0;
        for line in pending.iter() {
            match *line {
                // `（本报记者 苏雁）` closes the story as printed: its last paragraph.
                StackLine::Byline(t) if evidence::is_closing_credit(t) => {
                    d.push(ParagraphKind::Text, t)
                }
                StackLine::Byline(t) if d.byline.is_none() => d.byline = Some(t.to_owned()),
                StackLine::Credit(t) if d.credit.is_none() => d.attach_credit(t),
                _ => break,
            }
            taken += 1;
        }
        pending.drain(..taken);
    }

    /// `——` lines opening a run of headlines, over another headline, close the story
    /// before (an editor's note signed `——编  者`, an epigraph's source): never a kicker.
    fn give_dash_lines_to_current(&mut self, pending: &mut Vec<StackLine<'a>>) {
        let Some(d) = self.drafts.last_mut().filter(|d| !d.paras.is_empty()) else {
            return;
        };
        fn heading<'h>(l: Option<&StackLine<'h>>) -> Option<&'h str> {
            match l {
                Some(StackLine::Heading(h)) => Some(*h),
                _ => None,
            }
        }
        while let Some(h) = heading(pending.first()).filter(|h| rules::is_dash_subtitle(h))
            && heading(pending.get(1)).is_some_and(|n| !rules::is_dash_subtitle(n))
        {
            // Signed `——编  者`, it opens a package of the stories after it.
            self.in_package |= evidence::is_editors_note(h);
            d.push(ParagraphKind::Text, h);
            pending.remove(0);
        }
    }

    /// What a lone headline-shaped line before body text at `next` is, when it stays in
    /// the current story: a subhead (short), or the start of a paragraph cut by a column
    /// break (longer than any one-line headline). `None`: it heads a new article.
    fn lone_line_in_story(
        &self,
        line: &str,
        blocks: &[Block<'_>],
        next: usize,
    ) -> Option<ParagraphKind> {
        let current = self.drafts.last()?;
        // A photo is complete once credited: what follows is another piece.
        let photo_done = current.credit.is_some() && current.paras.len() <= 3;
        if current.paras.is_empty() || photo_done {
            return None;
        }
        if dateline::starts_with_dateline(blocks[next].text) || photo_follows(blocks, next) {
            return None;
        }
        if current.ends_with_lone_dateline() {
            return None;
        }
        // A paragraph that stopped mid-sentence goes on in the next block, unless a headline.
        if current.is_open() && !evidence::signs_digest_piece(current, line) {
            let one = [line];
            let run = self.run(&one, false, blocks, next);
            let heads = evidence::heads_after_open(&run, current, self.in_package);
            return (!heads).then_some(ParagraphKind::Text);
        }
        // Where paragraphs are indented, an unindented line over one is a headline, but
        // for a numbered section heading (`一、…`) or a stock one (`相关链接`) inside a
        // story: an essay's sections set flush left.
        let section = rules::is_numbered_heading(line) || rules::is_subhead_word(line);
        if self.by_indent && blocks[next].indented && section {
            return Some(ParagraphKind::Subhead);
        }
        if self.by_indent && blocks[next].indented {
            return None;
        }
        if !self.by_indent {
            if evidence::signs_digest_piece(current, line) {
                return Some(ParagraphKind::Text);
            }
            let one = [line];
            let run = self.run(&one, false, blocks, next);
            if evidence::new_article_score(&run, current, self.in_package) >= THRESHOLD {
                return None;
            }
            // Longer than a one-line headline, it is the head of a cut paragraph.
            let subhead = rules::is_heading_like(line)
                && rules::at_most(line, rules::LONE_TITLE_MAX)
                && !rules::ends_sentence(line)
                && speaker::label_len(line).is_none();
            return Some(if subhead {
                ParagraphKind::Subhead
            } else {
                ParagraphKind::Text
            });
        }
        if rules::is_subhead_word(line) || rules::is_numbered_heading(line) {
            return Some(ParagraphKind::Subhead);
        }
        // Subheads carry no full stop and no speaker: `谢谢！`, `宋华英：是的` are speech.
        // A `——` line inside a story opens a list item, never a subtitle.
        if rules::ends_sentence(line)
            || speaker::label_len(line).is_some()
            || rules::is_dash_subtitle(line)
        {
            return Some(ParagraphKind::Text);
        }
        if !rules::at_most(line, rules::LONE_TITLE_MAX) {
            return Some(ParagraphKind::Text);
        }
        let two_phrases = line.chars().any(rules::is_space) && !rules::at_most(line, 10);
        (rules::at_most(line, rules::SUBHEAD_MAX) && !two_phrases).then_some(ParagraphKind::Subhead)
    }

    fn run<'r>(
        &self,
        headings: &'r [&'r str],
        byline: bool,
        blocks: &'r [Block<'_>],
        next: usize,
    ) -> Run<'r> {
        Run {
            headings,
            byline,
            signed: false,
            next: blocks[next].text,
            photo: photo_follows(blocks, next),
            closing_dateline_ahead: pagewide::closing_dateline_ahead(blocks, next),
            place_sections: self.place_sections,
        }
    }

    /// Whether a run of several headline lines mid-story (a two-line subhead, a
    /// package's sub-story) stays in the story, on a page without paragraph indents.
    fn run_stays_in_story(
        &self,
        pending: &[StackLine<'_>],
        blocks: &[Block<'_>],
        next: usize,
    ) -> bool {
        let Some(current) = self.drafts.last() else {
            return false;
        };
        if self.by_indent || current.paras.is_empty() || current.ends_with_lone_dateline() {
            return false;
        }
        let headings: Vec<&str> = pending
            .iter()
            .filter_map(|l| match *l {
                StackLine::Heading(h) => Some(h),
                _ => None,
            })
            .collect();
        if headings.is_empty() || pending.iter().any(|l| matches!(l, StackLine::Credit(_))) {
            return false;
        }
        let byline = pending.iter().any(|l| matches!(l, StackLine::Byline(_)));
        let mut run = self.run(&headings, byline, blocks, next);
        run.signed = pending.iter().any(|l| {
            matches!(l, StackLine::Byline(t) if signature::is_bare_name(t) || signature::is_signature(t))
        });
        let package = self.in_package
            || headings.iter().any(|h| evidence::is_editors_note(h))
            || (byline && evidence::opens_package(current, &headings));
        // Subheads come in series of one shape: a run shaped like no other on the page,
        // after a long story's finished paragraph, more likely heads the next story
        // (but a `——` kicker over a line is the two-line subhead's own form).
        let lone_shape = !package
            && !headings[0].ends_with("——")
            && current.paras.len() >= 6
            && !current.is_open()
            && pagewide::runs_shaped_like(blocks, &headings) <= 1;
        evidence::new_article_score(&run, current, package) + 2 * i32::from(lone_shape) < THRESHOLD
    }

    /// Put a run of lines into the current story as paragraphs.
    fn keep_in_story(&mut self, pending: &[StackLine<'_>]) {
        // A signed piece kept inside a story makes it a package of such pieces.
        self.in_package |= pending.iter().any(|l| matches!(l, StackLine::Byline(_)));
        let Some(d) = self.drafts.last_mut() else {
            return;
        };
        for line in pending {
            if let StackLine::Heading(h) = *line {
                self.in_package |= evidence::is_editors_note(h);
            }
            match *line {
                StackLine::Heading(h) if rules::is_heading_like(h) => {
                    d.push(ParagraphKind::Subhead, h)
                }
                StackLine::Heading(t) | StackLine::Byline(t) | StackLine::Credit(t) => {
                    d.push(ParagraphKind::Text, t)
                }
            }
        }
    }

    fn body(&mut self, b: Block<'_>) {
        let starts_new = match self.drafts.last() {
            None => true,
            Some(d) => {
                !d.paras.is_empty()
                    && !d.is_open()
                    && b.kind == Kind::Body
                    && dateline::starts_with_dateline(b.text)
                    // Where indents mark paragraphs, a dated paragraph with no headline
                    // over it is the next piece of a roundup, inside the same article.
                    && !d.has_head()
            }
        };
        if starts_new {
            self.in_package = false;
            self.drafts.push(Draft::default());
        }
        if evidence::is_editors_note(b.text) {
            self.in_package = true;
        }
        let Some(d) = self.drafts.last_mut() else {
            return;
        };
        if b.kind == Kind::Subhead {
            d.push(ParagraphKind::Subhead, b.text);
        } else if d.continues_with(b.text) && !b.indented && speaker::label_len(b.text).is_none() {
            d.continue_last(b.text);
        } else {
            let deck = d.paras.is_empty() && d.byline.is_some();
            d.push(ParagraphKind::Text, b.text);
            if let Some(p) = d.paras.last_mut() {
                p.indented = b.indented;
                p.complete = deck && evidence::is_repeated_deck(b.text, self.page);
            }
        }
    }

    /// The page is over: lines still pending have no body after them.
    fn end(&mut self) {
        let mut pending = std::mem::take(&mut self.pending);
        self.give_tail_to_current(&mut pending);
        if pending.iter().any(|l| matches!(l, StackLine::Heading(_)))
            && let Some(at) = self.orphan_home().or_else(|| self.dated_home())
        {
            self.give_head(at, &pending);
            return;
        }
        let page_top = self.drafts.is_empty();
        let lines = pending
            .into_iter()
            .map(|line| {
                let (StackLine::Heading(t) | StackLine::Byline(t) | StackLine::Credit(t)) = line;
                PageLine {
                    kind: stack::page_line_kind(t, page_top),
                    text: t.to_owned(),
                }
            })
            .collect();
        self.put_lines(lines);
    }
}

/// Whether the body at `next` is a short caption closed by a photo credit.
fn photo_follows(blocks: &[Block<'_>], next: usize) -> bool {
    let body = blocks[next..]
        .iter()
        .take(4)
        .take_while(|b| b.kind == Kind::Body)
        .count();
    body <= 3
        && blocks
            .get(next + body)
            .is_some_and(|b| b.kind == Kind::Credit)
}

#[cfg(test)]
mod tests;
