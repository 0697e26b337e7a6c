//! The settings the window remembers (`crate::settings`): read at start, written a moment
//! after they change and when the window closes.

use super::App;
use crate::i18n::Lang;
use crate::settings::{Settings, Window};
use crate::ui::Theme;
use crate::ui::actions::Action;
use std::path::PathBuf;

/// How long after a change the settings are written (a window being dragged changes them
/// every frame).
const WRITE_AFTER: f64 = 1.0;

/// The widths the side panels may have, in points.
pub const PANEL_WIDTHS: std::ops::RangeInclusive<f32> = 240.0..=480.0;
pub const LIBRARY_WIDTHS: std::ops::RangeInclusive<f32> = 220.0..=520.0;

impl App {
    /// Reads the settings in `file`, applies them and keeps them there from now on. Gives the
    /// window's remembered size and place, for the window to open with.
    pub fn enable_settings(&mut self, file: PathBuf) -> Option<Window> {
        let s = Settings::load(&file);
        self.apply_settings(&s);
        self.settings.written = Some(s.clone());
        self.settings.file = Some(file);
        // Where the user left it, rather than filling the screen.
        self.restored_window = s.window.is_some_and(|w| !w.maximized);
        s.window
    }

    /// Takes over what `s` holds (what it does not hold stays as it is).
    pub fn apply_settings(&mut self, s: &Settings) {
        if let Some(l) = s.language.as_deref().and_then(Lang::from_code) {
            self.lang = l;
        }
        if let Some(t) = s.theme.as_deref().and_then(Theme::from_key) {
            self.theme = t;
            self.styled = false;
        }
        if let Some(w) = s.panel_width {
            self.settings.panel_width = w.clamp(*PANEL_WIDTHS.start(), *PANEL_WIDTHS.end());
        }
        if let Some(w) = s.library_width {
            self.settings.library_width = w.clamp(*LIBRARY_WIDTHS.start(), *LIBRARY_WIDTHS.end());
        }
        self.settings.export_folder = s.export_folder.clone();
        self.settings.window = s.window;
        let entries = crate::ui::palette::entries(self.lang, &[]);
        self.palette_recent = s
            .palette_recent
            .iter()
            .filter_map(|k| entries.iter().find(|e| action_key(e.action) == *k))
            .map(|e| e.action)
            .take(crate::ui::palette::RECENT)
            .collect();
    }

    /// The settings as the window is now.
    pub fn current_settings(&self) -> Settings {
        Settings {
            language: Some(self.lang.code().to_owned()),
            theme: Some(self.theme.key().to_owned()),
            window: self.settings.window,
            export_folder: self.settings.export_folder.clone(),
            panel_width: Some(self.settings.panel_width),
            library_width: Some(self.settings.library_width),
            palette_recent: self
                .palette_recent
                .iter()
                .filter(|a| !matches!(a, Action::OpenRecent(_) | Action::ForgetRecent(_)))
                .map(|a| action_key(*a))
                .collect(),
        }
    }

    /// Notes where the window is and writes the settings a moment after they changed.
    pub(super) fn settings_tick(&mut self, ctx: &egui::Context) {
        let (inner, outer, maximized, fullscreen) = ctx.input(|i| {
            let v = i.viewport();
            (v.inner_rect, v.outer_rect, v.maximized, v.fullscreen)
        });
        if fullscreen != Some(true) {
            let maximized = maximized.unwrap_or(false);
            match (inner, outer) {
                // A maximized window keeps the size it had before, to go back to.
                (_, _) if maximized => {
                    if let Some(w) = &mut self.settings.window {
                        w.maximized = true;
                    }
                }
                (Some(inner), Some(outer)) => {
                    self.settings.window = Some(Window {
                        x: outer.min.x,
                        y: outer.min.y,
                        width: inner.width(),
                        height: inner.height(),
                        maximized: false,
                    });
                }
                _ => {}
            }
        }
        let Some(file) = self.settings.file.clone() else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let current = self.current_settings();
        if self.settings.written.as_ref() == Some(&current) {
            self.settings.changed_at = None;
            return;
        }
        let since = *self.settings.changed_at.get_or_insert(now);
        if now - since < WRITE_AFTER {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(WRITE_AFTER));
            return;
        }
        self.settings.changed_at = None;
        // Written beside the frame, after what was asked before: a slow disk never holds the
        // window up, and an older version never lands last.
        if let Ok(json) = serde_json::to_vec_pretty(&current) {
            self.writer.write(file, json);
        }
        self.settings.written = Some(current);
    }

    /// Writes the settings now (the window is closing).
    pub(super) fn save_settings_now(&mut self) {
        if let Some(file) = self.settings.file.clone() {
            let current = self.current_settings();
            if self.settings.written.as_ref() != Some(&current)
                && let Ok(json) = serde_json::to_vec_pretty(&current)
            {
                self.writer.write(file, json);
                self.settings.written = Some(current);
            }
        }
        // The recent list and the settings on disk before the window goes.
        self.writer.flush();
    }
}

/// An action's name in the settings file (as the code names it: "Undo", "SetTheme(Dark)").
fn action_key(a: Action) -> String {
    format!("{a:?}")
}

/// What the window keeps of its settings.
#[derive(Debug)]
pub struct Kept {
    /// Where they are written (`None`: not kept, as in tests).
    pub file: Option<PathBuf>,
    /// What was last written.
    pub written: Option<Settings>,
    /// When they changed since (seconds of the window's clock).
    pub changed_at: Option<f64>,
    pub window: Option<Window>,
    pub export_folder: Option<PathBuf>,
    pub panel_width: f32,
    pub library_width: f32,
}

impl Default for Kept {
    fn default() -> Self {
        Kept {
            file: None,
            written: None,
            changed_at: None,
            window: None,
            export_folder: None,
            panel_width: 260.0,
            library_width: 300.0,
        }
    }
}
