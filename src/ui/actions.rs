//! Everything a user can ask of the app by menu, button or shortcut, in one table: each
//! action's label, tooltip and shortcuts live in one `match`, so menus, toolbars, the shortcut
//! list and keyboard handling all come from here.

use crate::i18n::{Lang, Msg};
use crate::model::PhaseId;
use egui::{InputState, Key, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    New,
    Open,
    Save,
    SaveAs,
    Export,
    Quit,
    Undo,
    Redo,
    SelectAll,
    Copy,
    Cut,
    Paste,
    CopyPicture,
    Delete,
    Duplicate,
    Bold,
    NewCard,
    SelectTool,
    ArrowTool,
    ShapeTool,
    TextTool,
    PenTool,
    HighlighterTool,
    EraserTool,
    EditCard,
    BringForward,
    BringToFront,
    SendBackward,
    SendToBack,
    Group,
    Ungroup,
    ToggleLock,
    ToggleGrid,
    ToggleSnap,
    /// Shows or hides the picture library.
    ToggleLibrary,
    /// Puts a picture from a file on the canvas.
    InsertPicture,
    /// Writes the story as Markdown or CSV.
    Summary,
    /// Tells the story step by step, full screen.
    Present,
    /// Saves the canvas among the user's templates.
    SaveAsTemplate,
    /// Throws away the changes since the last save: the file as saved, opened again.
    Revert,
    /// Opens the recent file at this place in the list (from the menu; no shortcut).
    OpenRecent(usize),
    /// Takes the recent file at this place out of the list.
    ForgetRecent(usize),
    /// Shows or hides the follow-up filter bar.
    ToggleFilter,
    /// Starts the workshop timer for this many minutes (from the menu; no shortcut).
    StartTimer(u32),
    /// Crop mode for the selected picture.
    CropPicture,
    /// Picks the shape tool with this outline (from the toolbar's list; no shortcut).
    PickShape(crate::model::Outline),
    FitAll,
    ZoomPhase(PhaseId),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    TogglePanel,
    FullScreen,
    ToggleTheme,
    /// One of the themes of the window (light, dark, high contrast).
    SetTheme(super::Theme),
    ToggleLanguage,
    /// Speaks this language from now on (from the menu and the palette; no shortcut).
    SetLanguage(Lang),
    Shortcuts,
    About,
    /// The command palette: every action by its name.
    Palette,
    /// Connects the selected element with an arrow to one picked by Tab.
    Connect,
    /// Moves the selection into the next (`true`) or previous phase, keeping its place in it.
    MoveToPhase(bool),
    /// Moves the selection into the theme below (`true`) or above.
    MoveToLane(bool),
}

/// What came with a paste (Ctrl+V).
#[derive(Clone, Debug)]
pub enum Pasted {
    Text(String),
    Image(std::sync::Arc<egui::ColorImage>),
}

/// A key with modifiers. `shift: None` means shift does not matter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    pub command: bool,
    pub shift: Option<bool>,
    pub key: Key,
}

impl Shortcut {
    const fn plain(key: Key) -> Self {
        Self {
            command: false,
            shift: Some(false),
            key,
        }
    }
    const fn shift(key: Key) -> Self {
        Self {
            command: false,
            shift: Some(true),
            key,
        }
    }
    const fn cmd(key: Key) -> Self {
        Self {
            command: true,
            shift: Some(false),
            key,
        }
    }
    const fn cmd_shift(key: Key) -> Self {
        Self {
            command: true,
            shift: Some(true),
            key,
        }
    }
    const fn cmd_any(key: Key) -> Self {
        Self {
            command: true,
            shift: None,
            key,
        }
    }

    /// Whether a key press matches. The logical key or the physical one may match, so that
    /// Shift+1 is found on layouts where it types `!`.
    fn matches(&self, key: Key, physical: Option<Key>, m: Modifiers) -> bool {
        (key == self.key || physical == Some(self.key))
            && m.command == self.command
            && !m.alt
            && self.shift.is_none_or(|s| s == m.shift)
    }

    /// As shown in menus: "Ctrl+Shift+S".
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.command {
            s.push_str(if cfg!(target_os = "macos") {
                "⌘"
            } else {
                "Ctrl+"
            });
        }
        if self.shift == Some(true) {
            s.push_str("Shift+");
        }
        s.push_str(match self.key {
            Key::Plus => "Plus",
            Key::Minus => "Minus",
            Key::Period => ".",
            Key::Delete => "Delete",
            Key::OpenBracket => "[",
            Key::Quote => "'",
            Key::CloseBracket => "]",
            Key::ArrowUp => "↑",
            Key::ArrowDown => "↓",
            Key::ArrowLeft => "←",
            Key::ArrowRight => "→",
            k => k.name(),
        });
        s
    }
}

impl Action {
    /// Actions in menu and shortcut-list order.
    pub const ALL: [Action; 64] = [
        Action::Palette,
        Action::New,
        Action::Open,
        Action::Save,
        Action::SaveAs,
        Action::Export,
        Action::Quit,
        Action::Undo,
        Action::Redo,
        Action::SelectAll,
        Action::Copy,
        Action::Cut,
        Action::Paste,
        Action::CopyPicture,
        Action::Delete,
        Action::Duplicate,
        Action::Bold,
        Action::NewCard,
        Action::SelectTool,
        Action::ArrowTool,
        Action::ShapeTool,
        Action::TextTool,
        Action::PenTool,
        Action::HighlighterTool,
        Action::EraserTool,
        Action::EditCard,
        Action::Connect,
        Action::MoveToPhase(true),
        Action::MoveToPhase(false),
        Action::MoveToLane(true),
        Action::MoveToLane(false),
        // Shift variants first: Ctrl+] must not also take Ctrl+Shift+].
        Action::BringToFront,
        Action::BringForward,
        Action::SendToBack,
        Action::SendBackward,
        Action::Ungroup,
        Action::Group,
        Action::ToggleLock,
        Action::ToggleGrid,
        Action::ToggleSnap,
        Action::ToggleLibrary,
        Action::InsertPicture,
        Action::Summary,
        Action::Present,
        Action::ToggleFilter,
        Action::SaveAsTemplate,
        Action::Revert,
        Action::CropPicture,
        Action::FitAll,
        Action::ZoomPhase(PhaseId::Nulage),
        Action::ZoomPhase(PhaseId::Overgang),
        Action::ZoomPhase(PhaseId::Malbild),
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::TogglePanel,
        Action::FullScreen,
        Action::ToggleTheme,
        Action::SetTheme(super::Theme::Light),
        Action::SetTheme(super::Theme::Dark),
        Action::SetTheme(super::Theme::HighContrast),
        Action::ToggleLanguage,
        Action::Shortcuts,
        Action::About,
    ];

    /// The label in menus and on buttons.
    pub fn label(self, lang: Lang) -> &'static str {
        let msg = match self {
            Action::PickShape(o) => return crate::i18n::outline_name(o, lang),
            Action::SetLanguage(l) => return l.native_name(),
            Action::SetTheme(super::Theme::Light) => Msg::ThemeLight,
            Action::SetTheme(super::Theme::Dark) => Msg::ThemeDark,
            Action::SetTheme(super::Theme::HighContrast) => Msg::ThemeHighContrast,
            Action::Palette => Msg::Palette,
            Action::Connect => Msg::Connect,
            Action::MoveToPhase(true) => Msg::MovePhaseNext,
            Action::MoveToPhase(false) => Msg::MovePhasePrevious,
            Action::MoveToLane(true) => Msg::MoveLaneNext,
            Action::MoveToLane(false) => Msg::MoveLanePrevious,
            Action::New => Msg::New,
            Action::Open => Msg::Open,
            Action::Save => Msg::Save,
            Action::SaveAs => Msg::SaveAs,
            Action::Export => Msg::Export,
            Action::Quit => Msg::Quit,
            Action::Undo => Msg::Undo,
            Action::Redo => Msg::Redo,
            Action::SelectAll => Msg::SelectAll,
            Action::Copy => Msg::Copy,
            Action::Cut => Msg::Cut,
            Action::Paste => Msg::Paste,
            Action::CopyPicture => Msg::CopyPicture,
            Action::Delete => Msg::Delete,
            Action::Duplicate => Msg::Duplicate,
            Action::Bold => Msg::Bold,
            Action::NewCard => Msg::NewCard,
            Action::SelectTool => Msg::SelectTool,
            Action::ArrowTool => Msg::ArrowTool,
            Action::ShapeTool => Msg::ShapeTool,
            Action::TextTool => Msg::TextTool,
            Action::PenTool => Msg::PenTool,
            Action::HighlighterTool => Msg::HighlighterTool,
            Action::EraserTool => Msg::EraserTool,
            Action::EditCard => Msg::EditCard,
            Action::BringForward => Msg::BringForward,
            Action::BringToFront => Msg::BringToFront,
            Action::SendBackward => Msg::SendBackward,
            Action::SendToBack => Msg::SendToBack,
            Action::Group => Msg::Group,
            Action::Ungroup => Msg::Ungroup,
            Action::ToggleLock => Msg::Lock,
            Action::ToggleGrid => Msg::Grid,
            Action::ToggleSnap => Msg::Snap,
            Action::ToggleLibrary => Msg::Library,
            Action::InsertPicture => Msg::InsertPicture,
            Action::Summary => Msg::Summary,
            Action::Present => Msg::Present,
            Action::StartTimer(_) => Msg::Timer,
            Action::ToggleFilter => Msg::ToggleFilter,
            Action::SaveAsTemplate => Msg::SaveAsTemplate,
            Action::Revert => Msg::Revert,
            Action::OpenRecent(_) => Msg::RecentFiles,
            Action::ForgetRecent(_) => Msg::ForgetRecent,
            Action::CropPicture => Msg::Crop,
            Action::FitAll => Msg::FitAll,
            Action::ZoomPhase(PhaseId::Nulage) => Msg::ZoomNulage,
            Action::ZoomPhase(PhaseId::Overgang) => Msg::ZoomOvergang,
            Action::ZoomPhase(PhaseId::Malbild) => Msg::ZoomMalbild,
            Action::ZoomIn => Msg::ZoomIn,
            Action::ZoomOut => Msg::ZoomOut,
            Action::ZoomReset => Msg::ZoomReset,
            Action::TogglePanel => Msg::TogglePanel,
            Action::FullScreen => Msg::FullScreen,
            Action::ToggleTheme => Msg::ToggleTheme,
            Action::ToggleLanguage => Msg::ToggleLanguage,
            Action::Shortcuts => Msg::Shortcuts,
            Action::About => Msg::About,
        };
        msg.text(lang)
    }

    /// Keys that run the action; the first is the one shown.
    pub fn shortcuts(self) -> &'static [Shortcut] {
        match self {
            Action::New => const { &[Shortcut::cmd(Key::N)] },
            Action::Open => const { &[Shortcut::cmd(Key::O)] },
            Action::Save => const { &[Shortcut::cmd(Key::S)] },
            Action::SaveAs => const { &[Shortcut::cmd_shift(Key::S)] },
            Action::Export => const { &[Shortcut::cmd(Key::E)] },
            Action::Quit => const { &[Shortcut::cmd(Key::Q)] },
            Action::Undo => const { &[Shortcut::cmd(Key::Z)] },
            Action::Redo => const { &[Shortcut::cmd_shift(Key::Z), Shortcut::cmd(Key::Y)] },
            Action::SelectAll => const { &[Shortcut::cmd(Key::A)] },
            Action::Copy => const { &[Shortcut::cmd(Key::C)] },
            Action::Cut => const { &[Shortcut::cmd(Key::X)] },
            Action::Paste => const { &[Shortcut::cmd(Key::V)] },
            Action::CopyPicture => const { &[Shortcut::cmd_shift(Key::C)] },
            Action::Delete => {
                const {
                    &[
                        Shortcut::plain(Key::Delete),
                        Shortcut::plain(Key::Backspace),
                    ]
                }
            }
            Action::Duplicate => const { &[Shortcut::cmd(Key::D)] },
            Action::Bold => const { &[Shortcut::cmd(Key::B)] },
            Action::NewCard => const { &[Shortcut::plain(Key::N)] },
            Action::SelectTool => const { &[Shortcut::plain(Key::V)] },
            Action::ArrowTool => const { &[Shortcut::plain(Key::A)] },
            Action::ShapeTool => const { &[Shortcut::plain(Key::R)] },
            Action::TextTool => const { &[Shortcut::plain(Key::T)] },
            Action::PenTool => const { &[Shortcut::plain(Key::P)] },
            Action::HighlighterTool => const { &[Shortcut::plain(Key::H)] },
            Action::EraserTool => const { &[Shortcut::plain(Key::E)] },
            Action::BringForward => const { &[Shortcut::cmd(Key::CloseBracket)] },
            Action::BringToFront => const { &[Shortcut::cmd_shift(Key::CloseBracket)] },
            Action::SendBackward => const { &[Shortcut::cmd(Key::OpenBracket)] },
            Action::SendToBack => const { &[Shortcut::cmd_shift(Key::OpenBracket)] },
            Action::Group => const { &[Shortcut::cmd(Key::G)] },
            Action::Ungroup => const { &[Shortcut::cmd_shift(Key::G)] },
            Action::ToggleLock => const { &[Shortcut::cmd_shift(Key::L)] },
            Action::ToggleGrid => const { &[Shortcut::cmd(Key::Quote)] },
            Action::ToggleLibrary => const { &[Shortcut::plain(Key::L)] },
            Action::InsertPicture => const { &[Shortcut::cmd_shift(Key::I)] },
            Action::Summary => const { &[] },
            Action::Present => const { &[Shortcut::plain(Key::F5)] },
            Action::StartTimer(_) => const { &[] },
            Action::ToggleFilter => const { &[Shortcut::cmd_shift(Key::F)] },
            Action::SaveAsTemplate => const { &[] },
            Action::Revert | Action::OpenRecent(_) | Action::ForgetRecent(_) => const { &[] },
            Action::CropPicture => const { &[Shortcut::plain(Key::C)] },
            Action::ToggleSnap => const { &[] },
            Action::EditCard => const { &[Shortcut::plain(Key::Enter), Shortcut::plain(Key::F2)] },
            Action::FitAll => {
                const {
                    &[
                        Shortcut::shift(Key::Num1),
                        Shortcut::shift(Key::Exclamationmark),
                    ]
                }
            }
            Action::ZoomPhase(PhaseId::Nulage) => const { &[Shortcut::plain(Key::Num1)] },
            Action::ZoomPhase(PhaseId::Overgang) => const { &[Shortcut::plain(Key::Num2)] },
            Action::ZoomPhase(PhaseId::Malbild) => const { &[Shortcut::plain(Key::Num3)] },
            Action::ZoomIn => {
                const { &[Shortcut::cmd_any(Key::Plus), Shortcut::cmd_any(Key::Equals)] }
            }
            Action::ZoomOut => const { &[Shortcut::cmd_any(Key::Minus)] },
            Action::ZoomReset => const { &[Shortcut::cmd(Key::Num0)] },
            Action::Shortcuts => const { &[Shortcut::plain(Key::F1)] },
            Action::TogglePanel => const { &[Shortcut::cmd(Key::Period)] },
            Action::FullScreen => const { &[Shortcut::plain(Key::F11)] },
            Action::Palette => const { &[Shortcut::cmd(Key::K), Shortcut::cmd_shift(Key::P)] },
            Action::Connect => const { &[Shortcut::shift(Key::A)] },
            Action::MoveToPhase(true) => const { &[Shortcut::cmd_shift(Key::ArrowRight)] },
            Action::MoveToPhase(false) => const { &[Shortcut::cmd_shift(Key::ArrowLeft)] },
            Action::MoveToLane(true) => const { &[Shortcut::cmd_shift(Key::ArrowDown)] },
            Action::MoveToLane(false) => const { &[Shortcut::cmd_shift(Key::ArrowUp)] },
            Action::ToggleTheme
            | Action::SetTheme(_)
            | Action::ToggleLanguage
            | Action::SetLanguage(_)
            | Action::About
            | Action::PickShape(_) => const { &[] },
        }
    }

    /// Whether the action's shortcut still works while a text field has the keyboard: only
    /// those that a text field has no use for.
    fn works_while_typing(self) -> bool {
        matches!(
            self,
            Action::New
                | Action::Open
                | Action::Save
                | Action::SaveAs
                | Action::Quit
                | Action::Palette
        )
    }

    /// The shortcut as shown in a menu, if any.
    pub fn shortcut_label(self) -> Option<String> {
        self.shortcuts().first().map(Shortcut::label)
    }

    /// Takes the key presses that run actions out of this frame's input, in table order
    /// (most specific first), so no widget sees them too. The desktop turns Ctrl+C, Ctrl+X
    /// and Ctrl+V into copy, cut and paste events (a paste with the clipboard's text): those
    /// are taken too, when no text field has the keyboard; pasted text goes into `pasted`.
    pub fn take_from_input(
        input: &mut InputState,
        typing: bool,
        pasted: &mut Option<Pasted>,
    ) -> Vec<Action> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < input.events.len() {
            let hit = match &input.events[i] {
                egui::Event::Copy if !typing => Some(Action::Copy),
                egui::Event::Cut if !typing => Some(Action::Cut),
                egui::Event::Paste(text) if !typing => {
                    *pasted = Some(Pasted::Text(text.clone()));
                    Some(Action::Paste)
                }
                egui::Event::PasteImage(image) if !typing => {
                    *pasted = Some(Pasted::Image(image.clone()));
                    Some(Action::Paste)
                }
                egui::Event::Key {
                    key,
                    physical_key,
                    pressed: true,
                    modifiers,
                    ..
                } => Action::ALL.into_iter().find(|a| {
                    (!typing || a.works_while_typing())
                        && a.shortcuts()
                            .iter()
                            .any(|s| s.matches(*key, *physical_key, *modifiers))
                }),
                _ => None,
            };
            match hit {
                Some(action) => {
                    input.events.remove(i);
                    found.push(action);
                }
                None => i += 1,
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_shortcut_runs_two_actions() {
        for a in Action::ALL {
            for s in a.shortcuts() {
                let mods = Modifiers {
                    command: s.command,
                    ctrl: s.command,
                    shift: s.shift.unwrap_or(false),
                    ..Modifiers::NONE
                };
                let owners: Vec<Action> = Action::ALL
                    .into_iter()
                    .filter(|b| b.shortcuts().iter().any(|t| t.matches(s.key, None, mods)))
                    .collect();
                assert_eq!(owners, vec![a], "{}", s.label());
            }
        }
    }

    #[test]
    fn shift_one_fits_on_any_layout() {
        let shift = Modifiers::SHIFT;
        let fit = Action::FitAll.shortcuts();
        assert!(
            fit.iter()
                .any(|s| s.matches(Key::Exclamationmark, Some(Key::Num1), shift))
        );
        assert!(fit.iter().any(|s| s.matches(Key::Num1, None, shift)));
        let phase1 = Action::ZoomPhase(PhaseId::Nulage).shortcuts();
        assert!(!phase1.iter().any(|s| s.matches(Key::Num1, None, shift)));
    }

    #[test]
    fn labels_exist_in_both_languages() {
        for a in Action::ALL {
            assert!(!a.label(Lang::Sv).is_empty());
            assert!(!a.label(Lang::En).is_empty());
        }
        assert_eq!(
            Action::SaveAs.shortcut_label().as_deref(),
            Some("Ctrl+Shift+S")
        );
        // Not "Ctrl++".
        assert_eq!(
            Action::ZoomIn.shortcut_label().as_deref(),
            Some("Ctrl+Plus")
        );
    }
}
