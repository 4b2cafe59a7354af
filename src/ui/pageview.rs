//! The page as printed, full screen: the scan with every article's area outlined in it,
//! the selected area framed in cells on top, and a last line naming the page, the
//! selected article and the keys. Before the scan arrives a line says it is coming.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_image::sliced::{SignedPosition, SlicedImage};

use super::{fill, put_str};
use crate::app::App;
use crate::app::photos::Shown;
use crate::model::Page;
use crate::photos::render::{Rendered, bounds};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some(v), Some(job)) = (app.page_view(), app.page_view_job()) else {
        return;
    };
    let amb = app.setup().settings().ambiguous_wide;
    fill(buf, area, ratatui::style::Style::default());
    let Some(page) = app
        .shown()
        .issue()
        .issues
        .get(v.issue())
        .and_then(|i| i.pages.get(v.page()))
    else {
        return;
    };
    let pic = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    let note = match (app.photos().failure(&job.url), app.photos().get(&job)) {
        (Some(e), _) => Some(format!("版面图无法显示 the page scan cannot be shown: {e}")),
        (None, Some(Shown::Ready(r))) => {
            let x0 = pic.width.saturating_sub(r.cells.0) / 2;
            let y0 = pic.height.saturating_sub(r.cells.1) / 2;
            let pos = SignedPosition::from((x0 as i16, y0 as i16));
            SlicedImage::new(&r.proto, pos).render(pic, buf);
            let scan = page.scan.as_ref();
            if let Some(c) = scan.and_then(|s| s.areas.get(v.selected())) {
                frame(
                    app,
                    r,
                    Rect::new(pic.x + x0, pic.y + y0, r.cells.0, r.cells.1),
                    &c.coords,
                    buf,
                );
            }
            None
        }
        _ => Some("版面图载入中… the page scan is coming…".to_string()),
    };
    if let Some(n) = note {
        put_str(
            buf,
            pic.x,
            pic.y + pic.height / 2,
            pic.right(),
            &n,
            app.setup().theme().dim,
            amb,
        );
    }
    bottom_line(app, page, v.selected(), area, buf);
}

/// The last line: the page, the selected article and the keys.
fn bottom_line(app: &App, page: &Page, selected: usize, area: Rect, buf: &mut Buffer) {
    let (amb, style) = (
        app.setup().settings().ambiguous_wide,
        app.setup().theme().status,
    );
    let areas = page.scan.as_ref().map_or(0, |s| s.areas.len());
    let title = page
        .scan
        .as_ref()
        .and_then(|s| s.areas.get(selected))
        .and_then(|a| page.articles.get(a.article))
        .map_or("", |a| a.title.as_str());
    let n = &page.number;
    let line = if areas == 0 {
        format!(" 第{n}版 page {n} · no article areas · Esc 返回 back")
    } else {
        let at = selected + 1;
        format!(" 第{n}版 · {at}/{areas} {title} · ↑↓ 选择 move · Enter 打开 open · Esc 返回 back")
    };
    let y = area.bottom().saturating_sub(1);
    fill(buf, Rect::new(area.x, y, area.width, 1), style);
    put_str(buf, area.x, y, area.right(), &line, style, amb);
}

/// The selected area's frame in cells over the picture drawn in `cells`.
fn frame(app: &App, r: &Rendered, cells: Rect, coords: &[i32], buf: &mut Buffer) {
    let Some((x1, y1, x2, y2)) = bounds(coords) else {
        return;
    };
    let (pw, ph) = (i64::from(r.pixels.0.max(1)), i64::from(r.pixels.1.max(1)));
    let cx = |x: i32| {
        cells.x
            + (i64::from(x.max(0)) * i64::from(cells.width) / pw)
                .min(i64::from(cells.width.saturating_sub(1))) as u16
    };
    let cy = |y: i32| {
        cells.y
            + (i64::from(y.max(0)) * i64::from(cells.height) / ph)
                .min(i64::from(cells.height.saturating_sub(1))) as u16
    };
    let (l, t, rr, b) = (cx(x1), cy(y1), cx(x2), cy(y2));
    let st = app.setup().theme().hit_current;
    let mut put = |x: u16, y: u16, s: &str| {
        if let Some(c) = buf.cell_mut((x, y)) {
            c.set_symbol(s).set_style(st);
        }
    };
    for x in l..=rr {
        put(x, t, "━");
        put(x, b, "━");
    }
    for y in t..=b {
        put(l, y, "┃");
        put(rr, y, "┃");
    }
    put(l, t, "┏");
    put(rr, t, "┓");
    put(l, b, "┗");
    put(rr, b, "┛");
}
