//! The one test-support module of the integration tests: the real `dubao` binary run
//! with every folder it touches inside a temp dir ([`command`], [`dubao`]), and the set-ups
//! the test families share: a pseudo-terminal ([`pty`]), bookmark stores ([`bookmarks`]),
//! a misbehaving HTTP server for feeds ([`feeds`]), generated pictures and articles
//! with photos ([`photos`]) and page archives for the library ([`library`]). Each test module takes it with `use crate::support;`.

pub mod bookmarks;
pub mod feeds;
pub mod library;
pub mod patterns;
pub mod photos;
pub mod pty;

use std::path::Path;
use std::process::{Command, Output};

/// The real binary, run in `home` with HOME and every XDG folder inside it, so no test
/// ever reads or writes the real home folder; `NO_COLOR` is left unset.
pub fn command(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dubao"));
    c.current_dir(home)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env_remove("NO_COLOR");
    c
}

/// `dubao ARGS` in `home` (see [`command`]), run to the end.
pub fn dubao(args: &[&str], home: &Path) -> Output {
    command(home).args(args).output().expect("run dubao")
}

/// The data folder [`command`] gives the binary under `home`.
pub fn data_home(home: &Path) -> std::path::PathBuf {
    home.join("data")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A small xorshift generator: the kill test's random moments, reproducible from the
/// printed seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn from_time() -> Rng {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64;
        Rng(t | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// [`command`] with its arguments, for tests that spawn the binary and wait on it.
pub fn command_with(args: &[&str], home: &Path) -> Command {
    let mut c = command(home);
    c.args(args);
    c
}
