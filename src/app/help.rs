//! The help's content and layout, from the key bindings in force: one heading per mode,
//! one entry per binding, wrapped to the box's width (keys above their text when
//! narrow). The UI draws these lines; the app scrolls them.

use ratatui::layout::Rect;

use super::keys::Mode;
use super::{Keymap, Lang};
use crate::text::str_width;
use crate::typeset::classes::{no_end, no_start};

/// One screen row of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A mode's heading.
    Heading(String),
    /// Keys (empty on a continuation row) and text, the text starting at `indent`.
    Entry {
        keys: String,
        indent: u16,
        text: String,
    },
    Blank,
}

/// The help box over a screen `area`: at most 78 cells wide, the whole height.
pub fn help_box(area: Rect) -> Rect {
    let w = area.width.min(78);
    let h = area.height;
    Rect::new(area.x + (area.width - w) / 2, area.y, w, h)
}

/// The inside of the help box (borders and a margin column taken off).
pub fn help_inner(area: Rect) -> Rect {
    let b = help_box(area);
    Rect::new(
        b.x + 2,
        b.y + 1,
        b.width.saturating_sub(4),
        b.height.saturating_sub(2),
    )
}

/// A binding's text in `lang`.
pub fn text(zh: &str, en: &str, lang: Lang) -> String {
    match lang {
        Lang::Both => format!("{zh}  {en}"),
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

impl super::App {
    /// The key hints at the right of the status line, from the bindings in force
    /// (`Space 下一篇` first when a page forward goes on to the next article).
    pub fn hints(&self) -> String {
        use super::keys::Command as C;
        let mode = self.key_mode();
        let mut wanted = vec![
            (C::Search, "搜索", "search"),
            (C::Bookmark, "书签", "bookmark"),
            (C::Help, "帮助", "help"),
            (C::Quit, "退出", "quit"),
        ];
        let last = self.shown.selected() + 1 >= self.shown.visible().len();
        if self.setup.prefs().continuous && !last && self.pane.scroll() >= self.max_scroll() {
            wanted.insert(0, (C::PageDown, "下一篇", "next"));
        }
        let mut s = String::new();
        if self
            .fetch
            .setup()
            .as_ref()
            .is_some_and(|f| f.nothing_followed)
        {
            s.push_str(super::fetcher::SHORT_HINT);
        }
        for (command, zh, en) in wanted {
            if let Some(k) = self.setup.keymap().key_for(mode, command) {
                let label = if self.setup.prefs().lang == Lang::En {
                    en
                } else {
                    zh
                };
                s.push_str(&format!("{k} {label} "));
            }
        }
        s
    }
}

/// Every row of the help for a box `width` cells wide inside.
pub fn lines(keymap: &Keymap, lang: Lang, width: u16, amb: bool) -> Vec<HelpLine> {
    let width = usize::from(width.max(1));
    let entries: Vec<_> = keymap
        .bindings()
        .iter()
        .filter(|b| !b.keys.is_empty())
        .collect();
    let key_text = |b: &super::keys::Binding| {
        let names: Vec<String> = b.keys.iter().map(|k| k.to_string()).collect();
        names.join(" ")
    };
    let key_w = entries
        .iter()
        .map(|b| str_width(&key_text(b), amb))
        .max()
        .unwrap_or(0);
    // Keys in a column of their own when there is room; keys wider than the column
    // (or any keys on a very narrow screen) go on a row above their text.
    let side_by_side = width >= 24;
    let col = key_w.min(width * 2 / 5);
    let indent = if side_by_side { col + 2 } else { 2 };
    let mut out = Vec::new();
    for mode in Mode::ALL {
        let rows: Vec<_> = entries.iter().filter(|b| b.mode == mode).collect();
        if rows.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        let (zh, en) = mode.title();
        out.push(HelpLine::Heading(text(zh, en, lang)));
        for b in rows {
            let keys = key_text(b);
            let body = text(b.zh, b.en, lang);
            let mut wrapped = wrap(&body, width.saturating_sub(indent).max(1), amb);
            if side_by_side && str_width(&keys, amb) <= col {
                let first = wrapped.remove(0);
                out.push(entry(keys, indent, first));
            } else {
                out.push(entry(keys, 0, String::new()));
            }
            out.extend(wrapped.into_iter().map(|t| entry(String::new(), indent, t)));
        }
    }
    out
}

fn entry(keys: String, indent: usize, text: String) -> HelpLine {
    HelpLine::Entry {
        keys,
        indent: indent as u16,
        text,
    }
}

/// Break `text` into lines at most `width` cells: between words of Latin text, between
/// any two Han characters, never before `，` or after `（`.
pub fn wrap(text: &str, width: usize, amb: bool) -> Vec<String> {
    let width = width.max(2);
    let mut lines: Vec<Vec<(bool, String)>> = vec![Vec::new()];
    let mut used = 0;
    for (space, unit) in units(text, width, amb) {
        let line = lines.last_mut().expect("never empty");
        let sep = usize::from(space && !line.is_empty());
        let w = str_width(&unit, amb);
        if used + sep + w <= width || line.is_empty() {
            used += sep + w;
            line.push((space, unit));
            continue;
        }
        // A new line; a mark that may not start one takes the char before it along.
        let first = unit.chars().next().unwrap_or(' ');
        let last = line.last().and_then(|u| u.1.chars().last()).unwrap_or(' ');
        let mut next = Vec::new();
        if (no_start(first) || no_end(last)) && line.len() > 1 {
            next.extend(line.pop());
        }
        next.push((space, unit));
        used = next.iter().map(|u| str_width(&u.1, amb)).sum::<usize>() + next.len() - 1;
        lines.push(next);
    }
    lines
        .into_iter()
        .map(|line| {
            let mut s = String::new();
            for (i, (space, unit)) in line.into_iter().enumerate() {
                if space && i > 0 {
                    s.push(' ');
                }
                s.push_str(&unit);
            }
            s
        })
        .collect()
}

/// `text` as units a line may break between, each with whether spaces came before it:
/// a Latin word, or one char of anything else; words wider than `width` go by chars.
fn units(text: &str, width: usize, amb: bool) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut space = false;
    let mut word = String::new();
    let flush = |word: &mut String, space: &mut bool, out: &mut Vec<(bool, String)>| {
        if word.is_empty() {
            return;
        }
        if str_width(word, amb) > width {
            for (i, c) in word.chars().enumerate() {
                out.push((*space && i == 0, c.to_string()));
            }
        } else {
            out.push((*space, std::mem::take(word)));
        }
        word.clear();
        *space = false;
    };
    for c in text.chars() {
        if c == ' ' {
            flush(&mut word, &mut space, &mut out);
            space = true;
        } else if c.is_ascii() {
            word.push(c);
        } else {
            flush(&mut word, &mut space, &mut out);
            out.push((space, c.to_string()));
            space = false;
        }
    }
    flush(&mut word, &mut space, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_char_within_the_width() {
        let t = "下翻一页（篇末转下一篇）  page forward (at the end: the next article)";
        for w in 4..40 {
            let lines = wrap(t, w, false);
            for l in &lines {
                assert!(str_width(l, false) <= w, "{l:?} at {w}");
            }
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            assert!(!lines.iter().any(|l| l.contains("forward(")), "{lines:?}");
            let want: String = t.chars().filter(|c| *c != ' ').collect();
            assert_eq!(joined, want);
        }
    }

    #[test]
    fn words_are_never_cut_or_run_together() {
        for w in 8..30 {
            let lines = wrap("关闭书签一览  close the view (u undoes)", w, false);
            let all = lines.join(" ");
            for word in ["close", "the", "view", "(u", "undoes)"] {
                assert!(
                    all.split(' ').any(|x| x.ends_with(word)),
                    "{word} at {w}: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn no_wrapped_line_starts_with_a_comma() {
        for w in 6..30 {
            for l in wrap("搜索：Enter 保留结果，Esc 清除", w, false) {
                assert!(!l.starts_with('，'), "{l:?} at {w}");
            }
        }
    }

    #[test]
    fn narrow_help_puts_keys_above_their_text_and_fits() {
        let map = Keymap::default();
        for width in [10u16, 20, 36, 60, 74] {
            for l in lines(&map, Lang::Both, width, false) {
                if let HelpLine::Entry { keys, indent, text } = l {
                    assert!(str_width(&keys, false) <= usize::from(width) || text.is_empty());
                    assert!(usize::from(indent) + str_width(&text, false) <= usize::from(width));
                }
            }
        }
        let narrow = lines(&map, Lang::En, 20, false);
        assert!(narrow.contains(&HelpLine::Entry {
            keys: "Ctrl-w".into(),
            indent: 0,
            text: String::new()
        }));
    }

    #[test]
    fn the_help_names_the_search_line_keys_in_both_languages() {
        let all = lines(&Keymap::default(), Lang::Both, 74, false);
        let text: Vec<String> = all.iter().map(|l| format!("{l:?}")).collect();
        let text = text.join("\n");
        for want in [
            "Ctrl-w",
            "Ctrl-u",
            "Ctrl-k",
            "删除前一个词",
            "delete the word",
        ] {
            assert!(text.contains(want), "{want}");
        }
    }
}
