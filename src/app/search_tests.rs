//! `n`/`N` across an archive search with more hits than one screen fetches: they walk
//! every hit, fetching more as needed, and wrap to the very first and the very last.

use crate::app::browse::tests::issue;
use crate::app::{Action, App, Edit, Focus};
use crate::model::Library;

/// 40 issues of 人民日报, two hits each: 80 hits, more than a screen fetches.
fn many() -> App {
    let issues = (1..=40)
        .map(|d| {
            let date = format!("2023-{:02}-{:02}", 1 + d / 28, 1 + d % 28);
            issue("rmrb", "人民日报", &date, &[&["农业新闻", "农业评论"]])
        })
        .collect();
    let mut app = App::new(Library { issues }, (80, 24), None);
    app.update(Action::SearchStart);
    app.update(Action::SearchEdit(Edit::Insert("农业".into())));
    app.update(Action::SearchSubmit);
    app
}

#[test]
fn prev_match_on_the_first_hit_goes_to_the_very_last_hit() {
    let mut app = many();
    assert_eq!(app.search.results.len(), crate::app::search::SCREEN);
    assert_eq!((app.search.selected, app.search.current), (0, Some(0)));
    app.update(Action::PrevMatch);
    assert_eq!(app.search.results.len(), 80, "every hit fetched");
    assert_eq!(app.search.selected, 79);
    assert_eq!(app.current().unwrap().id, app.search.results[79].id);
    assert_eq!(
        app.search.current,
        Some(app.current_hits().len() - 1),
        "on the last match of the last hit"
    );
    let msg = app.status_text().unwrap();
    assert!(
        msg.contains("article 80/") && msg.contains("wrapped"),
        "{msg}"
    );
    // And on from the very last hit, back to the first.
    for _ in 0..app.current_hits().len() {
        app.update(Action::NextMatch);
    }
    assert_eq!(app.search.selected, 0);
}

#[test]
fn next_match_past_the_hits_fetched_fetches_more() {
    let mut app = many();
    app.update(Action::FocusList);
    app.update(Action::Select(49));
    assert_eq!(app.search.selected, 49);
    assert_eq!(app.search.results.len(), 50);
    app.update(Action::FocusReader);
    assert_eq!(app.screen.focus(), Focus::Reader);
    app.update(Action::NextMatch);
    for _ in 0..app.current_hits().len() {
        app.update(Action::NextMatch);
    }
    assert_eq!(app.search.selected, 50, "on to hit 51, not wrapped to 1");
    assert_eq!(app.search.results.len(), 80);
    assert!(!app.status_text().unwrap().contains("wrapped"));
}

#[test]
fn a_folder_and_a_feed_of_one_paper_show_one_name_and_o_and_filters_find_both() {
    // A folder `rmrb` (named by its slug) and the 人民日报 feed: one paper.
    let lib = Library {
        issues: vec![
            issue("rmrb", "rmrb", "2023-07-01", &[&["农业发展"]]),
            issue("rmrb", "人民日报", "2023-07-03", &[&["农业评论"]]),
        ],
    };
    let mut app = App::new(lib, (80, 24), None);
    let names: Vec<&str> = app.browse.issues.iter().map(|i| i.paper.as_str()).collect();
    assert_eq!(names, ["人民日报", "人民日报"]);
    app.update(Action::GotoStart);
    app.update(Action::GotoEdit(Edit::Insert("人民日报 0701".into())));
    app.update(Action::GotoSubmit);
    assert_eq!(app.shown.issue().issues[0].date, "2023-07-01");
    assert_eq!(
        app.shown.issue().issues[0].paper,
        "人民日报",
        "the folder's issue too"
    );
    app.update(Action::SearchStart);
    app.update(Action::SearchEdit(Edit::Insert("人民日报: 农业".into())));
    let dates: Vec<&str> = app
        .search
        .results
        .iter()
        .map(|h| h.key.date.as_str())
        .collect();
    assert_eq!(dates, ["2023-07-03", "2023-07-01"]);
    assert!(app.search.results.iter().all(|h| h.paper == "人民日报"));
}
