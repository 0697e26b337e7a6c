//! One window per file: the window that has a canvas open listens on a socket named after
//! the file (in the data folder); a second start with the same file asks that window to come
//! to the front and ends, instead of opening a second copy that would save over the first.
//! (On systems without Unix sockets every start opens its own window.)

use std::path::{Path, PathBuf};

/// The socket of `file`'s window: `open/HASH.sock` in `dir`, the hash of the file's full
/// path. `None` when the file has no full path or the name would be too long for a socket.
pub fn socket_path(dir: &Path, file: &Path) -> Option<PathBuf> {
    use sha2::{Digest, Sha256};
    let full = std::fs::canonicalize(file).ok()?;
    let hash = Sha256::digest(full.as_os_str().as_encoded_bytes());
    let name: String = hash.iter().take(10).map(|b| format!("{b:02x}")).collect();
    let path = dir.join("open").join(format!("{name}.sock"));
    // A socket's path must fit in about 100 bytes.
    (path.as_os_str().len() < 100).then_some(path)
}

/// Asks the window that has `file` open to come to the front; `true` if one did (then this
/// start has nothing more to do).
#[cfg(unix)]
pub fn hand_over(dir: &Path, file: &Path) -> bool {
    use std::io::{Read, Write};
    use std::os::unix::net::UnixStream;
    let Some(sock) = socket_path(dir, file) else {
        return false;
    };
    let Ok(mut stream) = UnixStream::connect(&sock) else {
        return false;
    };
    let timeout = Some(std::time::Duration::from_secs(2));
    let _ = stream.set_read_timeout(timeout);
    let _ = stream.set_write_timeout(timeout);
    if stream.write_all(b"focus\n").is_err() {
        return false;
    }
    let mut answer = [0u8; 3];
    stream.read_exact(&mut answer).is_ok() && &answer == b"ok\n"
}

#[cfg(not(unix))]
pub fn hand_over(_dir: &Path, _file: &Path) -> bool {
    false
}

/// A window's claim on a file: while it lives, a second start with the file is sent here.
pub struct Claim {
    path: PathBuf,
}

impl Drop for Claim {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Claims `file` for this window; `on_focus` runs (on a thread of its own) when another
/// start asks for it. `None` when another window holds it or no socket can be made.
#[cfg(unix)]
pub fn claim(dir: &Path, file: &Path, on_focus: impl Fn() + Send + 'static) -> Option<Claim> {
    use std::io::{Read, Write};
    use std::os::unix::net::UnixListener;
    let sock = socket_path(dir, file)?;
    if hand_over_check(&sock) {
        return None;
    }
    std::fs::create_dir_all(sock.parent()?).ok()?;
    // What is left is a socket no window listens on any more.
    let _ = std::fs::remove_file(&sock);
    let listener = UnixListener::bind(&sock).ok()?;
    std::thread::Builder::new()
        .name("malbild-one-window".into())
        .spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else {
                    continue;
                };
                let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(2)));
                let mut ask = [0u8; 6];
                if stream.read_exact(&mut ask).is_ok() && &ask == b"focus\n" {
                    on_focus();
                    let _ = stream.write_all(b"ok\n");
                }
            }
        })
        .ok()?;
    Some(Claim { path: sock })
}

#[cfg(not(unix))]
pub fn claim(_dir: &Path, _file: &Path, _on_focus: impl Fn() + Send + 'static) -> Option<Claim> {
    None
}

/// Whether a window listens on `sock` (without asking it anything).
#[cfg(unix)]
fn hand_over_check(sock: &Path) -> bool {
    std::os::unix::net::UnixStream::connect(sock).is_ok()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_second_start_with_the_same_file_is_sent_to_the_first_window() {
        let dir = std::env::temp_dir().join(format!("malbild-inst-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join("a.malbild");
        let other = dir.join("b.malbild");
        let _ = std::fs::write(&file, "x");
        let _ = std::fs::write(&other, "x");
        assert!(!hand_over(&dir, &file), "no window has it yet");
        let asked = Arc::new(AtomicUsize::new(0));
        let seen = asked.clone();
        let claim = claim(&dir, &file, move || {
            seen.fetch_add(1, Ordering::SeqCst);
        });
        assert!(claim.is_some());
        assert!(hand_over(&dir, &file), "the first window answers");
        assert_eq!(asked.load(Ordering::SeqCst), 1);
        assert!(!hand_over(&dir, &other), "another file is not its");
        // A second claim on the same file is refused while the first lives.
        assert!(super::claim(&dir, &file, || {}).is_none());
        drop(claim);
        assert!(!hand_over(&dir, &file), "closed: the next start opens it");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
