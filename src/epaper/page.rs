//! One page (版面) of an e-paper, as both HTML systems lay it out: the day's page list,
//! the page's own number and section, its articles in print order, the page scan with
//! each article's area, and the PDF. Addresses come back absolute.

use scraper::{ElementRef, Html};

use super::fault::PageFault;
use crate::feed::html::{self, resolve, sel};
use crate::feed::title;
use crate::model::{ArticleArea, PageScan};

/// A page of the day, as the page list names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLink {
    pub number: String,
    pub section: Option<String>,
    pub url: String,
}

/// An article as its page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLink {
    pub title: String,
    pub url: String,
}

/// What one page says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageRead {
    /// The page's number and section (`01`, `要闻`), when the page says them.
    pub number: Option<String>,
    pub section: Option<String>,
    /// Every page of the day, in order.
    pub pages: Vec<PageLink>,
    pub articles: Vec<ArticleLink>,
    /// The page scan with its areas; `areas[i].article` indexes `articles`.
    pub scan: Option<PageScan>,
    /// The date the page prints (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The paper's name as the page's `<title>` opens (`人民日报-人民网` → `人民日报`).
    pub paper: Option<String>,
}

/// Page lists, most specific first: the newer system's `a#pageLink`, the older's
/// `div#pageList a` (光明日报) and `div.swiper-slide a` (人民日报 until 2024-11).
const PAGE_LINKS: &str = "a#pageLink, #pageList a, .ban-list a, .swiper-slide a";
/// Article lists: `div.news ul.news-list`, `div#titleList ul`.
const ARTICLE_LINKS: &str = "ul.news-list li a, #titleList ul li a, #titleList a";
/// The page's own name: `p.left.ban` (`第01版：要闻`), `div.ban_t li`, `div.l_t`.
const PAGE_NAME: &str = "p.left.ban, .paper-bot .ban, div.ban_t li, div.l_t";

/// Read the page at `url`. An error says what was not found: a page that has neither a
/// page list nor an article list nor its own name is not an e-paper page.
pub fn read(body: &str, url: &str) -> Result<PageRead, PageFault> {
    let doc = Html::parse_document(body);
    let mut out = PageRead {
        pages: page_links(&doc, url),
        articles: article_links(&doc, url),
        date: date(&doc),
        paper: doc
            .select(&sel("title"))
            .next()
            .map(|t| t.text().collect::<String>())
            .and_then(|t| {
                let t = t.trim_matches(html::is_blank);
                let name = t.split([' ', '-', '－', '|', '_', '\u{3000}']).next()?;
                (!name.is_empty() && name.chars().count() <= 12).then(|| name.to_string())
            }),
        ..Default::default()
    };
    if let Some(name) = doc.select(&sel(PAGE_NAME)).next().map(html::line)
        && let (Some(p), _) = title::split_page(&name)
    {
        out.number = Some(p.page);
        out.section = p.section;
    }
    if out.number.is_none()
        && let Some(own) = out.pages.iter().find(|p| p.url == url)
    {
        out.number = Some(own.number.clone());
        out.section.clone_from(&own.section);
    }
    if out.pages.is_empty() && out.articles.is_empty() && out.number.is_none() {
        return Err(PageFault::NotAPage);
    }
    out.scan = scan(&doc, url, &out.articles);
    Ok(out)
}

/// The day's pages, in order, each once.
fn page_links(doc: &Html, url: &str) -> Vec<PageLink> {
    let mut out: Vec<PageLink> = Vec::new();
    for a in doc.select(&sel(PAGE_LINKS)) {
        let Some(href) = a.value().attr("href").filter(|h| !h.trim().is_empty()) else {
            continue;
        };
        let (Some(p), _) = title::split_page(&html::line(a)) else {
            continue;
        };
        let link = resolve(url, href);
        if out.iter().all(|o| o.url != link) {
            out.push(PageLink {
                number: p.page,
                section: p.section,
                url: link,
            });
        }
    }
    out
}

/// The page's articles in order, each once; a title the older system writes with
/// `document.write(view("…"))` is read out of the script.
fn article_links(doc: &Html, url: &str) -> Vec<ArticleLink> {
    let mut out: Vec<ArticleLink> = Vec::new();
    for a in doc.select(&sel(ARTICLE_LINKS)) {
        let Some(href) = a.value().attr("href").filter(|h| !h.trim().is_empty()) else {
            continue;
        };
        if href.starts_with('#') || href.starts_with("javascript") {
            continue;
        }
        let link = resolve(url, href);
        let mut text = html::line(a);
        if text.is_empty() {
            text = scripted_title(a).unwrap_or_default();
        }
        if out.iter().all(|o| o.url != link) {
            out.push(ArticleLink {
                title: crate::import::clean::clean(&text),
                url: link,
            });
        }
    }
    out
}

/// `document.write(view("标题"))` inside a link: the title.
fn scripted_title(a: ElementRef<'_>) -> Option<String> {
    let inner = a.inner_html();
    let at = inner.find("view(\"")? + "view(\"".len();
    let end = inner[at..].find('"')?;
    Some(html::tidy(&inner[at..at + end]))
}

/// The page scan (`img[usemap]`), its image map's areas matched to the articles, and
/// the page PDF.
fn scan(doc: &Html, url: &str, articles: &[ArticleLink]) -> Option<PageScan> {
    let image = doc
        .select(&sel("img[usemap], #pageImg img, .paper img"))
        .find_map(|i| i.value().attr("src"))
        .map(|s| resolve(url, s));
    let pdf = doc
        .select(&sel("a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .find(|h| h.to_ascii_lowercase().ends_with(".pdf"))
        .map(|h| resolve(url, h));
    let areas: Vec<ArticleArea> = doc
        .select(&sel("map area[coords][href]"))
        .filter_map(|area| {
            let link = resolve(url, area.value().attr("href")?);
            let article = articles.iter().position(|a| a.url == link)?;
            let coords = area
                .value()
                .attr("coords")?
                .split(',')
                .map(|c| c.trim().parse::<f64>().ok().map(|v| v.round() as i32))
                .collect::<Option<Vec<i32>>>()?;
            Some(ArticleArea { article, coords })
        })
        .collect();
    (image.is_some() || pdf.is_some() || !areas.is_empty()).then_some(PageScan {
        image,
        pdf,
        areas,
    })
}

/// The date the page prints: `span.newstime`, else the `publishdate` meta, else the title.
fn date(doc: &Html) -> Option<String> {
    let meta = doc
        .select(&sel("meta[name=publishdate], meta[name=PublishDate]"))
        .find_map(|m| m.value().attr("content").map(str::to_string));
    doc.select(&sel(".newstime, #newstime"))
        .map(html::line)
        .chain(meta)
        .chain(
            doc.select(&sel("title"))
                .map(|t| t.text().collect::<String>()),
        )
        .find_map(|t| title::date_in_text(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<html><head><title>测试日报</title></head><body>
<map name="PagePicMap"><area coords="1,2.6,30,40" shape="rect" href="../../../content/202601/02/content_2.html"></map>
<img src="../../../pic/202601/02/p1.jpg.2" usemap="#PagePicMap">
<div class="paper-bot"><p class="left ban"> 第01版：要闻 </p><p class="right btn"><a href="../../../attachement/202601/02/p1.pdf">PDF下载</a></p></div>
<p class="date"><span class="newstime">2026年01月02日 Fri</span></p>
<div class="swiper-box"><a id="pageLink" href="node_01.html">01版：要闻</a><a id="pageLink" href="node_02.html">02版：广告</a></div>
<div class="news"><ul class="news-list"><li><a href="../../../content/202601/02/content_1.html"> 第一篇 </a></li>
<li><a href="../../../content/202601/02/content_2.html">第二篇</a></li></ul></div></body></html>"##;

    #[test]
    fn a_layout_page_gives_its_list_articles_and_scan() {
        let url = "http://h/x/pc/layout/202601/02/node_01.html";
        let p = read(PAGE, url).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.number.as_deref(), Some("01"));
        assert_eq!(p.section.as_deref(), Some("要闻"));
        assert_eq!(p.date.as_deref(), Some("2026-01-02"));
        let pages: Vec<(&str, Option<&str>)> = p
            .pages
            .iter()
            .map(|l| (l.number.as_str(), l.section.as_deref()))
            .collect();
        assert_eq!(pages, [("01", Some("要闻")), ("02", Some("广告"))]);
        assert_eq!(p.articles[0].title, "第一篇");
        assert_eq!(
            p.articles[1].url,
            "http://h/x/pc/content/202601/02/content_2.html"
        );
        let scan = p.scan.unwrap_or_default();
        assert_eq!(
            scan.image.as_deref(),
            Some("http://h/x/pc/pic/202601/02/p1.jpg.2")
        );
        assert_eq!(
            scan.pdf.as_deref(),
            Some("http://h/x/pc/attachement/202601/02/p1.pdf")
        );
        assert_eq!(
            scan.areas,
            [ArticleArea {
                article: 1,
                coords: vec![1, 3, 30, 40]
            }]
        );
    }

    #[test]
    fn an_error_page_is_named_for_what_it_lacks() {
        let e = read(
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            "http://h/a",
        );
        assert!(e.is_err_and(
            |e| matches!(e, PageFault::NotAPage) && e.to_string().contains("a#pageLink")
        ));
    }

    #[test]
    fn the_older_system_and_its_scripted_titles() {
        let body = r#"<div class="ban_t"><ul><li>第02版:国内</li></ul></div>
<div id="pageList"><a href="nbs.D110000renmrb_01.htm">01版:要闻</a><a href="nbs.D110000renmrb_02.htm">02版:国内</a></div>
<div id="titleList"><ul><li><a href="nw.D110000renmrb_20190102_1-02.htm"><script>document.write(view("标题一"))</script></a></li></ul></div>"#;
        let p = read(
            body,
            "http://h/rmrb/html/2019-01/02/nbs.D110000renmrb_02.htm",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.number.as_deref(), Some("02"));
        assert_eq!(p.section.as_deref(), Some("国内"));
        assert_eq!(p.pages.len(), 2);
        assert_eq!(p.articles[0].title, "标题一");
        assert!(
            p.articles[0]
                .url
                .ends_with("/2019-01/02/nw.D110000renmrb_20190102_1-02.htm")
        );
    }

    /// The older pages as crawlers of them read them: 光明日报's `div#pageList` (its
    /// PDF links among the pages) and `div#titleList ul li a`; 人民日报's
    /// `div.swiper-container div.swiper-slide a` and `div.news ul.news-list li a`.
    #[test]
    fn the_older_systems_page_lists_as_crawlers_read_them() {
        let gmrb = r#"<div id="pageList"><a href="nbs.D110000gmrb_01.htm">01版:头版</a><a href="../../../images/2018-03/15/01/pdf.pdf">PDF</a><a href="nbs.D110000gmrb_02.htm">02版:要闻</a></div>
<div id="titleList"><ul><li><a href="nw.D110000gmrb_20180315_1-01.htm">汪洋当选全国政协主席</a></li></ul></div>"#;
        let p = read(gmrb, "http://h/gmrb/html/2018-03/15/nbs.D110000gmrb_01.htm")
            .unwrap_or_else(|e| panic!("{e}"));
        let pages: Vec<&str> = p.pages.iter().map(|l| l.number.as_str()).collect();
        assert_eq!(pages, ["01", "02"]);
        assert_eq!(p.articles[0].title, "汪洋当选全国政协主席");
        let rmrb = r#"<div class="swiper-container"><div class="swiper-slide"><a href="nbs.D110000renmrb_01.htm">01版：要闻</a></div><div class="swiper-slide"><a href="nbs.D110000renmrb_02.htm">02版：要闻</a></div></div>
<div class="news"><ul class="news-list"><li><a href="nw.D110000renmrb_20210302_1-01.htm">标题</a></li></ul></div>"#;
        let p = read(
            rmrb,
            "http://h/rmrb/html/2021-03/02/nbs.D110000renmrb_01.htm",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.pages.len(), 2);
        assert_eq!(p.number.as_deref(), Some("01"));
        assert!(
            p.articles[0]
                .url
                .ends_with("nw.D110000renmrb_20210302_1-01.htm")
        );
    }
}
