//! An item's HTML → blocks of text, through a real HTML parser (scraper / html5ever):
//! `<p>`, `<div>`, table cells and `<br>` end a block; scripts, styles and comments are
//! dropped; entities are decoded by the parser; an image becomes a caption block from its
//! `data-original-title`, `title` or `alt` text.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// One block of text as it stands in the HTML, whitespace tidied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    /// Every character is inside `<strong>` / `<b>`: an in-text subhead.
    pub bold: bool,
    /// A photo caption (with its credit) from an image's attributes.
    pub caption: bool,
    /// The image's address as written (`src`), for a photo's block; its text is empty
    /// when the image has no words.
    pub image: Option<String>,
}

/// Elements whose content is never text of the article.
const SKIPPED: [&str; 11] = [
    "script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg",
    "select", "button",
];

/// Elements that end a block when they open or close.
const BLOCKS: [&str; 26] = [
    "p",
    "div",
    "br",
    "td",
    "th",
    "tr",
    "table",
    "tbody",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "center",
    "hr",
    "pre",
];

/// Elements whose text stands out as a subhead does: bold and headings.
fn is_bold(name: &str) -> bool {
    matches!(
        name,
        "strong" | "b" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
    )
}

/// A CSS selector written in this file; they are constants, so parsing cannot fail.
pub fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|_| unreachable!("constant selector {css}"))
}

/// The blocks under `root`, in document order, leaving out elements `skip` says to.
pub fn blocks(root: ElementRef<'_>, skip: &dyn Fn(&ElementRef<'_>) -> bool) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur = Run::default();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut bold_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => cur.push(&t.text, bold_depth > 0),
                    Node::Element(_) => {
                        let Some(el) = ElementRef::wrap(node) else {
                            continue;
                        };
                        let name = el.value().name();
                        if node.id() != root.id() && (SKIPPED.contains(&name) || skip(&el)) {
                            skipping = Some(node.id());
                            continue;
                        }
                        if BLOCKS.contains(&name) {
                            cur.flush(&mut out);
                        }
                        if is_bold(name) {
                            bold_depth += 1;
                        }
                        if name == "img" {
                            cur.flush(&mut out);
                            out.extend(photo(&el));
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Some(el) = ElementRef::wrap(node) {
                    let name = el.value().name();
                    if BLOCKS.contains(&name) {
                        cur.flush(&mut out);
                    }
                    if is_bold(name) {
                        bold_depth = bold_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    cur.flush(&mut out);
    out
}

/// The text of `root` as one line: its blocks joined by a space.
pub fn line(root: ElementRef<'_>) -> String {
    let blocks = blocks(root, &|_| false);
    let parts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    parts.join(" ")
}

/// The text of an HTML fragment as one line (`<p> 标题 </p>` → `标题`).
pub fn fragment_line(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    line(doc.root_element())
}

/// An image's block: its caption, from the attribute e-papers keep it in (itself HTML),
/// else its `title` or `alt`, and its address; `None` when it has neither.
fn photo(img: &ElementRef<'_>) -> Option<Block> {
    let attr = |n: &str| img.value().attr(n).map(str::trim).filter(|s| !s.is_empty());
    let raw = attr("data-original-title")
        .or_else(|| attr("title"))
        .or_else(|| attr("alt"))
        .unwrap_or("");
    let doc = Html::parse_fragment(raw);
    let parts: Vec<String> = blocks(doc.root_element(), &|_| false)
        .into_iter()
        .map(|b| b.text)
        .filter(|t| !t.is_empty())
        .collect();
    let text = parts.join(" ");
    let image = attr("src").map(str::to_string);
    (!text.is_empty() || image.is_some()).then_some(Block {
        text,
        bold: false,
        caption: true,
        image,
    })
}

/// `href` read against the page at `base`, as a browser would: absolute addresses as
/// they are, `/x` on the base's host, `../x` and `x` against its folder.
pub fn resolve(base: &str, href: &str) -> String {
    let href = href.trim();
    if href.contains("://") {
        return href.to_string();
    }
    let Some((scheme, rest)) = base.split_once("://") else {
        return href.to_string();
    };
    if let Some(h) = href.strip_prefix("//") {
        return format!("{scheme}://{h}");
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let (host, path) = rest.find('/').map_or((rest, "/"), |i| rest.split_at(i));
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        folder.split('/').filter(|p| !p.is_empty()).collect()
    };
    let (href_path, tail) = href
        .find(['?', '#'])
        .map_or((href, ""), |i| href.split_at(i));
    let segments: Vec<&str> = href_path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            ".." => {
                parts.pop();
            }
            "." | "" if i + 1 < segments.len() => {}
            s => parts.push(s),
        }
    }
    format!("{scheme}://{host}/{}{tail}", parts.join("/"))
}

/// The block being gathered.
#[derive(Default)]
struct Run {
    text: String,
    plain_chars: bool,
}

impl Run {
    fn push(&mut self, text: &str, bold: bool) {
        if !bold && text.chars().any(|c| !is_blank(c)) {
            self.plain_chars = true;
        }
        self.text.push_str(text);
    }

    fn flush(&mut self, out: &mut Vec<Block>) {
        let text = tidy(&self.text);
        if !text.is_empty() {
            out.push(Block {
                text,
                bold: !self.plain_chars,
                caption: false,
                image: None,
            });
        }
        self.text.clear();
        self.plain_chars = false;
    }
}

/// Blank for trimming: ASCII and Unicode spaces, the full-width indent, no-break space.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{200b}' || c == '\u{feff}'
}

/// Whitespace as a reader sees it: a run holding a line break is source formatting, so
/// it goes between two wide characters and becomes one space elsewhere; other runs stay
/// (`苏  滨` is how the paper spaces a two-character name). Both ends trimmed.
pub fn tidy(text: &str) -> String {
    let text = text.trim_matches(is_blank);
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Text between runs is copied whole; only the runs (and zero-width chars) are looked at.
    while let Some(at) = rest.find(|c: char| in_run(c) || is_zero_width(c)) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(c) = rest.chars().next().filter(|&c| is_zero_width(c)) else {
            let end = rest.find(|n: char| !in_run(n)).unwrap_or(rest.len());
            let run = &rest[..end];
            rest = &rest[end..];
            if run.contains(['\n', '\r', '\t']) {
                let before_wide = out.chars().next_back().is_some_and(|p| !p.is_ascii());
                let after_wide = rest.chars().next().is_some_and(|n| !n.is_ascii());
                if !(before_wide && after_wide) {
                    out.push(' ');
                }
            } else {
                out.extend(run.chars().map(|c| if c == '\u{a0}' { ' ' } else { c }));
            }
            continue;
        };
        rest = &rest[c.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// White space that makes up a run for [`tidy`] (the full-width indent is text).
fn in_run(c: char) -> bool {
    (c.is_whitespace() || c == '\u{a0}') && c != '\u{3000}'
}

/// Zero-width chars [`tidy`] drops.
fn is_zero_width(c: char) -> bool {
    c == '\u{200b}' || c == '\u{feff}'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`tidy`] as first written, a char at a time: the reference it must agree with.
    fn tidy_by_char(text: &str) -> String {
        let text = text.trim_matches(is_blank);
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if is_zero_width(c) {
                continue;
            }
            if !in_run(c) {
                out.push(c);
                continue;
            }
            let mut run = String::from(c);
            while let Some(&n) = chars.peek().filter(|&&n| in_run(n)) {
                run.push(n);
                chars.next();
            }
            if run.contains(['\n', '\r', '\t']) {
                let before_wide = out.chars().next_back().is_some_and(|p| !p.is_ascii());
                let after_wide = chars.peek().is_some_and(|n| !n.is_ascii());
                if !(before_wide && after_wide) {
                    out.push(' ');
                }
            } else {
                out.push_str(&run.replace('\u{a0}', " "));
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn tidy_agrees_with_the_char_at_a_time_reading(
            text in "[ \t\r\n\u{a0}\u{3000}\u{200b}\u{feff}a1，中文]{0,40}"
        ) {
            proptest::prop_assert_eq!(tidy(&text), tidy_by_char(&text));
        }
    }

    fn doc_blocks(html: &str) -> Vec<Block> {
        let doc = Html::parse_fragment(html);
        blocks(doc.root_element(), &|_| false)
    }

    #[test]
    fn paragraphs_breaks_and_entities() {
        let b = doc_blocks(
            "<p>　　一&amp;二</p><p>三<br>四</p><script>x()</script><!-- 注释 --><style>p{}</style>",
        );
        let t: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(t, ["一&二", "三", "四"]);
    }

    #[test]
    fn bold_block_and_caption() {
        let b = doc_blocks(
            r#"<p><strong>小标题</strong></p><p>正文<b>加粗</b></p><p><img data-original-title="&lt;p&gt;图说。&lt;/p&gt;&lt;p&gt;张三摄&lt;/p&gt;"></p>"#,
        );
        assert!(b[0].bold && !b[1].bold);
        assert_eq!(b[2].text, "图说。 张三摄");
        assert!(b[2].caption);
    }

    #[test]
    fn tidy_keeps_name_spacing_and_drops_line_breaks_between_han() {
        assert_eq!(
            tidy("  本报记者  马跃峰\n\t\t苏  滨 "),
            "本报记者  马跃峰苏  滨"
        );
        assert_eq!(tidy("a\n  b"), "a b");
        assert_eq!(tidy("\u{3000}\u{3000}正文"), "正文");
    }

    #[test]
    fn addresses_resolve_against_the_page() {
        let page = "https://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html";
        assert_eq!(
            resolve(page, "../../../content/202412/25/content_1.html"),
            "https://paper.people.com.cn/rmrb/pc/content/202412/25/content_1.html"
        );
        assert_eq!(
            resolve(page, "node_02.html"),
            "https://paper.people.com.cn/rmrb/pc/layout/202412/25/node_02.html"
        );
        assert_eq!(
            resolve(page, "/a/b.jpg"),
            "https://paper.people.com.cn/a/b.jpg"
        );
        assert_eq!(resolve(page, "//x.cn/a"), "https://x.cn/a");
        assert_eq!(resolve(page, "http://y.cn/z"), "http://y.cn/z");
        assert_eq!(resolve("http://h:1", "a.htm"), "http://h:1/a.htm");
    }
}
