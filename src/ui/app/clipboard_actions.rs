//! Copy, cut and paste of elements and text, and a picture of the canvas for the clipboard.

use super::*;

impl App {
    /// Copies the selection: its elements (as marked JSON in the clipboard's HTML) for pasting
    /// in this window or another, its text for other programs.
    pub(super) fn copy(&mut self, ctx: &egui::Context) {
        if self.view.selection.is_empty() {
            return;
        }
        let clip = clipboard::copy(self.editor.doc(), &self.view.selection);
        let mut text = clipboard::text_of(&clip);
        if text.is_empty() {
            // Never nothing: an empty clipboard would make Ctrl+V do nothing at all.
            text = i18n::selected(clip.elements.len(), self.lang);
        }
        let html = clipboard::to_html(&clipboard::to_json(&clip), &text);
        self.desktop.set_clipboard_html(ctx, html, text.clone());
        self.clip = Some((clip, text));
    }

    /// Pastes what was copied here (while the clipboard still holds its text), or the
    /// clipboard's text as cards, one a line, where the pointer is (or the context menu was
    /// opened, or in the middle of the view). The paste is one undo step and is selected.
    pub(super) fn paste(&mut self, ctx: &egui::Context) {
        let text = match self.pasted.take() {
            Some(super::super::actions::Pasted::Text(t)) => Some(t),
            Some(super::super::actions::Pasted::Image(image)) => {
                self.paste_picture(ctx, image);
                return;
            }
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
        // Elements copied in a Målbild window: in the clipboard's HTML (with their text as
        // the plain text), or as marked JSON text.
        let html = self.desktop.clipboard_html();
        let copied = html
            .as_deref()
            .and_then(clipboard::clip_in_html)
            .or_else(|| text.as_deref().and_then(clipboard::from_json))
            .or_else(|| match (&self.clip, &text) {
                // Copied here, on a clipboard that kept only the text.
                (Some((clip, copied)), Some(t)) if t.trim() == copied.trim() => {
                    Some(Ok(clip.clone()))
                }
                _ => None,
            });
        let mut files = Command::AddFiles(Vec::new());
        let elements = match (copied, text) {
            (Some(Ok(clip)), _) => {
                files = clip.add_files();
                Ok(clipboard::paste(doc, &clip, at))
            }
            (Some(Err(why)), _) => {
                let lang = self.lang;
                self.set_notice(ctx, i18n::paste_unreadable(&why, lang));
                return;
            }
            (None, Some(t)) => clipboard::cards_from_text(doc, &t, at, view.new_card_color),
            (None, None) => {
                // No text: a picture, perhaps (the menu's Paste, which no key event brings).
                if let Some(image) = self.desktop.clipboard_picture() {
                    self.paste_picture(ctx, image);
                    return;
                }
                Err(clipboard::PasteError::Empty)
            }
        };
        match elements {
            Ok(elements) if !elements.is_empty() => {
                let ids = elements.iter().map(|e| e.id()).collect();
                let insert = Command::insert_on_top(self.editor.doc(), elements);
                if self
                    .editor
                    .apply_step(Command::Batch(vec![files, insert]))
                    .is_ok()
                {
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
    pub(super) fn copy_picture(&mut self, ctx: &egui::Context) {
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

    pub(super) fn poll_picture(&mut self, ctx: &egui::Context) {
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
}
