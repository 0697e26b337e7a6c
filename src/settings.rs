//! What the window remembers between runs: language, theme, the window's size and place,
//! the folder of the last export, the panels' widths and the palette's recent commands. A
//! small JSON file in the configuration folder (`$XDG_CONFIG_HOME/malbild/settings.json`,
//! `~/.config/malbild`, `%APPDATA%\malbild`, `~/Library/Preferences/malbild`), written
//! atomically. A missing or broken file gives the defaults; values out of reason are left out.

use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Longest settings file read.
const MAX_BYTES: u64 = 64 * 1024;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The language's code ("sv", "en").
    #[serde(rename = "language", default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// "light", "dark" or "high-contrast".
    #[serde(rename = "theme", default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(rename = "window", default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// The folder the last picture was exported to.
    #[serde(
        rename = "export_folder",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub export_folder: Option<PathBuf>,
    /// The properties panel's width, in points.
    #[serde(
        rename = "panel_width",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub panel_width: Option<f32>,
    /// The picture library's width, in points.
    #[serde(
        rename = "library_width",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub library_width: Option<f32>,
    /// The commands last run from the palette, the latest first.
    #[serde(
        rename = "palette_recent",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub palette_recent: Vec<String>,
}

/// Where the window was, in points of the desktop.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Window {
    #[serde(rename = "x")]
    pub x: f32,
    #[serde(rename = "y")]
    pub y: f32,
    #[serde(rename = "width")]
    pub width: f32,
    #[serde(rename = "height")]
    pub height: f32,
    #[serde(rename = "maximized", default)]
    pub maximized: bool,
}

/// The smallest window, as the window itself allows.
pub const MIN_WINDOW: (f32, f32) = (800.0, 500.0);
/// The largest window size and place believed (a few monitors side by side).
const MAX_WINDOW: f32 = 16_384.0;

impl Window {
    /// The window within reason: a size between the smallest and a few monitors' worth, a
    /// place not far off any screen; `None` for what is not numbers.
    pub fn sane(self) -> Option<Window> {
        let all = [self.x, self.y, self.width, self.height];
        if !all.iter().all(|v| v.is_finite()) {
            return None;
        }
        Some(Window {
            x: self.x.clamp(-MAX_WINDOW, MAX_WINDOW),
            y: self.y.clamp(-MAX_WINDOW, MAX_WINDOW),
            width: self.width.clamp(MIN_WINDOW.0, MAX_WINDOW),
            height: self.height.clamp(MIN_WINDOW.1, MAX_WINDOW),
            maximized: self.maximized,
        })
    }
}

/// The folder of the program's configuration, if the system names one.
pub fn config_dir() -> Option<PathBuf> {
    crate::recovery::program_dir("XDG_CONFIG_HOME", ".config", "Library/Preferences")
}

/// The settings file.
pub fn default_file() -> Option<PathBuf> {
    config_dir().map(|d| d.join("settings.json"))
}

impl Settings {
    /// The settings in `file`; the defaults where it is missing, not a regular file, too
    /// large or not settings. Values out of reason are dropped.
    pub fn load(file: &Path) -> Settings {
        let read = || -> Option<Settings> {
            let meta = std::fs::metadata(file).ok()?;
            if !meta.is_file() || meta.len() > MAX_BYTES {
                return None;
            }
            let mut bytes = Vec::new();
            std::fs::File::open(file)
                .ok()?
                .take(MAX_BYTES)
                .read_to_end(&mut bytes)
                .ok()?;
            serde_json::from_slice(&bytes).ok()
        };
        let mut s = read().unwrap_or_default();
        s.window = s.window.and_then(Window::sane);
        let width = |w: Option<f32>| w.filter(|w| w.is_finite()).map(|w| w.clamp(160.0, 900.0));
        s.panel_width = width(s.panel_width);
        s.library_width = width(s.library_width);
        s.export_folder = s.export_folder.filter(|p| p.is_absolute());
        s.language = s.language.filter(|l| l.len() <= 35);
        s.palette_recent.retain(|a| a.len() <= 64);
        s.palette_recent.truncate(16);
        s
    }

    pub fn save(&self, file: &Path) -> std::io::Result<()> {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::io::write_atomic(file, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_strange_files_give_the_defaults() {
        let dir = std::env::temp_dir().join(format!("malbild-settings-{}", std::process::id()));
        let file = dir.join("settings.json");
        let s = Settings {
            language: Some("en".into()),
            theme: Some("high-contrast".into()),
            window: Some(Window {
                x: 10.0,
                y: 20.0,
                width: 1280.0,
                height: 720.0,
                maximized: false,
            }),
            export_folder: Some(PathBuf::from("/tmp/bilder")),
            panel_width: Some(300.0),
            library_width: Some(280.0),
            palette_recent: vec!["Undo".into()],
        };
        s.save(&file).unwrap();
        assert_eq!(Settings::load(&file), s);
        // Broken, a folder, a huge file, absurd values.
        std::fs::write(&file, b"{ not json").unwrap();
        assert_eq!(Settings::load(&file), Settings::default());
        assert_eq!(Settings::load(&dir), Settings::default());
        std::fs::write(&file, vec![b' '; 100_000]).unwrap();
        assert_eq!(Settings::load(&file), Settings::default());
        std::fs::write(
            &file,
            br#"{"window":{"x":1e30,"y":-5,"width":3,"height":1e9},"panel_width":-4,
                "export_folder":"relative/path","library_width":1e9}"#,
        )
        .unwrap();
        let s = Settings::load(&file);
        let w = s.window.unwrap();
        assert_eq!((w.x, w.width, w.height), (16_384.0, 800.0, 16_384.0));
        assert_eq!(s.panel_width, Some(160.0));
        assert_eq!(s.export_folder, None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
