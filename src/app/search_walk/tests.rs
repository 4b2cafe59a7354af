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

#[test]
fn a_pages_own_lines_are_hits_listed_where_printed_and_open_their_page() {
    use crate::model::{PageLine, PageLineKind};
    let mut days: Vec<_> = ["2023-07-01", "2023-07-02", "2023-07-03"]
        .iter()
        .map(|d| {
            issue(
                "rmrb",
                "人民日报",
                d,
                &[&["头条新闻"], &["农业发展", "科技创新"]],
            )
        })
        .collect();
    // Page 02 of 07-02 is edited by 刘某; 07-03's page 01 article mentions 刘某 too.
    days[1].pages[1].lines = vec![PageLine {
        kind: PageLineKind::Credit,
        text: "本版责编：刘某  版式设计：张某".into(),
    }];
    days[2].pages[0].articles[0].paragraphs[0]
        .text
        .push_str("刘某说。");
    let mut app = App::new(Library { issues: days }, (100, 30), None);
    app.update(Action::SearchStart);
    app.update(Action::SearchEdit(Edit::Insert("刘某".into())));
    let listed: Vec<(&str, &str, Option<usize>)> = (app.search.results.iter())
        .map(|h| (h.key.date.as_str(), h.page.as_str(), h.line))
        .collect();
    assert_eq!(
        listed,
        [("2023-07-03", "01", None), ("2023-07-02", "02", Some(0))],
        "the article hit, then the page's own hit, newest first"
    );
    assert_eq!(app.search.count_label(), "2");
    app.update(Action::SearchSubmit);
    app.update(Action::NextMatch);
    assert_eq!(app.search.selected, 1, "n walks on to the page's own hit");
    let shown = app.current().unwrap();
    assert_eq!(
        shown.title, "农业发展",
        "its page's first article is opened"
    );
    assert_eq!(app.browse.current().unwrap().key.date, "2023-07-02");
    let msg = app.status_text().unwrap();
    assert!(
        msg.contains("版面 page line: 本版责编：刘某") && msg.contains("hit 2/2"),
        "{msg}"
    );
    app.update(Action::NextMatch);
    assert_eq!(app.search.selected, 0, "and on, wrapping to the first hit");
    assert!(app.status_text().unwrap().contains("wrapped"));
}
