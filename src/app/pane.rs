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
    pub(super) article: Option<ArticleRef>,
    /// First line of the layout shown.
    pub(super) scroll: usize,
    /// The article set for the pane.
    pub(super) layout: Arc<Layout>,
    /// Layouts already set, by article, pane size and settings.
    pub(super) layouts: typeset::Cache,
    /// The reader moved in the shown article since it was opened (only then is the
    /// place saved: a search jump or a restore is not a place the reader chose).
    pub(super) moved: bool,
    /// The article in the pane and since when (for counting it read).
    pub(super) since: Option<(ArticleRef, Instant)>,
    /// The exact place restored in the shown article, kept until the reader scrolls.
    pub(super) place: Option<Anchor>,
}

impl ReadingPane {
    /// First line of the layout shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The article as set for the pane.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }
}
