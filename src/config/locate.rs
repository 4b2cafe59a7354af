//! Finding where in the file a bad value sits, so the message names its line and key.

use std::path::Path;

use super::ConfigError;

/// A toml or serde error as one line: file, line, the key on that line, the trouble.
pub fn serde_error(text: &str, path: &Path, e: &toml::de::Error) -> ConfigError {
    let at = e.span().map_or(0, |s| s.start.min(text.len()));
    let line = text[..at].matches('\n').count() + 1;
    let key = key_at(text, line).unwrap_or_else(|| "(file)".into());
    let message = e.message().trim().replace('\n', " ");
    ConfigError::Value {
        path: path.to_path_buf(),
        line,
        key,
        message,
    }
}

/// A value that parsed but means nothing (a colour, a key name): found by its table and
/// key.
pub fn value_error(
    text: &str,
    path: &Path,
    table: &str,
    key: &str,
    message: String,
) -> ConfigError {
    ConfigError::Value {
        path: path.to_path_buf(),
        line: line_of(text, table, key).unwrap_or(0),
        key: format!("{table}.{key}"),
        message,
    }
}

/// The 1-based line where `key` is set in `[table]` (or as `table.key` / dotted forms).
pub fn line_of(text: &str, table: &str, key: &str) -> Option<usize> {
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(h) = header(t) {
            current = h;
            continue;
        }
        let Some((k, _)) = t.split_once('=') else {
            continue;
        };
        let k = unquote(k.trim());
        let full = if current.is_empty() {
            k.clone()
        } else {
            format!("{current}.{k}")
        };
        if full == format!("{table}.{key}") {
            return Some(i + 1);
        }
    }
    None
}

/// The dotted key set on line `line` (1-based), with its table.
fn key_at(text: &str, line: usize) -> Option<String> {
    let mut current = String::new();
    for (i, l) in text.lines().enumerate() {
        let t = l.trim();
        if let Some(h) = header(t) {
            current = h.clone();
            if i + 1 == line {
                return Some(h);
            }
            continue;
        }
        if i + 1 == line {
            let k = unquote(t.split_once('=')?.0.trim());
            return Some(if current.is_empty() {
                k
            } else {
                format!("{current}.{k}")
            });
        }
    }
    None
}

fn header(t: &str) -> Option<String> {
    let inner = t.strip_prefix('[')?.split(']').next()?;
    let inner = inner.trim_start_matches('[').trim();
    Some(
        inner
            .split('.')
            .map(|p| unquote(p.trim()))
            .collect::<Vec<_>>()
            .join("."),
    )
}

fn unquote(s: &str) -> String {
    s.trim_matches('"').trim_matches('\'').to_string()
}
