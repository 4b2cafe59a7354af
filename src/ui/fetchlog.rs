//! The fetch-log overlay: the last fetch's lines, failures marked `✗` in the message
//! style, scrolled with the help's keys, in the help's box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::help::boxed;
use super::put_str;
use crate::app::Setup;
use crate::app::fetchlog::rows;
use crate::app::help::{help_box, help_inner};
use crate::feed::log::FetchLog;

/// The log in `area`, its first `scroll` rows scrolled off.
pub fn render(log: &FetchLog, setup: &Setup, scroll: usize, area: Rect, buf: &mut Buffer) {
    let amb = setup.settings().ambiguous_wide;
    let t = &setup.theme();
    let inner = help_inner(area);
    let all = rows(log, usize::from(inner.width), amb);
    let fits = usize::from(inner.height);
    let first = scroll.min(all.len().saturating_sub(fits));
    let title = if fits < all.len() {
        format!(
            " 上次抓取 Last fetch {}/{} · j/k · Esc ",
            first + 1,
            all.len()
        )
    } else {
        " 上次抓取 Last fetch · Esc 关闭 closes ".into()
    };
    boxed(setup, buf, help_box(area), &title);
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
