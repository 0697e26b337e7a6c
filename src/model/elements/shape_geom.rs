//! Outlines of the basic shapes, drawn inside an axis-aligned box.
//!
//! Every shape is described by a box `(x, y, w, h)`: `x` grows to the right, `y` grows
//! downwards, and one world unit is about one pixel at 100 % zoom. Turning the shape is up to
//! the caller, which turns the points returned here.
//!
//! [`outline`] gives a closed polygon (the first point is not repeated at the end) that runs
//! clockwise on screen, stays inside the box and never crosses itself. Curves are cut into
//! enough straight pieces to look round on a 300 unit shape seen at 400 % zoom. Several
//! outlines are not convex, so [`triangulate`] cuts any simple polygon into triangles for
//! painting. [`text_box`] tells where centred, wrapped text fits inside each shape, and
//! [`contains`] and [`distance_to_outline`] serve hit testing.
//!
//! Bad input (a box with no area, NaN, infinite or overflowing numbers) never panics: the
//! functions give an empty polygon, no triangles, `false` or an infinite distance instead.

use serde::{Deserialize, Serialize};
use std::f32::consts::{FRAC_1_SQRT_2, PI, TAU};

/// The kinds of outline this module can draw. Saved by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outline {
    /// A plain rectangle filling the box.
    #[serde(rename = "rectangle")]
    Rectangle,
    /// A rectangle whose corners are rounded with a radius of 15 % of the shorter side, at
    /// most 24 units.
    #[serde(rename = "rounded_rectangle")]
    RoundedRectangle,
    /// An ellipse touching the middle of each side of the box.
    #[serde(rename = "ellipse")]
    Ellipse,
    /// A rhombus whose corners touch the middle of each side of the box.
    #[serde(rename = "diamond")]
    Diamond,
    /// A cloud made of eight round bumps.
    #[serde(rename = "cloud")]
    Cloud,
    /// A rounded rectangle over the top 80 % of the box, with a tail at the lower left that
    /// points down and to the left, reaching the bottom of the box.
    #[serde(rename = "speech_bubble")]
    SpeechBubble,
    /// A ribbon: a horizontal band whose two ends hang a little lower, behind the band, and
    /// are cut with a V-shaped notch (a swallow tail).
    #[serde(rename = "banner")]
    Banner,
    /// A fat arrow pointing right: a shaft 55 % as tall as the box and a triangular head.
    #[serde(rename = "block_arrow")]
    BlockArrow,
}

impl Outline {
    /// Every kind of outline, in the order a shape picker would show them.
    pub const ALL: [Outline; 8] = [
        Outline::Rectangle,
        Outline::RoundedRectangle,
        Outline::Ellipse,
        Outline::Diamond,
        Outline::Cloud,
        Outline::SpeechBubble,
        Outline::Banner,
        Outline::BlockArrow,
    ];
}

/// Number of straight pieces around a whole ellipse.
const ELLIPSE_SEGMENTS: usize = 64;
/// Number of straight pieces in each rounded corner (a quarter circle).
const CORNER_SEGMENTS: usize = 8;
/// Largest corner radius of rounded rectangles and speech bubbles.
const MAX_CORNER_RADIUS: f32 = 24.0;
/// Corner radius as a share of the shorter side.
const CORNER_RADIUS_SHARE: f32 = 0.15;
/// Number of bumps around a cloud.
const CLOUD_BUMPS: usize = 8;
/// Number of straight pieces in each bump of a cloud.
const CLOUD_BUMP_SEGMENTS: usize = 12;
/// How far round each cloud bump goes, in radians (200 degrees, a little more than a half
/// circle, so the bumps look puffy but do not overlap their neighbours).
const CLOUD_BUMP_SWEEP: f32 = PI * (200.0 / 180.0);
/// Share of the height taken by the body of a speech bubble.
const SPEECH_BODY_SHARE: f32 = 0.8;
/// Share of the height taken by the shaft of a block arrow.
const ARROW_SHAFT_SHARE: f32 = 0.55;
/// Share of the height taken by the band of a banner (measured from the top).
const BANNER_BAND_SHARE: f32 = 0.75;
/// Where the hanging ends of a banner start, as a share of the height from the top.
const BANNER_TAIL_TOP_SHARE: f32 = 0.25;
/// Rounds without a clean ear after which [`triangulate`] stops checking ears for other
/// corners inside them, which keeps broken (self-crossing) polygons from taking n³ time.
const MAX_STUCK_ROUNDS: usize = 8;
/// Largest gap kept between the text and a straight edge.
const TEXT_PADDING: f32 = 8.0;

impl Outline {
    /// The one after this in [`Outline::ALL`], round to the first.
    pub fn next(self) -> Outline {
        let i = Outline::ALL.iter().position(|&o| o == self).unwrap_or(0);
        Outline::ALL
            .get(i + 1)
            .copied()
            .unwrap_or(Outline::Rectangle)
    }
}

/// The closed outline of a shape of the given kind filling the box `(x, y, w, h)`.
///
/// The polygon runs clockwise on screen, does not repeat its first point at the end, never
/// crosses itself and keeps every point inside the box. It is empty when the box has no area
/// or holds a number that is not finite.
pub fn outline(kind: Outline, x: f32, y: f32, w: f32, h: f32) -> Vec<[f32; 2]> {
    if !valid_box(x, y, w, h) {
        return Vec::new();
    }
    let points = match kind {
        Outline::Rectangle => vec![[x, y], [x + w, y], [x + w, y + h], [x, y + h]],
        Outline::RoundedRectangle => rounded_rect(x, y, w, h, corner_radius(w, h), &[]),
        Outline::Ellipse => ellipse(x, y, w, h),
        Outline::Diamond => vec![
            [x + w * 0.5, y],
            [x + w, y + h * 0.5],
            [x + w * 0.5, y + h],
            [x, y + h * 0.5],
        ],
        Outline::Cloud => cloud(x, y, w, h),
        Outline::SpeechBubble => speech_bubble(x, y, w, h),
        Outline::Banner => banner(x, y, w, h),
        Outline::BlockArrow => block_arrow(x, y, w, h),
    };
    finish(points, x, y, w, h)
}

/// The box `(x, y, w, h)` where centred, wrapped text fits inside a shape of the given kind
/// filling the box `(x, y, w, h)`.
///
/// Straight-sided shapes keep a gap of up to 8 units between the text and their edges.
/// The ellipse gives the largest rectangle that fits inside it, the diamond the middle half
/// of its width and height, the cloud the middle 70 % of the width and 60 % of the height,
/// the speech bubble its body above the tail, the banner its band between the hanging ends,
/// and the block arrow its shaft. A box with no area or with numbers that are not finite gives
/// an empty box (zero width and height) at its corner, or at the origin when the corner itself
/// is not finite.
pub fn text_box(kind: Outline, x: f32, y: f32, w: f32, h: f32) -> (f32, f32, f32, f32) {
    if !valid_box(x, y, w, h) {
        let fx = if x.is_finite() { x } else { 0.0 };
        let fy = if y.is_finite() { y } else { 0.0 };
        return (fx, fy, 0.0, 0.0);
    }
    match kind {
        Outline::Rectangle | Outline::RoundedRectangle => inset(x, y, w, h),
        Outline::Ellipse => {
            // The corners of the returned box touch the flattened ellipse, not just the
            // true one, because the polygon cuts slightly inside the curve.
            let k = FRAC_1_SQRT_2 * (PI / ELLIPSE_SEGMENTS as f32).cos();
            centred(x, y, w, h, w * k, h * k)
        }
        Outline::Diamond => centred(x, y, w, h, w * 0.5, h * 0.5),
        Outline::Cloud => centred(x, y, w, h, w * 0.7, h * 0.6),
        Outline::SpeechBubble => inset(x, y, w, h * SPEECH_BODY_SHARE),
        Outline::Banner => {
            let tail = banner_tail_width(w, h);
            inset(x + tail, y, w - 2.0 * tail, h * BANNER_BAND_SHARE)
        }
        Outline::BlockArrow => {
            let head = arrow_head_length(w, h);
            let shaft = h * ARROW_SHAFT_SHARE;
            inset(x, y + (h - shaft) * 0.5, w - head, shaft)
        }
    }
}

/// Cuts a simple polygon (one that does not cross itself, wound either way) into triangles by
/// ear clipping.
///
/// Returns triples of indices into `poly`; each triangle keeps the winding of the polygon.
/// Repeated neighbouring points and points on a straight line are tolerated. Polygons with
/// fewer than three points, no area or numbers that are not finite give no triangles. The
/// work is bounded (about n² steps for n points), so a polygon that does cross itself still
/// returns quickly, with triangles that need not match its area.
pub fn triangulate(poly: &[[f32; 2]]) -> Vec<[u32; 3]> {
    let n = poly.len();
    if n < 3 || n > u32::MAX as usize || !poly.iter().all(|p| is_finite(*p)) {
        return Vec::new();
    }
    let pts: Vec<[f64; 2]> = poly
        .iter()
        .map(|p| [f64::from(p[0]), f64::from(p[1])])
        .collect();
    let area = signed_area_f64(&pts);
    if !area.is_finite() || area == 0.0 {
        return Vec::new();
    }
    let sign = area.signum();

    // The polygon still to cut, as indices into `pts`, without repeated neighbours.
    let mut ring: Vec<usize> = Vec::with_capacity(n);
    for (i, p) in pts.iter().enumerate() {
        let same = ring
            .last()
            .and_then(|&j| pts.get(j))
            .is_some_and(|q| q == p);
        if !same {
            ring.push(i);
        }
    }
    while ring.len() > 1
        && ring.first().and_then(|&i| pts.get(i)) == ring.last().and_then(|&i| pts.get(i))
    {
        ring.pop();
    }

    let point = |i: usize| pts.get(i).copied().unwrap_or([0.0, 0.0]);
    let mut triangles: Vec<[u32; 3]> = Vec::with_capacity(ring.len().saturating_sub(2));
    let mut cursor = 0usize;
    let mut misses = 0usize;
    // Rounds in which no clean ear was found. A simple polygon needs few or none; after
    // many, the polygon must cross itself and ears are cut without the (slow) check that no
    // other corner lies inside them.
    let mut stuck = 0usize;
    let step_limit = (ring.len() + 1).saturating_mul(ring.len() + 2);
    let mut steps = 0usize;

    while ring.len() > 3 && steps < step_limit {
        steps += 1;
        let m = ring.len();
        if cursor >= m {
            cursor = 0;
        }
        let Some((ia, ib, ic)) = corner(&ring, cursor) else {
            break;
        };
        let (a, b, c) = (point(ia), point(ib), point(ic));
        let turn = cross(a, b, c) * sign;
        let fast = stuck > MAX_STUCK_ROUNDS;
        if turn > 0.0 && (fast || !blocks_ear(&ring, &pts, [ia, ib, ic], sign)) {
            triangles.push([ia as u32, ib as u32, ic as u32]);
            ring.remove(cursor);
            misses = 0;
            // Look again at the previous corner, whose neighbour just changed.
            cursor = cursor.saturating_sub(1);
            continue;
        }
        cursor += 1;
        misses += 1;
        if misses >= m {
            // No clean ear left: drop a corner that has no area, or else cut the first
            // convex corner anyway so the loop always ends.
            misses = 0;
            stuck += 1;
            if let Some(k) = (0..m).find(|&k| {
                corner(&ring, k)
                    .is_some_and(|(ia, ib, ic)| is_flat(point(ia), point(ib), point(ic)))
            }) {
                ring.remove(k);
                continue;
            }
            let convex = (0..m).find(|&k| {
                corner(&ring, k)
                    .is_some_and(|(ia, ib, ic)| cross(point(ia), point(ib), point(ic)) * sign > 0.0)
            });
            match convex.and_then(|k| corner(&ring, k).map(|t| (k, t))) {
                Some((k, (ia, ib, ic))) => {
                    triangles.push([ia as u32, ib as u32, ic as u32]);
                    ring.remove(k);
                    cursor = k.saturating_sub(1);
                }
                None => break,
            }
        }
    }
    if ring.len() == 3
        && let Some((ia, ib, ic)) = corner(&ring, 1)
        && cross(point(ia), point(ib), point(ic)) * sign > 0.0
    {
        triangles.push([ia as u32, ib as u32, ic as u32]);
    }
    triangles
}

/// Whether the point `p` lies inside the closed polygon, by the even-odd rule (a ray cast).
///
/// Points exactly on an edge may count either way. An empty polygon, one with fewer than
/// three points, or a point that is not finite gives `false`; edges with numbers that are not
/// finite are ignored.
pub fn contains(poly: &[[f32; 2]], p: [f32; 2]) -> bool {
    if poly.len() < 3 || !is_finite(p) {
        return false;
    }
    let (px, py) = (f64::from(p[0]), f64::from(p[1]));
    let mut inside = false;
    for (a, b) in edges(poly) {
        if !is_finite(a) || !is_finite(b) {
            continue;
        }
        let (ax, ay) = (f64::from(a[0]), f64::from(a[1]));
        let (bx, by) = (f64::from(b[0]), f64::from(b[1]));
        if (ay > py) != (by > py) {
            let cross_x = ax + (py - ay) * (bx - ax) / (by - ay);
            if px < cross_x {
                inside = !inside;
            }
        }
    }
    inside
}

/// The distance from `p` to the nearest edge of the closed polygon (the edge from the last
/// point back to the first included).
///
/// This is the distance to the outline itself, so it is small for points just inside as well
/// as just outside. A single point gives the distance to that point. An empty polygon, or a
/// point that is not finite, gives `f32::INFINITY`; edges with numbers that are not finite
/// are ignored.
pub fn distance_to_outline(poly: &[[f32; 2]], p: [f32; 2]) -> f32 {
    if !is_finite(p) {
        return f32::INFINITY;
    }
    let p64 = to64(p);
    let best = match poly {
        [] => f64::INFINITY,
        [only] if is_finite(*only) => dist2_point_segment(p64, to64(*only), to64(*only)),
        [_] => f64::INFINITY,
        _ => edges(poly)
            .filter(|(a, b)| is_finite(*a) && is_finite(*b))
            .map(|(a, b)| dist2_point_segment(p64, to64(a), to64(b)))
            .fold(f64::INFINITY, f64::min),
    };
    best.sqrt() as f32
}

// ---------------------------------------------------------------------------------------
// Shapes

/// Whether the box has a positive, finite size and a finite far corner.
fn valid_box(x: f32, y: f32, w: f32, h: f32) -> bool {
    [x, y, w, h, x + w, y + h].iter().all(|v| v.is_finite()) && w > 0.0 && h > 0.0
}

/// The corner radius used by rounded rectangles and speech bubbles of this size.
fn corner_radius(w: f32, h: f32) -> f32 {
    (w.min(h) * CORNER_RADIUS_SHARE).min(MAX_CORNER_RADIUS)
}

/// Appends the points of an elliptical arc from angle `a0` to `a1` (both ends included).
/// Angles grow clockwise on screen because y points down.
fn arc(out: &mut Vec<[f32; 2]>, c: [f32; 2], rx: f32, ry: f32, a0: f32, a1: f32, segments: usize) {
    let segments = segments.max(1);
    for k in 0..=segments {
        let t = a0 + (a1 - a0) * (k as f32 / segments as f32);
        out.push([c[0] + rx * t.cos(), c[1] + ry * t.sin()]);
    }
}

/// A rounded rectangle, with `tail` inserted along the bottom edge (from right to left).
fn rounded_rect(x: f32, y: f32, w: f32, h: f32, r: f32, tail: &[[f32; 2]]) -> Vec<[f32; 2]> {
    let r = r.max(0.0).min(w * 0.5).min(h * 0.5);
    let mut out = Vec::with_capacity(4 * (CORNER_SEGMENTS + 1) + tail.len());
    arc(
        &mut out,
        [x + r, y + r],
        r,
        r,
        PI,
        1.5 * PI,
        CORNER_SEGMENTS,
    );
    arc(
        &mut out,
        [x + w - r, y + r],
        r,
        r,
        1.5 * PI,
        TAU,
        CORNER_SEGMENTS,
    );
    arc(
        &mut out,
        [x + w - r, y + h - r],
        r,
        r,
        0.0,
        0.5 * PI,
        CORNER_SEGMENTS,
    );
    out.extend_from_slice(tail);
    arc(
        &mut out,
        [x + r, y + h - r],
        r,
        r,
        0.5 * PI,
        PI,
        CORNER_SEGMENTS,
    );
    out
}

fn ellipse(x: f32, y: f32, w: f32, h: f32) -> Vec<[f32; 2]> {
    let (rx, ry) = (w * 0.5, h * 0.5);
    let (cx, cy) = (x + rx, y + ry);
    (0..ELLIPSE_SEGMENTS)
        .map(|k| {
            let t = -0.5 * PI + TAU * (k as f32 / ELLIPSE_SEGMENTS as f32);
            [cx + rx * t.cos(), cy + ry * t.sin()]
        })
        .collect()
}

/// A cloud: round bumps standing on the sides of a regular polygon, then stretched to fill
/// the box. The bumps sit at the top, bottom, left and right so the cloud touches all four
/// sides of the box.
fn cloud(x: f32, y: f32, w: f32, h: f32) -> Vec<[f32; 2]> {
    let step = TAU / CLOUD_BUMPS as f32;
    let corner_at = |k: usize| {
        let t = (k as f32 - 0.5) * step;
        [t.cos(), t.sin()]
    };
    let half = CLOUD_BUMP_SWEEP * 0.5;
    let mut raw = Vec::with_capacity(CLOUD_BUMPS * CLOUD_BUMP_SEGMENTS);
    for k in 0..CLOUD_BUMPS {
        let (a, b) = (corner_at(k), corner_at(k + 1));
        let chord = ((b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2)).sqrt();
        let mid = [(a[0] + b[0]) * 0.5, (a[1] + b[1]) * 0.5];
        let out_angle = k as f32 * step;
        let normal = [out_angle.cos(), out_angle.sin()];
        let radius = chord * 0.5 / half.sin();
        // More than a half circle: the centre sits outside the chord.
        let offset = -radius * half.cos();
        let centre = [mid[0] + normal[0] * offset, mid[1] + normal[1] * offset];
        for j in 0..CLOUD_BUMP_SEGMENTS {
            let t = out_angle - half + CLOUD_BUMP_SWEEP * (j as f32 / CLOUD_BUMP_SEGMENTS as f32);
            raw.push([centre[0] + radius * t.cos(), centre[1] + radius * t.sin()]);
        }
    }
    fit_to_box(&raw, x, y, w, h)
}

fn speech_bubble(x: f32, y: f32, w: f32, h: f32) -> Vec<[f32; 2]> {
    let body = h * SPEECH_BODY_SHARE;
    let bottom = y + body;
    // The tail's base lies on the straight part of the bottom edge, since the corner radius
    // is at most 15 % of the width.
    let tail = [
        [x + w * 0.4, bottom],
        [x + w * 0.1, y + h],
        [x + w * 0.2, bottom],
    ];
    rounded_rect(x, y, w, body, corner_radius(w, body), &tail)
}

/// Width of each hanging end of a banner.
fn banner_tail_width(w: f32, h: f32) -> f32 {
    (w * 0.15).min(h * 0.8)
}

fn banner(x: f32, y: f32, w: f32, h: f32) -> Vec<[f32; 2]> {
    let tail = banner_tail_width(w, h);
    let notch = tail * 0.5;
    let band_bottom = y + h * BANNER_BAND_SHARE;
    let tail_top = y + h * BANNER_TAIL_TOP_SHARE;
    let notch_y = (tail_top + y + h) * 0.5;
    let (left, right) = (x + tail, x + w - tail);
    vec![
        [left, y],
        [right, y],
        [right, tail_top],
        [x + w, tail_top],
        [x + w - notch, notch_y],
        [x + w, y + h],
        [right, y + h],
        [right, band_bottom],
        [left, band_bottom],
        [left, y + h],
        [x, y + h],
        [x + notch, notch_y],
        [x, tail_top],
        [left, tail_top],
    ]
}

/// Length of the head of a block arrow.
fn arrow_head_length(w: f32, h: f32) -> f32 {
    h.min(w * 0.4)
}

fn block_arrow(x: f32, y: f32, w: f32, h: f32) -> Vec<[f32; 2]> {
    let head = arrow_head_length(w, h);
    let shaft = h * ARROW_SHAFT_SHARE;
    let top = y + (h - shaft) * 0.5;
    let bottom = top + shaft;
    let neck = x + w - head;
    vec![
        [x, top],
        [neck, top],
        [neck, y],
        [x + w, y + h * 0.5],
        [neck, y + h],
        [neck, bottom],
        [x, bottom],
    ]
}

/// Stretches the points so that their bounding box becomes `(x, y, w, h)`.
fn fit_to_box(raw: &[[f32; 2]], x: f32, y: f32, w: f32, h: f32) -> Vec<[f32; 2]> {
    let (mut lo, mut hi) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
    for p in raw {
        lo = [lo[0].min(p[0]), lo[1].min(p[1])];
        hi = [hi[0].max(p[0]), hi[1].max(p[1])];
    }
    let (sx, sy) = (hi[0] - lo[0], hi[1] - lo[1]);
    if !(sx > 0.0 && sy > 0.0) {
        return Vec::new();
    }
    raw.iter()
        .map(|p| [x + (p[0] - lo[0]) / sx * w, y + (p[1] - lo[1]) / sy * h])
        .collect()
}

/// Final clean-up shared by every outline: pull points that rounding pushed a hair outside
/// back into the box, drop repeated neighbours, and give up on anything not finite.
fn finish(points: Vec<[f32; 2]>, x: f32, y: f32, w: f32, h: f32) -> Vec<[f32; 2]> {
    let (x1, y1) = (x + w, y + h);
    let mut out: Vec<[f32; 2]> = Vec::with_capacity(points.len());
    for p in points {
        if !is_finite(p) {
            return Vec::new();
        }
        let q = [p[0].max(x).min(x1), p[1].max(y).min(y1)];
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    if out.len() < 3 {
        return Vec::new();
    }
    out
}

/// Text box inset by the usual padding, never with a negative size.
fn inset(x: f32, y: f32, w: f32, h: f32) -> (f32, f32, f32, f32) {
    let w = w.max(0.0);
    let h = h.max(0.0);
    let pad = TEXT_PADDING.min(w.min(h) * 0.25);
    (
        x + pad,
        y + pad,
        (w - 2.0 * pad).max(0.0),
        (h - 2.0 * pad).max(0.0),
    )
}

/// A box of size `bw` × `bh` centred in the box `(x, y, w, h)`.
fn centred(x: f32, y: f32, w: f32, h: f32, bw: f32, bh: f32) -> (f32, f32, f32, f32) {
    (x + (w - bw) * 0.5, y + (h - bh) * 0.5, bw, bh)
}

// ---------------------------------------------------------------------------------------
// Small geometry helpers (in f64 so huge coordinates do not overflow)

fn is_finite(p: [f32; 2]) -> bool {
    p[0].is_finite() && p[1].is_finite()
}

fn to64(p: [f32; 2]) -> [f64; 2] {
    [f64::from(p[0]), f64::from(p[1])]
}

/// Each edge of the closed polygon, the closing edge included.
fn edges(poly: &[[f32; 2]]) -> impl Iterator<Item = ([f32; 2], [f32; 2])> + '_ {
    poly.iter()
        .copied()
        .zip(poly.iter().copied().cycle().skip(1))
        .take(poly.len())
}

/// Twice the signed area of the polygon; positive when it runs clockwise on screen.
fn signed_area_f64(pts: &[[f64; 2]]) -> f64 {
    pts.iter()
        .zip(pts.iter().cycle().skip(1))
        .take(pts.len())
        .map(|(a, b)| a[0] * b[1] - b[0] * a[1])
        .sum()
}

/// Positive when a → b → c turns clockwise on screen.
fn cross(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// Whether the corner a → b → c encloses no area to speak of (its points are in a line).
fn is_flat(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> bool {
    let ab = ((b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2)).sqrt();
    let bc = ((c[0] - b[0]).powi(2) + (c[1] - b[1]).powi(2)).sqrt();
    cross(a, b, c).abs() <= 1e-9 * ab * bc
}

/// The indices of the corner at position `k` of the ring and of its two neighbours.
fn corner(ring: &[usize], k: usize) -> Option<(usize, usize, usize)> {
    let m = ring.len();
    if m < 3 || k >= m {
        return None;
    }
    let a = *ring.get((k + m - 1) % m)?;
    let b = *ring.get(k)?;
    let c = *ring.get((k + 1) % m)?;
    Some((a, b, c))
}

/// Whether some other corner of the ring lies inside (or on) the triangle, which stops it
/// from being cut off as an ear.
fn blocks_ear(ring: &[usize], pts: &[[f64; 2]], tri: [usize; 3], sign: f64) -> bool {
    let get = |i: usize| pts.get(i).copied().unwrap_or([0.0, 0.0]);
    let (a, b, c) = (get(tri[0]), get(tri[1]), get(tri[2]));
    ring.iter().any(|&i| {
        if tri.contains(&i) {
            return false;
        }
        let p = get(i);
        if p == a || p == b || p == c {
            return false;
        }
        cross(a, b, p) * sign >= 0.0 && cross(b, c, p) * sign >= 0.0 && cross(c, a, p) * sign >= 0.0
    })
}

/// Squared distance from `p` to the segment a–b.
fn dist2_point_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (qx, qy) = (a[0] + dx * t, a[1] + dy * t);
    (p[0] - qx).powi(2) + (p[1] - qy).powi(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOXES: [(f32, f32, f32, f32); 6] = [
        (10.0, 20.0, 300.0, 200.0),
        (-50.0, -80.0, 120.0, 120.0),
        (0.0, 0.0, 60.0, 300.0),
        (5.0, 5.0, 1000.0, 40.0),
        (100.0, 100.0, 20.0, 20.0),
        (0.0, 0.0, 3.0, 2.0),
    ];

    fn area(poly: &[[f32; 2]]) -> f64 {
        let pts: Vec<[f64; 2]> = poly.iter().map(|p| to64(*p)).collect();
        signed_area_f64(&pts) * 0.5
    }

    fn triangles_area(poly: &[[f32; 2]], tris: &[[u32; 3]]) -> f64 {
        tris.iter()
            .map(|t| {
                let a = to64(poly[t[0] as usize]);
                let b = to64(poly[t[1] as usize]);
                let c = to64(poly[t[2] as usize]);
                cross(a, b, c).abs() * 0.5
            })
            .sum()
    }

    fn segments_cross(a: [f64; 2], b: [f64; 2], c: [f64; 2], d: [f64; 2]) -> bool {
        let o1 = cross(a, b, c);
        let o2 = cross(a, b, d);
        let o3 = cross(c, d, a);
        let o4 = cross(c, d, b);
        o1 * o2 < 0.0 && o3 * o4 < 0.0
    }

    fn is_simple(poly: &[[f32; 2]]) -> bool {
        let n = poly.len();
        for i in 0..n {
            for j in i + 1..n {
                if poly[i] == poly[j] {
                    return false;
                }
                let adjacent = j == i + 1 || (i == 0 && j == n - 1);
                if adjacent {
                    continue;
                }
                let (a, b) = (to64(poly[i]), to64(poly[(i + 1) % n]));
                let (c, d) = (to64(poly[j]), to64(poly[(j + 1) % n]));
                if segments_cross(a, b, c, d) {
                    return false;
                }
            }
        }
        true
    }

    #[test]
    fn all_lists_every_kind_once() {
        for (i, a) in Outline::ALL.iter().enumerate() {
            for b in &Outline::ALL[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn outlines_are_inside_their_box_simple_and_clockwise() {
        for &(x, y, w, h) in &BOXES {
            for kind in Outline::ALL {
                let poly = outline(kind, x, y, w, h);
                assert!(poly.len() >= 3, "{kind:?} {w}x{h} is empty");
                for p in &poly {
                    assert!(
                        p[0] >= x - 0.01
                            && p[0] <= x + w + 0.01
                            && p[1] >= y - 0.01
                            && p[1] <= y + h + 0.01,
                        "{kind:?} point {p:?} outside box {x},{y},{w},{h}"
                    );
                }
                assert!(area(&poly) > 0.0, "{kind:?} is not clockwise on screen");
                assert!(is_simple(&poly), "{kind:?} {w}x{h} crosses itself");
            }
        }
    }

    #[test]
    fn outlines_touch_all_four_sides() {
        let (x, y, w, h) = (0.0, 0.0, 300.0, 200.0);
        for kind in Outline::ALL {
            let poly = outline(kind, x, y, w, h);
            let min_x = poly.iter().map(|p| p[0]).fold(f32::INFINITY, f32::min);
            let max_x = poly.iter().map(|p| p[0]).fold(f32::NEG_INFINITY, f32::max);
            let min_y = poly.iter().map(|p| p[1]).fold(f32::INFINITY, f32::min);
            let max_y = poly.iter().map(|p| p[1]).fold(f32::NEG_INFINITY, f32::max);
            assert!(
                min_x < 0.5 && max_x > w - 0.5 && min_y < 0.5 && max_y > h - 0.5,
                "{kind:?}"
            );
        }
    }

    #[test]
    fn curves_have_enough_points() {
        assert_eq!(outline(Outline::Ellipse, 0.0, 0.0, 300.0, 300.0).len(), 64);
        let cloud = outline(Outline::Cloud, 0.0, 0.0, 300.0, 200.0);
        assert!(cloud.len() >= 7 * 8, "{}", cloud.len());
        let rounded = outline(Outline::RoundedRectangle, 0.0, 0.0, 300.0, 200.0);
        assert!(rounded.len() >= 4 * 8);
        // The corner radius is capped at 24.
        assert!(rounded.iter().any(|p| p[0] == 24.0 && p[1] == 0.0));
    }

    #[test]
    fn triangulation_covers_every_outline() {
        for &(x, y, w, h) in &BOXES {
            for kind in Outline::ALL {
                let poly = outline(kind, x, y, w, h);
                let tris = triangulate(&poly);
                assert_eq!(tris.len(), poly.len() - 2, "{kind:?}");
                let want = area(&poly);
                let got = triangles_area(&poly, &tris);
                assert!(
                    (got - want).abs() <= want * 0.005,
                    "{kind:?} {w}x{h}: {got} vs {want}"
                );
                for t in &tris {
                    for &i in t {
                        assert!((i as usize) < poly.len());
                    }
                }
            }
        }
    }

    #[test]
    fn triangulation_works_both_ways_round_and_on_concave_shapes() {
        // A star with 40 spikes, wound counter-clockwise on screen.
        let star: Vec<[f32; 2]> = (0..80)
            .map(|k| {
                let t = -(k as f32) * TAU / 80.0;
                let r = if k % 2 == 0 { 100.0 } else { 40.0 };
                [r * t.cos(), r * t.sin()]
            })
            .collect();
        assert!(area(&star) < 0.0);
        let tris = triangulate(&star);
        let want = area(&star).abs();
        let got = triangles_area(&star, &tris);
        assert!((got - want).abs() <= want * 1e-4, "{got} vs {want}");
        // A comb with collinear points and repeated neighbours.
        let comb = vec![
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 0.0],
            [20.0, 0.0],
            [20.0, 50.0],
            [15.0, 50.0],
            [15.0, 10.0],
            [10.0, 10.0],
            [10.0, 50.0],
            [5.0, 50.0],
            [5.0, 10.0],
            [0.0, 10.0],
        ];
        let tris = triangulate(&comb);
        let want = area(&comb).abs();
        let got = triangles_area(&comb, &tris);
        assert!((got - want).abs() <= want * 1e-4, "{got} vs {want}");
    }

    #[test]
    fn triangulation_of_random_star_shaped_polygons_matches_their_area() {
        let mut seed: u64 = 99;
        let mut rnd = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 40) as f32) / ((1u64 << 24) as f32)
        };
        for round in 0..60 {
            let n = 4 + round * 3;
            let poly: Vec<[f32; 2]> = (0..n)
                .map(|k| {
                    let t = k as f32 * TAU / n as f32;
                    let r = 10.0 + 90.0 * rnd();
                    [r * t.cos(), r * t.sin()]
                })
                .collect();
            let tris = triangulate(&poly);
            assert_eq!(tris.len(), n - 2, "round {round}");
            let want = area(&poly).abs();
            let got = triangles_area(&poly, &tris);
            assert!(
                (got - want).abs() <= want * 1e-4,
                "round {round}: {got} vs {want}"
            );
        }
    }

    #[test]
    fn triangulation_of_a_large_polygon_is_quick() {
        let big: Vec<[f32; 2]> = (0..2000)
            .map(|k| {
                let t = k as f32 * TAU / 2000.0;
                let r = 500.0 + 30.0 * (t * 17.0).sin();
                [r * t.cos(), r * t.sin()]
            })
            .collect();
        let start = std::time::Instant::now();
        let tris = triangulate(&big);
        assert!(start.elapsed().as_secs_f32() < 5.0);
        let want = area(&big).abs();
        let got = triangles_area(&big, &tris);
        assert!((got - want).abs() <= want * 1e-4, "{got} vs {want}");
    }

    #[test]
    fn triangulation_of_bad_input_is_empty_or_bounded() {
        assert!(triangulate(&[]).is_empty());
        assert!(triangulate(&[[0.0, 0.0], [1.0, 1.0]]).is_empty());
        assert!(triangulate(&[[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]).is_empty());
        assert!(triangulate(&[[0.0, 0.0], [1.0, 0.0], [f32::NAN, 1.0]]).is_empty());
        assert!(triangulate(&[[0.0, 0.0], [f32::INFINITY, 0.0], [0.0, 1.0]]).is_empty());
        assert!(triangulate(&[[1.0, 1.0]; 10]).is_empty());
        // A bow tie crosses itself; it must still return without hanging.
        let bow = [
            [0.0, 0.0],
            [10.0, 10.0],
            [10.0, 0.0],
            [0.0, 10.0],
            [5.0, 20.0],
        ];
        let tris = triangulate(&bow);
        assert!(tris.len() <= bow.len());
        // A scribble of many crossing edges.
        let scribble: Vec<[f32; 2]> = (0..300)
            .map(|k| [((k * 37) % 101) as f32, ((k * 53) % 97) as f32])
            .collect();
        let tris = triangulate(&scribble);
        assert!(tris.len() <= scribble.len());
        // Huge coordinates do not overflow.
        let huge = [
            [-3.0e38, -3.0e38],
            [3.0e38, -3.0e38],
            [3.0e38, 3.0e38],
            [-3.0e38, 3.0e38],
        ];
        assert_eq!(triangulate(&huge).len(), 2);
    }

    #[test]
    fn centre_is_inside_and_outside_is_not() {
        for &(x, y, w, h) in &BOXES {
            for kind in Outline::ALL {
                let poly = outline(kind, x, y, w, h);
                assert!(
                    contains(&poly, [x + w * 0.5, y + h * 0.5]),
                    "{kind:?} {w}x{h}"
                );
                for p in [
                    [x - 1.0, y + h * 0.5],
                    [x + w + 1.0, y + h * 0.5],
                    [x + w * 0.5, y - 1.0],
                    [x + w * 0.5, y + h + 1.0],
                    [x - 10.0, y - 10.0],
                    [x + w + 5.0, y + h + 5.0],
                ] {
                    assert!(!contains(&poly, p), "{kind:?} contains {p:?}");
                }
            }
        }
    }

    #[test]
    fn text_box_lies_within_the_outline() {
        for &(x, y, w, h) in &BOXES {
            for kind in Outline::ALL {
                let poly = outline(kind, x, y, w, h);
                let (tx, ty, tw, th) = text_box(kind, x, y, w, h);
                assert!(tw >= 0.0 && th >= 0.0);
                for p in [[tx, ty], [tx + tw, ty], [tx, ty + th], [tx + tw, ty + th]] {
                    assert!(
                        contains(&poly, p) || distance_to_outline(&poly, p) <= 1.0,
                        "{kind:?} {w}x{h}: text corner {p:?} outside"
                    );
                }
            }
        }
    }

    #[test]
    fn text_boxes_have_the_expected_sizes() {
        let (x, y, w, h) = (0.0, 0.0, 300.0, 200.0);
        assert_eq!(
            text_box(Outline::Rectangle, x, y, w, h),
            (8.0, 8.0, 284.0, 184.0)
        );
        let (_, _, ew, eh) = text_box(Outline::Ellipse, x, y, w, h);
        assert!((ew - w / 2f32.sqrt()).abs() < 1.0 && (eh - h / 2f32.sqrt()).abs() < 1.0);
        assert_eq!(
            text_box(Outline::Diamond, x, y, w, h),
            (75.0, 50.0, 150.0, 100.0)
        );
        let (_, sy, _, sh) = text_box(Outline::SpeechBubble, x, y, w, h);
        assert!(sy + sh <= 160.0);
        let (_, ay, _, ah) = text_box(Outline::BlockArrow, x, y, w, h);
        assert!(ay >= 45.0 && ay + ah <= 155.0);
    }

    #[test]
    fn distance_to_outline_measures_to_the_nearest_edge() {
        let square = outline(Outline::Rectangle, 0.0, 0.0, 10.0, 10.0);
        assert!((distance_to_outline(&square, [5.0, 5.0]) - 5.0).abs() < 1e-6);
        assert!((distance_to_outline(&square, [5.0, -3.0]) - 3.0).abs() < 1e-6);
        assert!((distance_to_outline(&square, [13.0, 14.0]) - 5.0).abs() < 1e-6);
        // The closing edge (left side) counts.
        assert!((distance_to_outline(&square, [-2.0, 5.0]) - 2.0).abs() < 1e-6);
        assert!((distance_to_outline(&[[1.0, 1.0]], [4.0, 5.0]) - 5.0).abs() < 1e-6);
        assert_eq!(distance_to_outline(&[], [0.0, 0.0]), f32::INFINITY);
        assert_eq!(distance_to_outline(&square, [f32::NAN, 0.0]), f32::INFINITY);
    }

    #[test]
    fn degenerate_boxes_do_not_panic() {
        let bad = [
            (0.0, 0.0, 0.0, 10.0),
            (0.0, 0.0, 10.0, 0.0),
            (0.0, 0.0, -5.0, 10.0),
            (f32::NAN, 0.0, 10.0, 10.0),
            (0.0, 0.0, f32::NAN, 10.0),
            (0.0, 0.0, 10.0, f32::INFINITY),
            (3.0e38, 0.0, 3.0e38, 10.0),
        ];
        for &(x, y, w, h) in &bad {
            for kind in Outline::ALL {
                assert!(
                    outline(kind, x, y, w, h).is_empty(),
                    "{kind:?} {x} {y} {w} {h}"
                );
                let (tx, ty, tw, th) = text_box(kind, x, y, w, h);
                assert!(tx.is_finite() && ty.is_finite() && tw == 0.0 && th == 0.0);
            }
        }
        // Tiny and huge but valid boxes give finite points or nothing.
        for kind in Outline::ALL {
            for poly in [
                outline(kind, 0.0, 0.0, 1e-30, 1e-30),
                outline(kind, -1e37, -1e37, 1e37, 1e37),
            ] {
                assert!(poly.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
                let _ = triangulate(&poly);
            }
        }
        assert!(!contains(&[], [0.0, 0.0]));
        assert!(!contains(
            &[[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]],
            [f32::NAN, 0.1]
        ));
    }
}
