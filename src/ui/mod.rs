//! Drawing: turns the app state into cells. It reads the state and never changes it.

mod fetchlog;
pub mod help;
pub mod list;
mod marks;
mod pageview;
mod photo;
mod reader;
mod results;
mod status;

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::{App, Overlay};
use crate::text::char_width;

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    // Built once a frame: the status line and the cursor both read them.
    let status = status_parts(app);
    render_with(app, &status, area, frame.buffer_mut());
    if let Some((x, y)) = status::cursor(&status, area) {
        frame.set_cursor_position((x, y));
    }
}

/// Draw the whole screen into a buffer (what `draw` does, without a terminal).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    render_with(app, &status_parts(app), area, buf);
}

fn render_with(app: &App, status: &status::StatusParts, area: Rect, buf: &mut Buffer) {
    let p = app.panes_in(area);
    list::render(app, p.list, buf);
    for y in p.rule.top()..p.rule.bottom() {
        put_str(
            buf,
            p.rule.x,
            y,
            p.rule.right(),
            "│",
            app.setup().theme().rule,
            false,
        );
    }
    let job = |i| app.photo_job(i);
    let parts = reader::ReaderParts {
        pane: app.pane(),
        article: app.current(),
        searching: app.search().active(),
        hits: app.current_hits(),
        current: app.search().current(),
        setup: app.setup(),
        photos: photo::PhotoParts {
            photos: app.photos(),
            job: &job,
        },
    };
    reader::render(&parts, p.reader, p.text, buf);
    status::render(status, p.status, buf);
    match app.screen().overlay() {
        Overlay::Help => help::render(app.setup(), app.screen().help_scroll(), area, buf),
        Overlay::Bookmarks => {
            let on_shelf = |b: &crate::bookmarks::Bookmark| app.bookmark_on_shelf(b);
            marks::render(app.marks(), &on_shelf, app.setup(), area, buf)
        }
        Overlay::FetchLog => {
            if let Some(log) = app.fetch().log() {
                fetchlog::render(log, app.setup(), app.screen().help_scroll(), area, buf)
            }
        }
        Overlay::None => {}
    }
    pageview::render(app, area, buf);
}

/// What the status line draws from, taken from the app's parts.
fn status_parts(app: &App) -> status::StatusParts<'_> {
    status::StatusParts {
        setup: app.setup(),
        goto: app.goto(),
        search: app.search(),
        message: app.status_text(),
        place: app.place_label(),
        unread_only: app.shown().unread_only(),
        hints: app.hints(),
    }
}

/// A line of text (a title, a snippet, a page line) as the reading pane would show it:
/// in the script asked for, ASCII punctuation between Han full-width. One char for one
/// char, so hits and offsets into the stored text still hold.
pub fn shown<'a>(text: &'a str, settings: &crate::typeset::Settings) -> std::borrow::Cow<'a, str> {
    use crate::typeset::classes::display_text;
    match crate::text::script::convert_line(text, settings.script) {
        std::borrow::Cow::Borrowed(t) => display_text(t, settings.fullwidth_punct),
        std::borrow::Cow::Owned(t) => {
            std::borrow::Cow::Owned(display_text(&t, settings.fullwidth_punct).into_owned())
        }
    }
}

/// Write `text` at (x, y), never past `right`; a wide char that would cross `right` is
/// replaced by padding so no wide char starts in a pane's last column. Returns the next x.
pub fn put_str(
    buf: &mut Buffer,
    mut x: u16,
    y: u16,
    right: u16,
    text: &str,
    style: Style,
    ambiguous_wide: bool,
) -> u16 {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() {
        return x;
    }
    let right = right.min(area.right());
    for c in text.chars() {
        let w = char_width(c, ambiguous_wide) as u16;
        if w == 0 {
            continue;
        }
        if x + w > right {
            while x < right {
                buf[(x, y)].set_symbol(" ").set_style(style);
                x += 1;
            }
            break;
        }
        let mut tmp = [0u8; 4];
        buf[(x, y)]
            .set_symbol(c.encode_utf8(&mut tmp))
            .set_style(style);
        for i in 1..w {
            let cell = &mut buf[(x + i, y)];
            cell.reset();
            // Ratatui measures width itself; a char the terminal shows wider than that
            // (ambiguous width set wide) must not have its hidden cell redrawn.
            if ambiguous_wide && unicode_width::UnicodeWidthChar::width(c) == Some(1) {
                cell.set_diff_option(CellDiffOption::Skip);
            }
        }
        x += w;
    }
    x
}

/// Fill a rectangle with spaces in `style`.
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            buf[(x, y)].reset();
            buf[(x, y)].set_style(style);
        }
    }
}

#[cfg(test)]
mod tests;
