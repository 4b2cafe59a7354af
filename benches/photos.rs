//! Decode and scale of a 2000 × 3000 JPEG news photo, as the photo worker does it off
//! the UI thread: decode under the limits, fit to an 80-cell × 16-row box (10 × 20 pixel
//! cells), and the half-block encoding on top. Target: decode + scale ≤ 50 ms.
//! Prints its own numbers (median of 15 runs), then criterion's.

use std::hint::black_box;
use std::io::Cursor;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use dubao::photos::{Limits, decode, render};
use image::{ImageFormat, Rgb, RgbImage};
use ratatui_image::picker::Picker;

fn photo() -> Vec<u8> {
    // A photo-like picture: smooth gradients with some texture, so the JPEG is realistic.
    let img = RgbImage::from_fn(2000, 3000, |x, y| {
        let n = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 32;
        Rgb([
            ((x / 8) % 256) as u8,
            ((y / 12) % 256) as u8,
            (((x + y) / 20 + n) % 256) as u8,
        ])
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Jpeg).expect("encode");
    out.into_inner()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn bench(c: &mut Criterion) {
    let jpeg = photo();
    let limits = Limits::default();
    let picker = Picker::halfblocks();
    let (mut dec, mut both, mut all) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..15 {
        let t = Instant::now();
        let img = decode::decode(&jpeg, &limits).expect("decodes");
        dec.push(t.elapsed());
        let fitted = decode::fit(&img, 800, 320);
        both.push(t.elapsed());
        black_box(fitted);
        render::render(&img, 80, 16, &picker, &[]).expect("renders");
        all.push(t.elapsed());
    }
    println!(
        "photo 2000x3000 JPEG ({} KB): decode {:.1} ms, decode+scale {:.1} ms (target <= 50 ms), decode+scale+half blocks {:.1} ms",
        jpeg.len() / 1024,
        median(dec).as_secs_f64() * 1e3,
        median(both).as_secs_f64() * 1e3,
        median(all).as_secs_f64() * 1e3,
    );
    let mut g = c.benchmark_group("photos");
    g.sample_size(10);
    g.bench_function("decode+scale 2000x3000 jpeg", |b| {
        b.iter(|| {
            let img = decode::decode(black_box(&jpeg), &limits).expect("decodes");
            decode::fit(&img, 800, 320)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
