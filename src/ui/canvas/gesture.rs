//! Presses, drags and clicks on the canvas. A drag applies commands as it goes (so the
//! picture follows the pointer); they collect in one undo step that closes when the button
//! is released.

use super::hit::Target;
use super::text::{LabelEditing, TitleEditing};
use super::{CanvasView, Tool};
use crate::edit::{Command, Edit, Editor, layout};
use crate::i18n::{self, Lang, Msg};
use crate::model::arrow;
use crate::model::{
    Arrow, ArrowEnd, Element, ElementId, End, Frame, MIN_BOARD_HEIGHT, MIN_PHASE_WIDTH, Phase,
    PhaseId, Point, Rect, Route, Shape, Stroke,
};
use crate::scene::Transform;
use egui::{Key, PointerButton, Ui};
use std::collections::HashSet;

/// Shorter than this on screen, a new arrow is taken for a slip and dropped.
const MIN_ARROW_PX: f32 = 10.0;
/// How near (screen points) an edge or middle must come to another's to snap to it.
const SNAP_PX: f32 = 6.0;
/// How far (screen points) a pen line may be straightened: a hand's wobble on a mouse is
/// about this big.
const PEN_TOLERANCE_PX: f32 = 2.0;
/// The most pointer positions one pen line takes (a minute of drawing).
const MAX_PEN_INPUT: usize = 100_000;

#[derive(Debug, Default)]
pub(super) enum Gesture {
    #[default]
    Idle,
    Pan,
    Move {
        origin: Point,
        start: Vec<Element>,
        /// The box around what moves, at the start.
        bounds: Rect,
        /// The boxes of the elements near the view that it may snap to.
        others: Vec<Rect>,
    },
    Resize {
        origin: Point,
        handle: super::Handle,
        start: Element,
    },
    /// A picture's box moved over the picture by a handle, in crop mode.
    Crop {
        origin: Point,
        handle: super::Handle,
        start: crate::model::Picture,
        kind: crate::model::Kind,
    },
    /// Several selected elements resized together by a handle of the box around them.
    ResizeMany {
        origin: Point,
        handle: super::Handle,
        bounds: Rect,
        start: Vec<Element>,
    },
    /// Turning an element about its centre by its handle.
    Rotate {
        start: Element,
        /// The pointer's angle (degrees) when the drag began.
        grab: f32,
    },
    /// A new shape being drawn from corner to corner; it is in the document.
    DrawShape {
        origin: Point,
        shape: Shape,
    },
    /// A pen or highlighter line being drawn (world points as the pointer went).
    Pen {
        points: Vec<Point>,
    },
    /// The eraser being dragged: strokes it touches go.
    Erase {
        last: Point,
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
    /// A theme dragged by its title to another place among the themes.
    LaneMove {
        lane: usize,
        /// Where the pointer is, in world points.
        at: Point,
    },
    /// A theme's bottom edge dragged: the lanes and elements below move with it.
    LaneHeight {
        origin: Point,
        lane: usize,
        start: crate::edit::workshop::LaneStart,
        below: Vec<Element>,
        inside: Vec<Element>,
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

    /// The theme being dragged by its title and where the pointer is.
    pub(super) fn lane_move(&self) -> Option<(usize, Point)> {
        match self {
            Gesture::LaneMove { lane, at } => Some((*lane, *at)),
            _ => None,
        }
    }

    pub(super) fn is_idle(&self) -> bool {
        matches!(self, Gesture::Idle)
    }
}

/// The place among the themes a theme dropped at height `y` goes to: the one it is over
/// (above the first: the first; below the last: the last).
pub(super) fn lane_drop(doc: &crate::model::Document, y: f32) -> Option<usize> {
    let n = doc.lanes.len();
    if n == 0 {
        return None;
    }
    Some(match doc.lane_at_y(y) {
        Some(i) => i,
        None if y < crate::model::HEADER_HEIGHT => 0,
        None => n - 1,
    })
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
        editor: &Editor,
        xf: &Transform,
    ) {
        let (pressed, shift, pointer) = ui.input(|i| {
            (
                i.pointer.primary_pressed(),
                i.modifiers.shift,
                i.pointer.interact_pos(),
            )
        });
        self.modifiers = ui.input(|i| i.modifiers);
        // The tool as the frame began: placing a shape or text puts the tool down, and the
        // same frame's second click of a double-click is not then taken for a new card.
        let tool_at_start = self.tool;
        let space = ui.input(|i| i.key_down(Key::Space)) && !ui.ctx().text_edit_focused();
        let over_canvas = pointer.is_some_and(|p| response.rect.contains(p)) && response.hovered();

        // Hover feedback: the cursor, and which element shows its connectors (kept while a
        // button is down, so that a drag from a connector starts from it).
        let down = ui.input(|i| i.pointer.any_down());
        if self.gesture.is_idle() && !space && !down {
            match response.hover_pos() {
                Some(p) => {
                    let target = self.target_at(editor, xf, p);
                    ui.ctx().set_cursor_icon(self.cursor_for(target));
                    match target {
                        Target::Element(id)
                            if editor
                                .doc()
                                .elements
                                .get(id)
                                .is_some_and(|e| e.is_bindable() && !e.locked()) =>
                        {
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
            self.pending.push(Edit::Commit);
            self.deselect_on_click = None;
            if self.tool == Tool::Select {
                self.press(editor, self.target_at(editor, xf, p), shift);
            }
        }

        // A click with a placing tool places one.
        if response.clicked_by(PointerButton::Primary)
            && !space
            && let Some(p) = pointer
        {
            let at = xf.to_world(p);
            match self.tool {
                Tool::Shape(_) => self.create_shape_at(editor, Rect::default(), at),
                Tool::Text => {
                    let on_text = match self.target_at(editor, xf, p) {
                        Target::Element(id) => editor
                            .doc()
                            .elements
                            .get(id)
                            .is_some_and(|e| matches!(e, Element::Text(_)))
                            .then_some(id),
                        _ => None,
                    };
                    match on_text {
                        Some(id) => {
                            self.tool = Tool::Select;
                            self.edit_card(editor, id);
                        }
                        None => self.create_text_at(editor, at),
                    }
                }
                Tool::Select | Tool::Arrow | Tool::Pen | Tool::Highlighter | Tool::Eraser => {}
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
            self.update_gesture(editor, xf.to_world(p), xf.zoom);
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
            && tool_at_start == Tool::Select
            && let Some(p) = pointer
        {
            self.double_click(editor, self.target_at(editor, xf, p), xf.to_world(p));
        }
    }

    fn press(&mut self, editor: &Editor, target: Target, shift: bool) {
        match target {
            Target::Element(id) => {
                if shift {
                    if self.selection.contains(&id) {
                        self.deselect_on_click = Some(id);
                    } else {
                        self.select_with_group(editor.doc(), id, true);
                    }
                } else if !self.selection.contains(&id) {
                    self.select_with_group(editor.doc(), id, false);
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
            | Target::SelectionHandle(_)
            | Target::Rotate(_)
            | Target::ArrowEnd(..)
            | Target::Bend(_)
            | Target::Connector(..)
            | Target::PhaseEdge(_)
            | Target::LaneEdge(_)
            | Target::LaneTitle(_)
            | Target::BoardBottom => {}
        }
    }

    fn double_click(&mut self, editor: &Editor, target: Target, at: Point) {
        match target {
            Target::Element(id) | Target::Handle(id, _) | Target::Bend(id) => {
                let doc = editor.doc();
                let group = doc.elements.get(id).and_then(Element::group);
                if group.is_some() && group != self.entered_group {
                    // Into the group: its members are picked one by one now.
                    self.entered_group = group;
                    self.select_only(id);
                    return;
                }
                match doc.elements.get(id) {
                    Some(Element::Card(_) | Element::Shape(_) | Element::Text(_)) => {
                        self.edit_card(editor, id)
                    }
                    Some(Element::Arrow(_)) => self.edit_label(editor, id),
                    Some(Element::Illustration(_) | Element::Image(_)) => {
                        self.start_crop(editor, id)
                    }
                    Some(Element::Stroke(_)) | None => {}
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
            Target::Rotate(_)
            | Target::SelectionHandle(_)
            | Target::ArrowEnd(..)
            | Target::Connector(..)
            | Target::PhaseEdge(_)
            | Target::LaneEdge(_)
            | Target::LaneTitle(_)
            | Target::BoardBottom => {}
        }
    }

    /// Starts editing an arrow's label.
    pub fn edit_label(&mut self, editor: &Editor, id: ElementId) {
        self.end_text_editing(editor);
        self.pending.push(Edit::Commit);
        if let Some(a) = editor.doc().elements.get(id).and_then(Element::as_arrow)
            && !a.locked
        {
            self.select_only(id);
            self.label_editing = Some(LabelEditing::new(id, a.label.clone()));
        }
    }

    fn begin_gesture(
        &mut self,
        editor: &Editor,
        xf: &Transform,
        at: egui::Pos2,
        shift: bool,
    ) -> Gesture {
        let origin = xf.to_world(at);
        match self.tool {
            Tool::Arrow => {
                let start = end_at(editor, self, origin, None);
                return self.begin_arrow(editor, start, origin);
            }
            Tool::Shape(outline) => {
                let mut shape = Shape::new(
                    ElementId::random(),
                    Rect::new(origin.x, origin.y, 1.0, 1.0),
                    outline,
                );
                shape.fill = Some(self.new_card_color);
                let insert =
                    Command::insert_on_top(editor.doc(), vec![Element::Shape(shape.clone())]);
                self.pending.push(Edit::Apply(insert));
                self.select_only(shape.id);
                return Gesture::DrawShape { origin, shape };
            }
            Tool::Pen | Tool::Highlighter => {
                self.selection.clear();
                return Gesture::Pen {
                    points: vec![origin],
                };
            }
            Tool::Eraser => {
                self.erase_along(editor, origin, origin, xf.zoom);
                return Gesture::Erase { last: origin };
            }
            Tool::Text => return Gesture::Idle,
            Tool::Select => {}
        }
        let doc = editor.doc();
        match self.target_at(editor, xf, at) {
            Target::Handle(id, handle) => match doc.elements.get(id) {
                Some(e @ (Element::Illustration(p) | Element::Image(p)))
                    if self.cropping == Some(id) && !e.locked() =>
                {
                    Gesture::Crop {
                        origin,
                        handle,
                        start: p.clone(),
                        kind: e.kind(),
                    }
                }
                Some(e) if e.frame().is_some() && !e.locked() => Gesture::Resize {
                    origin,
                    handle,
                    start: e.clone(),
                },
                _ => Gesture::Idle,
            },
            Target::SelectionHandle(handle) => match self.selection_box(editor) {
                Some(bounds) => Gesture::ResizeMany {
                    origin,
                    handle,
                    bounds,
                    start: self.selected_in_order(doc).into_iter().cloned().collect(),
                },
                None => Gesture::Idle,
            },
            Target::Rotate(id) => match doc.elements.get(id) {
                Some(e) => match e.frame() {
                    Some(f) if !e.locked() => {
                        let c = f.rect.center();
                        Gesture::Rotate {
                            start: e.clone(),
                            grab: (origin.y - c.y).atan2(origin.x - c.x).to_degrees(),
                        }
                    }
                    _ => Gesture::Idle,
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
            Target::Element(_) => {
                let start: Vec<Element> = self
                    .selected_in_order(doc)
                    .into_iter()
                    .filter(|e| !e.locked())
                    .cloned()
                    .collect();
                let bounds = start
                    .iter()
                    .map(|e| doc.bounds_of(e))
                    .reduce(|a, b| a.union(&b))
                    .unwrap_or_default();
                // What it may snap to: the boxed elements in and near the view.
                let near = xf.rect_to_world(self.rect.expand(self.rect.width() / 2.0));
                let mut hits = Vec::new();
                editor.index().query(doc, near, &mut hits);
                let els = doc.elements.as_slice();
                let others = hits
                    .iter()
                    .filter_map(|&i| els.get(i))
                    .filter(|e| !self.selection.contains(&e.id()))
                    .filter_map(|e| e.frame().map(|f| f.bounds()))
                    .take(2_000)
                    .collect();
                Gesture::Move {
                    origin,
                    start,
                    bounds,
                    others,
                }
            }
            Target::PhaseEdge(phase) => {
                let (followers, inside) = layout::phase_drag(doc, phase);
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
            Target::LaneTitle(lane) => Gesture::LaneMove { lane, at: origin },
            Target::LaneEdge(lane) => {
                let (below, inside) = crate::edit::workshop::lane_drag(doc, lane);
                Gesture::LaneHeight {
                    origin,
                    lane,
                    start: crate::edit::workshop::LaneStart::of(doc),
                    below,
                    inside,
                }
            }
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
    fn begin_arrow(&mut self, editor: &Editor, start: ArrowEnd, at: Point) -> Gesture {
        let mut arrow = Arrow::new(ElementId::random(), start, ArrowEnd::free(at));
        if let Some(last) = self.last_arrow_style {
            last.apply_to(&mut arrow);
        }
        let insert = Command::insert_on_top(editor.doc(), vec![Element::Arrow(arrow.clone())]);
        self.pending.push(Edit::Apply(insert));
        self.select_only(arrow.id);
        Gesture::DrawArrow { arrow, over: None }
    }

    fn update_gesture(&mut self, editor: &Editor, now: Point, zoom: f32) {
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
        let snapping = self.snap && !self.modifiers.alt;
        let (grid, shift) = (self.grid && !self.modifiers.alt, self.modifiers.shift);
        self.guides.clear();
        match &mut self.gesture {
            Gesture::Idle | Gesture::Pan => {}
            Gesture::Move {
                origin,
                start,
                bounds,
                others,
            } => {
                let (mut dx, mut dy) = (now.x - origin.x, now.y - origin.y);
                let moving = bounds.translated(dx, dy);
                let tol = SNAP_PX / zoom;
                let snapped = if snapping {
                    crate::edit::arrange::snap(moving, others, tol)
                } else {
                    crate::edit::arrange::Snapped::default()
                };
                dx += snapped.dx;
                dy += snapped.dy;
                if grid {
                    let g = super::GRID;
                    if snapped.dx == 0.0 {
                        dx += (moving.x / g).round() * g - moving.x;
                    }
                    if snapped.dy == 0.0 {
                        dy += (moving.y / g).round() * g - moving.y;
                    }
                }
                self.guides = snapped.guides;
                let moved: Vec<Element> = start.iter().map(|e| e.translated(dx, dy)).collect();
                if !moved.is_empty() {
                    self.pending.push(Edit::Apply(Command::Update(moved)));
                }
            }
            Gesture::Resize {
                origin,
                handle,
                start,
            } => {
                if let Some(f) = start.frame() {
                    let min = start.min_size();
                    // A picture keeps its proportions, unless Shift frees them.
                    let f = if start.as_picture().is_some() && !shift {
                        super::hit::resize_frame_keeping_aspect(f, *handle, *origin, now, min)
                    } else {
                        super::hit::resize_frame(f, *handle, *origin, now, min)
                    };
                    let mut resized = start.with_frame(f);
                    if let Element::Text(t) = &mut resized {
                        // Its height follows the text; the top corner on the side that stays
                        // put stays put, turned or not.
                        let fitted = crate::scene::fitted_text_rect(t);
                        let (ax, _) = handle.anchor();
                        let corner = |r: Rect| Point::new(r.x + (1.0 - ax) * r.w, r.y);
                        let before = f.to_world(corner(f.rect));
                        let after = Frame::new(fitted, f.rotation).to_world(corner(fitted));
                        t.rect = fitted.translated(before.x - after.x, before.y - after.y);
                    }
                    self.pending
                        .push(Edit::Apply(Command::Update(vec![resized])));
                }
            }
            Gesture::Crop {
                origin,
                handle,
                start,
                kind,
            } => {
                let p = super::hit::crop_picture(start, *handle, *origin, now);
                let e = match kind {
                    crate::model::Kind::Image => Element::Image(p),
                    _ => Element::Illustration(p),
                };
                self.pending.push(Edit::Apply(Command::Update(vec![e])));
            }
            Gesture::ResizeMany {
                origin,
                handle,
                bounds,
                start,
            } => {
                // With a picture among them, the whole keeps its proportions (Shift frees it).
                let to = if !shift && start.iter().any(|e| e.as_picture().is_some()) {
                    super::hit::resize_frame_keeping_aspect(
                        Frame::upright(*bounds),
                        *handle,
                        *origin,
                        now,
                        (20.0, 20.0),
                    )
                    .rect
                } else {
                    handle.resize_min(*bounds, now.x - origin.x, now.y - origin.y, (20.0, 20.0))
                };
                let scaled = crate::edit::arrange::scale_into(start, *bounds, to);
                if !scaled.is_empty() {
                    self.pending.push(Edit::Apply(Command::Update(scaled)));
                }
            }
            Gesture::Rotate { start, grab } => {
                if let Some(f) = start.frame() {
                    let c = f.rect.center();
                    let angle = (now.y - c.y).atan2(now.x - c.x).to_degrees();
                    let mut deg = f.rotation + angle - *grab;
                    if shift {
                        deg = (deg / 15.0).round() * 15.0;
                    }
                    let turned = start.with_frame(Frame::new(f.rect, deg));
                    self.pending
                        .push(Edit::Apply(Command::Update(vec![turned])));
                }
            }
            Gesture::DrawShape { origin, shape } => {
                let mut r = Rect::from_corners(*origin, now);
                if shift {
                    // Shift: a square (or circle).
                    let side = r.w.max(r.h);
                    r = Rect::new(
                        if now.x < origin.x {
                            origin.x - side
                        } else {
                            origin.x
                        },
                        if now.y < origin.y {
                            origin.y - side
                        } else {
                            origin.y
                        },
                        side,
                        side,
                    );
                }
                shape.rect = Rect::new(r.x, r.y, r.w.max(1.0), r.h.max(1.0));
                self.pending
                    .push(Edit::Apply(Command::Update(vec![Element::Shape(
                        shape.clone(),
                    )])));
            }
            Gesture::Pen { points } => {
                let far_enough = points
                    .last()
                    .is_none_or(|p| (p.x - now.x).hypot(p.y - now.y) * zoom >= 0.75);
                if far_enough && points.len() < MAX_PEN_INPUT {
                    points.push(now);
                }
            }
            Gesture::Erase { last } => {
                let from = *last;
                *last = now;
                self.erase_along(editor, from, now, zoom);
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
                // Locked elements stay out of a rubber band (a click still picks them).
                sel.extend(
                    hits.iter()
                        .filter_map(|&i| els.get(i))
                        .filter(|e| !e.locked())
                        .map(Element::id),
                );
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
                self.pending.push(Edit::Apply(cmd));
            }
            Gesture::LaneMove { at, .. } => *at = now,
            Gesture::LaneHeight {
                origin,
                lane,
                start,
                below,
                inside,
            } => {
                let h = start.lanes.get(*lane).map_or(0.0, |l| l.height) + now.y - origin.y;
                if let Some(cmd) =
                    crate::edit::workshop::resize_lane(start, *lane, h, below, inside)
                {
                    self.pending.push(Edit::Apply(cmd));
                }
            }
            Gesture::BoardHeight { origin, start } => {
                // Never shorter than its themes.
                let h = (*start + now.y - origin.y)
                    .max(MIN_BOARD_HEIGHT)
                    .max(editor.doc().lanes_bottom());
                self.pending.push(Edit::Apply(Command::SetBoardHeight(h)));
            }
            Gesture::DrawArrow { arrow, over } => {
                if let Some(end) = candidate {
                    *over = end.bind.map(|b| b.element);
                    arrow.end = end;
                    self.pending
                        .push(Edit::Apply(Command::Update(vec![Element::Arrow(
                            arrow.clone(),
                        )])));
                }
            }
            Gesture::MoveArrowEnd { start, which, over } => {
                if let Some(end) = candidate {
                    *over = end.bind.map(|b| b.element);
                    let mut a = start.clone();
                    *a.end_mut(*which) = end;
                    self.pending
                        .push(Edit::Apply(Command::Update(vec![Element::Arrow(a)])));
                }
            }
            Gesture::Bend { start, grab } => {
                let mut a = start.clone();
                let at = Point::new(now.x - grab.x, now.y - grab.y);
                a.bend = arrow::bend_for(editor.doc(), &a, at);
                if a.route == Route::Straight {
                    a.route = Route::Curved;
                }
                self.pending
                    .push(Edit::Apply(Command::Update(vec![Element::Arrow(a)])));
            }
        }
    }

    fn finish_gesture(&mut self, editor: &Editor, xf: &Transform) {
        let gesture = std::mem::take(&mut self.gesture);
        self.guides.clear();
        match &gesture {
            Gesture::DrawShape { origin, shape } => {
                let small = shape.rect.w * xf.zoom < 8.0 && shape.rect.h * xf.zoom < 8.0;
                self.pending.push(Edit::Rollback);
                let rect = if small { Rect::default() } else { shape.rect };
                self.create_shape_at(editor, rect, *origin);
                return;
            }
            Gesture::Pen { points } => {
                let highlighter = self.tool == Tool::Highlighter;
                if let Some(stroke) = Stroke::from_drawn(
                    ElementId::random(),
                    points,
                    PEN_TOLERANCE_PX / xf.zoom,
                    self.drawing_color(),
                    self.pen_width,
                    highlighter,
                ) {
                    let insert =
                        Command::insert_on_top(editor.doc(), vec![Element::Stroke(stroke)]);
                    self.pending.push(Edit::Step(insert));
                }
                return;
            }
            Gesture::Erase { .. } => {
                self.pending.push(Edit::Commit);
                return;
            }
            Gesture::LaneMove { lane, at } => {
                let doc = editor.doc();
                if let Some(to) = lane_drop(doc, at.y)
                    && let Some(cmd) = crate::edit::workshop::move_lane(doc, *lane, to)
                {
                    self.pending.push(Edit::Step(cmd));
                }
                return;
            }
            _ => {}
        }
        if let Gesture::DrawArrow { arrow, .. } = gesture {
            // A click or a slip with the arrow tool makes no arrow. (The gesture holds the
            // arrow as last placed; the document may not have it yet.)
            let drawn = arrow::resolve(editor.doc(), &arrow).length() * xf.zoom;
            if drawn < MIN_ARROW_PX {
                self.pending.push(Edit::Rollback);
                self.selection.remove(&arrow.id);
            } else {
                self.pending.push(Edit::Commit);
            }
            self.tool = Tool::Select;
        }
    }

    // ---------------------------------------------------------------- context menu

    pub(super) fn handle_context_menu(
        &mut self,
        response: &egui::Response,
        editor: &Editor,
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
                | Target::Rotate(id)
                | Target::ArrowEnd(id, _)
                | Target::Bend(id)
                    if !self.selection.contains(&id) =>
                {
                    self.select_with_group(editor.doc(), id, false)
                }
                Target::Empty | Target::Header(_) => self.selection.clear(),
                _ => {}
            }
        }
        response.context_menu(|ui| self.context_menu(ui, editor, lang));
    }

    fn context_menu(&mut self, ui: &mut Ui, editor: &Editor, lang: Lang) {
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
            Some(e @ (Element::Card(_) | Element::Shape(_) | Element::Text(_))) => {
                let id = e.id();
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
            Some(e @ (Element::Illustration(_) | Element::Image(_))) => {
                let id = e.id();
                if ui.button(Msg::Crop.text(lang)).clicked() {
                    self.start_crop(editor, id);
                    ui.close();
                }
            }
            Some(Element::Stroke(_)) | None => {}
        }
        self.arrange_menu(ui, editor, lang);
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
