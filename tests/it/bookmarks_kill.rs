//! 150 `dubao bookmark add/remove` processes killed with SIGKILL at random moments
//! leave a store that loads, holds every bookmark nobody was removing, keeps every
//! change whose process finished, and has no temporary files after the next write.

use crate::support;

use std::collections::BTreeSet;
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use dubao::bookmarks::{Change, MarkStore};
use support::bookmarks::{Env, Rng, id, listed, run_ok, temp_files};

/// Ids by role: untouched keepers, ids only added, ids only removed, ids both.
const KEEP: std::ops::Range<usize> = 0..10;
const ADD_ONLY: std::ops::Range<usize> = 10..20;
const REMOVE_ONLY: std::ops::Range<usize> = 20..30;
const MIXED: std::ops::Range<usize> = 30..40;
/// The mixed ids that exist before the run.
const MIXED_BEFORE: std::ops::Range<usize> = 30..35;

const PROCESSES: usize = 150;
const WAVE: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Add(usize),
    Remove(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Finished,
    Killed,
}

fn pick(rng: &mut Rng) -> Action {
    let pick_in = |rng: &mut Rng, r: std::ops::Range<usize>| {
        r.start + rng.below((r.end - r.start) as u64) as usize
    };
    match rng.below(4) {
        0 => Action::Add(pick_in(rng, ADD_ONLY)),
        1 => Action::Remove(pick_in(rng, REMOVE_ONLY)),
        2 => Action::Add(pick_in(rng, MIXED)),
        _ => Action::Remove(pick_in(rng, MIXED)),
    }
}

fn spawn(env: &Env, action: Action) -> Child {
    let (verb, i) = match action {
        Action::Add(i) => ("add", i),
        Action::Remove(i) => ("remove", i),
    };
    env.dubao(&["bookmark", verb, &id(i)])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn killed_writers_never_lose_other_bookmarks() {
    let env = Env::new(40);
    let store = env.store();
    let before: Vec<usize> = KEEP.chain(REMOVE_ONLY).chain(MIXED_BEFORE).collect();
    let seed: Vec<Change> = before
        .iter()
        .map(|&i| Change::Add(env.bookmark(i)))
        .collect();
    store.apply(&seed).unwrap();
    let runs = kill_waves(&env, &store);
    check_outcomes(&env, &runs);

    // Nothing was ever taken for corrupt, and the next write clears killed writers'
    // temporary files.
    let names = support::bookmarks::names(store.dir());
    assert!(!names.iter().any(|n| n.contains(".corrupt-")), "{names:?}");
    run_ok(&mut env.dubao(&["bookmark", "add", &id(0)]));
    assert_eq!(temp_files(store.dir()), Vec::<String>::new());
}

/// Waves of writers killed at random moments until [`PROCESSES`] ran; after each wave
/// the store loads cleanly with its keepers. What each process did and how it ended.
fn kill_waves(env: &Env, store: &MarkStore) -> Vec<(Action, Outcome)> {
    let mut rng = Rng::from_time();
    eprintln!("kill test seed: {}", rng.0);
    // Kill delays are drawn from 0..window; the window adapts so that roughly half the
    // processes are killed (some before they lock, some while writing, some not at all).
    let mut window = Duration::from_millis(6);
    let mut runs: Vec<(Action, Outcome)> = Vec::new();
    let mut waves_with_stale_temp = 0;
    let started = Instant::now();
    while runs.len() < PROCESSES {
        let n = WAVE.min(PROCESSES - runs.len());
        runs.extend(one_wave(env, &mut rng, n, window));
        if !temp_files(store.dir()).is_empty() {
            waves_with_stale_temp += 1;
        }
        // Between waves the store always loads cleanly, keepers intact.
        let (state, warning) = store.load().unwrap();
        assert_eq!(warning, None, "after {} processes", runs.len());
        for i in KEEP {
            assert_eq!(state.bookmark(&id(i)), Some(&env.bookmark(i)));
        }
        let killed = runs.iter().filter(|r| r.1 == Outcome::Killed).count();
        let share = killed as f64 / runs.len() as f64;
        if share > 0.7 {
            window = window.mul_f64(1.5);
        } else if share < 0.3 {
            window = window.div_f64(1.5).max(Duration::from_micros(200));
        }
    }
    let killed = runs.iter().filter(|r| r.1 == Outcome::Killed).count();
    eprintln!(
        "{PROCESSES} processes in {:?}: {killed} killed, {} finished; \
         {waves_with_stale_temp} waves left a temp file behind; final window {window:?}",
        started.elapsed(),
        PROCESSES - killed
    );
    assert!(
        killed >= 15 && PROCESSES - killed >= 15,
        "want a mix of killed and finished processes, got {killed} killed"
    );
    runs
}

/// `n` writers started at once, each killed at a random moment within `window`.
fn one_wave(env: &Env, rng: &mut Rng, n: usize, window: Duration) -> Vec<(Action, Outcome)> {
    let t0 = Instant::now();
    let mut wave: Vec<(Action, Child, Duration)> = (0..n)
        .map(|_| {
            let a = pick(rng);
            let at = window.mul_f64(rng.below(1000) as f64 / 1000.0);
            (a, spawn(env, a), at)
        })
        .collect();
    wave.sort_by_key(|w| w.2);
    for (_, child, at) in &mut wave {
        if let Some(wait) = at.checked_sub(t0.elapsed()) {
            std::thread::sleep(wait);
        }
        // SIGKILL; a child that already exited is a zombie and ignores it.
        child.kill().unwrap();
    }
    wave.into_iter()
        .map(|(action, child, _)| {
            let out = child.wait_with_output().unwrap();
            let outcome = match (out.status.code(), out.status.signal()) {
                (Some(0), _) => Outcome::Finished,
                (_, Some(9)) => Outcome::Killed,
                _ => panic!(
                    "{action:?} failed without being killed: {} {}",
                    out.status,
                    String::from_utf8_lossy(&out.stderr)
                ),
            };
            (action, outcome)
        })
        .collect()
}

/// The file loads, through the CLI too, with no duplicates; every bookmark there is
/// there because of what ran, and none a finished process changed is lost.
fn check_outcomes(env: &Env, runs: &[(Action, Outcome)]) {
    let listed: Vec<String> = listed(env).into_iter().map(|b| b.id).collect();
    let ids: BTreeSet<String> = listed.iter().cloned().collect();
    assert_eq!(ids.len(), listed.len(), "no duplicates: {listed:?}");
    let ran = |want: Action, finished_only: bool| {
        runs.iter()
            .any(|&(a, o)| a == want && (!finished_only || o == Outcome::Finished))
    };
    for i in KEEP {
        assert!(ids.contains(&id(i)), "keeper {i} lost");
    }
    for i in ADD_ONLY {
        let there = ids.contains(&id(i));
        if ran(Action::Add(i), true) {
            assert!(
                there,
                "{i} was added by a process that finished, and is lost"
            );
        }
        if there {
            assert!(ran(Action::Add(i), false), "{i} appeared from nowhere");
        }
    }
    for i in REMOVE_ONLY {
        let there = ids.contains(&id(i));
        if ran(Action::Remove(i), true) {
            assert!(
                !there,
                "{i} was removed by a process that finished, and is back"
            );
        }
        if !there {
            assert!(ran(Action::Remove(i), false), "{i} vanished with no remove");
        }
    }
    for i in MIXED {
        if ids.contains(&id(i)) && !MIXED_BEFORE.contains(&i) {
            assert!(ran(Action::Add(i), false), "{i} appeared from nowhere");
        }
    }
    let known: BTreeSet<String> = (0..40).map(id).collect();
    assert!(ids.is_subset(&known), "{ids:?}");
}
