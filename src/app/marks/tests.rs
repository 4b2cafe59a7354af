//! After a restart the reader opens on the article and place it was left at, in its
//! issue; with nothing to resume (or the article gone) it opens on the newest issue.

use crate::app::browse::tests::archive;
use crate::app::{Action, App, Focus};
use crate::bookmarks::MarkStore;
use crate::model::Library;

fn title(app: &App) -> String {
    app.current().unwrap().title.clone()
}

fn date(app: &App) -> String {
    app.shown.issue().issues[0].date.clone()
}

#[test]
fn a_restart_opens_the_article_and_place_left_in_its_issue() {
    let dir = tempfile::tempdir().unwrap();
    let store = || Some(MarkStore::new(dir.path()));
    let mut app = App::new(archive(), (80, 24), store());
    assert_eq!(date(&app), "2023-07-03", "nothing to resume: the newest");
    app.update(Action::StepIssue { forward: false });
    app.update(Action::StepIssue { forward: false });
    app.update(Action::Select(3));
    app.update(Action::FocusReader);
    app.update(Action::Scroll(4));
    let place = app.anchor();
    assert_ne!(place, Default::default());
    let left = (date(&app), title(&app));
    app.update(Action::Quit);

    let again = App::new(archive(), (80, 24), store());
    assert_eq!((date(&again), title(&again)), left);
    assert_eq!(left, ("2023-07-01".to_string(), "评论文章".to_string()));
    assert_eq!(again.anchor(), place);
    assert_eq!(again.pane.scroll(), again.pane.layout().line_of(place));
    assert_eq!(again.screen.focus(), Focus::Reader);
    let msg = again.status_text().unwrap();
    assert!(msg.contains("人民日报 2023-07-01 第02版"), "{msg}");
}

#[test]
fn an_article_read_and_left_without_quitting_is_still_the_one_resumed() {
    // The reader killed (no Quit): the article opened last is on disk already.
    let dir = tempfile::tempdir().unwrap();
    let store = || Some(MarkStore::new(dir.path()));
    let mut app = App::new(archive(), (80, 24), store());
    app.update(Action::StepIssue { forward: false });
    app.update(Action::Select(1));
    app.update(Action::FocusReader);
    let left = (date(&app), title(&app));
    drop(app);
    let again = App::new(archive(), (80, 24), store());
    assert_eq!((date(&again), title(&again)), left);
}

#[test]
fn an_article_no_longer_on_the_shelf_opens_the_newest_issue() {
    let dir = tempfile::tempdir().unwrap();
    let store = || Some(MarkStore::new(dir.path()));
    let mut app = App::new(archive(), (80, 24), store());
    app.update(Action::StepIssue { forward: false });
    app.update(Action::FocusReader);
    app.update(Action::Quit);
    let mut lib = archive();
    lib.issues.retain(|i| i.date != "2023-07-02");
    let again = App::new(lib, (80, 24), store());
    assert_eq!(date(&again), "2023-07-03");
    assert_eq!(again.screen.focus(), Focus::List);
    let empty = App::new(Library::default(), (80, 24), store());
    assert!(empty.current().is_none());
}

#[test]
fn the_last_read_survives_a_reading_file_written_by_another_reader() {
    // Two readers: the one that opened an article later wins, whichever quits last.
    let dir = tempfile::tempdir().unwrap();
    let store = || Some(MarkStore::new(dir.path()));
    let mut a = App::new(archive(), (80, 24), store());
    let mut b = App::new(archive(), (80, 24), store());
    a.update(Action::Select(1));
    a.update(Action::FocusReader);
    std::thread::sleep(std::time::Duration::from_millis(5));
    b.update(Action::Select(2));
    b.update(Action::FocusReader);
    let wanted = title(&b);
    b.update(Action::Quit);
    a.update(Action::Quit);
    let again = App::new(archive(), (80, 24), store());
    assert_eq!(title(&again), wanted);
}

/// A reader who left a blank line (between paragraphs) at the top of the pane finds the
/// same line at the top after a restart, not the line below it; and every line that
/// holds text comes back as itself.
#[test]
fn a_restart_on_a_blank_top_line_keeps_that_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = || Some(MarkStore::new(dir.path()));
    let mut app = App::new(crate::import::load_bundled(), (60, 16), store());
    app.update(Action::FocusReader);
    let layout = app.pane.layout().clone();
    let blank = |i: usize| layout.lines[i].spans.iter().all(|s| s.source.is_none());
    let top = (2..layout.lines.len().saturating_sub(16))
        .find(|&i| blank(i) && !blank(i - 1))
        .expect("a blank line between paragraphs");
    for l in 1..layout.lines.len() {
        let first_is_text = layout.lines[l]
            .spans
            .first()
            .is_some_and(|s| s.source.is_some());
        if first_is_text || (blank(l) && !blank(l - 1)) {
            assert_eq!(layout.line_of(layout.anchor_at(l)), l, "line {l}");
        }
    }
    app.update(Action::Scroll(top as isize));
    assert_eq!(app.pane.scroll(), top);
    app.update(Action::Quit);
    let again = App::new(crate::import::load_bundled(), (60, 16), store());
    assert_eq!(again.pane.scroll(), top, "the blank line left at the top");
}
