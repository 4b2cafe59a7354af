//! The config file, `$XDG_CONFIG_HOME/dubao/config.toml` (toml + serde): data paths,
//! reading behaviour, display, the theme and key bindings. A bad value is refused with
//! one line naming the file, the line and the key; a missing file means the defaults.
//! `dubao config --default` prints [`default_text`], which loads back unchanged.

mod default;
mod locate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::app::photos::PhotoMode;
use crate::app::{Keymap, Lang, Prefs};
use crate::text::script::Script;
use crate::typeset::{self, Settings, Squeeze};
use crate::view::theme::{self, Colors, ROLES, Theme};

pub use default::default_text;

/// Everything the file can say. Every field has a default; unknown keys are refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub library: LibraryConfig,
    pub reading: ReadingConfig,
    pub display: DisplayConfig,
    pub photos: PhotosConfig,
    /// Role name → style words (`"black on yellow bold"`).
    pub theme: BTreeMap<String, String>,
    /// Mode → command → keys.
    pub keys: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LibraryConfig {
    /// Opened when no `--data` is given (empty: the bundled issue).
    pub data: Vec<PathBuf>,
    /// Where bookmarks and reading state live (empty: `$XDG_DATA_HOME/dubao`).
    pub state_dir: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadingConfig {
    pub continuous: bool,
    pub columns: bool,
    /// The reading measure: cells (`0`: the whole pane), or Han characters as `"36字"`.
    pub measure: Measure,
    /// Seconds an article is shown before it counts as read.
    pub read_after: u64,
}

/// A reading measure as written: a number of cells, or `"N字"` Han characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Measure {
    Cells(u16),
    Text(String),
}

/// `squeeze_punct` as written: a name, or the flag it was before `"stops"` existed.
#[derive(Deserialize)]
#[serde(untagged)]
enum SqueezeText {
    Flag(bool),
    Name(String),
}

impl Serialize for Squeeze {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(match self {
            Squeeze::Off => "off",
            Squeeze::Stops => "stops",
            Squeeze::All => "all",
        })
    }
}

impl<'de> Deserialize<'de> for Squeeze {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        Ok(match SqueezeText::deserialize(de)? {
            SqueezeText::Flag(false) => Squeeze::Off,
            SqueezeText::Flag(true) => Squeeze::All,
            SqueezeText::Name(n) => match n.trim() {
                "off" | "none" => Squeeze::Off,
                "stops" => Squeeze::Stops,
                "all" => Squeeze::All,
                _ => {
                    return Err(serde::de::Error::custom(format!(
                        "`{n}` is no squeeze_punct (\"stops\", \"all\" or \"off\")"
                    )));
                }
            },
        })
    }
}

impl Measure {
    /// The measure in cells (`None`: the whole pane); `Err` when the text is no measure.
    pub fn cells(&self) -> Result<Option<u16>, String> {
        let n = match self {
            Measure::Cells(n) => *n,
            Measure::Text(s) => {
                let t = s.trim();
                let han = t.strip_suffix('字').or_else(|| t.strip_suffix("han"));
                let (num, per) = match han {
                    Some(num) => (num.trim(), 2),
                    None => (t.strip_suffix("cells").unwrap_or(t).trim(), 1),
                };
                let n: u16 = num
                    .parse()
                    .map_err(|_| format!("`{s}` is no measure (e.g. 72, \"72cells\", \"36字\")"))?;
                n.saturating_mul(per)
            }
        };
        Ok((n > 0).then_some(n))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DisplayConfig {
    pub ambiguous_wide: bool,
    pub fullwidth_punct: bool,
    /// Marks set half-width to fit a line (标点挤压): `"stops"` (one `。` or `、` a line,
    /// where it saves a ragged line), `"all"` (commas too, as `,`) or `"off"`; `true` and
    /// `false` read as `"all"` and `"off"`.
    pub squeeze_punct: Squeeze,
    /// Cells (`0`: by the terminal's width).
    pub list_width: u16,
    /// `both`, `zh` or `en`.
    pub language: String,
    /// `auto`, `full`, `16` or `none`.
    pub colors: String,
    /// The script articles are shown in: `as-printed`, `simplified`, `traditional`,
    /// `taiwan` or `hongkong`.
    pub script: String,
    /// `auto`, `halfblocks` or `off`.
    pub photos: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PhotosConfig {
    /// The most the photo cache in the data folder keeps, in MB (oldest out first).
    pub cache_mb: u64,
}

impl Default for PhotosConfig {
    fn default() -> Self {
        PhotosConfig { cache_mb: 300 }
    }
}

impl Default for ReadingConfig {
    fn default() -> Self {
        ReadingConfig {
            continuous: true,
            columns: false,
            measure: Measure::Text("40字".into()),
            read_after: 2,
        }
    }
}

impl Default for DisplayConfig {
    fn default() -> Self {
        DisplayConfig {
            ambiguous_wide: false,
            fullwidth_punct: true,
            squeeze_punct: Squeeze::Stops,
            list_width: 0,
            language: "both".into(),
            colors: "auto".into(),
            script: Script::AsPrinted.name().into(),
            photos: "auto".into(),
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        let theme = ROLES
            .iter()
            .map(|r| (r.0.to_string(), r.1.to_string()))
            .collect();
        let mut keys: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
        for b in Keymap::default().bindings() {
            let names = b.keys.iter().map(|k| k.name()).collect();
            keys.entry(b.mode.name().into())
                .or_default()
                .insert(b.name.into(), names);
        }
        Config {
            library: LibraryConfig::default(),
            reading: ReadingConfig::default(),
            display: DisplayConfig::default(),
            photos: PhotosConfig::default(),
            theme,
            keys,
        }
    }
}

/// A config file that cannot be used: one line naming the file, the line and the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("{}:{line}: {key}: {message}", .path.display())]
    Value {
        path: PathBuf,
        line: usize,
        key: String,
        message: String,
    },
    #[error("{}: {message}", .path.display())]
    File { path: PathBuf, message: String },
}

/// A config read and checked: what the reader and the commands take from it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    /// Where it was read from (`None`: no file, the defaults).
    pub path: Option<PathBuf>,
    pub prefs: Prefs,
    pub keymap: Keymap,
    /// The theme before the colour depth is applied.
    pub theme: Theme,
    pub colors: Colors,
    /// The reading measure in cells (`None`: the whole pane).
    pub measure: Option<u16>,
    /// `[display] script`.
    pub script: Script,
    pub photo_mode: PhotoMode,
}

impl Loaded {
    /// The typesetting settings the config asks for.
    pub fn settings(&self) -> Settings {
        Settings {
            fullwidth_punct: self.config.display.fullwidth_punct,
            ambiguous_wide: self.config.display.ambiguous_wide,
            columns: self.config.reading.columns,
            // No measure (`0`): the text runs the whole pane, as wide as a measure goes.
            measure: self.measure.map_or(typeset::measure::MAX_MEASURE, |m| {
                m.clamp(typeset::measure::MIN_MEASURE, typeset::measure::MAX_MEASURE)
            }),
            script: self.script,
            photos: self.photo_mode != PhotoMode::Off,
            squeeze_punct: self.config.display.squeeze_punct,
        }
    }

    /// The theme for this terminal (`NO_COLOR` set or not).
    pub fn theme_for(&self, no_color_env: bool) -> Theme {
        self.theme.for_colors(self.colors, no_color_env)
    }

    /// The folder for bookmarks and reading state, when the config names one.
    pub fn state_dir(&self) -> Option<&Path> {
        let d = &self.config.library.state_dir;
        (!d.as_os_str().is_empty()).then_some(d.as_path())
    }
}

/// Where the config is read from: `$XDG_CONFIG_HOME/dubao/config.toml`.
pub fn path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dubao").map(|d| d.config_dir().join("config.toml"))
}

/// Read the config at `path`; a missing file gives the defaults.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let mut loaded = parse(&text, path)?;
            loaded.path = Some(path.to_path_buf());
            Ok(loaded)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => parse("", path),
        Err(e) => Err(ConfigError::File {
            path: path.to_path_buf(),
            message: format!("cannot read: {e}"),
        }),
    }
}

/// The longest wait before an article counts as read: an hour.
const MAX_READ_AFTER: u64 = 3600;

/// Parse and check config text (`path` is for messages only).
/// A value's error, as `parse` makes it: `FILE:LINE: table.key: message`.
type Bad<'a> = dyn Fn(&str, &str, String) -> ConfigError + 'a;

/// The key table with the config's `[keys.*]` changes; a conflict is an error.
fn keymap_of(config: &Config, bad: &Bad) -> Result<Keymap, ConfigError> {
    let mut keymap = Keymap::default();
    for (mode, commands) in &config.keys {
        for (command, keys) in commands {
            keymap
                .rebind(mode, command, keys)
                .map_err(|e| bad(&format!("keys.{mode}"), command, e.to_string()))?;
        }
    }
    // Checked once all are rebound: a swap of two keys is no conflict.
    let defaults = Keymap::default();
    for (mode, commands) in &config.keys {
        for command in commands.keys() {
            if let Some(m) = keymap.conflict(&defaults, mode, command) {
                return Err(bad(&format!("keys.{mode}"), command, m));
            }
        }
    }
    Ok(keymap)
}

/// The theme with the config's `[theme]` styles.
fn theme_of(config: &Config, bad: &Bad) -> Result<Theme, ConfigError> {
    let mut theme = Theme::default();
    for (role, spec) in &config.theme {
        let style = theme::parse_style(spec).map_err(|m| bad("theme", role, m.to_string()))?;
        let slot = theme.role_mut(role).ok_or_else(|| {
            let m = format!("no role `{role}` (see `dubao config --default`)");
            bad("theme", role, m)
        })?;
        *slot = style;
    }
    Ok(theme)
}

pub fn parse(text: &str, path: &Path) -> Result<Loaded, ConfigError> {
    let config: Config = toml::from_str(text).map_err(|e| locate::serde_error(text, path, &e))?;
    let bad = |table: &str, key: &str, message: String| {
        locate::value_error(text, path, table, key, message)
    };
    let keymap = keymap_of(&config, &bad)?;
    let theme = theme_of(&config, &bad)?;
    let d = &config.display;
    let colors = Colors::parse(&d.colors).ok_or_else(|| {
        bad(
            "display",
            "colors",
            format!("`{}` is not one of {}", d.colors, Colors::NAMES.join(", ")),
        )
    })?;
    let lang = match d.language.as_str() {
        "both" => Lang::Both,
        "zh" => Lang::Zh,
        "en" => Lang::En,
        other => {
            let m = format!("`{other}` is not one of both, zh, en");
            return Err(bad("display", "language", m));
        }
    };
    let script = Script::parse(&d.script).ok_or_else(|| {
        let names: Vec<&str> = Script::ALL.iter().map(|s| s.name()).collect();
        let m = format!("`{}` is not one of {}", d.script, names.join(", "));
        bad("display", "script", m)
    })?;
    let photo_mode = PhotoMode::parse(&d.photos).ok_or_else(|| {
        let m = format!(
            "`{}` is not one of {}",
            d.photos,
            PhotoMode::NAMES.join(", ")
        );
        bad("display", "photos", m)
    })?;
    let measure = config
        .reading
        .measure
        .cells()
        .map_err(|m| bad("reading", "measure", m))?;
    let (min, max) = (typeset::measure::MIN_MEASURE, typeset::measure::MAX_MEASURE);
    if let Some(n) = measure.filter(|n| !(min..=max).contains(n)) {
        let m = format!(
            "{n} cells is outside the range {min}..={max} cells ({}字..={}字), or 0 for the whole pane",
            min / 2,
            max / 2
        );
        return Err(bad("reading", "measure", m));
    }
    if config.reading.read_after > MAX_READ_AFTER {
        let m = format!(
            "{} seconds is outside the range 0..={MAX_READ_AFTER}",
            config.reading.read_after
        );
        return Err(bad("reading", "read_after", m));
    }
    let prefs = Prefs {
        continuous: config.reading.continuous,
        list_width: (d.list_width > 0).then_some(d.list_width),
        lang,
        read_after: Duration::from_secs(config.reading.read_after),
    };
    Ok(Loaded {
        config,
        path: None,
        prefs,
        keymap,
        theme,
        colors,
        measure,
        script,
        photo_mode,
    })
}

#[cfg(test)]
mod tests;
