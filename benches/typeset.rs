//! Setting 2 MB of Chinese text at width 40: dubao's typesetter against ratatui's
//! `Paragraph` wrap (`Wrap { trim: false }`), in the same run.
//!
//! - `dubao/layout`: `typeset::layout` of a one-article page (headline + paragraphs).
//! - `dubao/layout (drop untimed)`: the same, freeing the layout outside the timing.
//! - `dubao/layout+render`: the same, then every line drawn into a `Buffer` as the
//!   reading pane would (spans → `ratatui::text::Line` → `Buffer::set_line`).
//! - `ratatui/paragraph_render`: `Paragraph::wrap` rendered into a `Buffer` tall enough
//!   to hold every wrapped line (allocated once, outside the timing).
//! - `ratatui/line_count`: `Paragraph::line_count(40)`, ratatui's wrapper alone.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dubao::model::{Article, ArticleId, Paragraph as Para};
use dubao::typeset::{Settings, layout};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

const WIDTH: u16 = 40;

/// About 2 MB of the bundled page's paragraphs, repeated.
fn big_article() -> Article {
    let blocks: Vec<&str> = dubao::import::BUNDLED_PAGE
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    let mut paragraphs = Vec::new();
    let mut bytes = 0;
    'fill: loop {
        for b in &blocks[1..] {
            paragraphs.push(Para::text(*b));
            bytes += b.len();
            if bytes >= 2_000_000 {
                break 'fill;
            }
        }
    }
    Article {
        id: ArticleId("big/1".into()),
        title: blocks[0].to_string(),
        paragraphs,
        ..Default::default()
    }
}

fn paragraph_text(a: &Article) -> Text<'_> {
    let mut lines = vec![Line::from(a.title.as_str())];
    for p in &a.paragraphs {
        lines.extend(p.text.split('\n').map(Line::from));
    }
    Text::from(lines)
}

fn bench(c: &mut Criterion) {
    let a = big_article();
    let st = Settings::default();
    let para = Paragraph::new(paragraph_text(&a)).wrap(Wrap { trim: false });
    let rows = para.line_count(WIDTH);
    let set = layout(&a, WIDTH, u16::MAX, &st);
    eprintln!(
        "text: {} bytes, {} chars; dubao {} lines, ratatui {} lines",
        a.paragraphs.iter().map(|p| p.text.len()).sum::<usize>(),
        a.paragraphs
            .iter()
            .map(|p| p.text.chars().count())
            .sum::<usize>(),
        set.lines.len(),
        rows
    );
    assert!(rows <= u16::MAX as usize && set.lines.len() <= u16::MAX as usize);
    let mut g = c.benchmark_group("set 2 MB at width 40");
    g.sample_size(10);
    g.bench_function("dubao/layout", |b| {
        b.iter(|| black_box(layout(black_box(&a), WIDTH, u16::MAX, &st)))
    });
    g.bench_function("dubao/layout (drop untimed)", |b| {
        b.iter_with_large_drop(|| layout(black_box(&a), WIDTH, u16::MAX, &st))
    });
    let mut dbuf = Buffer::empty(Rect::new(0, 0, WIDTH, set.lines.len() as u16));
    g.bench_function("dubao/layout+render", |b| {
        b.iter(|| {
            let l = layout(black_box(&a), WIDTH, u16::MAX, &st);
            for (y, line) in l.lines.iter().enumerate() {
                let spans: Vec<ratatui::text::Span> = line
                    .spans
                    .iter()
                    .map(|s| ratatui::text::Span::raw(s.text.as_str()))
                    .collect();
                dbuf.set_line(0, y as u16, &Line::from(spans), WIDTH);
            }
            black_box(&dbuf);
        })
    });
    let mut rbuf = Buffer::empty(Rect::new(0, 0, WIDTH, rows as u16));
    let area = rbuf.area;
    g.bench_function("ratatui/paragraph_render", |b| {
        b.iter(|| {
            black_box(&para).clone().render(area, &mut rbuf);
            black_box(&rbuf);
        })
    });
    g.bench_function("ratatui/line_count", |b| {
        b.iter(|| black_box(black_box(&para).line_count(WIDTH)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
