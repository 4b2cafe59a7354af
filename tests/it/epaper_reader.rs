//! The reader and e-papers: on a fresh install the status line says how to get today's
//! paper; `F` fetches an e-paper subscription (its newest issue, from a local copy of a
//! site whose newest day is the fixture's) on its own thread into the library.

use crate::support;

use std::time::{Duration, Instant};

use dubao::app::fetcher::FetchSetup;
use dubao::app::{Action, App};
use dubao::feed::fetch::Options;
use dubao::feed::subs::Subscriptions;
use dubao::library::Shelf;
use dubao::library::disk::DiskShelf;
use dubao::model::Library;
use support::feeds::Server;

fn setup(home: &std::path::Path) -> FetchSetup {
    FetchSetup {
        data_dir: home.join("data"),
        library_dir: home.join("library"),
        open_library: true,
        options: Options::default().with_timeout(5.0),
        nothing_followed: false,
    }
}

#[test]
fn a_fresh_install_says_how_to_get_todays_paper() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Library::default(), (120, 30), None);
    app.offer_fetch(Some(setup(home.path())));
    app.hint_if_nothing_followed();
    assert!(
        app.hints().contains("dubao feed add 人民日报"),
        "{}",
        app.hints()
    );
    app.update(Action::Fetch);
    let status = app.status_text().clone().unwrap_or_default();
    assert!(
        status.contains("dubao feed add 人民日报") && status.contains("dubao papers"),
        "{status}"
    );
}

#[test]
fn f_fetches_an_e_paper_into_the_library() {
    let home = tempfile::tempdir().expect("temp dir");
    let server = Server::start();
    // Today's China date, served from our small site's pages (the site's own markup
    // names its date: the page list and articles are the fixture's, the date today's).
    let today = dubao::epaper::run::china_today();
    let (ym, d) = (
        today.format("%Y%m").to_string(),
        today.format("%d").to_string(),
    );
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/epaper");
    for (kind, n) in [
        ("layout", "node_01"),
        ("layout", "node_02"),
        ("layout", "node_03"),
        ("content", "content_1"),
        ("content", "content_2"),
        ("content", "content_3"),
        ("content", "content_4"),
        ("content", "content_5"),
    ] {
        let path = root.join(format!("csrb/pc/{kind}/202601/02/{n}.html"));
        let body = std::fs::read_to_string(path)
            .expect("fixture")
            .replace("202601/02", &format!("{ym}/{d}"))
            .replace("2026年01月02日", &today.format("%Y年%m月%d日").to_string());
        server.route(
            &format!("/csrb/pc/{kind}/{ym}/{d}/{n}.html"),
            support::feeds::Route::Feed {
                body: body.into_bytes(),
                etag: None,
            },
        );
    }
    let s = setup(home.path());
    Subscriptions::update(&s.data_dir, |subs| {
        subs.add(&server.url("/csrb/pc/layout/"), None)?;
        subs.feeds[0].epaper = true;
        Ok::<(), dubao::feed::subs::SubsError>(())
    })
    .expect("subscribe");
    let mut app = App::new(Library::default(), (120, 30), None);
    app.offer_fetch(Some(s));
    app.update(Action::Fetch);
    let started = Instant::now();
    let mut seen = Vec::new();
    while app.fetch().running() {
        assert!(started.elapsed() < Duration::from_secs(60), "{seen:?}");
        std::thread::sleep(Duration::from_millis(10));
        app.update(Action::Tick(Instant::now()));
        if let Some(st) = &app.status_text() {
            seen.push(st.clone());
        }
    }
    let last = seen.last().cloned().unwrap_or_default();
    assert!(last.contains("4 new"), "{seen:?}");
    let shelf = DiskShelf::open(home.path().join("library")).expect("library");
    let issues = shelf.issues();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].key.date, today.to_string());
}
