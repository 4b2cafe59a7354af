//! The theme: a style for every role the reader draws (typeset text and chrome), from
//! plain words (`"black on yellow bold"`), with a 16-colour and a no-colour form so focus,
//! selection and hits stay plain on any terminal (and with `NO_COLOR`).

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::typeset::Role;

/// How many colours to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Colors {
    /// All colours, unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Whatever the theme names (`#rrggbb`, 256-colour indices).
    Full,
    /// Only the 16 ANSI colours: others become the nearest of them.
    Sixteen,
    /// No colour: weight, underline and reverse video only.
    None,
}

impl Colors {
    pub const NAMES: [&str; 4] = ["auto", "full", "16", "none"];

    pub fn parse(s: &str) -> Option<Colors> {
        Some(match s {
            "auto" => Colors::Auto,
            "full" => Colors::Full,
            "16" => Colors::Sixteen,
            "none" => Colors::None,
            _ => return None,
        })
    }
}

macro_rules! theme {
    ($($field:ident: $default:literal, $no_color:literal, $doc:literal;)*) => {
        /// A style for every role.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Theme {
            $(#[doc = $doc] pub $field: Style,)*
        }

        /// Every role: (config name, default, no-colour form, what it styles).
        pub const ROLES: &[(&str, &str, &str, &str)] = &[
            $((stringify!($field), $default, $no_color, $doc),)*
        ];

        impl Theme {
            /// The style of the role named `name`, to change it.
            pub fn role_mut(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $(stringify!($field) => Some(&mut self.$field),)*
                    _ => None,
                }
            }

            fn blank() -> Theme {
                Theme { $($field: Style::new(),)* }
            }

            fn map(mut self, f: impl Fn(&str, Style) -> Style) -> Theme {
                $(self.$field = f(stringify!($field), self.$field);)*
                self
            }
        }
    };
}

theme! {
    rule: "darkgray", "", "the rule between the panes";
    dim: "darkgray", "", "labels above headlines, notes";
    selected: "black on cyan", "reversed bold", "the selected row while the list has focus";
    selected_unfocused: "black on gray", "underlined", "the selected row while the reading pane has focus";
    mark: "yellow bold", "bold", "the bookmark marker";
    kind: "magenta", "", "the photo / interview marker";
    unread: "bold", "bold", "unread headlines";
    hit: "black on yellow", "reversed", "search matches";
    hit_current: "black on lightred", "reversed bold underlined", "the match n/N went to";
    status: "black on gray", "reversed", "the status line";
    message: "black on lightyellow", "reversed bold", "messages on the status line";
    overlay: "", "", "text in the help and bookmarks boxes";
    key: "cyan bold", "bold", "key names in the help";
    issue_title: "bold", "bold", "the list's first row: the paper and date shown";
    page_header: "red bold", "bold underlined", "page headers in the list (第05版 评论)";
    title: "bold", "bold", "headlines (主题)";
    kicker: "cyan", "", "kickers (引题)";
    subtitle: "cyan", "", "subtitles (副题)";
    column: "red bold", "bold", "column labels (栏目)";
    byline: "darkgray", "", "bylines";
    credit: "darkgray", "", "photo credits";
    dateline: "bold", "bold", "datelines (电头)";
    speaker: "blue bold", "bold", "interview speakers";
    subhead: "bold", "bold", "subheads (小标题)";
    caption: "italic", "italic", "photo captions";
    body: "", "", "body text";
}

impl Default for Theme {
    fn default() -> Self {
        Theme::blank().map(|name, _| {
            let spec = ROLES.iter().find(|r| r.0 == name).map_or("", |r| r.1);
            parse_style(spec).unwrap_or_default()
        })
    }
}

impl Theme {
    /// The theme as `colors` allows; `no_color_env` is whether `NO_COLOR` is set (for
    /// `Colors::Auto`). Without colour every role takes its no-colour form, so the
    /// selection is reversed and the unfocused selection underlined.
    pub fn for_colors(self, colors: Colors, no_color_env: bool) -> Theme {
        match colors {
            Colors::Auto if no_color_env => self.for_colors(Colors::None, false),
            Colors::Auto | Colors::Full => self,
            Colors::Sixteen => self.map(|_, s| Style {
                fg: s.fg.map(to_16),
                bg: s.bg.map(to_16),
                ..s
            }),
            Colors::None => self.map(|name, _| {
                let spec = ROLES.iter().find(|r| r.0 == name).map_or("", |r| r.2);
                parse_style(spec).unwrap_or_default()
            }),
        }
    }

    /// The style of typeset text by its role.
    pub fn role(&self, role: Role) -> Style {
        match role {
            Role::Title => self.title,
            Role::Kicker => self.kicker,
            Role::Subtitle => self.subtitle,
            Role::Column => self.column,
            Role::Byline => self.byline,
            Role::Credit => self.credit,
            Role::Dateline => self.dateline,
            Role::Speaker => self.speaker,
            Role::Subhead => self.subhead,
            Role::Caption => self.caption,
            Role::Body | Role::Space => self.body,
        }
    }
}

/// Parse a style: words for weight and colour, `on` before the background.
/// `"black on yellow bold"`, `"#ff8800"`, `"underlined"`, `""` (the terminal's own).
/// Colours are ratatui's names (`red`, `lightred`, `darkgray`…), `#rrggbb` or 0–255.
pub fn parse_style(spec: &str) -> Result<Style, StyleError> {
    let mut style = Style::new();
    let mut words = spec.split_whitespace();
    while let Some(w) = words.next() {
        let lower = w.to_ascii_lowercase();
        let modifier = match lower.as_str() {
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underlined" | "underline" => Some(Modifier::UNDERLINED),
            "reversed" | "reverse" => Some(Modifier::REVERSED),
            "crossed" => Some(Modifier::CROSSED_OUT),
            _ => None,
        };
        if let Some(m) = modifier {
            style = style.add_modifier(m);
        } else if lower == "on" {
            let bg = words.next().ok_or(StyleError::NoBackground)?;
            style = style.bg(color(bg)?);
        } else {
            style = style.fg(color(w)?);
        }
    }
    Ok(style)
}

fn color(word: &str) -> Result<Color, StyleError> {
    Color::from_str(word).map_err(|_| StyleError::NotAColour(word.to_string()))
}

/// What is wrong with a style in the config file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StyleError {
    #[error("`on` needs a colour after it")]
    NoBackground,
    #[error("`{0}` is not a colour or style (try red, lightblue, #ff8800, 244, bold)")]
    NotAColour(String),
}

/// The nearest of the 16 ANSI colours.
fn to_16(c: Color) -> Color {
    let (r, g, b) = match c {
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) if i >= 16 => indexed_rgb(i),
        Color::Indexed(i) => return ANSI[usize::from(i)].0,
        other => return other,
    };
    let d = |(_, (x, y, z)): &(Color, (u8, u8, u8))| {
        let sq = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        sq(*x, r) + sq(*y, g) + sq(*z, b)
    };
    ANSI.iter()
        .min_by_key(|e| d(e))
        .map_or(Color::Reset, |e| e.0)
}

/// The RGB of a 256-colour index above 15.
fn indexed_rgb(i: u8) -> (u8, u8, u8) {
    if i >= 232 {
        let v = 8 + (i - 232) * 10;
        return (v, v, v);
    }
    let i = i - 16;
    let level = |n: u8| if n == 0 { 0 } else { 55 + n * 40 };
    (level(i / 36), level(i / 6 % 6), level(i % 6))
}

const ANSI: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_parse_from_words() {
        let s = parse_style("black on yellow bold").unwrap();
        assert_eq!((s.fg, s.bg), (Some(Color::Black), Some(Color::Yellow)));
        assert!(s.add_modifier.contains(Modifier::BOLD));
        assert_eq!(
            parse_style("#ff8800").unwrap().fg,
            Some(Color::Rgb(255, 136, 0))
        );
        assert_eq!(parse_style("").unwrap(), Style::new());
        assert!(parse_style("blurple").is_err());
        assert!(parse_style("red on").is_err());
    }

    #[test]
    fn every_default_and_no_colour_form_parses() {
        for (name, default, none, _) in ROLES {
            assert!(parse_style(default).is_ok(), "{name}");
            assert!(parse_style(none).is_ok(), "{name}");
        }
    }

    #[test]
    fn no_colour_keeps_selection_and_hits_visible_without_colour() {
        let t = Theme::default().for_colors(Colors::Auto, true);
        for s in [t.selected, t.hit, t.status, t.hit_current] {
            assert!(s.add_modifier.contains(Modifier::REVERSED));
            assert_eq!((s.fg, s.bg), (None, None));
        }
        assert!(
            t.selected_unfocused
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
        assert_ne!(t.selected, t.selected_unfocused);
    }

    #[test]
    fn sixteen_colours_map_to_the_nearest() {
        let t = Theme {
            hit: parse_style("#101010 on 226").unwrap(),
            ..Theme::default()
        };
        let t = t.for_colors(Colors::Sixteen, false);
        assert_eq!(
            (t.hit.fg, t.hit.bg),
            (Some(Color::Black), Some(Color::LightYellow))
        );
        assert_eq!(t.selected, Theme::default().selected);
    }

    #[test]
    fn focused_and_unfocused_selection_differ_in_colour() {
        let t = Theme::default();
        assert_ne!(t.selected.bg, t.selected_unfocused.bg);
        assert_ne!(t.selected_unfocused.fg, t.selected_unfocused.bg);
        assert_ne!(
            t.dim.fg, t.selected_unfocused.bg,
            "a label stays readable on it"
        );
    }
}
