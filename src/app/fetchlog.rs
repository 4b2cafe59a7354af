//! The last fetch's log in the reader: a key opens an overlay listing its lines (one per
//! feed or e-paper page, ok or failed with why), so errors that flashed by on the status
//! line can be read afterwards. The log is the one `dubao fetch` and `F` save
//! ([`crate::feed::log`]); the overlay scrolls with the help's keys.

use super::{App, Overlay};
use crate::feed::log::{FetchLog, load_last};

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

/// The log's rows as shown: a heading with when it ran and how many failed, then each
/// line, `✗` marking a failure.
pub fn rows(log: &FetchLog) -> Vec<(bool, String)> {
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
        out.push((l.ok, format!("{mark} {}: {}", l.source, l.text)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::app::browse::tests::archive;
    use crate::app::fetcher::FetchSetup;

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
        let shown = rows(app.fetch.log().as_ref().unwrap());
        assert_eq!(shown.len(), 3);
        assert!(shown[0].1.contains("1 失败 failed"), "{shown:?}");
        assert_eq!(shown[2], (false, "✗ 光明日报: page 02: timed out".into()));
        app.update(Action::CloseOverlay);
        assert_eq!(app.screen.overlay(), Overlay::None);
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
