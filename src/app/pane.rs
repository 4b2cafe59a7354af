//! The reading pane's part of the state: the article it is set for, its layout (and the
//! cache of layouts), the scroll, and the reader's place in the text.

use std::sync::Arc;
use std::time::Instant;

use crate::model::{Anchor, ArticleRef};
use crate::typeset::{self, Layout};

/// The reading pane.
#[derive(Debug, Default)]
pub struct ReadingPane {
    /// The article the pane is set for.
    article: Option<ArticleRef>,
    /// First line of the layout shown.
    scroll: usize,
    /// The article set for the pane.
    layout: Arc<Layout>,
    /// Layouts already set, by article, pane size and settings.
    layouts: typeset::Cache,
    /// The reader moved in the shown article since it was opened (only then is the
    /// place saved: a search jump or a restore is not a place the reader chose).
    moved: bool,
    /// The article in the pane and since when (for counting it read).
    since: Option<(ArticleRef, Instant)>,
    /// The exact place restored in the shown article, kept until the reader scrolls.
    place: Option<Anchor>,
}

impl ReadingPane {
    /// First line of the layout shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The article as set for the pane.
    pub fn layout(&self) -> &Arc<Layout> {
        &self.layout
    }

    /// The article the pane is set for.
    pub fn article(&self) -> Option<ArticleRef> {
        self.article
    }

    /// The reader moved in the article since it was opened.
    pub fn moved(&self) -> bool {
        self.moved
    }

    /// The article in the pane and since when.
    pub fn since(&self) -> Option<(ArticleRef, Instant)> {
        self.since
    }

    /// The exact place restored, kept until the reader scrolls.
    pub fn place(&self) -> Option<Anchor> {
        self.place
    }

    pub(super) fn set_article(&mut self, article: Option<ArticleRef>) {
        self.article = article;
    }

    pub(super) fn set_scroll(&mut self, line: usize) {
        self.scroll = line;
    }

    pub(super) fn set_layout(&mut self, layout: Arc<Layout>) {
        self.layout = layout;
    }

    /// Layouts already set, to take one from or set one into.
    pub(super) fn layouts_mut(&mut self) -> &mut typeset::Cache {
        &mut self.layouts
    }

    pub(super) fn set_moved(&mut self, moved: bool) {
        self.moved = moved;
    }

    pub(super) fn set_since(&mut self, since: Option<(ArticleRef, Instant)>) {
        self.since = since;
    }

    pub(super) fn set_place(&mut self, place: Option<Anchor>) {
        self.place = place;
    }
}
