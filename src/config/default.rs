//! The complete, commented default config that `dubao config --default` prints. The
//! theme and key sections are written from the role list and the key table, so they
//! never fall behind; a test loads the text back and compares it with the defaults.

use crate::app::Keymap;
use crate::app::keys::Mode;
use crate::view::theme::ROLES;

const HEAD: &str = r#"# dubao (读报) config: $XDG_CONFIG_HOME/dubao/config.toml
# Every setting is here with its default value; delete what you do not change.
# A bad value stops dubao at start with the file, the line and the key.

[library]
# Page dumps, `export --json` files or folders to open when no --data is given
# (empty: the issue bundled in the binary).
data = []
# Where bookmarks and reading state are kept ("": $XDG_DATA_HOME/dubao).
state_dir = ""

[reading]
# Space (page forward) at the end of an article goes on to the next one.
continuous = true
# Start with the body set in columns (分栏) when the reading pane is wide enough.
columns = false
# The reading measure: the widest the text runs, in cells, or "40字" Han characters
# (0: the whole pane). A wider pane centres the text; `<` and `>` change it while reading.
measure = "40字"
# Seconds an article is shown in the reading pane before it counts as read.
read_after = 2

[display]
# East Asian ambiguous-width characters (“ ” … ①) two cells wide, as CJK terminals show them.
ambiguous_wide = false
# ASCII punctuation between Han characters shown full-width (，not ,).
fullwidth_punct = true
# Marks set half-width to fit a line a cell too long (标点挤压), where it would otherwise end
# ragged or take a gap beside a mark: "stops" (one 。 or 、 a line, as ｡ ､), "all" (up to
# three marks, commas too: ，as , which looks Western) or "off".
squeeze_punct = "stops"
# The article list's width in cells (0: by the terminal's width).
list_width = 0
# The help and key hints: "both" (中文 and English), "zh" or "en".
language = "both"
# "auto" (all colours, none when NO_COLOR is set), "full", "16" (the 16 ANSI colours
# only) or "none" (bold, underline and reverse video only).
colors = "auto"
# The script articles are shown in, converted by phrase (发展 → 發展, 头发 → 頭髮); the
# stored text and search are not changed (search finds either script): "as-printed",
# "simplified", "traditional", "taiwan" (臺灣正體) or "hongkong" (香港繁體). `S` cycles it.
script = "as-printed"
# News photos in the text: "auto" (the terminal's graphics: kitty, iTerm2 or sixel,
# else half blocks), "halfblocks" (coloured half blocks, any terminal) or "off"
# (captions only). A key turns them on and off while reading.
photos = "auto"

[photos]
# The most the photo cache in the data folder keeps, in MB (the oldest go first).
cache_mb = 300

[theme]
# Style words: a colour (red, lightblue, darkgray, #ff8800, 0-255), "on" and a
# background colour, and any of bold, dim, italic, underlined, reversed.
"#;

const KEYS_HEAD: &str = r#"
# Key bindings, by where they apply; each command takes a list of keys. Key names:
# one character (j, ?, N), Space, Enter, Esc, Tab, BackTab, Backspace, Delete, Up, Down,
# Left, Right, Home, End, PgUp, PgDn, and Ctrl- before any (Ctrl-d). [] unbinds.
"#;

/// The default config, complete and commented.
pub fn default_text() -> String {
    let mut s = String::from(HEAD);
    for (name, default, _, doc) in ROLES {
        s.push_str(&format!("{name} = {}  # {doc}\n", quote(default)));
    }
    s.push_str(KEYS_HEAD);
    let map = Keymap::default();
    for mode in Mode::ALL {
        let (zh, en) = mode.title();
        s.push_str(&format!("\n[keys.{}]  # {zh} {en}\n", mode.name()));
        for b in map.bindings().iter().filter(|b| b.mode == mode) {
            let keys: Vec<String> = b.keys.iter().map(|k| quote(&k.name())).collect();
            s.push_str(&format!(
                "{} = [{}]  # {} {}\n",
                b.name,
                keys.join(", "),
                b.zh,
                b.en
            ));
        }
    }
    s
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
