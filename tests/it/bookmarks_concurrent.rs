//! Many real `dubao` processes changing bookmarks at once lose none of each other's
//! changes.

use crate::support;

use std::collections::BTreeSet;
use std::process::Child;

use dubao::bookmarks::Change;
use support::bookmarks::{Env, id, listed, run_ok, temp_files};

/// Start every command first, then wait for all, so they really overlap.
fn run_all(children: Vec<Child>) {
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a child failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    }
}

#[test]
fn twenty_concurrent_adds_lose_none() {
    let env = Env::new(24);
    let children: Vec<Child> = (0..20)
        .map(|i| {
            env.dubao(&["bookmark", "add", &id(i)])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    run_all(children);

    let got = listed(&env);
    let ids: BTreeSet<String> = got.iter().map(|b| b.id.clone()).collect();
    let want: BTreeSet<String> = (0..20).map(id).collect();
    assert_eq!(ids, want);
    assert_eq!(got.len(), 20, "no duplicates");
    for b in &got {
        let i: usize = b.id.rsplit('/').next().unwrap().parse().unwrap();
        assert_eq!(b.title, format!("第{i}篇文章"));
        assert_eq!(
            (b.paper.as_str(), b.date.as_str()),
            ("测试日报", "2026-01-01")
        );
    }
    assert_eq!(temp_files(env.store().dir()), Vec::<String>::new());
}

#[test]
fn concurrent_adds_and_removes_keep_each_others_changes() {
    let env = Env::new(40);
    // Ten bookmarks to remove and ten nobody touches, made in one go.
    let seed: Vec<Change> = (0..20).map(|i| Change::Add(env.bookmark(i))).collect();
    env.store().apply(&seed).unwrap();

    let mut children = Vec::new();
    for i in 0..10 {
        for args in [
            vec!["bookmark".to_string(), "remove".into(), id(i)],
            vec!["bookmark".to_string(), "add".into(), id(20 + i)],
        ] {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            children.push(
                env.dubao(&args)
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap(),
            );
        }
    }
    run_all(children);

    let ids: BTreeSet<String> = listed(&env).into_iter().map(|b| b.id).collect();
    let want: BTreeSet<String> = (10..30).map(id).collect();
    assert_eq!(ids, want);
    // The untouched ten are exactly as they were made.
    let (state, warning) = env.store().load().unwrap();
    assert_eq!(warning, None);
    for i in 10..20 {
        assert_eq!(state.bookmark(&id(i)), Some(&env.bookmark(i)));
    }
    // A removed bookmark can come back.
    run_ok(&mut env.dubao(&["bookmark", "add", &id(3)]));
    assert!(env.store().load().unwrap().0.is_bookmarked(&id(3)));
}

#[test]
fn readers_meeting_one_corrupt_file_move_it_aside_once() {
    let env = Env::new(5);
    let dir = env.store().dir().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(env.store().bookmarks_path(), "{{{{").unwrap();
    let children: Vec<Child> = (0..10)
        .map(|_| {
            env.dubao(&["bookmarks"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut warnings = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        let err = String::from_utf8(out.stderr).unwrap();
        if !err.is_empty() {
            warnings.push(err);
        }
    }
    let aside: Vec<String> = support::bookmarks::names(&dir)
        .into_iter()
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].trim_end().ends_with(&aside[0]), "{warnings:?}");
    assert_eq!(
        std::fs::read_to_string(dir.join(&aside[0])).unwrap(),
        "{{{{"
    );
}
