//! The dialogs in front of the canvas: unsaved changes, errors, the shortcut list, typed
//! paths, about.

use super::*;

/// A small picture of a canvas (a template, a recent file, a recovered document) in `rect`,
/// drawn by the scene painter like the canvas itself; an empty card when there is none.
fn paint_preview(
    ui: &egui::Ui,
    rect: egui::Rect,
    doc: Option<(&Document, &crate::spatial::SpatialIndex)>,
    lang: Lang,
    pictures: &mut dyn crate::scene::Pictures,
) {
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6.0, egui::Color32::from_rgb(0xf3, 0xf4, 0xf6));
    let Some((d, index)) = doc else {
        return;
    };
    let world = d.bounds();
    let zoom =
        ((rect.width() - 16.0) / world.w.max(1.0)).min((rect.height() - 16.0) / world.h.max(1.0));
    let c = world.center();
    let xf = crate::scene::Transform {
        origin: rect.center() - egui::vec2(c.x, c.y) * zoom,
        zoom,
    };
    let mut cache = crate::scene::SceneCache::default();
    let options = crate::scene::PaintOptions {
        lang,
        ..Default::default()
    };
    crate::scene::paint(&painter, d, index, &xf, &options, &mut cache, pictures);
}

impl App {
    /// The templates as pictures with their names, three a row; returns the one picked
    /// (clicked, or Enter or space on it).
    fn template_grid(&mut self, ui: &mut egui::Ui) -> Option<usize> {
        let lang = self.lang;
        let mut picked = None;
        let gap = 12.0;
        let cols = 3usize;
        let w = ((ui.available_width() - gap * (cols as f32 - 1.0)) / cols as f32).floor();
        let h = (w * 0.62).floor();
        let mut own_heading = false;
        egui::Grid::new("templates")
            .num_columns(cols)
            .spacing(egui::vec2(gap, gap))
            .show(ui, |ui| {
                let mut col = 0;
                for (i, (t, index)) in self.templates.iter().enumerate() {
                    if t.path.is_some() && !own_heading {
                        own_heading = true;
                        if col != 0 {
                            ui.end_row();
                            col = 0;
                        }
                        ui.label(egui::RichText::new(Msg::OwnTemplates.text(lang)).strong());
                        ui.end_row();
                    }
                    let (rect, response) =
                        ui.allocate_exact_size(egui::vec2(w, h + 26.0), egui::Sense::click());
                    let name = t.name.clone();
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    let picture = egui::Rect::from_min_size(rect.min, egui::vec2(w, h));
                    paint_preview(
                        ui,
                        picture,
                        Some((&t.doc, index)),
                        lang,
                        &mut self.view.pictures,
                    );
                    let ring = if response.has_focus() || response.hovered() {
                        egui::Stroke::new(3.0, crate::ui::widgets::ACCENT)
                    } else {
                        egui::Stroke::new(1.0, egui::Color32::from_gray(190))
                    };
                    ui.painter()
                        .rect_stroke(picture, 6.0, ring, egui::StrokeKind::Outside);
                    ui.painter().text(
                        egui::pos2(rect.left() + 2.0, picture.bottom() + 6.0),
                        egui::Align2::LEFT_TOP,
                        &t.name,
                        egui::FontId::proportional(15.0),
                        ui.visuals().text_color(),
                    );
                    if response.clicked() {
                        picked = Some(i);
                    }
                    col += 1;
                    if col == cols {
                        ui.end_row();
                        col = 0;
                    }
                }
            });
        picked
    }

    /// The documents a crash left, each with its picture, name, age and what to do with it:
    /// (which, 0 restore / 1 save as / 2 discard).
    fn recovered_list(&mut self, ui: &mut egui::Ui) -> Option<(usize, u8)> {
        let lang = self.lang;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mut action = None;
        for (i, (orphan, doc, index)) in self.recovered.iter().enumerate() {
            ui.push_id(i, |ui| {
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(180.0, 110.0), egui::Sense::hover());
                    let shown = doc.as_ref().ok().map(|d| (d, index));
                    paint_preview(ui, rect, shown, lang, &mut self.view.pictures);
                    ui.painter().rect_stroke(
                        rect,
                        6.0,
                        egui::Stroke::new(1.0, egui::Color32::from_gray(190)),
                        egui::StrokeKind::Outside,
                    );
                    ui.vertical(|ui| {
                        ui.label(
                            egui::RichText::new(i18n::tidy(&orphan.meta.name))
                                .strong()
                                .size(17.0),
                        );
                        let age = i18n::ago(now.saturating_sub(orphan.meta.saved_at), lang);
                        let what = match doc {
                            Ok(d) => format!("{} · {}", i18n::cards(d.card_count(), lang), age),
                            Err(e) => format!("{}: {}", Msg::Unreadable.text(lang), e),
                        };
                        ui.label(what);
                        if let Some(p) = &orphan.meta.path {
                            ui.label(
                                egui::RichText::new(i18n::tidy(&p.display().to_string())).weak(),
                            );
                        }
                        ui.horizontal(|ui| {
                            let readable = doc.is_ok();
                            if ui
                                .add_enabled(readable, egui::Button::new(Msg::Restore.text(lang)))
                                .clicked()
                            {
                                action = Some((i, 0));
                            }
                            if ui
                                .add_enabled(
                                    readable,
                                    egui::Button::new(Msg::SaveElsewhere.text(lang)),
                                )
                                .clicked()
                            {
                                action = Some((i, 1));
                            }
                            if ui.button(Msg::Discard.text(lang)).clicked() {
                                action = Some((i, 2));
                            }
                        });
                    });
                });
            });
            ui.add_space(8.0);
        }
        action
    }

    /// The recent files as pictures with their names (a missing one says so); returns the
    /// one picked.
    fn start_grid(&mut self, ui: &mut egui::Ui) -> Option<PathBuf> {
        let lang = self.lang;
        let mut picked = None;
        let gap = 12.0;
        let cols = 3usize;
        let w = ((ui.available_width() - gap * (cols as f32 - 1.0)) / cols as f32).floor();
        let h = (w * 0.55).floor();
        egui::Grid::new("start")
            .num_columns(cols)
            .spacing(egui::vec2(gap, gap))
            .show(ui, |ui| {
                for (i, (path, doc)) in self.start_items.iter().enumerate() {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    let name = i18n::tidy(&name);
                    let there = path.is_file();
                    let sense = if there {
                        egui::Sense::click()
                    } else {
                        egui::Sense::hover()
                    };
                    let (rect, response) = ui.allocate_exact_size(egui::vec2(w, h + 40.0), sense);
                    let label = if there {
                        name.clone()
                    } else {
                        format!("{name} ({})", Msg::Missing.text(lang))
                    };
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, there, &label)
                    });
                    let picture = egui::Rect::from_min_size(rect.min, egui::vec2(w, h));
                    let shown = doc.as_ref().map(|(d, index)| (d, index));
                    paint_preview(ui, picture, shown, lang, &mut self.view.pictures);
                    let ring = if there && (response.has_focus() || response.hovered()) {
                        egui::Stroke::new(3.0, crate::ui::widgets::ACCENT)
                    } else {
                        egui::Stroke::new(1.0, egui::Color32::from_gray(190))
                    };
                    ui.painter()
                        .rect_stroke(picture, 6.0, ring, egui::StrokeKind::Outside);
                    let ink = if there {
                        ui.visuals().text_color()
                    } else {
                        ui.visuals().weak_text_color()
                    };
                    ui.painter().text(
                        egui::pos2(rect.left() + 2.0, picture.bottom() + 4.0),
                        egui::Align2::LEFT_TOP,
                        &label,
                        egui::FontId::proportional(15.0),
                        ink,
                    );
                    let folder = path
                        .parent()
                        .map(|p| i18n::tidy(&p.display().to_string()))
                        .unwrap_or_default();
                    ui.painter().text(
                        egui::pos2(rect.left() + 2.0, picture.bottom() + 22.0),
                        egui::Align2::LEFT_TOP,
                        folder,
                        egui::FontId::proportional(12.0),
                        ui.visuals().weak_text_color(),
                    );
                    if response.clicked() && there {
                        picked = Some(path.clone());
                    }
                    if (i + 1) % cols == 0 {
                        ui.end_row();
                    }
                }
            });
        picked
    }

    /// Shows an error in a dialog in front of the canvas.
    pub fn show_error(&mut self, title: &str, message: &str) {
        self.modal = Some(Modal::Error {
            title: title.to_owned(),
            message: message.to_owned(),
            then: None,
        });
    }

    pub(super) fn show_modal(&mut self, ctx: &egui::Context) {
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
                    FilePurpose::InsertPicture => (Msg::InsertPicture, Msg::OpenButton),
                    FilePurpose::Save => (Msg::SaveAs, Msg::Save),
                    FilePurpose::ExportPng => (Msg::ExportPng, Msg::ExportButton),
                    FilePurpose::ExportSvg => (Msg::ExportSvg, Msg::ExportButton),
                    FilePurpose::Summary => (Msg::Summary, Msg::Save),
                };
                let mut text = path.clone();
                let mut enter = false;
                let shown = dialog::show(
                    ctx,
                    "malbild-path",
                    480.0,
                    title.text(lang),
                    |ui| {
                        enter = dialog::focused_field(
                            ui,
                            Msg::TypePath.text(lang),
                            "path-prompt",
                            &mut text,
                            path,
                            usize::MAX,
                        );
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
            Modal::Start => {
                let mut open = None;
                let shown = dialog::show(
                    ctx,
                    "malbild-start",
                    860.0,
                    Msg::Welcome.text(lang),
                    |ui| {
                        ui.label(egui::RichText::new(Msg::RecentFiles.text(lang)).strong());
                        ui.add_space(6.0);
                        open = self.start_grid(ui);
                    },
                    |ui| {
                        let new = ui.button(Msg::StartNew.text(lang)).clicked();
                        let pick = ui.button(Msg::StartOpen.text(lang)).clicked();
                        let go_on = ui.button(Msg::StartContinue.text(lang)).clicked();
                        (new, pick, go_on)
                    },
                );
                let (new, pick, go_on) = shown.buttons;
                if let Some(path) = open {
                    self.modal = None;
                    self.start_items.clear();
                    self.request(Then::Open(path), ctx);
                    return;
                }
                if new || pick {
                    self.modal = None;
                    self.start_items.clear();
                    self.request(if new { Then::New } else { Then::PickAndOpen }, ctx);
                    return;
                }
                close |= go_on;
                shown.dismissed
            }
            Modal::Partial {
                path,
                dropped,
                total,
            } => {
                let shown = dialog::show(
                    ctx,
                    "malbild-partial",
                    600.0,
                    Msg::PartialTitle.text(lang),
                    |ui| {
                        let name = path
                            .file_name()
                            .map(|n| i18n::tidy(&n.to_string_lossy()))
                            .unwrap_or_default();
                        ui.label(i18n::partial_body(&name, dropped.len(), *total, lang));
                        ui.add_space(6.0);
                        for (i, what) in dropped.iter().take(20) {
                            ui.label(
                                egui::RichText::new(format!(
                                    "{}: {}",
                                    format_args!("elements[{i}]"),
                                    i18n::tidy(&i18n::detail_words(what, lang))
                                ))
                                .monospace()
                                .size(13.0),
                            );
                        }
                        if dropped.len() > 20 {
                            ui.label(format!("… +{}", dropped.len() - 20));
                        }
                        ui.add_space(6.0);
                        ui.label(Msg::PartialKeep.text(lang));
                    },
                    |ui| {
                        let go = ui.button(Msg::OpenRest.text(lang)).clicked();
                        let cancel = ui.button(Msg::Cancel.text(lang)).clicked();
                        (go, cancel)
                    },
                );
                let (go, cancel) = shown.buttons;
                if go || dialog::enter_pressed(ctx) {
                    self.modal = None;
                    self.open_partial(path.clone(), ctx);
                    return;
                }
                close |= cancel;
                if close || shown.dismissed {
                    self.partial = None;
                }
                shown.dismissed
            }
            Modal::ConfirmRevert => {
                let shown = dialog::show(
                    ctx,
                    "malbild-revert",
                    480.0,
                    Msg::Revert.text(lang),
                    |ui| {
                        ui.label(Msg::RevertQuestion.text(lang));
                    },
                    |ui| {
                        let go = ui.button(Msg::RevertButton.text(lang)).clicked();
                        let cancel = ui.button(Msg::Cancel.text(lang)).clicked();
                        (go, cancel)
                    },
                );
                let (go, cancel) = shown.buttons;
                if go {
                    self.modal = None;
                    if let Some(path) = self.path.clone() {
                        self.open_path(&path, ctx);
                    }
                    return;
                }
                close |= cancel;
                shown.dismissed
            }
            Modal::Recover => {
                let mut action = None;
                let shown = dialog::show(
                    ctx,
                    "malbild-recover",
                    640.0,
                    Msg::RecoverTitle.text(lang),
                    |ui| {
                        ui.label(Msg::RecoverBody.text(lang));
                        ui.add_space(8.0);
                        action = self.recovered_list(ui);
                    },
                    |ui| ui.button(Msg::Later.text(lang)).clicked(),
                );
                match action {
                    Some((i, 0)) => {
                        self.restore(i, false, ctx);
                        return;
                    }
                    Some((i, 1)) => {
                        self.restore(i, true, ctx);
                        return;
                    }
                    Some((i, _)) => {
                        self.discard_recovered(i);
                        return;
                    }
                    None => {}
                }
                // Later (or Esc): kept, offered again next time.
                close |= shown.buttons;
                if close || shown.dismissed {
                    self.recovered.clear();
                }
                shown.dismissed
            }
            Modal::Templates => {
                let mut picked = None;
                let shown = dialog::show(
                    ctx,
                    "malbild-templates",
                    1040.0,
                    Msg::NewFromTemplate.text(lang),
                    |ui| picked = self.template_grid(ui),
                    |ui| ui.button(Msg::Cancel.text(lang)).clicked(),
                );
                close |= shown.buttons;
                // Enter alone starts the first: a blank canvas.
                if picked.is_none() && dialog::enter_pressed(ctx) {
                    picked = Some(0);
                }
                if let Some(i) = picked {
                    self.start_from_template(i);
                    return;
                }
                shown.dismissed
            }
            Modal::TemplateName(name) => {
                let mut text = name.clone();
                let mut enter = false;
                let shown = dialog::show(
                    ctx,
                    "malbild-template-name",
                    440.0,
                    Msg::SaveAsTemplate.text(lang),
                    |ui| {
                        enter = dialog::focused_field(
                            ui,
                            Msg::TemplateName.text(lang),
                            "template-name",
                            &mut text,
                            name,
                            crate::templates::MAX_NAME_CHARS,
                        );
                    },
                    |ui| {
                        let go = ui.button(Msg::Save.text(lang)).clicked();
                        let cancel = ui.button(Msg::Cancel.text(lang)).clicked();
                        (go, cancel)
                    },
                );
                let (go, cancel) = shown.buttons;
                if let Some(Modal::TemplateName(n)) = &mut self.modal {
                    *n = text.clone();
                }
                if (go || enter) && !text.trim().is_empty() {
                    self.save_as_template(&text, ctx);
                    return;
                }
                close |= cancel;
                shown.dismissed
            }
            Modal::Palette { query, selected } => {
                let (mut query, mut selected) = (query.clone(), *selected);
                let entries = crate::ui::palette::entries(lang, &self.recent.files);
                let outcome = crate::ui::palette::show(
                    ctx,
                    &mut query,
                    &mut selected,
                    &entries,
                    &self.palette_recent,
                    lang,
                );
                match outcome {
                    crate::ui::palette::Outcome::Run(action) => {
                        self.modal = None;
                        self.palette_recent.retain(|a| *a != action);
                        self.palette_recent.insert(0, action);
                        self.palette_recent.truncate(crate::ui::palette::RECENT);
                        self.queued.push(action);
                        return;
                    }
                    crate::ui::palette::Outcome::Close => true,
                    crate::ui::palette::Outcome::Stay => {
                        if let Some(Modal::Palette {
                            query: q,
                            selected: s,
                        }) = &mut self.modal
                        {
                            *q = query;
                            *s = selected;
                        }
                        false
                    }
                }
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
