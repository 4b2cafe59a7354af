//! Drawing: turns the app state into cells. Reads state, never changes it.

use ratatui::Frame;

use crate::app::App;

pub fn draw(_frame: &mut Frame, _app: &App) {}
