//! How fast an e-paper day comes in: a 20-page, 120-article site made up here and served
//! from 127.0.0.1 (real HTTP, a thread per connection), fetched with the pause at 0 into
//! memory. Prints pages per second for the whole day and the parse time per article
//! (the article pages read again without the network), and the whole day read again on
//! the fetch's threads without HTTP: what share of the fetch is parsing.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::time::{Duration, Instant};

use dubao::epaper::catalogue::System;
use dubao::epaper::http::Client;
use dubao::epaper::site::Site;
use dubao::epaper::{article, issue};
use dubao::feed::fetch::Options;

const PAGES: usize = 20;
const PER_PAGE: usize = 6;

fn node(n: usize) -> String {
    let list: String = (1..=PAGES)
        .map(|p| format!("<a id=\"pageLink\" href=\"node_{p:02}.html\">{p:02}版：要闻</a>\n"))
        .collect();
    let arts: String = (1..=PER_PAGE)
        .map(|a| {
            let id = n * 100 + a;
            format!(
                "<li><a href=\"../../../content/202601/02/content_{id}.html\"> 标题{id} </a></li>\n"
            )
        })
        .collect();
    format!(
        "<html><head><title>测试日报</title></head><body><img src=\"../../../pic/p{n}.jpg\" usemap=\"#PagePicMap\">\
<div class=\"paper-bot\"><p class=\"left ban\">第{n:02}版：要闻</p></div>\
<span class=\"newstime\">2026年01月02日</span><div class=\"swiper-box\">{list}</div>\
<div class=\"news\"><ul class=\"news-list\">{arts}</ul></div></body></html>"
    )
}

fn content(id: usize) -> String {
    let para =
        "　　这是一段用来测量速度的正文，长度与真实报纸的段落相仿，有逗号，也有句号。".repeat(4);
    let body: String = (0..20).map(|_| format!("<p>{para}</p>")).collect();
    format!(
        "<html><body><div class=\"article\"><h3>引题{id}</h3><h1>标题{id}</h1><h2>——副题{id}</h2>\
<p class=\"sec\">本报记者 张三<span class=\"newstime\">2026年01月02日</span></p>\
<div id=\"ozoom\"><p>　　本报北京1月1日电　导语。</p>{body}</div></div></body></html>"
    )
}

/// The site on 127.0.0.1, a thread per connection; a connection is kept open for the
/// next request (HTTP/1.1 keep-alive, as the papers' servers do) until the client
/// closes it.
fn serve(site: Arc<HashMap<String, String>>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = site.clone();
            std::thread::spawn(move || answer(stream, &site));
        }
    });
    port
}

/// Every request on one connection, in turn.
fn answer(mut s: std::net::TcpStream, site: &HashMap<String, String>) {
    let _ = s.set_nodelay(true);
    let mut buf = Vec::new();
    let mut b = [0u8; 4096];
    loop {
        let end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            match s.read(&mut b) {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&b[..n]),
            }
        };
        let req = String::from_utf8_lossy(&buf[..end]).to_string();
        buf.drain(..end);
        let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
        let (code, body) = match site.get(&path) {
            Some(b) => (200, b.as_str()),
            None => (404, "no"),
        };
        let head = format!(
            "HTTP/1.1 {code} X\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        let mut out = head.into_bytes();
        out.extend_from_slice(body.as_bytes());
        if s.write_all(&out).is_err() {
            return;
        }
    }
}

fn main() {
    let mut site = HashMap::new();
    for n in 1..=PAGES {
        site.insert(format!("/t/pc/layout/202601/02/node_{n:02}.html"), node(n));
        for a in 1..=PER_PAGE {
            let id = n * 100 + a;
            site.insert(
                format!("/t/pc/content/202601/02/content_{id}.html"),
                content(id),
            );
        }
    }
    let site = Arc::new(site);
    let port = serve(site.clone());
    let fetch_only = std::env::args().any(|a| a == "--fetch-only");
    let runs = if fetch_only { 200 } else { 5 };
    let best = fetch_day(port, runs);
    // `--fetch-only`: leave out the library (for a profile of the fetch alone).
    if !fetch_only {
        library_run(port);
    }
    let pages: Vec<(String, &String)> = site
        .iter()
        .map(|(k, v)| (format!("http://127.0.0.1{k}"), v))
        .collect();
    http_alone(&pages, port, runs);
    parse_alone(&pages, runs, best);
}

/// The day fetched and read in memory, best of `runs`; prints pages per second.
fn fetch_day(port: u16, runs: usize) -> Duration {
    let s = Site {
        name: "测试日报".into(),
        slug: "t".into(),
        system: System::Layout,
        pattern: format!("http://127.0.0.1:{port}/t/pc/layout/{{yyyymm}}/{{dd}}/node_01.html"),
    };
    let mut best = Duration::MAX;
    let mut articles = 0;
    for _ in 0..runs {
        let client = Client::new(Options::default().with_timeout(10.0), Duration::ZERO);
        let t = Instant::now();
        let day = issue::fetch(&s, "2026-01-02", &client, &mut issue::NoProgress).expect("the day");
        best = best.min(t.elapsed());
        articles = day.issue.pages.iter().map(|p| p.articles.len()).sum();
        assert!(day.is_whole(), "{:?}", day.faults);
    }
    let requests = PAGES + PAGES * PER_PAGE;
    println!(
        "epaper fetch: {PAGES} pages, {articles} articles ({requests} requests) in {:.1} ms (best of {runs}): {:.0} pages/s, {:.0} requests/s",
        best.as_secs_f64() * 1e3,
        PAGES as f64 / best.as_secs_f64(),
        requests as f64 / best.as_secs_f64()
    );
    best
}

/// `work` on each of `pages` on as many threads as the fetch uses; the best of `runs`.
fn on_fetch_threads(
    pages: &[(String, &String)],
    runs: usize,
    work: impl Fn(&(String, &String)) + Sync,
) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let t = Instant::now();
        std::thread::scope(|s| {
            for _ in 0..dubao::epaper::http::PER_SITE {
                s.spawn(|| {
                    while let Some(p) =
                        pages.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                    {
                        work(p);
                    }
                });
            }
        });
        best = best.min(t.elapsed());
    }
    best
}

/// The same pages fetched on the fetch's threads, not read: what HTTP alone costs.
fn http_alone(pages: &[(String, &String)], port: u16, runs: usize) {
    let client = Client::new(Options::default().with_timeout(10.0), Duration::ZERO);
    let http = on_fetch_threads(pages, runs, |p| {
        let url = p.0.replace("127.0.0.1", &format!("127.0.0.1:{port}"));
        std::hint::black_box(client.page(&url).expect("fetched"));
    });
    println!(
        "epaper http alone: the day's {} pages fetched, not read, in {:.1} ms",
        pages.len(),
        http.as_secs_f64() * 1e3
    );
}

/// Every page of the day read again without the network: alone (per article), and on
/// as many threads as the fetch uses, the work of the fetch but for HTTP.
fn parse_alone(pages: &[(String, &String)], runs: usize, fetch: Duration) {
    let read = |(url, body): &(String, &String)| {
        if url.contains("/content/") {
            std::hint::black_box(article::read(body, url, "").expect("parses"));
        } else {
            std::hint::black_box(dubao::epaper::page::read(body, url).expect("parses"));
        }
    };
    let articles_only: Vec<_> = pages.iter().filter(|p| p.0.contains("/content/")).collect();
    let t = Instant::now();
    for _ in 0..runs {
        articles_only.iter().for_each(|p| read(p));
    }
    let per = t.elapsed().as_secs_f64() / (runs * articles_only.len()) as f64;
    let parallel = on_fetch_threads(pages, runs, read);
    println!(
        "epaper parse: {:.3} ms per article ({} articles, {} KB each); every page of the day read \
         on {} threads as the fetch does, without HTTP: {:.1} ms, {:.0}% of the fetch",
        per * 1e3,
        articles_only.len(),
        articles_only.first().map_or(0, |p| p.1.len() / 1024),
        dubao::epaper::http::PER_SITE,
        parallel.as_secs_f64() * 1e3,
        100.0 * parallel.as_secs_f64() / fetch.as_secs_f64()
    );
}

/// The same day fetched as `dubao fetch` does, into a library on disk (a commit of the
/// whole pages at most every second and at the day's end, the record noted), best of 5.
fn library_run(port: u16) {
    use dubao::epaper::run::{self, Dates, RunOptions};
    use dubao::library::disk::DiskShelf;
    use dubao::library::ingest::FeedSink;
    let sub = dubao::feed::subs::Subscription {
        name: "t".into(),
        url: format!("http://127.0.0.1:{port}/t/pc/layout/"),
        epaper: true,
        ..Default::default()
    };
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 2).expect("date");
    let opts = RunOptions {
        http: Options::default().with_timeout(10.0),
        pause: Duration::ZERO,
    };
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let dir = tempfile::tempdir().expect("temp dir");
        let shelf = DiskShelf::open(dir.path().join("library")).expect("library");
        let mut sink = FeedSink { shelf: &shelf };
        let t = Instant::now();
        let o = run::run(
            &sub,
            &Dates::Range(day, day),
            &opts,
            dir.path(),
            &mut sink,
            &mut |_| {},
        );
        best = best.min(t.elapsed());
        assert!(o.failure().is_none(), "{o:?}");
    }
    println!(
        "epaper fetch into a library on disk: {:.1} ms (best of 5): {:.0} pages/s",
        best.as_secs_f64() * 1e3,
        PAGES as f64 / best.as_secs_f64()
    );
}
