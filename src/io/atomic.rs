//! Atomic file replacement: write a temporary file beside the target, flush it to disk, then
//! rename it over the target. A crash or power loss leaves the old file or the new one.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically. Keeps the permissions of a file being replaced and
/// follows a symbolic link to the file it names. Only a regular file is ever replaced: a path
/// that is (or links to) a folder, a device, a pipe or a socket is refused, so that a link to
/// `/dev/null` never turns into a file in its place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = writable_target(path)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::other("the path names no file"))?;
    let (mut file, tmp) = create_beside(&dir, &name.to_string_lossy())?;

    let result = (|| {
        file.write_all(bytes)?;
        if let Ok(old) = fs::metadata(&target) {
            file.set_permissions(old.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, &target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    // Make the rename itself durable.
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Tries to make a new file in `dir`, named after `name`, this process and an attempt
/// number; never opens what is already there (a file, or a link planted to catch the write).
pub const TEMP_ATTEMPTS: u32 = 16;

fn create_beside(dir: &Path, name: &str) -> std::io::Result<(fs::File, PathBuf)> {
    // Short enough that the temporary name is never longer than a name may be.
    let stem: String = name.chars().take(40).collect();
    let mut last = std::io::Error::other("no temporary file could be made");
    for attempt in 0..TEMP_ATTEMPTS {
        let tmp = dir.join(temp_name(&stem, attempt));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(file) => return Ok((file, tmp)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// The name of a temporary file for `stem`.
pub fn temp_name(stem: &str, attempt: u32) -> String {
    format!(".{stem}.{}.{attempt}.tmp", std::process::id())
}

/// Why a path cannot be written: it is (or links to) something that is not a regular file,
/// named in words ("a device", "a folder", "a link to nothing").
#[derive(Debug)]
pub struct NotRegular(pub &'static str);

impl std::fmt::Display for NotRegular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "it is {}, not a regular file, and is not replaced",
            self.0
        )
    }
}

impl std::error::Error for NotRegular {}

/// Where a write to `path` goes (the file a link names), if a file may be written there: the
/// target is a regular file or does not exist yet.
pub fn writable_target(path: &Path) -> std::io::Result<PathBuf> {
    // Replace the file a link points to, not the link.
    let target: PathBuf = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(t) => t,
            // A link to nothing: writing would create its target, somewhere else.
            Err(_) => return Err(std::io::Error::other(NotRegular("a link to nothing"))),
        },
        _ => path.to_path_buf(),
    };
    if let Ok(m) = fs::metadata(&target)
        && let Some(kind) = super::not_a_file(&m)
    {
        return Err(std::io::Error::other(NotRegular(kind)));
    }
    Ok(target)
}

/// Checks before any work that a file can be written at `path`: its folder exists and takes
/// new files, and what is there now, if anything, is a regular file. Leaves nothing behind.
pub fn check_writable(path: &Path) -> std::io::Result<()> {
    let target = writable_target(path)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (file, probe) = create_beside(&dir, "malbild-check")?;
    drop(file);
    fs::remove_file(&probe)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("malbild-atomic-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        let _ = fs::create_dir_all(&d);
        d
    }

    #[test]
    fn replaces_and_leaves_no_temporary_file() {
        let d = temp_dir("replace");
        let p = d.join("a.malbild");
        assert!(write_atomic(&p, b"one").is_ok());
        assert!(write_atomic(&p, b"two").is_ok());
        assert_eq!(fs::read(&p).ok().as_deref(), Some(&b"two"[..]));
        let names: Vec<_> = fs::read_dir(&d)
            .map(|r| r.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 1, "{names:?}");
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn failure_keeps_the_old_file() {
        let d = temp_dir("fail");
        let p = d.join("a.malbild");
        assert!(write_atomic(&p, b"old").is_ok());
        // Folders in the way of every temporary file make the write fail.
        for attempt in 0..TEMP_ATTEMPTS {
            let _ = fs::create_dir(d.join(temp_name("a.malbild", attempt)));
        }
        assert!(write_atomic(&p, b"new").is_err());
        assert_eq!(fs::read(&p).ok().as_deref(), Some(&b"old"[..]));
        let _ = fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn never_replaces_what_is_not_a_regular_file() {
        let d = temp_dir("special");
        let link = d.join("null.png");
        assert!(std::os::unix::fs::symlink("/dev/null", &link).is_ok());
        let e = write_atomic(&link, b"x").err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("a device")));
        assert!(fs::metadata("/dev/null").is_ok_and(|m| !m.is_file()));
        assert!(fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
        let dir = d.join("folder.png");
        let _ = fs::create_dir(&dir);
        assert!(write_atomic(&dir, b"x").is_err());
        assert!(check_writable(&dir).is_err());
        let dangling = d.join("dangling.png");
        let _ = std::os::unix::fs::symlink(d.join("nowhere/x.png"), &dangling);
        assert!(write_atomic(&dangling, b"x").is_err());
        assert!(check_writable(&d.join("new.png")).is_ok());
        let names: Vec<_> = fs::read_dir(&d)
            .map(|r| r.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 3, "nothing left behind: {names:?}");
        let _ = fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_temporary_name_is_not_written_through() {
        let d = temp_dir("planted");
        let victim = d.join("victim.txt");
        assert!(fs::write(&victim, b"keep me").is_ok());
        let planted = d.join(temp_name("a.malbild", 0));
        assert!(std::os::unix::fs::symlink(&victim, &planted).is_ok());
        let p = d.join("a.malbild");
        assert!(write_atomic(&p, b"new").is_ok());
        assert_eq!(fs::read(&victim).ok().as_deref(), Some(&b"keep me"[..]));
        assert_eq!(fs::read(&p).ok().as_deref(), Some(&b"new"[..]));
        let _ = fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symlink() {
        let d = temp_dir("link");
        let real = d.join("real.malbild");
        let link = d.join("link.malbild");
        assert!(fs::write(&real, b"old").is_ok());
        assert!(std::os::unix::fs::symlink(&real, &link).is_ok());
        assert!(write_atomic(&link, b"new").is_ok());
        assert_eq!(fs::read(&real).ok().as_deref(), Some(&b"new"[..]));
        assert!(fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
        let _ = fs::remove_dir_all(&d);
    }
}

/// Small files (the recent list, the settings) written atomically on a thread of their own,
/// one after another in the order asked: a later version is never overwritten by an earlier
/// one that happened to finish last. A slow disk never holds up the caller.
#[derive(Default)]
pub struct BackgroundWriter {
    tx: Option<std::sync::mpsc::Sender<Job>>,
}

enum Job {
    Write(PathBuf, Vec<u8>),
    /// Answers once everything asked before is written.
    Flush(std::sync::mpsc::Sender<()>),
}

impl std::fmt::Debug for BackgroundWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackgroundWriter").finish_non_exhaustive()
    }
}

fn write_with_folder(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let _ = write_atomic(path, bytes);
}

impl BackgroundWriter {
    /// Writes `bytes` to `path` (its folder made if missing) after what was asked before.
    pub fn write(&mut self, path: PathBuf, bytes: Vec<u8>) {
        if self.tx.is_none() {
            let (tx, rx) = std::sync::mpsc::channel::<Job>();
            let spawned = std::thread::Builder::new()
                .name("malbild-writer".into())
                .spawn(move || {
                    for job in rx {
                        match job {
                            Job::Write(path, bytes) => write_with_folder(&path, &bytes),
                            Job::Flush(done) => {
                                let _ = done.send(());
                            }
                        }
                    }
                });
            if spawned.is_err() {
                // No thread to be had: written here and now.
                write_with_folder(&path, &bytes);
                return;
            }
            self.tx = Some(tx);
        }
        if let Some(tx) = &self.tx {
            let _ = tx.send(Job::Write(path, bytes));
        }
    }

    /// Waits (a few seconds at most) until everything asked is written: before the program
    /// ends.
    pub fn flush(&self) {
        if let Some(tx) = &self.tx {
            let (done, wait) = std::sync::mpsc::channel();
            if tx.send(Job::Flush(done)).is_ok() {
                let _ = wait.recv_timeout(std::time::Duration::from_secs(5));
            }
        }
    }
}

#[cfg(test)]
mod writer_tests {
    use super::*;

    #[test]
    fn background_writes_land_in_the_order_asked() {
        let dir = std::env::temp_dir().join(format!("malbild-writer-{}", std::process::id()));
        let file = dir.join("list.json");
        let mut w = BackgroundWriter::default();
        for i in 0..200u32 {
            // Large first, small last: the last asked must be what stays.
            let bytes = if i == 199 {
                b"last".to_vec()
            } else {
                vec![b'x'; 200_000]
            };
            w.write(file.clone(), bytes);
        }
        w.flush();
        assert_eq!(fs::read(&file).unwrap_or_default(), b"last");
        let _ = fs::remove_dir_all(&dir);
    }
}
