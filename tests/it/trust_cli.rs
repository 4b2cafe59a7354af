//! Exit codes that tell, on the real binary: an import that read nothing, an unknown
//! paper, an impossible date and a config value out of its range all exit 1 with one
//! line saying why; part of the work done is 0 with a warning. The CLI's dates and
//! search filters are the reader's.

use crate::support;

use support::{dubao, stderr, stdout};

fn fails_with(o: &std::process::Output, needle: &str) {
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(o);
    assert!(err.contains(needle), "{needle:?} not in {err:?}");
    assert!(err.lines().last().unwrap().starts_with("dubao: "), "{err}");
}

#[test]
fn an_import_that_reads_nothing_fails_and_part_of_one_warns() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let binary = h.join("binary.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 255]).unwrap();
    let empty = h.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let folder = h.join("nothing");
    std::fs::create_dir(&folder).unwrap();
    for path in [h.join("nonexistent"), binary.clone(), empty, folder] {
        let o = dubao(&["import", path.to_str().unwrap()], h);
        fails_with(&o, "nothing imported");
        assert_eq!(stdout(&o), "", "no summary of nothing");
    }
    let pages = h.join("pages");
    support::library::write_archive(&pages, 1, 2);
    let o = dubao(
        &["import", pages.to_str().unwrap(), binary.to_str().unwrap()],
        h,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("2 pages") && stdout(&o).contains("1 skipped"));
    assert!(stderr(&o).contains("binary.txt"), "{}", stderr(&o));
}

#[test]
fn unknown_papers_and_impossible_dates_are_errors() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    fails_with(
        &dubao(&["list", "--paper", "nosuch"], h),
        "nosuch: no such paper; there are: 河北日报 (hebei-daily)",
    );
    fails_with(
        &dubao(&["search", "衡水", "--paper", "nosuch"], h),
        "河北日报 (hebei-daily)",
    );
    fails_with(
        &dubao(&["search", "衡水", "--from", "2023-13-01"], h),
        "no month 13",
    );
    fails_with(&dubao(&["list", "--date", "2023-02-31"], h), "no day 31");
    fails_with(&dubao(&["list", "--to", "2022-7"], h), "not a date");
    fails_with(&dubao(&["search", "hbrb 2022-02-30: 衡水"], h), "no day 30");
    // By pinyin initials, and months and years as the reader takes them.
    let ok = dubao(&["list", "--paper", "hbrb", "--date", "2022-07"], h);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert_eq!(stdout(&ok).lines().count(), 5);
    let o = dubao(&["search", "衡水", "--from", "2022-07", "--to", "2022"], h);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("衡水"));
    let none = stdout(&dubao(&["search", "衡水", "--from", "2022-08"], h));
    assert_eq!(none, "");
}

#[test]
fn the_search_line_takes_the_readers_filters() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let o = dubao(&["search", "hbrb 2022-07: 衡水", "--json"], h);
    assert!(o.status.success(), "{}", stderr(&o));
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!hits.as_array().unwrap().is_empty());
    assert_eq!(hits[0]["slug"], "hebei-daily");
    let o = dubao(&["search", "2021..2022-06: 衡水"], h);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "", "out of range: nothing");
    fails_with(&dubao(&["search", "hbrb 2022:"], h), "empty query");
}

#[test]
fn a_config_value_out_of_its_range_names_file_line_and_range() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config").join("dubao");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "[reading]\nmeasure = 5\n").unwrap();
    let o = dubao(&["list"], home.path());
    fails_with(
        &o,
        "config.toml:2: reading.measure: 5 cells is outside the range 20..=400",
    );
    assert_eq!(stderr(&o).lines().count(), 1);
}
