//! Where a headline stack printed after its body goes: back to an interview that begins
//! inside the story before it, to a story that has no headline, or to the last dated
//! piece of the page.

use super::stack::{self, StackLine};
use super::{HOME_REACH, Reader};
use super::{dateline, speaker};
use crate::model::{PageLine, PageLineKind, ParagraphKind};

impl Reader<'_> {
    /// Give the article at `at` the headline stack printed after its body.
    pub(super) fn give_head(&mut self, at: usize, pending: &[StackLine<'_>]) {
        let (lines, head) = stack::build(pending, false);
        self.put_lines(lines);
        let d = &mut self.drafts[at];
        d.column = head.column;
        d.kicker = head.kicker;
        d.title = head.title;
        d.subtitle = head.subtitle;
        if d.byline.is_none() {
            d.byline = head.byline;
        } else if let Some(b) = head.byline {
            self.lines.push(PageLine {
                kind: PageLineKind::Other,
                text: b,
            });
        }
        if let Some(c) = head.credit {
            d.attach_credit(&c);
        }
        let mut paras = head.paras;
        paras.append(&mut d.paras);
        d.paras = paras;
    }

    /// Whether [`Self::orphan_home`] would find a home, without changing anything.
    pub(super) fn orphan_home_exists(&self) -> bool {
        self.interview_inside().is_some() || self.headless().is_some()
    }

    /// Which article a headline stack printed after its body belongs to: an interview
    /// that begins inside a story just before (split off here), or else the nearest
    /// story that has no headline.
    pub(super) fn orphan_home(&mut self) -> Option<usize> {
        if let Some((i, at)) = self.interview_inside() {
            let tail = self.drafts[i].split_off(at);
            self.drafts.insert(i + 1, tail);
            return Some(i + 1);
        }
        self.headless()
    }

    /// For a headline stack left at the page's end: the last dated piece inside the last
    /// article (a roundup's, or one whose headline was printed after it), split off.
    pub(super) fn dated_home(&mut self) -> Option<usize> {
        let i = self.drafts.len().checked_sub(1)?;
        let at = self.drafts[i].paras.iter().rposition(|p| {
            p.kind == ParagraphKind::Text && dateline::starts_with_dateline(&p.text)
        })?;
        if at == 0 {
            return None;
        }
        let tail = self.drafts[i].split_off(at);
        self.drafts.push(tail);
        Some(i + 1)
    }

    /// The nearest article (within reach) inside which an interview begins after other
    /// text, and the paragraph where it does.
    pub(super) fn interview_inside(&self) -> Option<(usize, usize)> {
        let first = self.drafts.len().saturating_sub(HOME_REACH);
        (first..self.drafts.len()).rev().find_map(|i| {
            let texts: Vec<&str> = self.drafts[i]
                .paras
                .iter()
                .map(|p| p.text.as_str())
                .collect();
            speaker::interview_start(&texts).map(|at| (i, at))
        })
    }

    /// The nearest article (within reach) without a headline.
    pub(super) fn headless(&self) -> Option<usize> {
        let first = self.drafts.len().saturating_sub(HOME_REACH);
        self.drafts[first..]
            .iter()
            .rposition(|d| !d.has_head())
            .map(|i| first + i)
    }
}
