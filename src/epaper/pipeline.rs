//! A day's pages and articles fetched as one stream of work: every page not stored is
//! read first, then every article of every page goes through one queue on
//! [`PER_SITE`] threads, so no thread waits at the end of a page for the other; pages
//! are put together in the page list's order as their last article comes in, and told
//! to [`Progress::page`] then (to be stored while the rest is fetched).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::article::Read;
use super::day::{Day, Progress, fetch_article, pool, read_page};
use super::fault::PageFault;
use super::http::{Client, PER_SITE};
use super::page::{ArticleLink, PageLink, PageRead};
use crate::model::{ArticleId, Page, PageLine, PageLineKind, PageScan};

/// Where each page of the list stands.
enum Slot {
    /// The library holds it whole.
    Stored(Page),
    /// Read, its articles coming in (`None` until each is).
    Reading(PageRead, Vec<Option<Result<Read, PageFault>>>),
    /// The page itself could not be read.
    Failed(PageFault),
    /// Added to the day.
    Done,
}

/// Fetch the pages `links` of `day` (the first page already `read` from `first_url`).
pub(super) fn fetch_pages(
    who: &str,
    links: &[PageLink],
    (first_url, first): (&str, PageRead),
    client: &Client,
    progress: &mut dyn Progress,
    day: &mut Day,
) {
    let mut first = Some(first);
    let mut slots: Vec<Option<Slot>> = (links.iter())
        .map(|l| match progress.stored(&l.number) {
            Some(page) => Some(Slot::Stored(page)),
            None if l.url == first_url => first.take().map(reading),
            None => None,
        })
        .collect();
    let need: Vec<usize> = (0..links.len()).filter(|&i| slots[i].is_none()).collect();
    let reads = pool(need.len(), |k| read_page(&links[need[k]].url, client));
    for (&i, r) in need.iter().zip(reads) {
        slots[i] = Some(match r {
            Some(Ok(read)) => reading(read),
            Some(Err(e)) => Slot::Failed(e),
            None => Slot::Failed(PageFault::NotFetched),
        });
    }
    let mut slots: Vec<Slot> = slots.into_iter().map(|s| s.unwrap_or(Slot::Done)).collect();
    let jobs: Vec<(usize, usize, ArticleLink)> = (slots.iter().enumerate())
        .flat_map(|(p, s)| match s {
            Slot::Reading(r, _) => (r.articles.iter().enumerate())
                .map(|(a, link)| (p, a, link.clone()))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let mut line = Assembly {
        who,
        links,
        next: 0,
        ids: format!("{}/{}", day.issue.slug, day.issue.date),
    };
    line.finish_ready(&mut slots, progress, day);
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..PER_SITE.min(jobs.len()) {
            let (tx, next, jobs) = (tx.clone(), &next, &jobs);
            s.spawn(move || {
                loop {
                    let j = next.fetch_add(1, Ordering::SeqCst);
                    let Some((_, _, link)) = jobs.get(j) else {
                        break;
                    };
                    if tx.send((j, fetch_article(link, client))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (j, r) in rx {
            let (p, a, _) = jobs[j];
            if let Slot::Reading(_, got) = &mut slots[p] {
                got[a] = Some(r);
            }
            line.finish_ready(&mut slots, progress, day);
        }
    });
    line.finish_ready(&mut slots, progress, day);
}

/// A page read, none of its articles in yet.
fn reading(read: PageRead) -> Slot {
    let n = read.articles.len();
    Slot::Reading(read, (0..n).map(|_| None).collect())
}

/// Pages put together in order.
struct Assembly<'a> {
    who: &'a str,
    links: &'a [PageLink],
    /// The first page not yet added to the day.
    next: usize,
    ids: String,
}

impl Assembly<'_> {
    /// Add every page, in order, that has all it waits for.
    fn finish_ready(&mut self, slots: &mut [Slot], progress: &mut dyn Progress, day: &mut Day) {
        while let Some(slot) = slots.get_mut(self.next) {
            let ready = match slot {
                Slot::Reading(_, got) => got.iter().all(Option::is_some),
                _ => true,
            };
            if !ready {
                return;
            }
            let link = &self.links[self.next];
            let label = format!("{} page {}", self.who, link.number);
            match std::mem::replace(slot, Slot::Done) {
                Slot::Stored(page) => day.add_page(page, true),
                Slot::Reading(read, got) => {
                    let faults = day.faults.len();
                    let got = got.into_iter().flatten().collect();
                    let page = finish_page(&label, link, read, got, &self.ids, day);
                    let is_whole = day.faults.len() == faults;
                    day.add_page(page, is_whole);
                }
                Slot::Failed(e) => day.faults.push(format!("{label} ({}): {e}", link.url)),
                Slot::Done => {}
            }
            self.next += 1;
            progress.page(day, self.next, self.links.len());
        }
    }
}

/// One page from its reading and its articles' (in the page's order): ids given, credits
/// as the page's own lines, each article that failed a fault line, the scan's areas
/// pointed at the articles that came in.
fn finish_page(
    label: &str,
    link: &PageLink,
    read: PageRead,
    got: Vec<Result<Read, PageFault>>,
    ids: &str,
    day: &mut Day,
) -> Page {
    let number = read.number.clone().unwrap_or_else(|| link.number.clone());
    let section = read.section.clone().or_else(|| link.section.clone());
    let mut articles = Vec::new();
    let mut lines = Vec::new();
    for (a, r) in read.articles.iter().zip(got) {
        match r {
            Ok(Read::Article(mut art)) => {
                art.id = ArticleId(format!("{ids}/{number}/{}", articles.len() + 1));
                articles.push(*art);
            }
            Ok(Read::Credits(c)) => lines.extend(c.into_iter().map(|text| PageLine {
                kind: PageLineKind::Credit,
                text,
            })),
            Err(e) => day
                .faults
                .push(format!("{label}: {} ({}): {e}", a.title, a.url)),
        }
    }
    let sec = section.as_deref().unwrap_or("");
    day.lines.push(if read.articles.is_empty() {
        format!("{label} {sec}: no articles (adverts?)")
    } else {
        format!("{label} {sec}: {} articles", articles.len())
    });
    let scan = read.scan.map(|s| PageScan {
        areas: (s.areas.into_iter())
            .filter_map(|mut area| {
                let url = &read.articles.get(area.article)?.url;
                area.article =
                    (articles.iter()).position(|a| a.link.as_deref() == Some(url.as_str()))?;
                Some(area)
            })
            .collect(),
        ..s
    });
    Page {
        number,
        section,
        lines,
        articles,
        scan,
    }
}
