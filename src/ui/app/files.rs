//! Files: opening, saving on a worker thread, file dialogs and typed paths, and what waits
//! for unsaved changes to be dealt with.

use super::*;

impl App {
    /// The message for a file that would not open; `kept` says the open document stays.
    pub(super) fn open_error(&self, path: &Path, e: &io::LoadError, kept: bool) -> Modal {
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

    /// Asks about unsaved changes first, if there are any, then does `then`.
    pub(super) fn request(&mut self, then: Then, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        self.finish_editing();
        self.editor.commit();
        if self.is_dirty() {
            // Safe at once, whatever the answer.
            self.autosave_now(ctx);
            self.modal = Some(Modal::Unsaved(then));
        } else {
            self.proceed(then, ctx);
        }
    }

    /// Does `then` without asking.
    pub(super) fn proceed(&mut self, then: Then, ctx: &egui::Context) {
        match then {
            Then::New => self.open_templates(),
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

    /// Opens what could be read of a partly broken file; the file itself is not saved over.
    pub(super) fn open_partial(&mut self, path: PathBuf, ctx: &egui::Context) {
        let Some(doc) = self.partial.take() else {
            return;
        };
        self.recent_used(&path);
        self.replace_document(doc, Some(path.clone()));
        self.protected = Some(path);
        let text = Msg::PartialOpened.text(self.lang).to_owned();
        self.set_notice(ctx, text);
    }

    /// The New dialog: the built-in templates, then the user's own.
    pub(super) fn open_templates(&mut self) {
        let mut all = crate::templates::builtin(self.lang);
        if let Some(dir) = &self.templates_dir {
            all.extend(crate::templates::own(dir));
        }
        self.templates = all
            .into_iter()
            .map(|t| {
                let index = crate::spatial::SpatialIndex::build(&t.doc);
                (t, index)
            })
            .collect();
        self.modal = Some(Modal::Templates);
    }

    /// A new, unsaved canvas from template `i` of the New dialog.
    pub(super) fn start_from_template(&mut self, i: usize) {
        let Some((t, _)) = self.templates.get(i) else {
            return;
        };
        let doc = t.doc.clone();
        self.templates.clear();
        self.modal = None;
        self.replace_document(doc, None);
    }

    /// Saves the canvas among the user's templates.
    pub(super) fn save_as_template(&mut self, name: &str, ctx: &egui::Context) {
        let lang = self.lang;
        let Some(dir) = self.templates_dir.clone() else {
            self.show_error(Msg::SaveAsTemplate.text(lang), Msg::NoDataFolder.text(lang));
            return;
        };
        match crate::templates::save_own(&dir, name, self.editor.doc()) {
            Ok(path) => {
                self.modal = None;
                let text = format!("{}: {}", Msg::TemplateSaved.text(lang), path.display());
                self.set_notice(ctx, i18n::tidy(&text));
            }
            Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => {
                self.show_error(
                    Msg::SaveAsTemplate.text(lang),
                    Msg::TemplateNameHint.text(lang),
                );
            }
            Err(e) => {
                let msg = i18n::save_error(&e, &dir, lang);
                self.show_error(Msg::SaveAsTemplate.text(lang), &msg);
            }
        }
    }

    pub(super) fn replace_document(&mut self, doc: Document, path: Option<PathBuf>) {
        // The work it replaces was saved or thrown away on purpose.
        self.end_session();
        self.protected = None;
        self.view.reset_for(&doc);
        self.editor = Editor::new(doc);
        self.saved_state = self.editor.history().state();
        self.autosave.written(self.saved_state);
        self.path = path;
        self.generation += 1;
    }

    /// Opens a file, replacing the document; on error says why and keeps the document.
    pub fn open_path(&mut self, path: &Path, ctx: &egui::Context) {
        // Open in another window already: that one comes to the front.
        if let Some(dir) = &self.instance_dir
            && self.path.as_deref() != Some(path)
            && crate::instance::hand_over(dir, path)
        {
            let text = Msg::OpenElsewhere.text(self.lang).to_owned();
            self.set_notice(ctx, text);
            return;
        }
        match io::load(path) {
            Ok(loaded) => {
                self.recent_used(path);
                let newer = loaded.newer;
                let path = canvas_path(path, &loaded);
                self.replace_document(loaded.document, path);
                self.protected = None;
                match newer {
                    Some(v) => {
                        self.protected = self.path.clone();
                        let text = i18n::newer_notice(v, self.lang);
                        self.set_notice(ctx, text);
                    }
                    None => {
                        let name = self.display_name();
                        self.set_notice(ctx, i18n::opened(&name, self.lang));
                    }
                }
            }
            Err(e) => match io::load_partial(path) {
                // Some elements could not be read: the rest is offered.
                Some((loaded, dropped)) => {
                    let total = loaded.document.elements.len() + dropped.len();
                    self.partial = Some(loaded.document);
                    self.modal = Some(Modal::Partial {
                        path: path.to_path_buf(),
                        dropped,
                        total,
                    });
                }
                None => self.modal = Some(self.open_error(path, &e, true)),
            },
        }
    }

    /// Saves to the document's path, or asks for one. `then` runs after a successful save.
    pub(super) fn save(&mut self, ctx: &egui::Context, then: Option<Then>) {
        match self.path.clone() {
            // Never over a file this version cannot keep whole: another name is asked for.
            Some(path) if self.protected.as_ref() == Some(&path) => self.pick_save_path(ctx, then),
            Some(path) => self.save_to(&path, then, ctx),
            None => self.pick_save_path(ctx, then),
        }
    }

    pub(super) fn pick_save_path(&mut self, ctx: &egui::Context, then: Option<Then>) {
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
    pub(super) fn save_to(&mut self, path: &Path, then: Option<Then>, ctx: &egui::Context) {
        self.finish_editing();
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
            let bytes = io::to_bytes(doc);
            // A file that could not be opened again is not written.
            if bytes.len() as u64 > io::MAX_FILE_BYTES {
                return Err(i18n::too_large_to_save(bytes.len() as u64, lang));
            }
            // The version this save replaces stays beside it, one generation.
            io::keep_backup(path);
            writer(path, &bytes).map_err(|e| i18n::save_error(&e, path, lang))
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
    pub(super) fn poll_save(&mut self, ctx: &egui::Context) {
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
                self.recent_used(&pending.path);
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

    pub(super) fn poll_dialog(&mut self, ctx: &egui::Context) {
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
                    FilePurpose::ExportPng | FilePurpose::ExportSvg | FilePurpose::Summary => self
                        .suggested_save_path()
                        .with_extension(pending.purpose.extensions()[0]),
                    FilePurpose::Open | FilePurpose::InsertPicture => self
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
    pub(super) fn chosen(
        &mut self,
        purpose: FilePurpose,
        mut path: PathBuf,
        then: Option<Then>,
        ctx: &egui::Context,
    ) {
        match purpose {
            FilePurpose::Open => self.open_path(&path, ctx),
            FilePurpose::InsertPicture => self.import_files(ctx, vec![path], None),
            FilePurpose::ExportPng | FilePurpose::ExportSvg => {
                let kind = if purpose == FilePurpose::ExportPng {
                    Kind::Png
                } else {
                    Kind::Svg
                };
                if let Some(dir) = path.parent().filter(|d| d.is_absolute()) {
                    self.settings.export_folder = Some(dir.to_path_buf());
                }
                let selection = self.selection_ids();
                let doc = self.editor.doc().clone();
                self.export
                    .start(kind, path, doc, selection, ctx, self.lang);
            }
            FilePurpose::Summary => self.write_summary(path, ctx),
            FilePurpose::Save => {
                if path.extension().is_none() {
                    path.set_extension(io::EXTENSION);
                }
                self.save_to(&path, then, ctx);
            }
        }
    }

    /// Writes the story as Markdown or CSV (by the name's ending; Markdown without one), on a
    /// thread of its own; the status bar says when it is done or why not.
    pub(super) fn write_summary(&mut self, mut path: PathBuf, ctx: &egui::Context) {
        use crate::export::summary::SummaryFormat;
        let format = match SummaryFormat::from_path(&path) {
            Some(f) => f,
            None => {
                path.set_extension("md");
                SummaryFormat::Markdown
            }
        };
        let text = format.write(self.editor.doc(), self.lang);
        let write = self.desktop.file_writer();
        let lang = self.lang;
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let job = move || {
            let result = write(&path, text.as_bytes())
                .map(|()| format!("{}: {}", Msg::SummarySaved.text(lang), path.display()))
                .map_err(|e| i18n::save_error(&e, &path, lang));
            let _ = tx.send(result);
            repaint.request_repaint();
        };
        if let Err(e) = std::thread::Builder::new()
            .name("malbild-summary".into())
            .spawn(job)
        {
            self.set_notice(ctx, e.to_string());
            return;
        }
        self.summary_done = Some(rx);
    }

    /// Reports a summary written.
    pub(super) fn poll_summary(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.summary_done else {
            return;
        };
        match rx.try_recv() {
            Ok(Ok(text)) | Ok(Err(text)) => {
                self.summary_done = None;
                self.set_notice(ctx, i18n::tidy(&text));
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.summary_done = None,
        }
    }

    /// Asks where to export.
    pub(super) fn pick(&mut self, purpose: FilePurpose, ctx: egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        let mut suggested = self
            .suggested_save_path()
            .with_extension(purpose.extensions()[0]);
        // Pictures go where the last one went.
        if matches!(purpose, FilePurpose::ExportPng | FilePurpose::ExportSvg)
            && let (Some(dir), Some(name)) = (&self.settings.export_folder, suggested.file_name())
            && dir.is_dir()
        {
            suggested = dir.join(name);
        }
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
    pub(super) fn suggested_save_path(&self) -> PathBuf {
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
}

/// Where a canvas opened from `path` is saved: there, unless it came out of an exported
/// picture (whatever its name), which is not overwritten with a canvas file (the first save
/// asks where).
pub(super) fn canvas_path(path: &Path, loaded: &io::Loaded) -> Option<PathBuf> {
    (!loaded.from_picture).then(|| path.to_path_buf())
}

/// The user's home folder, if the environment names one.
pub(super) fn home_dir() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
}
