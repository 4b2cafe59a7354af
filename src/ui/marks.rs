//! The bookmarks view: every bookmark, newest first, with paper, date and headline;
//! bookmarks whose issue is not on the shelf are marked as such.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{fill, help::boxed, put_str};
use crate::app::App;
use crate::text::truncate;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let amb = app.settings.ambiguous_wide;
    let w = area.width.saturating_sub(4).max(area.width.min(4));
    let h = area.height.saturating_sub(2).max(area.height.min(3));
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let list = app.marks.state.newest_first();
    let title = format!(
        " 书签 Bookmarks ({}) · Enter open · x remove · u undo · Esc close ",
        list.len()
    );
    let inner = boxed(app, buf, r, &title);
    if list.is_empty() {
        let msg = "No bookmarks yet: press b on an article.";
        put_str(
            buf,
            inner.x + 1,
            inner.y,
            inner.right(),
            msg,
            app.theme.dim,
            amb,
        );
    }
    let rows = usize::from(inner.height);
    let first = (app.marks.selected + 1).saturating_sub(rows.max(1));
    for (i, b) in list.iter().enumerate().skip(first).take(rows) {
        let y = inner.y + (i - first) as u16;
        let base = if i == app.marks.selected {
            app.theme.selected
        } else {
            Style::new()
        };
        fill(buf, Rect::new(inner.x, y, inner.width, 1), base);
        let right = inner.right();
        let loaded = app.bookmark_on_shelf(b);
        let mut x = put_str(
            buf,
            inner.x + 1,
            y,
            right,
            "* ",
            base.patch(app.theme.mark),
            amb,
        );
        let meta = format!("{} {}  ", b.paper, b.date);
        x = put_str(buf, x, y, right, &meta, base.patch(app.theme.dim), amb);
        let tail = if loaded {
            ""
        } else {
            " (不在书架 not on the shelf)"
        };
        let room = usize::from(right.saturating_sub(x));
        let title = super::shown(&b.title, &app.settings);
        let line = truncate(&format!("{title}{tail}"), room, amb);
        put_str(buf, x, y, right, &line, base, amb);
    }
}
