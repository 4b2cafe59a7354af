//! The article list pane: the issue's paper and date on top, page headers (`第05版 评论`)
//! with the page's own lines, then per article the kicker or column label dimmed,
//! headline, kind and bookmark markers, unread in bold, search hits highlighted;
//! everything truncated on char boundaries.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{fill, put_str};
use crate::app::{App, Focus};
use crate::model::{Article, ArticleKind, Field};
use crate::search::{Hit, hits};
use crate::text::{str_width, truncate};
use crate::view::rows::{Row, page_header, weekday};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let amb = app.setup().settings().ambiguous_wide;
    let (title, body) = app.list_areas();
    if app.search().active() {
        super::results::render(app, title, body, buf);
        return;
    }
    if let Some(title) = title {
        render_title(app, title, buf);
    }
    if app.shown().visible().is_empty() {
        put_str(
            buf,
            body.x,
            body.y,
            body.right(),
            if app.shown().unread_only() {
                "没有未读 no unread articles"
            } else {
                "no articles"
            },
            app.setup().theme().dim,
            amb,
        );
        return;
    }
    let rows = app.list_rows();
    let shown = rows
        .iter()
        .skip(app.browse().top())
        .take(usize::from(body.height));
    for (k, row) in shown.enumerate() {
        let line = Rect::new(body.x, body.y + k as u16, body.width, 1);
        match *row {
            Row::Page(p) => render_page_header(app, p, line, buf),
            Row::PageLine { page, line: n } => {
                let text = app.shown().issue().issues[0]
                    .pages
                    .get(page)
                    .and_then(|p| p.lines.get(n))
                    .map_or("", |l| l.text.as_str());
                let text = super::shown(text, app.setup().settings());
                let text = truncate(&text, usize::from(line.width.saturating_sub(2)), amb);
                put_str(
                    buf,
                    line.x + 2,
                    line.y,
                    line.right(),
                    &text,
                    app.setup().theme().dim,
                    amb,
                );
            }
            Row::Article { item, label } => render_article(app, item, label, line, buf),
        }
    }
}

/// The list's first row: which paper and date, and where the issue is among its paper's.
fn render_title(app: &App, area: Rect, buf: &mut Buffer) {
    let amb = app.setup().settings().ambiguous_wide;
    let Some(issue) = app.shown().issue().issues.first() else {
        put_str(
            buf,
            area.x,
            area.y,
            area.right(),
            "书架是空的 no issues",
            app.setup().theme().dim,
            amb,
        );
        return;
    };
    let date = if issue.date.is_empty() {
        "日期不详"
    } else {
        &issue.date
    };
    let week = weekday(&issue.date)
        .map(|w| format!(" {w}"))
        .unwrap_or_default();
    // The longest form that fits: the date goes last.
    let forms = [
        format!("{} {date}{week}", issue.paper),
        format!("{} {date}", issue.paper),
        format!("{date}{week}"),
        date.to_string(),
    ];
    let pos = format!(" {}", app.browse().position_label());
    let fits = |t: &String, extra: usize| str_width(t, amb) + extra <= usize::from(area.width);
    let pw = str_width(&pos, amb);
    let (text, with_pos) = match forms.iter().find(|t| fits(t, pw)) {
        Some(t) => (t, true),
        None => (
            forms.iter().find(|t| fits(t, 0)).unwrap_or(&forms[3]),
            false,
        ),
    };
    if with_pos {
        let x = area.right() - pw as u16;
        put_str(
            buf,
            x,
            area.y,
            area.right(),
            &pos,
            app.setup().theme().dim,
            amb,
        );
    }
    let text = truncate(text, usize::from(area.width), amb);
    put_str(
        buf,
        area.x,
        area.y,
        area.right(),
        &text,
        app.setup().theme().issue_title,
        amb,
    );
}

/// `第05版 评论 ────`: a page's header, ruled to the end of the row.
fn render_page_header(app: &App, page: usize, area: Rect, buf: &mut Buffer) {
    let amb = app.setup().settings().ambiguous_wide;
    let Some(p) = app.shown().issue().issues[0].pages.get(page) else {
        return;
    };
    let text = truncate(
        &super::shown(&page_header(p), app.setup().settings()),
        usize::from(area.width),
        amb,
    );
    let x = put_str(
        buf,
        area.x,
        area.y,
        area.right(),
        &text,
        app.setup().theme().page_header,
        amb,
    );
    if x + 1 < area.right() {
        let rule = "─".repeat(usize::from(area.right() - x - 1));
        put_str(
            buf,
            x + 1,
            area.y,
            area.right(),
            &rule,
            app.setup().theme().rule,
            amb,
        );
    }
}

/// One row of list item `item`: the label above the headline (`label`), or the headline
/// with its bookmark and kind markers.
fn render_article(app: &App, item: usize, label: bool, area: Rect, buf: &mut Buffer) {
    let Some(&r) = app.shown().visible().get(item) else {
        return;
    };
    let Some(a) = app.shown().issue().get(r) else {
        return;
    };
    let base = match (item == app.shown().selected(), app.screen().focus()) {
        (true, Focus::List) => app.setup().theme().selected,
        (true, Focus::Reader) => app.setup().theme().selected_unfocused,
        _ => Style::new(),
    };
    fill(buf, area, base);
    let found = if app.search().active() {
        hits(a, app.search().query())
    } else {
        Vec::new()
    };
    if label {
        let st = if item == app.shown().selected() {
            base
        } else {
            // Dim only off the selection: dim on a selected row's colour is unreadable.
            app.setup().theme().dim
        };
        render_label(app, a, &found, st, area, buf);
    } else {
        let row = HeadRow {
            selected: item == app.shown().selected(),
            bookmarked: app.is_bookmarked(r),
            read: app.is_read(r),
            base,
        };
        render_headline(app, a, &found, &row, area, buf);
    }
}

/// The line above the headline: the kicker or the column label (the field it comes
/// from, for highlighting search hits). A dateline or byline is never shown there: a
/// reader would take it for the story's kicker.
fn render_label(app: &App, a: &Article, found: &[Hit], st: Style, area: Rect, buf: &mut Buffer) {
    let label = [
        (Field::Kicker, a.kicker.as_deref()),
        (Field::Column, a.column.as_deref()),
    ]
    .into_iter()
    .find_map(|(f, t)| t.map(|t| (f, t)));
    if let Some((field, text)) = label {
        let at = (area.x + 2, area.y, area.right());
        put_field(buf, at, text, field, found, st, app);
    }
}

/// How a headline row stands: selected, bookmarked, read, and its base style.
struct HeadRow {
    selected: bool,
    bookmarked: bool,
    read: bool,
    base: Style,
}

/// A headline row: the bookmark mark, the pointer, the kind, the headline.
fn render_headline(
    app: &App,
    a: &Article,
    found: &[Hit],
    row: &HeadRow,
    area: Rect,
    buf: &mut Buffer,
) {
    let (amb, theme, base) = (
        app.setup().settings().ambiguous_wide,
        app.setup().theme(),
        row.base,
    );
    let (y, right) = (area.y, area.right());
    let mark = if row.bookmarked { "*" } else { " " };
    let mut x = put_str(buf, area.x, y, right, mark, base.patch(theme.mark), amb);
    // The selection is also marked in text, so it shows without colour too.
    let pointer = if row.selected { ">" } else { " " };
    x = put_str(buf, x, y, right, pointer, base, amb);
    let kind = match a.kind {
        ArticleKind::Photo => "图 ",
        ArticleKind::Interview => "访 ",
        _ => "",
    };
    x = put_str(buf, x, y, right, kind, base.patch(theme.kind), amb);
    let head_style = if row.read {
        base
    } else {
        base.patch(theme.unread)
    };
    if a.title.trim().is_empty() {
        put_str(buf, x, y, right, "（无标题）", base.patch(theme.dim), amb);
    } else {
        put_field(
            buf,
            (x, y, right),
            &a.title,
            Field::Title,
            found,
            head_style,
            app,
        );
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
    let amb = app.setup().settings().ambiguous_wide;
    let text = &*super::shown(text, app.setup().settings());
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
        let cst = if hit {
            st.patch(app.setup().theme().hit)
        } else {
            st
        };
        x = put_str(buf, x, y, right, c.encode_utf8(&mut tmp), cst, amb);
    }
}
