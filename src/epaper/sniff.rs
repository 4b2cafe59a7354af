//! What an address that is neither a known e-paper's shape nor clearly a feed's serves,
//! told from one fetch of it: a feed (RSS, Atom, JSON Feed), or a page of an e-paper
//! system dubao reads (the address it came from after redirects and `<meta refresh>`,
//! else the links of its page list, give the e-paper's address), or neither.

use super::http::Client;
use super::site::shape;
use crate::feed::html::resolve;

/// What an address serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Served {
    Feed,
    /// An e-paper; the address to follow it by.
    Epaper(String),
}

/// Why an address was not told.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SniffError {
    #[error("{url}: cannot tell whether it is a feed or an e-paper: {why}")]
    Fetch { url: String, why: String },
    #[error(
        "{url}: neither a feed (no <rss>, <feed> or JSON Feed) nor an e-paper page dubao reads (no page list a#pageLink, div.listdaohang or paperInfo)"
    )]
    Neither { url: String },
}

/// Whether `url` is shaped like a feed's address (`….xml`, `…/rss…`, `…feed…`).
pub fn is_feed_address(url: &str) -> bool {
    let path = super::catalogue::path_of(url).to_ascii_lowercase();
    let file = path.split(['?', '#']).next().unwrap_or("");
    let ext = [".xml", ".rss", ".atom", ".rdf", ".json"];
    ext.iter().any(|e| file.ends_with(e))
        || ["rss", "feed", "atom"].iter().any(|w| path.contains(w))
}

/// Fetch `url` once (following same-site redirects and `<meta refresh>`) and tell.
pub fn sniff(url: &str, client: &Client) -> Result<Served, SniffError> {
    let fail = |why: String| SniffError::Fetch {
        url: url.to_string(),
        why,
    };
    let (mut at, mut body) = client.page_at(url).map_err(|e| fail(e.to_string()))?;
    for _ in 0..3 {
        if shape(&at).is_some() || crate::feed::looks_like_feed(body.as_bytes()) {
            break;
        }
        let Some(to) = super::mrdx::refresh_target(&body) else {
            break;
        };
        (at, body) = client
            .page_at(&resolve(&at, &to))
            .map_err(|e| fail(e.to_string()))?;
    }
    tell(url, &at, &body)
}

/// What `body`, served for `url` from `at`, is.
pub fn tell(url: &str, at: &str, body: &str) -> Result<Served, SniffError> {
    if crate::feed::looks_like_feed(body.as_bytes()) {
        return Ok(Served::Feed);
    }
    if shape(at).is_some() {
        return Ok(Served::Epaper(at.to_string()));
    }
    if let Ok(read) = super::page::read(body, at)
        && let Some(p) = read.pages.iter().find(|p| shape(&p.url).is_some())
    {
        return Ok(Served::Epaper(p.url.clone()));
    }
    let listed = super::mrdx::pages(body, at);
    if !listed.is_empty()
        && let Some(i) = at.find("/content/")
    {
        return Ok(Served::Epaper(format!("{}PaperIndex.htm", &at[..i + 9])));
    }
    Err(SniffError::Neither {
        url: url.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_e_papers_and_neither_are_told_apart() {
        assert!(is_feed_address("https://example.cn/rmrb.xml"));
        assert!(is_feed_address("https://example.cn/rss/news"));
        assert!(!is_feed_address("https://example.cn/epaper/"));
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>";
        assert_eq!(tell("u", "http://h/news", rss), Ok(Served::Feed));
        let node = r#"<html><body><div class="swiper-box"><a id="pageLink" href="node_01.html">01版：要闻</a></div></body></html>"#;
        assert_eq!(
            tell("u", "http://h/x/pc/layout/202601/02/node_01.html", node),
            Ok(Served::Epaper(
                "http://h/x/pc/layout/202601/02/node_01.html".into()
            ))
        );
        // A page of the system at an address of another shape: its page list tells.
        let list = r#"<html><body><div class="swiper-box"><a id="pageLink" href="/x/pc/layout/202601/02/node_01.html">01版：要闻</a></div></body></html>"#;
        assert_eq!(
            tell("u", "http://h/epaper/", list),
            Ok(Served::Epaper(
                "http://h/x/pc/layout/202601/02/node_01.html".into()
            ))
        );
        let mrdx = r#"<html><body><div class="listdaohang"><h4><a href="Page01BC.htm">01版：要闻</a></h4><ul><li><a daoxiang="Articel01001NR.htm">甲</a></li></ul></div></body></html>"#;
        assert_eq!(
            tell("u", "http://h/content/20260928/Page01BC.htm", mrdx),
            Ok(Served::Epaper("http://h/content/PaperIndex.htm".into()))
        );
        let about = "<html><body><h1>关于我们</h1></body></html>";
        let e = tell("http://h/about", "http://h/about", about);
        assert!(matches!(e, Err(SniffError::Neither { .. })));
        assert!(e.is_err_and(|e| !e.to_string().contains('\n')));
    }
}
