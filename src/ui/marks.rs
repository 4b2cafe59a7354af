//! The bookmarks view: every bookmark, newest first, with paper, date and headline;
//! bookmarks whose issue is not on the shelf are marked as such.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{fill, help::boxed, put_str};
use crate::app::{Marks, Setup};
use crate::bookmarks::Bookmark;
use crate::text::truncate;

/// The bookmarks view in `area`; `on_shelf` tells a bookmark whose issue is on the shelf.
pub fn render(
    marks: &Marks,
    on_shelf: &dyn Fn(&Bookmark) -> bool,
    setup: &Setup,
    area: Rect,
    buf: &mut Buffer,
) {
    let amb = setup.settings().ambiguous_wide;
    let w = area.width.saturating_sub(4).max(area.width.min(4));
    let h = area.height.saturating_sub(2).max(area.height.min(3));
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let list = marks.state.newest_first();
    let title = format!(
        " 书签 Bookmarks ({}) · Enter open · x remove · u undo · Esc close ",
        list.len()
    );
    let inner = boxed(setup, buf, r, &title);
    if list.is_empty() {
        let msg = "No bookmarks yet: press b on an article.";
        put_str(
            buf,
            inner.x + 1,
            inner.y,
            inner.right(),
            msg,
            setup.theme().dim,
            amb,
        );
    }
    let rows = usize::from(inner.height);
    let first = (marks.selected + 1).saturating_sub(rows.max(1));
    for (i, b) in list.iter().enumerate().skip(first).take(rows) {
        let y = inner.y + (i - first) as u16;
        let base = if i == marks.selected {
            setup.theme().selected
        } else {
            Style::new()
        };
        fill(buf, Rect::new(inner.x, y, inner.width, 1), base);
        let right = inner.right();
        let loaded = on_shelf(b);
        let mut x = put_str(
            buf,
            inner.x + 1,
            y,
            right,
            "* ",
            base.patch(setup.theme().mark),
            amb,
        );
        let meta = format!("{} {}  ", b.paper, b.date);
        x = put_str(buf, x, y, right, &meta, base.patch(setup.theme().dim), amb);
        let tail = if loaded {
            ""
        } else {
            " (不在书架 not on the shelf)"
        };
        let room = usize::from(right.saturating_sub(x));
        let title = super::shown(&b.title, setup.settings());
        let line = truncate(&format!("{title}{tail}"), room, amb);
        put_str(buf, x, y, right, &line, base, amb);
    }
}
