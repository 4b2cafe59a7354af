//! Set 2 MB of the bundled page's text at width 40 many times, for `perf record`, and
//! time it against ratatui's `Paragraph` wrap rendered into a `Buffer`, interleaved, the
//! best of N runs of each (robust on a busy machine): `typeset_profile [N]`.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

fn main() {
    let blocks: Vec<&str> = dubao::import::BUNDLED_PAGE
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    let mut paragraphs = Vec::new();
    let mut bytes = 0;
    'fill: loop {
        for b in &blocks[1..] {
            paragraphs.push(dubao::model::Paragraph::text(*b));
            bytes += b.len();
            if bytes >= 2_000_000 {
                break 'fill;
            }
        }
    }
    let a = dubao::model::Article {
        title: blocks[0].to_string(),
        paragraphs,
        ..Default::default()
    };
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let st = dubao::typeset::Settings::default();
    let mut lines = vec![Line::from(a.title.as_str())];
    for p in &a.paragraphs {
        lines.extend(p.text.split('\n').map(Line::from));
    }
    let para = Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false });
    let rows = para.line_count(40).min(u16::MAX as usize) as u16;
    let mut buf = Buffer::empty(Rect::new(0, 0, 40, rows));
    let area = buf.area;
    let (mut ours, mut theirs) = (Duration::MAX, Duration::MAX);
    let mut count = 0;
    for _ in 0..n {
        let t = Instant::now();
        count = dubao::typeset::layout(&a, 40, u16::MAX, &st).lines.len();
        ours = ours.min(t.elapsed());
        let t = Instant::now();
        para.clone().render(area, &mut buf);
        theirs = theirs.min(t.elapsed());
    }
    eprintln!(
        "{count} lines; best of {n}: dubao layout {ours:.1?}, ratatui Paragraph render \
         {theirs:.1?} ({:.2}x)",
        theirs.as_secs_f64() / ours.as_secs_f64()
    );
}
