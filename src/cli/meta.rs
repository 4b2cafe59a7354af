//! Commands about dubao itself: `config --path|--default`, `completions SHELL`, `man`.
//! They never read the config, so a broken one can still be found and replaced.

use std::io::Write;

use anyhow::{Context, Result};
use clap::CommandFactory;

use super::Cli;

/// `dubao config`: the path (`--path`), the default text (`--default`), or with neither
/// the path and whether the file there is good.
pub fn config(out: &mut impl Write, path: bool, default: bool) -> Result<()> {
    if default {
        out.write_all(crate::config::default_text().as_bytes())?;
        return Ok(());
    }
    let at = crate::config::path().context("no home folder: cannot tell where the config is")?;
    if path {
        writeln!(out, "{}", at.display())?;
        return Ok(());
    }
    if !at.exists() {
        writeln!(
            out,
            "{} (not there: the defaults apply; `dubao config --default > {}` writes one)",
            at.display(),
            at.display()
        )?;
        return Ok(());
    }
    let loaded = crate::config::load(&at)?;
    // A data path that is not there passes the parse but fails at start: say so now.
    let missing: Vec<_> = (loaded.config.library.data.iter())
        .filter(|p| !p.exists())
        .collect();
    if missing.is_empty() {
        writeln!(out, "{} (good)", at.display())?;
    } else {
        writeln!(out, "{} (read, with warnings)", at.display())?;
        for p in missing {
            writeln!(out, "warning: [library] data: {}: not there", p.display())?;
        }
    }
    Ok(())
}

/// `dubao completions SHELL`: the shell's completion script, from the clap command.
/// Made in memory first: `clap_complete` panics when its writer fails (`| head`),
/// while a failed write here is an error `main` knows (a closed pipe is not one).
pub fn completions(out: &mut impl Write, shell: clap_complete::Shell) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dubao", &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// `dubao man`: the manual page in roff.
pub fn man(out: &mut impl Write) -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    out.write_all(&page)?;
    Ok(())
}
