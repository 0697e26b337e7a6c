//! The one seam between the app and the desktop: native file dialogs and writing files.
//! Tests replace it with [`ScriptedDesktop`], which answers from a list and can hold a save
//! back to see what the window does meanwhile.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Condvar, Mutex};

/// Writes a file's bytes, atomically; called on a worker thread.
pub type FileWriter = Arc<dyn Fn(&Path, &[u8]) -> std::io::Result<()> + Send + Sync>;

/// How a file dialog ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown (no desktop portal or helper); the app asks in a window of
    /// its own instead.
    Unavailable,
}

/// What a file dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    Open,
    Save,
    ExportPng,
    ExportSvg,
    /// A picture to put on the canvas.
    InsertPicture,
    /// The story as Markdown or CSV.
    Summary,
}

impl FilePurpose {
    /// The file name extensions the dialog offers.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FilePurpose::Open => &[crate::io::EXTENSION, "png"],
            FilePurpose::Save => &[crate::io::EXTENSION],
            FilePurpose::ExportPng => &["png"],
            FilePurpose::ExportSvg => &["svg"],
            FilePurpose::InsertPicture => &["png", "jpg", "jpeg", "webp", "gif", "svg"],
            FilePurpose::Summary => &["md", "csv"],
        }
    }

    /// Whether the dialog asks for a new file (rather than an existing one).
    pub fn saves(self) -> bool {
        !matches!(self, FilePurpose::Open | FilePurpose::InsertPicture)
    }
}

pub trait Desktop {
    /// Starts a file dialog without blocking. The answer arrives on the returned channel, and
    /// the context is asked to repaint when it does.
    fn pick_file(
        &mut self,
        purpose: FilePurpose,
        suggested: Option<&Path>,
        filter_name: &str,
        ctx: &egui::Context,
    ) -> Receiver<DialogAnswer>;

    /// How saved files are written (atomically, see [`crate::io::write_atomic`]).
    fn file_writer(&self) -> FileWriter {
        Arc::new(crate::io::write_atomic)
    }

    /// Puts text on the system clipboard.
    fn set_clipboard_text(&mut self, ctx: &egui::Context, text: String) {
        ctx.copy_text(text);
    }

    /// Puts a picture on the system clipboard.
    fn set_clipboard_image(&mut self, ctx: &egui::Context, image: egui::ColorImage) {
        ctx.copy_image(image);
    }

    /// The text on the system clipboard, if it holds any.
    fn clipboard_text(&mut self) -> Option<String>;

    /// Puts copied elements on the system clipboard: `html` (which holds them, for Målbild)
    /// and `text` for programs that take plain text.
    fn set_clipboard_html(&mut self, ctx: &egui::Context, html: String, text: String) {
        let _ = html;
        self.set_clipboard_text(ctx, text);
    }

    /// The HTML on the system clipboard, if it holds any.
    fn clipboard_html(&mut self) -> Option<String> {
        None
    }

    /// The picture on the system clipboard, if it holds one (and no text).
    fn clipboard_picture(&mut self) -> Option<std::sync::Arc<egui::ColorImage>> {
        None
    }
}

/// Native dialogs through rfd, awaited on a thread of their own so the window keeps drawing;
/// the system clipboard through egui (writing) and arboard (reading on demand, for the menu's
/// Paste).
#[derive(Default)]
pub struct NativeDesktop {
    clipboard: Option<arboard::Clipboard>,
}

impl Desktop for NativeDesktop {
    fn clipboard_text(&mut self) -> Option<String> {
        if self.clipboard.is_none() {
            self.clipboard = arboard::Clipboard::new().ok();
        }
        let text = self.clipboard.as_mut()?.get_text().ok()?;
        Some(text.replace("\r\n", "\n"))
    }

    fn set_clipboard_html(&mut self, ctx: &egui::Context, html: String, text: String) {
        if self.clipboard.is_none() {
            self.clipboard = arboard::Clipboard::new().ok();
        }
        // Kept open: on X11 the clipboard is served from this process while it lives.
        let set = self
            .clipboard
            .as_mut()
            .is_some_and(|c| c.set_html(html, Some(text.clone())).is_ok());
        if !set {
            ctx.copy_text(text);
        }
    }

    fn clipboard_html(&mut self) -> Option<String> {
        if self.clipboard.is_none() {
            self.clipboard = arboard::Clipboard::new().ok();
        }
        self.clipboard.as_mut()?.get().html().ok()
    }

    fn clipboard_picture(&mut self) -> Option<std::sync::Arc<egui::ColorImage>> {
        if self.clipboard.is_none() {
            self.clipboard = arboard::Clipboard::new().ok();
        }
        let image = self.clipboard.as_mut()?.get_image().ok()?;
        let size = [image.width, image.height];
        // A clipboard could claim any size: the bytes must be exactly that many pixels.
        if size[0].checked_mul(size[1]).and_then(|n| n.checked_mul(4)) != Some(image.bytes.len()) {
            return None;
        }
        Some(std::sync::Arc::new(
            egui::ColorImage::from_rgba_unmultiplied(size, &image.bytes),
        ))
    }

    fn pick_file(
        &mut self,
        purpose: FilePurpose,
        suggested: Option<&Path>,
        filter_name: &str,
        ctx: &egui::Context,
    ) -> Receiver<DialogAnswer> {
        let (tx, rx) = channel();
        let mut dialog = rfd::AsyncFileDialog::new().add_filter(filter_name, purpose.extensions());
        if let Some(dir) = suggested.and_then(Path::parent).filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        // The future is made here (some platforms want dialogs started on the UI thread) and
        // awaited on a worker thread.
        let future: std::pin::Pin<Box<dyn std::future::Future<Output = Option<PathBuf>> + Send>> =
            if purpose.saves() {
                let name = suggested
                    .and_then(Path::file_name)
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| format!("malbild.{}", purpose.extensions()[0]));
                let f = dialog.set_file_name(name).save_file();
                Box::pin(async move { f.await.map(|h| h.path().to_path_buf()) })
            } else {
                let f = dialog.pick_file();
                Box::pin(async move { f.await.map(|h| h.path().to_path_buf()) })
            };
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let start = std::time::Instant::now();
            let answer = match pollster::block_on(future) {
                Some(path) => DialogAnswer::Chosen(path),
                // Nobody cancels a dialog this fast: none was shown.
                None if start.elapsed() < std::time::Duration::from_millis(250) => {
                    DialogAnswer::Unavailable
                }
                None => DialogAnswer::Cancelled,
            };
            let _ = tx.send(answer);
            ctx.request_repaint();
        });
        rx
    }
}

/// A desktop for tests and scripts: answers file dialogs from a queue and records what was
/// asked. Clones share the same queue, so a test can keep one and give one to the app.
#[derive(Clone, Default)]
pub struct ScriptedDesktop {
    inner: Arc<Mutex<Scripted>>,
    /// While true, file writes wait (as on a slow network share).
    held: Arc<(Mutex<bool>, Condvar)>,
    clipboard: Arc<Mutex<Clipboard>>,
    /// While set, file writes fail so (a full disk, a read-only folder, a removed stick).
    failing: Arc<Mutex<Option<std::io::ErrorKind>>>,
}

/// What the scripted clipboard holds.
#[derive(Default)]
struct Clipboard {
    text: Option<String>,
    html: Option<String>,
    image: Option<[usize; 2]>,
    /// A picture put there as another program would.
    picture: Option<std::sync::Arc<egui::ColorImage>>,
}

#[derive(Default)]
struct Scripted {
    answers: VecDeque<DialogAnswer>,
    asked: Vec<FilePurpose>,
}

impl ScriptedDesktop {
    /// Queues the answer to the next file dialog: a path, or `None` for a cancel.
    pub fn answer(&self, path: Option<PathBuf>) {
        self.answer_with(match path {
            Some(p) => DialogAnswer::Chosen(p),
            None => DialogAnswer::Cancelled,
        });
    }

    /// Queues any answer, such as [`DialogAnswer::Unavailable`].
    pub fn answer_with(&self, answer: DialogAnswer) {
        if let Ok(mut s) = self.inner.lock() {
            s.answers.push_back(answer);
        }
    }

    /// Makes file writes wait until [`Self::release_writes`], like a slow disk.
    pub fn hold_writes(&self) {
        if let Ok(mut held) = self.held.0.lock() {
            *held = true;
        }
    }

    /// Makes file writes fail with `kind` (or work again with `None`).
    pub fn fail_writes(&self, kind: Option<std::io::ErrorKind>) {
        if let Ok(mut f) = self.failing.lock() {
            *f = kind;
        }
    }

    /// Lets held file writes go on.
    pub fn release_writes(&self) {
        if let Ok(mut held) = self.held.0.lock() {
            *held = false;
        }
        self.held.1.notify_all();
    }

    /// Puts text on the clipboard, as another program would.
    pub fn set_clipboard(&self, text: &str) {
        if let Ok(mut c) = self.clipboard.lock() {
            c.text = Some(text.to_owned());
            c.html = None;
        }
    }

    /// Puts a picture on the clipboard (and no text), as another program would.
    pub fn set_clipboard_picture(&self, image: egui::ColorImage) {
        if let Ok(mut c) = self.clipboard.lock() {
            c.text = None;
            c.html = None;
            c.picture = Some(std::sync::Arc::new(image));
        }
    }

    /// The HTML on the clipboard.
    pub fn clipboard_html_text(&self) -> Option<String> {
        self.clipboard.lock().ok().and_then(|c| c.html.clone())
    }

    /// The text on the clipboard.
    pub fn clipboard(&self) -> Option<String> {
        self.clipboard.lock().ok().and_then(|c| c.text.clone())
    }

    /// The size of the picture put on the clipboard, if one was.
    pub fn clipboard_image(&self) -> Option<[usize; 2]> {
        self.clipboard.lock().ok().and_then(|c| c.image)
    }

    /// The dialogs asked for so far.
    pub fn asked(&self) -> Vec<FilePurpose> {
        self.inner
            .lock()
            .map(|s| s.asked.clone())
            .unwrap_or_default()
    }
}

impl Desktop for ScriptedDesktop {
    fn pick_file(
        &mut self,
        purpose: FilePurpose,
        _suggested: Option<&Path>,
        _filter_name: &str,
        _ctx: &egui::Context,
    ) -> Receiver<DialogAnswer> {
        let (tx, rx) = channel();
        let answer = self.inner.lock().ok().and_then(|mut s| {
            s.asked.push(purpose);
            s.answers.pop_front()
        });
        let _ = tx.send(answer.unwrap_or(DialogAnswer::Cancelled));
        rx
    }

    fn set_clipboard_text(&mut self, _ctx: &egui::Context, text: String) {
        self.set_clipboard(&text);
    }

    fn set_clipboard_image(&mut self, _ctx: &egui::Context, image: egui::ColorImage) {
        if let Ok(mut c) = self.clipboard.lock() {
            c.image = Some(image.size);
        }
    }

    fn clipboard_text(&mut self) -> Option<String> {
        self.clipboard()
    }

    fn set_clipboard_html(&mut self, _ctx: &egui::Context, html: String, text: String) {
        if let Ok(mut c) = self.clipboard.lock() {
            c.text = Some(text);
            c.html = Some(html);
        }
    }

    fn clipboard_html(&mut self) -> Option<String> {
        self.clipboard_html_text()
    }

    fn clipboard_picture(&mut self) -> Option<std::sync::Arc<egui::ColorImage>> {
        self.clipboard.lock().ok().and_then(|c| c.picture.clone())
    }

    fn file_writer(&self) -> FileWriter {
        let held = self.held.clone();
        let failing = self.failing.clone();
        Arc::new(move |path, bytes| {
            if let Some(kind) = failing.lock().ok().and_then(|f| *f) {
                return Err(std::io::Error::from(kind));
            }
            let (lock, released) = &*held;
            if let Ok(mut h) = lock.lock() {
                while *h {
                    h = match released.wait(h) {
                        Ok(h) => h,
                        Err(_) => break,
                    };
                }
            }
            crate::io::write_atomic(path, bytes)
        })
    }
}
