//! The export dialog: what to export and how large, with a live preview; and the export
//! itself, run on a thread of its own with progress and cancel, so the window never waits.

use super::widgets::ACCENT;
use crate::edit::{Command, Editor};
use crate::export::{self, raster::Progress};
use crate::i18n::{self, Lang, Msg};
use crate::model::{Background, Document, ElementId, ExportSettings, Paper, PhaseId, Scope, Size};
use crate::scene::{self, PaintOptions, SceneCache, Transform};
use egui::{Color32, RichText, Sense, Stroke, StrokeKind, Ui, pos2, vec2};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, TryRecvError};

/// PNG or SVG.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Png,
    Svg,
}

impl Kind {
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Png => "png",
            Kind::Svg => "svg",
        }
    }
}

/// What the dialog asks of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// Ask where to write the picture, then start exporting.
    Pick(Kind),
}

/// An export under way on its thread.
struct Job {
    path: PathBuf,
    progress: Arc<Progress>,
    done: Receiver<Result<(), String>>,
}

#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    job: Option<Job>,
    /// The last export that ended: where the picture went, or why it did not.
    pub outcome: Option<Result<PathBuf, String>>,
    preview: SceneCache,
}

/// What the export dialog works on: the document, the queue its setting changes go into,
/// the selection, and the canvas's pictures (for the preview).
pub struct Canvas<'a> {
    pub editor: &'a Editor,
    pub edits: &'a mut Vec<crate::edit::Edit>,
    pub selection: &'a [ElementId],
    pub pictures: &'a mut dyn crate::scene::Pictures,
}

impl ExportDialog {
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Starts exporting `doc` to `path` on a thread of its own.
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        &mut self,
        kind: Kind,
        mut path: PathBuf,
        doc: Document,
        selection: Vec<ElementId>,
        ctx: &egui::Context,
        lang: Lang,
    ) {
        if path.extension().is_none() {
            path.set_extension(kind.extension());
        }
        let settings = doc.export.unwrap_or_default();
        let progress = Arc::new(Progress::default());
        let (tx, rx) = std::sync::mpsc::channel();
        let (p, target, ctx2) = (progress.clone(), path.clone(), ctx.clone());
        std::thread::spawn(move || {
            // Before any work: the picture can be written there.
            if let Err(e) = crate::io::check_writable(&target) {
                let _ = tx.send(Err(i18n::save_error(&e, &target, lang)));
                ctx2.request_repaint();
                return;
            }
            let bytes = match kind {
                Kind::Png => export::png(&doc, &settings, &selection, &p).map(|(b, _)| b),
                Kind::Svg => export::svg(&doc, &settings, &selection).map(String::into_bytes),
            };
            let result = match bytes {
                Ok(bytes) => crate::io::write_atomic(&target, &bytes)
                    .map_err(|e| i18n::save_error(&e, &target, lang)),
                Err(e) => Err(i18n::export_error(&e, lang)),
            };
            let _ = tx.send(result);
            ctx2.request_repaint();
        });
        self.outcome = None;
        self.job = Some(Job {
            path,
            progress,
            done: rx,
        });
    }

    /// Stops the export under way (nothing is written).
    pub fn cancel(&self) {
        if let Some(job) = &self.job {
            job.progress.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Checks on the export under way; returns its outcome when it has ended.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<Result<PathBuf, String>> {
        let job = self.job.as_ref()?;
        let outcome = match job.done.try_recv() {
            Ok(Ok(())) => Ok(job.path.clone()),
            Ok(Err(e)) => Err(e),
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(80));
                return None;
            }
            Err(TryRecvError::Disconnected) => {
                Err(crate::tr!(crate::lang::Lang::current(), "export-stopped").to_owned())
            }
        };
        self.job = None;
        self.outcome = Some(outcome.clone());
        Some(outcome)
    }

    /// Shows the dialog if it is open (`canvas`: what it exports, and where its changes go). Changes to the settings go into the document. Enter
    /// exports only while `on_top` (no other dialog in front of it).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        canvas: Canvas<'_>,
        lang: Lang,
        on_top: bool,
    ) -> Option<Request> {
        let Canvas {
            editor,
            edits,
            selection,
            pictures,
        } = canvas;
        if !self.open {
            return None;
        }
        let mut request = None;
        let mut close = false;
        let current = editor.doc().export.unwrap_or_default();
        let mut s = current;
        let running = self.job.is_some();
        let mut cache = std::mem::take(&mut self.preview);
        let ok = export::plan(editor.doc(), &s, selection).is_ok();
        let shown = super::dialog::show(
            ctx,
            "malbild-export",
            540.0,
            Msg::ExportTitle.text(lang),
            |ui| {
                preview(&mut cache, pictures, ui, editor, &s, selection, lang);
                ui.add_space(8.0);
                presets_ui(ui, &mut s, lang);
                ui.add_space(4.0);
                settings_ui(ui, &mut s, !selection.is_empty(), lang);
            },
            |ui| {
                ui.vertical(|ui| {
                    match &self.job {
                        Some(job) => {
                            ui.horizontal(|ui| {
                                ui.add(
                                    egui::ProgressBar::new(job.progress.fraction())
                                        .desired_width(380.0)
                                        .show_percentage(),
                                );
                                if ui.button(Msg::Cancel.text(lang)).clicked() {
                                    self.cancel();
                                }
                            });
                        }
                        None => {
                            ui.horizontal(|ui| {
                                let png = egui::Button::new(Msg::ExportPng.text(lang));
                                if ui.add_enabled(ok, png).clicked() {
                                    request = Some(Request::Pick(Kind::Png));
                                }
                                let svg = egui::Button::new(Msg::ExportSvg.text(lang));
                                if ui.add_enabled(ok, svg).clicked() {
                                    request = Some(Request::Pick(Kind::Svg));
                                }
                                if ui.button(Msg::Close.text(lang)).clicked() {
                                    close = true;
                                }
                            });
                        }
                    }
                    // One line is always kept for the outcome, so the dialog does not jump
                    // when it appears.
                    let (text, color) = match (&self.job, &self.outcome) {
                        (Some(_), _) => (
                            Msg::Exporting.text(lang).to_owned(),
                            ui.visuals().text_color(),
                        ),
                        (None, Some(Ok(path))) => {
                            (i18n::exported_to(&path.display().to_string(), lang), ACCENT)
                        }
                        (None, Some(Err(e))) => (
                            format!("{}: {e}", Msg::ExportFailed.text(lang)),
                            Color32::from_rgb(0xc0, 0x20, 0x20),
                        ),
                        (None, None) => (String::new(), ui.visuals().text_color()),
                    };
                    ui.add(egui::Label::new(RichText::new(text).color(color)).truncate());
                });
            },
        );
        self.preview = cache;
        if shown.dismissed && !running {
            close = true;
        }
        // Enter exports a PNG, the first choice.
        if on_top
            && !running
            && ok
            && request.is_none()
            && !close
            && super::dialog::enter_pressed(ctx)
        {
            request = Some(Request::Pick(Kind::Png));
        }
        if s != current {
            edits.push(crate::edit::Edit::Apply(Command::SetExport(Some(s))));
        }
        if close {
            self.open = false;
        }
        request
    }
}

/// The picture as it will be exported, small, drawn by the scene painter.
fn preview(
    cache: &mut SceneCache,
    pictures: &mut dyn crate::scene::Pictures,
    ui: &mut Ui,
    editor: &Editor,
    s: &ExportSettings,
    selection: &[ElementId],
    lang: Lang,
) {
    let width = ui.available_width().min(540.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, 230.0), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
    let plan = match export::plan(editor.doc(), s, selection) {
        Ok(plan) => plan,
        Err(e) => {
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                i18n::export_error(&e, lang),
                egui::FontId::proportional(14.0),
                Color32::from_rgb(0xc0, 0x20, 0x20),
            );
            return;
        }
    };
    let zoom = (rect.width() / plan.world.w).min(rect.height() / plan.world.h) * 0.96;
    let size = vec2(plan.world.w, plan.world.h) * zoom;
    let page = egui::Rect::from_center_size(rect.center(), size);
    match s.background {
        Background::Transparent => checkerboard(&painter, page),
        Background::Phases | Background::White => {
            painter.rect_filled(page, 0.0, Color32::WHITE);
        }
    }
    let xf = Transform {
        origin: pos2(
            page.min.x - plan.world.x * zoom,
            page.min.y - plan.world.y * zoom,
        ),
        zoom,
    };
    let options = PaintOptions {
        hidden_text: None,
        phase_tints: s.background == Background::Phases,
        marks: s.marks,
        lang: crate::lang::Lang::current(),
        faded: None,
        highlighted: None,
    };
    let clipped = painter.with_clip_rect(page.intersect(rect));
    scene::paint(
        &clipped,
        editor.doc(),
        editor.index(),
        &xf,
        &options,
        cache,
        pictures,
    );
    painter.rect_stroke(
        page,
        0.0,
        Stroke::new(1.0, Color32::from_gray(160)),
        StrokeKind::Outside,
    );
    let label = i18n::pixels(plan.width, plan.height, lang);
    painter.text(
        rect.right_bottom() + vec2(-6.0, -4.0),
        egui::Align2::RIGHT_BOTTOM,
        label,
        egui::FontId::proportional(12.0),
        ui.visuals().weak_text_color(),
    );
}

fn checkerboard(painter: &egui::Painter, r: egui::Rect) {
    painter.rect_filled(r, 0.0, Color32::WHITE);
    let s = 8.0;
    let (nx, ny) = (
        (r.width() / s).ceil() as usize,
        (r.height() / s).ceil() as usize,
    );
    for j in 0..ny {
        for i in (j % 2..nx).step_by(2) {
            let cell =
                egui::Rect::from_min_size(r.min + vec2(i as f32 * s, j as f32 * s), vec2(s, s));
            painter.rect_filled(cell.intersect(r), 0.0, Color32::from_gray(225));
        }
    }
}

/// A row of the settings: a label in a column of its own, the choices beside it.
fn row(ui: &mut Ui, label: &str, add: impl FnOnce(&mut Ui)) {
    ui.with_layout(egui::Layout::left_to_right(egui::Align::TOP), |ui| {
        ui.allocate_ui_with_layout(
            vec2(92.0, 22.0),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_min_width(92.0);
                ui.label(label);
            },
        );
        ui.vertical(add);
    });
    ui.add_space(4.0);
}

/// Ready-made settings for the common uses: a slide, a poster.
fn presets_ui(ui: &mut Ui, s: &mut ExportSettings, lang: Lang) {
    row(ui, Msg::Presets.text(lang), |ui| {
        ui.horizontal_wrapped(|ui| {
            let slide = |w: u32, h: u32| Size::Frame {
                width: w,
                height: h,
            };
            let poster = Size::Paper {
                paper: Paper::A2,
                landscape: true,
                dpi: 300,
            };
            for (label, size) in [
                (
                    format!("{} 1920 × 1080", Msg::PresetSlide.text(lang)),
                    slide(1920, 1080),
                ),
                (
                    format!("{} 3840 × 2160", Msg::PresetSlide.text(lang)),
                    slide(3840, 2160),
                ),
                (
                    crate::tr!(
                        lang,
                        "preset-poster-a2",
                        poster = Msg::PresetPoster.text(lang)
                    ),
                    poster,
                ),
            ] {
                let on = s.size == size && s.scope == Scope::All;
                if ui.selectable_label(on, label).clicked() {
                    s.size = size;
                    s.scope = Scope::All;
                }
            }
        });
    });
}

/// The settings, as radio buttons and fields.
fn settings_ui(ui: &mut Ui, s: &mut ExportSettings, has_selection: bool, lang: Lang) {
    row(ui, Msg::Scope.text(lang), |ui| {
        ui.horizontal(|ui| {
            if ui
                .radio(s.scope == Scope::All, Msg::ScopeAll.text(lang))
                .clicked()
            {
                s.scope = Scope::All;
            }
            let phase = match s.scope {
                Scope::Phase { phase } => Some(phase),
                _ => None,
            };
            if ui.radio(phase.is_some(), Msg::Phase.text(lang)).clicked() && phase.is_none() {
                s.scope = Scope::Phase {
                    phase: PhaseId::Overgang,
                };
            }
            if let Some(mut p) = phase {
                egui::ComboBox::from_id_salt("export-phase")
                    .selected_text(i18n::phase_name(p, lang))
                    .show_ui(ui, |ui| {
                        for q in PhaseId::ALL {
                            ui.selectable_value(&mut p, q, i18n::phase_name(q, lang));
                        }
                    });
                s.scope = Scope::Phase { phase: p };
            }
            let selection =
                egui::RadioButton::new(s.scope == Scope::Selection, Msg::ScopeSelection.text(lang));
            if ui.add_enabled(has_selection, selection).clicked() {
                s.scope = Scope::Selection;
            }
        });
    });
    row(ui, Msg::SizeLabel.text(lang), |ui| {
        ui.horizontal(|ui| {
            let scale = match s.size {
                Size::Scale { scale } => Some(scale),
                _ => None,
            };
            let radio = ui.radio(scale.is_some(), Msg::SizeScale.text(lang));
            if radio.clicked() && scale.is_none() {
                s.size = Size::Scale { scale: 2.0 };
            }
            if let Some(mut v) = scale {
                let slider = egui::Slider::new(&mut v, 1.0..=4.0)
                    .step_by(0.5)
                    .suffix("×");
                if ui.add(slider).labelled_by(radio.id).changed() {
                    s.size = Size::Scale { scale: v };
                }
            }
        });
        ui.horizontal(|ui| {
            let width = match s.size {
                Size::Width { pixels } => Some(pixels),
                _ => None,
            };
            let radio = ui.radio(width.is_some(), Msg::SizeWidth.text(lang));
            if radio.clicked() && width.is_none() {
                s.size = Size::Width { pixels: 4000 };
            }
            if let Some(mut px) = width {
                let drag = egui::DragValue::new(&mut px)
                    .range(100..=30_000)
                    .speed(10.0)
                    .suffix(format!(" {}", crate::tr!(lang, "unit-px")));
                if ui.add(drag).labelled_by(radio.id).changed() {
                    s.size = Size::Width { pixels: px };
                }
            }
        });
        ui.horizontal(|ui| {
            let frame = match s.size {
                Size::Frame { width, height } => Some((width, height)),
                _ => None,
            };
            let radio = ui.radio(frame.is_some(), Msg::SizeFrame.text(lang));
            if radio.clicked() && frame.is_none() {
                s.size = Size::Frame {
                    width: 1920,
                    height: 1080,
                };
            }
            if let Some((mut w, mut h)) = frame {
                let range = crate::model::FRAME_PIXELS;
                let wide = ui
                    .add(
                        egui::DragValue::new(&mut w)
                            .range(range.clone())
                            .speed(10.0),
                    )
                    .labelled_by(radio.id)
                    .changed();
                ui.label("×");
                let high = ui
                    .add(
                        egui::DragValue::new(&mut h)
                            .range(range)
                            .speed(10.0)
                            .suffix(format!(" {}", crate::tr!(lang, "unit-px"))),
                    )
                    .labelled_by(radio.id)
                    .changed();
                if wide || high {
                    s.size = Size::Frame {
                        width: w,
                        height: h,
                    };
                }
            }
        });
        ui.horizontal(|ui| {
            let paper = match s.size {
                Size::Paper {
                    paper,
                    landscape,
                    dpi,
                } => Some((paper, landscape, dpi)),
                _ => None,
            };
            let radio = ui.radio(paper.is_some(), Msg::SizePaper.text(lang));
            if radio.clicked() && paper.is_none() {
                s.size = Size::Paper {
                    paper: Paper::A3,
                    landscape: true,
                    dpi: 300,
                };
            }
            if let Some((mut paper, mut landscape, mut dpi)) = paper {
                egui::ComboBox::from_id_salt("export-paper")
                    .selected_text(paper.name())
                    .width(56.0)
                    .show_ui(ui, |ui| {
                        for p in Paper::ALL {
                            ui.selectable_value(&mut paper, p, p.name());
                        }
                    });
                ui.selectable_value(&mut landscape, true, Msg::Landscape.text(lang));
                ui.selectable_value(&mut landscape, false, Msg::Portrait.text(lang));
                ui.add(
                    egui::DragValue::new(&mut dpi)
                        .range(72..=300)
                        .suffix(format!(" {}", crate::tr!(lang, "unit-dpi"))),
                )
                .labelled_by(radio.id);
                s.size = Size::Paper {
                    paper,
                    landscape,
                    dpi,
                };
            }
        });
    });
    row(ui, Msg::BackgroundLabel.text(lang), |ui| {
        ui.horizontal(|ui| {
            for (b, m) in [
                (Background::Phases, Msg::BgPhases),
                (Background::White, Msg::BgWhite),
                (Background::Transparent, Msg::BgTransparent),
            ] {
                if ui.radio(s.background == b, m.text(lang)).clicked() {
                    s.background = b;
                }
            }
        });
    });
    row(ui, Msg::Padding.text(lang), |ui| {
        let name = Msg::Padding.text(lang);
        ui.add(
            egui::DragValue::new(&mut s.padding)
                .range(0.0..=500.0)
                .speed(1.0)
                .suffix(format!(" {}", crate::tr!(lang, "unit-pt"))),
        )
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, name));
    });
    row(ui, "", |ui| {
        ui.checkbox(&mut s.marks, Msg::ExportMarks.text(lang));
    });
    row(ui, "", |ui| {
        ui.checkbox(&mut s.embed, Msg::Embed.text(lang));
    });
}
