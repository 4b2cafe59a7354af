//! 新华每日电讯's site: `content/YYYYMMDD/IssueIndex.htm` sends the reader on (a `<meta
//! http-equiv=refresh>`) to the first page `PageNNXX.htm`, whose `div.listdaohang` lists
//! the whole issue: an `h4` per page (`01版：要闻`, with its PDF), then its articles'
//! links, the address in the site's own `daoxiang` attribute (or `href`). Each article
//! page (`ArticelNNNNNXX.htm`) is read by the feed's item reader (body in
//! `.contenttext`, or the table layout with an `enpproperty` comment).

use scraper::Html;

use super::article::Read;
use super::day::{Day, DayError, Progress, fetch_articles};
use super::http::Client;
use super::page::ArticleLink;
use super::site::Site;
use crate::feed::html::{self, resolve, sel};
use crate::feed::title;
use crate::model::{ArticleId, Page, PageLine, PageLineKind, PageScan};

/// One page of the issue as the list names it: number, section, PDF, articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listed {
    pub number: String,
    pub section: Option<String>,
    pub pdf: Option<String>,
    pub articles: Vec<ArticleLink>,
}

/// The pages of an issue's list, each with its articles, in order.
pub fn pages(body: &str, url: &str) -> Vec<Listed> {
    let doc = Html::parse_document(body);
    let mut out: Vec<Listed> = Vec::new();
    for e in doc.select(&sel("div.listdaohang h4, div.listdaohang ul a")) {
        if e.value().name() == "h4" {
            let text = html::line(e);
            let (p, rest) = title::split_page(&text);
            let (number, section) = match p {
                Some(p) => (p.page, p.section.or_else(|| Some(rest.to_string()))),
                None => (format!("{:02}", out.len() + 1), Some(text.clone())),
            };
            let pdf = e
                .select(&sel("a[href]"))
                .filter_map(|a| a.value().attr("href"))
                .find(|h| h.to_ascii_lowercase().ends_with(".pdf"))
                .map(|h| resolve(url, h));
            out.push(Listed {
                number,
                section: section.filter(|s| !s.is_empty()),
                pdf,
                articles: Vec::new(),
            });
        } else if let Some(last) = out.last_mut()
            && let Some(href) = e
                .value()
                .attr("daoxiang")
                .or_else(|| e.value().attr("href"))
                .filter(|h| !h.trim().is_empty() && !h.starts_with('#'))
        {
            let link = resolve(url, href.trim());
            if last.articles.iter().all(|a| a.url != link) {
                last.articles.push(ArticleLink {
                    title: crate::import::clean::clean(&html::line(e)),
                    url: link,
                });
            }
        }
    }
    out
}

/// Where a `<meta http-equiv="refresh" content="0; URL=…">` sends the reader.
pub fn refresh_target(body: &str) -> Option<String> {
    let doc = Html::parse_document(body);
    doc.select(&sel("meta[http-equiv]"))
        .filter(|m| {
            m.value()
                .attr("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
        })
        .find_map(|m| {
            let c = m.value().attr("content")?;
            let at = c.to_ascii_lowercase().find("url=")? + 4;
            let to = c[at..].trim().trim_matches(['\'', '"']);
            (!to.is_empty()).then(|| to.to_string())
        })
}

/// The day from its issue index `body` (already fetched from `url`): followed to the
/// first page when it only sends the reader on.
pub fn read_day(
    site: &Site,
    date: &str,
    body: &str,
    url: &str,
    client: &Client,
    progress: &mut dyn Progress,
) -> Result<Day, DayError> {
    let who = format!("{} {date}", site.name);
    let (mut body, mut url) = (body.to_string(), url.to_string());
    for _ in 0..3 {
        if !pages(&body, &url).is_empty() {
            break;
        }
        let Some(to) = refresh_target(&body) else {
            break;
        };
        let to = resolve(&url, &to);
        body = client
            .page(&to)
            .map_err(|e| DayError::Failed(format!("{who}: {to}: {e}")))?;
        url = to;
    }
    let list = pages(&body, &url);
    if list.is_empty() {
        return Err(DayError::Failed(format!(
            "{who} ({url}): the issue list names no pages (div.listdaohang h4)"
        )));
    }
    let mut day = Day::new(site.name.clone(), &site.slug, date);
    let total = list.len();
    for (i, listed) in list.into_iter().enumerate() {
        if let Some(page) = progress.stored(&listed.number) {
            day.add_page(page, true);
        } else {
            let faults = day.faults.len();
            let page = read_page(&who, &site.slug, date, listed, client, &mut day);
            let whole = day.faults.len() == faults;
            day.add_page(page, whole);
        }
        progress.page(&day, i + 1, total);
    }
    Ok(day)
}

/// One listed page's articles, fetched two at a time, in the list's order.
fn read_page(
    who: &str,
    slug: &str,
    date: &str,
    listed: Listed,
    client: &Client,
    day: &mut Day,
) -> Page {
    let number = listed.number;
    let label = format!("{who} page {number}");
    let mut articles = Vec::new();
    let mut lines = Vec::new();
    let links = listed.articles;
    for (a, r) in links.iter().zip(fetch_articles(&links, client)) {
        match r {
            Ok(Read::Credits(c)) => lines.extend(c.into_iter().map(|text| PageLine {
                kind: PageLineKind::Credit,
                text,
            })),
            Ok(Read::Article(mut art)) => {
                art.id = ArticleId(format!("{slug}/{date}/{number}/{}", articles.len() + 1));
                articles.push(*art);
            }
            Err(e) => day
                .faults
                .push(format!("{label}: {} ({}): {e}", a.title, a.url)),
        }
    }
    day.lines
        .push(format!("{label}: {} articles", articles.len()));
    Page {
        number,
        section: listed.section,
        lines,
        articles,
        scan: listed.pdf.map(|pdf| PageScan {
            pdf: Some(pdf),
            ..Default::default()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(p: &[Listed]) -> Vec<(&str, Option<&str>, usize)> {
        p.iter()
            .map(|l| (l.number.as_str(), l.section.as_deref(), l.articles.len()))
            .collect()
    }

    #[test]
    fn the_issue_list_gives_pages_and_their_articles() {
        let body = r#"<div class="listdaohang"><h4>第01版：要闻</h4><ul><li><a href="Articel01001NU.htm">甲</a></li><li><a href="Articel01002NU.htm">乙</a></li></ul>
<h4>第02版：国内</h4><ul><li><a href="Articel02001NU.htm">丙</a></li></ul></div>"#;
        let p = pages(body, "http://h/content/20250102/IssueIndex.htm");
        assert_eq!(
            summary(&p),
            [("01", Some("要闻"), 2), ("02", Some("国内"), 1)]
        );
        assert_eq!(
            p[0].articles[1].url,
            "http://h/content/20250102/Articel01002NU.htm"
        );
    }

    /// The layout the crawlers of mrdx.cn read (RSSHub's `mrdx` route, whats-hot-api's
    /// `paperindex_c` and its test page): IssueIndex.htm refreshes to Page01XX.htm; an
    /// `h4` holds the PDF link and the page link; an article's address is in
    /// `daoxiang`, not `href`.
    #[test]
    fn the_sites_own_layout_a_refresh_and_daoxiang_links() {
        let index = "<html><head><META HTTP-EQUIV='REFRESH' CONTENT='0; URL=Page01BC.htm'></head><body></body></html>";
        assert_eq!(refresh_target(index).as_deref(), Some("Page01BC.htm"));
        assert!(pages(index, "http://h/content/20260928/IssueIndex.htm").is_empty());
        let page = r#"<html><body><div class="listdaohang">
<h4><a href="../../PDF/20260928/01.pdf"><img src="../../public2/pdf.gif"/></a>
<a href="Page01BC.htm">01版：要闻 </a></h4>
<ul><li><a daoxiang="Articel01002NR.htm">大国正确相处的新路</a></li>
<li><a daoxiang="Articel01003NR.htm">厚植平安底色</a></li></ul>
<h4><a href="../../PDF/20260928/02.pdf"><img src="../../public2/pdf.gif"/></a>
<a href="Page02BC.htm">02版：文化 </a></h4>
<ul><li><a daoxiang="Articel02002NR.htm">中美关系新定位</a></li></ul></div></body></html>"#;
        let url = "http://h/content/20260928/Page01BC.htm";
        let p = pages(page, url);
        assert_eq!(
            summary(&p),
            [("01", Some("要闻"), 2), ("02", Some("文化"), 1)]
        );
        assert_eq!(p[0].articles[0].title, "大国正确相处的新路");
        assert_eq!(
            p[0].articles[0].url,
            "http://h/content/20260928/Articel01002NR.htm"
        );
        assert_eq!(p[1].pdf.as_deref(), Some("http://h/PDF/20260928/02.pdf"));
    }
}
