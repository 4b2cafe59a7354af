//! The reader's styles: what each typeset role and each piece of chrome looks like.

use ratatui::style::{Color, Modifier, Style};

use crate::typeset::Role;

pub const RULE: Style = Style::new().fg(Color::DarkGray);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const SELECTED_UNFOCUSED: Style = Style::new().bg(Color::DarkGray);
pub const MARK: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const KIND: Style = Style::new().fg(Color::Magenta);
pub const UNREAD: Style = Style::new().add_modifier(Modifier::BOLD);
pub const HIT: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
pub const HIT_CURRENT: Style = Style::new().fg(Color::Black).bg(Color::LightRed);
pub const STATUS: Style = Style::new().fg(Color::Black).bg(Color::Gray);
pub const MESSAGE: Style = Style::new().fg(Color::Black).bg(Color::LightYellow);
pub const OVERLAY: Style = Style::new();
/// The list's first row: paper and date of the issue shown.
pub const ISSUE_TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
/// `第05版 评论` heading a page's articles in the list.
pub const PAGE_HEADER: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);

/// The style of typeset text by its role.
pub fn role(role: Role) -> Style {
    match role {
        Role::Title => Style::new().add_modifier(Modifier::BOLD),
        Role::Kicker => Style::new().fg(Color::Cyan),
        Role::Subtitle => Style::new().fg(Color::Cyan),
        Role::Column => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        Role::Byline | Role::Credit => Style::new().fg(Color::DarkGray),
        Role::Dateline => Style::new().add_modifier(Modifier::BOLD),
        Role::Speaker => Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        Role::Subhead => Style::new().add_modifier(Modifier::BOLD),
        Role::Caption => Style::new().add_modifier(Modifier::ITALIC),
        Role::Body | Role::Space => Style::new(),
    }
}
