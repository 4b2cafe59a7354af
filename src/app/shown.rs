//! The issue shown: the one issue open in the reader, its articles in reading order, the
//! ones the list shows, the selection, and the unread filter.

use crate::model::{Article, ArticleRef, Library};

/// The issue open in the reader and its list.
#[derive(Debug, Default)]
pub struct ShownIssue {
    /// The issue shown (one issue: `ArticleRef::issue` is always 0).
    issue: Library,
    /// Every article of the issue, in reading order.
    all: Vec<ArticleRef>,
    /// The articles the list shows (all of them, or the unread ones; a search lists its
    /// hits in the search part instead).
    visible: Vec<ArticleRef>,
    /// Index into `visible`.
    selected: usize,
    /// The list shows only unread articles.
    unread_only: bool,
}

impl ShownIssue {
    /// The issue shown, as a one-issue library.
    pub fn issue(&self) -> &Library {
        &self.issue
    }

    /// Every article of the issue, in reading order.
    pub fn all(&self) -> &[ArticleRef] {
        &self.all
    }

    /// The articles the list shows.
    pub fn visible(&self) -> &[ArticleRef] {
        &self.visible
    }

    /// Index of the selection in [`Self::visible`].
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn unread_only(&self) -> bool {
        self.unread_only
    }

    /// The selected article's reference, if the list is not empty.
    pub fn current_ref(&self) -> Option<ArticleRef> {
        self.visible.get(self.selected).copied()
    }

    /// The selected article, if the list is not empty.
    pub fn current(&self) -> Option<&Article> {
        self.issue.get(self.current_ref()?)
    }

    /// `3/5` style position of the selection in the list.
    pub fn position_label(&self) -> String {
        if self.visible.is_empty() {
            "0/0".into()
        } else {
            format!("{}/{}", self.selected + 1, self.visible.len())
        }
    }

    /// Show `issue`: every article in reading order, all of them listed.
    pub(super) fn set_issue(&mut self, issue: Library) {
        self.issue = issue;
    }

    pub(super) fn set_all(&mut self, all: Vec<ArticleRef>) {
        self.all = all;
    }

    pub(super) fn set_visible(&mut self, visible: Vec<ArticleRef>) {
        self.visible = visible;
    }

    pub(super) fn set_selected(&mut self, selected: usize) {
        self.selected = selected;
    }

    pub(super) fn set_unread_only(&mut self, on: bool) {
        self.unread_only = on;
    }
}
