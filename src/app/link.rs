//! An article's link (a fetched article keeps where it was published): one key shows it
//! on the status line and has the terminal copy it, one has the system's opener open it.
//! `update` only asks: the terminal side carries out each [`Effect`] and reports back.

use super::App;

/// Something `update` asks of the terminal side (it never touches the terminal itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52, which terminals and tmux pass on).
    Copy(String),
    /// Open this address with the system's opener (`xdg-open`, `open`).
    Open(String),
}

impl App {
    /// The selected article's link, or a status line saying there is none.
    fn link(&mut self) -> Option<String> {
        let link = self.current()?.link.clone();
        if link.is_none() {
            self.screen
                .say("本文没有链接 no link: this article was not fetched from the web");
        }
        link
    }

    /// Show the link on the status line and ask the terminal to copy it.
    pub(super) fn copy_link(&mut self) {
        if let Some(link) = self.link() {
            self.screen.say(format!("链接已复制 link copied: {link}"));
            self.screen.effects_mut().push(Effect::Copy(link));
        }
    }

    /// Ask the system's opener to open the link.
    pub(super) fn open_link(&mut self) {
        if let Some(link) = self.link() {
            self.screen.say(format!("打开链接 opening: {link}"));
            self.screen.effects_mut().push(Effect::Open(link));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::app::browse::tests::archive;

    #[test]
    fn y_shows_and_copies_the_link_and_o_opens_it() {
        let mut lib = archive();
        let url =
            "http://paper.people.com.cn/rmrb/html/2023-07/03/nw.D110000renmrb_20230703_1-01.htm";
        lib.issues[0].pages[0].articles[0].link = Some(url.into());
        let mut app = App::new(lib, (80, 24), None);
        assert_eq!(app.current().unwrap().link.as_deref(), Some(url));
        app.update(Action::CopyLink);
        assert_eq!(app.take_effects(), [Effect::Copy(url.into())]);
        assert!(app.status_text().as_deref().unwrap().contains(url));
        app.update(Action::OpenLink);
        assert_eq!(app.take_effects(), [Effect::Open(url.into())]);
        // An article without a link says so and asks nothing.
        app.update(Action::Select(1));
        app.update(Action::CopyLink);
        app.update(Action::OpenLink);
        assert!(app.take_effects().is_empty());
        assert!(app.status_text().as_deref().unwrap().contains("no link"));
    }

    #[test]
    fn the_keys_are_y_and_capital_o() {
        use crate::app::keys::map_key;
        use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let app = App::new(archive(), (80, 24), None);
        let key = |c| map_key(&app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(key('y'), Some(Action::CopyLink));
        assert_eq!(key('O'), Some(Action::OpenLink));
    }
}
