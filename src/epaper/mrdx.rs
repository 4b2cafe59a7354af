//! 新华每日电讯's site: `content/YYYYMMDD/IssueIndex.htm` lists the whole issue
//! (`div.listdaohang`: an `h4` per page, then its articles' links); each article page
//! (`ArticelNNNNNXX.htm`) is the table layout with an `enpproperty` comment, which the
//! feed's item reader takes the headline stack from.

use scraper::Html;

use super::article::Read;
use super::http::Client;
use super::issue::{Day, DayError, fetch_articles};
use super::page::ArticleLink;
use super::site::Site;
use crate::feed::html::{self, resolve, sel};
use crate::feed::title;
use crate::model::{ArticleId, Issue, Page, PageLine, PageLineKind};

/// The pages of an issue index, each with its articles, in order.
pub fn pages(body: &str, url: &str) -> Vec<(String, Option<String>, Vec<ArticleLink>)> {
    let doc = Html::parse_document(body);
    let mut out: Vec<(String, Option<String>, Vec<ArticleLink>)> = Vec::new();
    for e in doc.select(&sel("div.listdaohang h4, div.listdaohang a[href]")) {
        if e.value().name() == "h4" {
            let text = html::line(e);
            let (p, rest) = title::split_page(&text);
            let (number, section) = match p {
                Some(p) => (p.page, p.section.or_else(|| Some(rest.to_string()))),
                None => (format!("{:02}", out.len() + 1), Some(text.clone())),
            };
            out.push((number, section.filter(|s| !s.is_empty()), Vec::new()));
        } else if let Some(last) = out.last_mut()
            && let Some(href) = e.value().attr("href")
        {
            let link = resolve(url, href);
            if last.2.iter().all(|a| a.url != link) {
                last.2.push(ArticleLink {
                    title: crate::import::clean::clean(&html::line(e)),
                    url: link,
                });
            }
        }
    }
    out
}

/// The day from its issue index `body` (already fetched from `url`).
pub fn read_day(
    site: &Site,
    date: &str,
    body: &str,
    url: &str,
    client: &Client,
    on_page: &mut dyn FnMut(usize, usize),
) -> Result<Day, DayError> {
    let who = format!("{} {date}", site.name);
    let list = pages(body, url);
    if list.is_empty() {
        return Err(DayError::Failed(format!(
            "{who} ({url}): the issue index names no pages (div.listdaohang h4)"
        )));
    }
    let mut day = Day {
        issue: Issue {
            paper: site.name.clone(),
            slug: site.slug.clone(),
            date: date.to_string(),
            pages: Vec::new(),
        },
        ..Default::default()
    };
    let total = list.len();
    for (i, (number, section, links)) in list.into_iter().enumerate() {
        let label = format!("{who} page {number}");
        let mut articles = Vec::new();
        let mut lines = Vec::new();
        for (a, r) in links.iter().zip(fetch_articles(&links, client)) {
            match r {
                Ok(Read::Credits(c)) => lines.extend(c.into_iter().map(|text| PageLine {
                    kind: PageLineKind::Credit,
                    text,
                })),
                Ok(Read::Article(mut art)) => {
                    art.id = ArticleId(format!(
                        "{}/{date}/{number}/{}",
                        site.slug,
                        articles.len() + 1
                    ));
                    articles.push(*art);
                }
                Err(e) => day
                    .faults
                    .push(format!("{label}: {} ({}): {e}", a.title, a.url)),
            }
        }
        day.lines
            .push(format!("{label}: {} articles", articles.len()));
        day.issue.pages.push(Page {
            number,
            section,
            lines,
            articles,
            scan: None,
        });
        on_page(i + 1, total);
    }
    super::issue::join_continued(&mut day.issue);
    Ok(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_index_lists_pages_and_their_articles() {
        let body = r#"<div class="listdaohang"><h4>第01版：要闻</h4><ul><li><a href="Articel01001NU.htm">甲</a></li><li><a href="Articel01002NU.htm">乙</a></li></ul>
<h4>第02版：国内</h4><ul><li><a href="Articel02001NU.htm">丙</a></li></ul></div>"#;
        let p = pages(body, "http://h/content/20250102/IssueIndex.htm");
        let got: Vec<(&str, Option<&str>, usize)> = p
            .iter()
            .map(|(n, s, a)| (n.as_str(), s.as_deref(), a.len()))
            .collect();
        assert_eq!(got, [("01", Some("要闻"), 2), ("02", Some("国内"), 1)]);
        assert_eq!(
            p[0].2[1].url,
            "http://h/content/20250102/Articel01002NU.htm"
        );
    }
}
