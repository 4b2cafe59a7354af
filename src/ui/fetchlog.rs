//! The fetch-log overlay: the last fetch's lines, failures marked `✗` in the message
//! style, scrolled with the help's keys, in the help's box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::help::boxed;
use super::put_str;
use crate::app::App;
use crate::app::fetchlog::rows;
use crate::app::help::{help_box, help_inner};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(log) = &app.fetch_log else {
        return;
    };
    let amb = app.settings.ambiguous_wide;
    let t = &app.theme;
    let inner = help_inner(area);
    let all = rows(log);
    let fits = usize::from(inner.height);
    let first = app.help_scroll.min(all.len().saturating_sub(fits));
    let title = if fits < all.len() {
        format!(
            " 上次抓取 Last fetch {}/{} · j/k · Esc ",
            first + 1,
            all.len()
        )
    } else {
        " 上次抓取 Last fetch · Esc 关闭 closes ".into()
    };
    boxed(app, buf, help_box(area), &title);
    for (row, (ok, text)) in all.iter().skip(first).take(fits).enumerate() {
        let style = match (row + first, ok) {
            (0, _) => t.unread,
            (_, true) => t.overlay,
            (_, false) => t.message,
        };
        put_str(
            buf,
            inner.x,
            inner.y + row as u16,
            inner.right(),
            text,
            style,
            amb,
        );
    }
}
