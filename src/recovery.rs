//! Never lose work: every document with unsaved changes is written, a moment after it
//! changes, to a recovery file in the user's data folder (never over the user's own file).
//! A session (one open document in one window) owns its files through a lock naming its
//! process; files whose lock is gone or names a dead process are what a crash left, and are
//! offered at the next start.

use crate::io;
use crate::model::Document;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How long after the first unsaved change the recovery file is written, in seconds: at
/// most this much work is lost in a crash (plus the time a write takes).
pub const DELAY_SECONDS: f64 = 2.0;
/// Most recovery files looked at when starting.
pub const MAX_ORPHANS: usize = 50;
/// Longest meta file read, in bytes.
const MAX_META_BYTES: u64 = 64 * 1024;

/// The program's folder in the user's data folder (`$XDG_DATA_HOME` or `~/.local/share` on
/// Linux, `%APPDATA%` on Windows, `~/Library/Application Support` on macOS), `…/malbild`.
pub fn data_dir() -> Option<PathBuf> {
    program_dir(
        "XDG_DATA_HOME",
        ".local/share",
        "Library/Application Support",
    )
}

/// The program's folder of a kind: `$XDG` (or `~/HOME_DEFAULT`) on Linux, `~/MAC` on macOS,
/// `%APPDATA%` on Windows; only absolute paths are believed.
pub fn program_dir(xdg: &str, home_default: &str, mac: &str) -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let base = if cfg!(windows) {
        env("APPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join(mac))
    } else {
        env(xdg).or_else(|| env("HOME").map(|h| h.join(home_default)))
    }?;
    Some(base.join("malbild"))
}

/// Where recovery files are kept.
pub fn default_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("recovery"))
}

/// What is known of a recovered document besides itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    #[serde(rename = "format")]
    pub format: String,
    /// The document's name as the window showed it.
    #[serde(rename = "name")]
    pub name: String,
    /// The user's file it belongs to, if it was saved or opened from one.
    #[serde(rename = "path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
    /// When it was written, in seconds since 1970 (UTC).
    #[serde(rename = "saved_at")]
    pub saved_at: u64,
}

impl Meta {
    pub fn new(name: &str, path: Option<&Path>) -> Self {
        let saved_at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Meta {
            format: "malbild-recovery".into(),
            name: name.chars().take(200).collect(),
            path: path.map(Path::to_path_buf),
            saved_at,
        }
    }
}

/// One open document's recovery files: `ID.malbild` (the document, in the file format),
/// `ID.json` (its [`Meta`]) and `ID.lock` (the process that owns them).
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub dir: PathBuf,
    pub id: String,
}

impl Session {
    /// A new session with an id of its own.
    pub fn new(dir: &Path) -> Self {
        Session {
            dir: dir.to_path_buf(),
            id: format!("{:016x}", crate::model::ElementId::random().0),
        }
    }

    pub fn doc_path(&self) -> PathBuf {
        self.dir.join(format!("{}.{}", self.id, io::EXTENSION))
    }

    fn meta_path(&self) -> PathBuf {
        self.dir.join(format!("{}.json", self.id))
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join(format!("{}.lock", self.id))
    }

    /// Writes the document and what is known of it, each file atomically (the document
    /// first), after taking the lock. Run on a worker thread: it waits for the disk.
    pub fn write(&self, doc_bytes: &[u8], meta: &Meta) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        io::write_atomic(&self.lock_path(), lock_text().as_bytes())?;
        io::write_atomic(&self.doc_path(), doc_bytes)?;
        let json = serde_json::to_vec_pretty(meta).map_err(std::io::Error::other)?;
        io::write_atomic(&self.meta_path(), &json)
    }

    /// Removes the session's files (the work is saved, or thrown away on purpose).
    pub fn discard(&self) {
        for p in [self.meta_path(), self.doc_path(), self.lock_path()] {
            let _ = std::fs::remove_file(p);
        }
    }

    /// Whether a recovery file of this session is on disk.
    pub fn exists(&self) -> bool {
        self.meta_path().is_file() || self.doc_path().is_file()
    }

    /// Takes the session over (a recovered document goes on being autosaved where it was):
    /// the lock names this process now.
    pub fn adopt(&self) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        io::write_atomic(&self.lock_path(), lock_text().as_bytes())
    }
}

/// What a lock holds: this process's id and when it started (so that a new process that
/// got the same id after a restart is not taken for the dead one).
fn lock_text() -> String {
    let pid = std::process::id();
    format!("{pid} {}", process_start(pid).unwrap_or(0))
}

/// When process `pid` started, in clock ticks since boot (Linux); `None` elsewhere or when
/// it is not running.
fn process_start(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name in parentheses may hold spaces: fields are counted after its end.
    let after = stat.rsplit_once(')')?.1;
    after.split_whitespace().nth(19)?.parse().ok()
}

/// Whether the process a lock names still runs.
fn lock_is_live(path: &Path) -> bool {
    let Ok(text) = read_small(path) else {
        return false;
    };
    let mut parts = text.split_whitespace();
    let Some(pid) = parts.next().and_then(|p| p.parse::<u32>().ok()) else {
        return false;
    };
    let started: u64 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    if pid == 0 {
        return false;
    }
    #[cfg(unix)]
    {
        let Ok(raw) = i32::try_from(pid) else {
            return false;
        };
        // Signal 0 checks that the process exists without touching it.
        let alive = unsafe { libc::kill(raw, 0) } == 0
            || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
        if !alive {
            return false;
        }
        match process_start(pid) {
            Some(now) if started != 0 => now == started,
            _ => true,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = started;
        true
    }
}

fn read_small(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.is_file() || meta.len() > MAX_META_BYTES {
        return Err(std::io::Error::other("not a small regular file"));
    }
    let mut s = String::new();
    std::fs::File::open(path)?
        .take(MAX_META_BYTES)
        .read_to_string(&mut s)?;
    Ok(s)
}

/// A document a crash left behind.
#[derive(Clone, Debug, PartialEq)]
pub struct Orphan {
    pub session: Session,
    pub meta: Meta,
}

impl Orphan {
    /// Reads the document (with every check a file gets).
    pub fn load(&self) -> Result<Document, io::LoadError> {
        io::load(&self.session.doc_path()).map(|l| l.document)
    }
}

/// The documents left in `dir` by sessions whose process is gone, newest first (at most
/// [`MAX_ORPHANS`]). Files that are not a session's are left alone.
pub fn orphans(dir: &Path) -> Vec<Orphan> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<Orphan> = entries
        .flatten()
        .take(MAX_ORPHANS * 8)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let id = name.strip_suffix(".json")?;
            if id.is_empty() || id.len() > 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let session = Session {
                dir: dir.to_path_buf(),
                id: id.to_owned(),
            };
            if lock_is_live(&session.lock_path()) || !session.doc_path().is_file() {
                return None;
            }
            let meta: Meta = serde_json::from_str(&read_small(&e.path()).ok()?).ok()?;
            (meta.format == "malbild-recovery").then_some(Orphan { session, meta })
        })
        .take(MAX_ORPHANS)
        .collect();
    out.sort_by_key(|o| std::cmp::Reverse(o.meta.saved_at));
    out
}

/// When to write the recovery file: [`DELAY_SECONDS`] after the first change since the
/// last write (so that steady typing is written every couple of seconds, not never).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Autosave {
    pub delay: f64,
    /// The history state last written (or saved by the user).
    written: u64,
    /// When the document first differed from what was written.
    since: Option<f64>,
}

impl Autosave {
    pub fn new(state: u64, delay: f64) -> Self {
        Autosave {
            delay,
            written: state,
            since: None,
        }
    }

    /// Whether the document at `state` should be written now (`dirty`: it differs from the
    /// user's file). Returns the seconds to wait otherwise, if it is to be written later.
    pub fn check(&mut self, state: u64, dirty: bool, now: f64) -> Result<(), Option<f64>> {
        if !dirty || state == self.written {
            self.since = None;
            return Err(None);
        }
        let since = *self.since.get_or_insert(now);
        let wait = since + self.delay - now;
        if wait <= 0.0 { Ok(()) } else { Err(Some(wait)) }
    }

    /// The document at `state` is written (or saved by the user).
    pub fn written(&mut self, state: u64) {
        self.written = state;
        self.since = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("malbild-rec-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn writes_are_two_seconds_after_the_first_change_even_while_typing_goes_on() {
        let mut a = Autosave::new(0, 2.0);
        assert_eq!(a.check(0, false, 0.0), Err(None));
        assert_eq!(a.check(1, true, 10.0), Err(Some(2.0)));
        assert_eq!(
            a.check(2, true, 11.0),
            Err(Some(1.0)),
            "still from the first change"
        );
        assert_eq!(a.check(3, true, 12.0), Ok(()));
        a.written(3);
        assert_eq!(a.check(3, true, 12.5), Err(None));
        assert_eq!(a.check(4, true, 13.0), Err(Some(2.0)));
        assert_eq!(a.check(4, false, 13.0), Err(None), "saved by the user");
    }

    #[test]
    fn a_live_session_is_not_an_orphan_and_a_dead_ones_files_are() {
        let dir = temp("orphans");
        let s = Session::new(&dir);
        let doc = Document::new();
        assert!(
            s.write(&io::to_bytes(&doc), &Meta::new("Workshop", None))
                .is_ok()
        );
        assert!(orphans(&dir).is_empty(), "this process holds it");
        // A lock of a process that is not running (or one that ran before a restart).
        assert!(std::fs::write(dir.join(format!("{}.lock", s.id)), "999999999 1").is_ok());
        let found = orphans(&dir);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].meta.name, "Workshop");
        assert_eq!(found[0].load().ok(), Some(doc));
        // No lock at all is a crash between writes: offered too.
        let _ = std::fs::remove_file(dir.join(format!("{}.lock", s.id)));
        assert_eq!(orphans(&dir).len(), 1);
        // Taken over: ours again.
        assert!(found[0].session.adopt().is_ok());
        assert!(orphans(&dir).is_empty());
        found[0].session.discard();
        assert!(!s.exists());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn strange_files_in_the_folder_are_left_alone() {
        let dir = temp("strange");
        assert!(std::fs::create_dir_all(&dir).is_ok());
        for (name, body) in [
            ("notes.json", "{}"),
            ("../x.json", "{}"),
            ("abcd.json", "{\"format\":\"other\"}"),
            ("abce.json", "not json"),
        ] {
            let _ = std::fs::write(dir.join(name), body);
        }
        let _ = std::fs::write(dir.join("abce.malbild"), "{}");
        assert!(orphans(&dir).is_empty());
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_file(std::env::temp_dir().join("x.json"));
    }
}
