//! The view model below both the app and the UI: pane geometry (`geometry`), the list's
//! rows (`rows`) and the theme's colours by role (`theme`). The app hit-tests the mouse and
//! pages with the same geometry the UI draws with.

pub mod geometry;
pub mod rows;
pub mod theme;
