//! What is under the pointer: handles, connectors, elements, phase edges, headers.

use super::{CanvasView, Tool};
use crate::edit::Editor;
use crate::model::arrow;
use crate::model::{
    Element, ElementId, End, Frame, HEADER_HEIGHT, MIN_CARD_SIZE, PhaseId, Point, Rect,
};
use crate::scene::Transform;
use egui::{CursorIcon, Pos2, pos2, vec2};

/// Side of a resize handle, in screen points.
pub const HANDLE: f32 = 10.0;
/// Radius of an arrow's end and bend handles, in screen points.
pub const ARROW_HANDLE: f32 = 6.0;
/// Radius of a connector dot, in screen points.
pub const CONNECTOR: f32 = 5.5;
/// How far outside its element a connector sits at 100 % zoom and more, in screen points.
pub const CONNECTOR_OFFSET: f32 = 14.0;

/// How far outside its element a connector sits at `zoom`: closer when zoomed out, where the
/// gap to the next element is small on screen, so the dot never covers that one's text; never
/// so close that it covers this one's edge.
pub fn connector_offset(zoom: f32) -> f32 {
    (CONNECTOR_OFFSET * zoom).clamp(CONNECTOR + 1.0, CONNECTOR_OFFSET)
}
/// How near (screen points) the pointer must be to grab a phase border or the board's edge.
const EDGE_GRAB: f32 = 6.0;
/// How near (screen points) the pointer must be to an arrow's line to hit it.
pub const ARROW_TOLERANCE: f32 = 6.0;
/// How far above its box the turning handle sits, in screen points.
pub const ROTATE_OFFSET: f32 = 30.0;

/// `start` resized by dragging `handle` from `origin` to `now` (world points): the drag is
/// measured along the box's own (turned) axes, and the opposite side or corner stays put.
pub fn resize_frame(
    start: Frame,
    handle: Handle,
    origin: Point,
    now: Point,
    min: (f32, f32),
) -> Frame {
    let (ldx, ldy) = local_delta(&start, origin, now);
    let rect = handle.resize_min(start.rect, ldx, ldy, min);
    keep_anchor(start, handle, rect)
}

/// Like [`resize_frame`], keeping the box's proportions (a picture's): a corner scales both
/// sides alike, a side's handle scales the other side about its middle.
pub fn resize_frame_keeping_aspect(
    start: Frame,
    handle: Handle,
    origin: Point,
    now: Point,
    min: (f32, f32),
) -> Frame {
    let (ldx, ldy) = local_delta(&start, origin, now);
    let free = handle.resize_min(start.rect, ldx, ldy, min);
    let s = start.rect;
    if s.w <= 0.0 || s.h <= 0.0 {
        return keep_anchor(start, handle, free);
    }
    let (ax, ay) = handle.anchor();
    let lowest = (min.0 / s.w).max(min.1 / s.h);
    let k = if ax != 0.5 && ay != 0.5 {
        (free.w / s.w).max(free.h / s.h)
    } else if ax == 0.5 {
        free.h / s.h
    } else {
        free.w / s.w
    }
    .max(lowest);
    let (w, h) = (s.w * k, s.h * k);
    // The opposite side or corner stays where it was (the middle, across a side's handle).
    let fx = s.x + (1.0 - ax) * s.w;
    let fy = s.y + (1.0 - ay) * s.h;
    let rect = Rect::new(fx - (1.0 - ax) * w, fy - (1.0 - ay) * h, w, h);
    keep_anchor(start, handle, rect)
}

/// The drag from `origin` to `now` along the frame's own (turned) axes.
fn local_delta(start: &Frame, origin: Point, now: Point) -> (f32, f32) {
    let (s, c) = (-start.rotation).to_radians().sin_cos();
    let (dx, dy) = (now.x - origin.x, now.y - origin.y);
    (dx * c - dy * s, dx * s + dy * c)
}

/// `start` cropped by dragging `handle` from `origin` to `now`: the box's side moves over
/// the picture, which stays where it is; the box never leaves the picture.
pub fn crop_picture(
    start: &crate::model::Picture,
    handle: Handle,
    origin: Point,
    now: Point,
) -> crate::model::Picture {
    use crate::model::Crop;
    let frame = start.frame();
    let r = start.rect;
    let c = shown_crop(start);
    // The whole picture, in the box's own (unturned) coordinates.
    let full = Rect::new(
        r.x - c.x / c.w * r.w,
        r.y - c.y / c.h * r.h,
        r.w / c.w,
        r.h / c.h,
    );
    let (ldx, ldy) = local_delta(&frame, origin, now);
    let min = (full.w * Crop::MIN, full.h * Crop::MIN);
    let moved = handle.resize_min(r, ldx, ldy, min);
    let (x0, x1) = (moved.x.max(full.x), moved.right().min(full.right()));
    let (y0, y1) = (moved.y.max(full.y), moved.bottom().min(full.bottom()));
    let rect = Rect::new(x0, y0, (x1 - x0).max(min.0), (y1 - y0).max(min.1));
    let shown = Crop {
        x: ((rect.x - full.x) / full.w).clamp(0.0, 1.0),
        y: ((rect.y - full.y) / full.h).clamp(0.0, 1.0),
        w: (rect.w / full.w).clamp(Crop::MIN, 1.0),
        h: (rect.h / full.h).clamp(Crop::MIN, 1.0),
    };
    let f = keep_anchor(frame, handle, rect);
    crate::model::Picture {
        rect: f.rect,
        crop: flipped(start, shown),
        ..start.clone()
    }
}

/// A crop as the box shows it, from its left and top edges as seen (a flipped picture's crop
/// is kept in the picture's own, unflipped terms).
fn shown_crop(p: &crate::model::Picture) -> crate::model::Crop {
    flipped(p, p.crop)
}

/// `c` mirrored as `p` is flipped (its own inverse).
fn flipped(p: &crate::model::Picture, c: crate::model::Crop) -> crate::model::Crop {
    crate::model::Crop {
        x: if p.flip_x {
            (1.0 - c.x - c.w).max(0.0)
        } else {
            c.x
        },
        y: if p.flip_y {
            (1.0 - c.y - c.h).max(0.0)
        } else {
            c.y
        },
        ..c
    }
}

/// The picture's whole, uncropped box (turned as the picture is), in world points.
pub fn uncropped(p: &crate::model::Picture) -> crate::model::Picture {
    let (r, c) = (p.rect, shown_crop(p));
    let full = Rect::new(
        r.x - c.x / c.w * r.w,
        r.y - c.y / c.h * r.h,
        r.w / c.w,
        r.h / c.h,
    );
    // Turned about its own middle, the whole box must put the shown part where it is.
    let shown_mid = p.frame().to_world(r.center());
    let moved = Frame::new(full, p.rotation).to_world(r.center());
    crate::model::Picture {
        rect: full.translated(shown_mid.x - moved.x, shown_mid.y - moved.y),
        crop: crate::model::Crop::FULL,
        ..p.clone()
    }
}

/// `rect` placed so that the point of it opposite `handle` is where it was in `start`.
fn keep_anchor(start: Frame, handle: Handle, rect: Rect) -> Frame {
    let (ax, ay) = handle.anchor();
    let at = |r: Rect| Point::new(r.x + (1.0 - ax) * r.w, r.y + (1.0 - ay) * r.h);
    let before = start.to_world(at(start.rect));
    let moved = Frame::new(rect, start.rotation);
    let after = moved.to_world(at(rect));
    Frame::new(
        rect.translated(before.x - after.x, before.y - after.y),
        start.rotation,
    )
}

/// The resize handles an element shows: free text is made wider or narrower only (its
/// height is its text's).
pub fn handles_of(e: &Element) -> &'static [Handle] {
    match e {
        Element::Text(_) => &[Handle::W, Handle::E],
        Element::Card(_)
        | Element::Shape(_)
        | Element::Stroke(_)
        | Element::Arrow(_)
        | Element::Illustration(_)
        | Element::Image(_) => &Handle::ALL,
    }
}

/// Where a handle sits on a frame, on screen.
pub fn handle_pos(f: &Frame, h: Handle, xf: &Transform) -> Pos2 {
    let (ax, ay) = h.anchor();
    let r = f.rect;
    xf.to_screen(f.to_world(Point::new(r.x + ax * r.w, r.y + ay * r.h)))
}

/// Where the turning handle of a frame sits, on screen.
pub fn rotate_handle_pos(f: &Frame, xf: &Transform) -> Pos2 {
    let r = f.rect;
    let top = Point::new(r.center().x, r.y - ROTATE_OFFSET / xf.zoom);
    xf.to_screen(f.to_world(top))
}

/// The eight resize handles of an element's box.
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
    pub const ALL: [Handle; 8] = [
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
    pub fn anchor(self) -> (f32, f32) {
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

    /// `start` resized by dragging this handle by (dx, dy), never smaller than a card may be
    /// (see [`Handle::resize_min`] for other kinds).
    pub fn resize(self, start: Rect, dx: f32, dy: f32) -> Rect {
        self.resize_min(start, dx, dy, MIN_CARD_SIZE)
    }

    /// `start` resized by dragging this handle by (dx, dy), never smaller than `min`.
    pub fn resize_min(self, start: Rect, dx: f32, dy: f32, min: (f32, f32)) -> Rect {
        let (ax, ay) = self.anchor();
        let (min_w, min_h) = min;
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

/// The middle of each side of an element's box, where arrows can be pulled out of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Top,
    Right,
    Bottom,
    Left,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::Top, Side::Right, Side::Bottom, Side::Left];

    /// The point on the box, as fractions of its width and height.
    pub fn at(self) -> Point {
        match self {
            Side::Top => Point::new(0.5, 0.0),
            Side::Right => Point::new(1.0, 0.5),
            Side::Bottom => Point::new(0.5, 1.0),
            Side::Left => Point::new(0.0, 0.5),
        }
    }

    /// Where its connector dot is drawn for a box at `r` on screen, at `zoom`.
    pub fn connector(self, r: egui::Rect, zoom: f32) -> Pos2 {
        let a = self.at();
        let p = pos2(r.left() + a.x * r.width(), r.top() + a.y * r.height());
        let out = vec2((a.x - 0.5) * 2.0, (a.y - 0.5) * 2.0);
        p + out * connector_offset(zoom)
    }
}

/// What is under the pointer, in order of precedence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    Handle(ElementId, Handle),
    /// A handle of the box around several selected elements.
    SelectionHandle(Handle),
    /// The handle that turns an element.
    Rotate(ElementId),
    ArrowEnd(ElementId, End),
    Bend(ElementId),
    Connector(ElementId, Side),
    Element(ElementId),
    /// The right edge of a phase.
    PhaseEdge(PhaseId),
    /// The bottom edge of a theme (lane).
    LaneEdge(usize),
    /// A theme's title cell, left of the board: dragged, it reorders the themes.
    LaneTitle(usize),
    BoardBottom,
    Header(PhaseId),
    Empty,
}

impl CanvasView {
    /// The one selected element, if exactly one is selected.
    pub fn single_selected<'a>(&self, editor: &'a Editor) -> Option<&'a Element> {
        if self.selection.len() != 1 {
            return None;
        }
        self.selection
            .iter()
            .next()
            .and_then(|id| editor.doc().elements.get(*id))
    }

    /// The element whose connectors show: the one hovered, or the one selected alone. Any
    /// element with an upright box has them (a turned one is bound to by the arrow tool).
    pub(super) fn connector_card(&self, editor: &Editor) -> Option<ElementId> {
        if self.editing.is_some() || self.label_editing.is_some() {
            return None;
        }
        let doc = editor.doc();
        let has = |e: &Element| e.frame().is_some_and(|f| f.rotation == 0.0) && !e.locked();
        self.hovered_card
            .filter(|id| doc.elements.get(*id).is_some_and(has))
            .or_else(|| {
                self.single_selected(editor)
                    .filter(|e| has(e))
                    .map(Element::id)
            })
    }

    /// The sides of `id` that show a connector: all four, but the top of a selected element
    /// that turns, where its turning handle is.
    pub(super) fn connector_sides(&self, editor: &Editor, id: ElementId) -> Vec<Side> {
        let turning = self.selection.len() == 1
            && self.selection.contains(&id)
            && editor.doc().elements.get(id).is_some_and(Element::turns);
        Side::ALL
            .into_iter()
            .filter(|s| !(turning && *s == Side::Top))
            .collect()
    }

    /// The box around the selected elements that resize together (two or more with a box,
    /// none locked), if there is one.
    pub(super) fn selection_box(&self, editor: &Editor) -> Option<Rect> {
        if self.selection.len() < 2 {
            return None;
        }
        let doc = editor.doc();
        let chosen: Vec<&Element> = self.selected_in_order(doc);
        if chosen.iter().any(|e| e.locked()) {
            return None;
        }
        let boxes: Vec<Rect> = chosen
            .iter()
            .filter_map(|e| e.frame().map(|f| f.bounds()))
            .collect();
        if boxes.len() < 2 {
            return None;
        }
        boxes.into_iter().reduce(|a, b| a.union(&b))
    }

    pub(super) fn target_at(&self, editor: &Editor, xf: &Transform, pos: Pos2) -> Target {
        let doc = editor.doc();
        let w = xf.to_world(pos);
        if self.tool == Tool::Select
            && let Some(b) = self.selection_box(editor)
        {
            let f = Frame::upright(b);
            for h in Handle::ALL {
                if (pos - handle_pos(&f, h, xf)).length() <= HANDLE / 2.0 + 4.0 {
                    return Target::SelectionHandle(h);
                }
            }
        }
        if self.tool == Tool::Select
            && let Some(e) = self.single_selected(editor)
        {
            match (e, e.frame()) {
                (_, Some(f)) if !e.locked() => {
                    if e.turns() && (rotate_handle_pos(&f, xf) - pos).length() <= ARROW_HANDLE + 3.0
                    {
                        return Target::Rotate(e.id());
                    }
                    for &h in handles_of(e) {
                        let at = handle_pos(&f, h, xf);
                        if (pos - at).length() <= HANDLE / 2.0 + 4.0 {
                            return Target::Handle(e.id(), h);
                        }
                    }
                }
                (Element::Arrow(a), _) if !a.locked => {
                    let path = arrow::resolve(doc, a);
                    for (which, p) in [(End::Start, path.start()), (End::End, path.end())] {
                        if (xf.to_screen(p) - pos).length() <= ARROW_HANDLE + 3.0 {
                            return Target::ArrowEnd(a.id, which);
                        }
                    }
                    let handle =
                        arrow::bend_handle(&a.label, &path, (ARROW_HANDLE + 3.0) / xf.zoom);
                    if (xf.to_screen(handle) - pos).length() <= ARROW_HANDLE + 3.0 {
                        return Target::Bend(a.id);
                    }
                }
                _ => {}
            }
        }
        if self.tool == Tool::Select
            && let Some(id) = self.connector_card(editor)
            && let Some(r) = doc.elements.get(id).and_then(Element::rect)
        {
            let r = xf.rect_to_screen(&r);
            for side in self.connector_sides(editor, id) {
                if (side.connector(r, xf.zoom) - pos).length() <= CONNECTOR + 4.0 {
                    return Target::Connector(id, side);
                }
            }
        }
        if let Some(id) = editor.index().hit(doc, w, ARROW_TOLERANCE / xf.zoom) {
            return Target::Element(id);
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
        let lanes_left = board.x - crate::model::LANE_TITLE_WIDTH;
        if w.x >= lanes_left && w.x <= board.right() {
            for i in 0..doc.lanes.len() {
                if let Some(r) = doc.lane_rect(i)
                    && (w.y - r.bottom()).abs() <= grab
                {
                    return Target::LaneEdge(i);
                }
            }
        }
        if (w.y - board.bottom()).abs() <= grab && w.x >= board.x && w.x <= board.right() {
            return Target::BoardBottom;
        }
        for i in 0..doc.lanes.len() {
            if doc.lane_title_rect(i).is_some_and(|r| r.contains(w)) {
                return Target::LaneTitle(i);
            }
        }
        if w.y >= 0.0
            && w.y <= HEADER_HEIGHT
            && let Some(p) = doc.phase_at_x(w.x)
        {
            return Target::Header(p);
        }
        Target::Empty
    }

    /// The element an arrow end dropped at `w` would bind to, if any (never `except`).
    pub(super) fn bind_target(
        &self,
        editor: &Editor,
        w: Point,
        except: Option<ElementId>,
    ) -> Option<ElementId> {
        editor.index().hit_where(editor.doc(), w, 0.0, |e| {
            e.is_bindable() && Some(e.id()) != except
        })
    }

    pub(super) fn cursor_for(&self, target: Target) -> CursorIcon {
        match self.tool {
            Tool::Arrow | Tool::Shape(_) | Tool::Pen | Tool::Highlighter | Tool::Eraser => {
                return CursorIcon::Crosshair;
            }
            Tool::Text => return CursorIcon::Text,
            Tool::Select => {}
        }
        match target {
            Target::Handle(_, h) | Target::SelectionHandle(h) => h.cursor(),
            Target::Rotate(_) => CursorIcon::Alias,
            Target::ArrowEnd(..) | Target::Bend(_) => CursorIcon::Move,
            Target::Connector(..) => CursorIcon::Crosshair,
            Target::Element(_) => CursorIcon::Grab,
            Target::PhaseEdge(_) => CursorIcon::ResizeColumn,
            Target::BoardBottom | Target::LaneEdge(_) => CursorIcon::ResizeRow,
            Target::LaneTitle(_) => CursorIcon::Grab,
            Target::Header(_) | Target::Empty => CursorIcon::Default,
        }
    }
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

    #[test]
    fn a_turned_box_resizes_along_its_own_axes_and_keeps_its_opposite_corner() {
        let start = Frame::new(Rect::new(0.0, 0.0, 200.0, 100.0), 90.0);
        let fixed = start.to_world(Point::new(0.0, 0.0));
        // Turned a quarter clockwise, the box's right edge faces down: pulling the SE
        // handle 50 down widens it.
        let f = resize_frame(
            start,
            Handle::SE,
            Point::new(0.0, 0.0),
            Point::new(0.0, 50.0),
            (10.0, 10.0),
        );
        assert!(
            (f.rect.w - 250.0).abs() < 0.01 && (f.rect.h - 100.0).abs() < 0.01,
            "{f:?}"
        );
        let now = f.to_world(Point::new(f.rect.x, f.rect.y));
        assert!((now.x - fixed.x).abs() < 0.01 && (now.y - fixed.y).abs() < 0.01);
    }

    #[test]
    fn cropping_moves_the_edge_over_a_picture_that_stays_put_flipped_or_not() {
        use crate::model::{Crop, FileId, Picture};
        for (fx, fy, turn) in [
            (false, false, 0.0),
            (true, false, 0.0),
            (false, true, 30.0),
            (true, true, 315.0),
        ] {
            let mut p = Picture::new(
                ElementId(1),
                Rect::new(100.0, 100.0, 300.0, 200.0),
                FileId::of(b"x"),
            );
            p.flip_x = fx;
            p.flip_y = fy;
            p.rotation = turn;
            p.crop = Crop {
                x: 0.1,
                y: 0.2,
                w: 0.6,
                h: 0.7,
            };
            let whole = uncropped(&p);
            for h in [Handle::W, Handle::E, Handle::N, Handle::SE] {
                let cropped = crop_picture(&p, h, Point::new(0.0, 0.0), Point::new(20.0, 15.0));
                let after = uncropped(&cropped);
                let same = |a: f32, b: f32| (a - b).abs() < 0.01;
                assert!(
                    same(after.rect.x, whole.rect.x)
                        && same(after.rect.y, whole.rect.y)
                        && same(after.rect.w, whole.rect.w)
                        && same(after.rect.h, whole.rect.h),
                    "flip {fx} {fy}, turn {turn}, {h:?}: {:?} vs {:?}",
                    after.rect,
                    whole.rect
                );
                assert!(
                    cropped.validate().is_ok(),
                    "{:?} {:?}",
                    cropped.validate(),
                    cropped.crop
                );
                // And the picture's own point (0.45, 0.55) is where it was on the canvas.
                let at = |q: &Picture| {
                    let [tl, tr, _, bl] = q.frame().corners();
                    let uv = q.uv_corners();
                    let s = (0.45 - uv[0].0) / (uv[1].0 - uv[0].0);
                    let t = (0.55 - uv[0].1) / (uv[3].1 - uv[0].1);
                    Point::new(
                        tl.x + s * (tr.x - tl.x) + t * (bl.x - tl.x),
                        tl.y + s * (tr.y - tl.y) + t * (bl.y - tl.y),
                    )
                };
                let (a, b) = (at(&p), at(&cropped));
                assert!(
                    same(a.x, b.x) && same(a.y, b.y),
                    "flip {fx} {fy}, {h:?}: {a:?} → {b:?}"
                );
            }
        }
    }

    #[test]
    fn connectors_sit_outside_the_middle_of_each_side() {
        let r = egui::Rect::from_min_size(pos2(100.0, 100.0), vec2(200.0, 100.0));
        assert_eq!(
            Side::Right.connector(r, 1.0),
            pos2(300.0 + CONNECTOR_OFFSET, 150.0)
        );
        // Zoomed out, closer to the card but still clear of its edge.
        let near = Side::Left.connector(r, 0.3);
        assert!(near.x < 100.0 - CONNECTOR && near.x > 100.0 - CONNECTOR_OFFSET);
        assert_eq!(
            Side::Top.connector(r, 2.0),
            pos2(200.0, 100.0 - CONNECTOR_OFFSET)
        );
    }
}
