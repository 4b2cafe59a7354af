//! A real full disk and a real read-only file system, where the machine allows it: in
//! a private mount namespace (`unshare -m`, which needs CAP_SYS_ADMIN) a 16 KiB tmpfs
//! is the data folder; it is filled up, then remounted read-only. Where mounting is
//! not allowed the test says so and checks nothing; the file-size-limit and
//! `chattr`/`chmod` tests in `bookmarks_failures.rs` cover those machines.

use crate::support;

use std::process::Command;

use support::bookmarks::{Env, id};

const SCRIPT: &str = r#"
set -u
mnt=$1; out=$2; dubao=$3; lib=$4; id0=$5; id1=$6; id2=$7
mount -t tmpfs -o size=16k tmpfs "$mnt" 2>/dev/null || exit 77
export XDG_DATA_HOME="$mnt"
"$dubao" --data "$lib" bookmark add "$id0" || exit 10
cp "$mnt/dubao/bookmarks.json" "$out/before.json"
head -c 1000000 /dev/zero > "$mnt/filler" 2>/dev/null
"$dubao" --data "$lib" bookmark add "$id1" 2> "$out/full.err"
echo $? > "$out/full.rc"
cp "$mnt/dubao/bookmarks.json" "$out/after-full.json"
ls -A "$mnt/dubao" > "$out/full.ls"
rm "$mnt/filler"
mount -o remount,ro "$mnt" || exit 11
"$dubao" --data "$lib" bookmark add "$id2" 2> "$out/ro.err"
echo $? > "$out/ro.rc"
"$dubao" --data "$lib" bookmarks > "$out/ro.list" 2>&1
cp "$mnt/dubao/bookmarks.json" "$out/after-ro.json"
ls -A "$mnt/dubao" > "$out/ro.ls"
exit 0
"#;

#[test]
fn a_full_disk_and_a_read_only_mount_keep_the_old_file() {
    let env = Env::new(5);
    let mnt = env.tmp.path().join("mnt");
    let out_dir = env.tmp.path().join("out");
    std::fs::create_dir_all(&mnt).unwrap();
    std::fs::create_dir_all(&out_dir).unwrap();
    let can_unshare = Command::new("unshare")
        .args(["-m", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !can_unshare {
        eprintln!("SKIPPED: no private mount namespace here (unshare -m)");
        return;
    }
    let mut c = Command::new("unshare");
    env.isolate(&mut c);
    let status = c
        .args(["-m", "sh", "-c", SCRIPT, "sh"])
        .arg(&mnt)
        .arg(&out_dir)
        .arg(env!("CARGO_BIN_EXE_dubao"))
        .arg(&env.lib)
        .args([id(0), id(1), id(2)])
        .status();
    match status.map(|s| s.code()) {
        Ok(Some(0)) => {}
        Ok(Some(77)) => {
            eprintln!("SKIPPED: cannot mount a tmpfs in a private namespace here");
            return;
        }
        other => panic!("set-up failed: {other:?}"),
    }
    let read = |name: &str| std::fs::read_to_string(out_dir.join(name)).unwrap();
    let before = read("before.json");
    assert!(before.contains(&id(0)));
    let file = mnt.join("dubao").join("bookmarks.json");

    // Full disk: one line naming the file and the trouble; old file, no temp file.
    assert_eq!(read("full.rc").trim(), "1");
    let msg = read("full.err");
    assert_eq!(msg.lines().count(), 1, "{msg}");
    assert!(
        msg.starts_with(&format!("dubao: {}: could not save (", file.display())),
        "{msg}"
    );
    assert!(msg.contains("No space left on device"), "{msg}");
    assert!(!msg.contains(" at path "), "{msg}");
    assert_eq!(read("after-full.json"), before);
    assert_eq!(read("full.ls"), "bookmarks.json\nstate.lock\n");

    // Read-only file system: the same, and listing still works.
    assert_eq!(read("ro.rc").trim(), "1");
    let msg = read("ro.err");
    assert_eq!(msg.lines().count(), 1, "{msg}");
    assert!(
        msg.starts_with(&format!("dubao: {}: could not save (", file.display())),
        "{msg}"
    );
    assert!(msg.contains("Read-only file system"), "{msg}");
    assert_eq!(read("after-ro.json"), before);
    assert_eq!(read("ro.ls"), "bookmarks.json\nstate.lock\n");
    assert!(read("ro.list").starts_with(&id(0)), "{}", read("ro.list"));
}
