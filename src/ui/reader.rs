//! The reading pane: slices the typeset lines at the scroll position and draws them,
//! with search hits highlighted on exactly the matched characters.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put_str;
use crate::app::App;
use crate::search::Hit;
use crate::typeset::Line;

pub fn render(app: &App, pane: Rect, text: Rect, buf: &mut Buffer) {
    let amb = app.settings.ambiguous_wide;
    if pane.is_empty() {
        return;
    }
    if app.current().is_none() {
        let msg = if app.search.active() {
            "没有找到 nothing found"
        } else {
            "没有文章 no articles loaded"
        };
        put_str(buf, text.x, text.y, text.right(), msg, app.theme.dim, amb);
        return;
    }
    let hits = app.current_hits();
    let current = app.search.current.and_then(|i| hits.get(i));
    for (row, line) in app
        .layout
        .lines
        .iter()
        .skip(app.scroll)
        .take(usize::from(text.height))
        .enumerate()
    {
        draw_line(
            line,
            text.x,
            text.y + row as u16,
            text.right(),
            hits,
            current,
            app,
            buf,
        );
    }
    super::photo::render(app, text, buf);
}

/// Draw one typeset line; chars inside a hit get the hit style.
#[allow(clippy::too_many_arguments)]
fn draw_line(
    line: &Line,
    mut x: u16,
    y: u16,
    right: u16,
    hits: &[Hit],
    current: Option<&Hit>,
    app: &App,
    buf: &mut Buffer,
) {
    let (amb, theme) = (app.settings.ambiguous_wide, &app.theme);
    for span in &line.spans {
        let base = theme.role(span.role);
        let Some(src) = span.source.filter(|_| !hits.is_empty()) else {
            x = put_str(buf, x, y, right, &span.text, base, amb);
            continue;
        };
        let mut tmp = [0u8; 4];
        for (k, c) in span.text.chars().enumerate() {
            let at = src.start + k;
            let inside = |h: &Hit| h.field == src.field && at >= h.start && at < h.end;
            let st = if current.is_some_and(inside) {
                base.patch(theme.hit_current)
            } else if hits.iter().any(inside) {
                base.patch(theme.hit)
            } else {
                base
            };
            x = put_str(buf, x, y, right, c.encode_utf8(&mut tmp), st, amb);
        }
    }
}
