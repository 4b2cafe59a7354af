//! Evidence from the whole page, and the last look over it:
//!
//! - where the page puts its datelines: opening a story's first paragraph (under its
//!   headline) or closing its last one (`新华社杭州5月2日电` alone, `（新华社北京5月2日电）`),
//!   counted where the place is certain, so that a dateline standing alone between two
//!   stories goes to the story its page's habit says;
//! - what the page repeats: a place stacked over a headline three times or more is a
//!   roundup's sections; a run of headline lines after body text whose shape no other
//!   such run has is no member of a series of subheads; what follows a run: a dateline
//!   in brackets closing the text;
//! - every article titled: one the splitter left without a headline takes a short first
//!   line as its title, or else joins the article before it; a `——` line is never the
//!   title (the line above it is, or the stack had none).

use super::blocks::{Block, Kind};
use super::draft::Draft;
use super::{dateline, evidence, rules};

/// How many datelines the page places for certain at a story's opening and closing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct DatelineHabit {
    pub opening: usize,
    pub closing: usize,
}

/// The shape of a run of headline lines: how many, whether the first closes on `——`,
/// whether a later one opens with it.
fn run_shape(headings: &[&str]) -> (usize, bool, bool) {
    (
        headings.len(),
        headings.first().is_some_and(|h| h.ends_with("——")),
        headings.iter().skip(1).any(|h| rules::is_dash_subtitle(h)),
    )
}

/// How many runs of several headline lines after body text on the page have the shape
/// of `headings` (the run itself counted): subheads come in series of one shape.
pub(super) fn runs_shaped_like(blocks: &[Block<'_>], headings: &[&str]) -> usize {
    let shape = run_shape(headings);
    let mut count = 0;
    let mut i = 1;
    while i < blocks.len() {
        let after_body = blocks[i - 1].kind == Kind::Body;
        let n = blocks[i..]
            .iter()
            .take_while(|b| b.kind == Kind::Heading)
            .count();
        if after_body && n > 1 {
            let run: Vec<&str> = blocks[i..i + n].iter().map(|b| b.text).collect();
            count += usize::from(run_shape(&run) == shape);
        }
        i += n.max(1);
    }
    count
}

impl DatelineHabit {
    /// Count the page's datelines whose story is certain: one under a headline opens
    /// its story; one alone in brackets, or alone at the page's end or over a credit,
    /// closes its story.
    pub(super) fn of(blocks: &[Block<'_>]) -> DatelineHabit {
        let mut habit = DatelineHabit::default();
        for (i, b) in blocks.iter().enumerate() {
            if b.kind != Kind::Body {
                continue;
            }
            let under_head = i > 0 && matches!(blocks[i - 1].kind, Kind::Heading | Kind::Byline);
            let bracketed = b.text.starts_with(['（', '(']);
            if dateline::is_lone_dateline(b.text) {
                let last = blocks[i + 1..]
                    .iter()
                    .all(|n| matches!(n.kind, Kind::PageCredit | Kind::PageOther | Kind::Credit));
                if bracketed || (last && !under_head) {
                    habit.closing += 1;
                } else if under_head {
                    habit.opening += 1;
                }
            } else if under_head && dateline::starts_with_dateline(b.text) {
                habit.opening += 1;
            }
        }
        habit
    }

    /// Whether a dateline standing alone at the end of `above`, right over the headline
    /// of a story whose body opens with `below`, opens that story rather than closing
    /// the one above: never when the story below has a dateline of its own, always when
    /// the one above has; else as the page does elsewhere, and when the page does not
    /// say, it closes the story above (every story keeps its own last line).
    pub(super) fn lone_dateline_opens(&self, above: &Draft, below: &str) -> bool {
        if dateline::starts_with_dateline(below) {
            return false;
        }
        let n = above.paras.len();
        let own = above.paras[..n.saturating_sub(1)]
            .iter()
            .take(2)
            .any(|p| dateline::starts_with_dateline(&p.text));
        own || self.opening > self.closing
    }
}

/// How many times the page stacks a line naming a place over a headline with body text
/// right under it (no byline, no dateline).
pub(super) fn place_stacks(blocks: &[Block<'_>]) -> usize {
    blocks
        .windows(3)
        .filter(|w| {
            w[0].kind == Kind::Heading
                && evidence::is_place_line(w[0].text)
                && w[1].kind == Kind::Heading
                && w[2].kind == Kind::Body
                && !dateline::starts_with_dateline(w[2].text)
        })
        .count()
}

/// Whether the body from `next` closes on a dateline in brackets before the next
/// headline or byline (numbered subheads, `（一）…`, stand inside a body).
pub(super) fn closing_dateline_ahead(blocks: &[Block<'_>], next: usize) -> bool {
    let subhead = |t: &str| rules::is_numbered_heading(t) || rules::is_subhead_word(t);
    blocks[next..]
        .iter()
        .take_while(|b| match b.kind {
            Kind::Heading => subhead(b.text),
            Kind::Byline => false,
            _ => true,
        })
        .any(|b| b.kind == Kind::Body && evidence::is_closing_dateline(b.text))
}

/// Give every article a title: a headless one takes its first paragraph as the title
/// when that is a short headline-shaped line, else joins the article before it; a title
/// that opens with `——` gives way to the kicker above it.
pub(super) fn title_every_article(drafts: &mut Vec<Draft>) {
    let mut i = 0;
    while i < drafts.len() {
        if rules::is_dash_subtitle(&drafts[i].title) && drafts[i].kicker.is_none() && i > 0 {
            take_title_back(drafts, i);
        }
        let d = &mut drafts[i];
        if rules::is_dash_subtitle(&d.title) {
            undash(d);
        }
        if !d.title.trim().is_empty() {
            i += 1;
            continue;
        }
        if let Some(k) = d.kicker.take() {
            d.title = k;
        } else if let Some(first) = d.paras.first()
            && rules::is_heading_like(&first.text)
            && rules::at_most(&first.text, rules::LONE_TITLE_MAX)
            && !dateline::starts_with_dateline(&first.text)
            && d.paras.len() > 1
        {
            d.title = d.paras.remove(0).text;
        } else if i > 0 {
            let d = drafts.remove(i);
            join(&mut drafts[i - 1], d);
            continue;
        } else if let Some(first) = d.paras.first() {
            // The page opens on a story's body (continued from another page): its
            // opening clause names it in the list, a copy, the article still headless.
            let text = dateline::split(&first.text).map_or(first.text.as_str(), |(_, r)| r);
            d.title = first_clause(text);
            d.headless = true;
        }
        i += 1;
    }
}

/// A title that opens with `——` is the subtitle: the kicker above is the title.
fn undash(d: &mut Draft) {
    if let Some(k) = d.kicker.take() {
        let sub = std::mem::replace(&mut d.title, k);
        d.subtitle = Some(match d.subtitle.take() {
            Some(s) => format!("{sub} {s}"),
            None => sub,
        });
    }
}

/// A `——` title with nothing above it: its title is the last line of the article before,
/// when that is a short headline-shaped line (a subhead there, or a paragraph).
fn take_title_back(drafts: &mut [Draft], i: usize) {
    let prev = &drafts[i - 1];
    let Some(last) = prev.paras.last() else {
        return;
    };
    let headline = rules::is_heading_like(&last.text)
        && rules::at_most(&last.text, rules::LONE_TITLE_MAX)
        && !rules::ends_sentence(&last.text)
        && prev.paras.len() > 1;
    if headline && let Some(p) = drafts[i - 1].paras.pop() {
        drafts[i].kicker = Some(p.text);
    }
}

/// Put a headless article's lines at the end of the one before.
fn join(prev: &mut Draft, d: Draft) {
    for line in [d.subtitle, d.byline].into_iter().flatten() {
        prev.push(crate::model::ParagraphKind::Text, &line);
    }
    if prev.credit.is_none() {
        prev.credit_after = d.credit_after.map(|n| n + prev.paras.len());
        prev.credit = d.credit;
    } else if let Some(c) = d.credit {
        prev.push(crate::model::ParagraphKind::Text, &c);
    }
    prev.paras.extend(d.paras);
}

/// The opening clause of a text, up to its first comma or stop (at most 24 chars).
fn first_clause(text: &str) -> String {
    let end = text
        .char_indices()
        .take(24)
        .find(|&(_, c)| matches!(c, '，' | '。' | '；' | '！' | '？' | ',' | ';'))
        .map_or_else(
            || text.char_indices().nth(24).map_or(text.len(), |(i, _)| i),
            |(i, _)| i,
        );
    text[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParagraphKind;

    fn draft(title: &str, paras: &[&str]) -> Draft {
        let mut d = Draft {
            title: title.into(),
            ..Draft::default()
        };
        for p in paras {
            d.push(ParagraphKind::Text, p);
        }
        d
    }

    #[test]
    fn a_lone_dateline_follows_the_page_habit() {
        let above = draft("甲", &["正文。", "新华社杭州5月2日电"]);
        let closing = DatelineHabit {
            opening: 0,
            closing: 2,
        };
        let opening = DatelineHabit {
            opening: 2,
            closing: 0,
        };
        assert!(!closing.lone_dateline_opens(&above, "正文。"));
        assert!(opening.lone_dateline_opens(&above, "正文。"));
        // Unsaid, it closes the story above; a story below with its own never takes it.
        assert!(!DatelineHabit::default().lone_dateline_opens(&above, "正文。"));
        assert!(!opening.lone_dateline_opens(&above, "新华社北京5月3日电  正文。"));
        let dated = draft("甲", &["本报讯  正文。", "新华社杭州5月2日电"]);
        assert!(closing.lone_dateline_opens(&dated, "正文。"));
    }

    #[test]
    fn every_article_gets_a_title() {
        let mut drafts = vec![
            draft("", &["某市推出便民新举措，群众点赞。"]),
            draft("甲", &["正文。"]),
            draft("", &["短标题", "正文。"]),
            draft("", &["接着上一篇的正文。"]),
        ];
        title_every_article(&mut drafts);
        let titles: Vec<&str> = drafts.iter().map(|d| d.title.as_str()).collect();
        assert_eq!(titles, vec!["某市推出便民新举措", "甲", "短标题"]);
        assert_eq!(drafts[2].paras.len(), 2);
        let mut dashed = vec![Draft {
            kicker: Some("主题".into()),
            title: "——副题".into(),
            ..Draft::default()
        }];
        title_every_article(&mut dashed);
        assert_eq!(dashed[0].title, "主题");
        assert_eq!(dashed[0].subtitle.as_deref(), Some("——副题"));
    }
}
