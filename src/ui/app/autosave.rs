//! Autosave and crash recovery in the window: the recovery file written a moment after a
//! change (on a worker thread), removed when the work is saved or thrown away, and what a
//! crash left offered at the start.

use super::*;
use crate::recovery::{self, Meta, Session};

impl App {
    /// Keeps recovery files in `dir` from now on (the window does; tests that want it too),
    /// and offers what earlier sessions left there.
    pub fn enable_recovery(&mut self, dir: PathBuf) {
        self.session = Some(Session::new(&dir));
        self.autosave =
            recovery::Autosave::new(self.editor.history().state(), recovery::DELAY_SECONDS);
        let found = recovery::orphans(&dir);
        // (A message already on screen, as for a file that would not open, goes first; the
        // documents wait for the next start.)
        if !found.is_empty() && self.modal.is_none() {
            self.recovered = found
                .into_iter()
                .take(8)
                .map(|o| {
                    let doc = o.load().map_err(|e| i18n::load_error(&e, self.lang));
                    let index = match &doc {
                        Ok(d) => crate::spatial::SpatialIndex::build(d),
                        Err(_) => crate::spatial::SpatialIndex::build(&Document::new()),
                    };
                    (o, doc, index)
                })
                .collect();
            self.modal = Some(Modal::Recover);
        }
    }

    /// Where this document's recovery file is, if one is kept.
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.session.as_ref().map(Session::doc_path)
    }

    /// Sets how long after a change the recovery file is written (tests shorten it).
    pub fn set_autosave_delay(&mut self, seconds: f64) {
        self.autosave.delay = seconds;
    }

    /// Writes the recovery file when it is due; removes it when the work is saved.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.autosave_job {
            match job.try_recv() {
                Ok(Ok(state)) => {
                    self.autosave_job = None;
                    self.autosave.written(state);
                }
                Ok(Err(_)) | Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    // Not written (a full disk, say): tried again after the delay.
                    self.autosave_job = None;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => return,
            }
        }
        let Some(session) = &self.session else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let state = self.editor.history().state();
        let dirty = self.is_dirty();
        match self.autosave.check(state, dirty, now) {
            Ok(()) => self.autosave_now(ctx),
            Err(Some(wait)) => ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait)),
            Err(None) => {
                // Saved (or undone back to what is saved): nothing to recover. (Known from
                // what this window wrote, not asked of the disk every frame.)
                if !dirty && self.recovery_on_disk {
                    session.discard();
                    self.recovery_on_disk = false;
                }
            }
        }
    }

    /// Writes the recovery file now, on a worker thread, if there is unsaved work.
    pub(super) fn autosave_now(&mut self, ctx: &egui::Context) {
        let Some(session) = self.session.clone() else {
            return;
        };
        if !self.is_dirty() || self.autosave_job.is_some() {
            return;
        }
        let doc = self.editor.doc().clone();
        let state = self.editor.history().state();
        let meta = Meta::new(&self.display_name(), self.path.as_deref());
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let job = move || {
            let written = session.write(&io::to_bytes(&doc), &meta).map(|()| state);
            let _ = tx.send(written);
            repaint.request_repaint();
        };
        if std::thread::Builder::new()
            .name("malbild-autosave".into())
            .spawn(job)
            .is_ok()
        {
            self.autosave_job = Some(rx);
            self.recovery_on_disk = true;
            // Not again for this state while it is being written.
            self.autosave.written(state);
        }
    }

    /// The work in the recovery file is saved or thrown away: the file goes, and the next
    /// document gets a session of its own.
    pub(super) fn end_session(&mut self) {
        if let Some(job) = self.autosave_job.take() {
            // A write under way finishes first, so that nothing is left behind.
            let _ = job.recv();
        }
        if let Some(s) = &self.session {
            s.discard();
            self.session = Some(Session::new(&s.dir));
        }
        self.recovery_on_disk = false;
        self.autosave = recovery::Autosave::new(self.editor.history().state(), self.autosave.delay);
    }

    /// The window closes: recovery files go if the work is saved or was thrown away on
    /// purpose; otherwise (closed by the system) they stay, to be offered next time.
    pub fn exit(&mut self) {
        self.save_settings_now();
        if self.closing || !self.is_dirty() {
            if let Some(job) = self.autosave_job.take() {
                let _ = job.recv();
            }
            if let Some(s) = &self.session {
                s.discard();
            }
        }
    }

    /// The recovered document `i` becomes the open one, unsaved, still autosaved to the
    /// same file; with `save_as`, the Save as dialog follows.
    pub(super) fn restore(&mut self, i: usize, save_as: bool, ctx: &egui::Context) {
        if i >= self.recovered.len() {
            return;
        }
        let (orphan, doc, _) = self.recovered.remove(i);
        let Ok(doc) = doc else {
            return;
        };
        // (Replacing the document ends this window's own session first.)
        let _ = orphan.session.adopt();
        self.replace_document(doc, orphan.meta.path.clone());
        self.session = Some(orphan.session);
        self.recovery_on_disk = true;
        // Unsaved: the user's file (if any) does not have this work.
        self.saved_state = u64::MAX;
        self.autosave.written(self.editor.history().state());
        self.modal = None;
        self.recovered.clear();
        if save_as {
            self.pick_save_path(ctx, None);
        }
    }

    /// Recovered document `i` is thrown away.
    pub(super) fn discard_recovered(&mut self, i: usize) {
        if i < self.recovered.len() {
            let (orphan, _, _) = self.recovered.remove(i);
            orphan.session.discard();
        }
        if self.recovered.is_empty() {
            self.modal = None;
        }
    }
}

impl App {
    /// Holds a claim on the open file, so that a second start with it comes here.
    pub(super) fn claim_file(&mut self, ctx: &egui::Context) {
        let Some(dir) = &self.instance_dir else {
            return;
        };
        if self.claimed == self.path {
            return;
        }
        self.claimed = self.path.clone();
        self.claim = None;
        if let Some(path) = &self.path {
            let ctx = ctx.clone();
            self.claim = crate::instance::claim(dir, path, move || {
                ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
                ctx.request_repaint();
            });
        }
    }

    /// Keeps the recent files in `file` from now on (the window does).
    pub fn enable_recent(&mut self, file: PathBuf) {
        self.recent = crate::recent::Recent::load(&file);
        self.recent_file = Some(file);
    }

    /// `path` was opened or saved: first among the recent files.
    pub fn recent_used(&mut self, path: &Path) {
        self.recent.used(path);
        self.store_recent();
    }

    /// Writes the list, on a thread of its own (a slow home folder never holds the window).
    pub(super) fn store_recent(&mut self) {
        if let Some(file) = self.recent_file.clone()
            && let Ok(json) = serde_json::to_vec_pretty(&self.recent)
        {
            self.writer.write(file, json);
        }
    }

    /// The start screen, when there are recent files to offer.
    pub fn show_start(&mut self) {
        if !self.recent.files.is_empty() && self.modal.is_none() {
            self.start_items = self
                .recent
                .files
                .iter()
                .take(6)
                .map(|p| {
                    // Pictures of files small enough to read at once.
                    let small =
                        std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() < 8 * io::MB);
                    let doc = small.then(|| io::load(p).ok()).flatten().map(|l| {
                        let index = crate::spatial::SpatialIndex::build(&l.document);
                        (l.document, index)
                    });
                    (p.clone(), doc)
                })
                .collect();
            self.modal = Some(Modal::Start);
        }
    }
}
