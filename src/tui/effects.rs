//! Carrying out what `update` asked of the terminal side: a copy to the clipboard as an
//! OSC 52 escape written through the terminal backend (terminals and tmux pass it on), and
//! a link opened by the system's opener, spawned detached, its failure told on the status
//! line (never written over the screen).

use std::io::{self, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc::Sender;

use crate::app::{App, Effect};

/// The OSC 52 escape that puts `text` on the clipboard (`c`), ended by BEL.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648), all OSC 52 needs.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The system's opener for links.
pub fn opener() -> &'static str {
    if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    }
}

/// Start `opener` on `link`, detached (its own process group, no terminal I/O); a failure
/// to start comes back at once, a failure later through `failures`.
pub fn open(opener: &str, link: &str, failures: Sender<String>) -> Result<(), String> {
    let mut cmd = Command::new(opener);
    cmd.arg(link)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("链接未打开 could not open the link: {opener}: {e}"))?;
    let opener = opener.to_string();
    // Reap it, and tell of a failure (a non-zero exit) on the status line.
    std::thread::spawn(move || match child.wait() {
        Ok(s) if s.success() => {}
        Ok(s) => _ = failures.send(format!("链接未打开 could not open the link: {opener} {s}")),
        Err(e) => _ = failures.send(format!("链接未打开 could not open the link: {opener}: {e}")),
    });
    Ok(())
}

/// Carry out every effect `app` asked for: copies written to `out` (the terminal
/// backend), links opened; a failure goes on the status line.
pub fn apply(app: &mut App, out: &mut impl Write, failures: &Sender<String>) -> io::Result<()> {
    for effect in app.take_effects() {
        match effect {
            Effect::Copy(text) => {
                out.write_all(osc52(&text).as_bytes())?;
                out.flush()?;
            }
            Effect::Open(link) => {
                if let Err(e) = open(opener(), &link, failures.clone()) {
                    app.update(crate::app::Action::Say(e));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;

    #[test]
    fn base64_as_the_rfc_has_it() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("人民", "5Lq65rCR"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
    }

    #[test]
    fn a_copy_writes_the_osc52_bytes_through_the_backend() {
        let mut app = crate::app::App::new(crate::model::Library::default(), (80, 24), None);
        app.push_effect_for_test(Effect::Copy("http://a.cn/x?y=1".into()));
        let mut bytes = Vec::<u8>::new();
        let mut backend = CrosstermBackend::new(&mut bytes);
        let (tx, _rx) = std::sync::mpsc::channel();
        apply(&mut app, &mut backend, &tx).unwrap();
        let written = String::from_utf8(bytes).unwrap();
        assert_eq!(written, "\x1b]52;c;aHR0cDovL2EuY24veD95PTE=\x07");
        assert!(app.take_effects().is_empty());
    }

    #[test]
    fn an_opener_that_is_missing_or_fails_is_a_status_line() {
        let mut app = crate::app::App::new(crate::model::Library::default(), (80, 24), None);
        let (tx, rx) = std::sync::mpsc::channel();
        let e = open("/nonexistent/opener", "http://a.cn", tx.clone()).unwrap_err();
        assert!(e.contains("/nonexistent/opener"), "{e}");
        open("false", "http://a.cn", tx.clone()).unwrap();
        let later = rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
        assert!(later.contains("false") && later.contains("exit"), "{later}");
        app.push_effect_for_test(Effect::Open("http://a.cn".into()));
        let mut out = Vec::new();
        apply(&mut app, &mut out, &tx).unwrap();
        assert!(out.is_empty(), "nothing written over the screen");
    }
}
