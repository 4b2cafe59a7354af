//! Decoding a picture with the `image` crate (JPEG, PNG, GIF, WebP only) under limits on
//! its dimensions and on the memory the decoder may take, so a hostile file cannot
//! exhaust memory; then scaling it to fit a box of pixels, its aspect kept.

use std::io::Cursor;

use image::{DynamicImage, ImageError, ImageFormat, ImageReader};

use super::PhotoError;

/// What a picture may be before it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_width: u32,
    pub max_height: u32,
    /// Bytes the decoder may allocate.
    pub max_alloc: u64,
    /// The widest a side may be to the other side (a 1 × 100000 strip is no photo).
    pub max_ratio: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_width: 12_000,
            max_height: 12_000,
            max_alloc: 256 * 1024 * 1024,
            max_ratio: 20,
        }
    }
}

/// Whether `bytes` open like a web page rather than a picture.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(256)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<")
        && [
            &b"<!doctype"[..],
            b"<html",
            b"<head",
            b"<body",
            b"<?xml",
            b"<!--",
        ]
        .iter()
        .any(|t| head.windows(t.len()).any(|w| w == *t))
}

/// Whether a JPEG holds its end-of-image marker near its end (some carry a few bytes
/// of padding after it; inside the data a 0xFF byte is always followed by 0x00).
fn jpeg_ends(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(4096)..];
    tail.windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Decode `bytes` within `limits`.
pub fn decode(bytes: &[u8], limits: &Limits) -> Result<DynamicImage, PhotoError> {
    if looks_like_html(bytes) {
        return Err(PhotoError::NotImage("a web page".into()));
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PhotoError::NotImage(e.to_string()))?;
    match reader.format() {
        // The decoder fills a JPEG cut short with grey: its end-of-image marker tells.
        Some(ImageFormat::Jpeg) if !jpeg_ends(bytes) => {
            return Err(PhotoError::Damaged("cut short: no end of image".into()));
        }
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::Gif | ImageFormat::WebP) => {}
        Some(f) => {
            return Err(PhotoError::NotImage(format!(
                "{f:?}, not a format papers use"
            )));
        }
        None => return Err(PhotoError::NotImage("unknown format".into())),
    }
    let mut l = image::Limits::default();
    l.max_image_width = Some(limits.max_width);
    l.max_image_height = Some(limits.max_height);
    l.max_alloc = Some(limits.max_alloc);
    reader.limits(l);
    let img = reader.decode().map_err(|e| match e {
        ImageError::Limits(_) => PhotoError::TooLarge("too many pixels".into()),
        other => PhotoError::Damaged(super::one_line(&other)),
    })?;
    let (w, h) = (img.width().max(1), img.height().max(1));
    if w / h > limits.max_ratio || h / w > limits.max_ratio {
        return Err(PhotoError::TooLarge(format!(
            "{w} × {h} pixels, no photo's shape"
        )));
    }
    Ok(img)
}

/// The size `w` × `h` takes scaled to fit `box_w` × `box_h`, its aspect kept, never
/// larger than it is, never below one pixel.
pub fn fit_size(w: u32, h: u32, box_w: u32, box_h: u32) -> (u32, u32) {
    let (w, h) = (w.max(1) as u64, h.max(1) as u64);
    let (bw, bh) = (box_w.max(1) as u64, box_h.max(1) as u64);
    if w <= bw && h <= bh {
        return (w as u32, h as u32);
    }
    // The smaller of the two scales, in integers.
    if w * bh >= h * bw {
        (bw as u32, ((h * bw) / w).max(1) as u32)
    } else {
        (((w * bh) / h).max(1) as u32, bh as u32)
    }
}

/// `img` scaled down to fit `box_w` × `box_h` pixels, its aspect kept.
pub fn fit(img: &DynamicImage, box_w: u32, box_h: u32) -> DynamicImage {
    let (w, h) = fit_size(img.width(), img.height(), box_w, box_h);
    if (w, h) == (img.width(), img.height()) {
        return img.clone();
    }
    img.thumbnail_exact(w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(w, h, image::Rgb([200, 10, 10]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn decodes_within_limits_and_refuses_the_rest() {
        let l = Limits::default();
        assert_eq!(decode(&png(30, 20), &l).unwrap().width(), 30);
        let strip = decode(&png(1, 100_000), &l).unwrap_err();
        assert!(matches!(strip, PhotoError::TooLarge(_)), "{strip}");
        let html = b"\n<!DOCTYPE html><html><body>404 Not Found</body></html>";
        assert!(matches!(decode(html, &l), Err(PhotoError::NotImage(_))));
        let cut = &png(64, 64)[..60];
        assert!(matches!(decode(cut, &l), Err(PhotoError::Damaged(_))));
        let mut jpeg = Cursor::new(Vec::new());
        image::RgbImage::new(300, 200)
            .write_to(&mut jpeg, ImageFormat::Jpeg)
            .unwrap();
        let jpeg = jpeg.into_inner();
        assert!(decode(&jpeg, &l).is_ok());
        let half = decode(&jpeg[..jpeg.len() / 2], &l);
        assert!(matches!(half, Err(PhotoError::Damaged(_))));
        let tiny = Limits {
            max_alloc: 1000,
            ..l
        };
        assert!(decode(&png(300, 300), &tiny).is_err());
    }

    #[test]
    fn fitting_keeps_the_aspect() {
        assert_eq!(fit_size(2000, 3000, 400, 300), (200, 300));
        assert_eq!(fit_size(3000, 2000, 300, 400), (300, 200));
        assert_eq!(fit_size(10, 10, 400, 300), (10, 10));
        assert_eq!(fit_size(1, 5000, 10, 10), (1, 10));
        assert_eq!(fit_size(0, 0, 0, 0), (1, 1));
    }
}
