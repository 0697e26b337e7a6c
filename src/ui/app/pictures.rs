//! Putting pictures on the canvas: from the library, from files (the Insert dialog, or
//! dropped on the window) and from the clipboard. Files are read and checked on a thread of
//! their own; the picture lands where it was dropped (or in the middle of the view), never
//! larger than the view, as one undo step, selected.

use super::*;
use crate::model::{Crop, ElementId, Picture, Point, Rect};
use crate::picture::{self, Imported, library};

/// What a batch of imports gave: for each file, its name and what it is.
pub(super) struct Imports {
    pub at: Option<Point>,
    pub results: Vec<(String, Result<Import, String>)>,
}

/// A file read for the canvas.
pub(super) enum Import {
    /// A picture to put on it.
    Picture(Imported),
    /// An exported PNG with a canvas inside: it opens as that canvas.
    Canvas(PathBuf),
}

/// Whether a dropped file is opened as a canvas (rather than put on it as a picture).
pub(super) fn opens_as_canvas(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some(io::EXTENSION) | Some("json"))
}

/// Reads a picture file and checks it (on a worker thread).
fn read_picture(path: &Path, lang: Lang) -> Result<Import, String> {
    // Too large is said before anything is read (a file of gigabytes would take long).
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
        && meta.len() > picture::MAX_FILE_BYTES
    {
        return Err(i18n::picture_error(
            &picture::PictureError::FileTooLarge(meta.len()),
            lang,
        ));
    }
    let bytes = io::read_limited(path).map_err(|e| i18n::load_error(&e, lang))?;
    // A PNG exported from Målbild with its canvas inside is that canvas.
    if io::is_png(&bytes)
        && matches!(
            io::png::embedded_document(&bytes, io::MAX_EMBEDDED_BYTES as usize),
            io::png::Embedded::Document(_)
        )
    {
        return Ok(Import::Canvas(path.to_path_buf()));
    }
    picture::import(&bytes)
        .map(Import::Picture)
        .map_err(|e| i18n::picture_error(&e, lang))
}

impl App {
    /// Asks for a picture file to put on the canvas.
    pub(super) fn pick_picture(&mut self, ctx: &egui::Context) {
        let answer = self.desktop.pick_file(
            FilePurpose::InsertPicture,
            self.path.as_deref(),
            Msg::PictureFilter.text(self.lang),
            ctx,
        );
        self.dialog = Some(PendingDialog {
            purpose: FilePurpose::InsertPicture,
            answer,
            then: None,
        });
        self.poll_dialog(ctx);
    }

    /// Reads picture files on a thread of their own; they are placed at `at` (or in the
    /// middle of the view) when read.
    pub(super) fn import_files(
        &mut self,
        ctx: &egui::Context,
        paths: Vec<PathBuf>,
        at: Option<Point>,
    ) {
        let lang = self.lang;
        self.start_import(ctx, at, move || {
            paths
                .iter()
                .map(|p| {
                    let name = p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    (name, read_picture(p, lang))
                })
                .collect()
        });
    }

    /// A picture pasted from the clipboard, placed where the pointer is.
    pub(super) fn paste_picture(
        &mut self,
        ctx: &egui::Context,
        image: std::sync::Arc<egui::ColorImage>,
    ) {
        let lang = self.lang;
        let name = Msg::Image.text(lang).to_owned();
        let at = self.view.paste_at.take().or(self.view.pointer_world);
        // Checked, converted and stored on the import thread: a huge screenshot does not
        // hold up the window.
        self.start_import(ctx, at, move || {
            let [w, h] = image.size;
            let (w, h) = (
                w.min(u32::MAX as usize) as u32,
                h.min(u32::MAX as usize) as u32,
            );
            let got = picture::check_size(w as u64, h as u64)
                .and_then(|()| {
                    let rgba: Vec<u8> = image
                        .pixels
                        .iter()
                        .flat_map(|c| c.to_srgba_unmultiplied())
                        .collect();
                    picture::import_rgba(w, h, rgba)
                })
                .map(Import::Picture)
                .map_err(|e| i18n::picture_error(&e, lang));
            vec![(name, got)]
        });
    }

    fn start_import(
        &mut self,
        ctx: &egui::Context,
        at: Option<Point>,
        work: impl FnOnce() -> Vec<(String, Result<Import, String>)> + Send + 'static,
    ) {
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let failed = Msg::PictureFailed.text(self.lang).to_owned();
        let spawned = std::thread::Builder::new()
            .name("malbild-import".into())
            .stack_size(64 * 1024 * 1024)
            .spawn(move || {
                // A fault in a decoder is a refusal, not the end of the import.
                let results = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                    .unwrap_or_else(|_| vec![(String::new(), Err(failed))]);
                let _ = tx.send(Imports { at, results });
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                // Each import is waited for: one started while another reads loses nothing.
                self.importing.push(rx);
                self.set_notice(ctx, Msg::PictureOpening.text(self.lang).to_owned());
            }
            Err(e) => self.set_notice(ctx, e.to_string()),
        }
    }

    /// Places pictures that have been read. Called every frame.
    pub(super) fn poll_imports(&mut self, ctx: &egui::Context) {
        let mut done = Vec::new();
        self.importing.retain(|rx| match rx.try_recv() {
            Ok(i) => {
                done.push(i);
                false
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
        });
        for imports in done {
            self.place_imports(ctx, imports);
        }
    }

    fn place_imports(&mut self, ctx: &egui::Context, imports: Imports) {
        self.notice = None;
        let mut placed = Vec::new();
        let mut refused = Vec::new();
        for (name, got) in imports.results {
            match got {
                Ok(Import::Picture(imported)) => placed.push((name, imported)),
                Ok(Import::Canvas(path)) => self.request(Then::Open(path), ctx),
                Err(why) if name.is_empty() => refused.push(why),
                Err(why) => refused.push(format!("“{name}”: {why}")),
            }
        }
        if !refused.is_empty() {
            self.set_notice(ctx, i18n::pictures_refused(&refused.join("; "), self.lang));
        }
        if placed.is_empty() {
            return;
        }
        self.finish_editing();
        let at = imports.at.unwrap_or_else(|| self.view_center());
        let view = self.view_world();
        let mut files = Vec::new();
        let mut elements = Vec::new();
        for (n, (name, imported)) in placed.into_iter().enumerate() {
            let (w, h) = fit_in_view(imported.size, view);
            let step = n as f32 * 24.0;
            let rect = Rect::new(at.x - w / 2.0 + step, at.y - h / 2.0 + step, w, h);
            let mut p = Picture::new(ElementId::random(), rect, imported.id.clone());
            p.source = name.clone();
            p.name = name;
            files.push((imported.id, imported.data));
            elements.push(Element::Image(p));
        }
        self.insert_pictures(files, elements);
    }

    /// Puts a library item on the canvas at `at` (or in the middle of the view).
    pub(super) fn place_library_item(&mut self, item: &'static library::Item, at: Option<Point>) {
        self.finish_editing();
        let at = at.unwrap_or_else(|| self.view_center());
        let side = match item.set {
            library::Set::Illustrations => 160.0,
            library::Set::Icons => 96.0,
        };
        // Its own proportions (the drawn road is long and low).
        let (w, h) = item.size();
        let k = side / w.max(h).max(1e-3);
        let (w, h) = (w * k, h * k);
        let (w, h) = if item.id == "malbild:road" {
            (w * 3.0, h * 3.0)
        } else {
            (w, h)
        };
        let rect = Rect::new(at.x - w / 2.0, at.y - h / 2.0, w, h);
        let mut p = Picture::new(ElementId::random(), rect, item.file_id().clone());
        p.source = item.id.to_owned();
        p.name = item.name(self.lang).to_owned();
        p.crop = Crop::FULL;
        if item.tint {
            p.tint = Some(crate::model::CardColor::Navy);
        }
        self.library.used(item.id);
        self.insert_pictures(
            vec![(item.file_id().clone(), item.file_data().clone())],
            vec![Element::Illustration(p)],
        );
    }

    fn insert_pictures(
        &mut self,
        files: Vec<(crate::model::FileId, crate::model::FileData)>,
        elements: Vec<Element>,
    ) {
        let ids = elements.iter().map(Element::id).collect();
        let insert = Command::insert_on_top(self.editor.doc(), elements);
        let cmd = Command::Batch(vec![Command::AddFiles(files), insert]);
        if self.editor.apply_step(cmd).is_ok() {
            self.view.selection = ids;
            self.view.selected_phase = None;
            self.view.tool = Tool::Select;
        }
    }

    fn view_world(&self) -> Rect {
        self.view
            .camera
            .transform(self.view.rect)
            .rect_to_world(self.view.rect)
    }

    fn view_center(&self) -> Point {
        self.view_world().center()
    }
}

/// A picture's size on the canvas: its own size in points, but at most half the view (and
/// never larger than it), and at least 40 points on its long side.
fn fit_in_view(size: (f32, f32), view: Rect) -> (f32, f32) {
    let (w, h) = (size.0.max(1.0), size.1.max(1.0));
    let most = (view.w * 0.5 / w).min(view.h * 0.5 / h);
    let least = 40.0 / w.max(h);
    let k = most.min(1.0).max(least);
    (w * k, h * k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_fit_in_half_the_view() {
        let view = Rect::new(0.0, 0.0, 1000.0, 600.0);
        assert_eq!(fit_in_view((200.0, 100.0), view), (200.0, 100.0));
        let (w, h) = fit_in_view((4000.0, 3000.0), view);
        assert!((h - 300.0).abs() < 0.01 && (w - 400.0).abs() < 0.01);
        assert_eq!(fit_in_view((10.0, 10.0), view), (40.0, 40.0));
    }
}
