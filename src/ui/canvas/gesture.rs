//! Presses, drags and clicks on the canvas. A drag applies commands as it goes (so the
//! picture follows the pointer); they collect in one undo step that closes when the button
//! is released.

use super::hit::Target;
use super::text::{LabelEditing, TitleEditing};
use super::{CanvasView, Tool};
use crate::edit::{Command, Editor, layout};
use crate::i18n::{self, Lang, Msg};
use crate::model::arrow;
use crate::model::{
    Arrow, ArrowEnd, Card, Element, ElementId, End, MIN_BOARD_HEIGHT, MIN_PHASE_WIDTH, Phase,
    PhaseId, Point, Rect, Route,
};
use crate::scene::Transform;
use egui::{Key, PointerButton, Ui};
use std::collections::HashSet;

/// Shorter than this on screen, a new arrow is taken for a slip and dropped.
const MIN_ARROW_PX: f32 = 10.0;

#[derive(Debug, Default)]
pub(super) enum Gesture {
    #[default]
    Idle,
    Pan,
    Move {
        origin: Point,
        start: Vec<Element>,
    },
    Resize {
        origin: Point,
        handle: super::Handle,
        start: Card,
    },
    Marquee {
        origin: Point,
        current: Point,
        base: HashSet<ElementId>,
    },
    PhaseWidth {
        origin: Point,
        phase: PhaseId,
        start: Phase,
        /// Elements right of the edge, which move with it.
        followers: Vec<Element>,
        /// The phase's own elements, which the edge pushes in rather than cuts through.
        inside: Vec<Element>,
    },
    BoardHeight {
        origin: Point,
        start: f32,
    },
    /// A new arrow being drawn; it is in the document, its end follows the pointer.
    DrawArrow {
        arrow: Arrow,
        /// The element under the loose end, which it would bind to if dropped now.
        over: Option<ElementId>,
    },
    /// An end of an arrow being moved, to bind it elsewhere or free it.
    MoveArrowEnd {
        start: Arrow,
        which: End,
        over: Option<ElementId>,
    },
    /// The middle of an arrow being pulled sideways, by its handle `grab` away from the
    /// middle (the handle steps aside from a label).
    Bend {
        start: Arrow,
        grab: Point,
    },
}

impl Gesture {
    /// The element an arrow end being dragged would bind to, for highlighting.
    pub(super) fn bind_candidate(&self) -> Option<ElementId> {
        match self {
            Gesture::DrawArrow { over, .. } | Gesture::MoveArrowEnd { over, .. } => *over,
            _ => None,
        }
    }

    pub(super) fn marquee(&self) -> Option<Rect> {
        match self {
            Gesture::Marquee {
                origin, current, ..
            } => Some(Rect::from_corners(*origin, *current)),
            _ => None,
        }
    }

    pub(super) fn is_idle(&self) -> bool {
        matches!(self, Gesture::Idle)
    }
}

/// An arrow end at `w`: bound to the element there (at its centre), or free.
fn end_at(editor: &Editor, view: &CanvasView, w: Point, except: Option<ElementId>) -> ArrowEnd {
    match view.bind_target(editor, w, except) {
        Some(id) => ArrowEnd::bound(w, id, Point::new(0.5, 0.5)),
        None => ArrowEnd::free(w),
    }
}

impl CanvasView {
    pub(super) fn handle_pointer(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        editor: &mut Editor,
        xf: &Transform,
    ) {
        let (pressed, shift, pointer) = ui.input(|i| {
            (
                i.pointer.primary_pressed(),
                i.modifiers.shift,
                i.pointer.interact_pos(),
            )
        });
        let space = ui.input(|i| i.key_down(Key::Space)) && !ui.ctx().text_edit_focused();
        let over_canvas = pointer.is_some_and(|p| response.rect.contains(p)) && response.hovered();

        // Hover feedback: the cursor, and which card shows its connectors (kept while a
        // button is down, so that a drag from a connector starts from it).
        let down = ui.input(|i| i.pointer.any_down());
        if self.gesture.is_idle() && !space && !down {
            match response.hover_pos() {
                Some(p) => {
                    let target = self.target_at(editor, xf, p);
                    ui.ctx().set_cursor_icon(self.cursor_for(target));
                    match target {
                        Target::Element(id) if editor.doc().card(id).is_some() => {
                            self.hovered_card = Some(id)
                        }
                        Target::Connector(..) | Target::Handle(..) => {}
                        _ => self.hovered_card = None,
                    }
                }
                None => self.hovered_card = None,
            }
        }

        // A press: select at once; what a drag from here does is decided when it starts.
        if pressed
            && over_canvas
            && !space
            && let Some(p) = pointer
        {
            self.end_text_editing(editor);
            editor.commit();
            self.deselect_on_click = None;
            if self.tool == Tool::Select {
                self.press(self.target_at(editor, xf, p), shift);
            }
        }

        if response.drag_started_by(PointerButton::Primary) && !space {
            let origin_screen = ui
                .input(|i| i.pointer.press_origin())
                .unwrap_or(response.rect.center());
            self.gesture = self.begin_gesture(editor, xf, origin_screen, shift);
            self.deselect_on_click = None;
        }

        if response.dragged_by(PointerButton::Primary)
            && let Some(p) = pointer
        {
            self.update_gesture(editor, xf.to_world(p));
        }

        if response.drag_stopped() {
            self.finish_gesture(editor, xf);
        }

        if response.clicked()
            && let Some(id) = self.deselect_on_click.take()
        {
            self.selection.remove(&id);
        }

        // A quick third click after a double-click elsewhere counts as a triple click in
        // egui; for the canvas it is still a double-click.
        if (response.double_clicked() || response.triple_clicked())
            && self.tool == Tool::Select
            && let Some(p) = pointer
        {
            self.double_click(editor, self.target_at(editor, xf, p), xf.to_world(p));
        }
    }

    fn press(&mut self, target: Target, shift: bool) {
        match target {
            Target::Element(id) => {
                if shift {
                    if self.selection.contains(&id) {
                        self.deselect_on_click = Some(id);
                    } else {
                        self.selection.insert(id);
                    }
                } else if !self.selection.contains(&id) {
                    self.select_only(id);
                }
                self.selected_phase = None;
            }
            Target::Header(phase) => {
                if !shift {
                    self.selection.clear();
                }
                self.selected_phase = Some(phase);
            }
            Target::Empty => {
                if !shift {
                    self.selection.clear();
                    self.selected_phase = None;
                }
            }
            Target::Handle(..)
            | Target::ArrowEnd(..)
            | Target::Bend(_)
            | Target::Connector(..)
            | Target::PhaseEdge(_)
            | Target::BoardBottom => {}
        }
    }

    fn double_click(&mut self, editor: &mut Editor, target: Target, at: Point) {
        match target {
            Target::Element(id) | Target::Handle(id, _) | Target::Bend(id) => {
                match editor.doc().elements.get(id) {
                    Some(Element::Card(_)) => self.edit_card(editor, id),
                    Some(Element::Arrow(_)) => self.edit_label(editor, id),
                    None => {}
                }
            }
            Target::Header(phase) => {
                self.end_text_editing(editor);
                self.selected_phase = Some(phase);
                self.title_editing = Some(TitleEditing::new(
                    phase,
                    editor.doc().phases.get(phase).title.clone(),
                ));
            }
            Target::Empty => self.create_card_at(editor, at),
            Target::ArrowEnd(..)
            | Target::Connector(..)
            | Target::PhaseEdge(_)
            | Target::BoardBottom => {}
        }
    }

    /// Starts editing an arrow's label.
    pub fn edit_label(&mut self, editor: &mut Editor, id: ElementId) {
        self.end_text_editing(editor);
        editor.commit();
        if let Some(a) = editor.doc().elements.get(id).and_then(Element::as_arrow) {
            self.select_only(id);
            self.label_editing = Some(LabelEditing::new(id, a.label.clone()));
        }
    }

    fn begin_gesture(
        &mut self,
        editor: &mut Editor,
        xf: &Transform,
        at: egui::Pos2,
        shift: bool,
    ) -> Gesture {
        let origin = xf.to_world(at);
        if self.tool == Tool::Arrow {
            let start = end_at(editor, self, origin, None);
            return self.begin_arrow(editor, start, origin);
        }
        let doc = editor.doc();
        match self.target_at(editor, xf, at) {
            Target::Handle(id, handle) => match doc.card(id) {
                Some(c) => Gesture::Resize {
                    origin,
                    handle,
                    start: c.clone(),
                },
                None => Gesture::Idle,
            },
            Target::ArrowEnd(id, which) => match doc.elements.get(id).and_then(Element::as_arrow) {
                Some(a) => Gesture::MoveArrowEnd {
                    start: a.clone(),
                    which,
                    over: None,
                },
                None => Gesture::Idle,
            },
            Target::Bend(id) => match doc.elements.get(id).and_then(Element::as_arrow) {
                Some(a) => {
                    let path = arrow::resolve(doc, a);
                    let (h, m) = (
                        arrow::bend_handle(
                            &a.label,
                            &path,
                            (super::hit::ARROW_HANDLE + 3.0) / xf.zoom,
                        ),
                        path.midpoint(),
                    );
                    Gesture::Bend {
                        start: a.clone(),
                        grab: Point::new(h.x - m.x, h.y - m.y),
                    }
                }
                None => Gesture::Idle,
            },
            Target::Connector(id, side) => {
                let start = ArrowEnd::bound(origin, id, side.at());
                self.begin_arrow(editor, start, origin)
            }
            Target::Element(_) => Gesture::Move {
                origin,
                start: self.selected_in_order(doc).into_iter().cloned().collect(),
            },
            Target::PhaseEdge(phase) => {
                let col = doc.phase_rect(phase);
                let (followers, rest): (Vec<Element>, Vec<Element>) = doc
                    .elements
                    .iter()
                    .cloned()
                    .partition(|e| doc.bounds_of(e).center().x >= col.right());
                let inside = rest
                    .into_iter()
                    .filter(|e| doc.bounds_of(e).center().x >= col.x)
                    .collect();
                Gesture::PhaseWidth {
                    origin,
                    phase,
                    start: doc.phases.get(phase).clone(),
                    followers,
                    inside,
                }
            }
            Target::BoardBottom => Gesture::BoardHeight {
                origin,
                start: doc.board.height,
            },
            Target::Header(_) | Target::Empty => Gesture::Marquee {
                origin,
                current: origin,
                base: if shift {
                    self.selection.clone()
                } else {
                    HashSet::new()
                },
            },
        }
    }

    /// Puts a new arrow from `start` into the document, its end at the pointer.
    fn begin_arrow(&mut self, editor: &mut Editor, start: ArrowEnd, at: Point) -> Gesture {
        let mut arrow = Arrow::new(ElementId::random(), start, ArrowEnd::free(at));
        if let Some(last) = self.last_arrow_style {
            last.apply_to(&mut arrow);
        }
        let insert = Command::insert_on_top(editor.doc(), vec![Element::Arrow(arrow.clone())]);
        if editor.apply(insert).is_err() {
            return Gesture::Idle;
        }
        self.select_only(arrow.id);
        Gesture::DrawArrow { arrow, over: None }
    }

    fn update_gesture(&mut self, editor: &mut Editor, now: Point) {
        // Where an arrow end under the pointer would go, worked out before `self.gesture` is
        // borrowed for changing.
        let arrow_end =
            |view: &CanvasView, except: Option<ElementId>| end_at(editor, view, now, except);
        let candidate = match &self.gesture {
            Gesture::DrawArrow { arrow, .. } => {
                Some(arrow_end(self, arrow.start.bind.map(|b| b.element)))
            }
            Gesture::MoveArrowEnd { start, which, .. } => {
                let other = match which {
                    End::Start => start.end.bind,
                    End::End => start.start.bind,
                };
                Some(arrow_end(self, other.map(|b| b.element)))
            }
            _ => None,
        };
        match &mut self.gesture {
            Gesture::Idle | Gesture::Pan => {}
            Gesture::Move { origin, start } => {
                let (dx, dy) = (now.x - origin.x, now.y - origin.y);
                let moved: Vec<Element> = start.iter().map(|e| e.translated(dx, dy)).collect();
                if !moved.is_empty() {
                    let _ = editor.apply(Command::Update(moved));
                }
            }
            Gesture::Resize {
                origin,
                handle,
                start,
            } => {
                let rect = handle.resize(start.rect, now.x - origin.x, now.y - origin.y);
                let card = Card {
                    rect,
                    ..start.clone()
                };
                let _ = editor.apply(Command::Update(vec![Element::Card(card)]));
            }
            Gesture::Marquee {
                origin,
                current,
                base,
            } => {
                *current = now;
                let area = Rect::from_corners(*origin, now);
                let mut hits = Vec::new();
                editor.index().query(editor.doc(), area, &mut hits);
                let mut sel = base.clone();
                let els = editor.doc().elements.as_slice();
                sel.extend(hits.iter().filter_map(|&i| els.get(i)).map(Element::id));
                self.selection = sel;
            }
            Gesture::PhaseWidth {
                origin,
                phase,
                start,
                followers,
                inside,
            } => {
                let width = (start.width + now.x - origin.x).max(MIN_PHASE_WIDTH);
                let x = editor.doc().phase_x(*phase);
                let cmd = layout::resize_phase(*phase, start, x, width, followers, inside);
                let _ = editor.apply(cmd);
            }
            Gesture::BoardHeight { origin, start } => {
                let h = (*start + now.y - origin.y).max(MIN_BOARD_HEIGHT);
                let _ = editor.apply(Command::SetBoardHeight(h));
            }
            Gesture::DrawArrow { arrow, over } => {
                if let Some(end) = candidate {
                    *over = end.bind.map(|b| b.element);
                    arrow.end = end;
                    let _ = editor.apply(Command::Update(vec![Element::Arrow(arrow.clone())]));
                }
            }
            Gesture::MoveArrowEnd { start, which, over } => {
                if let Some(end) = candidate {
                    *over = end.bind.map(|b| b.element);
                    let mut a = start.clone();
                    *a.end_mut(*which) = end;
                    let _ = editor.apply(Command::Update(vec![Element::Arrow(a)]));
                }
            }
            Gesture::Bend { start, grab } => {
                let mut a = start.clone();
                let at = Point::new(now.x - grab.x, now.y - grab.y);
                a.bend = arrow::bend_for(editor.doc(), &a, at);
                if a.route == Route::Straight {
                    a.route = Route::Curved;
                }
                let _ = editor.apply(Command::Update(vec![Element::Arrow(a)]));
            }
        }
    }

    fn finish_gesture(&mut self, editor: &mut Editor, xf: &Transform) {
        let gesture = std::mem::take(&mut self.gesture);
        if let Gesture::DrawArrow { arrow, .. } = gesture {
            // A click or a slip with the arrow tool makes no arrow.
            let drawn = editor
                .doc()
                .elements
                .get(arrow.id)
                .and_then(Element::as_arrow)
                .map(|a| arrow::resolve(editor.doc(), a).length() * xf.zoom);
            if drawn.is_none_or(|len| len < MIN_ARROW_PX) {
                editor.rollback();
                self.selection.remove(&arrow.id);
            } else {
                editor.commit();
            }
            self.tool = Tool::Select;
        }
    }

    // ---------------------------------------------------------------- context menu

    pub(super) fn handle_context_menu(
        &mut self,
        response: &egui::Response,
        editor: &mut Editor,
        xf: &Transform,
        lang: Lang,
    ) {
        if response.secondary_clicked()
            && let Some(p) = response.interact_pointer_pos()
        {
            // A right-click acts on what is under it: select that first.
            self.end_text_editing(editor);
            self.context_at = Some(xf.to_world(p));
            match self.target_at(editor, xf, p) {
                Target::Element(id)
                | Target::Handle(id, _)
                | Target::ArrowEnd(id, _)
                | Target::Bend(id)
                    if !self.selection.contains(&id) =>
                {
                    self.select_only(id)
                }
                Target::Empty | Target::Header(_) => self.selection.clear(),
                _ => {}
            }
        }
        response.context_menu(|ui| self.context_menu(ui, editor, lang));
    }

    fn context_menu(&mut self, ui: &mut Ui, editor: &mut Editor, lang: Lang) {
        use crate::ui::actions::Action;
        if self.selection.is_empty() {
            let at = self.context_at;
            if ui.button(Msg::NewCardHere.text(lang)).clicked() {
                match at {
                    Some(at) => self.create_card_at(editor, at),
                    None => self.create_card_at_pointer(editor),
                }
                ui.close();
            }
            let paste = egui::Button::new(Msg::PasteHere.text(lang))
                .shortcut_text(Action::Paste.shortcut_label().unwrap_or_default());
            if ui.add(paste).clicked() {
                self.paste_at = at;
                self.requested.push(Action::Paste);
                ui.close();
            }
            ui.separator();
            let fit = egui::Button::new(Msg::FitAll.text(lang))
                .shortcut_text(Action::FitAll.shortcut_label().unwrap_or_default());
            if ui.add(fit).clicked() {
                self.fit_all(editor.doc());
                ui.close();
            }
            ui.menu_button(Msg::ZoomToPhase.text(lang), |ui| {
                for p in PhaseId::ALL {
                    let a = Action::ZoomPhase(p);
                    let title = &editor.doc().phases.get(p).title;
                    let button = egui::Button::new(title.as_str())
                        .shortcut_text(a.shortcut_label().unwrap_or_default());
                    if ui.add(button).clicked() {
                        self.zoom_to_phase(editor.doc(), p);
                        ui.close();
                    }
                }
            });
            return;
        }
        ui.label(i18n::selected(self.selection.len(), lang));
        ui.separator();
        if let Some(c) = crate::ui::widgets::palette(ui, self.current_color(editor.doc()), lang) {
            self.recolor_selection(editor, c);
            ui.close();
        }
        ui.separator();
        match self.single_selected(editor) {
            Some(Element::Card(c)) => {
                let id = c.id;
                let edit = egui::Button::new(Msg::EditText.text(lang))
                    .shortcut_text(Action::EditCard.shortcut_label().unwrap_or_default());
                if ui.add(edit).clicked() {
                    self.edit_card(editor, id);
                    ui.close();
                }
            }
            Some(Element::Arrow(a)) => {
                let id = a.id;
                if ui.button(Msg::EditLabel.text(lang)).clicked() {
                    self.edit_label(editor, id);
                    ui.close();
                }
                if ui.button(Msg::Reverse.text(lang)).clicked() {
                    self.reverse_arrows(editor);
                    ui.close();
                }
            }
            None => {}
        }
        for a in [Action::Copy, Action::Cut] {
            let button = egui::Button::new(a.label(lang))
                .shortcut_text(a.shortcut_label().unwrap_or_default());
            if ui.add(button).clicked() {
                self.requested.push(a);
                ui.close();
            }
        }
        if ui.button(Msg::Duplicate.text(lang)).clicked() {
            self.duplicate_selection(editor);
            ui.close();
        }
        if ui.button(Msg::Delete.text(lang)).clicked() {
            self.delete_selection(editor);
            ui.close();
        }
    }
}
