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
//!
//! Then the whole process, in the same run: the 2 MB written as a page dump, and
//! `dubao show ID --width 40 --data PAGE` of its longest article (the page read and
//! split, one article set) timed against this bench binary wrapping the page's text
//! with `Paragraph` (as `examples/paragraph_wrap.rs` does: read, wrap, render, print),
//! interleaved, best of 5.

use std::hint::black_box;

use criterion::{Criterion, criterion_group};
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

/// The bench binary run as the ratatui baseline: read `file`, wrap it at `width` with
/// `Paragraph`, render into a `Buffer` and print the rows.
fn paragraph_wrap(file: &str, width: u16) {
    use std::io::Write;
    let text = std::fs::read_to_string(file).expect("the text to wrap");
    let lines: Vec<Line> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .flat_map(|b| b.split('\n'))
        .map(Line::from)
        .collect();
    let para = Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false });
    let rows = para.line_count(width).min(u16::MAX as usize) as u16;
    let mut buf = Buffer::empty(Rect::new(0, 0, width, rows));
    para.render(buf.area, &mut buf);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut row = String::new();
    for y in 0..rows {
        row.clear();
        let mut x = 0;
        while x < width {
            let sym = buf[(x, y)].symbol();
            row.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        let _ = writeln!(out, "{}", row.trim_end_matches(' '));
    }
    let _ = out.flush();
}

/// Best wall time of `runs` runs of each command, taken in turn.
fn best_of(runs: usize, cmds: &mut [std::process::Command]) -> Vec<std::time::Duration> {
    let mut best = vec![std::time::Duration::MAX; cmds.len()];
    for _ in 0..runs {
        for (cmd, best) in cmds.iter_mut().zip(&mut best) {
            let t = std::time::Instant::now();
            let status = cmd.status().expect("run the command");
            *best = (*best).min(t.elapsed());
            assert!(status.success(), "{cmd:?} failed");
        }
    }
    best
}

/// `dubao show` of the 2 MB page against ratatui's wrap, whole process.
fn whole_process() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().expect("a temp dir");
    let a = big_article();
    let mut page = format!("{}\n\n", a.title);
    for p in &a.paragraphs {
        page.push_str(&p.text);
        page.push_str("\n\n");
    }
    let page_file = dir.path().join("big-page.txt");
    std::fs::write(&page_file, &page).expect("write the page");
    let lib = dubao::import::load_paths(std::slice::from_ref(&page_file)).expect("the page loads");
    let (_, longest) = lib
        .library
        .articles()
        .max_by_key(|(_, a)| a.paragraphs.iter().map(|p| p.text.len()).sum::<usize>())
        .expect("an article");
    let quiet = |mut c: Command| {
        c.stdout(Stdio::null()).stderr(Stdio::null());
        c.env("XDG_CONFIG_HOME", dir.path())
            .env("XDG_DATA_HOME", dir.path());
        c
    };
    let mut show = Command::new(env!("CARGO_BIN_EXE_dubao"));
    show.args(["show", &longest.id.0, "--width", "40", "--data"])
        .arg(&page_file);
    let mut wrap = Command::new(std::env::current_exe().expect("this bench"));
    wrap.env("DUBAO_BENCH_WRAP", &page_file);
    let best = best_of(5, &mut [quiet(show), quiet(wrap)]);
    println!(
        "whole process, best of 5, the {:.1} MB page at width 40: dubao show {} {:.1?}, \
         ratatui Paragraph wrap of the page's text {:.1?}: {:.2}x",
        page.len() as f64 / 1e6,
        longest.id,
        best[0],
        best[1],
        best[0].as_secs_f64() / best[1].as_secs_f64()
    );
}

fn main() {
    if let Some(file) = std::env::var_os("DUBAO_BENCH_WRAP") {
        return paragraph_wrap(&file.to_string_lossy(), WIDTH);
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
    whole_process();
}
