//! The reading pane: slices the typeset lines at the scroll position and draws them,
//! with search hits highlighted on exactly the matched characters.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put_str;
use crate::app::{ReadingPane, Setup};
use crate::model::Article;
use crate::search::Hit;
use crate::typeset::Line;

/// What the reading pane draws: the pane's part, the article it is set for, the search
/// hits in it, and the photos.
pub struct ReaderParts<'a> {
    pub pane: &'a ReadingPane,
    pub article: Option<&'a Article>,
    /// A search is on (an empty pane then says nothing was found).
    pub searching: bool,
    pub hits: &'a [Hit],
    /// The hit the reader is on.
    pub current: Option<usize>,
    pub setup: &'a Setup,
    pub photos: super::photo::PhotoParts<'a>,
}

pub fn render(parts: &ReaderParts, pane: Rect, text: Rect, buf: &mut Buffer) {
    let (setup, amb) = (parts.setup, parts.setup.settings().ambiguous_wide);
    if pane.is_empty() {
        return;
    }
    if parts.article.is_none() {
        let msg = if parts.searching {
            "没有找到 nothing found"
        } else {
            "没有文章 no articles loaded"
        };
        put_str(
            buf,
            text.x,
            text.y,
            text.right(),
            msg,
            setup.theme().dim,
            amb,
        );
        return;
    }
    let hits = parts.hits;
    let current = parts.current.and_then(|i| hits.get(i));
    let lines = parts.pane.layout().lines.iter().skip(parts.pane.scroll());
    for (row, line) in lines.take(usize::from(text.height)).enumerate() {
        let y = text.y + row as u16;
        draw_line(line, text.x, y, text.right(), hits, current, setup, buf);
    }
    super::photo::render(&parts.photos, parts.pane, setup, text, buf);
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
    setup: &Setup,
    buf: &mut Buffer,
) {
    let (amb, theme) = (setup.settings().ambiguous_wide, setup.theme());
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
