//! Which graphics the terminal can draw photos with: kitty, iTerm2 or sixel when the
//! terminal says so, else Unicode half blocks (any colour terminal, tmux included).
//! The terminal is asked (an escape query, answered within a short timeout) only when
//! its environment names a terminal that may speak a graphics protocol: a terminal that
//! never answers must not hold up the reader or swallow the first keys.

use std::time::Duration;

use ratatui_image::picker::{Picker, cap_parser::QueryStdioOptions};

use crate::app::photos::PhotoMode;

/// Terminals that may draw kitty, iTerm2 or sixel graphics, by their environment.
fn may_have_graphics(var: &dyn Fn(&str) -> Option<String>) -> bool {
    let has = |k: &str| var(k).is_some_and(|v| !v.is_empty());
    let term = var("TERM").unwrap_or_default().to_ascii_lowercase();
    let program = var("TERM_PROGRAM").unwrap_or_default().to_ascii_lowercase();
    if term.starts_with("screen") || term.starts_with("tmux") || has("TMUX") {
        // tmux passes graphics through only when configured to; half blocks always work.
        return false;
    }
    has("KITTY_WINDOW_ID")
        || has("WEZTERM_EXECUTABLE")
        || has("KONSOLE_VERSION")
        || [
            "kitty", "ghostty", "foot", "mlterm", "wezterm", "contour", "yaft",
        ]
        .iter()
        .any(|t| term.contains(t))
        || ["iterm.app", "wezterm", "ghostty", "mintty", "vscode", "rio"]
            .iter()
            .any(|p| program.contains(p))
}

/// The picker for `mode` in this terminal.
pub fn picker(mode: PhotoMode) -> Picker {
    let env = |k: &str| std::env::var(k).ok();
    if mode != PhotoMode::Auto || !may_have_graphics(&env) {
        return Picker::halfblocks();
    }
    let options = QueryStdioOptions {
        timeout: Duration::from_millis(400),
        ..QueryStdioOptions::default()
    };
    Picker::from_query_stdio_with_options(options).unwrap_or_else(|_| Picker::halfblocks())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| pairs.iter().find(|p| p.0 == k).map(|p| p.1.clone())
    }

    #[test]
    fn asks_only_terminals_that_may_draw_graphics() {
        assert!(may_have_graphics(&env(&[("TERM", "xterm-kitty")])));
        assert!(may_have_graphics(&env(&[("TERM_PROGRAM", "iTerm.app")])));
        assert!(may_have_graphics(&env(&[("TERM", "foot")])));
        assert!(!may_have_graphics(&env(&[("TERM", "xterm-256color")])));
        assert!(!may_have_graphics(&env(&[
            ("TERM", "tmux-256color"),
            ("TERM_PROGRAM", "tmux")
        ])));
        assert!(!may_have_graphics(&env(&[
            ("TERM", "xterm-kitty"),
            ("TMUX", "/tmp/tmux-0/default,1,0")
        ])));
        assert!(!may_have_graphics(&env(&[])));
    }
}
