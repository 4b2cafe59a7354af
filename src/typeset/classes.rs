//! Character classes for Chinese line breaking (clreq / JLReq) and the display mapping of
//! ASCII punctuation standing between Han characters to its full-width form.

/// Marks that may not begin a line: pause and stop marks, closing quotes and brackets,
/// connectors, interpuncts, slashes, and their ASCII forms.
#[inline]
pub fn no_start(c: char) -> bool {
    if is_han(c) {
        return false;
    }
    matches!(
        c,
        '、' | '，'
            | '。'
            | '．'
            | '：'
            | '；'
            | '！'
            | '？'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | '］'
            | '〕'
            | '】'
            | '》'
            | '〉'
            | '｝'
            | '〗'
            | '〙'
            | '〟'
            | '〞'
            | '｣'
            | '﹂'
            | '﹄'
            | '｠'
            | '-'
            | '–'
            | '—'
            | '⸺'
            | '～'
            | '〜'
            | '·'
            | '・'
            | '‧'
            | '/'
            | '／'
            | ','
            | '.'
            | ':'
            | ';'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
            | '‰'
            | '℃'
            | '°'
            | '…'
            | '⋯'
            | '％'
            | '｡'
            | '､'
    )
}

/// Marks that may not end a line: opening quotes and brackets.
#[inline]
pub fn no_end(c: char) -> bool {
    if is_han(c) {
        return false;
    }
    matches!(
        c,
        '“' | '‘'
            | '「'
            | '『'
            | '（'
            | '［'
            | '〔'
            | '【'
            | '《'
            | '〈'
            | '｛'
            | '〖'
            | '〘'
            | '〝'
            | '｢'
            | '﹁'
            | '﹃'
            | '｟'
            | '('
            | '['
            | '{'
    )
}

/// Pause, stop and closing marks after which a justifying space reads naturally.
pub fn stretch_after(c: char) -> bool {
    matches!(
        c,
        '、' | '，'
            | '。'
            | '：'
            | '；'
            | '！'
            | '？'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | '］'
            | '〕'
            | '】'
            | '》'
            | '〉'
    )
}

/// Pause, stop and closing marks that may hang past the text block's edge into the
/// margin (行尾点号悬挂), full-width or ASCII.
#[inline]
pub fn hangs(c: char) -> bool {
    stretch_after(c)
        || matches!(
            c,
            '．' | ',' | '.' | ';' | ':' | '!' | '?' | ')' | '｡' | '､'
        )
}

/// The half-width form a full-width pause, stop or bracket mark is set in where a line
/// is compressed (标点挤压: the blank half of the mark's cell pair left out, as print
/// sets `。”` or a mark at a line's end): `。` → `｡`, `，` → `,`, `（` → `(`.
#[inline]
pub fn half_form(c: char) -> Option<char> {
    Some(match c {
        '，' => ',',
        '。' => '｡',
        '、' => '､',
        '：' => ':',
        '；' => ';',
        '！' => '!',
        '？' => '?',
        '（' => '(',
        '）' => ')',
        _ => return None,
    })
}

/// Counter and unit characters a number stays tight with (`2022年`, `17个`, `40.59亿元`),
/// in either script (`17個`, `40.59億元`: told by their simplified form).
pub fn is_unit(c: char) -> bool {
    matches!(
        crate::text::fold::fold(c),
        '年' | '月'
            | '日'
            | '号'
            | '时'
            | '点'
            | '分'
            | '秒'
            | '个'
            | '亿'
            | '万'
            | '千'
            | '百'
            | '元'
            | '余'
            | '多'
            | '名'
            | '人'
            | '家'
            | '项'
            | '次'
            | '倍'
            | '岁'
            | '天'
            | '米'
            | '吨'
            | '件'
            | '位'
            | '条'
            | '户'
            | '亩'
            | '届'
            | '期'
            | '%'
            | '％'
            | '‰'
            | '℃'
            | '°'
    )
}

/// A Han ideograph (unified, extension A, compatibility, supplementary planes).
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF | 0x3007)
}

/// Chinese text around a char: Han, CJK symbols and punctuation, full-width forms,
/// curly double quotes.
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x2E80..=0x2FFF | 0x3000..=0x303F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFEF)
        || matches!(c, '“' | '”' | '·')
}

/// Spaces a line may drop or stretch at its end.
pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// Characters never sent to the terminal: C0/C1 controls (the newline is a break, not a
/// glyph) and bidi controls.
#[inline]
pub fn is_hidden(c: char) -> bool {
    let u = c as u32;
    if u < 0xA0 {
        (u < 0x20 && c != '\t') || u >= 0x7F
    } else {
        matches!(u, 0x202A..=0x202E | 0x2066..=0x2069 | 0x200E | 0x200F | 0x061C)
    }
}

fn ascii_alnum(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

fn cjk(c: Option<char>) -> bool {
    c.is_some_and(is_cjk)
}

/// The display form of `c` given its neighbours in the stored text: ASCII punctuation
/// touching Chinese text becomes full-width (`,` → `，`), never inside numbers or Latin.
/// Tabs show as a space. Always one char for one char.
pub fn display_char(prev: Option<char>, c: char, next: Option<char>, fullwidth: bool) -> char {
    if c == '\t' {
        return ' ';
    }
    if !fullwidth || !c.is_ascii_punctuation() {
        return c;
    }
    let between_latin = ascii_alnum(prev) && ascii_alnum(next);
    match c {
        ',' | ';' | '!' | '?' | ':' if (cjk(prev) || cjk(next)) && !between_latin => match c {
            ',' => '，',
            ';' => '；',
            '!' => '！',
            '?' => '？',
            _ => '：',
        },
        '.' if cjk(prev) && (next.is_none() || cjk(next) || next == Some('\n')) => '。',
        '(' if (cjk(prev) || cjk(next)) && !between_latin => '（',
        ')' if (cjk(prev) || cjk(next)) && !between_latin => '）',
        _ => c,
    }
}

/// A whole short text (a headline in the list, a label, a snippet) in its display form:
/// [`display_char`] for each char, so the list shows what the reading pane shows. One
/// char for one char, so char positions (search hits) still hold.
pub fn display_text(text: &str, fullwidth: bool) -> std::borrow::Cow<'_, str> {
    if !fullwidth || !text.chars().any(|c| c.is_ascii_punctuation() || c == '\t') {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let shown = (0..chars.len())
        .map(|i| {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            display_char(prev, chars[i], chars.get(i + 1).copied(), true)
        })
        .collect();
    std::borrow::Cow::Owned(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        let v: Vec<char> = s.chars().collect();
        (0..v.len())
            .map(|i| {
                let p = i.checked_sub(1).map(|j| v[j]);
                display_char(p, v[i], v.get(i + 1).copied(), true)
            })
            .collect()
    }

    #[test]
    fn ascii_punct_between_han_goes_full_width() {
        assert_eq!(show("衡水:打造"), "衡水：打造");
        assert_eq!(
            show("讯(记者陈凤来、马路)近日,衡水"),
            "讯（记者陈凤来、马路）近日，衡水"
        );
        assert_eq!(show("共1,032.5元,增长25.6%."), "共1,032.5元，增长25.6%.");
        assert_eq!(show("时间12:30到了."), "时间12:30到了。");
        assert_eq!(show("hello, world"), "hello, world");
        assert_eq!(show("经济(GDP)增长"), "经济（GDP）增长");
        assert_eq!(show("a\tb"), "a b");
    }

    #[test]
    fn classes() {
        assert!(no_start('，') && no_start(',') && no_start('”') && !no_start('“'));
        assert!(no_end('“') && no_end('(') && !no_end('”'));
        assert!(is_han('河') && !is_han('a') && is_cjk('，') && !is_cjk(','));
        assert!(is_hidden('\u{1b}') && is_hidden('\u{202E}') && !is_hidden('河'));
    }

    #[test]
    fn traditional_quotes_and_units_are_classed_as_simplified_ones() {
        // 「 never ends a line, 」 never starts one, in every form a page uses.
        for c in ['「', '『', '｢', '﹁', '﹃', '〝'] {
            assert!(no_end(c) && !no_start(c), "{c}");
        }
        for c in ['」', '』', '｣', '﹂', '﹄', '〞', '〟'] {
            assert!(no_start(c) && !no_end(c), "{c}");
        }
        for (t, s) in [
            ('個', '个'),
            ('億', '亿'),
            ('萬', '万'),
            ('號', '号'),
            ('歲', '岁'),
        ] {
            assert!(is_unit(t) && is_unit(s), "{t}");
        }
        assert!(!is_unit('臺') && !is_unit('發'));
    }

    #[test]
    fn a_headline_shows_as_the_pane_sets_it() {
        assert_eq!(display_text("衡水:打造新区", true), "衡水：打造新区");
        assert_eq!(display_text("衡水:打造新区", false), "衡水:打造新区");
        assert_eq!(display_text("GDP增长5.2%", true), "GDP增长5.2%");
    }
}
