//! The help overlay: every key, in a box over the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{put_str, style};
use crate::app::App;
use crate::text::str_width;

/// Every key the reader knows, with what it does.
pub const KEYS: &[(&str, &str)] = &[
    (
        "j k ↓ ↑",
        "next / previous article; scroll in the reading pane",
    ),
    (
        "g G Home End",
        "first / last article; top / end of the article",
    ),
    (
        "Tab Enter l",
        "read the selected article (focus the reading pane)",
    ),
    ("h Esc", "back to the article list"),
    (
        "Space PgDn ^D",
        "page (half page) forward; PgDn in the list: a screen",
    ),
    (
        "PgUp ^U",
        "page (half page) back; PgUp in the list: a screen",
    ),
    ("[ ]", "previous / next issue of the paper"),
    ("{ }", "previous / next page of the issue"),
    ("o", "go to a date (2023-07-03, 0703) or a paper (rmrb)"),
    (
        "/",
        "search the archive (rmrb 2023-07: 农业 filters); Enter opens",
    ),
    ("n N", "next / previous match, across articles and issues"),
    ("b", "bookmark the article (and the place in it)"),
    ("B", "bookmarks: Enter opens, d removes"),
    ("c", "columns on / off in a wide reading pane"),
    ("mouse", "wheel scrolls the pane under it; click selects"),
    ("?", "this help"),
    ("q ^C", "quit"),
];

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let amb = app.settings.ambiguous_wide;
    let key_w = KEYS
        .iter()
        .map(|(k, _)| str_width(k, amb))
        .max()
        .unwrap_or(0) as u16;
    let text_w = KEYS
        .iter()
        .map(|(_, t)| str_width(t, amb))
        .max()
        .unwrap_or(0) as u16;
    let w = (key_w + text_w + 5).min(area.width);
    let h = (KEYS.len() as u16 + 2).min(area.height);
    let x = area.x + (area.width - w) / 2;
    let y = area.y + (area.height - h) / 2;
    let fits = usize::from(h.saturating_sub(2));
    let first = app.help_scroll.min(KEYS.len().saturating_sub(fits));
    let title = if fits < KEYS.len() {
        " 帮助 Keys · j/k scroll · Esc closes "
    } else {
        " 帮助 Keys · Esc closes "
    };
    let inner = boxed(buf, Rect::new(x, y, w, h), title);
    let right = inner.right();
    for (i, (k, t)) in KEYS.iter().enumerate().skip(first) {
        let row = inner.y + (i - first) as u16;
        if row >= inner.bottom() {
            break;
        }
        put_str(buf, inner.x + 1, row, right, k, style::KEY, amb);
        put_str(buf, inner.x + 2 + key_w, row, right, t, style::OVERLAY, amb);
    }
}

/// Clear `r` and draw a bordered box titled `title`; returns the inside.
pub(super) fn boxed(buf: &mut Buffer, r: Rect, title: &str) -> Rect {
    use ratatui::widgets::{Block, Clear, Widget};
    Clear.render(r, buf);
    let block = Block::bordered()
        .border_style(style::RULE)
        .title(title)
        .title_style(style::UNREAD);
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}
