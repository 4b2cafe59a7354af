//! Terminal cell widths (UAX #11 via `unicode-width`), with the ambiguous-width setting,
//! and truncation that never cuts a wide character in half.

use unicode_width::UnicodeWidthChar;

/// Cells a character takes. `ambiguous_wide` sets East Asian Ambiguous characters
/// (“ ” · — … ①) two cells wide, as CJK-configured terminals do. Controls take 0.
pub fn char_width(c: char, ambiguous_wide: bool) -> usize {
    let w = if ambiguous_wide {
        c.width_cjk()
    } else {
        c.width()
    };
    w.unwrap_or(0)
}

/// Cells a string takes.
pub fn str_width(s: &str, ambiguous_wide: bool) -> usize {
    s.chars().map(|c| char_width(c, ambiguous_wide)).sum()
}

/// Cut `s` to at most `max` cells on a character boundary, ending with `…` when cut.
pub fn truncate(s: &str, max: usize, ambiguous_wide: bool) -> String {
    if str_width(s, ambiguous_wide) <= max {
        return s.to_string();
    }
    let ell = char_width('…', ambiguous_wide);
    if max < ell {
        return String::new();
    }
    let budget = max - ell;
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c, ambiguous_wide);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(str_width("河北a", false), 5);
        assert_eq!(char_width('“', false), 1);
        assert_eq!(char_width('“', true), 2);
        assert_eq!(char_width('\u{7}', false), 0);
    }

    #[test]
    fn truncate_keeps_wide_chars_whole() {
        assert_eq!(truncate("河北日报", 8, false), "河北日报");
        assert_eq!(truncate("河北日报", 7, false), "河北日…");
        assert_eq!(truncate("河北日报", 6, false), "河北…");
        assert_eq!(truncate("河北日报", 1, false), "…");
        assert_eq!(truncate("河北日报", 0, false), "");
        assert_eq!(truncate("河北日报", 6, true), "河北…");
        assert_eq!(truncate("河北日报", 5, true), "河…");
    }
}
