//! The article list pane: kicker or column label dimmed, headline, kind marker, bookmark
//! marker, unread in bold, search hits highlighted; headlines truncated on char boundaries.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{fill, put_str, style};
use crate::app::{App, Focus};
use crate::model::{ArticleKind, Field};
use crate::search::{Hit, hits};
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
        let found = if app.search.active() {
            hits(a, &app.search.query)
        } else {
            Vec::new()
        };
        if rows == 2 {
            // The line above the headline: kicker or column label, else the dateline or
            // byline; the field it comes from, for highlighting search hits.
            let label = [
                (Field::Kicker, a.kicker.as_deref()),
                (Field::Column, a.column.as_deref()),
                (Field::Dateline, a.dateline.as_deref()),
                (Field::Byline, a.byline.as_deref()),
            ]
            .into_iter()
            .find_map(|(f, t)| t.map(|t| (f, t)));
            if let Some((field, text)) = label {
                let at = (area.x + 2, y, area.right());
                put_field(buf, at, text, field, &found, base.patch(style::DIM), amb);
            }
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
        if a.title.trim().is_empty() {
            put_str(
                buf,
                x,
                y,
                area.right(),
                "（无标题）",
                base.patch(style::DIM),
                amb,
            );
        } else {
            let at = (x, y, area.right());
            put_field(buf, at, &a.title, Field::Title, &found, head_style, amb);
        }
        y += 1;
    }
}

/// Write a field's text truncated to fit, the chars inside search hits highlighted.
fn put_field(
    buf: &mut Buffer,
    (x, y, right): (u16, u16, u16),
    text: &str,
    field: Field,
    found: &[Hit],
    st: Style,
    amb: bool,
) {
    let shown = truncate(text, usize::from(right.saturating_sub(x)), amb);
    let ranges: Vec<(usize, usize)> = found
        .iter()
        .filter(|h| h.field == field)
        .map(|h| (h.start, h.end))
        .collect();
    if ranges.is_empty() {
        put_str(buf, x, y, right, &shown, st, amb);
        return;
    }
    let cut = shown != text;
    let n = shown.chars().count();
    let mut x = x;
    let mut tmp = [0u8; 4];
    for (k, c) in shown.chars().enumerate() {
        let ellipsis = cut && k + 1 == n;
        let hit = !ellipsis && ranges.iter().any(|&(s, e)| k >= s && k < e);
        let cst = if hit { st.patch(style::HIT) } else { st };
        x = put_str(buf, x, y, right, c.encode_utf8(&mut tmp), cst, amb);
    }
}
