//! The typesetting audit: set every article of the corpus (built from
//! `../shared/corpus/pages/*.truth.json`, or the `pages` folder given) and of the bundled
//! page at every width from 10 to 200, and print what a reader would see as faults:
//! line-breaking faults, lines wider than the pane, body lines with a run of two or more
//! inserted blank cells, gaps inserted between two Han characters, inner paragraph lines
//! ending two or more cells short of the text block's edge, hung marks; in headlines,
//! dashes left alone or at a line's end and breaks inside a word or name of the
//! segmenter.
//!
//! `cargo run --release --example typeset_audit [-- DIR] [--from 10] [--to 200]
//! [--wide-ambiguous] [--measure CELLS] [--notes] [--squeeze | --no-squeeze] [--ragged N]
//! [--dump FILE]`: `--squeeze` sets up to three marks a line half-width, `--no-squeeze` none
//! (the default: one `。` or `、`);
//! `--notes` prints every headline note (each once), `--ragged N` the first N ragged lines
//! with the line after, `--dump FILE` writes every layout's lines (to diff two builds).

#[path = "../tests/fixtures/typeset/corpus.rs"]
mod corpus;

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use dubao::model::Article;
use dubao::typeset::{Settings, Squeeze, audit::Report, audit::audit, layout};

/// Totals over many layouts.
#[derive(Default)]
struct Sum {
    layouts: usize,
    lines: usize,
    faults: usize,
    breaks: usize,
    wide: usize,
    rep: Report,
}

impl Sum {
    fn add(&mut self, r: Report, lines: usize, examples: &mut Vec<String>) {
        self.layouts += 1;
        self.lines += lines;
        for f in &r.faults {
            self.faults += 1;
            if f.starts_with("break") {
                self.breaks += 1;
            }
            if f.contains("cells wide in") {
                self.wide += 1;
            }
            if examples.len() < 8 {
                examples.push(f.clone());
            }
        }
        for n in &r.notes {
            if examples.len() < 16 && !examples.contains(n) {
                examples.push(n.clone());
            }
        }
        self.rep.add_counts(&r);
    }

    fn print(&self, name: &str) {
        let pct = |a: usize, b: usize| a as f64 * 100.0 / b.max(1) as f64;
        let r = &self.rep;
        println!("{name}: {} layouts, {} lines", self.layouts, self.lines);
        println!(
            "  faults {} (line-breaking {}, wider than the pane {})",
            self.faults, self.breaks, self.wide
        );
        println!(
            "  body lines {}: any inserted gap {} ({:.3}%), a run of 2+ inserted {} ({:.3}%)",
            r.body_lines,
            r.gap_lines,
            pct(r.gap_lines, r.body_lines),
            r.wide_gaps,
            pct(r.wide_gaps, r.body_lines)
        );
        println!(
            "  body lines with a gap beside a mark (not at a script change): {} ({:.3}%)",
            r.mark_gaps,
            pct(r.mark_gaps, r.body_lines)
        );
        println!(
            "  lines with a gap between two Han characters: {}",
            r.han_gaps
        );
        println!(
            "  forced breaks inside a run wider than the text block (not faults): {}",
            r.forced
        );
        println!(
            "  inner paragraph lines {}: 2+ cells short of the edge {} ({:.3}%)",
            r.turnovers,
            r.ragged,
            pct(r.ragged, r.turnovers)
        );
        println!(
            "  inner paragraph lines 1 cell short: {} ({:.3}%)",
            r.one_short,
            pct(r.one_short, r.turnovers)
        );
        println!(
            "  lines with a hung mark: {} ({:.3}% of body lines)",
            r.hung,
            pct(r.hung, r.body_lines)
        );
        println!(
            "  lines with a mark set half-width: {} ({:.3}% of body lines)",
            r.squeezed,
            pct(r.squeezed, r.body_lines)
        );
        println!(
            "  headline breaks {}: inside a word or name {}; orphan dashes {}",
            r.headline_breaks, r.word_breaks, r.orphan_dashes
        );
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut dir, mut from, mut to) = (None, 10u16, 200u16);
    let mut st = Settings::default();
    let (mut all_notes, mut show_ragged) = (false, 0usize);
    let mut dump: Option<std::io::BufWriter<std::fs::File>> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--notes" => all_notes = true,
            "--squeeze" => st.squeeze_punct = Squeeze::All,
            "--no-squeeze" => st.squeeze_punct = Squeeze::Off,
            "--ragged" => show_ragged = args.next().and_then(|v| v.parse().ok()).unwrap_or(20),
            "--from" => from = args.next().and_then(|v| v.parse().ok()).unwrap_or(from),
            "--dump" => {
                let path = args.next().unwrap_or_else(|| "layouts.txt".into());
                let f = std::fs::File::create(&path).expect("the dump file");
                dump = Some(std::io::BufWriter::new(f));
            }
            "--to" => to = args.next().and_then(|v| v.parse().ok()).unwrap_or(to),
            "--wide-ambiguous" => st.ambiguous_wide = true,
            "--measure" => st.measure = args.next().and_then(|v| v.parse().ok()).unwrap_or(80),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.or_else(|| corpus::shared_dir().map(|d| d.join("corpus/pages")));
    let corpus_articles = dir.as_deref().map(corpus::articles).unwrap_or_default();
    if corpus_articles.is_empty() {
        eprintln!("no corpus found (give the pages folder): auditing the bundled page only");
    }
    let lib = dubao::import::load_bundled();
    let bundled: Vec<Article> = lib.articles().map(|(_, a)| a.clone()).collect();
    let t = Instant::now();
    let mut examples = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut ragged: Vec<String> = Vec::new();
    for (name, set) in [("corpus", &corpus_articles), ("bundled page", &bundled)] {
        let mut sum = Sum::default();
        for a in set.iter() {
            for w in from..=to {
                let l = layout(a, w, u16::MAX, &st);
                let r = audit(a, &l, &st);
                if let Some(d) = dump.as_mut() {
                    writeln!(d, "== {} at {w}", a.id).expect("dump");
                    for line in &l.lines {
                        writeln!(d, "{}", line.plain()).expect("dump");
                    }
                }
                if all_notes {
                    notes.extend(r.notes.iter().map(|n| format!("{} at {w}: {n}", a.id)));
                }
                for &li in r
                    .ragged_at
                    .iter()
                    .take(show_ragged.saturating_sub(ragged.len()))
                {
                    let next = l.lines.get(li + 1).map(|x| x.plain()).unwrap_or_default();
                    ragged.push(format!("{w:3} |{}|\n    |{next}|", l.lines[li].plain()));
                }
                sum.add(r, l.lines.len(), &mut examples);
            }
        }
        println!("{} articles at widths {from}..={to}", set.len());
        sum.print(name);
    }
    for e in &examples {
        println!("  e.g. {e}");
    }
    for n in &notes {
        println!("  note: {n}");
    }
    for r in &ragged {
        println!("  ragged: {r}");
    }
    eprintln!("audit took {:.1?}", t.elapsed());
}
