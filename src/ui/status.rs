//! The status line: paper, date, page, place in the article and key hints; or a message;
//! or, while searching, the search line with its cursor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{fill, put_str};
use crate::app::{GotoState, SearchState, Setup};
use crate::text::{str_width, truncate};

/// What the status line draws from: the prompts, the message, and the place.
pub struct StatusParts<'a> {
    pub setup: &'a Setup,
    pub goto: &'a GotoState,
    pub search: &'a SearchState,
    /// The message shown instead of the place, if any.
    pub message: Option<String>,
    /// Paper, date, page and place in the article (empty with no article).
    pub place: String,
    /// The list shows only unread articles.
    pub unread_only: bool,
    /// The key hints, right-aligned when there is room.
    pub hints: String,
}

pub fn render(parts: &StatusParts, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let (amb, style) = (
        parts.setup.settings().ambiguous_wide,
        parts.setup.theme().status,
    );
    fill(buf, area, style);
    if parts.goto.editing() {
        let x = put_str(buf, area.x, area.y, area.right(), GOTO, style, amb);
        let skip = goto_skip(parts, area.width);
        let (_, text) = scroll_text(parts.goto.input().text(), skip, amb);
        put_str(buf, x, area.y, area.right(), text, style, amb);
    } else if parts.search.editing() {
        search_line(parts, area, buf);
    } else if let Some(msg) = &parts.message {
        let style = parts.setup.theme().message;
        fill(buf, area, style);
        let msg = truncate(msg, usize::from(area.width), amb);
        put_str(buf, area.x, area.y, area.right(), &msg, style, amb);
    } else {
        place_line(parts, area, buf);
    }
}

/// `/query` with its cursor kept in view, and the match count at the right end.
fn search_line(parts: &StatusParts, area: Rect, buf: &mut Buffer) {
    let (amb, style) = (
        parts.setup.settings().ambiguous_wide,
        parts.setup.theme().status,
    );
    let line = SearchLine::new(parts, area.width);
    let x = put_str(buf, area.x, area.y, area.right(), "/", style, amb);
    let (_, text) = scroll_text(parts.search.input().text(), line.skip, amb);
    put_str(buf, x, area.y, x + line.room, text, style, amb);
    if let Some(count) = &line.count {
        let x = area.right() - str_width(count, amb) as u16;
        put_str(buf, x, area.y, area.right(), count, style, amb);
    }
}

/// The place, the search and the filter on the left; the key hints on the right.
fn place_line(parts: &StatusParts, area: Rect, buf: &mut Buffer) {
    let (amb, style) = (
        parts.setup.settings().ambiguous_wide,
        parts.setup.theme().status,
    );
    let mut left = parts.place.clone();
    if parts.search.active() {
        let (query, count) = (&parts.search.query(), parts.search.count_label());
        left.push_str(&format!(" │ /{query} {count}篇"));
    }
    if parts.unread_only {
        left.push_str(" │ 未读 unread");
    }
    let hints = parts.hints.as_str();
    let (lw, hw, w) = (
        str_width(&left, amb),
        str_width(hints, amb),
        usize::from(area.width),
    );
    put_str(
        buf,
        area.x,
        area.y,
        area.right(),
        &truncate(&left, w, amb),
        style,
        amb,
    );
    if lw + hw + 2 <= w {
        let x = area.right() - hw as u16;
        put_str(buf, x, area.y, area.right(), hints, style, amb);
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
    fn new(parts: &StatusParts, width: u16) -> Self {
        let amb = parts.setup.settings().ambiguous_wide;
        let count = format!(" {} 篇", parts.search.count_label());
        let cw = str_width(&count, amb) as u16;
        let count = (width > cw + 10).then_some(count);
        let room = width.saturating_sub(1 + if count.is_some() { cw } else { 0 });
        let cursor = parts.search.cursor_cells(amb);
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
fn goto_skip(parts: &StatusParts, width: u16) -> usize {
    let amb = parts.setup.settings().ambiguous_wide;
    let room = usize::from(width).saturating_sub(str_width(GOTO, amb));
    (parts.goto.input().cursor_cells(amb) + 2).saturating_sub(room.max(1))
}

/// Where the terminal cursor goes: after the text of an open prompt.
pub fn cursor(parts: &StatusParts, area: Rect) -> Option<(u16, u16)> {
    if parts.goto.editing() && area.height >= 2 {
        let amb = parts.setup.settings().ambiguous_wide;
        let (skipped, _) =
            scroll_text(parts.goto.input().text(), goto_skip(parts, area.width), amb);
        let before = parts.goto.input().cursor_cells(amb).saturating_sub(skipped);
        let x = (str_width(GOTO, amb) + before) as u16;
        return (x < area.width).then_some((area.x + x, area.bottom() - 1));
    }
    if !parts.search.editing() || area.height < 2 {
        return None;
    }
    let amb = parts.setup.settings().ambiguous_wide;
    let skip = SearchLine::new(parts, area.width).skip;
    let before = parts.search.cursor_cells(amb);
    let (skipped, _) = scroll_text(parts.search.input().text(), skip, amb);
    let x = 1 + before.saturating_sub(skipped) as u16;
    (x < area.width).then_some((area.x + x, area.bottom() - 1))
}
