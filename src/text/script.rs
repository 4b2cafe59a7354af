//! The script an article is shown in: as printed, or converted by phrase with OpenCC's
//! tables (the `ferrous-opencc` crate: 头发 → 頭髮, 发展 → 發展) to simplified,
//! traditional, or the Taiwan or Hong Kong standard forms. Only what is shown changes,
//! never the stored text.
//!
//! Conversion keeps every field's char count, so an offset into the stored text (an
//! [`Anchor`](crate::model::Anchor), a search hit, a typeset span's source) points at the
//! same char in the converted text: the conversions used here map a phrase to one of
//! the same length (the vocabulary tables that do not, `s2twp`, are not used), and a
//! field that came out of another length all the same is converted char by char.

use std::borrow::Cow;
use std::sync::LazyLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

use super::fold::fold;
use crate::model::Article;

/// The script to show text in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Script {
    /// The paper's own characters.
    #[default]
    AsPrinted,
    Simplified,
    /// Traditional characters in OpenCC's standard forms.
    Traditional,
    /// Traditional characters in the forms of Taiwan (裡, 為, 著).
    Taiwan,
    /// Traditional characters in the forms of Hong Kong (裏, 為, 衞).
    HongKong,
}

impl Script {
    pub const ALL: [Script; 5] = [
        Script::AsPrinted,
        Script::Simplified,
        Script::Traditional,
        Script::Taiwan,
        Script::HongKong,
    ];

    /// The name in the config and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Script::AsPrinted => "as-printed",
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Taiwan => "taiwan",
            Script::HongKong => "hongkong",
        }
    }

    /// What the reader is told when it changes: Chinese and English.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Script::AsPrinted => ("原文", "as printed"),
            Script::Simplified => ("简体", "simplified"),
            Script::Traditional => ("繁體", "traditional"),
            Script::Taiwan => ("臺灣正體", "Taiwan"),
            Script::HongKong => ("香港繁體", "Hong Kong"),
        }
    }

    pub fn parse(name: &str) -> Option<Script> {
        Script::ALL.into_iter().find(|s| s.name() == name.trim())
    }

    /// The next script in [`Script::ALL`], round.
    pub fn next(self) -> Script {
        let i = Script::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Script::ALL[(i + 1) % Script::ALL.len()]
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Whether text is printed in traditional characters: more than one in twenty of its
/// Han chars have a simplified form (simplified text has almost none; traditional text
/// has one in four or more).
pub fn is_traditional<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut han, mut trad) = (0usize, 0usize);
    for c in texts
        .into_iter()
        .flat_map(str::chars)
        .filter(|c| is_han(*c))
    {
        han += 1;
        trad += usize::from(fold(c) != c);
    }
    trad * 20 > han
}

macro_rules! converter {
    ($name:ident, $config:ident) => {
        static $name: LazyLock<Option<OpenCC>> =
            LazyLock::new(|| OpenCC::from_config(BuiltinConfig::$config).ok());
    };
}
converter!(S2T, S2t);
converter!(S2TW, S2tw);
converter!(S2HK, S2hk);
converter!(T2S, T2s);
converter!(T2TW, T2tw);
converter!(T2HK, T2hk);

/// The OpenCC conversion from text in one script (`traditional` or not) to `to`; `None`
/// when the text is shown as it is.
fn converter(traditional: bool, to: Script) -> Option<&'static OpenCC> {
    let cc = match (traditional, to) {
        (_, Script::AsPrinted) | (false, Script::Simplified) | (true, Script::Traditional) => {
            return None;
        }
        (false, Script::Traditional) => &S2T,
        (false, Script::Taiwan) => &S2TW,
        (false, Script::HongKong) => &S2HK,
        (true, Script::Simplified) => &T2S,
        (true, Script::Taiwan) => &T2TW,
        (true, Script::HongKong) => &T2HK,
    };
    cc.as_ref()
}

/// `text` (printed in traditional or not) shown in script `to`, char for char: the
/// result has exactly as many chars as `text`.
pub fn convert(text: &str, traditional: bool, to: Script) -> Cow<'_, str> {
    match converter(traditional, to) {
        Some(cc) if text.chars().any(is_han) => convert_with(cc, text),
        _ => Cow::Borrowed(text),
    }
}

fn convert_with<'a>(cc: &OpenCC, text: &'a str) -> Cow<'a, str> {
    let out = cc.convert(text);
    if out == text {
        return Cow::Borrowed(text);
    }
    if out.chars().count() == text.chars().count() {
        return Cow::Owned(out);
    }
    // A phrase of another length: char by char, each char to one char or itself.
    let mut buf = [0u8; 4];
    let chars = text.chars().map(|c| {
        let one = cc.convert(c.encode_utf8(&mut buf));
        let mut it = one.chars();
        match (it.next(), it.next()) {
            (Some(f), None) => f,
            _ => c,
        }
    });
    Cow::Owned(chars.collect())
}

/// The article as shown in script `to`: every field converted (see [`convert`]), the
/// article's own script told from all its text at once.
pub fn convert_article(article: &Article, to: Script) -> Cow<'_, Article> {
    if to == Script::AsPrinted {
        return Cow::Borrowed(article);
    }
    let traditional = is_traditional(article.fields().into_iter().map(|(_, t)| t));
    if converter(traditional, to).is_none() {
        return Cow::Borrowed(article);
    }
    let mut a = article.clone();
    let conv = |s: &mut String| {
        if let Cow::Owned(o) = convert(s, traditional, to) {
            *s = o;
        }
    };
    let opt = |s: &mut Option<String>| s.iter_mut().for_each(conv);
    opt(&mut a.column);
    opt(&mut a.kicker);
    conv(&mut a.title);
    opt(&mut a.subtitle);
    opt(&mut a.dateline);
    opt(&mut a.byline);
    opt(&mut a.credit);
    for p in &mut a.paragraphs {
        conv(&mut p.text);
        opt(&mut p.speaker);
    }
    for p in &mut a.photos {
        opt(&mut p.caption);
        opt(&mut p.credit);
    }
    Cow::Owned(a)
}

/// A line of text (a headline in a list, a snippet) shown in script `to`, its own
/// script told from itself.
pub fn convert_line(text: &str, to: Script) -> Cow<'_, str> {
    if to == Script::AsPrinted {
        return Cow::Borrowed(text);
    }
    convert(text, is_traditional([text]), to)
}

#[cfg(test)]
mod tests;
