//! The app: one open document, its canvas and panels, files, and the dialogs around them.
//!
//! [`App::ui`] draws a whole frame into a `Ui`, so the window, the UI tests and the benchmark
//! all run the same code. Actions from menus, buttons and shortcuts are queued during the
//! frame and run in one place at its end.

mod autosave;
mod clipboard_actions;
mod files;
mod modals;
mod pictures;
mod settings;

use super::actions::Action;
use super::canvas::{CanvasView, Tool};
use super::desktop::{Desktop, DialogAnswer, FilePurpose};
use super::dialog;
use super::export_dialog::{ExportDialog, Kind, Request};
use super::panels;
use crate::edit::arrange::Depth;
use crate::edit::{Command, Editor, clipboard};
use crate::i18n::{self, Lang, Msg};
use crate::io;
use crate::model::{Document, Element, sample};
use egui::{Key, Ui, ViewportCommand};
use files::canvas_path;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
enum Then {
    New,
    PickAndOpen,
    Open(PathBuf),
    Close,
}

/// A dialog in front of the canvas.
#[derive(Clone, Debug, PartialEq)]
enum Modal {
    Unsaved(Then),
    Error {
        title: String,
        message: String,
        /// What comes back when the message is closed (the prompt with the path typed).
        then: Option<Box<Modal>>,
    },
    Shortcuts,
    About,
    /// The command palette: what is typed, and the row picked.
    Palette {
        query: String,
        selected: usize,
    },
    /// What a crash left: restore, save elsewhere or throw away.
    Recover,
    /// "Revert to last saved": sure?
    ConfirmRevert,
    /// Some elements of a file could not be read: open the rest?
    Partial {
        path: PathBuf,
        dropped: Vec<(usize, String)>,
        total: usize,
    },
    /// The start: recent files with pictures, a new canvas, open another.
    Start,
    /// "New": the templates to start from, with pictures of them.
    Templates,
    /// "Save as template": its name, typed.
    TemplateName(String),
    /// Where no file dialog can be shown: the path, typed.
    PathPrompt {
        purpose: FilePurpose,
        path: String,
        then: Option<Then>,
    },
}

/// A save under way on its own thread, so a slow disk or network share never freezes the
/// window.
struct PendingSave {
    path: PathBuf,
    /// The history state that is being written.
    state: u64,
    /// Which document it was (a New or Open meanwhile makes another).
    generation: u64,
    /// What to do once it is written (as asked for in the unsaved-changes question).
    then: Option<Then>,
    /// The prompt the path was typed into, to offer again if the save fails.
    prompt: Option<Modal>,
    /// Nothing, or why the file could not be written, in words.
    done: Receiver<Result<(), String>>,
}

/// A file dialog waiting for the user.
struct PendingDialog {
    purpose: FilePurpose,
    answer: Receiver<DialogAnswer>,
    then: Option<Then>,
}

pub struct App {
    pub editor: Editor,
    pub view: CanvasView,
    pub lang: Lang,
    pub theme: super::Theme,
    /// Where the document lives on disk; `None` until first saved.
    pub path: Option<PathBuf>,
    /// The history state at the last save or open.
    saved_state: u64,
    desktop: Box<dyn Desktop>,
    dialog: Option<PendingDialog>,
    saving: Option<PendingSave>,
    /// The recently used files, and where the list is kept (`None`: not kept, as in tests).
    pub recent: crate::recent::Recent,
    recent_file: Option<PathBuf>,
    /// One window per file: where the sockets are (`None`: not kept, as in tests), the claim
    /// on the open file and which file it is for.
    pub instance_dir: Option<PathBuf>,
    claim: Option<crate::instance::Claim>,
    claimed: Option<PathBuf>,
    /// A file not to be saved over (made by a newer Målbild, or opened without the parts
    /// that could not be read): saving it asks for another name.
    pub protected: Option<PathBuf>,
    /// What could be read of a file some of whose elements could not, while asked about.
    partial: Option<Document>,
    /// The start screen's files, each with its canvas (if it could be read) for a picture.
    start_items: Vec<(PathBuf, Option<(Document, crate::spatial::SpatialIndex)>)>,
    /// Recovery files: this document's session (`None`: not kept, as in tests), when to
    /// write next, and the write under way (the history state it writes).
    session: Option<crate::recovery::Session>,
    autosave: crate::recovery::Autosave,
    autosave_job: Option<Receiver<std::io::Result<u64>>>,
    /// Whether this session's recovery files may be on disk (a write was started).
    recovery_on_disk: bool,
    /// Documents a crash left, offered at the start, each read with its picture's index.
    recovered: Vec<(
        crate::recovery::Orphan,
        Result<Document, String>,
        crate::spatial::SpatialIndex,
    )>,
    /// The templates the New dialog shows, each with its index for drawing its picture.
    templates: Vec<(crate::templates::Template, crate::spatial::SpatialIndex)>,
    /// Where the user's own templates are kept (`None`: the system names no data folder).
    pub templates_dir: Option<PathBuf>,
    /// The workshop timer, while it runs (or shows that time is up).
    pub timer: Option<super::timer::Timer>,
    /// The story being told, full screen (the document is only read).
    pub presenting: Option<super::present::Presentation>,
    /// A summary being written: what to say when it is done.
    summary_done: Option<std::sync::mpsc::Receiver<Result<String, String>>>,
    /// A save asked for while another was under way: started when that one ends.
    save_next: Option<(PathBuf, Option<Then>)>,
    /// The window closes once the save under way is written.
    close_after_save: bool,
    /// Counts the documents this window has shown (New and Open make a new one).
    generation: u64,
    modal: Option<Modal>,
    /// The path prompt whose path is being used, to offer again if using it fails.
    last_prompt: Option<Modal>,
    queued: Vec<Action>,
    /// Writes the recent list and the settings in order, on a thread of its own.
    writer: io::BackgroundWriter,
    /// The settings remembered between runs, and where they are kept.
    pub settings: settings::Kept,
    /// The actions last run from the palette, the latest first (offered first next time).
    pub palette_recent: Vec<Action>,
    /// A short message in the status bar, and when it was shown.
    notice: Option<(String, f64)>,
    title_sent: String,
    pub export: ExportDialog,
    /// Set once the user agreed to close; the next close request goes through.
    closing: bool,
    styled: bool,
    /// Whether the properties panel is shown (hidden, the canvas gets the whole width).
    pub panel_open: bool,
    /// Text that came with a paste (Ctrl+V), for the paste action to use.
    pasted: Option<super::actions::Pasted>,
    /// Whether the picture library is shown.
    pub library_open: bool,
    pub library: super::library::LibraryPanel,
    /// Pictures being read from files or the clipboard, to be placed where they go.
    importing: Vec<Receiver<pictures::Imports>>,
    /// What was last copied here, and the text it put on the clipboard: while the clipboard
    /// still holds that text, a paste gives back the elements even where the clipboard keeps
    /// no HTML.
    clip: Option<(clipboard::Clip, String)>,
    /// Actions asked for while a drag was changing the document, to run when it is over.
    held: Vec<Action>,
    /// A picture being made for the clipboard.
    picture: Option<Receiver<Result<egui::ColorImage, String>>>,
    /// The window has been given the size of the screen once.
    sized: bool,
    /// The window opened where the settings said it was last time.
    restored_window: bool,
    /// Frames drawn while the window's first size is being settled.
    frames: u32,
}

impl App {
    /// An app showing `doc`, saved at `path` if given.
    pub fn new(doc: Document, path: Option<PathBuf>, desktop: Box<dyn Desktop>) -> Self {
        let mut view = CanvasView::default();
        view.fit_all(&doc);
        let editor = Editor::new(doc);
        Self {
            saved_state: editor.history().state(),
            editor,
            view,
            lang: Lang::default(),
            theme: super::Theme::Light,
            path,
            desktop,
            dialog: None,
            saving: None,
            summary_done: None,
            presenting: None,
            recent: Default::default(),
            recent_file: None,
            protected: None,
            partial: None,
            instance_dir: None,
            claim: None,
            claimed: None,
            start_items: Vec::new(),
            session: None,
            autosave: crate::recovery::Autosave::new(0, crate::recovery::DELAY_SECONDS),
            autosave_job: None,
            recovery_on_disk: false,
            recovered: Vec::new(),
            templates: Vec::new(),
            templates_dir: crate::templates::own_dir(),
            timer: None,
            save_next: None,
            close_after_save: false,
            generation: 0,
            modal: None,
            last_prompt: None,
            queued: Vec::new(),
            palette_recent: Vec::new(),
            settings: settings::Kept::default(),
            writer: io::BackgroundWriter::default(),
            notice: None,
            title_sent: String::new(),
            export: ExportDialog::default(),
            closing: false,
            styled: false,
            panel_open: true,
            frames: 0,
            pasted: None,
            library_open: false,
            library: Default::default(),
            importing: Vec::new(),
            clip: None,
            held: Vec::new(),
            picture: None,
            sized: false,
            restored_window: false,
        }
    }

    /// The app with the Nära vård sample canvas.
    pub fn with_sample(desktop: Box<dyn Desktop>) -> Self {
        Self::new(sample::nara_vard(), None, desktop)
    }

    /// The app with the sample canvas in `lang`, speaking `lang`.
    pub fn with_sample_in(lang: Lang, desktop: Box<dyn Desktop>) -> Self {
        let mut app = Self::new(sample::nara_vard_in(lang), None, desktop);
        app.lang = lang;
        app
    }

    /// Speaks `lang` from now on; the sample, untouched, is told again in it.
    fn set_language(&mut self, lang: Lang) {
        let untouched = self.path.is_none()
            && !self.is_dirty()
            && *self.editor.doc() == sample::nara_vard_in(self.lang);
        self.lang = lang;
        if untouched {
            self.replace_document(sample::nara_vard_in(lang), None);
        }
    }

    /// The app with the file named on the command line; if it cannot be opened, an empty
    /// canvas and a message saying why.
    pub fn open_at_start(path: &Path, desktop: Box<dyn Desktop>, lang: Lang) -> Self {
        let mut app = match io::load(path) {
            Ok(loaded) => {
                let newer = loaded.newer;
                let path = canvas_path(path, &loaded);
                let mut app = Self::new(loaded.document, path, desktop);
                if let Some(v) = newer {
                    app.protected = app.path.clone();
                    app.notice = Some((i18n::newer_notice(v, lang), 0.0));
                }
                app
            }
            Err(e) => {
                let mut app = Self::new(Document::new(), None, desktop);
                app.lang = lang;
                match io::load_partial(path) {
                    Some((loaded, dropped)) => {
                        let total = loaded.document.elements.len() + dropped.len();
                        app.partial = Some(loaded.document);
                        app.modal = Some(Modal::Partial {
                            path: path.to_path_buf(),
                            dropped,
                            total,
                        });
                    }
                    None => app.modal = Some(app.open_error(path, &e, false)),
                }
                app
            }
        };
        app.lang = lang;
        app
    }

    pub fn doc(&self) -> &Document {
        self.editor.doc()
    }

    pub fn is_dirty(&self) -> bool {
        self.editor.history().state() != self.saved_state
    }

    /// The error or question on screen, if any, as text (for tests and logs).
    pub fn modal_text(&self) -> Option<String> {
        match &self.modal {
            Some(Modal::Error { title, message, .. }) => Some(format!("{title}: {message}")),
            Some(Modal::Unsaved(_)) => Some(Msg::UnsavedTitle.text(self.lang).to_owned()),
            Some(Modal::Shortcuts) => Some(Msg::Shortcuts.text(self.lang).to_owned()),
            Some(Modal::About) => Some(Msg::About.text(self.lang).to_owned()),
            Some(Modal::Palette { .. }) => Some(Msg::Palette.text(self.lang).to_owned()),
            Some(Modal::PathPrompt { .. }) => Some(Msg::TypePath.text(self.lang).to_owned()),
            Some(Modal::Start) => Some(Msg::Welcome.text(self.lang).to_owned()),
            Some(Modal::Partial { .. }) => Some(Msg::PartialTitle.text(self.lang).to_owned()),
            Some(Modal::ConfirmRevert) => Some(Msg::Revert.text(self.lang).to_owned()),
            Some(Modal::Recover) => Some(Msg::RecoverTitle.text(self.lang).to_owned()),
            Some(Modal::Templates) => Some(Msg::NewFromTemplate.text(self.lang).to_owned()),
            Some(Modal::TemplateName(_)) => Some(Msg::SaveAsTemplate.text(self.lang).to_owned()),
            None => None,
        }
    }

    /// The status-bar notice, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|(s, _)| s.as_str())
    }

    /// Whether a save is being written.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Whether a file dialog is open.
    pub fn is_waiting_for_dialog(&self) -> bool {
        self.dialog.is_some()
    }

    /// The name shown in the title bar and dialogs.
    pub fn display_name(&self) -> String {
        if let Some(name) = self.path.as_deref().and_then(Path::file_name) {
            return i18n::tidy(&name.to_string_lossy());
        }
        let title = self.doc().title.trim();
        if title.is_empty() {
            Msg::Untitled.text(self.lang).to_owned()
        } else {
            i18n::tidy(title)
        }
    }

    /// The window title: the document's name, a mark if it has unsaved changes, the app.
    pub fn window_title(&self) -> String {
        let mark = if self.is_dirty() { "● " } else { "" };
        let guarded = if self.protected.is_some() && self.protected == self.path {
            format!(" ({})", Msg::ReadOnly.text(self.lang))
        } else {
            String::new()
        };
        format!(
            "{mark}{}{guarded} — {}",
            self.display_name(),
            Msg::AppName.text(self.lang)
        )
    }

    /// Queues an action as if chosen from a menu.
    pub fn queue(&mut self, action: Action) {
        self.queued.push(action);
    }

    /// While presenting: the story full size and nothing else; `true` when it drew the frame.
    fn present(&mut self, ui: &mut Ui) -> bool {
        let Some(p) = &mut self.presenting else {
            return false;
        };
        if !p.keys(ui, self.editor.doc()) {
            self.presenting = None;
            ui.ctx()
                .send_viewport_cmd(ViewportCommand::Fullscreen(false));
            ui.ctx().request_repaint();
            return false;
        }
        let lang = self.lang;
        let pictures = &mut self.view.pictures;
        pictures.begin_frame(ui.ctx());
        let mut area = ui.max_rect();
        egui::CentralPanel::no_frame().show(ui, |ui| {
            area = ui.max_rect();
            p.show(ui, pictures, lang)
        });
        self.show_timer(ui.ctx(), area, false);
        true
    }

    /// The timer in the corner of `area`, and what its buttons ask.
    fn show_timer(&mut self, ctx: &egui::Context, area: egui::Rect, buttons: bool) {
        let Some(t) = self.timer else {
            return;
        };
        let now = ctx.input(|i| i.time);
        if t.is_done(now) {
            self.timer = None;
            return;
        }
        if let Some(a) = t.show(ctx, area, self.lang, buttons) {
            self.timer = t.act(a, now);
        }
    }

    /// Draws one frame of the whole app.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        // Exports draw the words of badges in the language of the window.
        Lang::set_current(self.lang);
        if !self.styled {
            self.styled = true;
            super::style(&ctx, self.theme);
        }
        self.size_window(&ctx);
        self.poll_dialog(&ctx);
        self.poll_save(&ctx);
        self.poll_summary(&ctx);
        self.autosave_tick(&ctx);
        self.claim_file(&ctx);
        self.handle_window_events(&ctx);
        self.settings_tick(&ctx);
        if self.present(ui) {
            return;
        }

        if let Some(outcome) = self.export.poll(&ctx) {
            let text = match outcome {
                Ok(path) => i18n::exported_to(&path.display().to_string(), self.lang),
                Err(e) => format!("{}: {e}", Msg::ExportFailed.text(self.lang)),
            };
            self.set_notice(&ctx, text);
        }

        if self.modal.is_none() && !self.export.open {
            // Connecting by keyboard takes Tab, Enter and Esc for itself, as typing does.
            let typing = ctx.text_edit_focused() || self.view.connecting.is_some();
            let focused_elsewhere = !self.view.has_keyboard(&ctx);
            let mut taken = ui.input_mut(|i| Action::take_from_input(i, typing, &mut self.pasted));
            // Plain keys belong to a focused button or field, not to the canvas.
            if focused_elsewhere && !typing {
                taken.retain(|a| a.shortcuts().iter().all(|s| s.command));
            }
            self.queued.extend(taken);
        }

        // A press or click outside the canvas (on the panel or the toolbar) while text is
        // being typed ends the typing first: what the click asks for then applies to the
        // document as typed (and a new, empty card goes before a panel could change it).
        if self.view.is_editing_text() {
            let rect = self.view.rect;
            let outside = ctx.input(|i| {
                (i.pointer.any_pressed() || i.pointer.any_released())
                    && i.pointer.interact_pos().is_some_and(|p| !rect.contains(p))
            });
            if outside {
                self.finish_editing();
            }
        }
        // Actions held back while a drag was writing run now that it is over.
        if !self.view.is_writing() && !self.held.is_empty() {
            let held = std::mem::take(&mut self.held);
            self.queued.splice(0..0, held);
        }

        let lang = self.lang;
        egui::Panel::top("top").show(ui, |ui| {
            panels::top_bar(
                ui,
                &self.editor,
                &self.view,
                self.panel_open,
                self.library_open,
                &self.recent.files,
                self.theme,
                lang,
                &mut self.queued,
            );
        });
        if self.view.filter.open {
            let doc = self.editor.doc();
            let filter = &mut self.view.filter;
            egui::Panel::top("filter").show(ui, |ui| filter.bar(ui, doc, lang));
        }
        let notice = self.current_notice(&ctx);
        egui::Panel::bottom("status").show(ui, |ui| {
            panels::status_bar(ui, &self.editor, &self.view, notice.as_deref(), lang);
        });
        if self.panel_open {
            let shown = egui::Panel::right("properties")
                .resizable(true)
                .default_size(self.settings.panel_width)
                .size_range(settings::PANEL_WIDTHS)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, true])
                        .show(ui, |ui| {
                            // Nothing in the panel may make it wider.
                            ui.set_max_width(ui.available_width());
                            panels::properties(ui, &mut self.editor, &mut self.view, lang);
                        });
                });
            self.settings.panel_width = shown.response.rect.width().round();
        }
        let mut from_library = None;
        if self.library_open {
            let shown = egui::Panel::left("library")
                .resizable(true)
                .default_size(self.settings.library_width)
                .size_range(settings::LIBRARY_WIDTHS)
                .show(ui, |ui| {
                    from_library = self.library.show(ui, &mut self.view.pictures, lang);
                });
            self.settings.library_width = shown.response.rect.width().round();
        }
        self.view.input_blocked = self.modal.is_some() || self.export.open;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.view.show(ui, &self.editor, lang);
        });
        let canvas = self.view.rect;
        self.show_timer(&ctx, canvas, true);
        if let Some(item) = from_library {
            self.place_library_item(item, None);
        }
        // A library picture dropped on the canvas lands where it was dropped.
        let released = ctx.input(|i| i.pointer.any_released());
        if released
            && let Some(d) = egui::DragAndDrop::take_payload::<super::library::Dragged>(&ctx)
        {
            let over = ctx
                .pointer_interact_pos()
                .filter(|p| self.view.rect.contains(*p));
            if let Some(p) = over {
                let at = self.view.camera.transform(self.view.rect).to_world(p);
                self.place_library_item(d.0, Some(at));
            }
        }
        self.poll_imports(&ctx);
        self.queued.append(&mut self.view.requested);
        self.poll_picture(&ctx);

        let selection = self.selection_ids();
        let canvas = super::export_dialog::Canvas {
            editor: &self.editor,
            edits: &mut self.view.pending,
            selection: &selection,
            pictures: &mut self.view.pictures,
        };
        if let Some(Request::Pick(kind)) =
            self.export
                .show(&ctx, canvas, self.lang, self.modal.is_none())
        {
            let purpose = match kind {
                Kind::Png => FilePurpose::ExportPng,
                Kind::Svg => FilePurpose::ExportSvg,
            };
            // The settings just changed in the dialog are the ones exported.
            self.apply_pending();
            self.pick(purpose, ctx.clone());
        }
        self.show_modal(&ctx);
        // What the panels and dialogs asked for this frame, in the order they asked.
        if self.apply_pending() {
            // The frame painted the document as it was; show the changes.
            ctx.request_repaint();
        }
        let actions = std::mem::take(&mut self.queued);
        for a in actions {
            self.run(a, &ctx);
            self.apply_pending();
        }
        // A change that did not fit the document (it changed nothing) is told once.
        if let Some(e) = self.editor.take_error() {
            let text = i18n::edit_error(&e, self.lang);
            self.set_notice(&ctx, text);
        }

        // A gesture ends when no button or key is held and no text is being typed.
        let holding = ctx.input(|i| {
            i.pointer.any_down()
                || [
                    Key::ArrowLeft,
                    Key::ArrowRight,
                    Key::ArrowUp,
                    Key::ArrowDown,
                ]
                .iter()
                .any(|k| i.key_down(*k))
        });
        if !holding && !ctx.text_edit_focused() && !self.view.is_editing_text() {
            self.editor.commit();
        }
        self.view.prune_selection(self.editor.doc());

        let title = self.window_title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    /// The first size of the window is the screen's: the window asks to start maximized (a
    /// window manager then fits it to the work area, without panels and docks); if after a
    /// moment it is still not maximized and does not fit or fill the monitor — as on a bare X
    /// display — it is given the monitor's size.
    fn size_window(&mut self, ctx: &egui::Context) {
        if self.sized {
            return;
        }
        self.frames += 1;
        let (monitor, maximized, inner) = ctx.input(|i| {
            let v = i.viewport();
            (v.monitor_size, v.maximized, v.inner_rect)
        });
        let Some(monitor) = monitor.filter(|m| m.x > 100.0 && m.y > 100.0) else {
            return;
        };
        if maximized == Some(true) {
            self.sized = true;
            return;
        }
        // Where the user left it, unless that is off this monitor (a smaller one than then):
        // then it is fitted to the monitor.
        if self.restored_window {
            self.sized = true;
            let outer = ctx.input(|i| i.viewport().outer_rect);
            let size = inner.map(|r| r.size()).unwrap_or_default();
            let on_screen = outer.is_none_or(|o| {
                o.min.x >= -50.0
                    && o.min.y >= -50.0
                    && o.max.x <= monitor.x + 50.0
                    && o.max.y <= monitor.y + 50.0
            });
            if size.x > monitor.x || size.y > monitor.y || !on_screen {
                ctx.send_viewport_cmd(ViewportCommand::InnerSize(size.min(monitor)));
                ctx.send_viewport_cmd(ViewportCommand::OuterPosition(egui::Pos2::ZERO));
            }
            return;
        }
        // Frames come only while something happens: keep a few coming while waiting.
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
        if self.frames == 2 {
            ctx.send_viewport_cmd(ViewportCommand::Maximized(true));
        }
        if self.frames < 20 {
            return;
        }
        self.sized = true;
        let size = inner.map(|r| r.size()).unwrap_or_default();
        let fits = size.x <= monitor.x && size.y <= monitor.y;
        let fills = size.x >= 0.97 * monitor.x && size.y >= 0.9 * monitor.y;
        if !(fits && fills) {
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(monitor));
            if !fits {
                ctx.send_viewport_cmd(ViewportCommand::OuterPosition(egui::Pos2::ZERO));
            }
        }
    }

    fn current_notice(&mut self, ctx: &egui::Context) -> Option<String> {
        let now = ctx.input(|i| i.time);
        match &self.notice {
            Some((text, at)) if now - at < 4.0 => {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(4.0 - (now - at)));
                Some(text.clone())
            }
            Some(_) => {
                self.notice = None;
                None
            }
            None if self.dialog.is_some() => Some(Msg::ChoosingFile.text(self.lang).to_owned()),
            None if self.saving.is_some() => Some(Msg::Saving.text(self.lang).to_owned()),
            None => None,
        }
    }

    /// Applies the changes the canvas, the panels and the dialogs asked for, in the order
    /// they asked: the one place where the UI's edits reach the document. Returns whether
    /// there were any.
    pub(super) fn apply_pending(&mut self) -> bool {
        let edits = std::mem::take(&mut self.view.pending);
        let any = !edits.is_empty();
        self.editor.run(edits);
        any
    }

    /// Ends any text being typed, and applies it.
    pub(super) fn finish_editing(&mut self) {
        self.view.end_text_editing(&self.editor);
        self.apply_pending();
    }

    fn set_notice(&mut self, ctx: &egui::Context, text: String) {
        self.notice = Some((text, ctx.input(|i| i.time)));
    }

    fn handle_window_events(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing {
            self.save_settings_now();
            self.finish_editing();
            // Before anything is asked: the work is safe whatever happens next.
            self.autosave_now(ctx);
            if self.is_dirty() && self.saving.is_none() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.modal = Some(Modal::Unsaved(Then::Close));
            } else if self.saving.is_some() {
                // Not in the middle of writing a file: close when it is written (and ask
                // then, if there are changes since).
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.close_after_save = true;
            }
        }
        let (dropped, at): (Vec<PathBuf>, Option<egui::Pos2>) = ctx.input(|i| {
            let paths = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect();
            (paths, i.pointer.latest_pos())
        });
        // A canvas file opens; pictures are put on the canvas where they were dropped.
        let (canvases, pictures): (Vec<PathBuf>, Vec<PathBuf>) = dropped
            .into_iter()
            .partition(|p| pictures::opens_as_canvas(p));
        if !pictures.is_empty() {
            let xf = self.view.camera.transform(self.view.rect);
            let at = at
                .filter(|p| self.view.rect.contains(*p))
                .map(|p| xf.to_world(p));
            self.import_files(ctx, pictures, at);
        } else if let Some(path) = canvases.into_iter().next() {
            self.request(Then::Open(path), ctx);
        }
    }

    fn run(&mut self, action: Action, ctx: &egui::Context) {
        let doc_actions = !matches!(
            action,
            Action::ZoomIn
                | Action::ZoomOut
                | Action::ZoomReset
                | Action::FitAll
                | Action::ZoomPhase(_)
                | Action::ToggleTheme
                | Action::SetTheme(_)
                | Action::ToggleLanguage
                | Action::SetLanguage(_)
                | Action::Palette
                | Action::TogglePanel
                | Action::ToggleLibrary
                | Action::FullScreen
                | Action::Shortcuts
                | Action::About
        );
        if doc_actions && self.view.is_writing() {
            // A drag writes what it moves from where it began: a change made by a key in the
            // middle of it would be undone by its next step. The drag first; the action runs
            // when it is over.
            self.held.push(action);
            return;
        }
        if doc_actions {
            self.finish_editing();
        }
        let view = &mut self.view;
        let editor = &mut self.editor;
        match action {
            Action::New => self.request(Then::New, ctx),
            Action::Open => self.request(Then::PickAndOpen, ctx),
            Action::Save => self.save(ctx, None),
            Action::SaveAs => self.pick_save_path(ctx, None),
            Action::Export => {
                self.export.open = true;
                self.export.outcome = None;
            }
            Action::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Action::Undo => {
                editor.undo();
                view.prune_selection(editor.doc());
            }
            Action::Redo => {
                editor.redo();
                view.prune_selection(editor.doc());
            }
            Action::SelectAll => view.select_all(editor.doc()),
            Action::Copy => self.copy(ctx),
            Action::Cut => {
                self.copy(ctx);
                self.view.delete_selection(&self.editor);
            }
            Action::Paste => self.paste(ctx),
            Action::CopyPicture => self.copy_picture(ctx),
            Action::Delete => view.delete_selection(editor),
            Action::Duplicate => view.duplicate_selection(editor),
            Action::Bold => view.toggle_bold(editor),
            Action::NewCard => view.create_card_at_pointer(editor),
            Action::SelectTool => view.set_tool(editor, Tool::Select),
            Action::ArrowTool => view.toggle_tool(editor, Tool::Arrow),
            // Again with the shape tool on: the next outline (R, R, R … walks all eight).
            Action::ShapeTool => {
                let next = match view.tool {
                    Tool::Shape(o) => o.next(),
                    _ => view.shape_outline,
                };
                view.set_tool(editor, Tool::Shape(next));
            }
            Action::TextTool => view.toggle_tool(editor, Tool::Text),
            Action::PenTool => view.toggle_tool(editor, Tool::Pen),
            Action::HighlighterTool => view.toggle_tool(editor, Tool::Highlighter),
            Action::EraserTool => view.toggle_tool(editor, Tool::Eraser),
            Action::BringForward => view.reorder_selection(editor, Depth::Forward),
            Action::BringToFront => view.reorder_selection(editor, Depth::Front),
            Action::SendBackward => view.reorder_selection(editor, Depth::Backward),
            Action::SendToBack => view.reorder_selection(editor, Depth::Back),
            Action::Group => view.group_selection(editor),
            Action::Ungroup => view.ungroup_selection(editor),
            Action::ToggleLock => view.toggle_lock(editor),
            Action::PickShape(o) => view.set_tool(editor, Tool::Shape(o)),
            Action::ToggleGrid => view.grid = !view.grid,
            Action::ToggleSnap => view.snap = !view.snap,
            Action::ToggleLibrary => {
                self.library_open = !self.library_open;
                // Open, the search takes the keyboard: type what you look for at once.
                self.library.focus_search = self.library_open;
            }
            Action::InsertPicture => self.pick_picture(ctx),
            Action::Summary => self.pick(FilePurpose::Summary, ctx.clone()),
            Action::ToggleFilter => view.filter.open = !view.filter.open,
            Action::OpenRecent(i) => {
                if let Some(path) = self.recent.files.get(i).cloned() {
                    self.request(Then::Open(path), ctx);
                }
            }
            Action::ForgetRecent(i) => {
                if let Some(path) = self.recent.files.get(i).cloned() {
                    self.recent.remove(&path);
                    self.store_recent();
                }
            }
            Action::Revert => {
                self.finish_editing();
                self.editor.commit();
                if self.path.is_some() && self.is_dirty() {
                    self.modal = Some(Modal::ConfirmRevert);
                } else {
                    let text = Msg::NothingToRevert.text(self.lang).to_owned();
                    self.set_notice(ctx, text);
                }
            }
            Action::SaveAsTemplate => {
                let name = self.editor.doc().title.trim().to_owned();
                self.modal = Some(Modal::TemplateName(name));
            }
            Action::StartTimer(minutes) => {
                let now = ctx.input(|i| i.time);
                self.timer = Some(super::timer::Timer::start(minutes, now));
            }
            Action::Present => {
                self.finish_editing();
                self.editor.commit();
                self.presenting = Some(super::present::Presentation::start(self.editor.doc()));
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
            }
            Action::CropPicture => {
                if let Some(id) = view.selection.iter().next().copied()
                    && view.selection.len() == 1
                {
                    view.start_crop(editor, id);
                }
            }
            Action::EditCard => {
                if view.selection.len() == 1
                    && let Some(id) = view.selection.iter().next().copied()
                {
                    match editor.doc().elements.get(id) {
                        Some(Element::Arrow(_)) => view.edit_label(editor, id),
                        Some(_) => view.edit_card(editor, id),
                        None => {}
                    }
                }
            }
            Action::FitAll => view.fit_all(editor.doc()),
            Action::ZoomPhase(p) => view.zoom_to_phase(editor.doc(), p),
            Action::ZoomIn => {
                view.camera.pending = Some(super::camera::Framing::ZoomBy(super::camera::ZOOM_STEP))
            }
            Action::ZoomOut => {
                view.camera.pending = Some(super::camera::Framing::ZoomBy(
                    1.0 / super::camera::ZOOM_STEP,
                ))
            }
            Action::ZoomReset => view.camera.pending = Some(super::camera::Framing::ZoomTo(1.0)),
            Action::ToggleTheme => {
                self.theme = match self.theme {
                    super::Theme::Dark => super::Theme::Light,
                    _ => super::Theme::Dark,
                };
                super::style(ctx, self.theme);
            }
            Action::SetTheme(t) => {
                self.theme = t;
                super::style(ctx, t);
            }
            Action::SetLanguage(l) => self.set_language(l),
            Action::Palette => {
                if self.modal.is_none() {
                    self.modal = Some(Modal::Palette {
                        query: String::new(),
                        selected: 0,
                    });
                }
            }
            Action::Connect => {
                if let Err(why) = view.start_connect(editor) {
                    let text = why.text(self.lang).to_owned();
                    self.set_notice(ctx, text);
                }
            }
            Action::MoveToPhase(forward) => {
                view.move_across(editor, false, forward);
            }
            Action::MoveToLane(forward) => {
                view.move_across(editor, true, forward);
            }
            Action::ToggleLanguage => {
                // "In English" from Swedish, "På svenska" from any other (View → Language
                // lists them all).
                let to = if self.lang == Lang::Sv {
                    Lang::En
                } else {
                    Lang::Sv
                };
                self.set_language(to);
            }
            Action::TogglePanel => self.panel_open = !self.panel_open,
            Action::FullScreen => {
                let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(!full));
            }
            Action::Shortcuts => self.modal = Some(Modal::Shortcuts),
            Action::About => self.modal = Some(Modal::About),
        }
    }

    /// The selection in paint order.
    fn selection_ids(&self) -> Vec<crate::model::ElementId> {
        self.view
            .selected_in_order(self.editor.doc())
            .iter()
            .map(|e| e.id())
            .collect()
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        App::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.exit();
    }
}
