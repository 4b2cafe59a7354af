//! The help overlay: the key bindings in force, by mode, in Chinese and English; it
//! scrolls, and wraps (keys above their text) on narrow screens.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put_str;
use crate::app::Setup;
use crate::app::help::{HelpLine, help_box, help_inner, lines};

/// The help in `area`, its first `scroll` rows scrolled off.
pub fn render(setup: &Setup, scroll: usize, area: Rect, buf: &mut Buffer) {
    let amb = setup.settings().ambiguous_wide;
    let t = &setup.theme();
    let inner = help_inner(area);
    let all = lines(setup.keymap(), setup.prefs().lang, inner.width, amb);
    let fits = usize::from(inner.height);
    let first = scroll.min(all.len().saturating_sub(fits));
    let title = if fits < all.len() {
        format!(" 帮助 Keys {}/{} · j/k ↓↑ · Esc ", first + 1, all.len())
    } else {
        " 帮助 Keys · Esc 关闭 closes ".into()
    };
    boxed(setup, buf, help_box(area), &title);
    for (row, line) in all.iter().skip(first).take(fits).enumerate() {
        let y = inner.y + row as u16;
        let right = inner.right();
        match line {
            HelpLine::Heading(h) => _ = put_str(buf, inner.x, y, right, h, t.unread, amb),
            HelpLine::Entry { keys, indent, text } => {
                put_str(buf, inner.x, y, right, keys, t.key, amb);
                let x = inner.x + indent;
                put_str(buf, x, y, right, text, t.overlay, amb);
            }
            HelpLine::Blank => {}
        }
    }
}

/// Clear `r` and draw a bordered box titled `title`; returns the inside.
pub(super) fn boxed(setup: &Setup, buf: &mut Buffer, r: Rect, title: &str) -> Rect {
    use ratatui::widgets::{Block, Clear, Widget};
    Clear.render(r, buf);
    let block = Block::bordered()
        .border_style(setup.theme().rule)
        .title(title)
        .title_style(setup.theme().unread);
    let inner = block.inner(r);
    block.render(r, buf);
    blank_cut_wide_chars(buf, r, setup.settings().ambiguous_wide);
    inner
}

/// A wide character left of the box whose right half lies under the box's left edge
/// would be drawn over the border: blank it. A hidden half right of the box whose wide
/// character the box covered must be drawn again (as a blank).
fn blank_cut_wide_chars(buf: &mut Buffer, r: Rect, amb: bool) {
    use ratatui::buffer::CellDiffOption;
    let area = buf.area;
    for y in r.top().max(area.top())..r.bottom().min(area.bottom()) {
        if r.x > area.left() {
            let cell = &mut buf[(r.x - 1, y)];
            let wide = cell
                .symbol()
                .chars()
                .next()
                .is_some_and(|c| crate::text::char_width(c, amb) > 1);
            if wide {
                cell.set_symbol(" ");
            }
        }
        if r.right() < area.right() {
            let cell = &mut buf[(r.right(), y)];
            if cell.symbol().is_empty() || cell.diff_option != CellDiffOption::None {
                cell.set_symbol(" ").set_diff_option(CellDiffOption::None);
            }
        }
    }
}
