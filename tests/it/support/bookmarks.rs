//! Shared set-up for the bookmark process tests: a temp home, a library of many
//! articles as `lib.json`, and `dubao` commands that only ever see the temp folders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dubao::bookmarks::{Bookmark, MarkStore};
use dubao::model::{Article, ArticleId, Issue, Library, Page, Paragraph};

pub const PAPER: &str = "测试日报";
pub const DATE: &str = "2026-01-01";

/// A temp folder with `lib.json` (`n` articles, as given to [`Env::new`]) and an empty data home.
pub struct Env {
    pub tmp: tempfile::TempDir,
    pub lib: PathBuf,
}

impl Env {
    pub fn new(n: usize) -> Env {
        let tmp = tempfile::tempdir().unwrap();
        let articles = (0..n)
            .map(|i| Article {
                id: ArticleId(id(i)),
                title: format!("第{i}篇文章"),
                paragraphs: vec![Paragraph::text(format!("正文{i}。"))],
                ..Default::default()
            })
            .collect();
        let lib = Library {
            issues: vec![Issue {
                paper: PAPER.into(),
                slug: "test".into(),
                date: DATE.into(),
                pages: vec![Page {
                    scan: None,
                    number: "01".into(),
                    section: None,
                    lines: vec![],
                    articles,
                }],
            }],
        };
        let path = tmp.path().join("lib.json");
        std::fs::write(&path, serde_json::to_string(&lib).unwrap()).unwrap();
        std::fs::create_dir_all(tmp.path().join("home")).unwrap();
        Env { tmp, lib: path }
    }

    /// `XDG_DATA_HOME` of every child.
    pub fn data_home(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    /// The folder the children's store lives in.
    pub fn store(&self) -> MarkStore {
        MarkStore::new(self.data_home().join("dubao"))
    }

    /// `dubao --data lib.json ARGS`, with HOME and XDG_DATA_HOME in the temp folder.
    pub fn dubao(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_dubao"));
        self.isolate(&mut c);
        c.arg("--data").arg(&self.lib).args(args);
        c
    }

    /// Point a command's home and data folders into the temp folder.
    pub fn isolate(&self, c: &mut Command) {
        c.env("HOME", self.tmp.path().join("home"))
            .env("XDG_DATA_HOME", self.data_home())
            .env_remove("XDG_CONFIG_HOME");
    }

    /// The bookmark the CLI makes for article `i` (its `created` aside).
    pub fn bookmark(&self, i: usize) -> Bookmark {
        Bookmark {
            id: id(i),
            paper: PAPER.into(),
            date: DATE.into(),
            title: format!("第{i}篇文章"),
            anchor: Default::default(),
            created: 1_700_000_000 + i as u64,
        }
    }
}

/// The id of article `i`.
pub fn id(i: usize) -> String {
    format!("test/{DATE}/01/{i}")
}

/// Run to the end; panic with its stderr when it fails.
pub fn run_ok(c: &mut Command) -> Output {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{c:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `dubao bookmarks --json`, parsed; asserts it succeeds with nothing on stderr.
pub fn listed(env: &Env) -> Vec<Bookmark> {
    let out = run_ok(&mut env.dubao(&["bookmarks", "--json"]));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Names in `dir` that end in `.tmp` (temporary files of a write).
pub fn temp_files(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// Every name in `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

pub use super::Rng;
