//! Geometry of freehand pen strokes.
//!
//! A stroke is a list of points along the middle of the pen's path (`x` grows to the right,
//! `y` grows downwards). This module thins out the points a pen delivers ([`simplify`]),
//! rounds off their corners ([`smooth`]), turns the middle line into the filled shape of the
//! ink ([`outline`], or [`strip`] and [`cap`] for a triangle strip), and answers hit tests
//! for selection and the eraser ([`distance_to_polyline`], [`segment_hits_polyline`],
//! [`bounds`]).
//!
//! The idea of building the ink outline from offset points and round ends follows
//! perfect-freehand by Steve Ruiz (MIT licence); the code here is written from scratch and
//! simpler (the width only tapers along the length, it does not follow the pen's speed).
//!
//! Points that are not finite (NaN or infinite) are skipped everywhere, and empty or broken
//! input gives empty output instead of panicking. The work is done in `f64` so that huge
//! coordinates do not overflow along the way.

use std::f64::consts::PI;

/// Most points [`smooth`] will return.
pub const MAX_SMOOTH_POINTS: usize = 20_000;
/// Number of straight pieces in each round end of a stroke (half a circle).
const CAP_SEGMENTS: usize = 8;
/// Number of straight pieces around the dot drawn for a stroke of a single point.
const DOT_SEGMENTS: usize = 16;
/// Most straight pieces [`cap`] will make, whatever it is asked for.
const MAX_CAP_SEGMENTS: usize = 1024;
/// How far a corner of the offset lines may reach from the middle line, in half widths.
/// A limit of 2 keeps every point within one full width of the middle line.
const MITER_LIMIT: f64 = 2.0;
/// Share of the length at each end over which a tapered stroke thins out.
const TAPER_SHARE: f64 = 0.15;
/// Width at the very ends of a tapered stroke, as a share of the full width.
const TAPER_MIN: f64 = 0.35;
/// Cosine of 30 degrees: [`outline`] rounds the outer side of corners that turn more
/// sharply than that (a smaller cosine), and mitres gentler ones.
const ROUND_JOIN_COS: f64 = 0.866;

/// Removes points that add little to the shape of a line (Ramer–Douglas–Peucker).
///
/// Every dropped point lies within `tolerance` of the returned line, and the first and last
/// points are always kept. The work uses an explicit stack, not recursion, so very long
/// input (100,000 points and more) cannot overflow the call stack. Points that are not finite
/// are skipped first. A tolerance that is not a positive finite number keeps every finite
/// point.
pub fn simplify(points: &[[f32; 2]], tolerance: f32) -> Vec<[f32; 2]> {
    let pts = finite_points(points);
    if pts.len() <= 2 || !tolerance.is_finite() || tolerance <= 0.0 {
        return pts;
    }
    let tol2 = f64::from(tolerance) * f64::from(tolerance);
    let last = pts.len() - 1;
    let mut keep = vec![false; pts.len()];
    set(&mut keep, 0);
    set(&mut keep, last);
    let mut stack: Vec<(usize, usize)> = vec![(0, last)];
    while let Some((start, end)) = stack.pop() {
        if end <= start + 1 {
            continue;
        }
        let (Some(&a), Some(&b)) = (pts.get(start), pts.get(end)) else {
            continue;
        };
        let (a, b) = (to64(a), to64(b));
        let mut far = (start, -1.0f64);
        for (i, p) in pts.iter().enumerate().take(end).skip(start + 1) {
            let d2 = dist2_point_segment(to64(*p), a, b);
            if d2 > far.1 {
                far = (i, d2);
            }
        }
        if far.1 > tol2 {
            set(&mut keep, far.0);
            stack.push((start, far.0));
            stack.push((far.0, end));
        }
    }
    pts.iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

/// Rounds off the corners of a line by Chaikin's corner cutting, `iterations` times.
///
/// Each pass replaces every segment by two points at a quarter and three quarters of its
/// length, so the point count doubles; the first and last points stay where they are.
/// Passes stop early rather than return more than [`MAX_SMOOTH_POINTS`] points, so input
/// that already has more than that many points comes back unchanged. Points that are not
/// finite are skipped; fewer than three points are returned as they are.
pub fn smooth(points: &[[f32; 2]], iterations: usize) -> Vec<[f32; 2]> {
    let mut current = finite_points(points);
    if current.len() < 3 {
        return current;
    }
    for _ in 0..iterations {
        let next_len = current.len().saturating_mul(2);
        if next_len > MAX_SMOOTH_POINTS {
            break;
        }
        let mut next = Vec::with_capacity(next_len);
        if let Some(&first) = current.first() {
            next.push(first);
        }
        for (a, b) in current.iter().zip(current.iter().skip(1)) {
            next.push(lerp(*a, *b, 0.25));
            next.push(lerp(*a, *b, 0.75));
        }
        if let Some(&last) = current.last() {
            next.push(last);
        }
        current = next;
    }
    current
}

/// The closed outline of the ink laid down by a pen of the given `width` moving along the
/// middle line `points` (which should already be smoothed).
///
/// Both ends are rounded with half circles. Sharp corners (turning more than 30 degrees) get
/// a rounded outer side; gentle ones are mitred, and no point of the outline lies further
/// than one `width` from the middle line, even at a U-turn. With `taper`, the ink narrows
/// over the first and last 15 % of the length, down to 35 % of the width at the very ends.
/// A single point (or a stroke whose points all coincide) gives a round dot of that width.
///
/// The outline runs clockwise on screen but may overlap itself where the stroke crosses or
/// folds back on itself, and on the inside of tight corners it runs in to the middle line
/// and back out. It must therefore be filled with the nonzero winding rule (even-odd leaves
/// holes), and hit tests should use [`distance_to_polyline`] rather than the polygon.
/// Points that are not finite are skipped; no points, or a width that is not a positive
/// finite number, give an empty outline.
pub fn outline(points: &[[f32; 2]], width: f32, taper: bool) -> Vec<[f32; 2]> {
    if !width.is_finite() || width <= 0.0 {
        return Vec::new();
    }
    let mut pts: Vec<[f64; 2]> = Vec::with_capacity(points.len());
    for p in points.iter().filter(|p| is_finite(**p)) {
        let q = to64(*p);
        if pts.last() != Some(&q) {
            pts.push(q);
        }
    }
    let half = f64::from(width) * 0.5;
    let out = match pts.as_slice() {
        [] => return Vec::new(),
        [only] => {
            let mut dot = Vec::with_capacity(DOT_SEGMENTS);
            for k in 0..DOT_SEGMENTS {
                let t = 2.0 * PI * (k as f64 / DOT_SEGMENTS as f64);
                dot.push(polar(*only, half, t));
            }
            dot
        }
        _ => stroke_outline(&pts, half, taper),
    };
    to_f32_all(&out)
}

/// The left and right edges of the ink, one pair of points per finite input point, for
/// building a triangle strip (left\[0\], right\[0\], left\[1\], right\[1\], ...).
///
/// "Left" is the pen's left hand as it moves (upwards on screen when it moves right). Each
/// point is pushed out along the average of the directions of its two segments; the push is
/// lengthened at corners so the ink keeps its width, but never beyond one full width, so
/// U-turns do not make long spikes. `taper` thins the ends as in [`outline`]. The round ends
/// are not included: add them with [`cap`]. Points that are not finite are dropped, so the
/// lists are as long as the input only when every point is finite. No points, or a width that
/// is not a positive finite number, give two empty lists.
pub fn strip(points: &[[f32; 2]], width: f32, taper: bool) -> (Vec<[f32; 2]>, Vec<[f32; 2]>) {
    if !width.is_finite() || width <= 0.0 {
        return (Vec::new(), Vec::new());
    }
    let pts: Vec<[f64; 2]> = points
        .iter()
        .filter(|p| is_finite(**p))
        .map(|p| to64(*p))
        .collect();
    if pts.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let radii = half_widths(&pts, f64::from(width) * 0.5, taper);
    let frames = frames(&pts);
    let mut left = Vec::with_capacity(pts.len());
    let mut right = Vec::with_capacity(pts.len());
    for ((p, r), f) in pts.iter().zip(&radii).zip(&frames) {
        let (m, len) = miter(f.d_in, f.d_out, *r);
        left.push(add(*p, scale(m, len)));
        right.push(add(*p, scale(m, -len)));
    }
    let (left, right) = (to_f32_all(&left), to_f32_all(&right));
    if left.len() != pts.len() || right.len() != pts.len() {
        return (Vec::new(), Vec::new());
    }
    (left, right)
}

/// Points on half a circle around `center`, starting at `from_angle` (radians) and going half
/// a turn clockwise on screen (angles grow clockwise because y points down).
///
/// Gives `segments + 1` points, both ends included; `segments` is at least 1 and at most
/// 1024. A centre, radius or angle that is not finite, or a negative radius, gives nothing.
/// For the round end of a stroke whose last segment points at angle `a`, start at
/// `a - π/2` (its left edge); for the start of a stroke whose first segment points at angle
/// `a`, start at `a + π/2` (its right edge).
pub fn cap(center: [f32; 2], radius: f32, from_angle: f32, segments: usize) -> Vec<[f32; 2]> {
    if !is_finite(center) || !radius.is_finite() || radius < 0.0 || !from_angle.is_finite() {
        return Vec::new();
    }
    let segments = segments.clamp(1, MAX_CAP_SEGMENTS);
    let (c, r, a0) = (to64(center), f64::from(radius), f64::from(from_angle));
    let pts: Vec<[f64; 2]> = (0..=segments)
        .map(|k| polar(c, r, a0 + PI * (k as f64 / segments as f64)))
        .collect();
    to_f32_all(&pts)
}

/// The distance from `p` to the nearest point of the open line through `points`.
///
/// A single point gives the distance to that point. Points that are not finite are skipped
/// (the line joins the finite points on either side). No finite points, or a `p` that is not
/// finite, give `f32::INFINITY`.
pub fn distance_to_polyline(points: &[[f32; 2]], p: [f32; 2]) -> f32 {
    if !is_finite(p) {
        return f32::INFINITY;
    }
    let p = to64(p);
    let best = fold_segments(points, f64::INFINITY, |best, a, b| {
        best.min(dist2_point_segment(p, a, b))
    });
    best.sqrt() as f32
}

/// Whether the segment from `a` to `b` (the eraser's path since the last pointer event)
/// comes within `radius` of the open line through `points`.
///
/// Segments that cross count as touching. A single point counts as a line of no length.
/// Points that are not finite are skipped; no finite points, an `a` or `b` that is not
/// finite, or a radius that is negative or NaN give `false`.
pub fn segment_hits_polyline(points: &[[f32; 2]], a: [f32; 2], b: [f32; 2], radius: f32) -> bool {
    if !is_finite(a) || !is_finite(b) || radius.is_nan() || radius < 0.0 {
        return false;
    }
    let (a, b) = (to64(a), to64(b));
    let r = f64::from(radius);
    let r2 = r * r;
    fold_segments(points, false, |hit, c, d| {
        hit || dist2_segment_segment(a, b, c, d) <= r2
    })
}

/// The bounding box `(min_x, min_y, max_x, max_y)` of the finite points, or `None` when there
/// are none.
pub fn bounds(points: &[[f32; 2]]) -> Option<(f32, f32, f32, f32)> {
    points
        .iter()
        .filter(|p| is_finite(**p))
        .fold(None, |acc, p| {
            Some(match acc {
                None => (p[0], p[1], p[0], p[1]),
                Some((x0, y0, x1, y1)) => (x0.min(p[0]), y0.min(p[1]), x1.max(p[0]), y1.max(p[1])),
            })
        })
}

// ---------------------------------------------------------------------------------------
// Outline building

/// Directions of the segments before and after a point of the middle line.
#[derive(Clone, Copy)]
struct Frame {
    /// Unit direction arriving at the point (the next segment's when there is none before).
    d_in: [f64; 2],
    /// Unit direction leaving the point (the previous segment's when there is none after).
    d_out: [f64; 2],
    /// Whether a real segment arrives at and another leaves the point, so it is a corner.
    corner: bool,
}

/// The directions around every point, skipping segments of no length. When every point
/// coincides the direction is taken as pointing right.
fn frames(pts: &[[f64; 2]]) -> Vec<Frame> {
    let dirs: Vec<Option<[f64; 2]>> = pts
        .iter()
        .zip(pts.iter().skip(1))
        .map(|(a, b)| unit(sub(*b, *a)))
        .collect();
    let n = pts.len();
    // Nearest usable direction at or before each segment, and at or after it.
    let mut before: Vec<Option<[f64; 2]>> = Vec::with_capacity(dirs.len());
    let mut seen = None;
    for d in &dirs {
        seen = d.or(seen);
        before.push(seen);
    }
    let mut after: Vec<Option<[f64; 2]>> = vec![None; dirs.len()];
    let mut seen = None;
    for (slot, d) in after.iter_mut().zip(&dirs).rev() {
        seen = d.or(seen);
        *slot = seen;
    }
    (0..n)
        .map(|i| {
            let incoming = i
                .checked_sub(1)
                .and_then(|k| before.get(k).copied().flatten());
            let outgoing = after.get(i).copied().flatten();
            let d_in = incoming.or(outgoing).unwrap_or([1.0, 0.0]);
            let d_out = outgoing.or(incoming).unwrap_or([1.0, 0.0]);
            Frame {
                d_in,
                d_out,
                corner: incoming.is_some() && outgoing.is_some(),
            }
        })
        .collect()
}

/// The pen's left-hand normal for a direction: the direction turned a quarter turn
/// anticlockwise on screen.
fn normal(d: [f64; 2]) -> [f64; 2] {
    [d[1], -d[0]]
}

/// The direction and length of the push from the middle line to the left edge at a corner
/// between directions `d_in` and `d_out`, for half width `r`.
fn miter(d_in: [f64; 2], d_out: [f64; 2], r: f64) -> ([f64; 2], f64) {
    let n_in = normal(d_in);
    let sum = add(n_in, normal(d_out));
    // At an exact U-turn the two normals cancel; the corner then points straight ahead.
    let m = unit(sum).unwrap_or(d_in);
    let cos = dot(m, n_in);
    let len = r / cos.max(1.0 / MITER_LIMIT);
    (m, len)
}

/// Half the width at each point: constant, or thinning towards both ends when tapered.
fn half_widths(pts: &[[f64; 2]], half: f64, taper: bool) -> Vec<f64> {
    if !taper {
        return vec![half; pts.len()];
    }
    let mut along = Vec::with_capacity(pts.len());
    let mut total = 0.0f64;
    let mut prev: Option<[f64; 2]> = None;
    for p in pts {
        if let Some(q) = prev {
            total += length(sub(*p, q));
        }
        along.push(total);
        prev = Some(*p);
    }
    if !(total > 0.0 && total.is_finite()) {
        return vec![half; pts.len()];
    }
    along
        .iter()
        .map(|s| half * taper_factor(s / total))
        .collect()
}

/// Share of the full width at position `t` (0 at the start, 1 at the end) of a tapered stroke.
fn taper_factor(t: f64) -> f64 {
    let ramp = |u: f64| {
        if u >= TAPER_SHARE {
            1.0
        } else {
            let x = (u / TAPER_SHARE).clamp(0.0, 1.0);
            TAPER_MIN + (1.0 - TAPER_MIN) * x * x * (3.0 - 2.0 * x)
        }
    };
    ramp(t).min(ramp(1.0 - t))
}

/// How one side of the outline goes round a point of the middle line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    /// A single point where the two offset edges meet (or would meet, for the outer side).
    Miter,
    /// An arc around the point, for the outer side of a sharp corner.
    Round,
    /// In to the point itself and back out, for the inner side of a corner whose mitre
    /// would reach past its neighbouring segments. Filled with the nonzero rule this still
    /// covers both segments fully and leaves no holes.
    Pivot,
}

/// A point of the middle line with everything needed to draw the outline around it.
#[derive(Clone, Copy)]
struct Corner {
    p: [f64; 2],
    /// Half the width here.
    r: f64,
    f: Frame,
    left: Join,
    right: Join,
}

/// Chooses the joins on the left and right side at a point of the middle line.
fn joins(f: &Frame, r: f64, len_in: f64, len_out: f64) -> (Join, Join) {
    if !f.corner {
        return (Join::Miter, Join::Miter);
    }
    let sharp = dot(f.d_in, f.d_out) < ROUND_JOIN_COS;
    // How far along each segment a mitred inner corner reaches; half of each segment is
    // left for the corner at its other end.
    let reach = r * (turn_angle(f.d_in, f.d_out).abs() * 0.5).tan();
    let inner_fits = reach <= 0.5 * len_in.min(len_out);
    let outer = if sharp { Join::Round } else { Join::Miter };
    let inner = if sharp || !inner_fits {
        Join::Pivot
    } else {
        Join::Miter
    };
    if cross(f.d_in, f.d_out) >= 0.0 {
        // Turning clockwise on screen (or folding straight back): the left side is outside.
        (outer, inner)
    } else {
        (inner, outer)
    }
}

/// The outline of a stroke of at least two distinct points (repeated neighbours removed).
fn stroke_outline(pts: &[[f64; 2]], half: f64, taper: bool) -> Vec<[f64; 2]> {
    let radii = half_widths(pts, half, taper);
    let frames = frames(pts);
    let seg_len = |i: usize, j: usize| match (pts.get(i), pts.get(j)) {
        (Some(a), Some(b)) => length(sub(*b, *a)),
        _ => 0.0,
    };
    let items: Vec<Corner> = pts
        .iter()
        .zip(&radii)
        .zip(&frames)
        .enumerate()
        .map(|(i, ((p, r), f))| {
            let len_in = i.checked_sub(1).map_or(0.0, |h| seg_len(h, i));
            let (left, right) = joins(f, *r, len_in, seg_len(i, i + 1));
            Corner {
                p: *p,
                r: *r,
                f: *f,
                left,
                right,
            }
        })
        .collect();
    let mut out = Vec::with_capacity(pts.len() * 2 + 2 * CAP_SEGMENTS);

    // Left edge, going forwards.
    for &Corner {
        p,
        r,
        f,
        left: join,
        ..
    } in &items
    {
        let (n_in, n_out) = (normal(f.d_in), normal(f.d_out));
        match join {
            Join::Miter => {
                let (m, len) = miter(f.d_in, f.d_out, r);
                out.push(add(p, scale(m, len)));
            }
            Join::Round => round_join(&mut out, p, r, n_in, turn_angle(f.d_in, f.d_out).abs()),
            Join::Pivot => out.extend([add(p, scale(n_in, r)), p, add(p, scale(n_out, r))]),
        }
    }
    // Round end.
    if let (Some(&p), Some(&r), Some(f)) = (pts.last(), radii.last(), frames.last()) {
        half_circle_inner(&mut out, p, r, angle(normal(f.d_out)));
    }
    // Right edge, going backwards.
    for &Corner {
        p,
        r,
        f,
        right: join,
        ..
    } in items.iter().rev()
    {
        let (n_in, n_out) = (normal(f.d_in), normal(f.d_out));
        match join {
            Join::Miter => {
                let (m, len) = miter(f.d_in, f.d_out, r);
                out.push(add(p, scale(m, -len)));
            }
            Join::Round => {
                round_join(
                    &mut out,
                    p,
                    r,
                    scale(n_out, -1.0),
                    turn_angle(f.d_in, f.d_out).abs(),
                );
            }
            Join::Pivot => out.extend([add(p, scale(n_out, -r)), p, add(p, scale(n_in, -r))]),
        }
    }
    // Round start.
    if let (Some(&p), Some(&r), Some(f)) = (pts.first(), radii.first(), frames.first()) {
        half_circle_inner(&mut out, p, r, angle(scale(normal(f.d_in), -1.0)));
    }
    out
}

/// Appends an arc of radius `r` around `p`, starting in direction `from` and turning `sweep`
/// radians (between 0 and π) clockwise on screen, both ends included.
fn round_join(out: &mut Vec<[f64; 2]>, p: [f64; 2], r: f64, from: [f64; 2], sweep: f64) {
    let a0 = angle(from);
    let steps = ((sweep.abs() / (PI / CAP_SEGMENTS as f64)).ceil() as usize).clamp(1, CAP_SEGMENTS);
    for k in 0..=steps {
        out.push(polar(p, r, a0 + sweep * (k as f64 / steps as f64)));
    }
}

/// Appends the points strictly between the ends of a half circle of radius `r` around `p`
/// starting at angle `a0` and turning clockwise on screen (the ends are already in place).
fn half_circle_inner(out: &mut Vec<[f64; 2]>, p: [f64; 2], r: f64, a0: f64) {
    for k in 1..CAP_SEGMENTS {
        out.push(polar(p, r, a0 + PI * (k as f64 / CAP_SEGMENTS as f64)));
    }
}

/// The angle turned from direction `a` to direction `b`, positive when clockwise on screen.
fn turn_angle(a: [f64; 2], b: [f64; 2]) -> f64 {
    cross(a, b).atan2(dot(a, b))
}

// ---------------------------------------------------------------------------------------
// Small helpers

fn is_finite(p: [f32; 2]) -> bool {
    p[0].is_finite() && p[1].is_finite()
}

fn finite_points(points: &[[f32; 2]]) -> Vec<[f32; 2]> {
    points.iter().copied().filter(|p| is_finite(*p)).collect()
}

fn set(flags: &mut [bool], i: usize) {
    if let Some(f) = flags.get_mut(i) {
        *f = true;
    }
}

fn lerp(a: [f32; 2], b: [f32; 2], t: f32) -> [f32; 2] {
    [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
}

fn to64(p: [f32; 2]) -> [f64; 2] {
    [f64::from(p[0]), f64::from(p[1])]
}

/// Converts back to `f32`; gives nothing at all if any point does not fit.
fn to_f32_all(pts: &[[f64; 2]]) -> Vec<[f32; 2]> {
    let out: Vec<[f32; 2]> = pts.iter().map(|p| [p[0] as f32, p[1] as f32]).collect();
    if out.iter().all(|p| is_finite(*p)) {
        out
    } else {
        Vec::new()
    }
}

fn add(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [a[0] + b[0], a[1] + b[1]]
}

fn sub(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [a[0] - b[0], a[1] - b[1]]
}

fn scale(a: [f64; 2], s: f64) -> [f64; 2] {
    [a[0] * s, a[1] * s]
}

fn dot(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0] * b[0] + a[1] * b[1]
}

/// Positive when turning from `a` to `b` is clockwise on screen.
fn cross(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0] * b[1] - a[1] * b[0]
}

fn length(a: [f64; 2]) -> f64 {
    a[0].hypot(a[1])
}

fn unit(a: [f64; 2]) -> Option<[f64; 2]> {
    let len = length(a);
    (len > 1e-12 && len.is_finite()).then(|| scale(a, 1.0 / len))
}

fn angle(a: [f64; 2]) -> f64 {
    a[1].atan2(a[0])
}

fn polar(c: [f64; 2], r: f64, t: f64) -> [f64; 2] {
    [c[0] + r * t.cos(), c[1] + r * t.sin()]
}

/// Runs `f` over each segment of the open line through the finite points (a lone point
/// counts as a segment of no length).
fn fold_segments<T>(
    points: &[[f32; 2]],
    init: T,
    mut f: impl FnMut(T, [f64; 2], [f64; 2]) -> T,
) -> T {
    let mut finite = points.iter().filter(|p| is_finite(**p)).map(|p| to64(*p));
    let Some(first) = finite.next() else {
        return init;
    };
    let mut acc = init;
    let mut prev = first;
    let mut any = false;
    for p in finite {
        acc = f(acc, prev, p);
        prev = p;
        any = true;
    }
    if !any {
        acc = f(acc, first, first);
    }
    acc
}

/// Squared distance from `p` to the segment a–b.
fn dist2_point_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let ab = sub(b, a);
    let len2 = dot(ab, ab);
    let t = if len2 > 0.0 {
        (dot(sub(p, a), ab) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let d = sub(p, add(a, scale(ab, t)));
    dot(d, d)
}

/// Squared distance between the segments a–b and c–d (zero when they cross).
fn dist2_segment_segment(a: [f64; 2], b: [f64; 2], c: [f64; 2], d: [f64; 2]) -> f64 {
    let o1 = cross(sub(b, a), sub(c, a));
    let o2 = cross(sub(b, a), sub(d, a));
    let o3 = cross(sub(d, c), sub(a, c));
    let o4 = cross(sub(d, c), sub(b, c));
    if o1 * o2 < 0.0 && o3 * o4 < 0.0 {
        return 0.0;
    }
    dist2_point_segment(a, c, d)
        .min(dist2_point_segment(b, c, d))
        .min(dist2_point_segment(c, a, b))
        .min(dist2_point_segment(d, a, b))
}

/// Each inner point moved to a quarter of each neighbour and half of itself, which evens out
/// jitter of a point or two (a hand on a mouse) while keeping the ends and the shape.
pub fn smooth_average(points: &[[f32; 2]]) -> Vec<[f32; 2]> {
    let n = points.len();
    if n < 3 {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(n);
    out.extend(points.first().copied());
    for w in points.windows(3) {
        if let [a, b, c] = w {
            out.push([
                0.25 * a[0] + 0.5 * b[0] + 0.25 * c[0],
                0.25 * a[1] + 0.5 * b[1] + 0.25 * c[1],
            ]);
        }
    }
    out.extend(points.last().copied());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A horizontal line whose points zig-zag `amp` above and below it.
    fn zigzag(n: usize, amp: f32) -> Vec<[f32; 2]> {
        (0..n)
            .map(|i| [i as f32 * 2.0, 100.0 + if i % 2 == 0 { amp } else { -amp }])
            .collect()
    }

    fn jittery_line(n: usize) -> Vec<[f32; 2]> {
        zigzag(n, 0.75)
    }

    /// A small deterministic random number generator for test data.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> f32 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 40) as f32) / ((1u64 << 24) as f32)
        }
    }

    fn check_within(line: &[[f32; 2]], simple: &[[f32; 2]], tolerance: f32) {
        assert_eq!(simple.first(), line.first());
        assert_eq!(simple.last(), line.last());
        for p in line {
            assert!(
                distance_to_polyline(simple, *p) <= tolerance + 1e-4,
                "{p:?}"
            );
        }
    }

    #[test]
    fn simplify_removes_jitter_and_stays_within_tolerance() {
        // A 1.5 unit zig-zag (0.75 either side of the line).
        let line = jittery_line(500);
        let simple = simplify(&line, 2.0);
        assert!(simple.len() < 20, "{} points", simple.len());
        check_within(&line, &simple, 2.0);
        // Random noise of up to 1 unit either side.
        let mut rng = Lcg(3);
        let noisy: Vec<[f32; 2]> = (0..500)
            .map(|i| [i as f32 * 2.0, 100.0 + (rng.next() * 2.0 - 1.0)])
            .collect();
        let simple = simplify(&noisy, 2.0);
        assert!(simple.len() < 20, "{} points", simple.len());
        check_within(&noisy, &simple, 2.0);
    }

    #[test]
    fn simplify_of_a_wide_zig_zag_stays_correct() {
        // Points 1.5 either side of the line are 3 apart. Any line through kept input points
        // passes within 2 of one side only near its ends, so a tolerance of 2 must keep
        // nearly everything; it still has to be correct.
        let line = zigzag(500, 1.5);
        let simple = simplify(&line, 2.0);
        check_within(&line, &simple, 2.0);
        // A tolerance wider than the zig-zag removes it.
        let simple = simplify(&line, 3.5);
        assert!(simple.len() < 20, "{} points", simple.len());
        check_within(&line, &simple, 3.5);
    }

    #[test]
    fn simplify_keeps_real_corners() {
        let zig = vec![
            [0.0, 0.0],
            [50.0, 0.5],
            [100.0, 0.0],
            [100.0, 100.0],
            [0.0, 100.0],
        ];
        assert_eq!(
            simplify(&zig, 2.0),
            vec![[0.0, 0.0], [100.0, 0.0], [100.0, 100.0], [0.0, 100.0]]
        );
    }

    #[test]
    fn simplify_handles_huge_input_quickly() {
        let mut rng = Lcg(7);
        let mut p = [0.0f32, 0.0];
        let walk: Vec<[f32; 2]> = (0..100_000)
            .map(|i| {
                let t = i as f32 * 0.001;
                p = [
                    p[0] + t.cos() * 2.0 + rng.next() - 0.5,
                    p[1] + t.sin() * 2.0 + rng.next() - 0.5,
                ];
                p
            })
            .collect();
        let start = std::time::Instant::now();
        let simple = simplify(&walk, 1.0);
        let took = start.elapsed().as_secs_f32();
        assert!(took < 1.0, "took {took} s");
        assert!(simple.len() > 2 && simple.len() < walk.len());
        // A line whose every point is a new corner, worst case for the split order.
        let line: Vec<[f32; 2]> = (0..100_000)
            .map(|i| [i as f32, (i as f32 * 0.01).powi(2)])
            .collect();
        let simple = simplify(&line, 0.5);
        assert!(simple.len() >= 2);
    }

    #[test]
    fn simplify_edge_cases() {
        assert!(simplify(&[], 1.0).is_empty());
        assert_eq!(simplify(&[[1.0, 2.0]], 1.0), vec![[1.0, 2.0]]);
        let line = jittery_line(10);
        assert_eq!(simplify(&line, f32::NAN), line);
        assert_eq!(simplify(&line, -1.0), line);
        let with_nan = vec![[0.0, 0.0], [f32::NAN, 1.0], [5.0, 0.1], [10.0, 0.0]];
        assert_eq!(simplify(&with_nan, 1.0), vec![[0.0, 0.0], [10.0, 0.0]]);
        // A closed loop (first point equals the last) keeps its shape.
        let loop_ = vec![
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 10.0],
            [0.0, 10.0],
            [0.0, 0.0],
        ];
        assert_eq!(simplify(&loop_, 1.0).len(), 5);
    }

    #[test]
    fn smooth_keeps_endpoints_and_caps_output() {
        let pts = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [20.0, 10.0]];
        let s = smooth(&pts, 2);
        assert_eq!(s.len(), 16);
        assert_eq!(s.first(), Some(&[0.0, 0.0]));
        assert_eq!(s.last(), Some(&[20.0, 10.0]));
        // The corner is cut.
        assert!(!s.contains(&[10.0, 0.0]));

        let many: Vec<[f32; 2]> = (0..1000).map(|i| [i as f32, (i % 7) as f32]).collect();
        let s = smooth(&many, 10);
        assert!(
            s.len() <= MAX_SMOOTH_POINTS && s.len() >= 8000,
            "{}",
            s.len()
        );
        assert_eq!(s.first(), many.first());
        assert_eq!(s.last(), many.last());
        let s = smooth(&many, usize::MAX);
        assert!(s.len() <= MAX_SMOOTH_POINTS);

        assert!(smooth(&[], 3).is_empty());
        assert_eq!(
            smooth(&[[1.0, 1.0], [2.0, 2.0]], 3),
            vec![[1.0, 1.0], [2.0, 2.0]]
        );
        let s = smooth(&[[0.0, 0.0], [f32::NAN, 0.0], [5.0, 5.0], [10.0, 0.0]], 1);
        assert!(s.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
        assert_eq!(s.len(), 6);
    }

    #[test]
    fn outline_of_a_straight_line_has_round_caps() {
        let line: Vec<[f32; 2]> = (0..=10).map(|i| [i as f32 * 10.0, 50.0]).collect();
        let out = outline(&line, 10.0, false);
        assert!(!out.is_empty());
        for p in &out {
            assert!(distance_to_polyline(&line, *p) <= 5.01, "{p:?}");
        }
        let (x0, y0, x1, y1) = bounds(&out).unwrap();
        assert!(
            (x0 - -5.0).abs() < 0.01 && (x1 - 105.0).abs() < 0.01,
            "{x0} {x1}"
        );
        assert!((y0 - 45.0).abs() < 0.01 && (y1 - 55.0).abs() < 0.01);
        // Clockwise on screen: positive area with y pointing down.
        let area: f32 = out
            .iter()
            .zip(out.iter().cycle().skip(1))
            .map(|(a, b)| a[0] * b[1] - b[0] * a[1])
            .sum::<f32>()
            * 0.5;
        assert!(
            (area - (100.0 * 10.0 + PI as f32 * 25.0)).abs() < 5.0,
            "{area}"
        );
        // The strip has one pair per point at the right distance.
        let (left, right) = strip(&line, 10.0, false);
        assert_eq!(left.len(), line.len());
        assert_eq!(right.len(), line.len());
        assert!(left.iter().all(|p| (p[1] - 45.0).abs() < 1e-4));
        assert!(right.iter().all(|p| (p[1] - 55.0).abs() < 1e-4));
    }

    #[test]
    fn taper_makes_the_ends_narrower() {
        let line: Vec<[f32; 2]> = (0..=100).map(|i| [i as f32 * 2.0, 0.0]).collect();
        let (left, right) = strip(&line, 10.0, true);
        let width = |i: usize| (right[i][1] - left[i][1]).abs();
        assert!((width(50) - 10.0).abs() < 1e-4);
        assert!((width(0) - 3.5).abs() < 1e-3, "{}", width(0));
        assert!((width(100) - 3.5).abs() < 1e-3);
        assert!(width(5) < width(50) && width(95) < width(50));
        let out = outline(&line, 10.0, true);
        let near_start = out
            .iter()
            .filter(|p| p[0] < 2.0)
            .map(|p| p[1].abs())
            .fold(0.0f32, f32::max);
        let middle = out
            .iter()
            .filter(|p| (p[0] - 100.0).abs() < 3.0)
            .map(|p| p[1].abs())
            .fold(0.0f32, f32::max);
        assert!(
            near_start < 2.0 && (middle - 5.0).abs() < 1e-3,
            "{near_start} {middle}"
        );
        // Without taper the ends are as wide as the middle.
        let (left, right) = strip(&line, 10.0, false);
        assert!(((right[0][1] - left[0][1]) - 10.0).abs() < 1e-4);
    }

    #[test]
    fn u_turns_make_no_long_spikes() {
        let width = 10.0;
        let sharp = vec![[0.0, 0.0], [100.0, 0.0], [0.0, 0.0]];
        let near = vec![[0.0, 0.0], [100.0, 0.0], [0.0, 2.0]];
        let near_left = vec![[0.0, 0.0], [100.0, 0.0], [0.0, -2.0]];
        let zigzag: Vec<[f32; 2]> = (0..40)
            .map(|i| [if i % 2 == 0 { 0.0 } else { 60.0 }, i as f32 * 1.0])
            .collect();
        for line in [sharp, near, near_left, zigzag] {
            for taper in [false, true] {
                let out = outline(&line, width, taper);
                assert!(!out.is_empty());
                for p in &out {
                    let d = distance_to_polyline(&line, *p);
                    assert!(d <= width + 1e-3, "outline point {p:?} is {d} away");
                }
                let (left, right) = strip(&line, width, taper);
                assert_eq!(left.len(), line.len());
                for p in left.iter().chain(&right) {
                    let d = distance_to_polyline(&line, *p);
                    assert!(d <= width + 1e-3, "strip point {p:?} is {d} away");
                }
            }
        }
        // The tip of a hairpin is round: its furthest point is half a width beyond the turn.
        let out = outline(&[[0.0, 0.0], [100.0, 0.0], [0.0, 0.0]], width, false);
        let max_x = out.iter().map(|p| p[0]).fold(f32::MIN, f32::max);
        assert!((max_x - 105.0).abs() < 0.01, "{max_x}");
    }

    #[test]
    fn single_point_gives_a_dot() {
        for pts in [vec![[3.0, 4.0]], vec![[3.0, 4.0]; 5]] {
            let out = outline(&pts, 8.0, true);
            assert_eq!(out.len(), 16);
            for p in &out {
                let d = ((p[0] - 3.0).powi(2) + (p[1] - 4.0).powi(2)).sqrt();
                assert!((d - 4.0).abs() < 1e-4);
            }
        }
        let (left, right) = strip(&[[3.0, 4.0]], 8.0, false);
        assert_eq!((left.len(), right.len()), (1, 1));
    }

    #[test]
    fn empty_and_broken_input_give_empty_output() {
        assert!(outline(&[], 5.0, false).is_empty());
        assert_eq!(strip(&[], 5.0, true), (vec![], vec![]));
        assert!(outline(&[[0.0, 0.0], [1.0, 1.0]], 0.0, false).is_empty());
        assert!(outline(&[[0.0, 0.0], [1.0, 1.0]], f32::NAN, false).is_empty());
        assert!(outline(&[[0.0, 0.0], [1.0, 1.0]], -3.0, false).is_empty());
        assert!(outline(&[[f32::NAN, 0.0], [f32::INFINITY, 1.0]], 3.0, false).is_empty());
        assert_eq!(strip(&[[0.0, 0.0]], f32::INFINITY, false), (vec![], vec![]));
        // NaN points in the middle are skipped.
        let pts = vec![
            [0.0, 0.0],
            [f32::NAN, 5.0],
            [10.0, 0.0],
            [20.0, f32::NEG_INFINITY],
            [20.0, 0.0],
        ];
        let out = outline(&pts, 4.0, true);
        assert!(!out.is_empty());
        assert!(out.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
        let (left, right) = strip(&pts, 4.0, true);
        assert_eq!((left.len(), right.len()), (3, 3));
        // Huge coordinates give finite points or nothing, never a panic.
        let huge = vec![[-3.0e38, 0.0], [3.0e38, 0.0], [3.0e38, 3.0e38]];
        let out = outline(&huge, 3.0e38, true);
        assert!(out.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
        let _ = strip(&huge, 3.0e38, true);
        let _ = simplify(&huge, 1.0);
        let _ = smooth(&huge, 3);
        assert!(cap([0.0, 0.0], f32::NAN, 0.0, 8).is_empty());
        assert!(cap([0.0, 0.0], -1.0, 0.0, 8).is_empty());
        assert_eq!(distance_to_polyline(&[], [0.0, 0.0]), f32::INFINITY);
        assert!(!segment_hits_polyline(&[], [0.0, 0.0], [1.0, 1.0], 100.0));
        assert_eq!(bounds(&[]), None);
        assert_eq!(bounds(&[[f32::NAN, 1.0]]), None);
    }

    #[test]
    fn cap_is_a_clockwise_half_circle() {
        let c = cap([10.0, 10.0], 5.0, -std::f32::consts::FRAC_PI_2, 8);
        assert_eq!(c.len(), 9);
        // Starts at the top, passes the right and ends at the bottom.
        assert!((c[0][0] - 10.0).abs() < 1e-4 && (c[0][1] - 5.0).abs() < 1e-4);
        assert!((c[4][0] - 15.0).abs() < 1e-4 && (c[4][1] - 10.0).abs() < 1e-4);
        assert!((c[8][0] - 10.0).abs() < 1e-4 && (c[8][1] - 15.0).abs() < 1e-4);
        assert_eq!(cap([0.0, 0.0], 1.0, 0.0, 0).len(), 2);
        assert_eq!(cap([0.0, 0.0], 1.0, 0.0, usize::MAX).len(), 1025);
    }

    #[test]
    fn distance_to_polyline_on_simple_cases() {
        let l = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]];
        assert!((distance_to_polyline(&l, [5.0, 3.0]) - 3.0).abs() < 1e-6);
        assert!((distance_to_polyline(&l, [13.0, 5.0]) - 3.0).abs() < 1e-6);
        assert!((distance_to_polyline(&l, [-3.0, -4.0]) - 5.0).abs() < 1e-6);
        // Open: no closing edge from the last point back to the first.
        assert!((distance_to_polyline(&l, [3.0, 7.0]) - 7.0).abs() < 1e-6);
        assert!((distance_to_polyline(&[[1.0, 1.0]], [4.0, 5.0]) - 5.0).abs() < 1e-6);
        assert_eq!(distance_to_polyline(&l, [f32::NAN, 0.0]), f32::INFINITY);
        let with_nan = vec![[0.0, 0.0], [f32::NAN, f32::NAN], [10.0, 0.0]];
        assert!((distance_to_polyline(&with_nan, [5.0, 2.0]) - 2.0).abs() < 1e-6);
    }

    #[test]
    fn segment_hits_polyline_on_simple_cases() {
        let l = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]];
        // Crossing the line.
        assert!(segment_hits_polyline(&l, [5.0, -5.0], [5.0, 5.0], 0.0));
        // Passing nearby.
        assert!(segment_hits_polyline(&l, [0.0, 3.0], [6.0, 3.0], 3.5));
        assert!(!segment_hits_polyline(&l, [0.0, 3.0], [6.0, 3.0], 2.5));
        // The end of the swept segment is 2 from the second piece of the line.
        assert!(segment_hits_polyline(&l, [0.0, 3.0], [8.0, 3.0], 2.01));
        // A swept segment of no length is a point.
        assert!(segment_hits_polyline(&l, [12.0, 5.0], [12.0, 5.0], 2.0));
        assert!(!segment_hits_polyline(&l, [13.0, 5.0], [13.0, 5.0], 2.0));
        // Parallel and touching end to end.
        assert!(segment_hits_polyline(&l, [-5.0, 0.0], [0.0, 0.0], 0.0));
        // A single-point line.
        assert!(segment_hits_polyline(
            &[[5.0, 5.0]],
            [0.0, 0.0],
            [10.0, 0.0],
            5.0
        ));
        assert!(!segment_hits_polyline(
            &[[5.0, 5.0]],
            [0.0, 0.0],
            [10.0, 0.0],
            4.9
        ));
        // Bad radius or ends.
        assert!(!segment_hits_polyline(
            &l,
            [5.0, -5.0],
            [5.0, 5.0],
            f32::NAN
        ));
        assert!(!segment_hits_polyline(&l, [5.0, -5.0], [5.0, 5.0], -1.0));
        assert!(!segment_hits_polyline(
            &l,
            [f32::NAN, -5.0],
            [5.0, 5.0],
            1.0
        ));
    }

    #[test]
    fn bounds_skip_non_finite_points() {
        let pts = vec![
            [1.0, 5.0],
            [f32::NAN, 100.0],
            [-2.0, 3.0],
            [4.0, f32::INFINITY],
            [0.0, 9.0],
        ];
        assert_eq!(bounds(&pts), Some((-2.0, 3.0, 1.0, 9.0)));
        assert_eq!(bounds(&[[2.0, 3.0]]), Some((2.0, 3.0, 2.0, 3.0)));
    }
}
