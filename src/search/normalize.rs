//! Folding text to what a reader sees and types: case, full/half width, quote and dash
//! variants, invisible white space, traditional and simplified characters; and splitting an article into searchable runs, where
//! a paragraph cut by a column break runs on into the next one.

use unicode_normalization::UnicodeNormalization;

use crate::model::{Article, Field, ParagraphKind};
use crate::text::fold::fold;

/// Feeds the folded form of `c` to `out`: nothing for white space and invisible format
/// characters, otherwise one or (rarely, for case mappings) more chars.
///
/// - case: `to_lowercase` (`A` → `a`, `Ａ` → `a`);
/// - full-width ASCII forms U+FF01–FF5E → ASCII (`１＋４` → `1+4`, `，` → `,`);
/// - full-width signs U+FFE0–FFE6 (`￥` → `¥`) and half-width CJK marks (`｡` → `。`);
/// - quote, dot, dash and ellipsis variants that look alike on a page: `“”` → `"`,
///   `‘’` → `'`, `・‧･` → `·`, `―` → `—`, `⸺` → `——`, `⋯` → `…`;
/// - script: a traditional or variant Han character to its simplified form, one char
///   to one char (`臺灣` → `台湾`, `裡`/`裏` → `里`, `發`/`髮` → `发`; see
///   [`crate::text::fold`]);
/// - white space (U+3000, line breaks, NBSP, …), control characters and
///   zero-width/soft-hyphen characters are dropped.
#[inline]
pub fn fold_char(c: char, out: impl FnMut(char)) {
    fold_char_in(c, true, out);
}

/// [`fold_char`], with the script fold or without it (`scripts == false`: what search
/// folded before it, for the bench that measures what the fold changes in the index).
#[inline]
pub fn fold_char_in(c: char, scripts: bool, mut out: impl FnMut(char)) {
    let fold = |c: char| if scripts { fold(c) } else { c };
    // Fast paths: Han (no case, no width twin, never invisible) and ASCII.
    if ('\u{3400}'..='\u{9FFF}').contains(&c) {
        out(fold(c));
        return;
    }
    if c.is_ascii() {
        if !(c == ' ' || c.is_ascii_control()) {
            out(c.to_ascii_lowercase());
        }
        return;
    }
    if is_invisible(c) {
        return;
    }
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{FFE0}' => '¢',
        '\u{FFE1}' => '£',
        '\u{FFE2}' => '¬',
        '\u{FFE3}' => '¯',
        '\u{FFE4}' => '¦',
        '\u{FFE5}' => '¥',
        '\u{FFE6}' => '₩',
        '\u{FF61}' => '。',
        '\u{FF62}' => '「',
        '\u{FF63}' => '」',
        '\u{FF64}' => '、',
        '\u{FF65}' | '\u{30FB}' | '\u{2027}' => '·',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{2015}' => '—',
        '\u{22EF}' => '…',
        '\u{2E3A}' => {
            out('—');
            out('—');
            return;
        }
        _ => c,
    };
    if ('\u{3040}'..='\u{9FFF}').contains(&c) {
        // Kana and Han: no case, no width twin.
        out(fold(c));
    } else if ('\u{F900}'..='\u{FAFF}').contains(&c) || c >= '\u{20000}' {
        // Compatibility and supplementary Han.
        out(fold(c));
    } else if c.is_ascii() {
        out(c.to_ascii_lowercase());
    } else if c.is_lowercase() || !c.is_alphabetic() {
        out(c);
    } else {
        c.to_lowercase().for_each(out);
    }
}

/// White space, controls, and characters that take no room on screen and nobody types.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        )
}

/// The folded form of a whole string (a query): NFC first, as source text is stored NFC.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// Marks that end a sentence; a paragraph ending with one (closing quotes and brackets
/// aside) does not run on into the next.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '.' | '．' | '…' | '‼' | '⁇' | '｡'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '"'
            | '\''
            | '」'
            | '』'
            | '）'
            | ')'
            | '］'
            | ']'
            | '〕'
            | '】'
            | '》'
            | '〉'
            | '｝'
            | '}'
    )
}

/// Whether a paragraph with this text was cut mid-sentence (by a column break) and so
/// runs on into the next paragraph: its last visible char, after closing quotes and
/// brackets, is not a sentence end. Empty paragraphs (a section break) never run on.
pub fn runs_on(text: &str) -> bool {
    let mut tail = text.chars().rev().filter(|c| !is_invisible(*c)).peekable();
    if tail.peek().is_none() {
        return false;
    }
    match tail.find(|c| !is_closing(*c)) {
        Some(c) => !ends_sentence(c),
        // Only closing marks: treat as the end of something.
        None => false,
    }
}

/// One field of an article as search sees it; `joins` says it continues the previous
/// piece's run (a paragraph after a column break) rather than starting a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    pub field: Field,
    pub text: &'a str,
    pub joins: bool,
}

/// Every field of `article` in the reading order of [`Article::fields`], with the run
/// structure: a plain text paragraph without a speaker joins the text paragraph before
/// it when that one [`runs_on`]; every other field starts a run of its own.
pub fn pieces(article: &Article) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut open = false; // the previous piece was a text paragraph that runs on
    for (field, text) in article.fields() {
        let joins;
        match field {
            Field::Paragraph(i) => {
                let p = &article.paragraphs[i];
                let plain = p.kind == ParagraphKind::Text;
                joins = open && plain && p.speaker.is_none();
                open = plain && runs_on(text);
            }
            _ => {
                joins = false;
                open = false;
            }
        }
        out.push(Piece { field, text, joins });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    #[test]
    fn width_case_and_space_fold_away() {
        assert_eq!(normalize("１＋４"), "1+4");
        assert_eq!(normalize("近日，衡水"), "近日,衡水");
        assert_eq!(normalize("ＡＢＣ abc"), "abcabc");
        assert_eq!(normalize("衡水\u{3000}市 政\n府\t"), "衡水市政府");
        assert_eq!(normalize("５Ｇ基站"), "5g基站");
        assert_eq!(normalize("ÉCOLE"), "école");
        assert_eq!(normalize("a\u{200B}b\u{00AD}c"), "abc");
    }

    #[test]
    fn punctuation_variants_fold_together() {
        assert_eq!(normalize("“三最”"), normalize("\"三最\""));
        assert_eq!(normalize("‘标准地’"), "'标准地'");
        assert_eq!(normalize("（记者）"), "(记者)");
        assert_eq!(normalize("｢本报｣｡"), "「本报」。");
        assert_eq!(normalize("￥５"), "¥5");
        assert_eq!(normalize("――"), "——");
        assert_eq!(normalize("⸺"), "——");
        assert_eq!(normalize("⋯⋯"), "……");
        assert_eq!(normalize("中・日"), "中·日");
        // Han and Chinese marks with no half-width twin stay as they are.
        assert_eq!(normalize("衡水、邢台。"), "衡水、邢台。");
    }

    #[test]
    fn traditional_and_simplified_fold_together() {
        assert_eq!(normalize("臺灣"), normalize("台湾"));
        assert_eq!(normalize("發展"), "发展");
        assert_eq!(normalize("頭髮"), "头发");
        assert_eq!(normalize("裡面 裏面"), "里面里面");
        assert_eq!(normalize("「本報訊」"), "「本报讯」");
        // One char to one char, so hits keep their offsets.
        for s in ["中央社記者台北3日電", "記者／報導", "𠀀臺"] {
            let n = normalize(s);
            let visible = s.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(n.chars().count(), visible, "{s}");
        }
    }

    #[test]
    fn query_is_composed_before_folding() {
        // e + combining acute, as some input methods send it, finds the stored é.
        assert_eq!(normalize("e\u{301}"), normalize("é"));
    }

    #[test]
    fn sentence_ends_stop_runs() {
        assert!(runs_on("对衡水作出“努力”的精准"));
        assert!(runs_on("为助力企业纾困渡难关,衡水市出台了稳住经"));
        assert!(runs_on("衡水:"));
        assert!(!runs_on("日前,该市平台正式上线。"));
        assert!(!runs_on("“得益于我市审批制度改革。”"));
        assert!(!runs_on("真的吗？ \n"));
        assert!(!runs_on("……"));
        assert!(!runs_on(""));
        assert!(!runs_on("  "));
        assert!(runs_on("聚焦“三最”"));
    }

    #[test]
    fn pieces_join_only_text_paragraphs_after_a_cut() {
        let a = Article {
            title: "标题".into(),
            paragraphs: vec![
                Paragraph::text("的精准"),
                Paragraph::text("定位。"),
                Paragraph::text("下一段"),
                Paragraph {
                    kind: ParagraphKind::Text,
                    speaker: Some("记者:".into()),
                    text: "问".into(),
                },
                Paragraph {
                    kind: ParagraphKind::Caption,
                    speaker: None,
                    text: "图片说明".into(),
                },
                Paragraph::text("后文"),
            ],
            ..Default::default()
        };
        let joins: Vec<(Field, bool)> = pieces(&a).iter().map(|p| (p.field, p.joins)).collect();
        assert_eq!(
            joins,
            vec![
                (Field::Title, false),
                (Field::Paragraph(0), false),
                (Field::Paragraph(1), true),
                (Field::Paragraph(2), false),
                (Field::Speaker(3), false),
                (Field::Paragraph(3), false),
                (Field::Paragraph(4), false),
                (Field::Paragraph(5), false),
            ]
        );
    }
}
