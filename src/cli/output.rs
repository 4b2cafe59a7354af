//! What the CLI prints: plain lines for pipes, JSON on request, ANSI styles only on a tty.

use std::io::{self, Write};

use crate::bookmarks::State;
use crate::typeset::{Layout, Role};

/// SGR codes for a role when printing to a terminal.
fn sgr(role: Role) -> &'static str {
    match role {
        Role::Title => "\x1b[1m",
        Role::Kicker | Role::Subtitle => "\x1b[36m",
        Role::Column | Role::Byline | Role::Dateline | Role::Credit => "\x1b[2m",
        Role::Speaker | Role::Subhead => "\x1b[1m",
        _ => "",
    }
}

pub fn lines(out: &mut impl Write, layout: &Layout, styled: bool) -> io::Result<()> {
    let mut buf = String::new();
    for line in &layout.lines {
        buf.clear();
        for span in &line.spans {
            let code = if styled { sgr(span.role) } else { "" };
            buf.push_str(code);
            buf.push_str(&span.text);
            if !code.is_empty() {
                buf.push_str("\x1b[0m");
            }
        }
        let trimmed = buf.trim_end_matches(' ');
        out.write_all(trimmed.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The bookmarks, newest first; on a terminal, a line saying there are none (a pipe
/// gets nothing, as scripts expect).
pub fn bookmarks(out: &mut impl Write, state: &State, json: bool, tty: bool) -> io::Result<()> {
    let list = state.newest_first();
    if list.is_empty() && tty && !json {
        writeln!(
            out,
            "no bookmarks yet: add one with `dubao bookmark add ID`, or b in the reader"
        )?;
        return Ok(());
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
    } else {
        for b in list {
            writeln!(out, "{}\t{}\t{}\t{}", b.id, b.paper, b.date, b.title)?;
        }
    }
    Ok(())
}

/// A bar on stderr when it is a terminal.
pub(super) fn progress(n: usize) -> Option<indicatif::ProgressBar> {
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return None;
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_bookmarks_is_said_on_a_terminal_and_silent_in_a_pipe() {
        let mut tty = Vec::new();
        bookmarks(&mut tty, &State::default(), false, true).unwrap();
        assert!(
            String::from_utf8(tty)
                .unwrap()
                .starts_with("no bookmarks yet")
        );
        let mut pipe = Vec::new();
        bookmarks(&mut pipe, &State::default(), false, false).unwrap();
        assert!(pipe.is_empty());
    }
}
