//! The last fetch's log in the reader: a key opens an overlay listing its lines (one per
//! feed or e-paper page, ok or failed with why), so errors that flashed by on the status
//! line can be read afterwards. The log is the one `dubao fetch` and `F` save
//! ([`crate::feed::log`]); the overlay scrolls with the help's keys.

use super::{App, Overlay};
use crate::feed::log::{FetchLog, load_last};
use crate::text::width::char_width;

impl App {
    /// Open the last fetch's log, or say why there is none.
    pub(super) fn open_fetch_log(&mut self) {
        let Some(dir) = self.fetch.setup().as_ref().map(|s| s.data_dir.clone()) else {
            self.screen
                .say("没有抓取记录 no fetch log: fetching is not set up");
            return;
        };
        match load_last(&dir) {
            Ok(Some(log)) => {
                self.fetch.set_log(Some(log));
                self.screen.set_help_scroll(0);
                self.screen.set_overlay(Overlay::FetchLog);
            }
            Ok(None) => {
                let key = self.hint_key(super::keys::Command::Fetch);
                self.screen
                    .say(format!("还没有抓取过 nothing fetched yet ({key} fetches)"));
            }
            Err(e) => self.screen.say(format!("抓取记录读不出 fetch log: {e}")),
        }
    }
}

/// The log's rows as shown in a box `width` cells wide: a heading with when it ran and
/// how many failed, then each line, `✗` marking a failure, wrapped (a turnover line
/// indented two cells). A line that names its source already is not prefixed again.
pub fn rows(log: &FetchLog, width: usize, amb: bool) -> Vec<(bool, String)> {
    let failed = log.lines.iter().filter(|l| !l.ok).count();
    let mut out = vec![(
        true,
        format!(
            "{} · {} 条 lines · {failed} 失败 failed",
            log.started,
            log.lines.len()
        ),
    )];
    for l in &log.lines {
        let mark = if l.ok { "✓" } else { "✗" };
        let line = if l.text.starts_with(&l.source) {
            format!("{mark} {}", l.text)
        } else {
            format!("{mark} {}: {}", l.source, l.text)
        };
        for piece in wrap(&line, width.max(8), amb) {
            out.push((l.ok, piece));
        }
    }
    out
}

/// `line` cut into pieces of at most `width` cells, the pieces after the first
/// indented by two cells.
fn wrap(line: &str, width: usize, amb: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut w = 0;
    for c in line.chars() {
        let cw = char_width(c, amb);
        if w + cw > width && !cur.trim().is_empty() {
            out.push(std::mem::replace(&mut cur, "  ".to_string()));
            w = 2;
        }
        cur.push(c);
        w += cw;
    }
    if !cur.trim().is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::app::browse::tests::archive;
    use crate::app::fetcher::FetchSetup;
    use crate::app::help::help_inner;

    fn app_in(dir: &std::path::Path) -> App {
        let mut app = App::new(archive(), (80, 24), None);
        app.fetch.set_setup(Some(FetchSetup {
            data_dir: dir.to_path_buf(),
            library_dir: dir.join("library"),
            open_library: false,
            options: Default::default(),
            nothing_followed: false,
        }));
        app
    }

    #[test]
    fn the_key_opens_the_last_fetchs_lines_and_esc_closes_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(dir.path());
        app.update(Action::OpenFetchLog);
        assert_eq!(app.screen.overlay(), Overlay::None);
        assert!(
            app.status_text()
                .as_deref()
                .unwrap()
                .contains("nothing fetched yet")
        );
        let mut log = FetchLog::now();
        log.push("人民日报", true, "2024-12-25 page 01 要闻: 7 articles");
        log.push("光明日报", false, "page 02: timed out");
        log.save(dir.path()).unwrap();
        app.update(Action::OpenFetchLog);
        assert_eq!(app.screen.overlay(), Overlay::FetchLog);
        let shown = rows(app.fetch.log().as_ref().unwrap(), 70, false);
        assert_eq!(shown.len(), 3);
        assert!(shown[0].1.contains("1 失败 failed"), "{shown:?}");
        assert_eq!(shown[2], (false, "✗ 光明日报: page 02: timed out".into()));
        app.update(Action::CloseOverlay);
        assert_eq!(app.screen.overlay(), Overlay::None);
    }

    #[test]
    fn long_lines_wrap_and_a_named_source_is_not_repeated() {
        let mut log = FetchLog::now();
        log.push(
            "人民日报",
            false,
            "人民日报: no issue on the site from 2026-12-01 to 2026-12-08 (the newest 8 days): 404",
        );
        let shown = rows(&log, 30, false);
        assert!(shown[1].1.starts_with("✗ 人民日报: no issue"), "{shown:?}");
        assert!(!shown[1].1.contains("人民日报: 人民日报"), "{shown:?}");
        assert!(shown.len() > 3, "{shown:?}");
        for (_, r) in &shown[1..] {
            assert!(crate::text::width::str_width(r, false) <= 30, "{r}");
        }
        assert!(shown[2].1.starts_with("  "), "{shown:?}");
        let joined: String = shown[1..].iter().map(|r| r.1.trim_start()).collect();
        assert!(joined.contains("(the newest 8 days): 404"), "{joined}");
    }

    #[test]
    fn the_log_scrolls_over_its_wrapped_rows() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(dir.path());
        app.update(Action::Resize(40, 10));
        let mut log = FetchLog::now();
        for d in 1..=5 {
            let text = format!("2026-12-0{d}: the site does not serve this date (404 Not Found)");
            log.push("人民日报", false, &text);
        }
        log.save(dir.path()).unwrap();
        app.update(Action::OpenFetchLog);
        let inner = help_inner(ratatui::layout::Rect::new(0, 0, 40, 10));
        let all = rows(
            app.fetch.log().as_ref().unwrap(),
            usize::from(inner.width),
            false,
        );
        assert!(all.len() > 6 + usize::from(inner.height), "{all:?}");
        app.update(Action::SelectLast);
        assert_eq!(
            app.screen.help_scroll(),
            all.len() - usize::from(inner.height),
            "the end shows the last wrapped row"
        );
    }

    #[test]
    fn a_log_that_cannot_be_read_is_one_status_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(FetchLog::path(dir.path()), "{not json").unwrap();
        let mut app = app_in(dir.path());
        app.update(Action::OpenFetchLog);
        assert_eq!(app.screen.overlay(), Overlay::None);
        assert!(
            app.status_text()
                .as_deref()
                .unwrap()
                .contains("last-fetch.json")
        );
    }
}
