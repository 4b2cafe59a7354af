//! A decoded picture made ready to draw in a box of cells: scaled to the box's pixels
//! (the terminal's cell size, or 1 × 2 pixels a cell for half blocks), outlines drawn
//! in for a page scan, then encoded for the protocol the terminal speaks (kitty,
//! iTerm2, sixel) or as half blocks, sliced by rows so a box half scrolled out of the
//! pane still shows its visible rows.

use image::{DynamicImage, Rgba, RgbaImage};
use ratatui::layout::Size;
use ratatui_image::Resize;
use ratatui_image::picker::Picker;
use ratatui_image::sliced::SlicedProtocol;

use super::PhotoError;
use super::decode::fit;

/// A picture ready to draw.
pub struct Rendered {
    pub proto: SlicedProtocol,
    /// The cells it takes (within the box asked for).
    pub cells: (u16, u16),
    /// The picture's own size in pixels.
    pub pixels: (u32, u32),
}

impl std::fmt::Debug for Rendered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rendered")
            .field("cells", &self.cells)
            .field("pixels", &self.pixels)
            .finish()
    }
}

/// The outline colour of an article's area on a page scan.
const OUTLINE: Rgba<u8> = Rgba([220, 40, 40, 255]);

/// `img` fitted into `cols` × `rows` cells for `picker`, each of `outlines` (polygons
/// or rectangles in the picture's own pixels) drawn as its bounding box.
pub fn render(
    img: &DynamicImage,
    cols: u16,
    rows: u16,
    picker: &Picker,
    outlines: &[Vec<i32>],
) -> Result<Rendered, PhotoError> {
    let font = picker.font_size();
    let (fw, fh) = (u32::from(font.width.max(1)), u32::from(font.height.max(1)));
    let mut scaled = fit(img, u32::from(cols) * fw, u32::from(rows) * fh);
    if !outlines.is_empty() {
        let mut rgba = scaled.to_rgba8();
        let sx = rgba.width() as f64 / f64::from(img.width().max(1));
        let sy = rgba.height() as f64 / f64::from(img.height().max(1));
        for c in outlines {
            if let Some(r) = bounds(c) {
                let px = |v: i32, s: f64| (f64::from(v.max(0)) * s) as u32;
                outline(
                    &mut rgba,
                    px(r.0, sx),
                    px(r.1, sy),
                    px(r.2, sx),
                    px(r.3, sy),
                );
            }
        }
        scaled = DynamicImage::ImageRgba8(rgba);
    }
    let proto =
        SlicedProtocol::new_with_resize(picker, scaled, Size::new(cols, rows), Resize::Fit(None))
            .map_err(|e| PhotoError::Render(super::one_line(&e)))?;
    let s = proto.size();
    Ok(Rendered {
        proto,
        cells: (s.width.min(cols), s.height.min(rows)),
        pixels: (img.width(), img.height()),
    })
}

/// The bounding box `(x1, y1, x2, y2)` of an `<area>`'s coords (rectangle or polygon).
pub fn bounds(coords: &[i32]) -> Option<(i32, i32, i32, i32)> {
    if coords.len() < 4 {
        return None;
    }
    let xs = coords.iter().step_by(2);
    let ys = coords.iter().skip(1).step_by(2);
    let (x1, x2) = (*xs.clone().min()?, *xs.max()?);
    let (y1, y2) = (*ys.clone().min()?, *ys.max()?);
    (x2 > x1 && y2 > y1).then_some((x1, y1, x2, y2))
}

/// A rectangle's edges two pixels wide, clipped to the picture.
fn outline(img: &mut RgbaImage, x1: u32, y1: u32, x2: u32, y2: u32) {
    let (w, h) = img.dimensions();
    if w == 0 || h == 0 {
        return;
    }
    let (x2, y2) = (x2.min(w - 1), y2.min(h - 1));
    for x in x1.min(x2)..=x2 {
        for y in [y1, y1 + 1, y2.saturating_sub(1), y2] {
            if y < h {
                img.put_pixel(x, y, OUTLINE);
            }
        }
    }
    for y in y1.min(y2)..=y2 {
        for x in [x1, x1 + 1, x2.saturating_sub(1), x2] {
            if x < w {
                img.put_pixel(x, y, OUTLINE);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_bounds_from_rectangles_and_polygons() {
        assert_eq!(bounds(&[10, 20, 30, 40]), Some((10, 20, 30, 40)));
        assert_eq!(bounds(&[5, 5, 50, 5, 50, 60, 5, 60]), Some((5, 5, 50, 60)));
        assert_eq!(bounds(&[1, 2, 3]), None);
        assert_eq!(bounds(&[3, 3, 3, 9]), None);
    }

    #[test]
    fn fits_the_box_in_half_blocks_with_the_aspect_kept() {
        let img = DynamicImage::ImageRgb8(image::RgbImage::new(300, 100));
        let r = render(&img, 40, 20, &Picker::halfblocks(), &[vec![0, 0, 150, 50]]).unwrap();
        // 10 × 20 pixel cells: 300 × 100 fits 40 cells by 400 pixels, so 40 × 27 px... in
        // cells: 30 wide (300 px at 10 a cell) and 5 rows (100 px at 20).
        assert_eq!(r.cells, (30, 5));
        assert_eq!(r.pixels, (300, 100));
    }
}
