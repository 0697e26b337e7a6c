//! Atomic file replacement: write a temporary file beside the target, flush it to disk, then
//! rename it over the target. A crash or power loss leaves the old file or the new one.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically. Keeps the permissions of a file being replaced and
/// follows a symbolic link to the file it names.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // Replace the file a link points to, not the link.
    let target: PathBuf = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::other("the path names no file"))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));

    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
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
        // A folder in the way of the temporary file makes the write fail.
        let blocker = d.join(format!(".a.malbild.{}.tmp", std::process::id()));
        let _ = fs::create_dir(&blocker);
        assert!(write_atomic(&p, b"new").is_err());
        assert_eq!(fs::read(&p).ok().as_deref(), Some(&b"old"[..]));
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
