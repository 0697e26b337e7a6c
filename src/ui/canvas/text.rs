//! Editing text in place: card text, phase titles and arrow labels. While a text is being
//! edited, each change is applied to the document at once (so it shows and counts as a
//! change), and the whole edit becomes one undo step when it ends.

use super::CanvasView;
use crate::edit::{Command, Edit, Editor};
use crate::i18n::{Lang, Msg};
use crate::model::arrow;
use crate::model::{
    Align, Card, Element, ElementId, HEADER_HEIGHT, INK, MAX_TEXT_CHARS, MIN_CARD_SIZE, Phase,
    PhaseId, Rect, Text,
};
use crate::scene::{self, Transform};
use egui::{Color32, Key, Modifiers, Ui, vec2};

/// A card whose text is being edited in place.
#[derive(Debug)]
pub struct CardEditing {
    pub id: ElementId,
    pub buffer: String,
    /// Made by this edit: if it ends empty, the card goes again, leaving no undo step.
    pub is_new: bool,
    /// The card's height when the edit began; the card grows to fit text, not shrinks.
    start_height: f32,
    /// Where a row of cards made with Tab starts: the next row begins below it, here.
    pub(super) row_start: f32,
    focused: bool,
}

impl CardEditing {
    pub(super) fn new(id: ElementId, buffer: String, is_new: bool, rect: Rect) -> Self {
        Self {
            id,
            buffer,
            is_new,
            start_height: rect.h,
            row_start: rect.x,
            focused: false,
        }
    }
}

/// A phase title being edited in place.
#[derive(Debug)]
pub struct TitleEditing {
    pub phase: PhaseId,
    pub buffer: String,
    focused: bool,
}

impl TitleEditing {
    pub(super) fn new(phase: PhaseId, buffer: String) -> Self {
        Self {
            phase,
            buffer,
            focused: false,
        }
    }
}

/// An arrow's label being edited in place.
#[derive(Debug)]
pub struct LabelEditing {
    pub id: ElementId,
    pub buffer: String,
    focused: bool,
}

impl LabelEditing {
    pub(super) fn new(id: ElementId, buffer: String) -> Self {
        Self {
            id,
            buffer,
            focused: false,
        }
    }
}

/// Keys that end an edit, taken before the text field sees them.
fn take_done_keys(ui: &mut Ui, enter_ends: bool) -> bool {
    ui.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Escape)
            || i.consume_key(Modifiers::COMMAND, Key::Enter)
            || (enter_ends && i.consume_key(Modifiers::NONE, Key::Enter))
    })
}

impl CanvasView {
    /// Ends any in-place text editing. An empty card made by this edit goes again.
    pub fn end_text_editing(&mut self, editor: &Editor) {
        if let Some(e) = self.editing.take() {
            // A new shape stays empty if left so; a new card or text without words goes, and
            // free text emptied goes (with no words it could not be seen, only hit).
            let element = self.element(editor, e.id);
            let is_shape = matches!(element, Some(Element::Shape(_)));
            let is_text = matches!(element, Some(Element::Text(_)));
            let empty = e.buffer.trim().is_empty();
            if e.is_new && empty && !is_shape {
                self.pending.push(Edit::Rollback);
                self.selection.remove(&e.id);
            } else if empty && is_text {
                if let Some(cmd) = crate::edit::arrange::erase(editor.doc(), &[e.id]) {
                    self.pending.push(Edit::Apply(cmd));
                }
                self.pending.push(Edit::Commit);
                self.selection.remove(&e.id);
            } else {
                self.pending.push(Edit::Commit);
            }
        }
        if self.title_editing.take().is_some() || self.label_editing.take().is_some() {
            self.pending.push(Edit::Commit);
        }
    }

    pub(super) fn show_card_editor(
        &mut self,
        ui: &mut Ui,
        editor: &Editor,
        xf: &Transform,
        lang: Lang,
    ) {
        let Some(editing) = &self.editing else {
            return;
        };
        let Some(element) = self.element(editor, editing.id).cloned() else {
            self.editing = None;
            return;
        };
        let is_card = matches!(element, Element::Card(_));
        let (shift_tab, tab) = ui.input_mut(|i| {
            if !is_card {
                return (false, false);
            }
            (
                i.consume_key(Modifiers::SHIFT, Key::Tab),
                i.consume_key(Modifiers::NONE, Key::Tab),
            )
        });
        if take_done_keys(ui, false) {
            self.end_text_editing(editor);
            return;
        }
        if tab || shift_tab {
            self.next_card(editor, shift_tab);
            return;
        }

        let Some(editing) = &mut self.editing else {
            return;
        };
        let zoom = xf.zoom;
        // Where the text goes and how it looks, per kind: laid out exactly as the scene lays
        // it out, so nothing moves when editing ends.
        let (world_rect, color, bold, text_size, centred) = match &element {
            Element::Card(c) => (
                scene::workshop::card_text_rect(c),
                c.color.text(),
                c.bold,
                Some(c.text_size),
                true,
            ),
            Element::Shape(s) => (
                s.text_rect(),
                s.text_color(),
                s.bold,
                Some(s.text_size),
                true,
            ),
            Element::Text(t) => (t.rect, t.color.line(), t.bold, None, false),
            Element::Stroke(_)
            | Element::Arrow(_)
            | Element::Illustration(_)
            | Element::Image(_) => {
                self.editing = None;
                return;
            }
        };
        let free = match &element {
            Element::Text(t) => Some(t.clone()),
            _ => None,
        };
        let size = match text_size {
            Some(ts) => scene::fitted_size_for(&editing.buffer, world_rect, ts, bold),
            None => free
                .as_ref()
                .map_or(scene::CARD_FONT_SIZE, |t| t.size.points()),
        };
        let mut layouter = |ui: &Ui, buf: &dyn egui::TextBuffer, _wrap: f32| {
            let job = match &free {
                Some(t) => scene::text_job(
                    &Text {
                        text: buf.as_str().to_owned(),
                        ..t.clone()
                    },
                    zoom,
                ),
                None => scene::card_text_job_for(
                    buf.as_str(),
                    world_rect,
                    color,
                    size,
                    bold,
                    zoom,
                    false,
                ),
            };
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let row =
            ui.fonts_mut(|f| f.row_height(&scene::card_font(scene::font_step(size * zoom), bold)));
        let floor = row.max(ui.spacing().interact_size.y);
        let inner = if centred {
            let inner = xf
                .rect_to_screen(&world_rect)
                .shrink(scene::CARD_PADDING * zoom);
            egui::Rect::from_center_size(
                inner.center(),
                vec2(inner.width().max(24.0), inner.height().max(floor)),
            )
        } else {
            let r = xf.rect_to_screen(&world_rect);
            egui::Rect::from_min_size(r.min, vec2(r.width().max(24.0), r.height().max(floor)))
        };
        let align = match free.as_ref().map(|t| t.align) {
            None => egui::Align2::CENTER_CENTER,
            Some(Align::Left) => egui::Align2::LEFT_TOP,
            Some(Align::Center) => egui::Align2::CENTER_TOP,
            Some(Align::Right) => egui::Align2::RIGHT_TOP,
        };
        let id = ui.scope_id().with(("card-editor", editing.id.0));
        if !editing.focused {
            ui.memory_mut(|m| m.request_focus(id));
        }
        let edit = egui::TextEdit::multiline(&mut editing.buffer)
            .id(id)
            .frame(egui::Frame::NONE)
            .margin(0.0)
            .desired_width(inner.width())
            .desired_rows(1)
            .min_size(inner.size())
            .align(align)
            .char_limit(MAX_TEXT_CHARS)
            .text_color(scene::color32(color))
            .layouter(&mut layouter);
        let ink = scene::color32(color);
        let name = match &element {
            Element::Card(_) => Msg::CardText,
            _ => Msg::EditText,
        };
        let response = show_in_place(ui, self.rect, inner, edit, name.text(lang), Some(ink));
        let has_focus = response.has_focus();
        if editing.focused && !has_focus {
            self.end_text_editing(editor);
            return;
        }
        editing.focused |= has_focus;
        if Some(editing.buffer.as_str()) != element.text() {
            let updated = match element {
                Element::Card(card) => {
                    // A card grows when its text no longer fits at the size it has, or for
                    // fitted text, at the smallest fitted size.
                    let fixed = card.text_size.points().unwrap_or(scene::FIT_MIN);
                    let needed = scene::card_height_for_text(
                        ui.ctx(),
                        &editing.buffer,
                        card.rect,
                        fixed,
                        bold,
                    );
                    // The follow-up row is below the text.
                    let marks = card.rect.h - scene::workshop::card_text_rect(&card).h;
                    let h = (needed + marks)
                        .max(editing.start_height)
                        .max(MIN_CARD_SIZE.1);
                    Element::Card(Card {
                        text: editing.buffer.clone(),
                        rect: Rect { h, ..card.rect },
                        ..card
                    })
                }
                Element::Text(t) => {
                    let mut t = Text {
                        text: editing.buffer.clone(),
                        ..t
                    };
                    t.rect = scene::fitted_text_rect(&t);
                    Element::Text(t)
                }
                other => other.with_text(editing.buffer.clone()),
            };
            self.pending
                .push(Edit::Apply(Command::Update(vec![updated])));
        }
    }

    pub(super) fn show_title_editor(
        &mut self,
        ui: &mut Ui,
        editor: &Editor,
        xf: &Transform,
        lang: Lang,
    ) {
        if self.title_editing.is_none() {
            return;
        }
        let done = take_done_keys(ui, true);
        let Some(editing) = &mut self.title_editing else {
            return;
        };
        let doc = editor.doc();
        let r = doc.phase_rect(editing.phase);
        let band = Rect::new(
            r.x + 40.0,
            22.0,
            (r.w - 80.0).max(40.0),
            HEADER_HEIGHT - 44.0,
        );
        let screen = xf.rect_to_screen(&band);
        let size = scene::font_step(scene::TITLE_FONT_SIZE * xf.zoom);
        let id = ui.scope_id().with(("title-editor", editing.phase));
        if !editing.focused {
            ui.memory_mut(|m| m.request_focus(id));
        }
        let edit = egui::TextEdit::singleline(&mut editing.buffer)
            .id(id)
            .font(scene::fonts::title(size))
            .align(egui::Align2::CENTER_CENTER)
            .desired_width(screen.width())
            .char_limit(200);
        let response = show_in_place(
            ui,
            self.rect,
            screen,
            edit,
            Msg::PhaseTitle.text(lang),
            None,
        );
        let has_focus = response.has_focus();
        let lost = editing.focused && !has_focus;
        editing.focused |= has_focus;
        let phase = editing.phase;
        let current = doc.phases.get(phase).clone();
        if editing.buffer != current.title {
            let title = editing.buffer.clone();
            self.pending.push(Edit::Apply(Command::SetPhase(
                phase,
                Phase { title, ..current },
            )));
        }
        if done || lost {
            self.title_editing = None;
            self.pending.push(Edit::Commit);
        }
    }

    pub(super) fn show_label_editor(
        &mut self,
        ui: &mut Ui,
        editor: &Editor,
        xf: &Transform,
        lang: Lang,
    ) {
        if self.label_editing.is_none() {
            return;
        }
        let done = take_done_keys(ui, true);
        let Some(editing) = &mut self.label_editing else {
            return;
        };
        let Some(a) = editor
            .doc()
            .elements
            .get(editing.id)
            .and_then(Element::as_arrow)
            .cloned()
        else {
            self.label_editing = None;
            return;
        };
        let zoom = xf.zoom;
        let path = arrow::resolve(editor.doc(), &a);
        let mid = xf.to_screen(arrow::label_place(&editing.buffer, &path).center());
        let size = scene::font_step(scene::LABEL_FONT_SIZE * zoom);
        let width = ui
            .fonts_mut(|f| f.layout_job(scene::label_job(&editing.buffer, INK, zoom)))
            .rect
            .width()
            .max(120.0 * zoom.clamp(0.5, 2.0))
            + 16.0;
        let rect = egui::Rect::from_center_size(mid, vec2(width, size * 1.6 + 8.0));
        ui.painter_at(self.rect)
            .rect_filled(rect, 4.0, Color32::WHITE);
        let id = ui.scope_id().with(("label-editor", editing.id.0));
        if !editing.focused {
            ui.memory_mut(|m| m.request_focus(id));
        }
        let edit = egui::TextEdit::singleline(&mut editing.buffer)
            .id(id)
            .frame(egui::Frame::NONE)
            .font(scene::fonts::card(size))
            .text_color(scene::color32(INK))
            .align(egui::Align2::CENTER_CENTER)
            .desired_width(rect.width())
            .char_limit(500);
        let response = show_in_place(
            ui,
            self.rect,
            rect,
            edit,
            Msg::ArrowLabel.text(lang),
            Some(scene::color32(INK)),
        );
        let has_focus = response.has_focus();
        let lost = editing.focused && !has_focus;
        editing.focused |= has_focus;
        if editing.buffer != a.label {
            let label = editing.buffer.clone();
            self.pending
                .push(Edit::Apply(Command::Update(vec![Element::Arrow(
                    crate::model::Arrow { label, ..a },
                )])));
        }
        if done || lost {
            self.label_editing = None;
            self.pending.push(Edit::Commit);
        }
    }
}

/// Shows a text field over the canvas at `rect`, clipped to the canvas, named for screen
/// readers; with `ink`, the caret and selection take that colour (readable on dark cards).
fn show_in_place(
    ui: &mut Ui,
    canvas: egui::Rect,
    rect: egui::Rect,
    edit: egui::TextEdit<'_>,
    name: &str,
    ink: Option<Color32>,
) -> egui::Response {
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
    child.set_clip_rect(canvas);
    if let Some(ink) = ink {
        let v = child.visuals_mut();
        v.text_cursor.stroke.color = ink;
        v.selection.bg_fill = ink.gamma_multiply(0.25);
        v.selection.stroke.color = ink;
    }
    let out = edit.show(&mut child);
    let text = out.galley.text().to_owned();
    let response = out.response.response;
    response.widget_info(|| egui::WidgetInfo::text_edit(true, text.clone(), text.clone(), ""));
    // The field's name (WidgetInfo would make it a placeholder, not a name).
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name));
    response
}
