//! What the CLI prints: plain lines for pipes, JSON on request, ANSI styles only on a tty.

use std::io::{self, Write};

use serde::Serialize;

use crate::bookmarks::State;
use crate::model::Library;
use crate::typeset::{Layout, Role};

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    paper: &'a str,
    date: &'a str,
    page: &'a str,
    kind: crate::model::ArticleKind,
    title: &'a str,
}

pub fn list(out: &mut impl Write, lib: &Library, json: bool) -> io::Result<()> {
    let rows: Vec<ListRow> = lib
        .articles()
        .map(|(r, a)| {
            let issue = &lib.issues[r.issue];
            ListRow {
                id: &a.id.0,
                paper: &issue.paper,
                date: &issue.date,
                page: &issue.pages[r.page].number,
                kind: a.kind,
                title: &a.title,
            }
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        for r in rows {
            writeln!(out, "{}\t{}\t{}", r.id, r.page, r.title)?;
        }
    }
    Ok(())
}

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

#[derive(Serialize)]
struct SearchRow<'a> {
    id: &'a str,
    field: String,
    start: usize,
    end: usize,
    snippet: String,
}

/// A snippet of `text` around chars `start..end`, the match in 【】 brackets.
#[cfg(test)]
fn snippet(text: &str, start: usize, end: usize, mark: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    snippet_of(&chars, start, end, mark)
}

/// `snippet` over a field already split into chars (a field may hold thousands of hits).
fn snippet_of(chars: &[char], start: usize, end: usize, mark: bool) -> String {
    let from = start.saturating_sub(12);
    let to = (end + 12).min(chars.len());
    let mut s = String::new();
    if from > 0 {
        s.push('…');
    }
    s.extend(&chars[from..start]);
    if mark {
        s.push('【');
    }
    s.extend(&chars[start..end.min(chars.len())]);
    if mark {
        s.push('】');
    }
    s.extend(&chars[end.min(chars.len())..to]);
    if to < chars.len() {
        s.push('…');
    }
    s
}

/// Print the hits of `query`; returns how many there were.
pub fn search(out: &mut impl Write, lib: &Library, query: &str, json: bool) -> io::Result<usize> {
    let mut rows = Vec::new();
    for (_, a) in lib.articles() {
        let mut chars: (Option<crate::model::Field>, Vec<char>) = (None, Vec::new());
        for hit in crate::search::hits(a, query) {
            if chars.0 != Some(hit.field) {
                chars = (
                    Some(hit.field),
                    a.field(hit.field).unwrap_or("").chars().collect(),
                );
            }
            rows.push(SearchRow {
                id: &a.id.0,
                field: hit.field.label(),
                start: hit.start,
                end: hit.end,
                snippet: snippet_of(&chars.1, hit.start, hit.end, !json),
            });
        }
    }
    let n = rows.len();
    if rows.is_empty() {
        return Ok(0);
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        for r in rows {
            writeln!(out, "{}\t{}\t{}", r.id, r.field, r.snippet)?;
        }
    }
    Ok(n)
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

    #[test]
    fn snippet_marks_the_match() {
        assert_eq!(snippet("近日衡水市政府", 2, 4, true), "近日【衡水】市政府");
        assert_eq!(snippet("近日衡水市政府", 2, 4, false), "近日衡水市政府");
    }
}
