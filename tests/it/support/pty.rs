//! Shared helpers for the end-to-end tests: run the real binary in a pseudo-terminal and
//! read its screen back through a terminal emulator (`vt100`).

use std::io::{Read, Write};
use std::os::fd::FromRawFd;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The real `dubao` binary in a pseudo-terminal of a given size.
pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    /// Tells the reading thread to let go of its copy of the terminal.
    closed: Arc<AtomicBool>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap()
}

impl Tui {
    /// Start `dubao ARGS` at `cols`×`rows`, keeping its state under `data_home`.
    pub fn start(args: &[&str], cols: u16, rows: u16, data_home: &Path) -> Tui {
        Self::spawn(args, &[], false, cols, rows, data_home)
    }

    /// `start` with extra environment variables.
    pub fn start_with(
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
        data_home: &Path,
    ) -> Tui {
        Self::spawn(args, env, false, cols, rows, data_home)
    }

    /// `start`, but as a shell's child (as a terminal window or tmux pane runs it), so the
    /// shell, not dubao, leads the terminal's session.
    pub fn start_under_shell(args: &[&str], cols: u16, rows: u16, data_home: &Path) -> Tui {
        Self::spawn(args, &[], true, cols, rows, data_home)
    }

    fn spawn(
        args: &[&str],
        env: &[(&str, &str)],
        under_shell: bool,
        cols: u16,
        rows: u16,
        data_home: &Path,
    ) -> Tui {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dubao"));
        cmd.args(args);
        if under_shell {
            cmd = CommandBuilder::new("sh");
            cmd.args([
                "-c",
                &format!("{} \"$@\"; sleep 30", env!("CARGO_BIN_EXE_dubao")),
                "sh",
            ]);
            cmd.args(args);
        }
        cmd.env("XDG_DATA_HOME", data_home);
        cmd.env("XDG_CONFIG_HOME", data_home.join("config"));
        cmd.env("HOME", data_home);
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(data_home);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn dubao");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        // Our own non-blocking copy of the master side, so that `hang_up` can close every
        // copy of it (a thread blocked in `read` would keep the terminal open).
        let fd = pair.master.as_raw_fd().expect("master fd");
        // SAFETY: `dup` of a valid fd; the new fd is owned by the `File` below only.
        let mut reader = unsafe {
            let copy = libc::dup(fd);
            assert!(copy >= 0, "dup");
            let flags = libc::fcntl(copy, libc::F_GETFL);
            libc::fcntl(copy, libc::F_SETFL, flags | libc::O_NONBLOCK);
            std::fs::File::from_raw_fd(copy)
        };
        let closed = Arc::new(AtomicBool::new(false));
        let (sink, done) = (Arc::clone(&parser), Arc::clone(&closed));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !done.load(Ordering::Relaxed) {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => sink.lock().unwrap().process(&buf[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(_) => break,
                }
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        Tui {
            parser,
            master: Some(pair.master),
            writer: Some(writer),
            child,
            closed,
        }
    }

    /// Type bytes as a user would, with a pause so keys are not read as one sequence.
    pub fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            let mut b = [0u8; 4];
            self.raw(c.encode_utf8(&mut b).as_bytes());
        }
    }

    /// Send raw bytes at once (an escape sequence, or text from an input method).
    pub fn raw(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().expect("terminal open");
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
        std::thread::sleep(Duration::from_millis(40));
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(nz(rows), nz(cols));
        let m = self.master.as_ref().expect("terminal open");
        m.resize(size(cols, rows)).unwrap();
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The text of one cell (a wide char's second cell is empty).
    pub fn cell(&self, row: u16, col: u16) -> String {
        let p = self.parser.lock().unwrap();
        p.screen()
            .cell(row, col)
            .map(|c| c.contents().to_string())
            .unwrap_or_default()
    }

    pub fn is_wide(&self, row: u16, col: u16) -> bool {
        let p = self.parser.lock().unwrap();
        p.screen().cell(row, col).is_some_and(|c| c.is_wide())
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Wait until the screen satisfies `pred`, or panic with the screen after 10 s.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contains(text));
    }

    /// Wait for the process to end and return its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            if start.elapsed() > Duration::from_secs(10) {
                let _ = self.child.kill();
                panic!("dubao did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Close the terminal under the program, as closing its window does.
    pub fn hang_up(&mut self) {
        self.closed.store(true, Ordering::Relaxed);
        self.writer = None;
        self.master = None;
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
