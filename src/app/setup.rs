//! The settings part of the state: how the reader behaves (`Prefs`, from the config), the
//! key bindings in force, the theme, and the typesetting settings.

use std::time::Duration;

use super::keys::Keymap;
use crate::typeset::Settings;
use crate::view::theme::Theme;

/// The language of the help and the key hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 中文 and English side by side.
    #[default]
    Both,
    Zh,
    En,
}

/// How the reader behaves, as the config file sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefs {
    /// `Space` at the end of an article goes on to the next one.
    pub continuous: bool,
    /// The list's width in cells (`None`: by the terminal's width).
    pub list_width: Option<u16>,
    pub lang: Lang,
    /// An article shown in the reading pane this long counts as read.
    pub read_after: Duration,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            continuous: true,
            list_width: None,
            lang: Lang::Both,
            read_after: Duration::from_secs(2),
        }
    }
}

/// The settings in force: typesetting, behaviour, bindings and colours.
#[derive(Debug, Default)]
pub struct Setup {
    settings: Settings,
    prefs: Prefs,
    /// The bindings in force (the key table with the config's changes).
    keymap: Keymap,
    theme: Theme,
}

impl Setup {
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub(super) fn set_settings(&mut self, settings: Settings) {
        self.settings = settings;
    }

    pub(super) fn set_prefs(&mut self, prefs: Prefs) {
        self.prefs = prefs;
    }

    pub(super) fn set_keymap(&mut self, keymap: Keymap) {
        self.keymap = keymap;
    }

    pub(super) fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
    }

    /// `c`: columns on or off.
    pub(super) fn toggle_columns(&mut self) {
        self.settings.columns = !self.settings.columns;
    }

    /// `P`: photos on or off (captions only).
    pub(super) fn toggle_photos(&mut self) {
        self.settings.photos = !self.settings.photos;
    }
}
