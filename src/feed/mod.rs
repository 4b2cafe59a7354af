//! Newspapers' feeds: RSS 2.0, RSS 1.0, Atom and JSON Feed (through `feed-rs`), each
//! item's e-paper HTML read with a real HTML parser into [`crate::model`] issues; the
//! subscriptions the reader keeps; fetching over HTTP; and where fetched issues go.
//!
//! - [`parse_bytes`], [`parse_file`]: a feed → issues (one paper, one date each, pages in
//!   order), by [`item`] (one item → one article), [`html`], [`enp`] and [`title`].
//! - [`subs`]: the subscriptions file and OPML; [`fetch`]: one feed over HTTP;
//!   [`batch`]: several feeds at a time into an [`sink::IssueSink`].

pub mod assemble;
pub mod batch;
pub mod enp;
pub mod fetch;
pub mod html;
pub mod item;
pub mod log;
mod photo;
pub mod sink;
pub mod slug;
mod stack;
pub mod subs;
pub mod title;

use std::path::{Path, PathBuf};

use crate::model::Issue;

/// What went wrong with a feed; one line, saying what is wrong in words a reader knows.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("not a feed ({0})")]
    NotAFeed(String),
    #[error("the feed is cut short (truncated)")]
    Truncated,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the server answered {0}")]
    Status(String),
    #[error("more than {0} MB: too big for a feed")]
    TooBig(u64),
    #[error("too many redirects (a redirect loop?)")]
    Redirects,
    #[error("no answer within {0} s (timed out)")]
    Timeout(u64),
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("{0}")]
    Http(String),
    #[error("cannot store it: {0}")]
    Store(String),
}

/// The bytes from the first that is not white space, a UTF-8 BOM left out.
fn content(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..]
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(&bytes[start..])
}

/// Read a feed held in memory. `fallback_name` names the paper if the feed does not.
pub fn parse_bytes(bytes: &[u8], fallback_name: &str) -> Result<Vec<Issue>, FeedError> {
    parse_named(bytes, fallback_name, false)
}

/// [`parse_bytes`]; with `given` (the user named the feed: `--name`) that name names the
/// paper whatever the feed's title says.
pub fn parse_named(
    bytes: &[u8],
    fallback_name: &str,
    given: bool,
) -> Result<Vec<Issue>, FeedError> {
    let body = content(bytes);
    match body.first() {
        None => return Err(FeedError::NotAFeed("empty".into())),
        Some(b'<') => {
            if xml_is_cut_short(&as_utf8(body)) {
                return Err(FeedError::Truncated);
            }
        }
        Some(b'{') => {
            if let Err(e) = serde_json::from_slice::<serde_json::Value>(body) {
                return Err(if e.is_eof() {
                    FeedError::Truncated
                } else {
                    FeedError::NotAFeed(format!("bad JSON: {e}"))
                });
            }
        }
        Some(_) => return Err(FeedError::NotAFeed("neither XML nor JSON".into())),
    }
    let feed = feed_rs::parser::parse(body).map_err(|e| FeedError::NotAFeed(one_line(&e)))?;
    Ok(assemble::issues(&feed, fallback_name, given))
}

/// Whether `bytes` are a feed, by their content: XML whose root is `rss`, `feed` or
/// `rdf:RDF`, or JSON whose `version` is a JSON Feed's (`https://jsonfeed.org/…`).
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let body = content(bytes);
    match body.first() {
        Some(b'<') => {
            use quick_xml::events::Event;
            let mut reader = quick_xml::Reader::from_reader(body);
            loop {
                match reader.read_event() {
                    Ok(Event::Start(e) | Event::Empty(e)) => {
                        return matches!(e.local_name().as_ref(), "rss" | "feed" | "RDF");
                    }
                    Ok(Event::Eof) | Err(_) => return false,
                    Ok(_) => {}
                }
            }
        }
        Some(b'{') => serde_json::from_slice::<serde_json::Value>(body)
            .ok()
            .and_then(|v| v.get("version")?.as_str().map(str::to_owned))
            .is_some_and(|v| v.starts_with("https://jsonfeed.org/")),
        _ => false,
    }
}

/// Read a saved feed file (`dubao import FEED-FILE`); the paper is named after the file
/// when the feed does not name it.
pub fn parse_file(path: &Path) -> Result<Vec<Issue>, FeedError> {
    let bytes = std::fs::read(path).map_err(|source| FeedError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse_bytes(&bytes, &stem)
}

/// The XML as UTF-8, decoded from the encoding its declaration names (`GBK`, `GB2312`).
fn as_utf8(body: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let head = &body[..body.len().min(200)];
    let declared = head
        .strip_prefix(b"<?xml".as_slice())
        .and_then(|rest| {
            let end = rest.windows(2).position(|w| w == b"?>")?;
            let decl = std::str::from_utf8(&rest[..end]).ok()?;
            let at = decl.find("encoding")? + "encoding".len();
            let value = decl[at..].trim_start().strip_prefix('=')?.trim_start();
            let quote = value.chars().next()?;
            let value = &value[quote.len_utf8()..];
            Some(value[..value.find(quote)?].to_string())
        })
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    match declared {
        Some(enc) if enc != encoding_rs::UTF_8 => {
            let (text, _, _) = enc.decode(body);
            std::borrow::Cow::Owned(text.into_owned().into_bytes())
        }
        _ => std::borrow::Cow::Borrowed(body),
    }
}

/// Whether a feed's XML ends before its root element (`rss`, `feed`, `rdf:RDF`) is
/// closed. Other documents are left for the feed parser to refuse.
fn xml_is_cut_short(body: &[u8]) -> bool {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(body);
    let mut depth = 0usize;
    let mut feed_root = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if depth == 0 {
                    let name = e.local_name();
                    feed_root = matches!(name.as_ref(), "rss" | "feed" | "RDF");
                }
                depth += 1;
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) => return feed_root && depth > 0,
            Ok(_) => {}
            // Not well-formed: cut short if the error came at the very end.
            Err(_) => {
                return feed_root && reader.buffer_position() as usize + 1 >= body.len();
            }
        }
    }
}

/// An error's text on one line, without control characters.
pub fn one_line(e: &dyn std::fmt::Display) -> String {
    e.to_string()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
