//! The command line for everyday use: `--version`, completions, the man page, the config
//! file (`config --path`, `config --default` loading back, a bad value named with its
//! line), and commands that change nothing saying so.

use std::path::Path;
use std::process::Output;

use crate::support;
use support::dubao;

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn version_completions_and_man() {
    let home = tempfile::tempdir().unwrap();
    let v = dubao(&["--version"], home.path());
    assert!(v.status.success());
    assert_eq!(
        out(&v).trim(),
        format!("dubao {}", env!("CARGO_PKG_VERSION"))
    );
    for shell in ["bash", "zsh", "fish"] {
        let c = dubao(&["completions", shell], home.path());
        assert!(c.status.success(), "{shell}: {}", err(&c));
        let script = out(&c);
        assert!(script.contains("bookmark") && script.contains("completions"));
    }
    let m = dubao(&["man"], home.path());
    assert!(m.status.success());
    let page = out(&m);
    assert!(
        page.starts_with(".ie") || page.contains(".TH dubao"),
        "{page:.200}"
    );
    assert!(page.contains("export"));
}

#[test]
fn every_argument_has_help_text() {
    use clap::CommandFactory;
    fn check(cmd: &clap::Command, path: &str) {
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if a.is_hide_set() || ["help", "version"].contains(&id) {
                continue;
            }
            assert!(a.get_help().is_some(), "{path} {id} has no help text");
        }
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            assert!(
                sub.get_about().is_some(),
                "{path} {} has no about",
                sub.get_name()
            );
            check(sub, &format!("{path} {}", sub.get_name()));
        }
    }
    check(&dubao::cli::Cli::command(), "dubao");
}

#[test]
fn the_default_config_written_to_the_path_loads_back_and_a_bad_value_is_named() {
    let home = tempfile::tempdir().unwrap();
    let p = dubao(&["config", "--path"], home.path());
    let path = out(&p).trim().to_string();
    assert_eq!(
        Path::new(&path),
        home.path().join("config/dubao/config.toml")
    );
    let d = dubao(&["config", "--default"], home.path());
    std::fs::create_dir_all(Path::new(&path).parent().unwrap()).unwrap();
    std::fs::write(&path, out(&d)).unwrap();
    let check = dubao(&["config"], home.path());
    assert!(out(&check).contains("(good)"), "{}", err(&check));
    let list = dubao(&["list"], home.path());
    assert!(list.status.success(), "{}", err(&list));

    let text = out(&d).replace("colors = \"auto\"", "colors = \"rainbow\"");
    let line = text.lines().position(|l| l.contains("rainbow")).unwrap() + 1;
    std::fs::write(&path, text).unwrap();
    for args in [&["list"][..], &[][..]] {
        let o = dubao(args, home.path());
        assert!(!o.status.success());
        let e = err(&o);
        assert_eq!(e.trim_end().lines().count(), 1, "{e}");
        assert!(
            e.contains(&format!("{path}:{line}: display.colors:")),
            "{e}"
        );
        assert!(!e.contains("panicked"), "{e}");
    }
    // The config commands still work, so a bad file can be replaced.
    assert!(
        dubao(&["config", "--default"], home.path())
            .status
            .success()
    );
}

#[test]
fn the_config_names_the_data_and_the_state_folder() {
    let home = tempfile::tempdir().unwrap();
    let export = dubao(&["export"], home.path());
    assert!(export.status.success(), "export without --json prints JSON");
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert!(json["issues"].is_array());
    let data = home.path().join("paper.json");
    std::fs::write(&data, &export.stdout).unwrap();
    let state = home.path().join("state");
    let cfg = home.path().join("config/dubao");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        format!(
            "[library]\ndata = [{:?}]\nstate_dir = {:?}\n",
            data.display().to_string(),
            state.display().to_string()
        ),
    )
    .unwrap();
    let list = dubao(&["list"], home.path());
    assert!(list.status.success(), "{}", err(&list));
    let id = out(&list)
        .lines()
        .next()
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    let add = dubao(&["bookmark", "add", &id], home.path());
    assert!(add.status.success(), "{}", err(&add));
    assert!(state.join("bookmarks.json").exists());
}

#[test]
fn commands_that_change_nothing_say_so() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // (`bookmarks` with none says so on a terminal: see cli::output's unit test.)
    let none = dubao(&["bookmarks"], h);
    assert!(none.status.success());
    assert_eq!(out(&none), "", "a pipe gets nothing");
    let list = out(&dubao(&["list"], h));
    let id = list
        .lines()
        .next()
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    let first = dubao(&["bookmark", "add", &id], h);
    assert_eq!(err(&first), "", "a change that happened is silent");
    let again = dubao(&["bookmark", "add", &id], h);
    assert!(again.status.success());
    assert!(
        err(&again).contains("already bookmarked"),
        "{}",
        err(&again)
    );
    let gone = dubao(&["bookmark", "remove", &id], h);
    assert_eq!(err(&gone), "");
    let missing = dubao(&["bookmark", "remove", &id], h);
    assert!(
        err(&missing).contains("nothing removed"),
        "{}",
        err(&missing)
    );
    let nohit = dubao(&["search", "不可能出现的词语"], h);
    assert!(nohit.status.success());
    assert!(err(&nohit).contains("no hits for 不可能出现的词语"));
    let empty = dubao(&["search", "  "], h);
    assert!(!empty.status.success());
    assert!(err(&empty).contains("empty query"));
}

#[test]
fn display_options_are_offered_only_where_text_is_set() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let list = out(&dubao(&["list"], h));
    let id = list
        .lines()
        .next()
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    let show = dubao(
        &[
            "show",
            &id,
            "--width",
            "30",
            "--wide-ambiguous",
            "--ascii-punct",
        ],
        h,
    );
    assert!(show.status.success(), "{}", err(&show));
    let before = dubao(&["--wide-ambiguous", "show", &id, "--width", "30"], h);
    assert!(before.status.success(), "{}", err(&before));
    for args in [
        &["list", "--wide-ambiguous"][..],
        &["bookmarks", "--ascii-punct"][..],
    ] {
        let o = dubao(args, h);
        assert!(!o.status.success(), "{args:?} should be refused");
        assert!(err(&o).contains("unexpected argument"), "{}", err(&o));
    }
}

#[test]
fn data_is_offered_only_where_articles_are_read() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    // Before or after the command, for the commands that read articles.
    for args in [&["--data", data, "list"][..], &["list", "--data", data][..]] {
        let o = dubao(args, h);
        assert!(o.status.success(), "{args:?}: {}", err(&o));
        assert!(out(&o).contains("hebei-daily/2022-07-01/01/1"), "{args:?}");
    }
    // Not offered where it would do nothing.
    for args in [
        &["bookmarks", "--data", data][..],
        &["config", "--data", data][..],
        &["feed", "list", "--data", data][..],
    ] {
        let o = dubao(args, h);
        assert!(!o.status.success(), "{args:?} should be refused");
        assert!(err(&o).contains("unexpected argument"), "{}", err(&o));
    }
}

#[test]
fn completions_and_man_into_a_closed_pipe_do_not_panic() {
    use std::process::Stdio;
    let home = tempfile::tempdir().unwrap();
    for args in [&["completions", "bash"][..], &["man"][..]] {
        let mut child = support::command(home.path())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let e = err(&o);
        assert!(!e.contains("panicked"), "{args:?}: {e}");
        assert!(o.status.success(), "{args:?}: {e}");
    }
}

#[test]
fn export_into_a_closed_pipe_is_quiet() {
    use std::process::Stdio;
    let home = tempfile::tempdir().unwrap();
    let mut child = support::command(home.path())
        .arg("export")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    let e = err(&o);
    assert!(!e.contains("Broken pipe"), "{e}");
    assert!(o.status.success(), "{e}");
}

#[test]
fn config_warns_of_a_data_path_that_is_not_there() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config/dubao");
    std::fs::create_dir_all(&dir).unwrap();
    let text = "[library]\ndata = [\"/nonexistent-dubao\"]\n";
    std::fs::write(dir.join("config.toml"), text).unwrap();
    let check = dubao(&["config"], home.path());
    assert!(check.status.success(), "{}", err(&check));
    let o = out(&check);
    assert!(!o.contains("(good)"), "{o}");
    assert!(
        o.contains("warning: [library] data: /nonexistent-dubao"),
        "{o}"
    );
}

#[test]
fn a_main_key_the_list_takes_is_refused_with_its_line() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config/dubao");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "[keys.main]\nquit = [\"j\"]\n").unwrap();
    let o = dubao(&["config"], home.path());
    assert!(!o.status.success());
    assert!(
        err(&o).contains("config.toml:2: keys.main.quit: `j`"),
        "{}",
        err(&o)
    );
}
