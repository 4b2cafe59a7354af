//! News photos and page scans: downloaded into a cache in the data folder ([`cache`]),
//! decoded under limits and scaled ([`decode`]), made ready to draw for the terminal's
//! graphics protocol or half blocks ([`render`]), all off the UI thread ([`worker`]).
//! [`prefetch`] fetches an issue's photos ahead (`--photos`).

pub mod cache;
pub mod decode;
pub mod render;
pub mod worker;

use std::time::Duration;

pub use cache::Cache;
pub use decode::Limits;
pub use worker::{Job, Outcome, Worker};

use crate::feed::FeedError;
use crate::feed::fetch::{self, Fetched};
use crate::model::Library;
use image::DynamicImage;

/// Why a photo cannot be shown, in one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("cannot download it: {0}")]
    Download(String),
    #[error("more than {0} MB: too big for a photo")]
    TooBig(u64),
    #[error("not a picture ({0})")]
    NotImage(String),
    #[error("the picture is damaged ({0})")]
    Damaged(String),
    #[error("too large to show ({0})")]
    TooLarge(String),
    #[error("cannot show it: {0}")]
    Render(String),
}

/// An error's text on one line.
pub(crate) fn one_line(e: &dyn std::fmt::Display) -> String {
    let s = e.to_string();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

/// How photos are downloaded.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// The most bytes a picture may have.
    pub max_bytes: u64,
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(5),
            max_bytes: 20 * 1024 * 1024,
            limits: Limits::default(),
        }
    }
}

/// The picture at `url`, decoded: from the cache, else downloaded, and kept in the
/// cache only once it decoded (a damaged download is never kept).
pub fn load(url: &str, cache: Option<&Cache>, opts: &Options) -> Result<DynamicImage, PhotoError> {
    if let Some(b) = cache.and_then(|c| c.get(url)) {
        return decode::decode(&b, &opts.limits);
    }
    let bytes = download(url, opts)?;
    let img = decode::decode(&bytes, &opts.limits)?;
    if let Some(c) = cache {
        // A cache that cannot be written costs a download next time, nothing more.
        let _ = c.put(url, &bytes);
    }
    Ok(img)
}

/// The bytes at `url`, within the options' timeouts and size cap.
pub fn download(url: &str, opts: &Options) -> Result<Vec<u8>, PhotoError> {
    let feed_opts = fetch::Options {
        timeout: opts.timeout,
        connect_timeout: opts.connect_timeout.min(opts.timeout),
        max_bytes: opts.max_bytes,
        max_redirects: 5,
    };
    let bytes = match fetch::get(url, None, None, &feed_opts) {
        Ok(Fetched::Body { bytes, .. }) => bytes,
        Ok(Fetched::NotModified) => return Err(PhotoError::Download("304 without asking".into())),
        Ok(Fetched::Moved(to)) => return Err(PhotoError::Download(format!("moved to {to}"))),
        Err(FeedError::TooBig(mb)) => return Err(PhotoError::TooBig(mb)),
        Err(e) => return Err(PhotoError::Download(one_line(&e))),
    };
    Ok(bytes)
}

/// Fetch every photo and page scan of `library` not in `cache` yet (`--photos` at fetch
/// time). Returns how many are now kept and one line for each that failed.
pub fn prefetch(library: &Library, cache: &Cache, opts: &Options) -> (usize, Vec<String>) {
    let mut urls: Vec<&str> = Vec::new();
    for issue in &library.issues {
        for page in &issue.pages {
            urls.extend(page.scan.as_ref().and_then(|s| s.image.as_deref()));
            for a in &page.articles {
                urls.extend(a.photos.iter().map(|p| p.url.as_str()));
            }
        }
    }
    urls.sort_unstable();
    urls.dedup();
    let mut kept = 0;
    let mut failed = Vec::new();
    for url in urls {
        if cache.get(url).is_some() {
            kept += 1;
            continue;
        }
        match load(url, Some(cache), opts) {
            Ok(_) => kept += 1,
            Err(e) => failed.push(format!("{url}: {e}")),
        }
    }
    (kept, failed)
}
