//! The terminal side of the reader: set the terminal up, run the event loop, and restore
//! the terminal on every way out (`q`, Ctrl-C, SIGTERM, SIGHUP, a panic).

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Result;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::app::{Action, App, Edit, keys};

pub mod effects;
mod graphics;

/// Put the terminal back as the shell expects it. Safe to call more than once.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = out.flush();
}

/// Restores the terminal when dropped, whichever way the loop ends.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn setup() -> Result<Terminal<CrosstermBackend<Stdout>>> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        hook(info);
    }));
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    Ok(Terminal::new(CrosstermBackend::new(io::stdout()))?)
}

/// Translate a terminal event into an action.
fn action_for(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => keys::map_key(app, k),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Paste(s) if app.search().editing() => Some(Action::SearchEdit(Edit::Insert(s))),
        Event::Paste(s) if app.goto().editing() => Some(Action::GotoEdit(Edit::Insert(s))),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                delta: 1,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                delta: -1,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Read terminal events on a thread of their own, so the loop never blocks inside the
/// terminal library: when the terminal goes away (a closed window, a killed tmux), reads
/// can spin without returning, and the loop must still see signals and quit.
fn spawn_event_reader() -> mpsc::Receiver<Event> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            match event::poll(Duration::from_millis(250)) {
                Ok(true) => match event::read() {
                    Ok(ev) => {
                        if tx.send(ev).is_err() {
                            return;
                        }
                    }
                    Err(_) => return,
                },
                Ok(false) if !io::stdin().is_terminal() => return,
                Ok(false) => {}
                Err(_) => return,
            }
        }
    });
    rx
}

/// Apply `first` and whatever other events are already waiting, before drawing again.
/// Text typed on the search line in one burst (an input method, a paste, keys typed while
/// a search ran) is one edit, so the shelf is searched once for it.
fn apply_waiting(app: &mut App, first: Event, events: &mpsc::Receiver<Event>) {
    let mut typed = String::new();
    let mut next = Some(first);
    while let Some(ev) = next.take() {
        match action_for(app, ev) {
            Some(Action::SearchEdit(Edit::Insert(s))) => typed.push_str(&s),
            other => {
                if !typed.is_empty() {
                    let burst = std::mem::take(&mut typed);
                    app.update(Action::SearchEdit(Edit::Insert(burst)));
                }
                if let Some(a) = other {
                    app.update(a);
                }
            }
        }
        if app.screen().quitting() {
            return;
        }
        next = events.try_recv().ok();
    }
    if !typed.is_empty() {
        app.update(Action::SearchEdit(Edit::Insert(typed)));
    }
}

/// Start the photo worker for this terminal's graphics, when the reader has a setup.
fn start_photos(app: &mut App) {
    let Some(setup) = app.photos().setup().cloned() else {
        return;
    };
    let picker = graphics::picker(setup.mode);
    let cache = setup
        .cache_dir
        .map(|d| crate::photos::Cache::new(d, setup.cache_bytes));
    let opts = crate::photos::Options::default();
    app.start_photos(crate::photos::Worker::start(picker, cache, opts, 2));
}

/// Run the reader until the user quits, a signal asks it to stop, or the terminal goes.
/// Returns the warnings to repeat once the screen is back (e.g. where a corrupt
/// bookmarks file was moved).
pub fn run(mut app: App) -> Result<Vec<String>> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    let _guard = Guard;
    let mut terminal = setup()?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    // Asked before the event reader starts: the query reads the terminal's answer.
    start_photos(&mut app);
    let events = spawn_event_reader();
    // Openers that failed after starting say so here.
    let (failed, failures) = mpsc::channel::<String>();
    // Lets the end-to-end tests check that a panic restores the terminal: debug builds
    // (the ones tests run) only, never in a release.
    #[cfg(debug_assertions)]
    let panic_for_test = std::env::var_os("DUBAO_TEST_PANIC").is_some();
    while !app.screen().quitting() {
        terminal.draw(|f| crate::ui::draw(f, &app))?;
        #[cfg(debug_assertions)]
        if panic_for_test {
            panic!("DUBAO_TEST_PANIC is set");
        }
        match events.recv_timeout(Duration::from_millis(200)) {
            Ok(ev) => apply_waiting(&mut app, ev, &events),
            // Idle: the tick below takes in background results and new issues.
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            // The terminal is gone: keep the reading place and leave.
            Err(mpsc::RecvTimeoutError::Disconnected) => app.update(Action::Quit),
        }
        effects::apply(&mut app, terminal.backend_mut(), &failed)?;
        if let Ok(why) = failures.try_recv() {
            app.update(Action::Say(why));
        }
        if stop.load(Ordering::Relaxed) || !io::stdout().is_terminal() {
            app.update(Action::Quit);
        } else {
            app.update(Action::Tick(std::time::Instant::now()));
        }
    }
    Ok(app.take_notices())
}
