//! A small HTTP server on 127.0.0.1 for the feed tests, with routes that misbehave in
//! every way a real feed server can, and the real `dubao` binary run with its data
//! folder in a temporary directory.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What one route answers.
#[derive(Clone)]
pub enum Route {
    /// 200 with this body; `etag` makes it answer 304 to a matching `If-None-Match`.
    Feed {
        body: Vec<u8>,
        etag: Option<String>,
    },
    /// The body gzip-compressed, when the client accepts gzip.
    Gzip(Vec<u8>),
    Status(u16),
    /// A redirect to another path.
    Redirect(String),
    /// Reads the request and never answers.
    Hang,
    /// Answers bytes that are not HTTP.
    Garbage,
    /// Promises 100 MB and sends them until the client hangs up.
    Huge,
    /// Promises a body twice as long as what it sends, then closes.
    Truncated(Vec<u8>),
    /// 200 with this body and `Content-Type` (a picture, or a page posing as one).
    Typed {
        body: Vec<u8>,
        content_type: &'static str,
    },
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub headers: HashMap<String, String>,
}

#[derive(Default)]
struct State {
    routes: HashMap<String, Route>,
    seen: Vec<Seen>,
}

/// The server; it lives until the test process ends.
#[derive(Clone)]
pub struct Server {
    pub port: u16,
    state: Arc<Mutex<State>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local addr").port();
        let server = Server {
            port,
            state: Arc::default(),
        };
        let s = server.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let s = s.clone();
                std::thread::spawn(move || s.serve(stream));
            }
        });
        server
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn route(&self, path: &str, route: Route) {
        self.state.lock().unwrap().routes.insert(path.into(), route);
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.state.lock().unwrap().seen.clone()
    }

    fn serve(&self, mut stream: TcpStream) {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
        let Some(req) = read_request(&mut stream) else {
            return;
        };
        let route = {
            let mut st = self.state.lock().unwrap();
            st.seen.push(req.clone());
            st.routes.get(&req.path).cloned()
        };
        let _ = match route {
            None => respond(&mut stream, 404, &[], b"no such feed"),
            Some(r) => self.answer(&mut stream, &req, r),
        };
    }

    fn answer(&self, stream: &mut TcpStream, req: &Seen, route: Route) -> std::io::Result<()> {
        match route {
            Route::Feed { body, etag } => {
                let tag = etag.clone().unwrap_or_default();
                if etag.is_some() && req.headers.get("if-none-match") == Some(&tag) {
                    return respond(stream, 304, &[("ETag", &tag)], b"");
                }
                let headers: Vec<(&str, &str)> = match &etag {
                    Some(t) => vec![("ETag", t.as_str())],
                    None => vec![],
                };
                respond(stream, 200, &headers, &body)
            }
            Route::Gzip(body) => {
                let accepts = req
                    .headers
                    .get("accept-encoding")
                    .is_some_and(|a| a.contains("gzip"));
                if !accepts {
                    return respond(stream, 406, &[], b"gzip only");
                }
                let mut enc =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                enc.write_all(&body)?;
                let gz = enc.finish()?;
                respond(stream, 200, &[("Content-Encoding", "gzip")], &gz)
            }
            Route::Status(code) => respond(stream, code, &[], b"error page"),
            Route::Redirect(to) => respond(stream, 302, &[("Location", &to)], b""),
            Route::Typed { body, content_type } => {
                respond(stream, 200, &[("Content-Type", content_type)], &body)
            }
            Route::Hang => {
                std::thread::sleep(Duration::from_secs(300));
                Ok(())
            }
            Route::Garbage => {
                stream.write_all(b"\x00\x01\x02 this is not HTTP at all \xff\xfe\r\n\r\n")
            }
            Route::Huge => {
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 104857600\r\n\r\n";
                stream.write_all(head.as_bytes())?;
                stream.write_all(b"<rss version=\"2.0\"><channel><title>huge</title>")?;
                let chunk = vec![b' '; 64 * 1024];
                for _ in 0..1600 {
                    stream.write_all(&chunk)?;
                }
                Ok(())
            }
            Route::Truncated(body) => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len() * 2
                );
                stream.write_all(head.as_bytes())?;
                stream.write_all(&body)?;
                stream.flush()
            }
        }
    }
}

fn read_request(stream: &mut TcpStream) -> Option<Seen> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).ok()? == 0 || buf.len() > 64 * 1024 {
            return None;
        }
        buf.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&buf);
    let mut lines = text.lines();
    let path = lines.next()?.split_whitespace().nth(1)?.to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Some(Seen { path, headers })
}

fn respond(
    stream: &mut TcpStream,
    code: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {code} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

pub use super::{stderr, stdout};

/// `dubao ARGS` in `home` (the shared runner, home first as the feed tests write it).
pub fn dubao(home: &Path, args: &[&str]) -> Output {
    super::dubao(args, home)
}

/// A fixture of ours.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The shared real feeds, if `../shared` is there.
pub fn shared_feeds() -> Option<PathBuf> {
    crate::typeset_corpus::shared_dir()
        .map(|s| s.join("fixtures/feeds"))
        .filter(|d| d.is_dir())
}
