//! `F` in the reader: every subscribed feed fetched on a thread of its own into the
//! library, progress on the status line while the reader goes on, and the new issue
//! in the list when it is done. Served from a loopback HTTP server.

use crate::support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use dubao::app::fetcher::FetchSetup;
use dubao::app::{Action, App};
use dubao::feed::fetch::Options;
use dubao::feed::subs::Subscriptions;
use dubao::library::disk::DiskShelf;
use dubao::library::{IssueKey, Shelf};
use dubao::model::Library;
use support::feeds::{Route, Server, fixture};

fn setup(home: &std::path::Path, open_library: bool) -> FetchSetup {
    FetchSetup {
        data_dir: home.join("data"),
        library_dir: home.join("library"),
        open_library,
        options: Options::default().with_timeout(10.0),
        nothing_followed: false,
    }
}

fn subscribe(home: &std::path::Path, url: &str, name: &str) {
    Subscriptions::update(&home.join("data"), |s| s.add(url, Some(name)).map(|_| ()))
        .expect("subscribe");
}

/// Ticks the app until its fetch is done; every status line shown on the way.
fn fetch_to_the_end(app: &mut App) -> Vec<String> {
    app.update(Action::Fetch);
    let mut seen: Vec<String> = app.status_text().iter().cloned().collect();
    let started = Instant::now();
    while app.fetch().running() {
        assert!(started.elapsed() < Duration::from_secs(60), "{seen:?}");
        // The reader goes on while the fetch runs.
        app.update(Action::Select(1));
        std::thread::sleep(Duration::from_millis(20));
        app.update(Action::Tick(Instant::now()));
        if let Some(s) = &app.status_text()
            && seen.last() != Some(s)
        {
            seen.push(s.clone());
        }
    }
    seen
}

fn served(server: &Server) {
    server.route(
        "/enp.xml",
        Route::Feed {
            body: fixture("enp.xml"),
            etag: None,
        },
    );
}

#[test]
fn f_fetches_in_the_background_and_the_new_issue_appears() {
    let home = tempfile::tempdir().expect("temp dir");
    let server = Server::start();
    served(&server);
    subscribe(home.path(), &server.url("/enp.xml"), "测试电讯");
    subscribe(home.path(), &server.url("/gone.xml"), "gone");
    server.route("/gone.xml", Route::Status(404));
    // A reader already on the library (empty here).
    let shelf = DiskShelf::open(home.path().join("library")).expect("library");
    let mut app = App::with_shelf(Arc::new(shelf), (100, 30), None);
    app.offer_fetch(Some(setup(home.path(), false)));
    assert!(app.browse().issues().is_empty());

    let seen = fetch_to_the_end(&mut app);
    assert!(
        seen.iter().any(|s| s.contains("/2 测试电讯: 1 new")),
        "{seen:?}"
    );
    assert!(
        seen.iter()
            .any(|s| s.contains("/2 gone: ") && s.contains("404")),
        "{seen:?}"
    );
    let last = app.status_text().clone().unwrap_or_default();
    assert!(
        last.contains("1 new or changed") && last.contains("1 failed"),
        "{last}"
    );
    let key = IssueKey {
        slug: "csdx".into(),
        date: "2026-04-27".into(),
    };
    assert!(
        app.browse().find(&key).is_some(),
        "{:?}",
        app.browse().issues()
    );
    assert!(app.current().is_some(), "the new issue is shown");

    // Again: nothing new, and the library says the same.
    let seen = fetch_to_the_end(&mut app);
    assert!(seen.iter().any(|s| s.contains("电讯: 0 new")), "{seen:?}");
    let lib = DiskShelf::open(home.path().join("library")).expect("library");
    assert_eq!(lib.issues().len(), 1);
}

#[test]
fn a_reader_on_the_bundled_issue_opens_the_library_once_fetched() {
    let home = tempfile::tempdir().expect("temp dir");
    let server = Server::start();
    served(&server);
    subscribe(home.path(), &server.url("/enp.xml"), "测试电讯");
    let mut app = App::new(Library::default(), (100, 30), None);
    app.offer_fetch(Some(setup(home.path(), true)));
    let seen = fetch_to_the_end(&mut app);
    assert!(seen.iter().any(|s| s.contains("电讯: 1 new")), "{seen:?}");
    let shown = app.browse().current().map(|i| i.key.slug.clone());
    assert_eq!(shown.as_deref(), Some("csdx"));
}

#[test]
fn with_no_feeds_the_status_line_says_how_to_add_one() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Library::default(), (100, 30), None);
    app.offer_fetch(Some(setup(home.path(), true)));
    app.update(Action::Fetch);
    assert!(!app.fetch().running());
    let status = app.status_text().clone().unwrap_or_default();
    assert!(status.contains("dubao feed add"), "{status}");
}
