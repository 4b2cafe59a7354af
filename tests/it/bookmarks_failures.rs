//! The CLI when the store is in trouble: a corrupt file is kept aside and reported, a
//! write that fails (file too large for the disk, a read-only folder, a data folder
//! that cannot exist) says so in one line and leaves the old file as it was, a file
//! from a newer dubao is never overwritten, and bookmarks on articles that are no
//! longer loaded are kept.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dubao::bookmarks::{Bookmark, Change};
use support::bookmarks::{Env, id, listed, names, run_ok, temp_files};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// One line, ending in a newline, starting with `dubao: `.
fn assert_one_line(msg: &str) {
    assert!(msg.starts_with("dubao: "), "{msg:?}");
    assert_eq!(msg.matches('\n').count(), 1, "{msg:?}");
    assert!(msg.ends_with('\n'), "{msg:?}");
    assert!(!msg.contains(" at path "), "no temporary names: {msg:?}");
}

/// A store with bookmarks on articles 0..n, made through the CLI.
fn env_with_bookmarks(n: usize) -> Env {
    let env = Env::new(30);
    for i in 0..n {
        run_ok(&mut env.dubao(&["bookmark", "add", &id(i)]));
    }
    env
}

#[test]
fn a_corrupt_file_is_kept_aside_and_reported() {
    let env = env_with_bookmarks(2);
    let file = env.store().bookmarks_path();
    let garbage = b"{\"version\": 1, \"bookmarks\": [{\"id\": \"test/2026-01-01/01/0\", \"pap";
    std::fs::write(&file, garbage).unwrap();

    // Listing succeeds (exit 0: nothing is lost, the file is kept) and says on stderr
    // where the file went.
    let out = run_ok(&mut env.dubao(&["bookmarks"]));
    let msg = stderr(&out);
    assert_one_line(&msg);
    assert!(
        msg.starts_with("dubao: bookmarks file was corrupt ("),
        "{msg}"
    );
    let aside = PathBuf::from(msg.trim_end().rsplit("; moved to ").next().unwrap());
    assert_eq!(aside.parent(), file.parent());
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("bookmarks.json.corrupt-20"),
        "{aside:?}"
    );
    assert_eq!(std::fs::read(&aside).unwrap(), garbage);
    assert_eq!(out.stdout, b"");

    // Told once; after that the store works as new and the corrupt copy stays.
    assert_eq!(listed(&env), Vec::<Bookmark>::new());
    run_ok(&mut env.dubao(&["bookmark", "add", &id(5)]));
    assert_eq!(listed(&env).len(), 1);
    assert_eq!(std::fs::read(&aside).unwrap(), garbage);
}

#[test]
fn a_corrupt_file_met_by_add_is_kept_aside_and_the_add_is_saved() {
    let env = env_with_bookmarks(1);
    let file = env.store().reading_path();
    std::fs::write(&file, "not json at all").unwrap();
    std::fs::write(env.store().bookmarks_path(), "").unwrap();
    let out = run_ok(&mut env.dubao(&["bookmark", "add", &id(3)]));
    let msg = stderr(&out);
    assert_one_line(&msg);
    // Both files were bad; one line names both new places.
    assert!(msg.contains("bookmarks file was corrupt"), "{msg}");
    assert!(msg.contains("reading-state file was corrupt"), "{msg}");
    let corrupt: Vec<String> = names(env.store().dir())
        .into_iter()
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert_eq!(corrupt.len(), 2, "{corrupt:?}");
    for n in &corrupt {
        assert!(msg.contains(n.as_str()), "{msg} should name {n}");
    }
    let ids: Vec<String> = listed(&env).into_iter().map(|b| b.id).collect();
    assert_eq!(ids, vec![id(3)]);
}

/// A write that fails part way (the file-size limit stands in for a full disk: the
/// kernel refuses the write with EFBIG after 512 bytes, as ENOSPC would): the command
/// fails with one line, the old file is byte for byte as it was, and no temporary
/// file is left.
#[test]
fn a_write_that_fails_leaves_the_old_file() {
    let env = env_with_bookmarks(5);
    let file = env.store().bookmarks_path();
    let old = std::fs::read(&file).unwrap();
    assert!(old.len() > 512, "the new file must pass the limit");
    let mut c = Command::new("sh");
    env.isolate(&mut c);
    c.arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_dubao"))
        .arg("--data")
        .arg(&env.lib)
        .args(["bookmark", "add", &id(9)]);
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let msg = stderr(&out);
    assert_one_line(&msg);
    assert!(
        msg.starts_with(&format!("dubao: {}: could not save (", file.display())),
        "{msg}"
    );
    assert!(msg.contains("(cannot write: File too large"), "{msg}");
    assert_eq!(std::fs::read(&file).unwrap(), old);
    assert_eq!(temp_files(env.store().dir()), Vec::<String>::new());
    assert_eq!(listed(&env).len(), 5);
}

/// Makes a folder read-only for the length of a test, for root too when it can:
/// `chmod 555` stops other users; root ignores permission bits, so then the folder is
/// made immutable (`chattr +i`, which needs CAP_LINUX_IMMUTABLE and a file system
/// that has the flag). Undone on drop.
struct ReadOnly {
    dir: PathBuf,
    how: &'static str,
}

impl ReadOnly {
    fn new(dir: &Path) -> Option<ReadOnly> {
        use std::os::unix::fs::PermissionsExt;
        let probe = dir.join(".write-probe");
        let writable = || {
            let ok = std::fs::write(&probe, "x").is_ok();
            let _ = std::fs::remove_file(&probe);
            ok
        };
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        if !writable() {
            return Some(ReadOnly {
                dir: dir.into(),
                how: "chmod",
            });
        }
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let chattr = Command::new("chattr").arg("+i").arg(dir).output();
        if chattr.is_ok_and(|o| o.status.success()) {
            if !writable() {
                return Some(ReadOnly {
                    dir: dir.into(),
                    how: "chattr",
                });
            }
            let _ = Command::new("chattr").arg("-i").arg(dir).status();
        }
        None
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.how == "chattr" {
            let _ = Command::new("chattr").arg("-i").arg(&self.dir).status();
        }
        let _ = std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_read_only_folder_fails_add_and_keeps_the_old_file() {
    let env = env_with_bookmarks(3);
    let dir = env.store().dir().to_path_buf();
    let file = env.store().bookmarks_path();
    let old = std::fs::read(&file).unwrap();
    let Some(guard) = ReadOnly::new(&dir) else {
        eprintln!(
            "SKIPPED: cannot make a read-only folder here (root without chattr +i); \
             the path-under-a-file and file-size-limit tests cover failed writes"
        );
        return;
    };
    eprintln!("read-only folder made with {}", guard.how);
    let out = env.dubao(&["bookmark", "add", &id(7)]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let msg = stderr(&out);
    assert_one_line(&msg);
    assert!(
        msg.starts_with(&format!("dubao: {}: could not save (", file.display())),
        "{msg}"
    );
    assert!(
        msg.contains("(cannot create a temporary file in the folder: "),
        "{msg}"
    );
    assert!(
        msg.contains("Permission denied") || msg.contains("Operation not permitted"),
        "{msg}"
    );
    assert!(
        !msg.contains(".bookmarks.json."),
        "no temporary names for the user: {msg}"
    );
    // Reading still works, and the old file is untouched.
    assert_eq!(listed(&env).len(), 3);
    assert_eq!(temp_files(&dir), Vec::<String>::new());
    drop(guard);
    assert_eq!(std::fs::read(&file).unwrap(), old);
}

#[test]
fn a_data_folder_under_a_file_fails_add_in_one_line() {
    let env = Env::new(5);
    std::fs::write(env.data_home(), "a file where the data folder should be").unwrap();
    let out = env.dubao(&["bookmark", "add", &id(1)]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    assert_one_line(&msg);
    let dir = env.data_home().join("dubao");
    assert!(
        msg.starts_with(&format!(
            "dubao: {}: cannot create the folder, so nothing was saved: ",
            dir.display()
        )),
        "{msg}"
    );
    assert_eq!(
        std::fs::read_to_string(env.data_home()).unwrap(),
        "a file where the data folder should be"
    );
}

#[test]
fn a_newer_file_is_listed_but_never_overwritten() {
    let env = env_with_bookmarks(2);
    let file = env.store().bookmarks_path();
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("\"version\": 1", "\"version\": 7");
    std::fs::write(&file, &text).unwrap();

    let out = run_ok(&mut env.dubao(&["bookmarks", "--json"]));
    let msg = stderr(&out);
    assert_one_line(&msg);
    assert!(msg.contains("newer dubao (format version 7)"), "{msg}");
    let shown: Vec<Bookmark> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown.len(), 2);

    for args in [["bookmark", "add", &id(4)], ["bookmark", "remove", &id(0)]] {
        let out = env.dubao(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let msg = stderr(&out);
        assert_one_line(&msg);
        assert!(
            msg.starts_with(&format!(
                "dubao: {}: written by a newer dubao (format version 7",
                file.display()
            )),
            "{msg}"
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    }
}

#[test]
fn bookmarks_on_articles_no_longer_loaded_are_kept() {
    let env = Env::new(5);
    let gone = Bookmark {
        id: "hebei-daily/2019-03-02/04/7".into(),
        paper: "河北日报".into(),
        date: "2019-03-02".into(),
        title: "一篇不在库里的文章".into(),
        anchor: Default::default(),
        created: 1_500_000_000,
    };
    env.store().apply(&[Change::Add(gone.clone())]).unwrap();
    run_ok(&mut env.dubao(&["bookmark", "add", &id(2)]));
    let got = listed(&env);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1], gone, "older one last, with everything stored");
    let out = run_ok(&mut env.dubao(&["bookmarks"]));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.ends_with("hebei-daily/2019-03-02/04/7\t河北日报\t2019-03-02\t一篇不在库里的文章\n"),
        "{text}"
    );
    // And it can be removed though its article is not loaded.
    run_ok(&mut env.dubao(&["bookmark", "remove", &gone.id]));
    assert_eq!(listed(&env).len(), 1);
}
