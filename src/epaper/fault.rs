//! What is wrong with one page or article of an e-paper, in one line that names what was
//! not found, so that a site whose markup changed shows as a clear fault, never as an
//! empty article.

use crate::feed::FeedError;

/// One page's or one article's fault; the day goes on without it.
#[derive(Debug, thiserror::Error)]
pub enum PageFault {
    /// The site did not give the page (status, time-out, too big, off-site redirect).
    #[error("{0}")]
    Http(#[from] FeedError),
    #[error("the page is cut short (no </html>)")]
    CutShort,
    #[error(
        "not an e-paper page: no page list (a#pageLink), article list (ul.news-list) or page name (p.left.ban) found"
    )]
    NotAPage,
    #[error("no article body (div#ozoom) found")]
    NoBody,
    #[error("no headline (h1) found")]
    NoHeadline,
    #[error("the article body (div#ozoom) is empty")]
    EmptyBody,
    /// 解放军报's day file: an article without its `title`.
    #[error("no title (xyList[].title)")]
    NoJsonTitle,
    /// 解放军报's day file: an article without its `content`.
    #[error("no body (xyList[].content)")]
    NoJsonBody,
    /// 解放军报's day file: an article whose `content` is empty.
    #[error("the body (xyList[].content) is empty")]
    EmptyJsonBody,
    /// Listed on the page but never fetched (its thread gave up).
    #[error("not fetched")]
    NotFetched,
}
