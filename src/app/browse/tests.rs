//! Browsing a shelf of several issues: newest first, `[` `]`, `{` `}`, the list paged a
//! screen, bookmarks into other issues, new issues arriving while the reader is open.

use std::sync::{Arc, Mutex};

use crate::app::{Action, App, Focus, Overlay};
use crate::bookmarks::MarkStore;
use crate::library::memory::MemoryShelf;
use crate::library::{IssueInfo, IssueKey, LibraryError, SearchHit, SearchQuery, Shelf};
use crate::model::{Article, ArticleId, Issue, Library, Page, Paragraph};

/// An issue whose pages hold the given headlines.
pub(crate) fn issue(slug: &str, paper: &str, date: &str, pages: &[&[&str]]) -> Issue {
    Issue {
        paper: paper.into(),
        slug: slug.into(),
        date: date.into(),
        pages: pages
            .iter()
            .enumerate()
            .map(|(p, titles)| Page {
                scan: None,
                number: format!("{:02}", p + 1),
                section: Some(if p == 0 { "要闻" } else { "评论" }.into()),
                lines: vec![],
                articles: titles
                    .iter()
                    .enumerate()
                    .map(|(a, t)| Article {
                        id: ArticleId(format!("{slug}/{date}/{:02}/{}", p + 1, a + 1)),
                        title: t.to_string(),
                        paragraphs: vec![Paragraph::text(format!("{date}的{t}。").repeat(20))],
                        ..Default::default()
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Three days of 人民日报 and one of 河北日报.
pub(crate) fn archive() -> Library {
    let p1: &[&str] = &["头条新闻", "农业发展", "科技创新"];
    let p2: &[&str] = &["评论文章", "农村振兴"];
    Library {
        issues: vec![
            issue("rmrb", "人民日报", "2023-07-03", &[p1, p2]),
            issue("rmrb", "人民日报", "2023-07-01", &[p1, p2]),
            issue("hebei-daily", "河北日报", "2023-07-02", &[p1]),
            issue("rmrb", "人民日报", "2023-07-02", &[p1, p2]),
        ],
    }
}

fn app() -> App {
    App::new(archive(), (80, 24), None)
}

fn date(app: &App) -> &str {
    &app.shown.issue().issues[0].date
}

#[test]
fn opens_on_the_newest_issue_and_steps_within_the_paper() {
    let mut app = app();
    assert_eq!(date(&app), "2023-07-03");
    assert_eq!(app.browse.position_label(), "3/3");
    app.update(Action::StepIssue { forward: true });
    assert_eq!(date(&app), "2023-07-03");
    assert!(app.status_text().as_deref().unwrap().contains("newest"));
    app.update(Action::StepIssue { forward: false });
    assert_eq!(date(&app), "2023-07-02");
    assert_eq!(
        app.shown.issue().issues[0].paper,
        "人民日报",
        "河北日报 is skipped"
    );
    app.update(Action::StepIssue { forward: false });
    assert_eq!(date(&app), "2023-07-01");
    app.update(Action::StepIssue { forward: false });
    assert!(app.status_text().as_deref().unwrap().contains("oldest"));
    app.update(Action::StepIssue { forward: true });
    assert_eq!(date(&app), "2023-07-02");
    assert_eq!(app.shown.selected(), 0);
    assert_eq!(app.current().unwrap().title, "头条新闻");
}

#[test]
fn braces_move_by_page() {
    let mut app = app();
    app.update(Action::Select(1));
    app.update(Action::StepPage { forward: true });
    assert_eq!(app.current().unwrap().title, "评论文章");
    app.update(Action::StepPage { forward: true });
    assert!(app.status_text().as_deref().unwrap().contains("last page"));
    app.update(Action::Select(1));
    app.update(Action::StepPage { forward: false });
    assert_eq!(
        app.current().unwrap().title,
        "评论文章",
        "top of this page first"
    );
    app.update(Action::StepPage { forward: false });
    assert_eq!(app.current().unwrap().title, "头条新闻");
}

#[test]
fn page_keys_reach_an_advert_page_and_the_list_shows_it() {
    let p1: &[&str] = &["头条新闻", "农业发展"];
    let mut one = issue("rmrb", "人民日报", "2023-07-03", &[p1, &[], &["评论文章"]]);
    one.pages[1].number = "09".into();
    one.pages[2].number = "10".into();
    one.pages[1].lines = vec![crate::model::PageLine {
        kind: crate::model::PageLineKind::Credit,
        text: "广告热线：12345".into(),
    }];
    let mut app = App::new(Library { issues: vec![one] }, (80, 24), None);
    let rows = app.list_rows();
    let ad = rows
        .iter()
        .position(|r| *r == crate::view::rows::Row::Page(1))
        .expect("the advert page is in the list");
    assert_eq!(
        rows[ad + 1],
        crate::view::rows::Row::PageLine { page: 1, line: 0 }
    );
    app.update(Action::StepPage { forward: true });
    assert_eq!(app.browse.bare_page, Some(1));
    assert!(
        app.status_text().as_deref().unwrap().contains("09"),
        "{:?}",
        app.screen.status()
    );
    assert!(app.browse.top <= ad, "the advert page is in view");
    app.update(Action::StepPage { forward: true });
    assert_eq!(app.current().unwrap().title, "评论文章");
    assert_eq!(app.browse.bare_page, None);
    app.update(Action::StepPage { forward: false });
    assert_eq!(app.browse.bare_page, Some(1));
    app.update(Action::StepPage { forward: false });
    assert_eq!(app.current().unwrap().title, "头条新闻");
}

/// An issue with many articles on one page, to page through.
fn long_app(h: u16) -> App {
    let titles: Vec<String> = (1..=40).map(|i| format!("第{i}条消息")).collect();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let lib = Library {
        issues: vec![issue("rmrb", "人民日报", "2023-07-03", &[&titles, &titles])],
    };
    App::new(lib, (80, h), None)
}

#[test]
fn page_down_in_the_list_moves_a_screen_and_keeps_the_selection_in_view() {
    let mut app = long_app(24);
    let body = usize::from(app.list_areas().1.height);
    app.update(Action::ListPage { forward: true });
    assert_eq!(app.browse.top, body);
    // Two rows per article, the page header above: the selection moved about a screen.
    let moved = app.shown.selected();
    assert!((body / 2 - 1..=body / 2 + 1).contains(&moved), "{moved}");
    app.update(Action::ListPage { forward: false });
    assert_eq!(app.browse.top, 0);
    assert!(app.shown.selected() < 2, "{}", app.shown.selected());
    for _ in 0..100 {
        app.update(Action::ListPage { forward: true });
    }
    assert_eq!(app.shown.selected(), app.shown.visible().len() - 1);
    let rows = app.list_rows();
    assert_eq!(app.browse.top, rows.len() - body);
    // Moving up one at a time keeps the selected row on screen.
    for _ in 0..50 {
        app.update(Action::Select(-1));
        let at = rows
            .iter()
            .position(|r| r.item() == Some(app.shown.selected()))
            .unwrap();
        assert!(at >= app.browse.top && at < app.browse.top + body);
    }
    // The first article of a page brings its header into view.
    app.update(Action::SelectFirst);
    assert_eq!(app.browse.top, 0);
}

#[test]
fn the_list_fits_every_size() {
    for h in [1, 2, 3, 5, 8, 12, 30] {
        let mut app = long_app(h);
        app.update(Action::ListPage { forward: true });
        app.update(Action::SelectLast);
        app.update(Action::StepPage { forward: false });
        let _ = app.list_rows();
    }
}

#[test]
fn a_bookmark_in_another_issue_opens_that_issue() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(
        archive(),
        (80, 24),
        Some(MarkStore::new(dir.path().to_path_buf())),
    );
    app.update(Action::StepIssue { forward: false });
    app.update(Action::Select(2));
    app.update(Action::SetBookmark);
    app.update(Action::StepIssue { forward: true });
    assert_eq!(date(&app), "2023-07-03");
    app.update(Action::OpenBookmarks);
    let b = app.marks.state.newest_first()[0].clone();
    assert!(app.bookmark_on_shelf(&b));
    app.update(Action::BookmarkOpen);
    assert_eq!(app.screen.overlay(), Overlay::None);
    assert_eq!(date(&app), "2023-07-02");
    assert_eq!(app.current().unwrap().title, "科技创新");
    assert_eq!(app.screen.focus(), Focus::Reader);
}

/// A shelf another process adds to: `refresh` takes in what was added.
struct Growing {
    shelf: Mutex<Arc<MemoryShelf>>,
    next: Mutex<Option<Library>>,
}

impl Growing {
    fn now(&self) -> Arc<MemoryShelf> {
        Arc::clone(&self.shelf.lock().unwrap())
    }
}

impl Shelf for Growing {
    fn issues(&self) -> Vec<IssueInfo> {
        self.now().issues()
    }
    fn load_issue(&self, key: &IssueKey) -> Result<Issue, LibraryError> {
        self.now().load_issue(key)
    }
    fn article(&self, id: &ArticleId) -> Option<(IssueKey, Article)> {
        self.now().article(id)
    }
    fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>, LibraryError> {
        self.now().search(q)
    }
    fn count(&self, q: &SearchQuery) -> Result<usize, LibraryError> {
        self.now().count(q)
    }
    fn refresh(&self) -> bool {
        match self.next.lock().unwrap().take() {
            Some(lib) => {
                *self.shelf.lock().unwrap() = Arc::new(MemoryShelf::new(lib));
                true
            }
            None => false,
        }
    }
}

#[test]
fn new_issues_appear_without_a_restart() {
    let shelf = Arc::new(Growing {
        shelf: Mutex::new(Arc::new(MemoryShelf::new(archive()))),
        next: Mutex::new(None),
    });
    let mut app = App::with_shelf(shelf.clone(), (80, 24), None);
    app.update(Action::Select(1));
    let mut more = archive();
    more.issues
        .push(issue("rmrb", "人民日报", "2023-07-04", &[&["新的一天"]]));
    *shelf.next.lock().unwrap() = Some(more);
    app.refresh_shelf();
    // The issue shown stays, the new one is told and one `]` away.
    assert_eq!(date(&app), "2023-07-03");
    assert_eq!(app.shown.selected(), 1);
    let msg = app.status_text().unwrap();
    assert!(msg.contains("2023-07-04"), "{msg}");
    app.update(Action::StepIssue { forward: true });
    assert_eq!(date(&app), "2023-07-04");
    assert_eq!(app.current().unwrap().title, "新的一天");
}

#[test]
fn an_empty_shelf_opens_and_ignores_every_key() {
    let mut app = App::new(Library::default(), (80, 24), None);
    for a in [
        Action::StepIssue { forward: true },
        Action::StepIssue { forward: false },
        Action::StepPage { forward: true },
        Action::ListPage { forward: true },
        Action::Select(1),
        Action::Tick(std::time::Instant::now()),
    ] {
        app.update(a);
    }
    assert!(app.current().is_none());
}

/// Wait (a little) for the total counted in the background.
fn wait_for_total(app: &mut App) -> usize {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(20) {
        app.update(Action::Tick(std::time::Instant::now()));
        if let Some(n) = app.search.total {
            return n;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("no total counted");
}

fn search(app: &mut App, line: &str) {
    app.update(Action::SearchStart);
    app.update(Action::SearchEdit(crate::app::Edit::Insert(line.into())));
}

#[test]
fn search_finds_hits_across_issues_newest_first_and_opens_them() {
    let mut app = app();
    app.update(Action::StepIssue { forward: false });
    search(&mut app, "农业");
    let dates: Vec<&str> = app
        .search
        .results
        .iter()
        .map(|h| h.key.date.as_str())
        .collect();
    assert_eq!(
        dates,
        ["2023-07-03", "2023-07-02", "2023-07-02", "2023-07-01"]
    );
    assert_eq!(date(&app), "2023-07-02", "typing opens nothing");
    app.update(Action::SearchSubmit);
    assert_eq!(date(&app), "2023-07-03");
    assert_eq!(app.current().unwrap().title, "农业发展");
    assert_eq!(app.screen.focus(), Focus::Reader);
    let msg = app.status_text().unwrap();
    assert!(msg.contains("article 1/4 · 2023-07-03 第01版"), "{msg}");
    // n walks the matches of the article, then on to the next hit in another issue.
    let n = app.current_hits().len();
    for _ in 0..n {
        app.update(Action::NextMatch);
    }
    assert_eq!(app.search.selected, 1);
    let msg = app.status_text().unwrap();
    assert!(msg.contains("article 2/4 · 2023-07-02 第01版"), "{msg}");
    assert_eq!(app.current().unwrap().id.0, app.search.results[1].id.0);
    // N back to the last match of the first hit.
    app.update(Action::PrevMatch);
    assert_eq!(app.search.selected, 0);
    assert_eq!(app.search.current, Some(n - 1));
    // j in the list opens the next hit; Esc keeps the article and shows its issue.
    app.update(Action::FocusList);
    app.update(Action::Select(3));
    assert_eq!(date(&app), "2023-07-01");
    app.update(Action::SearchCancel);
    assert!(!app.search.active());
    assert_eq!(date(&app), "2023-07-01");
    assert_eq!(app.current().unwrap().title, "农业发展");
}

#[test]
fn esc_while_typing_goes_back_to_the_issue_before_the_search() {
    let mut app = app();
    app.update(Action::StepIssue { forward: false });
    app.update(Action::Select(1));
    search(&mut app, "农村");
    app.update(Action::SearchSubmit);
    assert_eq!(date(&app), "2023-07-03");
    search(&mut app, "振兴");
    app.update(Action::SearchCancel);
    assert_eq!(date(&app), "2023-07-02");
    assert_eq!(app.current().unwrap().title, "农业发展");
}

#[test]
fn filters_narrow_by_paper_and_dates() {
    let mut app = app();
    search(&mut app, "hbrb: 农业");
    let papers: Vec<&str> = app
        .search
        .results
        .iter()
        .map(|h| h.paper.as_str())
        .collect();
    assert_eq!(papers, ["河北日报"]);
    app.update(Action::SearchCancel);
    search(&mut app, "rmrb 2023-07-01..2023-07-02: 农");
    let dates: Vec<&str> = app
        .search
        .results
        .iter()
        .map(|h| h.key.date.as_str())
        .collect();
    assert_eq!(
        dates,
        ["2023-07-02", "2023-07-02", "2023-07-01", "2023-07-01"]
    );
    assert_eq!(app.search.query, "农");
}

#[test]
fn the_total_is_counted_in_the_background_and_more_hits_come_as_the_list_scrolls() {
    let issues = (1..=40)
        .map(|d| {
            let date = format!("2023-{:02}-{:02}", 1 + d / 28, 1 + d % 28);
            issue("rmrb", "人民日报", &date, &[&["农业新闻", "农业评论"]])
        })
        .collect();
    let mut app = App::new(Library { issues }, (80, 24), None);
    search(&mut app, "农业");
    assert_eq!(app.search.results.len(), crate::app::search::SCREEN);
    assert!(app.search.count_label().ends_with('+') || app.search.total.is_some());
    assert_eq!(wait_for_total(&mut app), 80);
    assert_eq!(app.search.count_label(), "80");
    app.update(Action::SearchSubmit);
    app.update(Action::FocusList);
    for _ in 0..4 {
        app.update(Action::ListPage { forward: true });
    }
    app.update(Action::SelectLast);
    assert_eq!(app.search.results.len(), 80);
    assert_eq!(app.search.selected, 79);
    assert_eq!(date(&app), "2023-01-02", "the oldest issue");
    let k = app.result_rows();
    let h = usize::from(app.list_areas().1.height);
    assert!(app.search.top + h > 79 * k);
}

#[test]
fn the_go_to_prompt_opens_a_date_or_a_paper() {
    use crate::app::Edit;
    use crate::app::keys::map_key;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let mut app = app();
    let open = map_key(&app, key(KeyCode::Char('o'))).unwrap();
    app.update(open);
    assert!(app.goto.editing);
    // Keys now edit the prompt, not the list.
    let k = map_key(&app, key(KeyCode::Char('j'))).unwrap();
    assert_eq!(k, Action::GotoEdit(Edit::Insert("j".into())));
    app.update(Action::GotoEdit(Edit::Insert("0701".into())));
    let enter = map_key(&app, key(KeyCode::Enter)).unwrap();
    app.update(enter);
    assert!(!app.goto.editing);
    assert_eq!(date(&app), "2023-07-01");
    for (line, paper, day) in [
        ("hbrb", "河北日报", "2023-07-02"),
        ("人民日报 2023-07-09", "人民日报", "2023-07-03"),
        ("rmrb 0630", "人民日报", "2023-07-01"),
    ] {
        app.update(Action::GotoStart);
        app.update(Action::GotoEdit(Edit::Insert(line.into())));
        app.update(Action::GotoSubmit);
        assert_eq!(
            (app.shown.issue().issues[0].paper.as_str(), date(&app)),
            (paper, day)
        );
    }
    assert!(app.status_text().as_deref().unwrap().contains("nearest"));
    app.update(Action::GotoStart);
    app.update(Action::GotoEdit(Edit::Insert("星期八".into())));
    app.update(Action::GotoSubmit);
    assert!(app.status_text().as_deref().unwrap().contains("星期八"));
    assert_eq!(date(&app), "2023-07-01");
    app.update(Action::GotoStart);
    app.update(Action::GotoCancel);
    assert!(!app.goto.editing);
}

#[test]
fn the_mouse_picks_hits_in_the_hit_list() {
    let mut app = app();
    search(&mut app, "农");
    app.update(Action::SearchSubmit);
    let (_, body) = app.list_areas();
    // Two rows a hit: the fourth row down is the second hit.
    app.update(Action::Click {
        column: 1,
        row: body.y + 3,
    });
    assert_eq!(app.search.selected, 1);
    assert_eq!(app.current().unwrap().id, app.search.results[1].id);
    app.update(Action::Wheel {
        column: 1,
        row: body.y,
        delta: 2,
    });
    assert_eq!(app.search.selected, 3);
    // Braces leave the hits for the issue's pages.
    app.update(Action::StepPage { forward: true });
    assert!(!app.search.active());
}
