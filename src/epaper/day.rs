//! One day of an e-paper as it comes in: the [`Day`] (its issue, a line per page, the
//! faults), what a fetch tells as it goes ([`Progress`]), why a day did not come at all
//! ([`DayError`]); fetching pages and articles [`PER_SITE`] at a time; and joining a
//! story continued on another page (转版) to its first part.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::article::Read;
use super::fault::PageFault;
use super::http::{Client, PER_SITE, is_whole_html};
use super::page::{self, ArticleLink, PageRead};
use crate::model::{Article, Issue, Page};

/// One day fetched, whole or in part.
#[derive(Debug, Clone, Default)]
pub struct Day {
    pub issue: Issue,
    /// One line per page: `01版 要闻: 7 articles`, or what went wrong.
    pub lines: Vec<String>,
    /// What went wrong, each naming paper, date and page.
    pub faults: Vec<String>,
    /// The pages that are whole (every listed article in), by number.
    pub whole_pages: Vec<String>,
}

/// What a day's fetch asks and tells as it goes.
pub trait Progress {
    /// Page `number` as the library holds it whole, if it does: taken, not fetched.
    fn stored(&self, number: &str) -> Option<Page>;
    /// `done` of `total` pages are in; `day` is the day so far (continued stories
    /// joined).
    fn page(&mut self, day: &Day, done: usize, total: usize);
}

/// Nothing stored, nothing told: the day fetched whole.
pub struct NoProgress;

impl Progress for NoProgress {
    fn stored(&self, _: &str) -> Option<Page> {
        None
    }
    fn page(&mut self, _: &Day, _: usize, _: usize) {}
}

impl Day {
    /// Every page and article came in.
    pub fn is_whole(&self) -> bool {
        self.faults.is_empty()
    }
}

/// Why a day did not come in at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DayError {
    /// 403/404 for the date, or the site answering with another day.
    #[error("{0}")]
    NotServed(String),
    #[error("{0}")]
    Failed(String),
}

/// The page at `url`, fetched and read.
pub(super) fn read_page(url: &str, client: &Client) -> Result<PageRead, PageFault> {
    let body = client.page(url)?;
    whole(&body)?;
    page::read(&body, url)
}

impl Day {
    /// An empty day of `paper`.
    pub fn new(paper: String, slug: &str, date: &str) -> Day {
        Day {
            issue: Issue {
                paper,
                slug: slug.to_string(),
                date: date.to_string(),
                pages: Vec::new(),
            },
            ..Default::default()
        }
    }

    /// Add a page, whole or not, and join the stories it continues.
    pub fn add_page(&mut self, page: Page, whole: bool) {
        if whole {
            self.whole_pages.push(page.number.clone());
        }
        self.issue.pages.push(page);
        join_continued(&mut self.issue);
    }
}

/// A page body cut short is no page.
fn whole(body: &str) -> Result<(), PageFault> {
    if is_whole_html(body) {
        Ok(())
    } else {
        Err(PageFault::CutShort)
    }
}

/// An article page fetched and read.
pub(super) fn fetch_article(link: &ArticleLink, client: &Client) -> Result<Read, PageFault> {
    let body = client.page(&link.url)?;
    whole(&body)?;
    super::article::read_any(&body, &link.url, &link.title)
}

/// Every article of a list, at most [`PER_SITE`] at a time; results in list order.
pub(super) fn fetch_articles(
    links: &[ArticleLink],
    client: &Client,
) -> Vec<Result<Read, PageFault>> {
    pool(links.len(), |i| fetch_article(&links[i], client))
        .into_iter()
        .map(|r| r.unwrap_or(Err(PageFault::NotFetched)))
        .collect()
}

/// `work(0)` … `work(n - 1)` on [`PER_SITE`] threads (the client keeps to its limit);
/// results in order.
pub(super) fn pool<T: Send>(n: usize, work: impl Fn(usize) -> T + Sync) -> Vec<Option<T>> {
    let next = AtomicUsize::new(0);
    let out: Mutex<Vec<Option<T>>> = Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..PER_SITE.min(n) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= n {
                        break;
                    }
                    let r = work(i);
                    if let Ok(mut o) = out.lock() {
                        o[i] = Some(r);
                    }
                }
            });
        }
    });
    out.into_inner().unwrap_or_default()
}

/// A story continued on a later page (转版: a new content id, the same headline stack)
/// joins its first part: its paragraphs and photos are appended there.
pub fn join_continued(issue: &mut Issue) {
    for p in 1..issue.pages.len() {
        let mut i = 0;
        while i < issue.pages[p].articles.len() {
            let a = &issue.pages[p].articles[i];
            let first = (0..p).find_map(|q| {
                let at = issue.pages[q]
                    .articles
                    .iter()
                    .position(|b| continues(b, a))?;
                Some((q, at))
            });
            let Some((q, at)) = first else {
                i += 1;
                continue;
            };
            let rest = issue.pages[p].articles.remove(i);
            if let Some(scan) = &mut issue.pages[p].scan {
                scan.areas.retain(|x| x.article != i);
                for x in &mut scan.areas {
                    if x.article > i {
                        x.article -= 1;
                    }
                }
            }
            let head = &mut issue.pages[q].articles[at];
            // Joined already (the head was stored with it by an earlier fetch).
            let n = rest.paragraphs.len();
            if n > 0
                && head
                    .paragraphs
                    .windows(n)
                    .any(|w| w == rest.paragraphs.as_slice())
            {
                continue;
            }
            let offset = head.paragraphs.len();
            head.paragraphs.extend(rest.paragraphs);
            head.photos.extend(rest.photos.into_iter().map(|mut ph| {
                ph.at += offset;
                ph
            }));
        }
    }
}

/// `b` is the rest of `a`: the same headline stack, a headline of its own (not a
/// generic `图片报道`), and another address.
fn continues(a: &Article, b: &Article) -> bool {
    const GENERIC: [&str; 4] = ["图片报道", "（无题）", "广告", "图片新闻"];
    a.title == b.title
        && a.kicker == b.kicker
        && a.link != b.link
        && a.title.chars().count() >= 4
        && !GENERIC.contains(&a.title.as_str())
}
