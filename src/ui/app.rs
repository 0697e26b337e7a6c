//! The app: one open document, its canvas and panels, files, and the dialogs around them.
//!
//! [`App::ui`] draws a whole frame into a `Ui`, so the window, the UI tests and the benchmark
//! all run the same code. Actions from menus, buttons and shortcuts are queued during the
//! frame and run in one place at its end.

use super::actions::Action;
use super::canvas::CanvasView;
use super::desktop::{Desktop, DialogAnswer, FilePurpose};
use super::dialog;
use super::export_dialog::{ExportDialog, Kind, Request};
use super::panels;
use crate::edit::{Command, Editor, clipboard};
use crate::i18n::{self, Lang, Msg};
use crate::io;
use crate::model::{Document, sample};
use egui::{Key, Ui, ViewportCommand};
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
    pub dark: bool,
    /// Where the document lives on disk; `None` until first saved.
    pub path: Option<PathBuf>,
    /// The history state at the last save or open.
    saved_state: u64,
    desktop: Box<dyn Desktop>,
    dialog: Option<PendingDialog>,
    saving: Option<PendingSave>,
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
    pasted: Option<String>,
    /// What was last copied here, and the text it put on the clipboard: while the clipboard
    /// still holds that text, a paste gives back the elements.
    clip: Option<(clipboard::Clip, String)>,
    /// A picture being made for the clipboard.
    picture: Option<Receiver<Result<egui::ColorImage, String>>>,
    /// The window has been given the size of the screen once.
    sized: bool,
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
            dark: false,
            path,
            desktop,
            dialog: None,
            saving: None,
            save_next: None,
            close_after_save: false,
            generation: 0,
            modal: None,
            last_prompt: None,
            queued: Vec::new(),
            notice: None,
            title_sent: String::new(),
            export: ExportDialog::default(),
            closing: false,
            styled: false,
            panel_open: true,
            frames: 0,
            pasted: None,
            clip: None,
            picture: None,
            sized: false,
        }
    }

    /// The app with the Nära vård sample canvas.
    pub fn with_sample(desktop: Box<dyn Desktop>) -> Self {
        Self::new(sample::nara_vard(), None, desktop)
    }

    /// The app with the file named on the command line; if it cannot be opened, an empty
    /// canvas and a message saying why.
    pub fn open_at_start(path: &Path, desktop: Box<dyn Desktop>, lang: Lang) -> Self {
        let mut app = match io::load(path) {
            Ok(loaded) => Self::new(loaded.document, canvas_path(path), desktop),
            Err(e) => {
                let mut app = Self::new(Document::new(), None, desktop);
                app.lang = lang;
                app.modal = Some(app.open_error(path, &e, false));
                app
            }
        };
        app.lang = lang;
        app
    }

    /// The message for a file that would not open; `kept` says the open document stays.
    fn open_error(&self, path: &Path, e: &io::LoadError, kept: bool) -> Modal {
        let mut message = format!(
            "{}\n\n{}",
            i18n::tidy(&path.display().to_string()),
            i18n::tidy(&i18n::load_error(e, self.lang))
        );
        if kept {
            message.push_str("\n\n");
            message.push_str(Msg::KeptOpen.text(self.lang));
        }
        Modal::Error {
            title: Msg::OpenFailed.text(self.lang).to_owned(),
            message,
            then: None,
        }
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
            Some(Modal::PathPrompt { .. }) => Some(Msg::TypePath.text(self.lang).to_owned()),
            None => None,
        }
    }

    /// Shows an error in a dialog in front of the canvas.
    pub fn show_error(&mut self, title: &str, message: &str) {
        self.modal = Some(Modal::Error {
            title: title.to_owned(),
            message: message.to_owned(),
            then: None,
        });
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
        format!(
            "{mark}{} — {}",
            self.display_name(),
            Msg::AppName.text(self.lang)
        )
    }

    /// Queues an action as if chosen from a menu.
    pub fn queue(&mut self, action: Action) {
        self.queued.push(action);
    }

    // ---------------------------------------------------------------- the frame

    /// Draws one frame of the whole app.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.styled {
            self.styled = true;
            super::style(&ctx, self.dark);
        }
        self.size_window(&ctx);
        self.poll_dialog(&ctx);
        self.poll_save(&ctx);
        self.handle_window_events(&ctx);

        if let Some(outcome) = self.export.poll(&ctx) {
            let text = match outcome {
                Ok(path) => i18n::exported_to(&path.display().to_string(), self.lang),
                Err(e) => format!("{}: {e}", Msg::ExportFailed.text(self.lang)),
            };
            self.set_notice(&ctx, text);
        }

        if self.modal.is_none() && !self.export.open {
            let typing = ctx.text_edit_focused();
            let focused_elsewhere = !self.view.has_keyboard(&ctx);
            let mut taken = ui.input_mut(|i| Action::take_from_input(i, typing, &mut self.pasted));
            // Plain keys belong to a focused button or field, not to the canvas.
            if focused_elsewhere && !typing {
                taken.retain(|a| a.shortcuts().iter().all(|s| s.command));
            }
            self.queued.extend(taken);
        }

        let lang = self.lang;
        egui::Panel::top("top").show(ui, |ui| {
            panels::top_bar(
                ui,
                &self.editor,
                &self.view,
                self.panel_open,
                lang,
                &mut self.queued,
            );
        });
        let notice = self.current_notice(&ctx);
        egui::Panel::bottom("status").show(ui, |ui| {
            panels::status_bar(ui, &self.editor, &self.view, notice.as_deref(), lang);
        });
        if self.panel_open {
            egui::Panel::right("properties")
                .resizable(false)
                .exact_size(260.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, true])
                        .show(ui, |ui| {
                            // Nothing in the panel may make it wider.
                            ui.set_max_width(ui.available_width());
                            panels::properties(ui, &mut self.editor, &mut self.view, lang);
                        });
                });
        }
        self.view.input_blocked = self.modal.is_some() || self.export.open;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.view.show(ui, &mut self.editor, lang);
        });
        self.queued.append(&mut self.view.requested);
        self.poll_picture(&ctx);

        let selection = self.selection_ids();
        if let Some(Request::Pick(kind)) = self.export.show(
            &ctx,
            &mut self.editor,
            &selection,
            self.lang,
            self.modal.is_none(),
        ) {
            let purpose = match kind {
                Kind::Png => FilePurpose::ExportPng,
                Kind::Svg => FilePurpose::ExportSvg,
            };
            self.pick(purpose, ctx.clone());
        }
        self.show_modal(&ctx);
        let actions = std::mem::take(&mut self.queued);
        for a in actions {
            self.run(a, &ctx);
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
        let fills = size.x >= 0.8 * monitor.x && size.y >= 0.8 * monitor.y;
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

    fn set_notice(&mut self, ctx: &egui::Context, text: String) {
        self.notice = Some((text, ctx.input(|i| i.time)));
    }

    fn handle_window_events(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing {
            self.view.end_text_editing(&mut self.editor);
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
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            self.request(Then::Open(path), ctx);
        }
    }

    // ---------------------------------------------------------------- actions

    fn run(&mut self, action: Action, ctx: &egui::Context) {
        let doc_actions = !matches!(
            action,
            Action::ZoomIn
                | Action::ZoomOut
                | Action::ZoomReset
                | Action::FitAll
                | Action::ZoomPhase(_)
                | Action::ToggleTheme
                | Action::ToggleLanguage
                | Action::TogglePanel
                | Action::FullScreen
                | Action::Shortcuts
                | Action::About
        );
        if doc_actions {
            self.view.end_text_editing(&mut self.editor);
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
                self.view.delete_selection(&mut self.editor);
            }
            Action::Paste => self.paste(ctx),
            Action::CopyPicture => self.copy_picture(ctx),
            Action::Delete => view.delete_selection(editor),
            Action::Duplicate => view.duplicate_selection(editor),
            Action::Bold => view.toggle_bold(editor),
            Action::NewCard => view.create_card_at_pointer(editor),
            Action::ArrowTool => {
                let tool = match view.tool {
                    super::canvas::Tool::Arrow => super::canvas::Tool::Select,
                    super::canvas::Tool::Select => super::canvas::Tool::Arrow,
                };
                view.set_tool(editor, tool);
            }
            Action::EditCard => {
                if view.selection.len() == 1
                    && let Some(id) = view.selection.iter().next().copied()
                {
                    view.edit_card(editor, id);
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
                self.dark = !self.dark;
                super::style(ctx, self.dark);
            }
            Action::ToggleLanguage => {
                self.lang = match self.lang {
                    Lang::Sv => Lang::En,
                    Lang::En => Lang::Sv,
                }
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

    /// Copies the selection: its elements for pasting here, its text for other programs.
    fn copy(&mut self, ctx: &egui::Context) {
        if self.view.selection.is_empty() {
            return;
        }
        let clip = clipboard::copy(self.editor.doc(), &self.view.selection);
        let mut text = clipboard::text_of(&clip);
        if text.is_empty() {
            // Never nothing: an empty clipboard would make Ctrl+V do nothing at all.
            text = i18n::selected(clip.elements.len(), self.lang);
        }
        self.desktop.set_clipboard_text(ctx, text.clone());
        self.clip = Some((clip, text));
    }

    /// Pastes what was copied here (while the clipboard still holds its text), or the
    /// clipboard's text as cards, one a line, where the pointer is (or the context menu was
    /// opened, or in the middle of the view). The paste is one undo step and is selected.
    fn paste(&mut self, ctx: &egui::Context) {
        let text = match self.pasted.take() {
            Some(t) => Some(t),
            None => self.desktop.clipboard_text(),
        };
        let view = &mut self.view;
        let at = view
            .paste_at
            .take()
            .or(view.pointer_world)
            .unwrap_or_else(|| {
                view.camera
                    .transform(view.rect)
                    .to_world(view.rect.center())
            });
        let doc = self.editor.doc();
        let ours = match (&self.clip, &text) {
            (Some((clip, copied)), Some(t)) if t.trim() == copied.trim() => Some(clip),
            _ => None,
        };
        let elements = match (ours, text) {
            (Some(clip), _) => Ok(clipboard::paste(doc, clip, at)),
            (None, Some(t)) => clipboard::cards_from_text(doc, &t, at, view.new_card_color),
            (None, None) => Err(clipboard::PasteError::Empty),
        };
        match elements {
            Ok(elements) if !elements.is_empty() => {
                let ids = elements.iter().map(|e| e.id()).collect();
                let top = self.editor.doc().elements.len();
                let items = elements
                    .into_iter()
                    .enumerate()
                    .map(|(i, e)| (top + i, e))
                    .collect();
                if self.editor.apply_step(Command::Insert(items)).is_ok() {
                    self.view.selection = ids;
                    self.view.selected_phase = None;
                }
            }
            Ok(_) | Err(clipboard::PasteError::Empty) => {
                self.set_notice(ctx, Msg::ClipboardEmpty.text(self.lang).to_owned())
            }
            Err(e) => self.set_notice(ctx, i18n::paste_error(&e, self.lang)),
        }
    }

    /// Puts a picture of the canvas (or of the selection) on the clipboard, made on a thread
    /// of its own: twice the canvas's size, at most 3840 pixels wide, for a slide.
    fn copy_picture(&mut self, ctx: &egui::Context) {
        if self.picture.is_some() {
            return;
        }
        let doc = self.editor.doc().clone();
        let selection = self.selection_ids();
        let scope = if selection.is_empty() {
            crate::model::Scope::All
        } else {
            crate::model::Scope::Selection
        };
        let mut settings = doc.export.unwrap_or_default();
        settings.scope = scope;
        settings.embed = false;
        let lang = self.lang;
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("malbild-picture".into())
            .spawn(move || {
                let made = (|| {
                    let area = crate::export::scope_rect(&doc, scope, &selection)?;
                    let width = ((area.w + 2.0 * settings.padding) * 2.0).clamp(200.0, 3840.0);
                    settings.size = crate::model::Size::Width {
                        pixels: width as u32,
                    };
                    let plan = crate::export::plan(&doc, &settings, &selection)?;
                    let progress = crate::export::raster::Progress::default();
                    let mut timings = crate::export::Timings::default();
                    let px = crate::export::pixels(
                        &doc,
                        &plan,
                        settings.background,
                        &progress,
                        &mut timings,
                    )?;
                    Ok(egui::ColorImage::from_rgba_premultiplied(
                        [plan.width as usize, plan.height as usize],
                        &px,
                    ))
                })();
                let _ = tx.send(made.map_err(|e| i18n::export_error(&e, lang)));
                repaint.request_repaint();
            });
        if spawned.is_ok() {
            self.picture = Some(rx);
        }
    }

    fn poll_picture(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.picture else {
            return;
        };
        let made = match rx.try_recv() {
            Ok(made) => made,
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
                return;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Err(String::new()),
        };
        self.picture = None;
        match made {
            Ok(image) => {
                self.desktop.set_clipboard_image(ctx, image);
                self.set_notice(ctx, Msg::PictureCopied.text(self.lang).to_owned());
            }
            Err(e) => {
                let text = format!("{}: {e}", Msg::ExportFailed.text(self.lang));
                self.set_notice(ctx, text);
            }
        }
    }

    /// Whether a picture for the clipboard is being made.
    pub fn is_copying_picture(&self) -> bool {
        self.picture.is_some()
    }

    /// Asks about unsaved changes first, if there are any, then does `then`.
    fn request(&mut self, then: Then, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        self.view.end_text_editing(&mut self.editor);
        self.editor.commit();
        if self.is_dirty() {
            self.modal = Some(Modal::Unsaved(then));
        } else {
            self.proceed(then, ctx);
        }
    }

    /// Does `then` without asking.
    fn proceed(&mut self, then: Then, ctx: &egui::Context) {
        match then {
            Then::New => {
                self.replace_document(Document::new(), None);
            }
            Then::PickAndOpen => {
                let answer = self.desktop.pick_file(
                    FilePurpose::Open,
                    self.path.as_deref(),
                    Msg::FileFilter.text(self.lang),
                    ctx,
                );
                self.dialog = Some(PendingDialog {
                    purpose: FilePurpose::Open,
                    answer,
                    then: None,
                });
                self.poll_dialog(ctx);
            }
            Then::Open(path) => self.open_path(&path, ctx),
            Then::Close if self.saving.is_some() => self.close_after_save = true,
            Then::Close => {
                self.closing = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn replace_document(&mut self, doc: Document, path: Option<PathBuf>) {
        self.view.reset_for(&doc);
        self.editor = Editor::new(doc);
        self.saved_state = self.editor.history().state();
        self.path = path;
        self.generation += 1;
    }

    /// Opens a file, replacing the document; on error says why and keeps the document.
    pub fn open_path(&mut self, path: &Path, ctx: &egui::Context) {
        match io::load(path) {
            Ok(loaded) => {
                self.replace_document(loaded.document, canvas_path(path));
                let name = self.display_name();
                self.set_notice(ctx, i18n::opened(&name, self.lang));
            }
            Err(e) => self.modal = Some(self.open_error(path, &e, true)),
        }
    }

    /// Saves to the document's path, or asks for one. `then` runs after a successful save.
    fn save(&mut self, ctx: &egui::Context, then: Option<Then>) {
        match self.path.clone() {
            Some(path) => self.save_to(&path, then, ctx),
            None => self.pick_save_path(ctx, then),
        }
    }

    fn pick_save_path(&mut self, ctx: &egui::Context, then: Option<Then>) {
        if self.dialog.is_some() {
            return;
        }
        let suggested = self.suggested_save_path();
        let answer = self.desktop.pick_file(
            FilePurpose::Save,
            Some(&suggested),
            Msg::FileFilter.text(self.lang),
            ctx,
        );
        self.dialog = Some(PendingDialog {
            purpose: FilePurpose::Save,
            answer,
            then,
        });
        self.poll_dialog(ctx);
    }

    /// Starts writing the document to `path` on its own thread; `then` runs once it is
    /// written. A save asked for while one is under way follows it.
    fn save_to(&mut self, path: &Path, then: Option<Then>, ctx: &egui::Context) {
        self.view.end_text_editing(&mut self.editor);
        self.editor.commit();
        if self.saving.is_some() {
            self.save_next = Some((path.to_path_buf(), then));
            return;
        }
        let (tx, done) = std::sync::mpsc::channel();
        let doc = self.editor.doc().clone();
        let target = path.to_path_buf();
        let repaint = ctx.clone();
        let write = self.desktop.file_writer();
        let writer = write.clone();
        let lang = self.lang;
        // Why it failed is worked out beside the write (it may look at the folders on the
        // way, which on a dead network share takes long), never on the UI thread.
        let save = move |path: &Path, doc: &Document| {
            writer(path, &io::to_bytes(doc)).map_err(|e| i18n::save_error(&e, path, lang))
        };
        let save_here = save.clone();
        let spawned = std::thread::Builder::new()
            .name("malbild-save".into())
            .spawn(move || {
                let _ = tx.send(save(&target, &doc));
                repaint.request_repaint();
            });
        let done = match spawned {
            Ok(_) => done,
            // No thread to be had: write it here rather than not at all.
            Err(_) => {
                let (tx, done) = std::sync::mpsc::channel();
                let _ = tx.send(save_here(path, self.editor.doc()));
                drop(write);
                done
            }
        };
        self.saving = Some(PendingSave {
            path: path.to_path_buf(),
            state: self.editor.history().state(),
            generation: self.generation,
            then,
            prompt: self.last_prompt.take(),
            done,
        });
        self.poll_save(ctx);
    }

    /// Finishes a save whose file is written: marks the document saved (if it is still the
    /// one that was saved), says so, and goes on with what was waiting for it.
    fn poll_save(&mut self, ctx: &egui::Context) {
        let Some(pending) = &self.saving else {
            return;
        };
        let result = match pending.done.try_recv() {
            Ok(result) => result,
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Err(Msg::SaveInterrupted.text(self.lang).to_owned())
            }
        };
        let Some(pending) = self.saving.take() else {
            return;
        };
        match result {
            Ok(()) => {
                let name = pending
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if pending.generation == self.generation {
                    self.saved_state = pending.state;
                    self.path = Some(pending.path);
                }
                self.set_notice(ctx, i18n::saved_to(&name, self.lang));
                if let Some((path, then)) = self.save_next.take() {
                    self.save_to(&path, then.or(pending.then), ctx);
                } else if self.close_after_save {
                    self.close_after_save = false;
                    self.request(Then::Close, ctx);
                } else if let Some(then) = pending.then {
                    self.request(then, ctx);
                }
            }
            Err(e) => {
                self.save_next = None;
                self.close_after_save = false;
                self.modal = Some(Modal::Error {
                    title: Msg::SaveFailed.text(self.lang).to_owned(),
                    message: format!(
                        "{}\n\n{}\n\n{}",
                        i18n::tidy(&pending.path.display().to_string()),
                        i18n::tidy(&e),
                        Msg::KeptOpen.text(self.lang)
                    ),
                    // A path typed by hand is offered again, to be mended rather than typed anew.
                    then: pending.prompt.map(Box::new),
                });
            }
        }
    }

    fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some(pending) = &self.dialog else {
            return;
        };
        let answer = match pending.answer.try_recv() {
            Ok(answer) => answer,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => DialogAnswer::Cancelled,
        };
        let Some(pending) = self.dialog.take() else {
            return;
        };
        match answer {
            DialogAnswer::Chosen(path) => {
                self.last_prompt = None;
                self.chosen(pending.purpose, path, pending.then, ctx)
            }
            DialogAnswer::Cancelled => {}
            DialogAnswer::Unavailable => {
                let suggested = match pending.purpose {
                    FilePurpose::Save => self.suggested_save_path(),
                    FilePurpose::ExportPng | FilePurpose::ExportSvg => self
                        .suggested_save_path()
                        .with_extension(pending.purpose.extensions()[0]),
                    FilePurpose::Open => self
                        .path
                        .as_deref()
                        .and_then(Path::parent)
                        .map(Path::to_path_buf)
                        .or_else(home_dir)
                        .map(|d| d.join(""))
                        .unwrap_or_default(),
                };
                self.modal = Some(Modal::PathPrompt {
                    purpose: pending.purpose,
                    path: suggested.display().to_string(),
                    then: pending.then,
                });
            }
        }
    }

    /// A path picked for opening or saving.
    fn chosen(
        &mut self,
        purpose: FilePurpose,
        mut path: PathBuf,
        then: Option<Then>,
        ctx: &egui::Context,
    ) {
        match purpose {
            FilePurpose::Open => self.open_path(&path, ctx),
            FilePurpose::ExportPng | FilePurpose::ExportSvg => {
                let kind = if purpose == FilePurpose::ExportPng {
                    Kind::Png
                } else {
                    Kind::Svg
                };
                let selection = self.selection_ids();
                let doc = self.editor.doc().clone();
                self.export
                    .start(kind, path, doc, selection, ctx, self.lang);
            }
            FilePurpose::Save => {
                if path.extension().is_none() {
                    path.set_extension(io::EXTENSION);
                }
                self.save_to(&path, then, ctx);
            }
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

    /// Asks where to export.
    fn pick(&mut self, purpose: FilePurpose, ctx: egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        let suggested = self
            .suggested_save_path()
            .with_extension(purpose.extensions()[0]);
        let answer = self.desktop.pick_file(
            purpose,
            Some(&suggested),
            Msg::FileFilter.text(self.lang),
            &ctx,
        );
        self.dialog = Some(PendingDialog {
            purpose,
            answer,
            then: None,
        });
        self.poll_dialog(&ctx);
    }

    /// Where "Save as" proposes to save: beside the current file, or in the home folder.
    fn suggested_save_path(&self) -> PathBuf {
        if let Some(p) = &self.path {
            return p.clone();
        }
        let name: String = self
            .display_name()
            .chars()
            .map(|c| {
                if std::path::is_separator(c) || c == ':' {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        let file = format!("{name}.{}", io::EXTENSION);
        home_dir()
            .map(|h| h.join(&file))
            .unwrap_or_else(|| PathBuf::from(file))
    }

    // ---------------------------------------------------------------- dialogs

    fn show_modal(&mut self, ctx: &egui::Context) {
        let Some(modal) = self.modal.clone() else {
            return;
        };
        let lang = self.lang;
        let mut close = false;
        let mut choice: Option<(bool, Then)> = None; // (save first?, then)
        let mut typed: Option<(FilePurpose, PathBuf, Option<Then>)> = None;
        let mut prompt_text: Option<String> = None;
        let dismissed = match &modal {
            Modal::Unsaved(then) => {
                let shown = dialog::show(
                    ctx,
                    "malbild-unsaved",
                    480.0,
                    Msg::UnsavedTitle.text(lang),
                    |ui| {
                        ui.label(i18n::unsaved_question(&self.display_name(), lang));
                        ui.label(Msg::UnsavedBody.text(lang));
                    },
                    |ui| {
                        let save = ui.button(Msg::Save.text(lang));
                        let dont = ui.button(Msg::DontSave.text(lang));
                        let cancel = ui.button(Msg::Cancel.text(lang));
                        (save.clicked(), dont.clicked(), cancel.clicked())
                    },
                );
                let (save, dont, cancel) = shown.buttons;
                // What was clicked (or pressed with Enter on its focused button) wins; Enter
                // alone saves.
                if cancel {
                    close = true;
                } else if dont {
                    choice = Some((false, then.clone()));
                } else if save || dialog::enter_pressed(ctx) {
                    choice = Some((true, then.clone()));
                }
                shown.dismissed
            }
            Modal::Error { title, message, .. } => {
                let shown = dialog::show(
                    ctx,
                    "malbild-error",
                    520.0,
                    title,
                    |ui| {
                        ui.label(message);
                    },
                    |ui| ui.button(Msg::Ok.text(lang)).clicked(),
                );
                close |= shown.buttons || dialog::enter_pressed(ctx);
                shown.dismissed
            }
            Modal::Shortcuts => {
                let shown = dialog::show(
                    ctx,
                    "malbild-shortcuts",
                    560.0,
                    Msg::Shortcuts.text(lang),
                    |ui| {
                        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                            for a in Action::ALL {
                                if let Some(s) = a.shortcut_label() {
                                    ui.label(a.label(lang));
                                    ui.label(s);
                                    ui.end_row();
                                }
                            }
                        });
                        ui.add_space(6.0);
                        ui.label(Msg::TipEditing.text(lang));
                        ui.label(Msg::TipWalk.text(lang));
                        ui.label(Msg::TipPan.text(lang));
                    },
                    |ui| ui.button(Msg::Close.text(lang)).clicked(),
                );
                // F1 again closes the list it opened.
                let again = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::F1));
                close |= shown.buttons || again || dialog::enter_pressed(ctx);
                shown.dismissed
            }
            Modal::PathPrompt {
                purpose,
                path,
                then,
            } => {
                let (title, go) = match purpose {
                    FilePurpose::Open => (Msg::Open, Msg::OpenButton),
                    FilePurpose::Save => (Msg::SaveAs, Msg::Save),
                    FilePurpose::ExportPng => (Msg::ExportPng, Msg::ExportButton),
                    FilePurpose::ExportSvg => (Msg::ExportSvg, Msg::ExportButton),
                };
                let mut text = path.clone();
                let mut enter = false;
                let shown = dialog::show(
                    ctx,
                    "malbild-path",
                    480.0,
                    title.text(lang),
                    |ui| {
                        let label = ui.label(Msg::TypePath.text(lang));
                        let field_id = ui.make_persistent_id("path-prompt");
                        // A single-line field gives up focus on Enter while it is drawn, so
                        // whether Enter submits is decided from the focus it had before.
                        let had_focus = ui.memory(|m| m.has_focus(field_id));
                        enter = had_focus && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(&mut text)
                                    .id(field_id)
                                    .desired_width(f32::INFINITY),
                            )
                            .labelled_by(label.id);
                        if !had_focus
                            && !enter
                            && text == *path
                            && !ui.ctx().egui_wants_keyboard_input()
                        {
                            field.request_focus();
                        }
                    },
                    |ui| {
                        let go = ui.button(go.text(lang)).clicked();
                        let cancel = ui.button(Msg::Cancel.text(lang)).clicked();
                        (go, cancel)
                    },
                );
                let (go, cancel) = shown.buttons;
                if (go || enter) && !text.trim().is_empty() {
                    typed = Some((*purpose, PathBuf::from(text.trim()), then.clone()));
                }
                close |= cancel;
                prompt_text = Some(text);
                shown.dismissed
            }
            Modal::About => {
                let shown = dialog::show(
                    ctx,
                    "malbild-about",
                    480.0,
                    &format!("{} {}", Msg::AppName.text(lang), env!("CARGO_PKG_VERSION")),
                    |ui| {
                        ui.label(Msg::AboutBody.text(lang));
                        ui.label(Msg::Licences.text(lang));
                    },
                    |ui| ui.button(Msg::Close.text(lang)).clicked(),
                );
                close |= shown.buttons || dialog::enter_pressed(ctx);
                shown.dismissed
            }
        };
        close |= dismissed;
        if let (Some(text), Some(Modal::PathPrompt { path, .. })) = (prompt_text, &mut self.modal) {
            *path = text;
        }
        if let Some((purpose, path, then)) = typed {
            self.modal = None;
            // A typed save path comes back if the save fails, to be mended.
            self.last_prompt = (purpose == FilePurpose::Save).then(|| Modal::PathPrompt {
                purpose,
                path: path.display().to_string(),
                then: then.clone(),
            });
            // (An Open prompt is only shown after unsaved changes were asked about.)
            self.chosen(purpose, path, then, ctx);
        } else if let Some((save_first, then)) = choice {
            self.modal = None;
            if save_first {
                self.save(ctx, Some(then));
            } else {
                self.proceed(then, ctx);
            }
        } else if close {
            // An error about a typed path brings the prompt back with that path in it.
            self.modal = match self.modal.take() {
                Some(Modal::Error { then, .. }) => then.map(|m| *m),
                _ => None,
            };
        }
    }
}

/// Where a canvas opened from `path` is saved: there, unless it came out of an exported
/// picture, which is not overwritten with a canvas file (the first save asks where).
fn canvas_path(path: &Path) -> Option<PathBuf> {
    let picture = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    (!picture).then(|| path.to_path_buf())
}

/// The user's home folder, if the environment names one.
fn home_dir() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        App::ui(self, ui);
    }
}
