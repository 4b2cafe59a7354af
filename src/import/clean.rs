//! The safety clean-up every imported text goes through (TYPESETTING.md, "Safety"):
//! control characters, escape sequences and bidi controls removed, tabs expanded, line
//! ends made `\n`, NFC. Nothing else is changed: half-width punctuation stays half-width.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::text::char_width;

/// Tab stops every this many cells.
const TAB_STOP: usize = 8;

/// Clean `text` for storage and display. Idempotent: `clean(&clean(s)) == clean(s)`.
pub fn clean(text: &str) -> String {
    clean_cow(text).into_owned()
}

/// [`clean`], borrowing the text when it needs nothing done (as nearly every page).
pub fn clean_cow(text: &str) -> Cow<'_, str> {
    if is_all_plain(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(clean_slow(text))
}

fn clean_slow(text: &str) -> String {
    let mut stripped = if needs_stripping(text) {
        strip(text)
    } else {
        text.to_owned()
    };
    // A byte order mark is no text; removed after the controls so none can hide it.
    let boms = stripped.len() - stripped.trim_start_matches('\u{feff}').len();
    stripped.drain(..boms);
    if is_nfc_quick(stripped.chars()) == IsNormalized::Yes {
        stripped
    } else {
        // NFC never creates a control or a tab, so one pass is enough.
        stripped.nfc().collect()
    }
}

/// Whether every char of `text` [`is_plain`], reading bytes: ASCII and the three-byte
/// forms of U+4000–U+9FFF (lead bytes E4–E9, all Han) are told by their first byte.
fn is_all_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if !(b == b'\n' || (b' '..=b'~').contains(&b)) {
                return false;
            }
            i += 1;
        } else if (0xe4..=0xe9).contains(&b) {
            i += 3;
        } else {
            let Some(c) = text[i..].chars().next() else {
                return false;
            };
            if !is_plain(c) {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// Characters that are safe as they are and cannot change under NFC in any company:
/// printable ASCII, Latin-1 and Latin Extended letters (precomposed), general
/// punctuation, CJK punctuation and kana (bar the combining marks), unified Han, and
/// full-width forms. A text made only of these needs no clean-up at all.
fn is_plain(c: char) -> bool {
    matches!(c,
        ' '..='~' | '\n' | '\u{a0}'..='\u{2ff}' | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}' | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{3098}'
        | '\u{309b}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff01}'..='\u{ffef}')
}

/// Whether `c` is dropped wherever it appears: C0/C1 controls (other than the line
/// breaks and tab handled apart), DEL, bidi controls and marks, and the invisible
/// zero-width space, word joiner and byte order mark (U+200B, U+2060, U+FEFF).
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}'
        | '\u{61c}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

fn needs_stripping(text: &str) -> bool {
    text.chars()
        .any(|c| c == '\t' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' || is_unsafe(c))
}

/// What an escape sequence is still waiting for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    /// Outside any sequence.
    None,
    /// Just after ESC.
    Esc,
    /// ESC followed by intermediates (0x20–0x2F): ends at the final byte.
    EscIntermediate,
    /// CSI: parameters and intermediates, ends at a final byte 0x40–0x7E.
    Csi,
    /// OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (ESC \ or U+009C).
    Str,
    /// Inside a string sequence, just after ESC (looking for `\`).
    StrEsc,
}

fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut col = 0usize;
    let mut seq = Seq::None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // A line break always ends a sequence: nothing of the page is swallowed past it.
        let line_break = matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
        if seq != Seq::None && !line_break {
            seq = match (seq, c) {
                (Seq::Esc, '[') => Seq::Csi,
                (Seq::Esc, ']' | 'P' | 'X' | '^' | '_') => Seq::Str,
                (Seq::Esc, '\u{20}'..='\u{2f}') => Seq::EscIntermediate,
                (Seq::Esc, '\u{30}'..='\u{7e}') => Seq::None,
                (Seq::EscIntermediate, '\u{20}'..='\u{2f}') => Seq::EscIntermediate,
                (Seq::EscIntermediate, '\u{30}'..='\u{7e}') => Seq::None,
                (Seq::Csi, '\u{20}'..='\u{3f}') => Seq::Csi,
                (Seq::Csi, '\u{40}'..='\u{7e}') => Seq::None,
                (Seq::Str, '\u{7}' | '\u{9c}') => Seq::None,
                (Seq::Str, '\u{1b}') => Seq::StrEsc,
                (Seq::Str, _) => Seq::Str,
                (Seq::StrEsc, '\\') => Seq::None,
                (Seq::StrEsc, _) => Seq::Str,
                // Anything else breaks the sequence off; the character is read as text.
                _ => {
                    seq = Seq::None;
                    push_char(&mut out, &mut col, c, &mut chars, &mut seq);
                    continue;
                }
            };
            continue;
        }
        seq = Seq::None;
        push_char(&mut out, &mut col, c, &mut chars, &mut seq);
    }
    out
}

fn push_char(
    out: &mut String,
    col: &mut usize,
    c: char,
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    seq: &mut Seq,
) {
    match c {
        '\u{1b}' => *seq = Seq::Esc,
        '\u{9b}' => *seq = Seq::Csi,
        '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => *seq = Seq::Str,
        '\r' => {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
            *col = 0;
        }
        '\n' | '\u{2028}' | '\u{2029}' => {
            out.push('\n');
            *col = 0;
        }
        '\t' => {
            let n = TAB_STOP - *col % TAB_STOP;
            out.extend(std::iter::repeat_n(' ', n));
            *col += n;
        }
        c if is_unsafe(c) => {}
        c => {
            out.push(c);
            *col += char_width(c, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_ordinary_text_and_half_width_punctuation() {
        let s = "衡水:打造“三最”营商环境,跑出加速度。\n第二行";
        assert_eq!(clean(s), s);
    }

    #[test]
    fn removes_c0_c1_and_del_but_keeps_newlines() {
        assert_eq!(clean("a\u{0}b\u{7}c\u{7f}d\u{85}e\nf"), "abcde\nf");
    }

    #[test]
    fn removes_whole_csi_sequences() {
        assert_eq!(clean("红\u{1b}[1;31m色\u{1b}[0m字"), "红色字");
        assert_eq!(clean("a\u{9b}2Jb"), "ab");
    }

    #[test]
    fn removes_osc_title_and_clipboard_sequences() {
        assert_eq!(clean("x\u{1b}]0;pwned\u{7}y"), "xy");
        assert_eq!(clean("x\u{1b}]52;c;aGk=\u{1b}\\y"), "xy");
        assert_eq!(clean("x\u{1b}Pq#0\u{1b}\\y"), "xy");
    }

    #[test]
    fn removes_two_character_escapes() {
        assert_eq!(clean("a\u{1b}cb\u{1b}(Bc"), "abc");
    }

    #[test]
    fn an_unterminated_string_sequence_stops_at_the_line_end() {
        assert_eq!(clean("a\u{1b}]0;title\n正文"), "a\n正文");
    }

    #[test]
    fn removes_bidi_controls() {
        assert_eq!(
            clean("a\u{202e}b\u{2066}c\u{200f}d\u{61c}e\u{200e}f"),
            "abcdef"
        );
    }

    #[test]
    fn removes_zero_width_spaces_joiners_and_inner_boms() {
        assert_eq!(
            clean("衡水\u{200b}打造\u{feff}新区\u{2060}!"),
            "衡水打造新区!"
        );
    }

    #[test]
    fn expands_tabs_to_stops() {
        assert_eq!(clean("ab\tc"), "ab      c");
        assert_eq!(clean("\t"), " ".repeat(8));
        // A Han character takes two cells.
        assert_eq!(clean("中\tx"), "中      x");
    }

    #[test]
    fn line_ends_become_newlines() {
        assert_eq!(clean("a\r\nb\rc\u{2028}d"), "a\nb\nc\nd");
    }

    #[test]
    fn drops_a_leading_bom_and_normalises_to_nfc() {
        assert_eq!(clean("\u{feff}e\u{301}"), "\u{e9}");
    }

    #[test]
    fn the_fast_path_takes_only_what_nfc_keeps() {
        let plain: String = ('\0'..='\u{ffff}').filter(|&c| is_plain(c)).collect();
        assert_eq!(is_nfc_quick(plain.chars()), IsNormalized::Yes);
        assert!(is_all_plain(&plain));
        let han_block: String = ('\u{4000}'..='\u{9fff}').collect();
        assert_eq!(is_nfc_quick(han_block.chars()), IsNormalized::Yes);
        assert!(!han_block.chars().any(is_unsafe));
        for odd in [
            "a\tb",
            "a\rb",
            "\u{feff}x",
            "中\u{1b}[0m",
            "e\u{301}",
            "\u{f900}",
        ] {
            assert!(!is_all_plain(odd), "{odd:?}");
        }
        assert!(
            !plain
                .chars()
                .any(|c| is_unsafe(c) || c == '\t' || c == '\r')
        );
        assert!(plain.contains('衡') && plain.contains('，') && plain.contains('“'));
    }

    #[test]
    fn is_idempotent_on_a_mixed_sample() {
        let s = "\u{feff}a\t\u{1b}[31mb\u{202e}c\r\nd\u{1b}]0;x";
        assert_eq!(clean(&clean(s)), clean(s));
    }
}
