//! `dubao library check` (exit status 1 when the library is not whole) and `dubao
//! library rebuild` (a new index from the stored pages, an older format migrated the
//! same way, every id kept; the old index moved aside, never deleted).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::library::repair;

#[derive(Debug, Clone, Copy, clap::Subcommand)]
pub enum LibraryAction {
    /// Whether the library is whole: format, index, every stored page, the page
    /// archive (exit status 1 when it is not).
    Check,
    /// Make a new index from the stored pages (and migrate an older format), keeping
    /// every id; the old index is moved aside, not deleted.
    Rebuild,
}

/// Runs `library check` or `library rebuild` on the library folder.
pub fn run(action: LibraryAction, out: &mut impl Write) -> Result<ExitCode> {
    let dir = super::library::library_dir()?;
    match action {
        LibraryAction::Check => check(&dir, out),
        LibraryAction::Rebuild => rebuild(&dir, out),
    }
}

fn check(dir: &std::path::Path, out: &mut impl Write) -> Result<ExitCode> {
    if !dir.exists() {
        writeln!(
            out,
            "library: {} (none yet: nothing imported)",
            dir.display()
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let h = repair::check(dir);
    writeln!(
        out,
        "library: {}\t{} pages stored\t{} pages indexed",
        dir.display(),
        h.archived,
        h.indexed
    )?;
    if h.problems.is_empty() {
        writeln!(out, "whole")?;
        return Ok(ExitCode::SUCCESS);
    }
    for p in &h.problems {
        writeln!(out, "problem: {p}")?;
    }
    out.flush()?;
    eprintln!(
        "dubao: the library is not whole ({} problems): `dubao library rebuild` repairs it",
        h.problems.len()
    );
    Ok(ExitCode::FAILURE)
}

fn rebuild(dir: &std::path::Path, out: &mut impl Write) -> Result<ExitCode> {
    let tty = std::io::stderr().is_terminal();
    let mut last = 0;
    let r = repair::rebuild(dir, &mut |done, total| {
        if tty {
            eprint!("\rrebuilding the index: {done} of {total} pages");
        } else if done == 0 || done > last {
            eprintln!("dubao: rebuilding the index: {done} of {total} pages");
        }
        last = done;
    })?;
    if tty {
        eprintln!();
    }
    for w in &r.warnings {
        eprintln!("dubao: could not read {w}");
    }
    if r.pages == 0 && !r.warnings.is_empty() {
        anyhow::bail!("nothing rebuilt: no stored page could be read");
    }
    write!(
        out,
        "rebuilt the index: {} issues, {} pages ({} found only in the old index, now stored)",
        r.issues, r.pages, r.salvaged
    )?;
    match &r.old_index {
        Some(old) => writeln!(
            out,
            "; the old index is in {} (remove it when you no longer need it)",
            old.display()
        )?,
        None => writeln!(out)?,
    }
    Ok(ExitCode::SUCCESS)
}
