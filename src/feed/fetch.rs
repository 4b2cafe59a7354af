//! One feed over HTTP(S) with ureq (rustls, no system OpenSSL): a conditional GET
//! (ETag, Last-Modified), gzip, at most a few redirects, a connect and a total timeout,
//! a cap on the body, and a User-Agent naming dubao and its version.

use std::time::Duration;

use super::FeedError;

/// Limits for one fetch.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// For the whole exchange, body included.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// The most bytes a body may have (after decompression).
    pub max_bytes: u64,
    pub max_redirects: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_bytes: 32 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

impl Options {
    /// A total timeout of `secs` seconds, kept between 0.05 s and an hour (the connect
    /// timeout no longer than it).
    pub fn with_timeout(mut self, secs: f64) -> Self {
        let secs = if secs.is_nan() {
            30.0
        } else {
            secs.clamp(0.05, 3600.0)
        };
        let t = Duration::from_secs_f64(secs);
        self.timeout = t;
        self.connect_timeout = self.connect_timeout.min(t);
        self
    }
}

/// What a server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: nothing changed since the ETag / Last-Modified we sent.
    NotModified,
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    /// A redirect to this `Location`, given back when `max_redirects` is 0.
    Moved(String),
}

/// The `User-Agent` sent: `dubao/<version>`.
pub fn user_agent() -> String {
    format!("dubao/{}", env!("CARGO_PKG_VERSION"))
}

/// GET `url`, sending `etag` and `last_modified` from the last fetch when known.
pub fn get(
    url: &str,
    etag: Option<&str>,
    last_modified: Option<&str>,
    opts: &Options,
) -> Result<Fetched, FeedError> {
    get_with(&agent(opts), url, etag, last_modified, opts)
}

/// A client for `opts`; kept, it reuses its connections (keep-alive) from one request
/// to the next.
pub fn agent(opts: &Options) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .timeout_connect(Some(opts.connect_timeout))
        .max_redirects(opts.max_redirects)
        .user_agent(user_agent())
        .http_status_as_error(false)
        .build()
        .into()
}

/// [`get`] with `agent` (made by [`agent`] for the same `opts`).
pub fn get_with(
    agent: &ureq::Agent,
    url: &str,
    etag: Option<&str>,
    last_modified: Option<&str>,
    opts: &Options,
) -> Result<Fetched, FeedError> {
    let mut req = agent
        .get(url)
        .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8");
    if let Some(e) = etag {
        req = req.header("If-None-Match", e);
    }
    if let Some(m) = last_modified {
        req = req.header("If-Modified-Since", m);
    }
    let mut resp = req.call().map_err(|e| error(e, opts))?;
    let status = resp.status();
    if status.as_u16() == 304 {
        return Ok(Fetched::NotModified);
    }
    if status.is_redirection()
        && opts.max_redirects == 0
        && let Some(to) = resp.headers().get("location").and_then(|v| v.to_str().ok())
    {
        return Ok(Fetched::Moved(to.to_string()));
    }
    if !status.is_success() {
        let reason = status.canonical_reason().unwrap_or("");
        return Err(FeedError::Status(format!("{} {reason}", status.as_u16())));
    }
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let (etag, last_modified) = (header("etag"), header("last-modified"));
    let bytes = resp
        .body_mut()
        .with_config()
        .limit(opts.max_bytes)
        .read_to_vec()
        .map_err(|e| error(e, opts))?;
    Ok(Fetched::Body {
        bytes,
        etag,
        last_modified,
    })
}

/// ureq's error in the reader's words.
fn error(e: ureq::Error, opts: &Options) -> FeedError {
    use std::io::ErrorKind;
    let secs = opts.timeout.as_secs().max(1);
    match e {
        ureq::Error::Timeout(_) => FeedError::Timeout(secs),
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => FeedError::Redirects,
        ureq::Error::BodyExceedsLimit(_) => FeedError::TooBig(opts.max_bytes / (1024 * 1024)),
        ureq::Error::HostNotFound => FeedError::Connect("host not found".into()),
        ureq::Error::ConnectionFailed => FeedError::Connect("connection refused".into()),
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => FeedError::Timeout(secs),
            ErrorKind::UnexpectedEof => FeedError::Truncated,
            ErrorKind::ConnectionRefused => FeedError::Connect("connection refused".into()),
            _ => FeedError::Http(super::one_line(&io)),
        },
        ureq::Error::Protocol(p) => {
            FeedError::Http(format!("not an HTTP answer ({})", super::one_line(&p)))
        }
        ureq::Error::BadUri(u) => FeedError::Http(format!("bad address {u}")),
        other => FeedError::Http(super::one_line(&other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_timeout_a_user_types_is_kept_sane() {
        for secs in [f64::NAN, f64::INFINITY, -1.0, 0.0, 1e30] {
            let o = Options::default().with_timeout(secs);
            assert!(
                o.timeout >= Duration::from_millis(50) && o.timeout <= Duration::from_secs(3600)
            );
            assert!(o.connect_timeout <= o.timeout);
        }
        assert!(user_agent().starts_with("dubao/"));
    }

    #[test]
    fn nothing_listening_is_a_connect_error() {
        // A port that was just free: bind, note it, let it go.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap_or(9);
        let r = get(
            &format!("http://127.0.0.1:{port}/feed.xml"),
            None,
            None,
            &Options::default().with_timeout(5.0),
        );
        assert!(matches!(r, Err(FeedError::Connect(_))), "{r:?}");
    }
}
