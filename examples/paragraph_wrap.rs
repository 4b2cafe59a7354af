//! The baseline for `dubao show`: wrap a text file with ratatui's `Paragraph`
//! (`Wrap { trim: false }`) at a width, render it into a `Buffer` tall enough to hold it,
//! and print the rows — what a reader built on `Paragraph` does to show a page.
//!
//! `cargo run --release --example paragraph_wrap -- big.txt 40 [--estimate] > /dev/null`
//!
//! By default the buffer's height comes from `Paragraph::line_count` (a first wrap);
//! with `--estimate` it is a generous guess from the text's width instead (one wrap
//! only, blank rows at the end not printed).

use std::io::Write;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: paragraph_wrap FILE [WIDTH]");
    let width: u16 = args.next().and_then(|w| w.parse().ok()).unwrap_or(40);
    let estimate = args.next().is_some_and(|a| a == "--estimate");
    let text = std::fs::read_to_string(path)?;
    let lines: Vec<Line> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .flat_map(|b| b.split('\n'))
        .map(Line::from)
        .collect();
    let para = Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false });
    let rows = if estimate {
        let cells: usize = text
            .lines()
            .map(|l| unicode_width::UnicodeWidthStr::width(l) + 2)
            .sum();
        (cells * 3 / 2 / width as usize + 16).min(u16::MAX as usize) as u16
    } else {
        para.line_count(width).min(u16::MAX as usize) as u16
    };
    let mut buf = Buffer::empty(Rect::new(0, 0, width, rows));
    para.render(buf.area, &mut buf);
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let mut row = String::new();
    let last = (0..rows)
        .rev()
        .find(|&y| (0..width).any(|x| buf[(x, y)].symbol() != " "))
        .map_or(0, |y| y + 1);
    for y in 0..last {
        row.clear();
        let mut x = 0;
        while x < width {
            let sym = buf[(x, y)].symbol();
            row.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        out.write_all(row.trim_end_matches(' ').as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
