//! One day of an e-paper site → one [`crate::model::Issue`]: the day's first page gives the page
//! list; each page gives its number, section, scan and articles (fetched [`super::http::PER_SITE`]
//! at a time); a story continued on another page (转版) joins its first part. Each
//! fault is one line naming the paper, date and page; the rest still comes in. A page
//! the library already holds whole ([`Progress::stored`]) is taken from there, not
//! fetched again, and [`Progress::page`] sees the day grow page by page (to store it).

pub use super::day::{Day, DayError, NoProgress, Progress, join_continued};

use super::catalogue::System;
use super::http::Client;
use super::page::{self, PageLink};
use super::site::Site;
use crate::feed::FeedError;

/// Fetch `site`'s issue of `date`, telling `progress` as each page is done.
pub fn fetch(
    site: &Site,
    date: &str,
    client: &Client,
    progress: &mut dyn Progress,
) -> Result<Day, DayError> {
    let who = format!("{} {date}", site.name);
    let first_url = site.first_page(date);
    let first = first_page(&who, &first_url, client)?;
    match site.system {
        System::IssueIndex => {
            return super::mrdx::read_day(site, date, &first, &first_url, client, progress);
        }
        System::IndexJson => {
            return super::jfjb::read_day(site, date, &first, &first_url, progress);
        }
        System::Layout | System::Founder => {}
    }
    let read = page::read(&first, &first_url)
        .map_err(|e| DayError::Failed(format!("{who} page 01 ({first_url}): {e}")))?;
    if let Some(d) = read.date.as_deref().filter(|d| *d != date) {
        return Err(DayError::NotServed(format!(
            "{who}: the site answers with its issue of {d}: this date is not served"
        )));
    }
    // A site dubao does not know is named after the paper its pages name.
    let paper = match &read.paper {
        Some(p) if site.name == site.slug => p.clone(),
        _ => site.name.clone(),
    };
    let mut day = Day::new(paper, &site.slug, date);
    let mut pages = read.pages.clone();
    if pages.is_empty() {
        day.faults.push(format!(
            "{who} page 01 ({first_url}): the page list names no pages"
        ));
        pages.push(PageLink {
            number: read.number.clone().unwrap_or_else(|| "01".into()),
            section: read.section.clone(),
            url: first_url.clone(),
        });
    }
    super::pipeline::fetch_pages(&who, &pages, (&first_url, read), client, progress, &mut day);
    Ok(day)
}

/// The day's first page (or index); 403 and 404 say the date is not served.
fn first_page(who: &str, url: &str, client: &Client) -> Result<String, DayError> {
    match client.page(url) {
        Ok(b) => Ok(b),
        Err(FeedError::Status(s)) if s.starts_with("403") || s.starts_with("404") => Err(
            DayError::NotServed(format!("{who}: the site does not serve this date ({s})")),
        ),
        Err(e) => Err(DayError::Failed(format!("{who}: {url}: {e}"))),
    }
}
