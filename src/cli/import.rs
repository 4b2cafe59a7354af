//! `dubao import PATH...`: files into the library on disk through
//! [`crate::library::ingest`], with a progress bar on a terminal and a one-line summary;
//! each file that cannot be read is a line on stderr, and the rest go on.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};

use crate::library::disk::DiskShelf;
use crate::library::ingest::{ImportReport, Progress, import_files};

/// The import's progress as a bar on stderr (when it is a terminal), warnings above it.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&mut self, total: u64) {
        if !std::io::stderr().is_terminal() {
            return;
        }
        self.0 = ProgressBar::new(total);
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {msg}",
        ) {
            self.0.set_style(style.progress_chars("=> "));
        }
    }
    fn advance(&mut self, bytes: u64) {
        self.0.inc(bytes);
    }
    fn warn(&mut self, line: String) {
        self.0.suspend(|| eprintln!("dubao: {line}"));
    }
    fn committing(&mut self) {
        self.0.set_message("committing");
    }
    fn finish(&mut self) {
        self.0.finish_and_clear();
    }
}

/// `dubao import PATH...`: the summary on stdout, warnings on stderr.
pub fn run(paths: &[PathBuf]) -> Result<ImportReport> {
    let dir = super::library::library_dir()?;
    let shelf = DiskShelf::open(&dir)?;
    let report = import_files(&shelf, paths, &mut Bar(ProgressBar::hidden()))?;
    if report.read == 0 {
        anyhow::bail!("{}", nothing_imported(&report));
    }
    println!("imported {report}");
    Ok(report)
}

/// Why an import that read no file did nothing, in one line.
fn nothing_imported(report: &ImportReport) -> String {
    match report.skipped {
        0 => "nothing imported: no page dumps, exports or feeds found there".to_string(),
        n => format!("nothing imported: {n} skipped and none read (see above)"),
    }
}
