//! The canvas: camera, selection, pointer gestures, in-place text editing, and the overlays
//! drawn over the scene (selection, handles, rubber band). It changes the document only by
//! applying commands through the [`Editor`].

use super::camera::{Camera, Framing};
use crate::edit::{Command, Editor};
use crate::i18n::{Lang, Msg};
use crate::model::{
    Card, CardColor, DEFAULT_CARD_SIZE, Document, Element, ElementId, HEADER_HEIGHT,
    MIN_BOARD_HEIGHT, MIN_CARD_SIZE, MIN_PHASE_WIDTH, Phase, PhaseId, Point, Rect,
};
use crate::scene::{self, PaintOptions, Transform};
use egui::{
    Color32, CursorIcon, Key, Modifiers, PointerButton, Pos2, Sense, Stroke, StrokeKind, Ui, Vec2,
    pos2, vec2,
};
use std::collections::HashSet;

/// Accent colour of selection and handles.
pub const ACCENT: Color32 = Color32::from_rgb(0x25, 0x63, 0xeb);
/// Side of a resize handle, in screen points.
const HANDLE: f32 = 10.0;
/// How near (screen points) the pointer must be to grab a phase border or the board's edge.
const EDGE_GRAB: f32 = 6.0;
/// Gap between a card and the next one made with Tab, in world points.
const NEXT_CARD_GAP: f32 = 24.0;
/// Above this many visible cards, cards are not listed for screen readers one by one.
const MAX_ACCESSIBLE_CARDS: usize = 300;

/// The eight resize handles of a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handle {
    N,
    S,
    E,
    W,
    NE,
    NW,
    SE,
    SW,
}

impl Handle {
    const ALL: [Handle; 8] = [
        Handle::NW,
        Handle::N,
        Handle::NE,
        Handle::E,
        Handle::SE,
        Handle::S,
        Handle::SW,
        Handle::W,
    ];

    /// Where the handle sits on a rectangle, as fractions of its width and height.
    fn anchor(self) -> (f32, f32) {
        match self {
            Handle::NW => (0.0, 0.0),
            Handle::N => (0.5, 0.0),
            Handle::NE => (1.0, 0.0),
            Handle::E => (1.0, 0.5),
            Handle::SE => (1.0, 1.0),
            Handle::S => (0.5, 1.0),
            Handle::SW => (0.0, 1.0),
            Handle::W => (0.0, 0.5),
        }
    }

    fn cursor(self) -> CursorIcon {
        match self {
            Handle::N | Handle::S => CursorIcon::ResizeVertical,
            Handle::E | Handle::W => CursorIcon::ResizeHorizontal,
            Handle::NE | Handle::SW => CursorIcon::ResizeNeSw,
            Handle::NW | Handle::SE => CursorIcon::ResizeNwSe,
        }
    }

    /// `start` resized by dragging this handle by (dx, dy), never smaller than a card may be.
    pub fn resize(self, start: Rect, dx: f32, dy: f32) -> Rect {
        let (ax, ay) = self.anchor();
        let (min_w, min_h) = MIN_CARD_SIZE;
        let (mut x0, mut x1) = (start.x, start.right());
        let (mut y0, mut y1) = (start.y, start.bottom());
        if ax == 0.0 {
            x0 = (x0 + dx).min(x1 - min_w);
        } else if ax == 1.0 {
            x1 = (x1 + dx).max(x0 + min_w);
        }
        if ay == 0.0 {
            y0 = (y0 + dy).min(y1 - min_h);
        } else if ay == 1.0 {
            y1 = (y1 + dy).max(y0 + min_h);
        }
        Rect::new(x0, y0, x1 - x0, y1 - y0)
    }
}

/// What is under the pointer, in order of precedence.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Handle(ElementId, Handle),
    Card(ElementId),
    /// The right edge of a phase.
    PhaseEdge(PhaseId),
    BoardBottom,
    Header(PhaseId),
    Empty,
}

#[derive(Debug, Default)]
enum Gesture {
    #[default]
    Idle,
    Pan,
    Move {
        origin: Point,
        start: Vec<Element>,
    },
    Resize {
        origin: Point,
        handle: Handle,
        start: Element,
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
        /// Cards right of the edge, which move with it.
        followers: Vec<Element>,
    },
    BoardHeight {
        origin: Point,
        start: f32,
    },
}

/// A card whose text is being edited in place.
#[derive(Debug)]
pub struct CardEditing {
    pub id: ElementId,
    pub buffer: String,
    /// Made by this edit: if it ends empty, the card goes again, leaving no undo step.
    pub is_new: bool,
    /// The card's height when the edit began; the card grows to fit text, not shrinks.
    start_height: f32,
    focused: bool,
}

/// A phase title being edited in place.
#[derive(Debug)]
pub struct TitleEditing {
    pub phase: PhaseId,
    pub buffer: String,
    focused: bool,
}

/// All view state of the canvas. Nothing here is saved in the document.
#[derive(Debug)]
pub struct CanvasView {
    pub camera: Camera,
    pub selection: HashSet<ElementId>,
    pub selected_phase: Option<PhaseId>,
    pub editing: Option<CardEditing>,
    pub title_editing: Option<TitleEditing>,
    /// The colour of the next new card (the last one picked).
    pub new_card_color: CardColor,
    gesture: Gesture,
    /// A card pressed with Shift that was already selected: a click (no drag) deselects it.
    deselect_on_click: Option<ElementId>,
    /// The last pointer position over the canvas, in world points.
    pub pointer_world: Option<Point>,
    /// Where the context menu was opened, in world points.
    context_at: Option<Point>,
    /// The canvas's screen rectangle in the last frame.
    pub rect: egui::Rect,
    framed_once: bool,
    scene: scene::SceneCache,
}

impl Default for CanvasView {
    fn default() -> Self {
        Self {
            camera: Camera::default(),
            selection: HashSet::new(),
            selected_phase: None,
            editing: None,
            title_editing: None,
            new_card_color: CardColor::default(),
            gesture: Gesture::Idle,
            deselect_on_click: None,
            pointer_world: None,
            context_at: None,
            rect: egui::Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 720.0)),
            framed_once: false,
            scene: scene::SceneCache::default(),
        }
    }
}

fn screen_rect_of(xf: &Transform, r: &Rect) -> egui::Rect {
    xf.rect_to_screen(r)
}

impl CanvasView {
    /// Frames the whole document on the next frame.
    pub fn fit_all(&mut self, doc: &Document) {
        self.camera.pending = Some(Framing::Fit(doc.bounds()));
    }

    pub fn zoom_to_phase(&mut self, doc: &Document, phase: PhaseId) {
        self.camera.pending = Some(Framing::Fit(doc.phase_rect(phase)));
    }

    /// Forgets everything tied to the previous document.
    pub fn reset_for(&mut self, doc: &Document) {
        *self = CanvasView {
            new_card_color: self.new_card_color,
            ..Default::default()
        };
        self.fit_all(doc);
    }

    /// How many elements the last frame drew.
    pub fn visible_count(&self) -> usize {
        self.scene.visible.len()
    }

    pub fn is_editing_text(&self) -> bool {
        self.editing.is_some() || self.title_editing.is_some()
    }

    /// Whether a pointer gesture is under way.
    pub fn is_gesturing(&self) -> bool {
        !matches!(self.gesture, Gesture::Idle)
    }

    /// The selected elements in paint order.
    pub fn selected_in_order<'a>(&self, doc: &'a Document) -> Vec<&'a Element> {
        if self.selection.is_empty() {
            return Vec::new();
        }
        doc.elements
            .iter()
            .filter(|e| self.selection.contains(&e.id()))
            .collect()
    }

    pub fn select_only(&mut self, id: ElementId) {
        self.selection.clear();
        self.selection.insert(id);
        self.selected_phase = None;
    }

    pub fn select_all(&mut self, doc: &Document) {
        self.selection = doc.elements.iter().map(Element::id).collect();
        self.selected_phase = None;
    }

    /// Drops ids that no longer exist (after undo, redo or delete).
    pub fn prune_selection(&mut self, doc: &Document) {
        self.selection.retain(|id| doc.elements.contains(*id));
        if let Some(e) = &self.editing
            && !doc.elements.contains(e.id)
        {
            self.editing = None;
        }
    }

    // ---------------------------------------------------------------- edits

    /// A new card centred at `at`, selected and open for typing.
    pub fn create_card_at(&mut self, editor: &mut Editor, at: Point) {
        self.end_text_editing(editor);
        editor.commit();
        let (w, h) = DEFAULT_CARD_SIZE;
        let rect = Rect::centered(at, w, h);
        self.insert_card_and_edit(editor, rect);
    }

    fn insert_card_and_edit(&mut self, editor: &mut Editor, rect: Rect) {
        let card = Card::new(ElementId::random(), rect, "", self.new_card_color);
        let id = card.id;
        let pos = editor.doc().elements.len();
        if editor
            .apply(Command::Insert(vec![(pos, Element::Card(card))]))
            .is_ok()
        {
            self.select_only(id);
            self.editing = Some(CardEditing {
                id,
                buffer: String::new(),
                is_new: true,
                start_height: rect.h,
                focused: false,
            });
        }
    }

    /// A new card where the pointer is, or in the middle of the view.
    pub fn create_card_at_pointer(&mut self, editor: &mut Editor) {
        let at = self.pointer_world.unwrap_or_else(|| {
            self.camera
                .transform(self.rect)
                .to_world(self.rect.center())
        });
        self.create_card_at(editor, at);
    }

    /// Starts editing the text of a card.
    pub fn edit_card(&mut self, editor: &mut Editor, id: ElementId) {
        self.end_text_editing(editor);
        editor.commit();
        if let Some(card) = editor.doc().card(id) {
            self.select_only(id);
            self.editing = Some(CardEditing {
                id,
                buffer: card.text.clone(),
                is_new: false,
                start_height: card.rect.h,
                focused: false,
            });
        }
    }

    /// Ends any in-place text editing. An empty card made by this edit goes again.
    pub fn end_text_editing(&mut self, editor: &mut Editor) {
        if let Some(e) = self.editing.take() {
            if e.is_new && e.buffer.trim().is_empty() {
                editor.rollback();
                self.selection.remove(&e.id);
            } else {
                editor.commit();
            }
        }
        if self.title_editing.take().is_some() {
            editor.commit();
        }
    }

    /// Ends editing and opens a new card beside the one edited (below it with `below`).
    fn next_card(&mut self, editor: &mut Editor, below: bool) {
        let Some(id) = self.editing.as_ref().map(|e| e.id) else {
            return;
        };
        self.end_text_editing(editor);
        let Some(card) = editor.doc().card(id).cloned() else {
            return;
        };
        let r = card.rect;
        let (dx, dy) = if below {
            (0.0, r.h + NEXT_CARD_GAP)
        } else {
            (r.w + NEXT_CARD_GAP, 0.0)
        };
        let mut rect = r.translated(dx, dy);
        // Step past cards already there, so that nothing is covered.
        for _ in 0..100 {
            let mut hits = Vec::new();
            editor.index().query(editor.doc(), rect, &mut hits);
            if hits.is_empty() {
                break;
            }
            rect = if below {
                rect.translated(r.w + NEXT_CARD_GAP, 0.0)
            } else {
                rect.translated(0.0, r.h + NEXT_CARD_GAP)
            };
        }
        self.new_card_color = card.color;
        self.insert_card_and_edit(editor, Rect::new(rect.x, rect.y, r.w, r.h));
        self.camera_follow(rect);
    }

    /// Pans just enough that `r` is in view.
    fn camera_follow(&mut self, r: Rect) {
        let xf = self.camera.transform(self.rect);
        let s = screen_rect_of(&xf, &r).expand(16.0);
        let view = self.rect;
        let mut d = Vec2::ZERO;
        if s.right() > view.right() {
            d.x = view.right() - s.right();
        }
        if s.left() + d.x < view.left() {
            d.x = view.left() - s.left();
        }
        if s.bottom() > view.bottom() {
            d.y = view.bottom() - s.bottom();
        }
        if s.top() + d.y < view.top() {
            d.y = view.top() - s.top();
        }
        self.camera.pan += d;
    }

    pub fn delete_selection(&mut self, editor: &mut Editor) {
        let ids: Vec<ElementId> = self
            .selected_in_order(editor.doc())
            .iter()
            .map(|e| e.id())
            .collect();
        if ids.is_empty() {
            return;
        }
        self.editing = None;
        if editor.apply_step(Command::Remove(ids)).is_ok() {
            self.selection.clear();
        }
    }

    pub fn duplicate_selection(&mut self, editor: &mut Editor) {
        let copies: Vec<Element> = self
            .selected_in_order(editor.doc())
            .into_iter()
            .map(|e| match e {
                Element::Card(c) => Element::Card(Card {
                    id: ElementId::random(),
                    rect: c.rect.translated(24.0, 24.0),
                    ..c.clone()
                }),
            })
            .collect();
        if copies.is_empty() {
            return;
        }
        let top = editor.doc().elements.len();
        let ids: HashSet<ElementId> = copies.iter().map(Element::id).collect();
        let items = copies
            .into_iter()
            .enumerate()
            .map(|(i, e)| (top + i, e))
            .collect();
        if editor.apply_step(Command::Insert(items)).is_ok() {
            self.selection = ids;
        }
    }

    pub fn recolor_selection(&mut self, editor: &mut Editor, color: CardColor) {
        self.new_card_color = color;
        let changed: Vec<Element> = self
            .selected_in_order(editor.doc())
            .into_iter()
            .filter_map(|e| match e {
                Element::Card(c) if c.color != color => {
                    Some(Element::Card(Card { color, ..c.clone() }))
                }
                _ => None,
            })
            .collect();
        if !changed.is_empty() {
            let _ = editor.apply_step(Command::Update(changed));
        }
    }

    fn nudge_selection(&mut self, editor: &mut Editor, dx: f32, dy: f32) {
        let moved: Vec<Element> = self
            .selected_in_order(editor.doc())
            .into_iter()
            .map(|e| e.with_bounds(e.bounds().translated(dx, dy)))
            .collect();
        if !moved.is_empty() {
            // Part of the open step: holding an arrow key is one gesture.
            let _ = editor.apply(Command::Update(moved));
        }
    }

    // ---------------------------------------------------------------- hit testing

    fn target_at(&self, editor: &Editor, xf: &Transform, pos: Pos2) -> Target {
        let doc = editor.doc();
        let w = xf.to_world(pos);
        if self.selection.len() == 1
            && let Some(id) = self.selection.iter().next()
            && let Some(e) = doc.elements.get(*id)
        {
            let r = screen_rect_of(xf, &e.bounds());
            for h in Handle::ALL {
                let (ax, ay) = h.anchor();
                let c = pos2(r.left() + ax * r.width(), r.top() + ay * r.height());
                if (pos - c).abs().max_elem() <= HANDLE / 2.0 + 3.0 {
                    return Target::Handle(*id, h);
                }
            }
        }
        if let Some(id) = editor.index().hit(doc, w, 2.0 / xf.zoom) {
            return Target::Card(id);
        }
        let board = doc.board_rect();
        let grab = EDGE_GRAB / xf.zoom;
        if w.y >= board.y - grab && w.y <= board.bottom() + grab {
            for id in PhaseId::ALL {
                if (doc.phase_rect(id).right() - w.x).abs() <= grab {
                    return Target::PhaseEdge(id);
                }
            }
        }
        if (w.y - board.bottom()).abs() <= grab && w.x >= board.x && w.x <= board.right() {
            return Target::BoardBottom;
        }
        if w.y >= 0.0
            && w.y <= HEADER_HEIGHT
            && let Some(p) = doc.phase_at_x(w.x)
        {
            return Target::Header(p);
        }
        Target::Empty
    }

    fn cursor_for(target: Target) -> CursorIcon {
        match target {
            Target::Handle(_, h) => h.cursor(),
            Target::Card(_) => CursorIcon::Grab,
            Target::PhaseEdge(_) => CursorIcon::ResizeColumn,
            Target::BoardBottom => CursorIcon::ResizeRow,
            Target::Header(_) | Target::Empty => CursorIcon::Default,
        }
    }

    // ---------------------------------------------------------------- the frame

    /// Shows the canvas in the whole of `ui`'s remaining space.
    pub fn show(&mut self, ui: &mut Ui, editor: &mut Editor, lang: Lang) {
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Canvas, true, Msg::Canvas.text(lang))
        });
        self.rect = rect;
        if !self.framed_once {
            self.framed_once = true;
            if self.camera.pending.is_none() {
                self.fit_all(editor.doc());
            }
        }
        self.camera.apply_pending(rect);

        self.handle_camera_input(ui, &response, rect);
        let xf = self.camera.transform(rect);
        self.pointer_world = response.hover_pos().map(|p| xf.to_world(p));

        if !self.is_editing_text() && !ui.ctx().text_edit_focused() {
            self.handle_keys(ui, editor);
        }
        self.handle_pointer(ui, &response, editor, &xf);
        if response.secondary_clicked()
            && let Some(p) = response.interact_pointer_pos()
        {
            // A right-click acts on what is under it: select that card first.
            self.end_text_editing(editor);
            self.context_at = Some(xf.to_world(p));
            match self.target_at(editor, &xf, p) {
                Target::Card(id) | Target::Handle(id, _) if !self.selection.contains(&id) => {
                    self.select_only(id)
                }
                Target::Empty | Target::Header(_) => self.selection.clear(),
                _ => {}
            }
        }
        response.context_menu(|ui| self.context_menu(ui, editor, lang));
        self.prune_selection(editor.doc());

        // Paint: desk, scene, overlays, then the text editors on top.
        let painter = ui.painter_at(rect);
        let desk = if ui.visuals().dark_mode {
            Color32::from_rgb(0x1b, 0x1d, 0x21)
        } else {
            Color32::from_rgb(0xdf, 0xe3, 0xe8)
        };
        painter.rect_filled(rect, 0.0, desk);
        let options = PaintOptions {
            hidden_text: self.editing.as_ref().map(|e| e.id),
        };
        scene::paint(
            &painter,
            editor.doc(),
            editor.index(),
            &xf,
            &options,
            &mut self.scene,
        );
        self.paint_overlays(&painter, editor, &xf, &response);
        self.describe_cards(ui, editor, &xf, lang);
        self.show_card_editor(ui, editor, &xf, lang);
        self.show_title_editor(ui, editor, &xf, lang);
    }

    fn handle_camera_input(&mut self, ui: &Ui, response: &egui::Response, rect: egui::Rect) {
        if let Some(hover) = response.hover_pos() {
            let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta));
            if zoom != 1.0 {
                self.camera.zoom_at(rect, hover, zoom);
            }
            if scroll != Vec2::ZERO {
                self.camera.pan += scroll;
            }
        }
        let space = ui.input(|i| i.key_down(Key::Space)) && !ui.ctx().text_edit_focused();
        if response.dragged_by(PointerButton::Middle)
            || (space && response.dragged_by(PointerButton::Primary))
            || matches!(self.gesture, Gesture::Pan)
        {
            self.camera.pan += response.drag_delta();
        }
        if response.drag_started_by(PointerButton::Middle)
            || (space && response.drag_started_by(PointerButton::Primary))
        {
            self.gesture = Gesture::Pan;
        }
        if matches!(self.gesture, Gesture::Pan) {
            ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
        } else if space && response.hovered() {
            ui.ctx().set_cursor_icon(CursorIcon::Grab);
        }
    }

    fn handle_keys(&mut self, ui: &mut Ui, editor: &mut Editor) {
        let (step, arrows, escape) = ui.input_mut(|i| {
            let step = if i.modifiers.shift { 10.0 } else { 1.0 };
            let mut d = Vec2::ZERO;
            for (key, v) in [
                (Key::ArrowLeft, vec2(-1.0, 0.0)),
                (Key::ArrowRight, vec2(1.0, 0.0)),
                (Key::ArrowUp, vec2(0.0, -1.0)),
                (Key::ArrowDown, vec2(0.0, 1.0)),
            ] {
                let n = i.count_and_consume_key(Modifiers::NONE, key)
                    + i.count_and_consume_key(Modifiers::SHIFT, key);
                d += v * n as f32;
            }
            (step, d, i.consume_key(Modifiers::NONE, Key::Escape))
        });
        if arrows != Vec2::ZERO && !self.selection.is_empty() {
            self.nudge_selection(editor, arrows.x * step, arrows.y * step);
        }
        if escape {
            if self.is_gesturing() {
                // Escape mid-gesture puts everything back.
                self.gesture = Gesture::Idle;
                editor.rollback();
            } else {
                self.selection.clear();
                self.selected_phase = None;
            }
        }
    }

    fn handle_pointer(
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

        // Hover feedback.
        if matches!(self.gesture, Gesture::Idle)
            && !space
            && let Some(p) = response.hover_pos()
        {
            ui.ctx()
                .set_cursor_icon(Self::cursor_for(self.target_at(editor, xf, p)));
        }

        // A press: decide what a drag from here would do, and select at once.
        if pressed
            && over_canvas
            && !space
            && let Some(p) = pointer
        {
            self.end_text_editing(editor);
            editor.commit();
            self.deselect_on_click = None;
            let target = self.target_at(editor, xf, p);
            match target {
                Target::Card(id) => {
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
                Target::Handle(..) | Target::PhaseEdge(_) | Target::BoardBottom => {}
            }
        }

        if response.drag_started_by(PointerButton::Primary) && !space {
            let origin_screen = ui
                .input(|i| i.pointer.press_origin())
                .unwrap_or(response.rect.center());
            let origin = xf.to_world(origin_screen);
            self.gesture = self.begin_gesture(editor, xf, origin_screen, origin, shift);
            self.deselect_on_click = None;
        }

        if response.dragged_by(PointerButton::Primary)
            && let Some(p) = pointer
        {
            let now = xf.to_world(p);
            self.update_gesture(editor, now, ui.input(|i| i.modifiers.shift));
        }

        if response.drag_stopped() {
            self.gesture = Gesture::Idle;
        }

        if response.clicked()
            && let Some(id) = self.deselect_on_click.take()
        {
            self.selection.remove(&id);
        }

        // A quick third click after a double-click elsewhere counts as a triple click in
        // egui; for the canvas it is still a double-click.
        if (response.double_clicked() || response.triple_clicked())
            && let Some(p) = pointer
        {
            match self.target_at(editor, xf, p) {
                Target::Card(id) | Target::Handle(id, _) => self.edit_card(editor, id),
                Target::Header(phase) => {
                    self.end_text_editing(editor);
                    self.selected_phase = Some(phase);
                    self.title_editing = Some(TitleEditing {
                        phase,
                        buffer: editor.doc().phases.get(phase).title.clone(),
                        focused: false,
                    });
                }
                Target::Empty => self.create_card_at(editor, xf.to_world(p)),
                Target::PhaseEdge(_) | Target::BoardBottom => {}
            }
        }
    }

    fn begin_gesture(
        &mut self,
        editor: &Editor,
        xf: &Transform,
        origin_screen: Pos2,
        origin: Point,
        shift: bool,
    ) -> Gesture {
        let doc = editor.doc();
        match self.target_at(editor, xf, origin_screen) {
            Target::Handle(id, handle) => match doc.elements.get(id) {
                Some(e) => Gesture::Resize {
                    origin,
                    handle,
                    start: e.clone(),
                },
                None => Gesture::Idle,
            },
            Target::Card(_) => Gesture::Move {
                origin,
                start: self.selected_in_order(doc).into_iter().cloned().collect(),
            },
            Target::PhaseEdge(phase) => {
                let edge = doc.phase_rect(phase).right();
                let followers = doc
                    .elements
                    .iter()
                    .filter(|e| e.bounds().center().x >= edge)
                    .cloned()
                    .collect();
                Gesture::PhaseWidth {
                    origin,
                    phase,
                    start: doc.phases.get(phase).clone(),
                    followers,
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

    fn update_gesture(&mut self, editor: &mut Editor, now: Point, _shift: bool) {
        match &mut self.gesture {
            Gesture::Idle | Gesture::Pan => {}
            Gesture::Move { origin, start } => {
                let (dx, dy) = (now.x - origin.x, now.y - origin.y);
                let moved: Vec<Element> = start
                    .iter()
                    .map(|e| e.with_bounds(e.bounds().translated(dx, dy)))
                    .collect();
                if !moved.is_empty() {
                    let _ = editor.apply(Command::Update(moved));
                }
            }
            Gesture::Resize {
                origin,
                handle,
                start,
            } => {
                let r = handle.resize(start.bounds(), now.x - origin.x, now.y - origin.y);
                let _ = editor.apply(Command::Update(vec![start.with_bounds(r)]));
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
            } => {
                let width = (start.width + now.x - origin.x).max(MIN_PHASE_WIDTH);
                let dx = width - start.width;
                let mut cmds = vec![Command::SetPhase(
                    *phase,
                    Phase {
                        width,
                        ..start.clone()
                    },
                )];
                if !followers.is_empty() {
                    cmds.push(Command::Update(
                        followers
                            .iter()
                            .map(|e| e.with_bounds(e.bounds().translated(dx, 0.0)))
                            .collect(),
                    ));
                }
                let _ = editor.apply(Command::Batch(cmds));
            }
            Gesture::BoardHeight { origin, start } => {
                let h = (*start + now.y - origin.y).max(MIN_BOARD_HEIGHT);
                let _ = editor.apply(Command::SetBoardHeight(h));
            }
        }
    }

    fn context_menu(&mut self, ui: &mut Ui, editor: &mut Editor, lang: Lang) {
        if self.selection.is_empty() {
            if ui.button(Msg::NewCard.text(lang)).clicked() {
                match self.context_at {
                    Some(at) => self.create_card_at(editor, at),
                    None => self.create_card_at_pointer(editor),
                }
                ui.close();
            }
            return;
        }
        ui.label(crate::i18n::cards_selected(self.selection.len(), lang));
        ui.separator();
        if let Some(c) = super::panels::palette(ui, self.current_color(editor.doc()), lang) {
            self.recolor_selection(editor, c);
            ui.close();
        }
        ui.separator();
        if ui.button(Msg::Duplicate.text(lang)).clicked() {
            self.duplicate_selection(editor);
            ui.close();
        }
        if ui.button(Msg::Delete.text(lang)).clicked() {
            self.delete_selection(editor);
            ui.close();
        }
    }

    /// The colour shared by all selected cards, if they share one.
    pub fn current_color(&self, doc: &Document) -> Option<CardColor> {
        let mut colors = self
            .selected_in_order(doc)
            .into_iter()
            .filter_map(Element::as_card)
            .map(|c| c.color);
        let first = colors.next()?;
        colors.all(|c| c == first).then_some(first)
    }

    // ---------------------------------------------------------------- overlays

    fn paint_overlays(
        &self,
        painter: &egui::Painter,
        editor: &Editor,
        xf: &Transform,
        response: &egui::Response,
    ) {
        let doc = editor.doc();
        // Hover: a faint outline on the card under the pointer.
        if matches!(self.gesture, Gesture::Idle)
            && let Some(p) = response.hover_pos()
        {
            match self.target_at(editor, xf, p) {
                Target::Card(id) if !self.selection.contains(&id) => {
                    if let Some(e) = doc.elements.get(id) {
                        painter.rect_stroke(
                            screen_rect_of(xf, &e.bounds()).expand(2.0),
                            (scene::CARD_RADIUS * xf.zoom + 2.0).min(255.0),
                            Stroke::new(1.5, ACCENT.gamma_multiply(0.55)),
                            StrokeKind::Outside,
                        );
                    }
                }
                Target::PhaseEdge(id) => {
                    let x = doc.phase_rect(id).right();
                    painter.line_segment(
                        [
                            xf.to_screen(Point::new(x, 0.0)),
                            xf.to_screen(Point::new(x, doc.board.height)),
                        ],
                        Stroke::new(3.0, ACCENT.gamma_multiply(0.7)),
                    );
                }
                Target::BoardBottom => {
                    let b = doc.board_rect();
                    painter.line_segment(
                        [
                            xf.to_screen(Point::new(b.x, b.bottom())),
                            xf.to_screen(Point::new(b.right(), b.bottom())),
                        ],
                        Stroke::new(3.0, ACCENT.gamma_multiply(0.7)),
                    );
                }
                _ => {}
            }
        }
        if let Some(phase) = self.selected_phase {
            painter.rect_stroke(
                screen_rect_of(xf, &doc.phase_rect(phase)),
                0.0,
                Stroke::new(2.0, ACCENT.gamma_multiply(0.6)),
                StrokeKind::Inside,
            );
        }
        // Selection outlines, culled to the view.
        let view = xf.rect_to_world(painter.clip_rect());
        let selected = self.selection.iter().filter_map(|id| doc.elements.get(*id));
        for e in selected {
            if !e.bounds().intersects(&view) {
                continue;
            }
            painter.rect_stroke(
                screen_rect_of(xf, &e.bounds()).expand(2.0),
                (scene::CARD_RADIUS * xf.zoom + 2.0).min(255.0),
                Stroke::new(2.0, ACCENT),
                StrokeKind::Outside,
            );
        }
        // Handles on a single selected card.
        if self.selection.len() == 1
            && self.editing.is_none()
            && let Some(e) = self
                .selection
                .iter()
                .next()
                .and_then(|id| doc.elements.get(*id))
        {
            let r = screen_rect_of(xf, &e.bounds());
            for h in Handle::ALL {
                let (ax, ay) = h.anchor();
                let c = pos2(r.left() + ax * r.width(), r.top() + ay * r.height());
                let hr = egui::Rect::from_center_size(c, Vec2::splat(HANDLE));
                painter.rect(
                    hr,
                    2.0,
                    Color32::WHITE,
                    Stroke::new(1.5, ACCENT),
                    StrokeKind::Inside,
                );
            }
        }
        if let Gesture::Marquee {
            origin, current, ..
        } = &self.gesture
        {
            let r = screen_rect_of(xf, &Rect::from_corners(*origin, *current));
            painter.rect(
                r,
                0.0,
                ACCENT.gamma_multiply(0.08),
                Stroke::new(1.0, ACCENT),
                StrokeKind::Inside,
            );
        }
    }

    /// Lists the cards in view for screen readers (and for UI tests), each as a node with its
    /// text. Far out, with hundreds in view, they are not listed one by one.
    fn describe_cards(&self, ui: &mut Ui, editor: &Editor, xf: &Transform, lang: Lang) {
        if self.scene.visible.len() > MAX_ACCESSIBLE_CARDS {
            return;
        }
        let els = editor.doc().elements.as_slice();
        for e in self.scene.visible.iter().filter_map(|&i| els.get(i)) {
            let Element::Card(card) = e;
            let rect = screen_rect_of(xf, &card.rect).intersect(self.rect);
            if !rect.is_positive() {
                continue;
            }
            let id = ui.scope_id().with(("card", card.id.0));
            let r = ui.interact(rect, id, Sense::hover());
            let selected = self.selection.contains(&card.id);
            let text = if card.text.is_empty() {
                Msg::EmptyCard.text(lang).to_owned()
            } else {
                card.text.clone()
            };
            let label = format!("{}: {}", Msg::Card.text(lang), text);
            r.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::ListItem, true, selected, label.clone())
            });
        }
    }

    fn show_card_editor(&mut self, ui: &mut Ui, editor: &mut Editor, xf: &Transform, lang: Lang) {
        let Some(editing) = &self.editing else {
            return;
        };
        let Some(card) = editor.doc().card(editing.id).cloned() else {
            self.editing = None;
            return;
        };
        // Keys that end the edit are taken before the text field sees them.
        let (done, tab, shift_tab) = ui.input_mut(|i| {
            let done = i.consume_key(Modifiers::NONE, Key::Escape)
                || i.consume_key(Modifiers::COMMAND, Key::Enter);
            let shift_tab = i.consume_key(Modifiers::SHIFT, Key::Tab);
            let tab = i.consume_key(Modifiers::NONE, Key::Tab);
            (done, tab, shift_tab)
        });
        if done {
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
        let rect = screen_rect_of(xf, &card.rect);
        let inner = rect.shrink(scene::CARD_PADDING * zoom);
        let world_rect = card.rect;
        let color = card.color.text();
        let mut layouter = |ui: &Ui, buf: &dyn egui::TextBuffer, _wrap: f32| {
            let job = scene::card_text_job_for(buf.as_str(), world_rect, color, zoom, false);
            ui.fonts_mut(|f| f.layout_job(job))
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
            .min_size(inner.size())
            .align(egui::Align2::CENTER_CENTER)
            .char_limit(crate::model::MAX_TEXT_CHARS)
            .text_color(scene::color32(color))
            .layouter(&mut layouter);
        let ink = scene::color32(color);
        let response = show_in_place(
            ui,
            self.rect,
            inner,
            edit,
            Msg::CardText.text(lang),
            Some(ink),
        );
        let has_focus = response.has_focus();
        if editing.focused && !has_focus {
            self.end_text_editing(editor);
            return;
        }
        editing.focused |= has_focus;
        if editing.buffer != card.text {
            let needed = scene::card_height_for_text(ui.ctx(), &editing.buffer, card.rect);
            let h = needed.max(editing.start_height).max(MIN_CARD_SIZE.1);
            let updated = Card {
                text: editing.buffer.clone(),
                rect: Rect { h, ..card.rect },
                ..card
            };
            let _ = editor.apply(Command::Update(vec![Element::Card(updated)]));
        }
    }

    fn show_title_editor(&mut self, ui: &mut Ui, editor: &mut Editor, xf: &Transform, lang: Lang) {
        let Some(editing) = &mut self.title_editing else {
            return;
        };
        let done = ui.input_mut(|i| {
            i.consume_key(Modifiers::NONE, Key::Escape)
                || i.consume_key(Modifiers::NONE, Key::Enter)
        });
        let doc = editor.doc();
        let r = doc.phase_rect(editing.phase);
        let band = Rect::new(
            r.x + 40.0,
            22.0,
            (r.w - 80.0).max(40.0),
            HEADER_HEIGHT - 44.0,
        );
        let screen = screen_rect_of(xf, &band);
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
            let _ = editor.apply(Command::SetPhase(phase, Phase { title, ..current }));
        }
        if done || lost {
            self.title_editing = None;
            editor.commit();
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
    response.widget_info(|| egui::WidgetInfo::text_edit(true, text.clone(), text.clone(), name));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resize_never_goes_below_the_minimum() {
        let start = Rect::new(0.0, 0.0, 200.0, 120.0);
        let r = Handle::SE.resize(start, 50.0, 30.0);
        assert_eq!(r, Rect::new(0.0, 0.0, 250.0, 150.0));
        let r = Handle::NW.resize(start, 500.0, 500.0);
        assert_eq!((r.w, r.h), MIN_CARD_SIZE);
        assert_eq!((r.right(), r.bottom()), (200.0, 120.0));
        let r = Handle::W.resize(start, -20.0, 99.0);
        assert_eq!(r, Rect::new(-20.0, 0.0, 220.0, 120.0));
    }
}
