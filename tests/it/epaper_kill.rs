//! A fetch of an e-paper killed at a random moment leaves the library whole (it opens,
//! every issue loads) and the next fetch completes the day, adding nothing twice.

use crate::support;

use std::time::Duration;

use dubao::library::Shelf;
use dubao::library::disk::DiskShelf;
use support::feeds::{Server, dubao, stderr, stdout};

#[test]
fn a_fetch_killed_at_a_random_moment_is_completed_by_the_next() {
    let server = Server::start();
    super::epaper_fetch::serve_dir(
        &server,
        &std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/epaper"),
    );
    let mut rng = support::Rng::from_time();
    println!("seed {}", rng.0);
    for round in 0..3 {
        let home = tempfile::tempdir().expect("temp dir");
        let add = dubao(
            home.path(),
            &["feed", "add", &server.url("/csrb/pc/layout/")],
        );
        assert!(add.status.success(), "{}", stderr(&add));
        // A pause of 40 ms between requests: the 8 pages and articles take about 0.4 s.
        let mut child = support::command_with(
            &["fetch", "--date", "2026-01-02", "--pause", "0.04"],
            home.path(),
        )
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn dubao fetch");
        let at = rng.below(600);
        std::thread::sleep(Duration::from_millis(at));
        let _ = child.kill();
        let _ = child.wait();
        let lib = support::data_home(home.path()).join("dubao/library");
        if lib.exists() {
            let shelf = DiskShelf::open(&lib).expect("the library opens after the kill");
            for i in shelf.issues() {
                shelf.load_issue(&i.key).expect("every issue loads");
            }
        }
        let next = dubao(
            home.path(),
            &["fetch", "--date", "2026-01-02", "--pause", "0"],
        );
        assert!(
            next.status.success(),
            "round {round}, killed at {at} ms: {}",
            stderr(&next)
        );
        let list = stdout(&dubao(home.path(), &["list", "--json"]));
        assert_eq!(
            list.matches("\"csrb/2026-01-02/").count(),
            4,
            "round {round}, killed at {at} ms: {list}"
        );
        let again = dubao(
            home.path(),
            &["fetch", "--date", "2026-01-02", "--pause", "0"],
        );
        assert!(
            stdout(&again).contains("already in the library"),
            "{}",
            stdout(&again)
        );
    }
}
