//! The page as printed: `P` opens the shown page's scan full screen, each article's
//! area outlined on it; the reader moves between the areas and opens the article of
//! one. A page without a scan says so on the status line.

use super::{App, Focus};
use crate::model::ArticleRef;
use crate::photos::Job;

/// The page view while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageView {
    pub(super) issue: usize,
    pub(super) page: usize,
    /// Index into the scan's areas.
    pub(super) selected: usize,
}

impl PageView {
    /// The issue of the page shown.
    pub fn issue(&self) -> usize {
        self.issue
    }

    /// The page shown.
    pub fn page(&self) -> usize {
        self.page
    }

    /// The article area selected on the scan.
    pub fn selected(&self) -> usize {
        self.selected
    }
}

impl App {
    /// Open the scan of the selected article's page, on that article's area.
    pub(crate) fn open_page_view(&mut self) {
        let Some(r) = self.current_ref() else {
            self.screen.say("没有文章 no article selected");
            return;
        };
        let page = &self.shown.issue().issues[r.issue].pages[r.page];
        let has_image = page.scan.as_ref().is_some_and(|s| s.image.is_some());
        if !has_image {
            self.screen.say(format!(
                "第{}版没有版面图 page {} has no scan of the printed page",
                page.number, page.number
            ));
            return;
        }
        let areas = page.scan.as_ref().map_or(&[][..], |s| &s.areas[..]);
        let selected = areas
            .iter()
            .position(|a| a.article == r.article)
            .unwrap_or(0);
        self.page_view = Some(PageView {
            issue: r.issue,
            page: r.page,
            selected,
        });
        self.want_photos();
    }

    /// The scan picture the page view needs at the terminal's size (all but the last
    /// row, which says where the reader is).
    pub fn page_view_job(&self) -> Option<Job> {
        let v = self.page_view.as_ref()?;
        let scan = self
            .shown
            .issue()
            .issues
            .get(v.issue)?
            .pages
            .get(v.page)?
            .scan
            .as_ref()?;
        Some(Job {
            url: scan.image.clone()?,
            cols: self.screen.size().0.max(1),
            rows: self.screen.size().1.saturating_sub(1).max(1),
            outlines: scan.areas.iter().map(|a| a.coords.clone()).collect(),
        })
    }

    /// Move the selection `n` areas on.
    pub(crate) fn page_view_step(&mut self, n: isize) {
        let len = self.page_view_areas();
        if let Some(v) = &mut self.page_view
            && len > 0
        {
            v.selected = v.selected.saturating_add_signed(n).min(len - 1);
        }
    }

    fn page_view_areas(&self) -> usize {
        let Some(v) = &self.page_view else { return 0 };
        self.shown
            .issue()
            .issues
            .get(v.issue)
            .and_then(|i| i.pages.get(v.page)?.scan.as_ref())
            .map_or(0, |s| s.areas.len())
    }

    /// Open the selected area's article in the reading pane.
    pub(crate) fn page_view_open(&mut self) {
        let Some(v) = self.page_view.clone() else {
            return;
        };
        let scan = self
            .shown
            .issue()
            .issues
            .get(v.issue)
            .and_then(|i| i.pages.get(v.page)?.scan.as_ref());
        let Some(area) = scan.and_then(|s| s.areas.get(v.selected)) else {
            self.screen
                .say("版面图上没有文章区域 no article areas on this scan");
            return;
        };
        let want = ArticleRef {
            issue: v.issue,
            page: v.page,
            article: area.article,
        };
        if self.shown.unread_only() && !self.shown.visible().contains(&want) {
            self.shown.set_unread_only(false);
            self.refilter();
        }
        match self.shown.visible().iter().position(|&r| r == want) {
            Some(i) => {
                self.page_view = None;
                self.select_index(i);
                self.pane.set_scroll(0);
                self.screen.set_focus(Focus::Reader);
                self.focus_reader();
            }
            None => self
                .screen
                .say("这篇文章不在列表里 that article is not in the list"),
        }
    }
}
