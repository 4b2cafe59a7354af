//! Who signed a piece when no role says so: a bare name under a headline (`余　璇`,
//! `李　硕　孙龙飞`) or a signature giving the writer's post or country
//! (`教育部高等教育司副司长　武世兴`, `（伊拉克）方浩明`).

use super::rules::{at_most, has_body_punctuation, is_han, is_name, is_space, padded_names};

/// A bare author name (or a few) under a headline, with no role: `张磊`, `余　璇`,
/// `李　硕　孙龙飞`. Without a space it must be two or three Han characters, so that a
/// four-character headline (`图片报道`) is not taken for one.
pub fn is_bare_name(text: &str) -> bool {
    if !at_most(text, 20) {
        return false;
    }
    let tokens: Vec<&str> = text.split(is_space).filter(|t| !t.is_empty()).collect();
    if let [one] = tokens[..]
        && one.contains(['·', '•'])
    {
        return is_name(one);
    }
    if tokens.is_empty() || !tokens.iter().all(|t| t.chars().all(is_han)) {
        return false;
    }
    if tokens.len() == 1 {
        return (2..=3).contains(&tokens[0].chars().count());
    }
    // A four-character token is a phrase (`悦耳入心 韵味悠长`), not a name.
    let names = padded_names(&tokens);
    names.len() <= 4
        && tokens.iter().all(|t| t.chars().count() <= 3)
        && names.iter().all(|n| (2..=4).contains(&n.chars().count()))
}

/// Labels of a story's metadata line (`作者：…`, `字数：1684字`, `本期统筹：…`, `融媒制作：…`).
const META_LABELS: [&str; 17] = [
    "作者", "撰文", "文字", "字数", "来源", "统筹", "策划", "绘制", "制图", "编辑", "摄影", "图片",
    "设计", "校对", "出品", "监制", "制作",
];

/// What a metadata line beside a headline says: who wrote it, or something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meta {
    /// `作者：某某`, `撰文：某某`, `本报记者  某某文  某地供图`.
    Author,
    /// `字数：1684字`, `来源：…`, `本期统筹：…`, `绘 制：…`, `以上图片均为某某摄`.
    Other,
}

/// A metadata line that stands beside a headline and is never one: a short `label：value`
/// whose label names a job or a fact of the piece, a reporter's line closing on `文` or
/// `供图`, or a photo credit for several pictures. `None` for anything else.
pub fn metadata(text: &str) -> Option<Meta> {
    if !at_most(text, 50) || text.contains('。') {
        return None;
    }
    let folded = crate::import::script::fold(text);
    let text = &*folded;
    if let Some((label, value)) = text.split_once(['：', ':']) {
        let label: String = label.chars().filter(|&c| !is_space(c)).collect();
        let value = value.trim_matches(is_space);
        if at_most(&label, 6) && !value.is_empty() && META_LABELS.iter().any(|l| label.ends_with(l))
        {
            let author = ["作者", "撰文", "文字"].iter().any(|l| label.ends_with(l));
            return Some(if author { Meta::Author } else { Meta::Other });
        }
    }
    let reporter = text.contains("记者") || text.contains("通讯员");
    let untagged = text
        .rfind('（')
        .filter(|_| text.ends_with('）'))
        .map_or(text, |at| &text[..at]);
    let credit_end = untagged.ends_with("供图") || untagged.ends_with('摄');
    if reporter && (credit_end || untagged.ends_with('文')) && !has_body_punctuation(text) {
        return Some(Meta::Author);
    }
    let several = ["以上图片", "图片均为", "本版图片", "本版照片"];
    (credit_end && several.iter().any(|w| text.contains(w))).then_some(Meta::Other)
}

/// Words that end a person's post (`副司长`, `党委书记`, `教授`) in a signature.
const POSTS: [&str; 20] = [
    "长",
    "主任",
    "书记",
    "委员",
    "主席",
    "教授",
    "研究员",
    "院士",
    "专家",
    "代表",
    "局长",
    "经理",
    "董事",
    "总监",
    "干事",
    "馆员",
    "总裁",
    "编委",
    "总编辑",
    "成员",
];

/// A signature under a headline: a bare name after the writer's post or country,
/// `教育部高等教育司副司长　武世兴`, `（伊拉克）方浩明`.
pub fn is_signature(text: &str) -> bool {
    if !at_most(text, 40) || has_body_punctuation(text) && !text.contains('，') {
        return false;
    }
    let folded = crate::import::script::fold(text);
    let text = &*folded;
    if let Some(rest) = text.strip_prefix('（').and_then(|t| t.split_once('）'))
        && at_most(rest.0, 8)
        && is_bare_name(rest.1.trim_matches(is_space))
    {
        return true;
    }
    let tokens: Vec<&str> = text.split(is_space).filter(|t| !t.is_empty()).collect();
    // The name is the last token, or the last two when padded (`李　奕`).
    for take in [1, 2] {
        if tokens.len() <= take {
            continue;
        }
        let (post, name) = tokens.split_at(tokens.len() - take);
        let name = name.concat();
        let post = post.concat();
        if (2..=4).contains(&name.chars().count())
            && name.chars().all(is_han)
            && (take == 1 || tokens[tokens.len() - 1].chars().count() == 1)
            && POSTS.iter().any(|p| post.ends_with(p))
        {
            return true;
        }
    }
    false
}
