//! News photos in the reading pane: each photo box the layout reserved that shows in
//! the pane gets its picture (its visible rows only, when it is scrolled half out),
//! centred in the box; a picture on its way is a placeholder line, one that failed a
//! one-line note. Drawn after the text, over the box's empty rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_image::sliced::{SignedPosition, SlicedImage};

use super::put_str;
use crate::app::photos::{Photos, Shown};
use crate::app::{ReadingPane, Setup};
use crate::photos::Job;
use crate::text::str_width;

/// What the photos of the reading pane are drawn from: the pictures made, and the job of
/// each photo box of the layout.
pub struct PhotoParts<'a> {
    pub photos: &'a Photos,
    pub job: &'a dyn Fn(usize) -> Option<Job>,
}

/// Draw the photos of the pane's layout in its `text` area.
pub fn render(parts: &PhotoParts, pane: &ReadingPane, setup: &Setup, text: Rect, buf: &mut Buffer) {
    let top = pane.scroll() as i64;
    let rows = i64::from(text.height);
    let photos = parts.photos;
    for (i, b) in pane.layout().photos.iter().enumerate() {
        let y = b.line as i64 - top;
        if y + i64::from(b.rows) <= 0 || y >= rows {
            continue;
        }
        let Some(job) = (parts.job)(i) else {
            continue;
        };
        let left = text.x.saturating_add(b.left);
        let width = b.width.min(text.right().saturating_sub(left));
        let area = Rect::new(left, text.y, width, text.height);
        if let Some(note) = photos.failure(&job.url) {
            let line = format!("图片无法显示 photo not shown: {note}");
            note_at(setup, area, y, b.rows, &line, buf);
            continue;
        }
        match photos.get(&job) {
            Some(Shown::Ready(r)) => {
                let x = (b.width.saturating_sub(r.cells.0) / 2) as i16;
                let dy = (b.rows.saturating_sub(r.cells.1) / 2) as i64;
                let pos = SignedPosition::from((x, (y + dy).clamp(-30_000, 30_000) as i16));
                SlicedImage::new(&r.proto, pos).render(area, buf);
            }
            Some(Shown::Failed(note)) => {
                let line = format!("图片无法显示 photo not shown: {note}");
                note_at(setup, area, y, b.rows, &line, buf);
            }
            _ if photos.has_worker() => {
                note_at(setup, area, y, b.rows, "图片载入中… photo coming…", buf);
            }
            _ => note_at(setup, area, y, b.rows, "图片 photo", buf),
        }
    }
}

/// One line centred in the box's middle row, when that row is in the pane.
fn note_at(setup: &Setup, area: Rect, y: i64, rows: u16, text: &str, buf: &mut Buffer) {
    let row = y + i64::from(rows / 2);
    if row < 0 || row >= i64::from(area.height) {
        return;
    }
    let amb = setup.settings().ambiguous_wide;
    let w = str_width(text, amb) as u16;
    let x = area.x + area.width.saturating_sub(w) / 2;
    put_str(
        buf,
        x,
        area.y + row as u16,
        area.right(),
        text,
        setup.theme().dim,
        amb,
    );
}
