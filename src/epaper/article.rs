//! One article page of an e-paper → one [`Article`], by the feed's item reader (ONE
//! parser of the e-paper's article markup serves feeds and e-papers): headline stack,
//! byline, dateline, body, subheads, photos with captions and credits, link. A page
//! whose markup lacks what an article has is an error naming what was not found, never
//! an empty article.

use scraper::Html;

use super::fault::PageFault;
use crate::feed::html::sel;
use crate::feed::item::{self, ItemSource};
use crate::model::Article;

/// Where the body sits in the systems' article pages.
const BODY: &str =
    "#ozoom, founder-content, #articleContent, div.text_c, #content, .contenttext, #contenttext";
/// Where the headline sits.
const HEADLINE: &str = "div.article h1, div.text_c h1, h1";

/// What an article page holds: an article, or the page's staff credits (`本版责编：…`).
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    Article(Box<Article>),
    Credits(Vec<String>),
}

/// Read the article page at `url`; `listed` is its title on the page's list.
pub fn read(body: &str, url: &str, listed: &str) -> Result<Article, PageFault> {
    match read_any(body, url, listed)? {
        Read::Article(a) => Ok(*a),
        Read::Credits(c) => Ok(Article {
            title: c.join(" "),
            link: Some(url.to_string()),
            ..Default::default()
        }),
    }
}

/// Read the article page at `url`: an article, or the page's credits.
pub fn read_any(body: &str, url: &str, listed: &str) -> Result<Read, PageFault> {
    let doc = Html::parse_document(body);
    let has_body = doc.select(&sel(BODY)).next().is_some();
    let has_headline = doc.select(&sel(HEADLINE)).next().is_some();
    let has_props = body.contains("<!--enpproperty");
    if !has_body && !has_props {
        return Err(PageFault::NoBody);
    }
    if !has_headline && !has_props && listed.is_empty() {
        return Err(PageFault::NoHeadline);
    }
    // The page is parsed once: the checks above and the item reader share it.
    let parsed = item::parse_doc(
        &ItemSource {
            title: listed.to_string(),
            link: Some(url.to_string()),
            html: Some(String::new()),
            ..Default::default()
        },
        &doc,
    );
    if let Some(c) = parsed.credits {
        return Ok(Read::Credits(c));
    }
    let a = parsed.article;
    // An empty body in a page that has its headline and body container is the paper's
    // own (a picture spread printed on the scan): kept, headline only. Without them the
    // page is not an article page as dubao knows it.
    if a.paragraphs.is_empty() && a.photos.is_empty() && !(has_body && has_headline) {
        return Err(PageFault::EmptyBody);
    }
    Ok(Read::Article(Box::new(a)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParagraphKind;

    const ART: &str = r#"<html><body><div class="article"><h3>引题在此</h3><h1>主题在此</h1><h2>——副题在此</h2>
<p class="sec"><span>本报记者 张三</span><span class="newstime">（2026年01月02日 01版）</span></p>
<div id="ozoom"><p>　　本报北京1月1日电　第一段。</p>
<p style="text-align:center"><strong>　　小标题</strong></p>
<p><img src="../../../pic/202601/02/a.jpg" class="picture-illustrating" data-original-title="图说在此。本报记者 李四摄"></p>
<p>　　第二段。</p></div></div></body></html>"#;

    #[test]
    fn the_whole_stack_body_and_photo() {
        let url = "http://h/x/pc/content/202601/02/content_1.html";
        let a = read(ART, url, "主题在此").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (a.kicker.as_deref(), a.title.as_str(), a.subtitle.as_deref()),
            (Some("引题在此"), "主题在此", Some("副题在此"))
        );
        assert_eq!(a.byline.as_deref(), Some("本报记者 张三"));
        assert_eq!(a.dateline.as_deref(), Some("本报北京1月1日电"));
        let kinds: Vec<(ParagraphKind, &str)> = a
            .paragraphs
            .iter()
            .map(|p| (p.kind, p.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (ParagraphKind::Text, "第一段。"),
                (ParagraphKind::Subhead, "小标题"),
                (ParagraphKind::Caption, "图说在此。本报记者 李四摄"),
                (ParagraphKind::Text, "第二段。"),
            ]
        );
        assert_eq!(a.photos.len(), 1);
        assert_eq!(a.photos[0].url, "http://h/x/pc/pic/202601/02/a.jpg");
        assert_eq!(a.photos[0].caption.as_deref(), Some("图说在此。"));
        assert_eq!(a.photos[0].credit.as_deref(), Some("本报记者 李四摄"));
        assert_eq!(a.photos[0].at, 2);
        assert_eq!(a.link.as_deref(), Some(url));
    }

    #[test]
    fn a_page_without_its_body_is_an_error_not_an_empty_article() {
        let no_body = "<html><body><div class=\"article\"><h1>题</h1></div></body></html>";
        assert!(read(no_body, "http://h/a", "题").is_err_and(|e| matches!(e, PageFault::NoBody)));
        let props_only =
            "<html><body><!--enpproperty <title>题</title>/enpproperty--></body></html>";
        assert!(
            read(props_only, "http://h/a", "题").is_err_and(|e| matches!(e, PageFault::EmptyBody))
        );
        // The paper's own empty body (a picture spread): the headline is kept.
        let empty = "<html><body><div class=\"article\"><h1>题</h1><div id=\"ozoom\"><p><br/></p></div></div></body></html>";
        assert!(read(empty, "http://h/a", "").is_ok_and(|a| a.title == "题"));
    }
}
