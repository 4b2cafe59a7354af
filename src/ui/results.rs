//! The list pane during a search: what was searched and how many articles match on top,
//! then the hits newest first, each with its date, page and paper, the snippet around the
//! match and the headline, matched chars highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{fill, put_str};
use crate::app::{App, Focus};
use crate::library::SearchHit;
use crate::model::Article;
use crate::search::hits;
use crate::text::{str_width, truncate};

pub fn render(app: &App, title: Option<Rect>, body: Rect, buf: &mut Buffer) {
    let amb = app.setup().settings().ambiguous_wide;
    let s = &app.search();
    if let Some(t) = title {
        let mut head = format!("搜索「{}」 {} 篇", s.query().trim(), s.count_label());
        if let Some(p) = &s.line().paper {
            head.push_str(&format!(" · {}", p.name));
        }
        if s.line().from.is_some() || s.line().to.is_some() {
            let from = s.line().from.as_deref().unwrap_or("");
            let to = s.line().to.as_deref().unwrap_or("");
            head.push_str(&format!(" · {from}..{to}"));
        }
        let head = truncate(&head, usize::from(t.width), amb);
        put_str(
            buf,
            t.x,
            t.y,
            t.right(),
            &head,
            app.setup().theme().issue_title,
            amb,
        );
    }
    if s.results().is_empty() {
        put_str(
            buf,
            body.x,
            body.y,
            body.right(),
            "无匹配 no match",
            app.setup().theme().dim,
            amb,
        );
        return;
    }
    let k = app.result_rows();
    let rows = usize::from(body.height);
    for row in s.top()..(s.top() + rows) {
        let (i, part) = (row / k, row % k);
        let Some(hit) = s.results().get(i) else {
            break;
        };
        let y = body.y + (row - s.top()) as u16;
        let base = match (i == s.selected(), app.screen().focus()) {
            (true, Focus::List) => app.setup().theme().selected,
            (true, Focus::Reader) => app.setup().theme().selected_unfocused,
            _ => Style::new(),
        };
        let line = Rect::new(body.x, y, body.width, 1);
        fill(buf, line, base);
        if k == 2 && part == 0 {
            render_where(app, hit, line, base, buf);
        } else {
            let short = if k == 1 {
                format!("{} ", hit.key.date.get(5..).unwrap_or(&hit.key.date))
            } else {
                "  ".into()
            };
            let x = put_str(
                buf,
                line.x,
                y,
                line.right(),
                &short,
                base.patch(app.setup().theme().dim),
                amb,
            );
            // A page's own hit is never unread: it is not an article.
            let read = hit.line.is_some() || app.marks().state.read.contains(&hit.id.0);
            let head = if read {
                base
            } else {
                base.patch(app.setup().theme().unread)
            };
            put_lit(app, &hit.title, (x, y, line.right()), head, buf);
        }
    }
}

/// `2023-07-03 第04版 人民日报` dimmed, then the snippet around the match.
fn render_where(app: &App, hit: &SearchHit, line: Rect, base: Style, buf: &mut Buffer) {
    let amb = app.setup().settings().ambiguous_wide;
    let several = app.search().line().paper.is_none()
        && app
            .browse()
            .issues()
            .iter()
            .any(|i| i.key.slug != hit.key.slug);
    let mut text = format!("{} 第{}版", hit.key.date, hit.page);
    if hit.line.is_some() {
        text.push_str(" 版面");
    }
    if several {
        text.push(' ');
        text.push_str(&hit.paper);
    }
    let dim = base.patch(app.setup().theme().dim);
    let mut x = put_str(buf, line.x, line.y, line.right(), &text, dim, amb);
    let snippet = hit.snippet.trim();
    // A snippet shorter than a few chars says nothing: leave it out.
    if !snippet.is_empty() && x + 12 <= line.right() {
        x = put_str(buf, x, line.y, line.right(), "  ", dim, amb);
        put_lit(app, snippet, (x, line.y, line.right()), dim, buf);
    }
}

/// Write `text` truncated to fit, the chars matching the search highlighted. The snippet
/// is cut from the text, so the match may sit anywhere in it: start a little before it.
fn put_lit(app: &App, text: &str, (x, y, right): (u16, u16, u16), st: Style, buf: &mut Buffer) {
    let amb = app.setup().settings().ambiguous_wide;
    let probe = Article {
        title: text.to_string(),
        ..Default::default()
    };
    let found = hits(&probe, app.search().query());
    // Shown as the reading pane sets it; one char for one char, so the hits still hold.
    let text = &*super::shown(text, app.setup().settings());
    let room = usize::from(right.saturating_sub(x));
    // Bring the first match into view when the text is wider than the room.
    let skip = match found.first() {
        Some(h) if str_width(text, amb) > room => {
            let before: String = text.chars().take(h.end).collect();
            let over = str_width(&before, amb).saturating_sub(room.saturating_sub(2));
            let mut cells = 0;
            text.chars()
                .take_while(|&c| {
                    let go = cells < over;
                    cells += crate::text::char_width(c, amb);
                    go
                })
                .count()
        }
        _ => 0,
    };
    let shown: String = text.chars().skip(skip).collect();
    let shown = truncate(&shown, room, amb);
    let cut = shown.chars().count() < text.chars().count() - skip;
    let n = shown.chars().count();
    let mut x = x;
    let mut tmp = [0u8; 4];
    for (k, c) in shown.chars().enumerate() {
        let at = k + skip;
        let lit = !(cut && k + 1 == n) && found.iter().any(|h| at >= h.start && at < h.end);
        let cst = if lit {
            st.patch(app.setup().theme().hit)
        } else {
            st
        };
        x = put_str(buf, x, y, right, c.encode_utf8(&mut tmp), cst, amb);
    }
}
