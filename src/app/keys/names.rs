//! Key names as the config file and the help write them (`j`, `Space`, `Ctrl-d`, `PgDn`,
//! `↓`), parsed into a [`Key`] that matches terminal key events.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key, with or without Ctrl.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// Named keys: (config name, how the help shows it, code).
const NAMED: &[(&str, &str, KeyCode)] = &[
    ("Space", "Space", KeyCode::Char(' ')),
    ("Enter", "Enter", KeyCode::Enter),
    ("Esc", "Esc", KeyCode::Esc),
    ("Tab", "Tab", KeyCode::Tab),
    ("BackTab", "Shift-Tab", KeyCode::BackTab),
    ("Backspace", "Backspace", KeyCode::Backspace),
    ("Delete", "Delete", KeyCode::Delete),
    ("Up", "↑", KeyCode::Up),
    ("Down", "↓", KeyCode::Down),
    ("Left", "←", KeyCode::Left),
    ("Right", "→", KeyCode::Right),
    ("Home", "Home", KeyCode::Home),
    ("End", "End", KeyCode::End),
    ("PgUp", "PgUp", KeyCode::PageUp),
    ("PgDn", "PgDn", KeyCode::PageDown),
];

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// Parse a key name: one character (`j`, `?`, `N`), a named key (`Space`, `PgDn`,
    /// `Down` or `↓`), either with a `Ctrl-` prefix (`Ctrl-d`). `None` if it names no key.
    pub fn parse(name: &str) -> Option<Key> {
        let (ctrl, rest) = match name
            .strip_prefix("Ctrl-")
            .or_else(|| name.strip_prefix("ctrl-"))
            .or_else(|| name.strip_prefix("C-"))
        {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, name),
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => match NAMED.iter().find(|n| n.1 == rest) {
                Some(n) => n.2,
                None if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
                None => KeyCode::Char(c),
            },
            _ => {
                NAMED
                    .iter()
                    .find(|n| n.0.eq_ignore_ascii_case(rest) || n.1 == rest)?
                    .2
            }
        };
        Some(Key { code, ctrl })
    }

    /// The name the config file uses (parses back to the same key).
    pub fn name(self) -> String {
        self.render(|n| n.0)
    }

    /// Whether a terminal key event is this key (Shift is part of the char; Alt never
    /// matches).
    pub fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        if ev.modifiers.contains(KeyModifiers::ALT) || ctrl != self.ctrl {
            return false;
        }
        match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) if self.ctrl => a.eq_ignore_ascii_case(&b),
            (a, b) => a == b,
        }
    }

    fn render(
        self,
        pick: impl Fn(&'static (&'static str, &'static str, KeyCode)) -> &'static str,
    ) -> String {
        let base = match NAMED.iter().find(|n| n.2 == self.code) {
            Some(n) => pick(n).to_string(),
            None => match self.code {
                KeyCode::Char(c) => c.to_string(),
                other => format!("{other:?}"),
            },
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// How the help shows a key (`↓`, `Ctrl-d`).
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(|n| n.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_print_back() {
        for name in [
            "j", "?", "N", "Space", "Ctrl-d", "PgDn", "Down", "BackTab", "/",
        ] {
            let k = Key::parse(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(k.name(), name);
        }
        assert_eq!(Key::parse("↓"), Key::parse("Down"));
        assert_eq!(Key::parse("ctrl-D"), Some(Key::ctrl('d')));
        assert_eq!(Key::parse("pgdn"), Some(Key::plain(KeyCode::PageDown)));
        for bad in ["", "Ctrl-", "jj", "Hyper-x", "\u{7}"] {
            assert_eq!(Key::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Key::ctrl('w').to_string(), "Ctrl-w");
        assert_eq!(Key::plain(KeyCode::Down).to_string(), "↓");
    }

    #[test]
    fn events_match_with_ctrl_exactly() {
        let ev = |c, m| KeyEvent::new(KeyCode::Char(c), m);
        assert!(Key::ch('N').matches(&ev('N', KeyModifiers::SHIFT)));
        assert!(!Key::ch('d').matches(&ev('d', KeyModifiers::CONTROL)));
        assert!(Key::ctrl('d').matches(&ev('d', KeyModifiers::CONTROL)));
        assert!(!Key::ch('j').matches(&ev('j', KeyModifiers::ALT)));
    }
}
