//! dubao (读报): a terminal reader for Chinese newspapers.
//!
//! The layers, from the centre out: [`model`] (plain data), [`import`] (page dumps →
//! model), [`feed`] (beside the importer: papers' feeds → model, subscriptions, fetching), [`photos`] (news photos cached, decoded, drawn off the UI thread), [`library`] (issues kept and searched), [`typeset`] (article + width → lines), [`search`], [`bookmarks`], [`app`]
//! (state + actions + one `update`), [`ui`] (draws the state), [`tui`] (terminal and event loop), [`cli`] (the commands).

pub mod app;
pub mod bookmarks;
pub mod cli;
pub mod config;
pub mod epaper;
pub mod feed;
pub mod import;
pub mod library;
pub mod model;
pub mod photos;
pub mod search;
pub mod text;
pub mod tui;
pub mod typeset;
pub mod ui;
pub mod view;
