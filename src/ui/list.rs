//! The article list pane: kicker or column label dimmed, headline, kind marker, bookmark
//! marker, unread in bold, search hits highlighted; headlines truncated on char boundaries.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{fill, put_str, style};
use crate::app::{App, Focus};
use crate::model::{ArticleKind, Field};
use crate::search::hits;
use crate::text::truncate;

/// Rows each article takes: two (label, headline) when there is room, else one.
pub fn item_rows(height: u16) -> usize {
    if height >= 8 { 2 } else { 1 }
}

/// The first article shown so that the selection is in view.
pub fn first_visible(selected: usize, len: usize, height: u16) -> usize {
    let fits = (usize::from(height) / item_rows(height)).max(1);
    let first = (selected + 1).saturating_sub(fits);
    first.min(len.saturating_sub(1))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let amb = app.settings.ambiguous_wide;
    if app.visible.is_empty() {
        let msg = if app.search.active() {
            "无匹配 no match"
        } else {
            "no articles"
        };
        put_str(buf, area.x, area.y, area.right(), msg, style::DIM, amb);
        return;
    }
    let rows = item_rows(area.height);
    let first = first_visible(app.selected, app.visible.len(), area.height);
    let mut y = area.y;
    for (i, &r) in app.visible.iter().enumerate().skip(first) {
        if y + rows as u16 > area.bottom() {
            break;
        }
        let Some(a) = app.library.get(r) else {
            continue;
        };
        let selected = i == app.selected;
        let base = match (selected, app.focus) {
            (true, Focus::List) => style::SELECTED,
            (true, Focus::Reader) => style::SELECTED_UNFOCUSED,
            _ => Style::new(),
        };
        fill(buf, Rect::new(area.x, y, area.width, rows as u16), base);
        if rows == 2 {
            let label = a
                .kicker
                .as_deref()
                .or(a.column.as_deref())
                .map(str::to_string)
                .unwrap_or_else(|| {
                    let page = &app.library.issues[r.issue].pages[r.page].number;
                    format!("第{page}版")
                });
            let label = truncate(&label, usize::from(area.width.saturating_sub(2)), amb);
            put_str(
                buf,
                area.x + 2,
                y,
                area.right(),
                &label,
                base.patch(style::DIM),
                amb,
            );
            y += 1;
        }
        let mut x = area.x;
        let mark = if app.is_bookmarked(r) { "*" } else { " " };
        x = put_str(buf, x, y, area.right(), mark, base.patch(style::MARK), amb);
        x = put_str(buf, x, y, area.right(), " ", base, amb);
        let kind = match a.kind {
            ArticleKind::Photo => "图 ",
            ArticleKind::Interview => "访 ",
            _ => "",
        };
        x = put_str(buf, x, y, area.right(), kind, base.patch(style::KIND), amb);
        let head_style = if app.is_read(r) {
            base
        } else {
            base.patch(style::UNREAD)
        };
        let room = usize::from(area.right().saturating_sub(x));
        let title = truncate(&a.title, room, amb);
        if app.search.active() {
            let hs: Vec<(usize, usize)> = hits(a, &app.search.query)
                .into_iter()
                .filter(|h| h.field == Field::Title)
                .map(|h| (h.start, h.end))
                .collect();
            let cut = title != a.title;
            let n = title.chars().count();
            for (k, c) in title.chars().enumerate() {
                let ellipsis = cut && k + 1 == n;
                let hit = !ellipsis && hs.iter().any(|&(s, e)| k >= s && k < e);
                let st = if hit {
                    head_style.patch(style::HIT)
                } else {
                    head_style
                };
                let mut tmp = [0u8; 4];
                x = put_str(buf, x, y, area.right(), c.encode_utf8(&mut tmp), st, amb);
            }
        } else {
            put_str(buf, x, y, area.right(), &title, head_style, amb);
        }
        y += 1;
    }
}
