//! Arrows: the lines of cause and movement between cards, and their geometry.
//!
//! An end is either free (a point) or bound to an element by its id and a point on the
//! element's box given as fractions of its width and height (0–1, as Excalidraw does), so a
//! bound end follows its element when it moves or resizes. Where an arrow is drawn is worked
//! out from the document each time ([`resolve`]); nothing derived is stored.

use super::frame::{GroupId, OrderKey, is_false};
use crate::model::{CardColor, Document, ElementId, MAX_COORD, Point, Rect};
use serde::{Deserialize, Serialize};

/// The box an arrow's drawing occupies (line, heads and label): it depends on where the
/// elements it is bound to are.
pub fn bounds(doc: &Document, a: &Arrow) -> Rect {
    let path = resolve(doc, a);
    let b = path.bounds().expand(reach(a));
    if a.label.is_empty() {
        b
    } else {
        b.union(&label_place(&a.label, &path))
    }
}

/// Whether `p` is on the arrow's line (within `slop` world points) or on its label.
pub fn hits(doc: &Document, a: &Arrow, p: Point, slop: f32) -> bool {
    let path = resolve(doc, a);
    path.distance_to(p) <= slop + a.width.points() / 2.0
        || (!a.label.is_empty() && label_place(&a.label, &path).contains(p))
}

impl Arrow {
    /// Checks what serde cannot; the message starts with the field's path inside the arrow.
    pub fn validate(&self) -> Result<(), String> {
        let sane = |v: f32| v.is_finite() && v.abs() <= MAX_COORD;
        for (name, end) in [("start", &self.start), ("end", &self.end)] {
            if !sane(end.point.x) || !sane(end.point.y) {
                return Err(format!(
                    "{name}.point: a coordinate is out of range (at most {MAX_COORD:e})"
                ));
            }
            if let Some(b) = end.bind {
                let unit = |v: f32| (0.0..=1.0).contains(&v);
                if !unit(b.at.x) || !unit(b.at.y) {
                    return Err(format!(
                        "{name}.bind.at: must be between 0 and 1 (found {}, {})",
                        b.at.x, b.at.y
                    ));
                }
            }
        }
        if !sane(self.bend) {
            return Err(format!("bend: {} is out of range", self.bend));
        }
        super::frame::validate_text("label", &self.label)?;
        Ok(())
    }
}

/// Corner radius of cards in world points: bound ends stop at this rounded outline.
pub const CARD_RADIUS: f32 = 6.0;

/// How the line runs from start to end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Route {
    #[default]
    #[serde(rename = "straight")]
    Straight,
    /// A smooth curve; `bend` moves its middle sideways.
    #[serde(rename = "curved")]
    Curved,
    /// Horizontal and vertical segments; `bend` moves the middle segment.
    #[serde(rename = "elbow")]
    Elbow,
}

impl Route {
    pub const ALL: [Route; 3] = [Route::Straight, Route::Curved, Route::Elbow];
}

/// What an end of an arrow looks like.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Head {
    #[default]
    #[serde(rename = "none")]
    None,
    #[serde(rename = "triangle")]
    Triangle,
    #[serde(rename = "open")]
    Open,
    #[serde(rename = "dot")]
    Dot,
}

impl Head {
    pub const ALL: [Head; 4] = [Head::None, Head::Triangle, Head::Open, Head::Dot];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LineStyle {
    #[default]
    #[serde(rename = "solid")]
    Solid,
    #[serde(rename = "dashed")]
    Dashed,
    #[serde(rename = "dotted")]
    Dotted,
}

impl LineStyle {
    pub const ALL: [LineStyle; 3] = [LineStyle::Solid, LineStyle::Dashed, LineStyle::Dotted];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LineWidth {
    #[serde(rename = "thin")]
    Thin,
    #[default]
    #[serde(rename = "medium")]
    Medium,
    #[serde(rename = "bold")]
    Bold,
}

impl LineWidth {
    pub const ALL: [LineWidth; 3] = [LineWidth::Thin, LineWidth::Medium, LineWidth::Bold];

    /// Stroke width in world points.
    pub fn points(self) -> f32 {
        match self {
            LineWidth::Thin => 1.5,
            LineWidth::Medium => 3.0,
            LineWidth::Bold => 5.0,
        }
    }
}

/// Where a bound end is attached: an element, and a point on its box in fractions of its
/// width and height ((0.5, 0.5) is the centre, (1, 0.5) the middle of the right side).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Binding {
    #[serde(rename = "element")]
    pub element: ElementId,
    #[serde(rename = "at")]
    pub at: Point,
}

/// One end of an arrow.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArrowEnd {
    /// The end's position when free. When bound, where it was when last placed: used only if
    /// the element it is bound to is missing.
    #[serde(rename = "point")]
    pub point: Point,
    #[serde(rename = "bind", default, skip_serializing_if = "Option::is_none")]
    pub bind: Option<Binding>,
}

impl ArrowEnd {
    pub fn free(point: Point) -> Self {
        Self { point, bind: None }
    }

    pub fn bound(point: Point, element: ElementId, at: Point) -> Self {
        Self {
            point,
            bind: Some(Binding { element, at }),
        }
    }
}

/// An arrow between two points or elements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Arrow {
    #[serde(rename = "id")]
    pub id: ElementId,
    #[serde(rename = "order", default)]
    pub order: OrderKey,
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupId>,
    #[serde(rename = "locked", default, skip_serializing_if = "is_false")]
    pub locked: bool,
    /// Its place in the presentation: shown at this step of its phase (version 6).
    #[serde(rename = "step", default, skip_serializing_if = "Option::is_none")]
    pub step: Option<u32>,
    #[serde(rename = "start")]
    pub start: ArrowEnd,
    #[serde(rename = "end")]
    pub end: ArrowEnd,
    #[serde(rename = "route")]
    pub route: Route,
    /// How far the middle of a curved arrow, or the middle segment of an elbow arrow, is
    /// moved sideways, in world points (0 = none).
    #[serde(rename = "bend")]
    pub bend: f32,
    #[serde(rename = "start_head")]
    pub start_head: Head,
    #[serde(rename = "end_head")]
    pub end_head: Head,
    #[serde(rename = "style")]
    pub style: LineStyle,
    #[serde(rename = "width")]
    pub width: LineWidth,
    #[serde(rename = "color")]
    pub color: CardColor,
    #[serde(rename = "label")]
    pub label: String,
}

impl Arrow {
    /// A plain arrow with a head at its end.
    pub fn new(id: ElementId, start: ArrowEnd, end: ArrowEnd) -> Self {
        Self {
            id,
            order: OrderKey::default(),
            group: None,
            locked: false,
            step: None,
            start,
            end,
            route: Route::Straight,
            bend: 0.0,
            start_head: Head::None,
            end_head: Head::Triangle,
            style: LineStyle::Solid,
            width: LineWidth::Medium,
            color: CardColor::Navy,
            label: String::new(),
        }
    }

    pub fn is_bound_to(&self, id: ElementId) -> bool {
        [self.start.bind, self.end.bind]
            .iter()
            .flatten()
            .any(|b| b.element == id)
    }

    /// The end numbered 0 (start) or 1 (end).
    pub fn end_mut(&mut self, which: End) -> &mut ArrowEnd {
        match which {
            End::Start => &mut self.start,
            End::End => &mut self.end,
        }
    }

    pub fn end_ref(&self, which: End) -> &ArrowEnd {
        match which {
            End::Start => &self.start,
            End::End => &self.end,
        }
    }
}

/// Which end of an arrow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum End {
    Start,
    End,
}

/// Whether `p` is inside `r` with its corners rounded by `radius`.
pub fn inside_rounded(r: &Rect, radius: f32, p: Point) -> bool {
    if !r.contains(p) {
        return false;
    }
    let rad = radius.min(r.w / 2.0).min(r.h / 2.0).max(0.0);
    let cx = p.x.clamp(r.x + rad, r.right() - rad);
    let cy = p.y.clamp(r.y + rad, r.bottom() - rad);
    let (dx, dy) = (p.x - cx, p.y - cy);
    dx * dx + dy * dy <= rad * rad
}

/// The outline a bound end stops at: a card's rounded box, or the polygon a shape or turned
/// box is drawn with.
#[derive(Clone, Debug)]
enum Boundary {
    Rounded(Rect),
    Poly(Vec<[f32; 2]>),
}

impl Boundary {
    fn contains(&self, p: Point) -> bool {
        match self {
            Boundary::Rounded(r) => inside_rounded(r, CARD_RADIUS, p),
            Boundary::Poly(pts) => super::shape_geom::contains(pts, [p.x, p.y]),
        }
    }
}

/// Where an end is, and the outline it must stop outside of (for bound ends).
fn anchor(doc: &Document, end: &ArrowEnd) -> (Point, Option<Boundary>) {
    use crate::model::Element;
    let Some(b) = end.bind else {
        return (end.point, None);
    };
    let Some(e) = doc.elements.get(b.element) else {
        // Bound to something missing: where it was last placed.
        return (end.point, None);
    };
    let Some(f) = e.frame() else {
        // Bound to another arrow: where it was last placed.
        return (end.point, None);
    };
    let r = f.rect;
    let at = Point::new(b.at.x.clamp(0.0, 1.0), b.at.y.clamp(0.0, 1.0));
    let p = f.to_world(Point::new(r.x + at.x * r.w, r.y + at.y * r.h));
    let boundary = match e {
        Element::Card(c) => Boundary::Rounded(c.rect),
        Element::Shape(s) => Boundary::Poly(s.polygon().iter().map(|q| [q.x, q.y]).collect()),
        Element::Text(_)
        | Element::Stroke(_)
        | Element::Arrow(_)
        | Element::Illustration(_)
        | Element::Image(_) => Boundary::Poly(f.corners().iter().map(|q| [q.x, q.y]).collect()),
    };
    // A point of the box outside the outline (the middle of a block arrow's top, say) is
    // brought in along the line from the centre, onto the outline: the arrow touches the shape.
    let centre = f.to_world(r.center());
    let p = if boundary.contains(p) || !boundary.contains(centre) {
        p
    } else {
        bisect(centre, p, |q| boundary.contains(q))
    };
    (p, Some(boundary))
}

fn lerp(a: Point, b: Point, t: f32) -> Point {
    Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
}

fn dist(a: Point, b: Point) -> f32 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// The line of an arrow, as worked out from the document: clipped to the outlines of the
/// elements its ends are bound to.
#[derive(Clone, Debug, PartialEq)]
pub enum ArrowPath {
    /// Straight and elbow arrows: corner points, start to end.
    Poly(Vec<Point>),
    /// A quadratic curve from `p0` through control `c` to `p2`, drawn for t in `t0..=t1`.
    Quad {
        p0: Point,
        c: Point,
        p2: Point,
        t0: f32,
        t1: f32,
    },
}

fn quad(p0: Point, c: Point, p2: Point, t: f32) -> Point {
    let u = 1.0 - t;
    Point::new(
        u * u * p0.x + 2.0 * u * t * c.x + t * t * p2.x,
        u * u * p0.y + 2.0 * u * t * c.y + t * t * p2.y,
    )
}

impl ArrowPath {
    /// The line as points. Curves are cut into `curve_segments` pieces (more when drawn large).
    pub fn points(&self, curve_segments: usize) -> Vec<Point> {
        match self {
            ArrowPath::Poly(pts) => pts.clone(),
            ArrowPath::Quad { p0, c, p2, t0, t1 } => {
                let n = curve_segments.max(2);
                (0..=n)
                    .map(|i| quad(*p0, *c, *p2, t0 + (t1 - t0) * i as f32 / n as f32))
                    .collect()
            }
        }
    }

    pub fn start(&self) -> Point {
        match self {
            ArrowPath::Poly(pts) => pts.first().copied().unwrap_or_default(),
            ArrowPath::Quad { p0, c, p2, t0, .. } => quad(*p0, *c, *p2, *t0),
        }
    }

    pub fn end(&self) -> Point {
        match self {
            ArrowPath::Poly(pts) => pts.last().copied().unwrap_or_default(),
            ArrowPath::Quad { p0, c, p2, t1, .. } => quad(*p0, *c, *p2, *t1),
        }
    }

    /// Unit vector along the line as it arrives at `which` end, pointing out of the line.
    pub fn direction_at(&self, which: End) -> Point {
        let (a, b) = match (self, which) {
            (ArrowPath::Quad { p0, c, p2, t0, t1 }, End::End) => (
                quad(*p0, *c, *p2, (t1 - 0.01).max(*t0)),
                quad(*p0, *c, *p2, *t1),
            ),
            (ArrowPath::Quad { p0, c, p2, t0, t1 }, End::Start) => (
                quad(*p0, *c, *p2, (t0 + 0.01).min(*t1)),
                quad(*p0, *c, *p2, *t0),
            ),
            (ArrowPath::Poly(pts), End::End) => {
                let n = pts.len();
                let last = pts.get(n.wrapping_sub(1)).copied().unwrap_or_default();
                let prev = pts[..n.saturating_sub(1)]
                    .iter()
                    .rev()
                    .find(|p| dist(**p, last) > 1e-3)
                    .copied()
                    .unwrap_or(last);
                (prev, last)
            }
            (ArrowPath::Poly(pts), End::Start) => {
                let first = pts.first().copied().unwrap_or_default();
                let next = pts
                    .iter()
                    .skip(1)
                    .find(|p| dist(**p, first) > 1e-3)
                    .copied()
                    .unwrap_or(first);
                (next, first)
            }
        };
        let d = dist(a, b);
        if d < 1e-6 {
            Point::new(1.0, 0.0)
        } else {
            Point::new((b.x - a.x) / d, (b.y - a.y) / d)
        }
    }

    /// The point halfway along the line, where the label and the bend handle sit.
    pub fn midpoint(&self) -> Point {
        self.along(0.5).0
    }

    /// The point at fraction `t` (0–1) of the line's length, and the unit direction of the
    /// line there.
    pub fn along(&self, t: f32) -> (Point, Point) {
        let pts = self.points(32);
        let total: f32 = pts.windows(2).map(|w| dist(w[0], w[1])).sum();
        let mut left = total * t.clamp(0.0, 1.0);
        let mut dir = Point::new(1.0, 0.0);
        for w in pts.windows(2) {
            let d = dist(w[0], w[1]);
            if d > 0.0 {
                dir = Point::new((w[1].x - w[0].x) / d, (w[1].y - w[0].y) / d);
                if d >= left {
                    return (lerp(w[0], w[1], left / d), dir);
                }
            }
            left -= d;
        }
        (self.end(), dir)
    }

    /// Shortest distance from `p` to the line.
    pub fn distance_to(&self, p: Point) -> f32 {
        let pts = self.points(48);
        if pts.len() == 1 {
            return dist(pts[0], p);
        }
        pts.windows(2)
            .map(|w| segment_distance(w[0], w[1], p))
            .fold(f32::INFINITY, f32::min)
    }

    /// The box the line (not its heads or label) covers.
    pub fn bounds(&self) -> Rect {
        let pts = self.points(16);
        let first = pts.first().copied().unwrap_or_default();
        pts.iter()
            .fold(Rect::new(first.x, first.y, 0.0, 0.0), |r, p| {
                r.union(&Rect::new(p.x, p.y, 0.0, 0.0))
            })
    }

    /// Length of the line.
    pub fn length(&self) -> f32 {
        self.points(32).windows(2).map(|w| dist(w[0], w[1])).sum()
    }
}

/// Distance from `p` to the segment `a`–`b`.
pub fn segment_distance(a: Point, b: Point, p: Point) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    if len2 <= f32::EPSILON {
        return dist(a, p);
    }
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0);
    dist(Point::new(a.x + t * dx, a.y + t * dy), p)
}

/// The corner points of an elbow route from `s` to `e`: three segments, horizontal first if
/// the ends are further apart across than down; the middle segment moved by `bend`.
fn elbow(s: Point, e: Point, bend: f32) -> Vec<Point> {
    if (e.x - s.x).abs() >= (e.y - s.y).abs() {
        let mx = (s.x + e.x) / 2.0 + bend;
        vec![s, Point::new(mx, s.y), Point::new(mx, e.y), e]
    } else {
        let my = (s.y + e.y) / 2.0 + bend;
        vec![s, Point::new(s.x, my), Point::new(e.x, my), e]
    }
}

/// The control point of a curved arrow from `s` to `e` whose middle is moved `bend` along
/// [`bend_normal`].
fn curve_control(s: Point, e: Point, bend: f32) -> Point {
    let m = lerp(s, e, 0.5);
    let d = dist(s, e).max(1e-6);
    let n = Point::new(-(e.y - s.y) / d, (e.x - s.x) / d);
    // A quadratic curve passes halfway to its control point at t = 0.5.
    Point::new(m.x + n.x * 2.0 * bend, m.y + n.y * 2.0 * bend)
}

/// The unit normal a bend is measured along: (−dy, dx) for travel from `s` to `e`.
pub fn bend_normal(s: Point, e: Point) -> Point {
    let d = dist(s, e).max(1e-6);
    Point::new(-(e.y - s.y) / d, (e.x - s.x) / d)
}

/// Trims a polyline so it starts where it leaves `start_box` and ends where it enters
/// `end_box`. A line that never leaves its box is left alone.
fn trim_poly(
    mut pts: Vec<Point>,
    start_box: Option<&Boundary>,
    end_box: Option<&Boundary>,
) -> Vec<Point> {
    if let Some(b) = start_box
        && let Some(k) = pts.iter().position(|p| !b.contains(*p))
        && k > 0
    {
        let cross = bisect(pts[k - 1], pts[k], |p| b.contains(p));
        pts.drain(..k - 1);
        pts[0] = cross;
    }
    if let Some(b) = end_box
        && let Some(k) = pts.iter().rposition(|p| !b.contains(*p))
        && k + 1 < pts.len()
    {
        let cross = bisect(pts[k + 1], pts[k], |p| b.contains(p));
        pts.truncate(k + 2);
        let last = pts.len() - 1;
        pts[last] = cross;
    }
    pts
}

/// The point between `inside` (where `is_in` holds) and `outside` (where it does not) at
/// which the boundary is crossed, to a small fraction of a point.
fn bisect(mut inside: Point, mut outside: Point, is_in: impl Fn(Point) -> bool) -> Point {
    for _ in 0..24 {
        let m = lerp(inside, outside, 0.5);
        if is_in(m) {
            inside = m;
        } else {
            outside = m;
        }
    }
    outside
}

/// The curve parameter in `from..to` where the curve crosses out of `b`, searching from
/// `from` (which is inside).
fn bisect_t(p0: Point, c: Point, p2: Point, b: &Boundary, from: f32, to: f32) -> f32 {
    let inside = |t: f32| b.contains(quad(p0, c, p2, t));
    // Step until outside, then halve.
    let steps = 64;
    let mut prev = from;
    for i in 1..=steps {
        let t = from + (to - from) * i as f32 / steps as f32;
        if !inside(t) {
            let (mut a, mut z) = (prev, t);
            for _ in 0..24 {
                let m = (a + z) / 2.0;
                if inside(m) {
                    a = m;
                } else {
                    z = m;
                }
            }
            return z;
        }
        prev = t;
    }
    from
}

/// Where an arrow is drawn, worked out from the document.
pub fn resolve(doc: &Document, arrow: &Arrow) -> ArrowPath {
    let (s, sbox) = anchor(doc, &arrow.start);
    let (e, ebox) = anchor(doc, &arrow.end);
    // Both ends in one box (an arrow from a card to itself): do not clip it away.
    let same =
        matches!((arrow.start.bind, arrow.end.bind), (Some(a), Some(b)) if a.element == b.element);
    let (sbox, ebox) = if same { (None, None) } else { (sbox, ebox) };
    let (sbox, ebox) = (sbox.as_ref(), ebox.as_ref());
    match arrow.route {
        Route::Straight => ArrowPath::Poly(trim_poly(vec![s, e], sbox, ebox)),
        Route::Elbow => ArrowPath::Poly(trim_poly(elbow(s, e, arrow.bend), sbox, ebox)),
        Route::Curved => {
            let c = curve_control(s, e, arrow.bend);
            let t0 = match sbox {
                Some(b) if b.contains(s) => bisect_t(s, c, e, b, 0.0, 1.0),
                _ => 0.0,
            };
            let t1 = match ebox {
                Some(b) if b.contains(e) => 1.0 - bisect_t(e, c, s, b, 0.0, 1.0),
                _ => 1.0,
            };
            let (t0, t1) = if t0 < t1 { (t0, t1) } else { (0.0, 1.0) };
            ArrowPath::Quad {
                p0: s,
                c,
                p2: e,
                t0,
                t1,
            }
        }
    }
}

/// Roughly where an arrow's label sits, centred on the middle of its line `m`: an estimate
/// from the text's length (text is not laid out in the model), a little generous.
pub fn label_box(label: &str, m: Point) -> Rect {
    let lines = label.lines().count().max(1) as f32;
    let longest = label.lines().map(|l| l.chars().count()).max().unwrap_or(1) as f32;
    Rect::centered(
        m,
        (longest * 13.0 + 24.0).min(4000.0),
        (lines * 26.0 + 12.0).min(4000.0),
    )
}

/// Where an arrow's label sits: on the middle of its line, or beside the middle of a line
/// too short to show past the label (above it, or right of an upright line), so that the line
/// always shows. Returns the label's box.
pub fn label_place(label: &str, path: &ArrowPath) -> Rect {
    let (m, d) = path.along(0.5);
    let on_line = label_box(label, m);
    let along = d.x.abs() * on_line.w + d.y.abs() * on_line.h;
    if along <= 0.6 * path.length() {
        return on_line;
    }
    // The normal that points up (or, for an upright line, right).
    let mut n = Point::new(-d.y, d.x);
    if n.y > 0.0 || (n.y.abs() < 1e-3 && n.x < 0.0) {
        n = Point::new(-n.x, -n.y);
    }
    let across = n.x.abs() * on_line.w + n.y.abs() * on_line.h;
    let off = across / 2.0 + LABEL_GAP;
    label_box(label, Point::new(m.x + n.x * off, m.y + n.y * off))
}

/// Space between a short line and the label beside it, in world points.
const LABEL_GAP: f32 = 6.0;

/// Where an arrow's bend handle is: the middle of the line, or, where the label covers the
/// middle, on the line just past the label (by `clearance` world points, the handle's size),
/// so that the handle never sits on its text.
pub fn bend_handle(label: &str, path: &ArrowPath, clearance: f32) -> Point {
    let m = path.midpoint();
    if label.is_empty() {
        return m;
    }
    let zone = label_place(label, path).expand(clearance.max(0.0));
    if !zone.contains(m) {
        return m;
    }
    let pts = path.points(64);
    let total: f32 = pts.windows(2).map(|w| dist(w[0], w[1])).sum();
    // Index of the first point past the middle.
    let mut walked = 0.0;
    let mut mid = pts.len();
    for (i, w) in pts.windows(2).enumerate() {
        walked += dist(w[0], w[1]);
        if walked >= total / 2.0 {
            mid = i + 1;
            break;
        }
    }
    let leave = |from: Point, towards: &mut dyn Iterator<Item = &Point>| {
        let mut inside = from;
        for &p in towards {
            if !zone.contains(p) {
                return Some(bisect(inside, p, |q| zone.contains(q)));
            }
            inside = p;
        }
        None
    };
    leave(m, &mut pts.iter().skip(mid))
        .or_else(|| leave(m, &mut pts.iter().take(mid).rev()))
        .unwrap_or(m)
}

/// How far beyond its line an arrow's drawing reaches (heads, stroke), in world points.
pub fn reach(arrow: &Arrow) -> f32 {
    head_size(arrow.width) + arrow.width.points()
}

/// Length of an arrowhead, in world points.
pub fn head_size(width: LineWidth) -> f32 {
    width.points() * 3.0 + 8.0
}

/// Where the middle of the line is for the bend handle, and the bend that puts it at `p`.
pub fn bend_for(doc: &Document, arrow: &Arrow, p: Point) -> f32 {
    let (s, _) = anchor(doc, &arrow.start);
    let (e, _) = anchor(doc, &arrow.end);
    match arrow.route {
        Route::Curved | Route::Straight => {
            let n = bend_normal(s, e);
            let m = lerp(s, e, 0.5);
            (p.x - m.x) * n.x + (p.y - m.y) * n.y
        }
        Route::Elbow => {
            if (e.x - s.x).abs() >= (e.y - s.y).abs() {
                p.x - (s.x + e.x) / 2.0
            } else {
                p.y - (s.y + e.y) / 2.0
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Card;
    use crate::model::Element;

    fn doc_with(cards: &[(u64, Rect)]) -> Document {
        let mut doc = Document::new();
        for (id, r) in cards {
            doc.elements.push(Element::Card(Card::new(
                ElementId(*id),
                *r,
                "",
                CardColor::Yellow,
            )));
        }
        doc
    }

    fn near(a: Point, b: Point) -> bool {
        dist(a, b) < 0.01
    }

    #[test]
    fn a_label_goes_beside_a_short_line_and_the_bend_handle_off_the_label() {
        let line =
            |x1: f32, y1: f32| ArrowPath::Poly(vec![Point::new(0.0, 0.0), Point::new(x1, y1)]);
        // A long line: the label sits on its middle; the handle steps past the label.
        let long = line(600.0, 0.0);
        let place = label_place("rätt kompetens", &long);
        assert!(place.contains(long.midpoint()));
        let handle = bend_handle("rätt kompetens", &long, 8.0);
        assert!(!place.contains(handle), "{handle:?} is off {place:?}");
        assert!(long.distance_to(handle) < 0.01, "and still on the line");
        assert_eq!(bend_handle("", &long, 8.0), long.midpoint());
        // A short line: the label sits above it, clear of it.
        let short = line(60.0, 0.0);
        let place = label_place("rätt kompetens", &short);
        assert!(place.bottom() < 0.0, "{place:?} above the line");
        assert_eq!(bend_handle("rätt kompetens", &short, 8.0), short.midpoint());
        // A short upright line: the label sits to its right.
        let up = line(0.0, 50.0);
        assert!(label_place("samverkan", &up).x > 0.0);
    }

    #[test]
    fn rounded_corners_are_outside() {
        let r = Rect::new(0.0, 0.0, 100.0, 50.0);
        assert!(inside_rounded(&r, 10.0, Point::new(50.0, 25.0)));
        assert!(inside_rounded(&r, 10.0, Point::new(0.0, 25.0)));
        assert!(
            !inside_rounded(&r, 10.0, Point::new(0.5, 0.5)),
            "the corner is cut"
        );
        assert!(inside_rounded(&r, 10.0, Point::new(3.0, 3.0)));
        assert!(!inside_rounded(&r, 10.0, Point::new(101.0, 25.0)));
    }

    #[test]
    fn an_end_bound_to_a_shape_stops_at_its_outline() {
        use crate::model::{Outline, Shape};
        let mut doc = Document::new();
        let r = Rect::new(400.0, 100.0, 200.0, 200.0);
        doc.elements.push(Element::Shape(Shape::new(
            ElementId(1),
            r,
            Outline::Diamond,
        )));
        let a = Arrow::new(
            ElementId(2),
            ArrowEnd::free(Point::new(0.0, 0.0)),
            ArrowEnd::bound(Point::default(), ElementId(1), Point::new(0.5, 0.5)),
        );
        let end = resolve(&doc, &a).end();
        // It meets the diamond's upper left edge (from (400, 200) to (500, 100): x + y = 600),
        // well inside the box, whose edge it would meet at x = 400.
        assert!((end.x + end.y - 600.0).abs() < 0.5, "{end:?}");
        assert!(end.x > 420.0, "{end:?}");
    }

    #[test]
    fn an_end_at_a_side_outside_the_outline_comes_onto_it() {
        use crate::model::{Outline, Shape};
        let mut doc = Document::new();
        let r = Rect::new(400.0, 100.0, 220.0, 140.0);
        doc.elements.push(Element::Shape(Shape::new(
            ElementId(1),
            r,
            Outline::BlockArrow,
        )));
        // From above, bound to the middle of the top of the box: above the shaft.
        let a = Arrow::new(
            ElementId(2),
            ArrowEnd::free(Point::new(510.0, -200.0)),
            ArrowEnd::bound(Point::default(), ElementId(1), Point::new(0.5, 0.0)),
        );
        let end = resolve(&doc, &a).end();
        // The shaft is 55 % of the height, centred: its top is at 170 − 38.5 = 131.5.
        assert!((end.x - 510.0).abs() < 0.5, "{end:?}");
        assert!(end.y > 125.0 && end.y < 140.0, "{end:?}");
    }

    #[test]
    fn straight_ends_clip_to_the_card_outline() {
        let a = Rect::new(0.0, 0.0, 100.0, 60.0);
        let b = Rect::new(300.0, 0.0, 100.0, 60.0);
        let doc = doc_with(&[(1, a), (2, b)]);
        let centre = Point::new(0.5, 0.5);
        let arrow = Arrow::new(
            ElementId(9),
            ArrowEnd::bound(Point::default(), ElementId(1), centre),
            ArrowEnd::bound(Point::default(), ElementId(2), centre),
        );
        let path = resolve(&doc, &arrow);
        assert!(
            near(path.start(), Point::new(100.0, 30.0)),
            "{:?}",
            path.start()
        );
        assert!(
            near(path.end(), Point::new(300.0, 30.0)),
            "{:?}",
            path.end()
        );
        assert!(near(path.direction_at(End::End), Point::new(1.0, 0.0)));
        assert!(near(path.direction_at(End::Start), Point::new(-1.0, 0.0)));
    }

    #[test]
    fn a_diagonal_end_clips_at_the_rounded_corner() {
        // From the centre of a square towards its corner: the line leaves through the rounded
        // corner, inside the square's sharp corner.
        let a = Rect::new(0.0, 0.0, 100.0, 100.0);
        let doc = doc_with(&[(1, a)]);
        let arrow = Arrow::new(
            ElementId(9),
            ArrowEnd::bound(Point::default(), ElementId(1), Point::new(0.5, 0.5)),
            ArrowEnd::free(Point::new(300.0, 300.0)),
        );
        let s = resolve(&doc, &arrow).start();
        let r = CARD_RADIUS;
        // On the corner arc: distance r from the arc's centre.
        let off = dist(s, Point::new(100.0 - r, 100.0 - r));
        assert!((off - r).abs() < 0.01, "{s:?} is {off} from the arc centre");
        assert!(s.x < 100.0 && s.y < 100.0);
    }

    #[test]
    fn a_bound_end_follows_its_card() {
        let mut doc = doc_with(&[(1, Rect::new(0.0, 0.0, 100.0, 60.0))]);
        let arrow = Arrow::new(
            ElementId(9),
            ArrowEnd::free(Point::new(-200.0, 30.0)),
            ArrowEnd::bound(Point::default(), ElementId(1), Point::new(0.0, 0.5)),
        );
        assert!(near(resolve(&doc, &arrow).end(), Point::new(0.0, 30.0)));
        doc.elements.replace(Element::Card(Card::new(
            ElementId(1),
            Rect::new(50.0, 100.0, 200.0, 80.0),
            "",
            CardColor::Yellow,
        )));
        assert!(near(resolve(&doc, &arrow).end(), Point::new(50.0, 140.0)));
        // A missing card: the end stays where it was last placed.
        doc.elements.remove(ElementId(1));
        let mut a2 = arrow.clone();
        a2.end.point = Point::new(7.0, 8.0);
        assert!(near(resolve(&doc, &a2).end(), Point::new(7.0, 8.0)));
    }

    #[test]
    fn elbow_routes_are_orthogonal_and_clipped() {
        let a = Rect::new(0.0, 0.0, 100.0, 60.0);
        let b = Rect::new(400.0, 200.0, 100.0, 60.0);
        let doc = doc_with(&[(1, a), (2, b)]);
        let mut arrow = Arrow::new(
            ElementId(9),
            ArrowEnd::bound(Point::default(), ElementId(1), Point::new(0.5, 0.5)),
            ArrowEnd::bound(Point::default(), ElementId(2), Point::new(0.5, 0.5)),
        );
        arrow.route = Route::Elbow;
        let pts = resolve(&doc, &arrow).points(8);
        assert_eq!(pts.len(), 4);
        for w in pts.windows(2) {
            assert!(w[0].x == w[1].x || w[0].y == w[1].y, "{pts:?}");
        }
        assert!(near(pts[0], Point::new(100.0, 30.0)), "{pts:?}");
        assert!(near(pts[3], Point::new(400.0, 230.0)), "{pts:?}");
        // Bend moves the middle segment.
        arrow.bend = 50.0;
        let pts = resolve(&doc, &arrow).points(8);
        assert!(near(pts[1], Point::new(300.0, 30.0)), "{pts:?}");
    }

    #[test]
    fn curves_pass_through_the_bend_and_clip_both_ends() {
        let a = Rect::new(0.0, 0.0, 100.0, 60.0);
        let b = Rect::new(400.0, 0.0, 100.0, 60.0);
        let doc = doc_with(&[(1, a), (2, b)]);
        let mut arrow = Arrow::new(
            ElementId(9),
            ArrowEnd::bound(Point::default(), ElementId(1), Point::new(0.5, 0.5)),
            ArrowEnd::bound(Point::default(), ElementId(2), Point::new(0.5, 0.5)),
        );
        arrow.route = Route::Curved;
        arrow.bend = -80.0; // along the normal (−dy, dx): for left to right, upwards on screen
        let path = resolve(&doc, &arrow);
        // The line's middle (by parameter) is 80 points off the straight line.
        if let ArrowPath::Quad { p0, c, p2, .. } = &path {
            assert!(near(
                quad(*p0, *c, *p2, 0.5),
                Point::new(250.0, 30.0 - 80.0)
            ));
        } else {
            panic!("a curve");
        }
        // Each end sits on its card's outline: just inside along the line is in the card,
        // just outside is not.
        for (which, card) in [(End::Start, a), (End::End, b)] {
            let p = if which == End::Start {
                path.start()
            } else {
                path.end()
            };
            let d = path.direction_at(which);
            let into = Point::new(p.x + d.x * 0.05, p.y + d.y * 0.05);
            let out = Point::new(p.x - d.x * 0.05, p.y - d.y * 0.05);
            assert!(inside_rounded(&card, CARD_RADIUS, into), "{which:?} {p:?}");
            assert!(!inside_rounded(&card, CARD_RADIUS, out), "{which:?} {p:?}");
        }
        let bend = bend_for(&doc, &arrow, Point::new(250.0, 30.0 - 80.0));
        assert!((bend - -80.0).abs() < 0.01, "{bend}");
    }

    #[test]
    fn hit_testing_with_tolerance_on_every_route() {
        let doc = Document::new();
        let mut arrow = Arrow::new(
            ElementId(9),
            ArrowEnd::free(Point::new(0.0, 0.0)),
            ArrowEnd::free(Point::new(200.0, 100.0)),
        );
        // Straight: the midpoint is on it, a point 5 off is 5 away.
        let path = resolve(&doc, &arrow);
        assert!(path.distance_to(Point::new(100.0, 50.0)) < 0.01);
        let off = Point::new(100.0 - 5.0 * 0.447_2, 50.0 + 5.0 * 0.894_4);
        assert!((path.distance_to(off) - 5.0).abs() < 0.01);
        assert!(path.distance_to(Point::new(300.0, 300.0)) > 100.0);
        // Elbow: the corner points are on it.
        arrow.route = Route::Elbow;
        let path = resolve(&doc, &arrow);
        assert!(path.distance_to(Point::new(100.0, 0.0)) < 0.01);
        assert!(path.distance_to(Point::new(100.0, 100.0)) < 0.01);
        assert!((path.distance_to(Point::new(104.0, 50.0)) - 4.0).abs() < 0.01);
        assert!(path.distance_to(Point::new(50.0, 50.0)) > 40.0);
        // Curved: the bent middle is on it, the straight middle is not.
        arrow.route = Route::Curved;
        arrow.bend = 60.0;
        let path = resolve(&doc, &arrow);
        let mid = path.midpoint();
        assert!(path.distance_to(mid) < 0.5);
        assert!(path.distance_to(Point::new(100.0, 50.0)) > 50.0);
        let n = bend_normal(Point::new(0.0, 0.0), Point::new(200.0, 100.0));
        let bent = Point::new(100.0 + n.x * 60.0, 50.0 + n.y * 60.0);
        assert!(path.distance_to(bent) < 0.5, "{bent:?}");
        assert!(
            (path.distance_to(Point::new(bent.x + n.x * 6.0, bent.y + n.y * 6.0)) - 6.0).abs()
                < 0.2
        );
    }
}
