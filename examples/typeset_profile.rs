//! Set 2 MB of the bundled page's text at width 40 many times, for `perf record`.

fn main() {
    let blocks: Vec<&str> = dubao::import::BUNDLED_PAGE
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    let mut paragraphs = Vec::new();
    let mut bytes = 0;
    while bytes < 2_000_000 {
        for b in &blocks[1..] {
            paragraphs.push(dubao::model::Paragraph::text(*b));
            bytes += b.len();
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
    let t = std::time::Instant::now();
    let mut lines = 0;
    for _ in 0..n {
        lines += dubao::typeset::layout(&a, 40, u16::MAX, &st).lines.len();
    }
    eprintln!("{lines} lines, {:?} per layout", t.elapsed() / n as u32);
}
