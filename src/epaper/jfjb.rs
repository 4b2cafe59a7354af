//! 解放军报's site: one JSON index per day, `_szb/jfjb/YYYY/MM/DD/index.json`, holding
//! the whole issue. `paperInfo[]` is the pages in order (`paperNumber`, `paperBk` the
//! section, `paperData` the date, `paperImg` the scan, `paperPDF` the PDF), each with
//! `xyList[]`, its articles in order (`id`, `guideTitle` 引题, `title` 主题, `title2`
//! 副题, `author`, `content` the body as HTML). One request brings the day; each
//! article's link is the site's own reading page (`szb_223187/szbxq/index.html?…`).
//! The body HTML is read by the feed's item reader.

use serde_json::Value;

use super::day::{Day, DayError, Progress};
use super::fault::PageFault;
use super::site::Site;
use crate::feed::html::resolve;
use crate::feed::item::{self, ItemSource, without_dash};
use crate::import::clean::clean;
use crate::model::{Article, ArticleId, Page, PageScan};

/// A field as text, whether the JSON gives a string or a number; `None` when empty.
fn text(v: &Value, key: &str) -> Option<String> {
    let s = match v.get(key)? {
        Value::String(s) => clean(s),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// The site's reading page of one article, on the host that served `index`.
fn reading_page(index: &str, date: &str, page: &str, id: &str) -> String {
    let base = index.find("/_szb/").map_or(index, |i| &index[..i]);
    format!(
        "{base}/szb_223187/szbxq/index.html?paperName=jfjb&paperDate={date}&paperNumber={page}&articleid={id}"
    )
}

/// One article of `xyList`; an error names what is missing.
fn article(v: &Value, link: String) -> Result<Article, PageFault> {
    let title = text(v, "title").ok_or(PageFault::NoJsonTitle)?;
    let content = text(v, "content").ok_or(PageFault::NoJsonBody)?;
    let parsed = item::parse(&ItemSource {
        title: title.clone(),
        link: Some(link),
        html: Some(format!("<html><body>{content}</body></html>")),
        authors: text(v, "author").into_iter().collect(),
        ..Default::default()
    });
    let mut a = parsed.article;
    a.title = title;
    a.kicker = text(v, "guideTitle");
    a.subtitle = text(v, "title2").as_deref().and_then(without_dash);
    if a.paragraphs.is_empty() && a.photos.is_empty() {
        return Err(PageFault::EmptyJsonBody);
    }
    Ok(a)
}

/// One page of `paperInfo`, its faults pushed to `day`.
fn page(p: &Value, number: &str, url: &str, date: &str, slug: &str, day: &mut Day) -> Page {
    let label = format!("{} {date} page {number}", day.issue.paper);
    let mut articles = Vec::new();
    let list = p.get("xyList").and_then(Value::as_array);
    for x in list.into_iter().flatten() {
        let id = text(x, "id").unwrap_or_default();
        let link = reading_page(url, date, number, &id);
        match article(x, link.clone()) {
            Ok(mut a) => {
                a.id = ArticleId(format!("{slug}/{date}/{number}/{}", articles.len() + 1));
                articles.push(a);
            }
            Err(e) => {
                let t = text(x, "title").unwrap_or_default();
                day.faults.push(format!("{label}: {t} ({link}): {e}"));
            }
        }
    }
    let section = text(p, "paperBk");
    let sec = section.as_deref().unwrap_or("");
    day.lines.push(if articles.is_empty() {
        format!("{label} {sec}: no articles (adverts?)")
    } else {
        format!("{label} {sec}: {} articles", articles.len())
    });
    let image = text(p, "paperImg").map(|s| resolve(url, &s));
    let pdf = text(p, "paperPDF").map(|s| resolve(url, &s));
    Page {
        number: number.to_string(),
        section,
        lines: Vec::new(),
        articles,
        scan: (image.is_some() || pdf.is_some()).then(|| PageScan {
            image,
            pdf,
            areas: Vec::new(),
        }),
    }
}

/// The day from its `index.json` (`body`, fetched from `url`).
pub fn read_day(
    site: &Site,
    date: &str,
    body: &str,
    url: &str,
    progress: &mut dyn Progress,
) -> Result<Day, DayError> {
    let who = format!("{} {date}", site.name);
    let json: Value = serde_json::from_str(body.trim_start_matches('\u{feff}'))
        .map_err(|e| DayError::Failed(format!("{who} ({url}): not the day's index.json: {e}")))?;
    let info = json.get("paperInfo").and_then(Value::as_array);
    let info: Vec<&Value> = info.into_iter().flatten().collect();
    if info.is_empty() {
        return Err(DayError::Failed(format!(
            "{who} ({url}): the index names no pages (paperInfo)"
        )));
    }
    if let Some(d) = info
        .iter()
        .find_map(|p| text(p, "paperData"))
        .filter(|d| d != date)
    {
        return Err(DayError::NotServed(format!(
            "{who}: the site answers with its issue of {d}: this date is not served"
        )));
    }
    let mut day = Day::new(site.name.clone(), &site.slug, date);
    let total = info.len();
    for (i, p) in info.into_iter().enumerate() {
        let number =
            text(p, "paperNumber").map_or_else(|| format!("{:02}", i + 1), |n| format!("{n:0>2}"));
        if let Some(stored) = progress.stored(&number) {
            day.add_page(stored, true);
        } else {
            let faults = day.faults.len();
            let pg = page(p, &number, url, date, &site.slug, &mut day);
            let whole = day.faults.len() == faults;
            day.add_page(pg, whole);
        }
        progress.page(&day, i + 1, total);
    }
    Ok(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::epaper::catalogue::System;
    use crate::epaper::day::NoProgress;

    const INDEX: &str = r#"{"paperInfo":[
{"paperName":"解放军报","paperNumber":"01","paperBk":"要闻","paperData":"2026-09-27",
 "paperImg":"../../../../attachment/2026/09/27/01.jpg","paperPDF":"../../../../attachment/2026/09/27/01.pdf",
 "xyList":[{"id":987447,"guideTitle":"引题在此","title":"主题在此","title2":"——副题在此","author":"本报记者 张三",
   "content":"<p>　　本报北京9月26日电　第一段。</p><p>　　第二段。</p>","type":"文字"},
  {"id":987448,"title":"无正文","content":""}]},
{"paperNumber":"02","paperBk":"广告","paperData":"2026-09-27","xyList":[]}]}"#;

    fn site() -> Site {
        Site {
            name: "解放军报".into(),
            slug: "jfjb".into(),
            system: System::IndexJson,
            pattern: "http://h/_szb/jfjb/{yyyy}/{mm}/{dd}/index.json".into(),
        }
    }

    #[test]
    fn the_index_gives_every_page_and_article_and_names_what_is_missing() {
        let url = "http://h/_szb/jfjb/2026/09/27/index.json";
        let day = read_day(&site(), "2026-09-27", INDEX, url, &mut NoProgress)
            .unwrap_or_else(|e| panic!("{e}"));
        let p = &day.issue.pages;
        assert_eq!(p.len(), 2);
        assert_eq!(
            (p[0].number.as_str(), p[0].section.as_deref()),
            ("01", Some("要闻"))
        );
        let a = &p[0].articles[0];
        assert_eq!(
            (a.kicker.as_deref(), a.title.as_str(), a.subtitle.as_deref()),
            (Some("引题在此"), "主题在此", Some("副题在此"))
        );
        assert_eq!(a.byline.as_deref(), Some("本报记者 张三"));
        assert_eq!(a.dateline.as_deref(), Some("本报北京9月26日电"));
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(
            a.link.as_deref(),
            Some(
                "http://h/szb_223187/szbxq/index.html?paperName=jfjb&paperDate=2026-09-27&paperNumber=01&articleid=987447"
            )
        );
        let scan = p[0].scan.clone().unwrap_or_default();
        assert_eq!(
            scan.pdf.as_deref(),
            Some("http://h/_szb/attachment/2026/09/27/01.pdf")
        );
        assert_eq!(day.faults.len(), 1, "{:?}", day.faults);
        assert!(day.faults[0].contains("无正文") && day.faults[0].contains("no body"));
        assert_eq!(day.whole_pages, ["02"]);
    }

    #[test]
    fn an_error_page_or_another_day_is_one_line() {
        let url = "http://h/_szb/jfjb/2026/09/27/index.json";
        let html = read_day(
            &site(),
            "2026-09-27",
            "<html>502</html>",
            url,
            &mut NoProgress,
        );
        assert!(matches!(html, Err(DayError::Failed(e)) if e.contains("not the day's index.json")));
        let other = read_day(&site(), "2026-09-28", INDEX, url, &mut NoProgress);
        assert!(matches!(other, Err(DayError::NotServed(e)) if e.contains("2026-09-27")));
        let none = read_day(
            &site(),
            "2026-09-27",
            "{\"paperInfo\":[]}",
            url,
            &mut NoProgress,
        );
        assert!(matches!(none, Err(DayError::Failed(e)) if e.contains("paperInfo")));
    }
}
