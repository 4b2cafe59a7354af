//! One feed item → one article: its page and section, headline stack (heading elements,
//! else the `enpproperty` comment, else the title), byline, dateline, the paper's date,
//! and paragraphs with the e-paper's furniture left out.

use scraper::{ElementRef, Html};

use super::enp::Props;
use super::html::{self, Block, sel};
use super::photo::add_caption;
pub use super::photo::split_credit;
use super::stack::Stack;
use super::title::{self, PagePrefix};
use crate::import::clean::clean;
use crate::import::{at_most, ends_sentence, is_page_credit, is_page_furniture, split_dateline};
use crate::model::{Article, ArticleKind, Paragraph, ParagraphKind};

/// What a feed gives for one item, whatever its format.
#[derive(Debug, Clone, Default)]
pub struct ItemSource {
    pub title: String,
    pub link: Option<String>,
    /// The item's HTML (`content:encoded`, `description`, `content_html`, Atom content).
    pub html: Option<String>,
    /// Plain text when the feed gives no HTML.
    pub text: Option<String>,
    pub categories: Vec<String>,
    pub authors: Vec<String>,
}

/// An item read: where it goes and what it is.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub page: Option<PagePrefix>,
    /// The paper's date for the item, if anything in the item says it.
    pub date: Option<String>,
    /// The article, id not yet set.
    pub article: Article,
    /// Set when the item is the page's staff credits (`本版责编：…`), not an article.
    pub credits: Option<Vec<String>>,
}

/// Where e-papers put the article's body, most specific first.
const BODIES: [&str; 8] = [
    "#ozoom",
    "#articleContent",
    "founder-content",
    ".article-content",
    ".contenttext, #contenttext",
    "#content",
    "article",
    "body",
];

/// Read one item.
pub fn parse(src: &ItemSource) -> Parsed {
    parse_doc(
        src,
        &Html::parse_document(src.html.as_deref().unwrap_or("")),
    )
}

/// Read one item whose HTML (`src.html`) is already parsed as `doc`.
pub fn parse_doc(src: &ItemSource, doc: &Html) -> Parsed {
    let item_title = clean(&src.title);
    let (prefix, rest) = title::split_page(&item_title);
    let rest = rest.to_string();
    let page = prefix.or_else(|| page_from_categories(&src.categories));
    let props = Props::find(doc);
    let stack = Stack::read(doc, props.as_ref(), &rest);
    let mut article = Article {
        kicker: stack.kicker.clone(),
        title: stack.title.clone(),
        subtitle: stack.subtitle.as_deref().and_then(without_dash),
        column: stack.column.clone(),
        link: src.link.as_deref().map(clean),
        ..Default::default()
    };
    article.byline = byline(doc, props.as_ref(), &src.authors);
    let blocks = match (&src.html, &src.text) {
        (Some(_), _) => body_blocks(doc),
        (None, Some(text)) => text_blocks(text),
        (None, None) => Vec::new(),
    };
    fill_body(&mut article, &blocks, &stack, src.link.as_deref());
    let page = page.or_else(|| page_from_date_line(doc));
    let page = match (page, props.as_ref().and_then(|p| p.nodename.clone())) {
        (Some(mut p), Some(node)) if p.section.is_none() => {
            p.section = Some(node);
            Some(p)
        }
        (p, _) => p,
    };
    let date = date_of(doc, props.as_ref(), src);
    let credits = is_credit_title(&article.title).then(|| {
        std::iter::once(article.title.clone())
            .chain(article.paragraphs.iter().map(|p| p.text.clone()))
            .collect()
    });
    Parsed {
        page,
        date,
        article,
        credits,
    }
}

/// A 副题 without the dash that opens it in print (`——记…` → `记…`); `None` if nothing
/// is left.
pub fn without_dash(subtitle: &str) -> Option<String> {
    let t = subtitle
        .trim_start_matches(['—', '-', '－', '─'])
        .trim_matches(html::is_blank);
    (!t.is_empty()).then(|| t.to_string())
}

/// `[01版：要闻]` among the categories, else a short category as the section.
fn page_from_categories(categories: &[String]) -> Option<PagePrefix> {
    categories
        .iter()
        .find_map(|c| title::split_page(c).0)
        .or_else(|| {
            let c = categories.iter().find(|c| {
                let n = c.chars().count();
                (1..=12).contains(&n)
            })?;
            Some(PagePrefix {
                page: String::new(),
                section: Some(clean(c)),
            })
        })
}

/// `《人民日报》（2026年08月22日 第 01 版）`: the page in the e-paper's date line.
fn page_from_date_line(doc: &Html) -> Option<PagePrefix> {
    let text = doc.select(&sel(".date")).next().map(html::line)?;
    let at = text.find('第')?;
    let after = text[at + '第'.len_utf8()..].trim_start();
    let (page, rest) = title::page_label(after)?;
    rest.trim_start().starts_with('版').then_some(PagePrefix {
        page,
        section: None,
    })
}

/// The byline: the e-paper's `<p class="sec">` without its date, else the comment's
/// author, else the feed's.
fn byline(doc: &Html, props: Option<&Props>, authors: &[String]) -> Option<String> {
    let sec = doc.select(&sel("p.sec")).next().map(|e| {
        let skip = |el: &ElementRef<'_>| el.value().has_class("date", case()) || is_time(el);
        let blocks = html::blocks(e, &skip);
        let parts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        clean(&parts.join(" "))
    });
    sec.filter(|s| !s.is_empty())
        .or_else(|| props.and_then(|p| p.author.as_deref()).map(clean))
        .or_else(|| {
            let names: Vec<String> = authors
                .iter()
                .map(|a| clean(a.trim()))
                .filter(|a| !a.is_empty())
                .collect();
            (!names.is_empty()).then(|| names.join(" "))
        })
}

fn case() -> scraper::CaseSensitivity {
    scraper::CaseSensitivity::AsciiCaseInsensitive
}

fn is_time(el: &ElementRef<'_>) -> bool {
    el.value().has_class("newstime", case())
}

/// The paper's date as the item gives it: the e-paper's date line, the comment, the
/// link. (The feed's title and the item's publication time come after, in `assemble`.)
fn date_of(doc: &Html, props: Option<&Props>, src: &ItemSource) -> Option<String> {
    doc.select(&sel(".newstime"))
        .next()
        .and_then(|e| title::date_in_text(&html::line(e)))
        .or_else(|| props.and_then(|p| p.date.as_deref().and_then(title::date_in_text)))
        .or_else(|| src.link.as_deref().and_then(title::date_in_link))
}

/// The blocks of the article's body, from the first body container that has any.
fn body_blocks(doc: &Html) -> Vec<Block> {
    let skip = |el: &ElementRef<'_>| {
        let v = el.value();
        matches!(v.name(), "nav" | "header" | "footer")
            || is_hidden(el)
            || (v.name() == "p" && v.has_class("sec", case()))
            || v.has_class("date", case())
            || is_time(el)
    };
    for css in BODIES {
        if let Some(root) = doc.select(&sel(css)).next() {
            let blocks = html::blocks(root, &skip);
            if !blocks.is_empty() {
                let mut out = captions_outside(doc, root);
                out.extend(blocks);
                return out;
            }
        }
    }
    html::blocks(doc.root_element(), &skip)
}

/// `style="display:none"`: not shown to a reader (中国青年报 hides a second copy of the
/// body so).
fn is_hidden(el: &ElementRef<'_>) -> bool {
    el.value().attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.to_ascii_lowercase().contains("display:none")
    })
}

/// Photos set before the body, outside its container, with their caption beside them
/// (`<div><img …><span>图说。新华社发</span></div>`).
fn captions_outside(doc: &Html, body: ElementRef<'_>) -> Vec<Block> {
    let inside = |e: &ElementRef<'_>| e.ancestors().any(|a| a.id() == body.id());
    // A whole e-paper page: only photos within its article, not the page's furniture.
    let article = doc.select(&sel("div.article")).next();
    let in_article =
        |e: &ElementRef<'_>| article.is_none_or(|art| e.ancestors().any(|a| a.id() == art.id()));
    doc.select(&sel("img"))
        .filter(|img| !inside(img) && in_article(img))
        .filter_map(|img| {
            let parent = img.parent().and_then(ElementRef::wrap)?;
            if matches!(parent.value().name(), "body" | "html") || parent.id() == body.id() {
                return None;
            }
            let text = html::line(parent);
            (!text.is_empty() && at_most(&text, 200)).then_some(Block {
                text,
                bold: false,
                caption: true,
                image: img.value().attr("src").map(str::to_string),
            })
        })
        .collect()
}

/// Plain text: one paragraph a line.
fn text_blocks(text: &str) -> Vec<Block> {
    text.lines()
        .map(html::tidy)
        .filter(|t| !t.is_empty())
        .map(|text| Block {
            text,
            bold: false,
            caption: false,
            image: None,
        })
        .collect()
}

/// Turn blocks into the article's paragraphs, byline and dateline.
fn fill_body(article: &mut Article, blocks: &[Block], stack: &Stack, link: Option<&str>) {
    let last = blocks.len().saturating_sub(1);
    let keys = stack.keys();
    for (i, b) in blocks.iter().enumerate() {
        let text = clean(&b.text);
        if b.caption {
            add_caption(article, b, text, link);
            continue;
        }
        if is_furniture(&text) || Stack::has(&keys, &text) {
            continue;
        }
        // The byline under the stack (after a repeated headline), or closing the text.
        let leading = article.paragraphs.is_empty() && i < 4;
        if (leading || i == last) && is_byline(&text, i == last) && took_byline(article, &text) {
            continue;
        }
        if let Some(label) = column_label(&text)
            && article
                .paragraphs
                .iter()
                .all(|p| p.kind == ParagraphKind::Caption)
        {
            if article.column.is_none() {
                article.column = Some(label.to_string());
            }
            continue;
        }
        let kind = if b.bold && at_most(&text, 30) && !ends_sentence(&text) {
            ParagraphKind::Subhead
        } else {
            ParagraphKind::Text
        };
        article.paragraphs.push(Paragraph {
            kind,
            speaker: None,
            text,
        });
    }
    take_dateline(article);
    let captions = article
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Caption)
        .count();
    let texts = article.paragraphs.len() - captions;
    if captions > 0 && (texts <= 1 || article.title.contains("图片报道")) {
        article.kind = ArticleKind::Photo;
    }
}

/// Whether a byline-shaped line is the article's byline: the first one becomes it, and
/// one repeating the byline the item already gives is dropped; any other stays text.
fn took_byline(article: &mut Article, text: &str) -> bool {
    match &article.byline {
        None => {
            article.byline = Some(text.to_string());
            true
        }
        // The byline the item already gives, printed again over the text.
        Some(b) => squeezed(b) == squeezed(text) || squeezed(text).ends_with(&squeezed(b)),
    }
}

/// The dateline opening the first text paragraph, moved to the article's dateline.
fn take_dateline(article: &mut Article) {
    if let Some(first) = article
        .paragraphs
        .iter_mut()
        .find(|p| p.kind == ParagraphKind::Text)
        && let Some((head, rest)) = split_dateline(&first.text)
        && !rest.is_empty()
    {
        let (head, rest) = (head.to_string(), rest.to_string());
        article.dateline = Some(head);
        first.text = rest;
    }
}

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !html::is_blank(*c)).collect()
}

/// A byline: the importer's rule, or at the end of the body, a bracketed list of who
/// reported (`（本报记者 刘艳杰 本报通讯员 魏旭洁）`).
fn is_byline(text: &str, at_end: bool) -> bool {
    const WHO: [&str; 6] = [
        "本报记者",
        "记者",
        "本报评论员",
        "新华社记者",
        "本报驻",
        "作者：",
    ];
    if crate::import::is_byline(text) {
        return true;
    }
    let inner = text.strip_prefix('（').and_then(|t| t.strip_suffix('）'));
    at_end
        && inner.is_some_and(|t| {
            WHO.iter().any(|w| t.starts_with(w)) && !t.contains('。') && at_most(t, 60)
        })
}

/// `【记者连线】` on a line of its own at the top: the column.
fn column_label(text: &str) -> Option<&str> {
    let inner = text
        .strip_prefix('【')?
        .strip_suffix('】')?
        .trim_matches(html::is_blank);
    (!inner.is_empty() && !inner.contains(['【', '】']) && at_most(inner, 20)).then_some(inner)
}

/// The e-paper's furniture: date lines, source lines, navigation.
fn is_furniture(text: &str) -> bool {
    const NAV: [&str; 14] = [
        "上一篇",
        "下一篇",
        "上一版",
        "下一版",
        "返回目录",
        "返回版面",
        "版面导航",
        "标题导航",
        "放大",
        "缩小",
        "默认",
        "打印",
        "关闭",
        "回到顶部",
    ];
    if is_page_furniture(text) || text.contains("稿件来源") {
        return true;
    }
    if !at_most(text, 40) || text.contains('。') {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| html::is_blank(c) || matches!(c, '|' | '｜' | '>' | '<' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    if !words.is_empty() && words.iter().all(|w| NAV.iter().any(|n| w.starts_with(n))) {
        return true;
    }
    title::date_in_text(text).is_some() && (text.contains("星期") || text.contains('版'))
}

/// `本版责编：…`, `一版责编：…`: the page's staff, not an article.
fn is_credit_title(title: &str) -> bool {
    is_page_credit(title)
        || (!title.contains('。')
            && ["责编：", "责编:", "责任编辑："]
                .iter()
                .any(|w| title.contains(w))
            && at_most(title, 200))
}

#[cfg(test)]
mod tests;
