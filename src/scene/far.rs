//! Far out (text too small to read), every element but arrows and pictures is a few quads in
//! one mesh, in paint order. This module builds those quads and keeps them.
//!
//! An element's far-out look is worked out once for a *zoom step* (quarter octaves) and kept
//! in world points, keyed by the element's stamp from the spatial index (new whenever an edit
//! touches it): a frame then only places the kept vertices of what is in view, a multiply
//! and an add each, however many points a stroke has or however its outline is made. A
//! vertex is a world point plus an offset in screen points, so that lines kept a pixel wide
//! and insets of a pixel stay exact at every zoom of the step; only the level of detail (how
//! many points a line keeps, which thin parts show at all) is that of the step.
//!
//! A stroke is simplified for the step with a tolerance under half a pixel, from a ladder of
//! simpler and simpler versions of its line worked out once, so that a step's version costs
//! what it keeps, not what the stroke holds.

use super::{Transform, color32, estimated_text_size, text_area};
use crate::model::arrow::{self, ArrowPath};
use crate::model::elements::{shape_geom, stroke_geom};
use crate::model::ids::IdMap;
use crate::model::{Arrow, Card, Element, End, Head, LineStyle, Point, Rgba, Shape, Stroke, Text};
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, pos2};

/// Zoom steps per octave.
const STEPS_PER_OCTAVE: f32 = 4.0;

/// The zoom step of `zoom`.
fn step_of(zoom: f32) -> i32 {
    let z = if zoom.is_finite() && zoom > 0.0 {
        zoom
    } else {
        1.0
    };
    (z.log2() * STEPS_PER_OCTAVE).round().clamp(-200.0, 200.0) as i32
}

/// The zoom a step's look is worked out for.
fn zoom_of(step: i32) -> f32 {
    (step as f32 / STEPS_PER_OCTAVE).exp2()
}

/// A vertex: `p` in world points plus `o` in screen points.
#[derive(Clone, Copy, Debug, PartialEq)]
struct FarVertex {
    p: [f32; 2],
    o: [f32; 2],
    color: Color32,
}

/// A length on screen: in world points (growing with the zoom) or in screen points.
#[derive(Clone, Copy, Debug)]
enum Len {
    World(f32),
    Screen(f32),
}

impl Len {
    /// `world` world points wide, but never under `min` screen points at zoom `z`.
    fn at_least(world: f32, min: f32, z: f32) -> Self {
        if world * z >= min {
            Len::World(world)
        } else {
            Len::Screen(min)
        }
    }

    /// The offset `d` (a unit direction) times half this length: (world, screen).
    fn half_along(self, d: [f32; 2]) -> ([f32; 2], [f32; 2]) {
        match self {
            Len::World(w) => ([d[0] * w / 2.0, d[1] * w / 2.0], [0.0; 2]),
            Len::Screen(w) => ([0.0; 2], [d[0] * w / 2.0, d[1] * w / 2.0]),
        }
    }
}

/// The far-out look of one element: triangles over [`FarVertex`]es.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Geometry {
    vertices: Vec<FarVertex>,
    indices: Vec<u32>,
}

impl Geometry {
    fn clear(&mut self) {
        self.vertices.clear();
        self.indices.clear();
    }

    fn vertex(&mut self, p: [f32; 2], o: [f32; 2], color: Color32) -> u32 {
        let i = self.vertices.len() as u32;
        self.vertices.push(FarVertex { p, o, color });
        i
    }

    /// A quad over four corners (world point, screen offset), in order round it.
    fn quad(&mut self, corners: [([f32; 2], [f32; 2]); 4], color: Color32) {
        let i = self.vertices.len() as u32;
        for (p, o) in corners {
            self.vertex(p, o, color);
        }
        self.indices
            .extend_from_slice(&[i, i + 1, i + 2, i, i + 2, i + 3]);
    }

    /// An upright rectangle in world points, its sides moved in by `inset` screen points.
    fn rect(&mut self, min: [f32; 2], max: [f32; 2], inset: f32, color: Color32) {
        let (a, b) = (inset, -inset);
        self.quad(
            [
                (min, [a, a]),
                ([max[0], min[1]], [b, a]),
                (max, [b, b]),
                ([min[0], max[1]], [a, b]),
            ],
            color,
        );
    }

    /// A line from `a` to `b` (world points), `width` wide, with square ends flush with them.
    fn line(&mut self, a: [f32; 2], b: [f32; 2], width: Len, color: Color32) {
        let d = [b[0] - a[0], b[1] - a[1]];
        let len = d[0].hypot(d[1]);
        if len.is_nan() || len <= 1e-6 {
            return;
        }
        let (w, s) = width.half_along([-d[1] / len, d[0] / len]);
        let add = |p: [f32; 2], k: f32| ([p[0] + w[0] * k, p[1] + w[1] * k], [s[0] * k, s[1] * k]);
        self.quad(
            [add(a, 1.0), add(a, -1.0), add(b, -1.0), add(b, 1.0)],
            color,
        );
    }

    /// A square dot `width` wide centred on `p`.
    fn dot(&mut self, p: [f32; 2], width: Len, color: Color32) {
        let (w, s) = width.half_along([1.0, 1.0]);
        let at = |kx: f32, ky: f32| ([p[0] + w[0] * kx, p[1] + w[1] * ky], [s[0] * kx, s[1] * ky]);
        self.quad(
            [at(-1.0, -1.0), at(1.0, -1.0), at(1.0, 1.0), at(-1.0, 1.0)],
            color,
        );
    }

    /// A fan of triangles from `centre` over the closed polygon `pts` (world points).
    fn fan(&mut self, centre: [f32; 2], pts: &[[f32; 2]], color: Color32) {
        if pts.len() < 3 {
            return;
        }
        let c = self.vertex(centre, [0.0; 2], color);
        for &p in pts {
            self.vertex(p, [0.0; 2], color);
        }
        let n = pts.len() as u32;
        for k in 0..n {
            self.indices
                .extend_from_slice(&[c, c + 1 + k, c + 1 + (k + 1) % n]);
        }
    }

    /// Places this look on screen through `xf`, at the end of `mesh`.
    fn append_to(&self, mesh: &mut Mesh, xf: &Transform) {
        append_to(&self.vertices, &self.indices, mesh, xf);
    }
}

/// Places a look on screen through `xf`, at the end of `mesh`.
fn append_to(vertices: &[FarVertex], indices: &[u32], mesh: &mut Mesh, xf: &Transform) {
    let base = mesh.vertices.len() as u32;
    let (ox, oy, z) = (xf.origin.x, xf.origin.y, xf.zoom);
    mesh.vertices.extend(vertices.iter().map(|v| Vertex {
        pos: pos2(ox + v.p[0] * z + v.o[0], oy + v.p[1] * z + v.o[1]),
        uv: WHITE_UV,
        color: v.color,
    }));
    mesh.indices.extend(indices.iter().map(|i| base + i));
}

/// Points at least `step` apart (the last always kept).
fn decimate(points: impl Iterator<Item = [f32; 2]>, step: f32) -> Vec<[f32; 2]> {
    let step2 = step * step;
    let mut out: Vec<[f32; 2]> = Vec::new();
    let mut last = None;
    for p in points {
        match out.last() {
            Some(q) if (p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) < step2 => last = Some(p),
            _ => {
                out.push(p);
                last = None;
            }
        }
    }
    out.extend(last);
    out
}

fn xy(p: Point) -> [f32; 2] {
    [p.x, p.y]
}

/// A card: its fill (with its outline where it is big enough to see), and a grey bar for
/// each row of text.
fn card(g: &mut Geometry, card: &Card, z: f32) {
    let r = card.rect;
    if r.w * z < 0.3 || r.h * z < 0.3 {
        return;
    }
    let fill = color32(card.color.fill());
    let (min, max) = ([r.x, r.y], [r.right(), r.bottom()]);
    if r.w * z > 24.0 {
        g.rect(min, max, 0.0, color32(card.color.outline()));
        g.rect(min, max, 0.75, fill);
    } else {
        g.rect(min, max, 0.0, fill);
    }
    let size = estimated_text_size(card);
    let row_h = size * 1.2;
    if row_h * z < 1.0 {
        return;
    }
    let text = card.color.text();
    let bar = color32(Rgba { a: 90, ..text });
    let (inner_w, inner_h) = text_area(r);
    let per_row = (inner_w / (size * 0.52)).max(1.0);
    let max_rows = (inner_h / (size * 1.2)).floor().max(1.0) as usize;
    let mut rows: Vec<f32> = Vec::new();
    for para in card.text.split('\n') {
        let mut n = para.chars().count() as f32;
        while n > 0.0 && rows.len() < max_rows {
            rows.push(n.min(per_row) / per_row);
            n -= per_row;
        }
    }
    let c = r.center();
    let mut y = c.y - rows.len() as f32 * row_h / 2.0;
    // The bar's height: under half a pixel it is kept half a pixel high.
    let h = Len::at_least(row_h * 0.45, 0.5, z);
    for frac in rows {
        let hw = inner_w * frac / 2.0;
        let mid = y + row_h / 2.0;
        let (dw, ds) = h.half_along([0.0, 1.0]);
        g.quad(
            [
                ([c.x - hw, mid - dw[1]], [0.0, -ds[1]]),
                ([c.x + hw, mid - dw[1]], [0.0, -ds[1]]),
                ([c.x + hw, mid + dw[1]], [0.0, ds[1]]),
                ([c.x - hw, mid + dw[1]], [0.0, ds[1]]),
            ],
            bar,
        );
        y += row_h;
    }
}

/// A shape: its fill and (where big enough to see) its outline, without text.
fn shape(g: &mut Geometry, s: &Shape, z: f32, full: bool) {
    let r = s.rect;
    let size = r.w.max(r.h) * z;
    if size < 0.5 {
        return;
    }
    let f = s.frame();
    let local = shape_geom::outline(s.outline, r.x, r.y, r.w, r.h);
    let world = local.iter().map(|&[x, y]| xy(f.to_world(Point::new(x, y))));
    let pts = if full {
        world.collect()
    } else {
        decimate(world, (size / 12.0).max(1.5) / z)
    };
    if let Some(fill) = s.fill {
        g.fan(xy(r.center()), &pts, color32(fill.fill()));
    }
    if size > 12.0 || s.fill.is_none() {
        let w = Len::at_least(s.line_width.points(), 0.75, z);
        let line = color32(s.line_color.line());
        for (k, &a) in pts.iter().enumerate() {
            let b = pts.get(k + 1).or(pts.first()).copied().unwrap_or(a);
            g.line(a, b, w, line);
        }
    }
}

/// Free text: a faint bar where it is.
fn text(g: &mut Geometry, t: &Text) {
    if t.text.is_empty() {
        return;
    }
    let c = color32(t.color.line());
    let bar = Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), 90);
    let corners = t.frame().corners().map(xy);
    g.fan(xy(t.rect.center()), &corners, bar);
}

/// A stroke's line simplified again and again, each time with twice the tolerance.
#[derive(Clone, Debug, Default)]
struct Ladder {
    /// (the largest distance any point of the stroke may lie from this version, its points).
    rungs: Vec<(f32, Vec<[f32; 2]>)>,
}

impl Ladder {
    fn of(s: &Stroke) -> Self {
        let full: Vec<[f32; 2]> = s.world_points().into_iter().map(xy).collect();
        let span =
            stroke_geom::bounds(&full).map_or(0.0, |(x0, y0, x1, y1)| (x1 - x0).max(y1 - y0));
        let mut rungs = vec![(0.0, full)];
        let mut tolerance = 0.5f32;
        // Each rung from the one before: its points are within the sum of the tolerances so
        // far (under twice the last) of the stroke's.
        while let Some((err, last)) = rungs.last()
            && last.len() > 2
            && tolerance < span
        {
            let next = simplify_in_pieces(last, tolerance);
            let err = err + tolerance;
            if next.len() < last.len() {
                rungs.push((err, next));
            }
            tolerance *= 2.0;
        }
        Self { rungs }
    }

    /// The simplest version within `tolerance` world points of the stroke.
    fn within(&self, tolerance: f32) -> &[[f32; 2]] {
        self.rungs
            .iter()
            .rev()
            .find(|(err, _)| *err <= tolerance)
            .or(self.rungs.first())
            .map_or(&[], |(_, pts)| pts.as_slice())
    }
}

/// `pts` simplified within `tolerance`, a piece of [`PIECE`] points at a time (each piece
/// ending where the next begins): simplifying takes time in proportion to the square of the
/// points in the worst case, and a stroke of a file may have ten thousand of them.
fn simplify_in_pieces(pts: &[[f32; 2]], tolerance: f32) -> Vec<[f32; 2]> {
    const PIECE: usize = 1_000;
    let mut out: Vec<[f32; 2]> = Vec::new();
    let mut start = 0;
    while start + 1 < pts.len() {
        let end = (start + PIECE).min(pts.len() - 1);
        let Some(piece) = pts.get(start..=end) else {
            break;
        };
        let kept = stroke_geom::simplify(piece, tolerance);
        // The joint is the first point of the next piece's result.
        let skip = usize::from(!out.is_empty());
        out.extend(kept.into_iter().skip(skip));
        start = end;
    }
    if out.is_empty() {
        out.extend(pts.first());
    }
    out
}

/// A stroke: its line in quads, within half a pixel of where it goes.
fn stroke(g: &mut Geometry, s: &Stroke, z: f32, ladder: Option<&Ladder>) {
    let color = super::kinds::stroke_color(s);
    let w = Len::at_least(s.line_width(), 0.75, z);
    let owned;
    let pts: &[[f32; 2]] = match ladder {
        Some(l) => l.within(0.5 / z),
        None => {
            owned = s.world_points().into_iter().map(xy).collect::<Vec<_>>();
            &owned
        }
    };
    match pts {
        [] => {}
        [p] => g.dot(*p, w, color),
        _ => {
            for pair in pts.windows(2) {
                g.line(pair[0], pair[1], w, color);
            }
        }
    }
}

/// Whether an arrow far out at zoom `z` is drawn from the cache: a plain line, or a pattern
/// too fine to show (drawn as a fainter line); a pattern that shows is drawn dash by dash.
pub(super) fn arrow_is_kept(a: &Arrow, z: f32) -> bool {
    a.style == LineStyle::Solid || super::faint_pattern(a, zoom_of(step_of(z)))
}

impl Geometry {
    /// A line through `pts` (each a world point and a screen offset) `w` wide, with a soft
    /// edge of one pixel as egui's lines have: a line under a pixel wide is a pixel wide, its
    /// colour faded by its width. `z`: the zoom its directions are worked out at.
    fn soft_line(&mut self, pts: &[Spot], w: Len, w_px: f32, color: Color32, z: f32) {
        let faded = color.gamma_multiply(w_px.clamp(0.0, 1.0));
        // Rows across the line: (world offset, screen offset, colour).
        let rows: Vec<(f32, f32, Color32)> = match w {
            Len::World(w) if w_px > 1.0 => vec![
                (-w / 2.0, -0.5, Color32::TRANSPARENT),
                (-w / 2.0, 0.5, color),
                (w / 2.0, -0.5, color),
                (w / 2.0, 0.5, Color32::TRANSPARENT),
            ],
            Len::Screen(w) if w > 1.0 => vec![
                (0.0, -w / 2.0 - 0.5, Color32::TRANSPARENT),
                (0.0, -w / 2.0 + 0.5, color),
                (0.0, w / 2.0 - 0.5, color),
                (0.0, w / 2.0 + 0.5, Color32::TRANSPARENT),
            ],
            _ => vec![
                (0.0, -1.0, Color32::TRANSPARENT),
                (0.0, 0.0, faded),
                (0.0, 1.0, Color32::TRANSPARENT),
            ],
        };
        for seg in pts.windows(2) {
            let ((a, ao), (b, bo)) = (seg[0], seg[1]);
            let d = [
                (b[0] - a[0]) * z + bo[0] - ao[0],
                (b[1] - a[1]) * z + bo[1] - ao[1],
            ];
            let len = d[0].hypot(d[1]);
            if len.is_nan() || len <= 1e-6 {
                continue;
            }
            let n = [-d[1] / len, d[0] / len];
            let base = self.vertices.len() as u32;
            for &(wo, so, c) in &rows {
                for (p, o) in [(a, ao), (b, bo)] {
                    self.vertex(
                        [p[0] + n[0] * wo, p[1] + n[1] * wo],
                        [o[0] + n[0] * so, o[1] + n[1] * so],
                        c,
                    );
                }
            }
            for k in 0..rows.len() as u32 - 1 {
                let i = base + 2 * k;
                self.indices
                    .extend_from_slice(&[i, i + 1, i + 2, i + 1, i + 3, i + 2]);
            }
        }
    }

    /// A filled convex polygon (corners clockwise or not) with a soft edge of one pixel, as
    /// egui fills one. `z`: the zoom its directions are worked out at.
    fn soft_polygon(&mut self, corners: &[Spot], color: Color32, z: f32) {
        // Half a pixel in (the colour) and half a pixel out (clear), and the inner ring
        // filled.
        let Some(base) = self.soft_ring(corners, (-0.5, 0.5), 0.1, color, z) else {
            return;
        };
        for i in 1..corners.len() as u32 - 1 {
            self.indices
                .extend_from_slice(&[base, base + 2 * i, base + 2 * i + 2]);
        }
    }

    /// A fading band a pixel wide just outside the closed outline `pts` (world points), in
    /// `color` at the outline and clear a pixel out: the soft edge of a filled shape.
    fn soft_edge(&mut self, pts: &[[f32; 2]], color: Color32, z: f32) {
        let corners: Vec<Spot> = pts.iter().map(|&p| (p, [0.0; 2])).collect();
        self.soft_ring(&corners, (0.0, 0.9), 0.2, color, z);
    }

    /// A band round the closed outline `corners`: each corner moved along the mitre of the
    /// edges meeting there by `offsets.0` screen points (in `color`) and by `offsets.1` (clear),
    /// out being away from the outline's inside; `floor` keeps sharp corners from reaching far.
    /// Returns the first vertex (each corner's inner vertex, then its outer one), or `None`
    /// for fewer than three corners.
    fn soft_ring(
        &mut self,
        corners: &[Spot],
        offsets: (f32, f32),
        floor: f32,
        color: Color32,
        z: f32,
    ) -> Option<u32> {
        let n = corners.len();
        if n < 3 {
            return None;
        }
        let screen: Vec<[f32; 2]> = corners
            .iter()
            .map(|(p, o)| [p[0] * z + o[0], p[1] * z + o[1]])
            .collect();
        // Which way is out: the sign of the outline's area.
        let area: f32 = (0..n)
            .map(|i| {
                let (a, b) = (screen[i], screen[(i + 1) % n]);
                a[0] * b[1] - b[0] * a[1]
            })
            .sum();
        let out = if area >= 0.0 { 1.0 } else { -1.0 };
        let normal = |i: usize| {
            let (a, b) = (screen[i], screen[(i + 1) % n]);
            let d = [b[0] - a[0], b[1] - a[1]];
            let len = d[0].hypot(d[1]);
            if len.is_nan() || len <= 1e-6 {
                return None;
            }
            Some([d[1] / len * out, -d[0] / len * out])
        };
        let base = self.vertices.len() as u32;
        let mut last = [0.0f32, 0.0];
        for (i, &(p, o)) in corners.iter().enumerate() {
            // An edge of no length takes the direction of the one before.
            let n1 = normal((i + n - 1) % n).unwrap_or(last);
            let n2 = normal(i).unwrap_or(n1);
            last = n2;
            let k = 1.0 / (1.0 + n1[0] * n2[0] + n1[1] * n2[1]).max(floor);
            let m = [(n1[0] + n2[0]) * k, (n1[1] + n2[1]) * k];
            let at = |d: f32| [o[0] + m[0] * d, o[1] + m[1] * d];
            self.vertex(p, at(offsets.0), color);
            self.vertex(p, at(offsets.1), Color32::TRANSPARENT);
        }
        for i in 0..n as u32 {
            let j = (i + 1) % n as u32;
            let (ii, io, ji, jo) = (
                base + 2 * i,
                base + 2 * i + 1,
                base + 2 * j,
                base + 2 * j + 1,
            );
            self.indices.extend_from_slice(&[ii, io, jo, ii, jo, ji]);
        }
        Some(base)
    }
}

/// A world point and an offset from it in screen points.
type Spot = ([f32; 2], [f32; 2]);

/// An arrow far out: its line (a fainter one for a pattern too fine to show) and heads, as
/// `scene::paint_arrow` draws them; labels are drawn apart, over every line.
fn arrow(g: &mut Geometry, a: &Arrow, path: &ArrowPath, z: f32) {
    // The line cut into chords for this zoom, in world points.
    let at = Transform {
        origin: pos2(0.0, 0.0),
        zoom: z,
    };
    let screen = super::arrow_screen_points(path, &at);
    let world = |p: &egui::Pos2| [p.x / z, p.y / z];
    let (Some(first), Some(last)) = (screen.first().map(world), screen.last().map(world)) else {
        return;
    };
    if screen.len() < 2 {
        return;
    }
    let w_px = (a.width.points() * z).max(1.0);
    let w = Len::at_least(a.width.points(), 1.0, z);
    let color = color32(a.color.line());
    // A pattern too fine to show is a fainter line; the heads keep their colour.
    let faint = if a.style == LineStyle::Solid {
        color
    } else {
        color.gamma_multiply(super::pattern_share(a, z, w_px))
    };
    let head_px = (arrow::head_size(a.width) * z).max(6.0);
    let head = Len::at_least(arrow::head_size(a.width), 6.0, z);
    // Pulled back from the heads, as on screen.
    let line = super::pulled_back(&screen, a, head_px, w_px);
    let spots: Vec<Spot> = line.iter().map(|p| (world(p), [0.0; 2])).collect();
    g.soft_line(&spots, w, w_px, faint, z);
    for (kind, tip, which) in [
        (a.start_head, first, End::Start),
        (a.end_head, last, End::End),
    ] {
        let d = path.direction_at(which);
        let dir = [d.x, d.y];
        let perp = [-dir[1], dir[0]];
        // A point `back` along the head and `side` across it from the tip, in head lengths.
        let corner = |back: f32, side: f32| -> Spot {
            let off = [
                -dir[0] * back + perp[0] * side,
                -dir[1] * back + perp[1] * side,
            ];
            match head {
                Len::World(l) => ([tip[0] + off[0] * l, tip[1] + off[1] * l], [0.0; 2]),
                Len::Screen(l) => (tip, [off[0] * l, off[1] * l]),
            }
        };
        match kind {
            Head::None => {}
            Head::Triangle => {
                g.soft_polygon(
                    &[corner(0.0, 0.0), corner(1.0, 0.45), corner(1.0, -0.45)],
                    color,
                    z,
                );
            }
            Head::Open => {
                let pts = [corner(1.0, 0.5), corner(0.0, 0.0), corner(1.0, -0.5)];
                g.soft_line(&pts, w, w_px, color, z);
            }
            Head::Dot => {
                let r = super::dot_radius(w_px);
                const N: usize = 16;
                let ring: Vec<Spot> = (0..N)
                    .map(|k| {
                        let t = k as f32 / N as f32 * std::f32::consts::TAU;
                        (tip, [t.cos() * r, t.sin() * r])
                    })
                    .collect();
                g.soft_polygon(&ring, color, z);
            }
        }
    }
}

/// A stroke near enough to see its shape (see `kinds::paint_stroke`, which draws the same
/// from every point): a pen's tapered band with round ends and a soft edge of about a
/// pixel, a highlighter's even, see-through band with flat ends; its line within a quarter
/// pixel of every point at zoom `z`. A line thinner than a pixel and a half is a soft line.
fn stroke_near(g: &mut Geometry, s: &Stroke, z: f32, ladder: &Ladder) {
    let pts = ladder.within(0.25 / z);
    let base = super::kinds::stroke_color(s);
    let width = s.line_width();
    if width * z < 1.5 || pts.len() < 2 {
        match pts {
            [] => {}
            [p] => {
                let r = Len::at_least(width, 1.0, z);
                let ring = circle(*p, r, z);
                g.soft_polygon(&ring, base, z);
            }
            _ => {
                let spots: Vec<Spot> = pts.iter().map(|&p| (p, [0.0; 2])).collect();
                let w = Len::at_least(width, 0.5, z);
                g.soft_line(&spots, w, (width * z).max(0.5), base, z);
            }
        }
        return;
    }
    let (mut left, mut right) = stroke_geom::strip(pts, width, !s.highlighter);
    super::kinds::edges_forward(&mut left, &mut right, pts);
    let n = left.len().min(right.len());
    if n < 2 {
        return;
    }
    let v0 = g.vertices.len() as u32;
    for (l, r) in left.iter().zip(&right) {
        g.vertex(*l, [0.0; 2], base);
        g.vertex(*r, [0.0; 2], base);
    }
    for i in 0..n as u32 - 1 {
        let (a, b, c, d) = (v0 + 2 * i, v0 + 2 * i + 1, v0 + 2 * i + 2, v0 + 2 * i + 3);
        g.indices.extend_from_slice(&[a, b, c, b, d, c]);
    }
    if s.highlighter {
        // A chisel tip: flat ends and no edge drawn over the band, since anything laid twice
        // on a see-through band would show darker.
        return;
    }
    // Round ends, and a soft edge all round (the anti-aliased sides).
    for (end, l, r) in [
        (pts.first(), left.first(), right.first()),
        (pts.last(), left.last(), right.last()),
    ] {
        if let (Some(&c), Some(l), Some(r)) = (end, l, r) {
            let rad = ((l[0] - r[0]).hypot(l[1] - r[1]) / 2.0).max(0.5 / z);
            g.soft_polygon(&circle(c, Len::World(2.0 * rad), z), base, z);
        }
    }
    let outline: Vec<[f32; 2]> = left.iter().chain(right.iter().rev()).copied().collect();
    g.soft_edge(&outline, base, z);
}

/// The corners of a circle `d` across centred on `c`, as many as keep it round at zoom `z`.
fn circle(c: [f32; 2], d: Len, z: f32) -> Vec<Spot> {
    let r_px = match d {
        Len::World(w) => w / 2.0 * z,
        Len::Screen(w) => w / 2.0,
    };
    let n = ((r_px * 2.0).sqrt() * 4.0).clamp(8.0, 64.0) as usize;
    (0..n)
        .map(|k| {
            let t = k as f32 / n as f32 * std::f32::consts::TAU;
            let (sin, cos) = t.sin_cos();
            match d {
                Len::World(w) => ([c[0] + cos * w / 2.0, c[1] + sin * w / 2.0], [0.0; 2]),
                Len::Screen(w) => (c, [cos * w / 2.0, sin * w / 2.0]),
            }
        })
        .collect()
}

/// The far-out look of `e` at zoom `z` into `g` (cleared first); pictures have none here,
/// an arrow needs its `path`. `full`: every point of every line, at the exact zoom (no
/// level of detail).
fn build(
    g: &mut Geometry,
    e: &Element,
    z: f32,
    ladder: Option<&Ladder>,
    path: Option<&ArrowPath>,
    full: bool,
) {
    g.clear();
    match e {
        Element::Card(c) => card(g, c, z),
        Element::Shape(s) => shape(g, s, z, full),
        Element::Text(t) => text(g, t),
        Element::Stroke(s) => stroke(g, s, z, ladder),
        Element::Arrow(a) => {
            if let Some(path) = path {
                arrow(g, a, path, z);
            }
        }
        Element::Illustration(_) | Element::Image(_) => {}
    }
}

/// Where one element's look is in the cache's arena.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The stamp of the element it was made for; 0 for none.
    stamp: u64,
    vertices: (u32, u32),
    indices: (u32, u32),
    /// The middle of an arrow's label (world points).
    label: Option<Point>,
}

/// The far-out looks of the elements drawn at one zoom step (see the module's words), by
/// paint-order position: the looks of what is in view lie one after another in memory, in
/// the order they are drawn (a look per element in a map of its own had the frame waiting on
/// memory for most of its time).
#[derive(Default)]
pub struct FarCache {
    step: Option<i32>,
    slots: Vec<Slot>,
    /// Every slot's vertices and indices (each look's indices counted from its first vertex).
    arena: Geometry,
    /// Vertices in the arena that a slot still points at, as far as known.
    live: usize,
    /// The strokes' simpler versions, by stamp (kept across zoom steps).
    ladders: IdMap<(u64, Ladder)>,
    /// For an element without a stamp (drawn afresh).
    scratch: Geometry,
    /// This frame draws everything afresh.
    full: bool,
}

impl std::fmt::Debug for FarCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FarCache")
            .field("slots", &self.slots.len())
            .field("vertices", &self.arena.vertices.len())
            .finish()
    }
}

/// Vertices that may lie unused in the arena before it is started again.
const SLACK: usize = 1 << 16;

impl FarCache {
    /// Starts a frame of `n` elements at `zoom`: a new zoom step, or an arena mostly of
    /// looks no longer used, starts the cache again. `full`: this frame draws every point
    /// of every line at the exact zoom, from nothing kept (see `scene::FULL_DETAIL`).
    pub(super) fn begin(&mut self, n: usize, zoom: f32, full: bool) {
        self.full = full;
        let step = step_of(zoom);
        let garbage = self.arena.vertices.len().saturating_sub(self.live);
        if self.step != Some(step) || garbage > self.live + SLACK {
            self.step = Some(step);
            self.slots.clear();
            self.arena.clear();
            self.live = 0;
        }
        if let Some(gone) = self.slots.get(n..) {
            let dropped: usize = gone.iter().map(|s| s.vertices.1 as usize).sum();
            self.live -= dropped.min(self.live);
        }
        self.slots.resize(n, Slot::default());
        // Ladders of strokes long gone.
        if self.ladders.len() > 2 * n + 1024 {
            self.ladders.clear();
        }
    }

    /// Adds the far-out look of `e`, at paint-order position `pos`, to `mesh`: from the
    /// cache when its `stamp` is the one it was made for. Without a stamp (an index not of
    /// this document), or in a frame that draws everything, it is made afresh. An arrow's look is made from its
    /// line and label's place (`arrow`); the label's place kept with it is returned.
    pub(super) fn append(
        &mut self,
        mesh: &mut Mesh,
        pos: usize,
        e: &Element,
        stamp: Option<u64>,
        xf: &Transform,
        arrow: Option<(&ArrowPath, Option<Point>)>,
    ) -> Option<Point> {
        let full = self.full;
        let (path, label) = arrow.map_or((None, None), |(p, l)| (Some(p), l));
        let (Some(stamp), Some(step), false) = (stamp, self.step, full) else {
            build(&mut self.scratch, e, xf.zoom, None, path, full);
            self.scratch.append_to(mesh, xf);
            return label;
        };
        let Some(slot) = self.slots.get(pos).copied() else {
            build(&mut self.scratch, e, xf.zoom, None, path, full);
            self.scratch.append_to(mesh, xf);
            return label;
        };
        let slot = if slot.stamp == stamp {
            slot
        } else {
            let ladder = match e {
                Element::Stroke(s) => {
                    let entry = self
                        .ladders
                        .entry(e.id())
                        .or_insert_with(|| (0, Ladder::default()));
                    if entry.0 != stamp {
                        *entry = (stamp, Ladder::of(s));
                    }
                    Some(&entry.1)
                }
                _ => None,
            };
            build(&mut self.scratch, e, zoom_of(step), ladder, path, false);
            let mut made = self.keep(pos, stamp);
            made.label = label;
            if let Some(s) = self.slots.get_mut(pos) {
                s.label = label;
            }
            made
        };
        self.append_slot(slot, mesh, xf);
        slot.label
    }

    /// Whether the look of the element at `pos` stamped `stamp` is kept for this step (so
    /// that [`FarCache::append`] needs no arrow path for it).
    pub(super) fn is_kept(&self, pos: usize, stamp: Option<u64>) -> bool {
        self.step.is_some()
            && stamp.is_some_and(|st| self.slots.get(pos).is_some_and(|s| s.stamp == st))
    }

    /// Keeps the look in `scratch` as that of the element at `pos`, stamped `stamp`.
    fn keep(&mut self, pos: usize, stamp: u64) -> Slot {
        let v0 = self.arena.vertices.len() as u32;
        let i0 = self.arena.indices.len() as u32;
        self.arena
            .vertices
            .extend_from_slice(&self.scratch.vertices);
        self.arena.indices.extend_from_slice(&self.scratch.indices);
        let made = Slot {
            stamp,
            vertices: (v0, self.scratch.vertices.len() as u32),
            indices: (i0, self.scratch.indices.len() as u32),
            label: None,
        };
        self.live += self.scratch.vertices.len();
        if let Some(s) = self.slots.get_mut(pos) {
            self.live -= (s.vertices.1 as usize).min(self.live);
            *s = made;
        }
        made
    }

    /// Adds a picture at `pos` drawn as a patch of one colour to `mesh`: kept like any
    /// look, once `color` (called only when it is not kept) gives the colour for good
    /// (`true`; `false` while the picture is still being read).
    pub(super) fn append_patch(
        &mut self,
        mesh: &mut Mesh,
        pos: usize,
        p: &crate::model::Picture,
        stamp: Option<u64>,
        xf: &Transform,
        color: impl FnOnce() -> (Color32, bool),
    ) {
        let slot = self.slots.get(pos).copied();
        if let (Some(stamp), Some(slot)) = (stamp, slot)
            && slot.stamp == stamp
            && self.step.is_some()
        {
            self.append_slot(slot, mesh, xf);
            return;
        }
        let (c, known) = color();
        self.scratch.clear();
        let corners = p.frame().corners().map(xy);
        self.scratch.quad(corners.map(|c| (c, [0.0; 2])), c);
        match stamp {
            Some(stamp) if known && self.step.is_some() && slot.is_some() => {
                let slot = self.keep(pos, stamp);
                self.append_slot(slot, mesh, xf);
            }
            _ => self.scratch.append_to(mesh, xf),
        }
    }

    fn append_slot(&self, slot: Slot, mesh: &mut Mesh, xf: &Transform) {
        let range = |(start, len): (u32, u32)| start as usize..(start + len) as usize;
        if let (Some(vertices), Some(indices)) = (
            self.arena.vertices.get(range(slot.vertices)),
            self.arena.indices.get(range(slot.indices)),
        ) {
            append_to(vertices, indices, mesh, xf);
        }
    }

    /// How many vertices are kept.
    pub fn len(&self) -> usize {
        self.arena.vertices.len()
    }

    pub fn is_empty(&self) -> bool {
        self.arena.vertices.is_empty()
    }
}

/// Strokes near enough to see their shape, each kept as worked out for a zoom step (see
/// [`stroke_near`]) while its stamp is the same: a frame places the kept vertices rather than
/// working out the band of every point and having egui tessellate its edge.
#[derive(Default)]
pub struct NearLooks {
    entries: IdMap<NearEntry>,
    frame: u64,
    used: usize,
    scratch: Geometry,
}

struct NearEntry {
    stamp: u64,
    step: i32,
    used: u64,
    geometry: Geometry,
    ladder: Ladder,
}

impl std::fmt::Debug for NearLooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NearLooks")
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl NearLooks {
    /// Starts a frame; what was not drawn lately is let go when there is much of it.
    pub(super) fn begin(&mut self) {
        if self.entries.len() > 2 * self.used + 256 {
            let frame = self.frame;
            self.entries.retain(|_, e| e.used == frame);
        }
        self.frame += 1;
        self.used = 0;
    }

    /// Paints the stroke `s` (stamped `stamp`, if the index knows it) through `xf`.
    pub(super) fn paint_stroke(
        &mut self,
        painter: &egui::Painter,
        s: &Stroke,
        stamp: Option<u64>,
        xf: &Transform,
    ) {
        self.used += 1;
        let step = step_of(xf.zoom);
        let geometry = match stamp {
            None => {
                self.scratch.clear();
                stroke_near(&mut self.scratch, s, xf.zoom, &Ladder::of(s));
                &self.scratch
            }
            Some(stamp) => {
                let frame = self.frame;
                let entry = self.entries.entry(s.id).or_insert_with(|| NearEntry {
                    stamp: stamp.wrapping_add(1),
                    step,
                    used: frame,
                    geometry: Geometry::default(),
                    ladder: Ladder::default(),
                });
                if entry.stamp != stamp || entry.step != step {
                    if entry.stamp != stamp {
                        entry.ladder = Ladder::of(s);
                    }
                    entry.stamp = stamp;
                    entry.step = step;
                    entry.geometry.clear();
                    stroke_near(&mut entry.geometry, s, zoom_of(step), &entry.ladder);
                }
                entry.used = frame;
                &entry.geometry
            }
        };
        if geometry.vertices.is_empty() {
            return;
        }
        let mut mesh = Mesh::default();
        mesh.vertices.reserve_exact(geometry.vertices.len());
        mesh.indices.reserve_exact(geometry.indices.len());
        geometry.append_to(&mut mesh, xf);
        painter.add(egui::Shape::Mesh(mesh.into()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardColor, ElementId, PenWidth, Rect};

    fn wavy(n: usize) -> Stroke {
        let pts: Vec<Point> = (0..n)
            .map(|k| {
                let t = k as f32 / n as f32;
                Point::new(t * 400.0, (t * 40.0).sin() * 30.0 + (t * 7.0).cos() * 80.0)
            })
            .collect();
        Stroke::from_drawn(
            ElementId(1),
            &pts,
            0.01,
            CardColor::Blue,
            PenWidth::ALL[1],
            false,
        )
        .unwrap_or_else(|| panic!("a stroke"))
    }

    fn distance_to(line: &[[f32; 2]], p: [f32; 2]) -> f32 {
        stroke_geom::distance_to_polyline(line, p)
    }

    #[test]
    fn a_ladder_rung_keeps_within_its_tolerance_of_every_point() {
        let s = wavy(2_000);
        let full: Vec<[f32; 2]> = s.world_points().into_iter().map(xy).collect();
        let ladder = Ladder::of(&s);
        assert!(ladder.rungs.len() > 4, "{} rungs", ladder.rungs.len());
        for tolerance in [0.5, 1.0, 3.0, 10.0, 40.0] {
            let line = ladder.within(tolerance);
            assert!(line.len() < full.len());
            let worst = full
                .iter()
                .map(|&p| distance_to(line, p))
                .fold(0.0f32, f32::max);
            assert!(worst <= tolerance * 1.001, "{tolerance}: {worst}");
        }
        // Far out, a few points stand for two thousand.
        assert!(
            ladder.within(40.0).len() < 40,
            "{}",
            ladder.within(40.0).len()
        );
        // No version is finer than asked: the full line when nothing coarser will do.
        assert_eq!(ladder.within(0.0).len(), full.len());
    }

    #[test]
    fn simplifying_in_pieces_keeps_the_ends_and_the_tolerance() {
        // A zigzag of 2,999 points (three pieces), the worst case for simplifying.
        let zig: Vec<[f32; 2]> = (0..2_999)
            .map(|k| [k as f32 * 0.3, if k % 2 == 0 { 0.0 } else { 1.0 }])
            .collect();
        for tolerance in [0.4, 3.0] {
            let line = simplify_in_pieces(&zig, tolerance);
            assert_eq!(line.first(), zig.first());
            assert_eq!(line.last(), zig.last());
            let worst = zig
                .iter()
                .map(|&p| distance_to(&line, p))
                .fold(0.0f32, f32::max);
            assert!(worst <= tolerance * 1.001, "{tolerance}: {worst}");
        }
        assert_eq!(simplify_in_pieces(&[[1.0, 2.0]], 1.0), vec![[1.0, 2.0]]);
        assert!(simplify_in_pieces(&[], 1.0).is_empty());
    }

    #[test]
    fn kept_vertices_are_placed_as_fresh_ones_at_every_zoom_of_a_step() {
        let c = Element::Card(Card::new(
            ElementId(2),
            Rect::new(10.0, 20.0, 300.0, 180.0),
            "Mobila team i hemmet",
            CardColor::Green,
        ));
        // Zooms within one step: the look kept at the step is placed at each.
        for z in [0.2, 0.21, 0.19] {
            let xf = Transform {
                origin: pos2(13.0, -7.0),
                zoom: z,
            };
            let mut kept = Geometry::default();
            build(&mut kept, &c, zoom_of(step_of(z)), None, None, false);
            let mut fresh = Geometry::default();
            build(&mut fresh, &c, z, None, None, false);
            let (mut a, mut b) = (Mesh::default(), Mesh::default());
            kept.append_to(&mut a, &xf);
            fresh.append_to(&mut b, &xf);
            assert_eq!(a.indices, b.indices);
            for (u, v) in a.vertices.iter().zip(&b.vertices) {
                assert!(
                    (u.pos - v.pos).length() < 1e-3,
                    "{z}: {:?} {:?}",
                    u.pos,
                    v.pos
                );
            }
        }
    }
}
