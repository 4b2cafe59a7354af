//! A feed item's photos: the caption blocks of its body, each photo's absolute address,
//! and the photographer's credit split from the caption.

use super::html::{self, Block};
use crate::import::at_most;
use crate::model::{Article, Paragraph, ParagraphKind, Photo};

/// A caption block: its photo (when it has one worth keeping) and its text as a caption.
pub(super) fn add_caption(article: &mut Article, b: &Block, text: String, link: Option<&str>) {
    if let Some(src) = b.image.as_ref().filter(|s| !text.is_empty() || is_photo(s)) {
        article
            .photos
            .push(photo(src, &text, link, article.paragraphs.len()));
    }
    if !text.is_empty() {
        article.paragraphs.push(Paragraph {
            kind: ParagraphKind::Caption,
            speaker: None,
            text,
        });
    }
}

/// A photo at `src` (read against the article's `link`) standing before paragraph `at`,
/// its caption split from the credit that closes it (`…建成。中青报记者 杜佳冰/摄`).
fn photo(src: &str, caption: &str, link: Option<&str>, at: usize) -> Photo {
    let url = link.map_or_else(|| src.to_string(), |l| html::resolve(l, src));
    let (caption, credit) = split_credit(caption);
    Photo {
        url,
        caption: Some(caption).filter(|c| !c.is_empty()),
        credit,
        at,
    }
}

/// An address that holds a news photo rather than the site's icons and buttons.
fn is_photo(src: &str) -> bool {
    let s = src.to_ascii_lowercase();
    !s.contains("/template/") && !s.ends_with(".gif") && !s.starts_with("data:")
}

/// A caption and the photographer's credit that closes it, when it has one: the words
/// after the last full stop (or the whole caption) ending in `摄`, `摄影`, `供图`, `发`.
pub fn split_credit(caption: &str) -> (String, Option<String>) {
    const ENDS: [&str; 5] = ["摄", "摄影", "供图", "发", "制图"];
    let caption = caption.trim_matches(html::is_blank);
    // `李信君摄（新华社发）`: the agency in brackets after the credit.
    let core = match caption.strip_suffix('）').and_then(|c| c.rfind('（')) {
        Some(i) => &caption[..i],
        None => caption,
    };
    if !ENDS.iter().any(|e| core.ends_with(e)) {
        return (caption.to_string(), None);
    }
    let cut = core
        .char_indices()
        .filter(|&(_, c)| matches!(c, '。' | '！' | '？' | '）'))
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(0);
    let (head, tail) = caption.split_at(cut);
    let tail = tail.trim_matches(html::is_blank);
    if tail.is_empty() || !at_most(tail, 30) {
        return (caption.to_string(), None);
    }
    (
        head.trim_matches(html::is_blank).to_string(),
        Some(tail.to_string()),
    )
}
