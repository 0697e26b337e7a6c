//! The recently used canvases: a short list kept in the data folder (`recent.json`), newest
//! first, written atomically. A file that is gone stays listed (shown as missing) until the
//! user removes it.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many files the list keeps.
pub const MAX_RECENT: usize = 12;
/// Longest list file read.
const MAX_BYTES: u64 = 256 * 1024;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Recent {
    #[serde(rename = "files", default)]
    pub files: Vec<PathBuf>,
}

impl Recent {
    /// The list in `file`, or an empty one (missing, unreadable or not a list).
    pub fn load(file: &Path) -> Recent {
        let read = || -> Option<Recent> {
            let meta = std::fs::metadata(file).ok()?;
            if !meta.is_file() || meta.len() > MAX_BYTES {
                return None;
            }
            serde_json::from_slice(&std::fs::read(file).ok()?).ok()
        };
        let mut r = read().unwrap_or_default();
        r.files.retain(|p| p.is_absolute());
        r.files.truncate(MAX_RECENT);
        r
    }

    pub fn save(&self, file: &Path) -> std::io::Result<()> {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::io::write_atomic(file, &json)
    }

    /// `path` used now: first in the list (once).
    pub fn used(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.files.retain(|p| *p != path);
        self.files.insert(0, path);
        self.files.truncate(MAX_RECENT);
    }

    pub fn remove(&mut self, path: &Path) {
        self.files.retain(|p| p != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_once_each_and_kept_short() {
        let mut r = Recent::default();
        for i in 0..20 {
            r.used(Path::new(&format!("/tmp/f{i}.malbild")));
        }
        r.used(Path::new("/tmp/f5.malbild"));
        assert_eq!(r.files.len(), MAX_RECENT);
        assert_eq!(r.files[0], Path::new("/tmp/f5.malbild"));
        assert_eq!(
            r.files.iter().filter(|p| p.ends_with("f5.malbild")).count(),
            1
        );
        r.remove(Path::new("/tmp/f5.malbild"));
        assert_eq!(r.files[0], Path::new("/tmp/f19.malbild"));
    }

    #[test]
    fn a_broken_list_is_an_empty_one_and_a_saved_one_reads_back() {
        let dir = std::env::temp_dir().join(format!("malbild-recent-{}", std::process::id()));
        let file = dir.join("recent.json");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(&file, br#"{"files": ["relative/path", 3]}"#);
        assert_eq!(Recent::load(&file), Recent::default());
        let mut r = Recent::default();
        r.used(Path::new("/tmp/a.malbild"));
        assert!(r.save(&file).is_ok());
        assert_eq!(Recent::load(&file), r);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
