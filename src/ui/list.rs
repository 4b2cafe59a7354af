//! The article list pane: kicker or column label dimmed, headline, kind marker, bookmark
//! marker, unread in bold, search hits highlighted; headlines truncated on char boundaries.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{fill, put_str};
use crate::app::geometry::{first_visible, item_rows};
use crate::app::{App, Focus};
use crate::model::{ArticleKind, Field};
use crate::search::{Hit, hits};
use crate::text::truncate;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let amb = app.settings.ambiguous_wide;
    if app.visible.is_empty() {
        let msg = if app.search.active() {
            "无匹配 no match"
        } else if app.unread_only {
            "没有未读 no unread articles"
        } else {
            "no articles"
        };
        put_str(buf, area.x, area.y, area.right(), msg, app.theme.dim, amb);
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
            (true, Focus::List) => app.theme.selected,
            (true, Focus::Reader) => app.theme.selected_unfocused,
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
                // Dim only off the selection: dim on a selected row's colour is unreadable.
                let st = if selected { base } else { app.theme.dim };
                put_field(buf, at, text, field, &found, st, app);
            }
            y += 1;
        }
        let mut x = area.x;
        let mark = if app.is_bookmarked(r) { "*" } else { " " };
        x = put_str(
            buf,
            x,
            y,
            area.right(),
            mark,
            base.patch(app.theme.mark),
            amb,
        );
        // The selection is also marked in text, so it shows without colour too.
        let pointer = if selected { ">" } else { " " };
        x = put_str(buf, x, y, area.right(), pointer, base, amb);
        let kind = match a.kind {
            ArticleKind::Photo => "图 ",
            ArticleKind::Interview => "访 ",
            _ => "",
        };
        x = put_str(
            buf,
            x,
            y,
            area.right(),
            kind,
            base.patch(app.theme.kind),
            amb,
        );
        let head_style = if app.is_read(r) {
            base
        } else {
            base.patch(app.theme.unread)
        };
        if a.title.trim().is_empty() {
            put_str(
                buf,
                x,
                y,
                area.right(),
                "（无标题）",
                base.patch(app.theme.dim),
                amb,
            );
        } else {
            let at = (x, y, area.right());
            put_field(buf, at, &a.title, Field::Title, &found, head_style, app);
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
    app: &App,
) {
    let amb = app.settings.ambiguous_wide;
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
        let cst = if hit { st.patch(app.theme.hit) } else { st };
        x = put_str(buf, x, y, right, c.encode_utf8(&mut tmp), cst, amb);
    }
}
