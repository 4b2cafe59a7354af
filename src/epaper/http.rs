//! Polite HTTP for an e-paper site: a User-Agent naming dubao, at most [`PER_SITE`]
//! requests at a time, a pause between requests, retries with back-off on timeouts,
//! dropped connections and 5xx, redirects followed only on the same site, a cap on a
//! page's size, and a page cut short told as such. ETags seen are sent back.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::feed::FeedError;
use crate::feed::fetch::{Fetched, Options, agent, get_with};

/// Requests at a time on one site.
pub const PER_SITE: usize = 2;
/// The most a page may weigh.
pub const MAX_PAGE: u64 = 8 * 1024 * 1024;

/// One site's client, shared by the threads fetching from it.
#[derive(Debug)]
pub struct Client {
    opts: Options,
    /// One agent for the site: its connections are kept open between requests.
    agent: ureq::Agent,
    pause: Duration,
    retries: u32,
    /// When the next request may start, and how many are under way.
    slots: Mutex<(Instant, usize)>,
    freed: Condvar,
    /// ETag and body of what was fetched, for conditional GETs within a run.
    seen: Mutex<HashMap<String, (String, Vec<u8>)>>,
}

impl Client {
    /// `pause` between two requests' starts; `opts` timeouts for each.
    pub fn new(opts: Options, pause: Duration) -> Client {
        let opts = Options {
            max_bytes: opts.max_bytes.min(MAX_PAGE),
            max_redirects: 0,
            ..opts
        };
        Client {
            agent: agent(&opts),
            opts,
            pause,
            retries: 2,
            slots: Mutex::new((Instant::now(), 0)),
            freed: Condvar::new(),
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// The page at `url` as text, following same-site redirects.
    pub fn page(&self, url: &str) -> Result<String, FeedError> {
        self.page_at(url).map(|(_, body)| body)
    }

    /// The page at `url` as text and the address it came from after same-site
    /// redirects.
    pub fn page_at(&self, url: &str) -> Result<(String, String), FeedError> {
        let mut url = url.to_string();
        for _ in 0..5 {
            match self.get_retrying(&url)? {
                Got::Body(bytes) => return Ok((url, decode(&bytes))),
                Got::Redirect(to) => {
                    let to = crate::feed::html::resolve(&url, &to);
                    let (a, b) = (host(&url), host(&to));
                    if a != b {
                        return Err(FeedError::Http(format!("redirected to another site ({b})")));
                    }
                    url = to;
                }
            }
        }
        Err(FeedError::Redirects)
    }

    fn get_retrying(&self, url: &str) -> Result<Got, FeedError> {
        let mut attempt = 0;
        loop {
            let r = self.get_once(url);
            let again = match &r {
                Err(FeedError::Timeout(_) | FeedError::Connect(_) | FeedError::Truncated) => true,
                Err(FeedError::Status(s)) => s.starts_with('5'),
                _ => false,
            };
            if !again || attempt >= self.retries {
                return r;
            }
            attempt += 1;
            std::thread::sleep(self.pause.max(Duration::from_millis(100)) * 2u32.pow(attempt));
        }
    }

    fn get_once(&self, url: &str) -> Result<Got, FeedError> {
        self.take_slot();
        let etag = self
            .seen
            .lock()
            .ok()
            .and_then(|s| s.get(url).map(|e| e.0.clone()));
        let r = get_raw(&self.agent, url, etag.as_deref(), &self.opts);
        self.give_slot();
        match r? {
            Raw::Redirect(to) => Ok(Got::Redirect(to)),
            Raw::Fetched(Fetched::NotModified) => self
                .seen
                .lock()
                .ok()
                .and_then(|s| s.get(url).map(|e| e.1.clone()))
                .map(Got::Body)
                .ok_or_else(|| FeedError::Http("304 for a page never fetched".into())),
            Raw::Fetched(Fetched::Moved(to)) => Ok(Got::Redirect(to)),
            Raw::Fetched(Fetched::Body { bytes, etag, .. }) => {
                if let (Some(tag), Ok(mut seen)) = (etag, self.seen.lock()) {
                    seen.insert(url.to_string(), (tag, bytes.clone()));
                }
                Ok(Got::Body(bytes))
            }
        }
    }

    /// Wait for a free slot and for the pause since the last request to pass.
    fn take_slot(&self) {
        let Ok(mut s) = self.slots.lock() else { return };
        loop {
            let now = Instant::now();
            if s.1 < PER_SITE && now >= s.0 {
                s.0 = now + self.pause;
                s.1 += 1;
                return;
            }
            let wait = if s.1 < PER_SITE {
                s.0 - now
            } else {
                Duration::from_millis(50)
            };
            s = match self.freed.wait_timeout(s, wait) {
                Ok((g, _)) => g,
                Err(_) => return,
            };
        }
    }

    fn give_slot(&self) {
        if let Ok(mut s) = self.slots.lock() {
            s.1 = s.1.saturating_sub(1);
        }
        self.freed.notify_one();
    }
}

enum Got {
    Body(Vec<u8>),
    Redirect(String),
}

enum Raw {
    Fetched(Fetched),
    Redirect(String),
}

/// One GET, a redirect given back rather than followed.
fn get_raw(
    agent: &ureq::Agent,
    url: &str,
    etag: Option<&str>,
    opts: &Options,
) -> Result<Raw, FeedError> {
    match get_with(agent, url, etag, None, opts)? {
        Fetched::Moved(to) => Ok(Raw::Redirect(to)),
        other => Ok(Raw::Fetched(other)),
    }
}

/// The host (and port) of an address.
pub fn host(url: &str) -> &str {
    super::catalogue::host_of(url)
}

/// A page's bytes as text, in the charset its `<meta>` names (GBK on older sites).
pub fn decode(bytes: &[u8]) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let label = head.find("charset=").map(|i| {
        head[i + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect::<String>()
    });
    let enc = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    enc.decode(bytes).0.into_owned()
}

/// Whether an HTML page is whole: it closes its `</html>` (a static page always does).
pub fn is_whole_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    let tail = bytes[bytes.len().saturating_sub(4096)..].to_ascii_lowercase();
    let has = |needle: &[u8]| tail.windows(needle.len()).any(|w| w == needle);
    has(b"</html>") || has(b"</body>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_pages_are_read_in_their_charset() {
        let (gbk, _, _) = encoding_rs::GBK.encode("<meta charset=\"gb2312\">人民日报");
        assert!(decode(&gbk).ends_with("人民日报"));
        assert!(is_whole_html("<html><body>x</body></html>\r\n"));
        assert!(!is_whole_html("<html><body><p>半"));
        let long = format!("<html><body>{}</body></html>", "革".repeat(3000));
        assert!(is_whole_html(&long) && is_whole_html(&long[..long.len() - 7]));
    }
}
