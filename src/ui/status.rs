//! The status line: paper, date, page, place in the article and key hints; or a message;
//! or, while searching, the search line with its cursor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{fill, put_str};
use crate::app::App;
use crate::text::{str_width, truncate};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let amb = app.settings.ambiguous_wide;
    fill(buf, area, app.theme.status);
    if app.goto.editing {
        let x = put_str(
            buf,
            area.x,
            area.y,
            area.right(),
            GOTO,
            app.theme.status,
            amb,
        );
        let text = app.goto.input.text();
        let skip = goto_skip(app, area.width);
        let (_, text) = scroll_text(text, skip, amb);
        put_str(buf, x, area.y, area.right(), text, app.theme.status, amb);
        return;
    }
    if app.search.editing {
        let line = SearchLine::new(app, area.width);
        let x = put_str(
            buf,
            area.x,
            area.y,
            area.right(),
            "/",
            app.theme.status,
            amb,
        );
        let (_, text) = scroll_text(app.search.input.text(), line.skip, amb);
        put_str(buf, x, area.y, x + line.room, text, app.theme.status, amb);
        if let Some(count) = &line.count {
            let cw = str_width(count, amb) as u16;
            let x = area.right() - cw;
            put_str(buf, x, area.y, area.right(), count, app.theme.status, amb);
        }
        return;
    }
    if let Some(msg) = &app.status {
        fill(buf, area, app.theme.message);
        let msg = truncate(msg, usize::from(area.width), amb);
        put_str(
            buf,
            area.x,
            area.y,
            area.right(),
            &msg,
            app.theme.message,
            amb,
        );
        return;
    }
    let mut left = String::new();
    if let Some(r) = app.current_ref() {
        let issue = &app.library.issues[r.issue];
        let page = &issue.pages[r.page].number;
        let date = if issue.date.is_empty() {
            "日期不详"
        } else {
            &issue.date
        };
        left = format!(
            " {} {} 第{}版 │ {} │ {}%",
            issue.paper,
            date,
            page,
            app.position_label(),
            app.percent_read()
        );
    }
    if app.search.active() {
        left.push_str(&format!(
            " │ /{} {}篇",
            app.search.query,
            app.search.count_label()
        ));
    }
    if app.unread_only {
        left.push_str(" │ 未读 unread");
    }
    let hints = app.hints();
    let hints = hints.as_str();
    let lw = str_width(&left, amb);
    let hw = str_width(hints, amb);
    let w = usize::from(area.width);
    let left = truncate(&left, w, amb);
    put_str(
        buf,
        area.x,
        area.y,
        area.right(),
        &left,
        app.theme.status,
        amb,
    );
    if lw + hw + 2 <= w {
        let x = area.right() - hw as u16;
        put_str(buf, x, area.y, area.right(), hints, app.theme.status, amb);
    }
}

/// How the search line is laid out at a width: drawing and the cursor both use it.
struct SearchLine {
    /// The match count at the right end, when there is room for it.
    count: Option<String>,
    /// Cells for the query after the `/`.
    room: u16,
    /// Cells of the query scrolled off the left so the cursor stays in view.
    skip: usize,
}

impl SearchLine {
    fn new(app: &App, width: u16) -> Self {
        let amb = app.settings.ambiguous_wide;
        let count = format!(" {} 篇", app.search.count_label());
        let cw = str_width(&count, amb) as u16;
        let count = (width > cw + 10).then_some(count);
        let room = width.saturating_sub(1 + if count.is_some() { cw } else { 0 });
        let cursor = app.search.cursor_cells(amb);
        // Keep one cell for the cursor itself (and a wide char after it).
        let skip = (cursor + 2).saturating_sub(usize::from(room).max(1));
        SearchLine { count, room, skip }
    }
}

/// Scroll `text` left by `cells` cells: (cells really skipped — a wide char cut there
/// goes whole —, what is left).
fn scroll_text(text: &str, cells: usize, amb: bool) -> (usize, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        if used >= cells {
            return (used, &text[i..]);
        }
        used += crate::text::char_width(c, amb);
    }
    (used, "")
}

/// The go-to prompt's label.
const GOTO: &str = "前往 go to: ";

/// Cells of the go-to line scrolled off the left so its cursor stays in view.
fn goto_skip(app: &App, width: u16) -> usize {
    let amb = app.settings.ambiguous_wide;
    let room = usize::from(width).saturating_sub(str_width(GOTO, amb));
    (app.goto.input.cursor_cells(amb) + 2).saturating_sub(room.max(1))
}

/// Where the terminal cursor goes: after the text of an open prompt.
pub fn cursor(app: &App, area: Rect) -> Option<(u16, u16)> {
    if app.goto.editing && area.height >= 2 {
        let amb = app.settings.ambiguous_wide;
        let (skipped, _) = scroll_text(app.goto.input.text(), goto_skip(app, area.width), amb);
        let before = app.goto.input.cursor_cells(amb).saturating_sub(skipped);
        let x = (str_width(GOTO, amb) + before) as u16;
        return (x < area.width).then_some((area.x + x, area.bottom() - 1));
    }
    if !app.search.editing || area.height < 2 {
        return None;
    }
    let amb = app.settings.ambiguous_wide;
    let skip = SearchLine::new(app, area.width).skip;
    let before = app.search.cursor_cells(amb);
    let (skipped, _) = scroll_text(app.search.input.text(), skip, amb);
    let x = 1 + before.saturating_sub(skipped) as u16;
    (x < area.width).then_some((area.x + x, area.bottom() - 1))
}
