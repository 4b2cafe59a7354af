//! A feed item's headline stack (引题, 主题, 副题) and column, from the e-paper's headings,
//! else the `enpproperty` comment, else the item's title; and the body blocks that only
//! repeat it.

use scraper::{ElementRef, Html};

use super::enp::Props;
use super::html::{self, sel};
use super::title;
use crate::import::clean::clean;

/// The headline stack and the column, as found.
#[derive(Debug, Clone, Default)]
pub(super) struct Stack {
    pub(super) kicker: Option<String>,
    pub(super) title: String,
    pub(super) subtitle: Option<String>,
    pub(super) column: Option<String>,
}

impl Stack {
    pub(super) fn read(doc: &Html, props: Option<&Props>, item_title: &str) -> Stack {
        let (col, t_title, t_sub) = title::split_headline(item_title);
        let mut stack = if let Some(s) = Stack::from_headings(doc) {
            s
        } else if let Some(p) = props.filter(|p| p.title.is_some()) {
            Stack {
                kicker: p.introtitle.as_deref().map(clean),
                title: p.title.as_deref().map(clean).unwrap_or_default(),
                subtitle: p.subtitle.as_deref().map(clean),
                column: None,
            }
        } else {
            Stack {
                kicker: None,
                title: t_title.clone(),
                subtitle: t_sub,
                column: None,
            }
        };
        stack.column = col.or_else(|| title::trailing_column(item_title, &stack.title));
        if stack.title.is_empty() {
            stack.title = if t_title.is_empty() {
                "（无题）".to_string()
            } else {
                t_title
            };
        }
        stack
    }

    /// The e-paper's `<h3>` 引题, `<h1>` 主题, `<h2>` 副题, read in document order: an
    /// `<h3>` counts only before the `<h1>`, an `<h2>` only right after it, so the
    /// subheads of a body are not taken for the stack.
    fn from_headings(doc: &Html) -> Option<Stack> {
        let text = |e: ElementRef<'_>| Some(clean(&html::line(e))).filter(|t| !t.is_empty());
        let in_heading = |e: &ElementRef<'_>| {
            e.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| matches!(a.value().name(), "h1" | "h2" | "h3"))
        };
        let (mut kicker, mut title, mut subtitle) = (None, None, None);
        for e in doc.select(&sel("h1, h2, h3, p")) {
            match (e.value().name(), title.is_some()) {
                ("p", _) if in_heading(&e) => {}
                ("h3", false) => kicker = text(e),
                ("h1", false) => title = text(e),
                ("h2", true) => {
                    subtitle = text(e);
                    break;
                }
                (_, true) => break,
                _ => {}
            }
        }
        Some(Stack {
            kicker,
            title: title?,
            subtitle,
            column: None,
        })
    }

    /// The stack's lines as [`Stack::has`] compares them (spaces and a `——` aside).
    pub(super) fn keys(&self) -> Vec<String> {
        [
            Some(self.title.as_str()),
            self.kicker.as_deref(),
            self.subtitle.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(stack_key)
        .filter(|k| !k.is_empty())
        .collect()
    }

    /// Whether a body block repeats a line of the stack (`keys`, from [`Stack::keys`]),
    /// as table-laid e-papers print the headline again over the text. Only a block as
    /// short as a headline line is compared.
    pub(super) fn has(keys: &[String], text: &str) -> bool {
        let longest = keys.iter().map(String::len).max().unwrap_or(0);
        if keys.is_empty() || text.len() > 4 * longest + 32 {
            return false;
        }
        let text = stack_key(text);
        !text.is_empty() && keys.contains(&text)
    }
}

/// A line without spaces and a subtitle's `——`.
fn stack_key(t: &str) -> String {
    super::enp::undashed(t)
        .chars()
        .filter(|c| !html::is_blank(*c))
        .collect()
}
