//! Whole screens through `TestBackend`, at a wide and a narrow size, with the bundled issue.

use dubao::app::{Action, App, Edit};
use dubao::import::load_bundled;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &App) -> String {
    let (w, h) = app.screen().size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| dubao::ui::draw(f, app)).unwrap();
    text_of(terminal.backend().buffer())
}

/// The buffer as text, one line per row, a wide char's hidden cell left out.
fn text_of(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        out.push_str("|\n");
    }
    out
}

fn app(w: u16, h: u16) -> App {
    App::new(load_bundled(), (w, h), None)
}

#[test]
fn wide_110x32() {
    insta::assert_snapshot!(screen(&app(110, 32)));
}

#[test]
fn narrow_41x12() {
    insta::assert_snapshot!(screen(&app(41, 12)));
}

#[test]
fn middle_80x24_interview() {
    let mut a = app(80, 24);
    a.update(Action::SelectLast);
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn columns_middle_120x30() {
    let mut a = app(120, 30);
    a.update(Action::Select(1));
    a.update(Action::ToggleColumns);
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn tiny_20x6() {
    insta::assert_snapshot!(screen(&app(20, 6)));
}

#[test]
fn second_article_scrolled_wide() {
    let mut a = app(110, 32);
    a.update(Action::Select(1));
    a.update(Action::FocusReader);
    a.update(Action::Scroll(5));
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn help_overlay_narrow() {
    let mut a = app(41, 12);
    a.update(Action::ToggleHelp);
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn search_line_and_results_wide() {
    let mut a = app(110, 32);
    a.update(Action::SearchStart);
    a.update(Action::SearchEdit(Edit::Insert("卫生健康委".into())));
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn columns_wide() {
    let mut a = app(160, 40);
    a.update(Action::ToggleColumns);
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn columns_narrow_falls_back_to_one() {
    let mut a = app(41, 12);
    a.update(Action::ToggleColumns);
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn every_size_draws_without_panic() {
    let mut a = app(80, 24);
    for w in (0..=320u16).step_by(7) {
        for h in [0u16, 1, 2, 3, 5, 8, 13, 40] {
            a.update(Action::Resize(w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| dubao::ui::draw(f, &a)).unwrap();
        }
    }
}

/// Two issues of 人民日报, two pages each: sections, a banner and a staff line, kickers.
fn archive() -> dubao::model::Library {
    use dubao::model::{Article, ArticleId, Issue, Library, Page, PageLine, PageLineKind};
    let page = |date: &str, n: usize, section: &str, titles: &[(&str, &str)]| Page {
        scan: None,
        number: format!("{n:02}"),
        section: Some(section.into()),
        lines: vec![
            PageLine {
                kind: PageLineKind::Banner,
                text: "学习贯彻党的二十大精神".into(),
            },
            PageLine {
                kind: PageLineKind::Credit,
                text: "本版责编：李晓 张明 版式设计：王雪".into(),
            },
        ],
        articles: titles
            .iter()
            .enumerate()
            .map(|(i, (kicker, title))| Article {
                id: ArticleId(format!("rmrb/{date}/{n:02}/{}", i + 1)),
                kicker: (!kicker.is_empty()).then(|| kicker.to_string()),
                title: title.to_string(),
                paragraphs: vec![dubao::model::Paragraph::text(
                    "本报北京7月3日电　农业农村部日前召开会议，部署夏粮收购和秋粮生产工作。",
                )],
                ..Default::default()
            })
            .collect(),
    };
    let issue = |date: &str| Issue {
        paper: "人民日报".into(),
        slug: "rmrb".into(),
        date: date.into(),
        pages: vec![
            page(
                date,
                1,
                "要闻",
                &[
                    ("", "夏粮丰收已成定局"),
                    ("坚持农业农村优先发展", "全面推进乡村振兴取得新进展新成效"),
                ],
            ),
            page(date, 5, "评论", &[("", "以高质量发展促进共同富裕")]),
        ],
    };
    Library {
        issues: vec![issue("2023-07-02"), issue("2023-07-03")],
    }
}

#[test]
fn issue_list_with_page_headers_wide() {
    let a = App::new(archive(), (100, 20), None);
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn issue_list_with_page_headers_narrow_previous_issue() {
    let mut a = App::new(archive(), (44, 14), None);
    a.update(Action::StepIssue { forward: false });
    a.update(Action::StepPage { forward: true });
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn archive_hits_wide_and_short() {
    for (w, h) in [(100, 16), (60, 7)] {
        let mut a = App::new(archive(), (w, h), None);
        a.update(Action::SearchStart);
        a.update(Action::SearchEdit(Edit::Insert("农业".into())));
        a.update(Action::SearchSubmit);
        a.update(Action::FocusList);
        a.update(Action::Select(1));
        insta::assert_snapshot!(format!("hits_{w}x{h}"), screen(&a));
    }
}

#[test]
fn fetch_log_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = dubao::feed::log::FetchLog::now();
    log.started = "2026-12-01T08:00:00+08:00".into();
    log.push(
        "人民日报",
        true,
        "2024-12-25: 20 pages, 90 articles (12 new)",
    );
    log.push("光明日报", false, "2024-12-25 page 02: timed out");
    log.push("中国青年报", true, "not modified");
    log.save(dir.path()).unwrap();
    let mut a = app(80, 24);
    a.offer_fetch(Some(dubao::app::fetcher::FetchSetup {
        data_dir: dir.path().to_path_buf(),
        library_dir: dir.path().join("library"),
        open_library: false,
        options: Default::default(),
        nothing_followed: false,
    }));
    a.update(Action::OpenFetchLog);
    insta::assert_snapshot!(screen(&a));
}
