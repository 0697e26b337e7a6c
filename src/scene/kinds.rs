//! Painting shapes, free text and strokes (cards and arrows are in `scene` itself).

use super::{PaintOptions, Transform, card_text_job_for, color32, font_step, fonts, hairline};
use crate::model::elements::{shape_geom, stroke_geom};
use crate::model::{Align, Frame, LineStyle, Point, Rect, Shape, Stroke, Text};
use egui::epaint::{Mesh, PathShape, PathStroke, TextShape, Vertex, WHITE_UV};
use egui::text::LayoutJob;
use egui::{Color32, Painter, Pos2, Shape as EShape, pos2};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// A galley drawn in the element's frame: `at` is where its top-left goes in the unturned
/// box (world points).
fn place_text(painter: &Painter, galley: Arc<egui::Galley>, at: Point, f: &Frame, xf: &Transform) {
    let pos = xf.to_screen(f.to_world(at));
    let color = galley
        .job
        .sections
        .first()
        .map_or(Color32::BLACK, |s| s.format.color);
    let angle = f.rotation.to_radians();
    painter.add(TextShape::new(pos, galley, color).with_angle(angle));
}

/// Whether an outline is convex, so that egui's own polygon fill (a fan) draws it right.
fn is_convex(kind: crate::model::Outline) -> bool {
    use crate::model::Outline as O;
    match kind {
        O::Rectangle | O::RoundedRectangle | O::Ellipse | O::Diamond => true,
        O::Cloud | O::SpeechBubble | O::Banner | O::BlockArrow => false,
    }
}

/// The triangles of an outline in its box of size `w` × `h`: the same for every shape of that
/// kind and size (turning and moving do not change them), so worked out once.
type Triangles = Arc<Vec<[u32; 3]>>;
type TriangleCache = HashMap<(crate::model::Outline, u32, u32, usize), Triangles>;

fn triangles(kind: crate::model::Outline, w: f32, h: f32, poly: &[[f32; 2]]) -> Triangles {
    static CACHE: OnceLock<Mutex<TriangleCache>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    // The number of points too: far from the origin, rounding may drop a repeated point.
    let key = (kind, w.to_bits(), h.to_bits(), poly.len());
    if let Some(t) = cache
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&key)
    {
        return t.clone();
    }
    let t = Arc::new(shape_geom::triangulate(poly));
    let mut map = cache.lock().unwrap_or_else(PoisonError::into_inner);
    if map.len() > 20_000 {
        map.clear();
    }
    map.insert(key, t.clone());
    t
}

/// A shape: its fill, its outline (solid or dashed) and, when readable, its text.
pub(super) fn paint_shape(
    painter: &Painter,
    s: &Shape,
    xf: &Transform,
    options: &PaintOptions,
    readable: bool,
) {
    let r = s.rect;
    let f = s.frame();
    let local = shape_geom::outline(s.outline, r.x, r.y, r.w, r.h);
    let screen: Vec<Pos2> = local
        .iter()
        .map(|&[x, y]| xf.to_screen(f.to_world(Point::new(x, y))))
        .collect();
    if screen.len() < 3 {
        return;
    }
    let z = xf.zoom;
    let line = color32(s.line_color.line());
    let width = (s.line_width.points() * z).max(hairline(z).min(1.0));
    if let Some(fill) = s.fill {
        let fill = color32(fill.fill());
        if is_convex(s.outline) {
            painter.add(EShape::convex_polygon(
                screen.clone(),
                fill,
                egui::Stroke::NONE,
            ));
        } else {
            let tris = triangles(s.outline, r.w, r.h, &local);
            let mesh = Mesh {
                vertices: screen
                    .iter()
                    .map(|&pos| Vertex {
                        pos,
                        uv: WHITE_UV,
                        color: fill,
                    })
                    .collect(),
                indices: tris.iter().flatten().copied().collect(),
                ..Mesh::default()
            };
            painter.add(EShape::Mesh(Arc::new(mesh)));
        }
    }
    match s.line_style {
        LineStyle::Solid => {
            painter.add(PathShape::closed_line(screen, PathStroke::new(width, line)));
        }
        LineStyle::Dashed | LineStyle::Dotted => {
            let (dash, gap) = if s.line_style == LineStyle::Dashed {
                (8.0 * z.max(0.25) + width, 6.0 * z.max(0.25) + width)
            } else {
                (width.max(0.5), 3.0 * width.max(0.5))
            };
            let mut closed = screen;
            if let Some(&first) = closed.first() {
                closed.push(first);
            }
            painter.extend(EShape::dashed_line(
                &closed,
                egui::Stroke::new(width, line),
                dash,
                gap,
            ));
        }
    }
    if !readable || s.text.is_empty() || options.hidden_text == Some(s.id) {
        return;
    }
    let area = s.text_rect();
    let size = super::fitted_size_of(&s.text, area, s.text_size, s.bold);
    let job = card_text_job_for(&s.text, area, s.text_color(), size, s.bold, z, true);
    let galley = painter.layout_job(job);
    // Centred in the text area, in the unturned box; then turned with the shape.
    let c = area.center();
    let g = galley.rect;
    let at = Point::new(c.x - g.center().x / z, c.y - g.center().y / z);
    place_text(painter, galley, at, &f, xf);
}

/// The layout of free text at `zoom`, wrapped at its box's width.
pub fn text_job(t: &Text, zoom: f32) -> LayoutJob {
    let size = t.size.points();
    let screen = font_step(size * zoom);
    let scale = screen / size;
    let mut job = LayoutJob::simple(
        t.text.clone(),
        super::card_font(screen, t.bold),
        color32(t.color.line()),
        t.rect.w * scale,
    );
    job.halign = match t.align {
        Align::Left => egui::Align::Min,
        Align::Center => egui::Align::Center,
        Align::Right => egui::Align::Max,
    };
    job
}

/// The height free text needs at its width, in world points (laid out as every screen and
/// export lays it out).
pub fn text_height(t: &Text) -> f32 {
    let job = text_job(t, 1.0);
    let lines = t.text.split('\n').count().max(1) as f32;
    let fallback = lines * t.size.points() * 1.25;
    let h = fonts::with_reference_layout(|f| f.layout_job(job).rect.height());
    if h.is_finite() && h > 0.0 {
        h.max(t.size.points())
    } else {
        fallback
    }
}

/// Free text; far out, a bar per line.
pub(super) fn paint_text(
    painter: &Painter,
    t: &Text,
    xf: &Transform,
    options: &PaintOptions,
    readable: bool,
) {
    let z = xf.zoom;
    let f = t.frame();
    if options.hidden_text == Some(t.id) || t.text.is_empty() {
        return;
    }
    if !readable || font_step(t.size.points() * z) < super::GREEK_BELOW {
        let c = color32(t.color.line());
        let bar = Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), 90);
        let pts: Vec<Pos2> = f.corners().iter().map(|&p| xf.to_screen(p)).collect();
        painter.add(EShape::convex_polygon(pts, bar, egui::Stroke::NONE));
        return;
    }
    let galley = painter.layout_job(text_job(t, z));
    let g = galley.rect;
    let r = t.rect;
    let x = match t.align {
        Align::Left => r.x - g.left() / z,
        Align::Center => r.center().x - g.center().x / z,
        Align::Right => r.right() - g.right() / z,
    };
    let at = Point::new(x, r.y - g.top() / z);
    place_text(painter, galley, at, &f, xf);
}

/// The colour a stroke is drawn in: a pen's strong shade, or for a highlighter the same
/// see-through, so that what it marks shows through.
pub(super) fn stroke_color(s: &Stroke) -> Color32 {
    if s.highlighter {
        color32(s.color.highlight()).gamma_multiply(HIGHLIGHTER_ALPHA)
    } else {
        color32(s.color.line())
    }
}

/// How much of a highlighter's colour covers what is under it.
const HIGHLIGHTER_ALPHA: f32 = 0.55;

/// Keeps the band of a stroke through `pts` (its `left` and `right` edges) from folding: on
/// the inside of a tight bend an edge would run backwards and lay the band over itself
/// (darker, on a see-through highlighter), so it waits there instead.
pub(super) fn edges_forward(left: &mut [[f32; 2]], right: &mut [[f32; 2]], pts: &[[f32; 2]]) {
    for side in [left, right] {
        for i in 1..side.len().min(pts.len()) {
            let (Some(&prev), Some(&here)) = (side.get(i - 1), side.get(i)) else {
                continue;
            };
            let a = pts.get(i.saturating_sub(1)).copied().unwrap_or(here);
            let b = pts.get(i + 1).or(pts.get(i)).copied().unwrap_or(here);
            let t = [b[0] - a[0], b[1] - a[1]];
            let step = [here[0] - prev[0], here[1] - prev[1]];
            if step[0] * t[0] + step[1] * t[1] < 0.0
                && let Some(p) = side.get_mut(i)
            {
                *p = prev;
            }
        }
    }
}

/// A stroke as a strip of triangles: a pen's tapered, with round ends and a fine
/// anti-aliased edge; a highlighter's even and see-through.
pub(super) fn paint_stroke(painter: &Painter, s: &Stroke, xf: &Transform) {
    let z = xf.zoom;
    let pts: Vec<[f32; 2]> = s
        .world_points()
        .into_iter()
        .map(|p| {
            let q = xf.to_screen(p);
            [q.x, q.y]
        })
        .collect();
    let width = s.line_width() * z;
    let base = stroke_color(s);
    if width < 1.5 || pts.len() < 2 {
        // Thin (far out) or a dot: a plain line is as good and cheaper.
        let line: Vec<Pos2> = pts.iter().map(|&[x, y]| pos2(x, y)).collect();
        match line.as_slice() {
            [p] => painter.circle_filled(*p, (width / 2.0).max(0.5), base),
            _ => painter.add(PathShape::line(line, PathStroke::new(width.max(0.5), base))),
        };
        return;
    }
    let (mut left, mut right) = stroke_geom::strip(&pts, width, !s.highlighter);
    edges_forward(&mut left, &mut right, &pts);
    let mut mesh = Mesh::default();
    let v = |[x, y]: [f32; 2]| Vertex {
        pos: pos2(x, y),
        uv: WHITE_UV,
        color: base,
    };
    for (l, r) in left.iter().zip(&right) {
        mesh.vertices.push(v(*l));
        mesh.vertices.push(v(*r));
    }
    let n = left.len().min(right.len()) as u32;
    for i in 0..n.saturating_sub(1) {
        let (a, b, c, d) = (2 * i, 2 * i + 1, 2 * i + 2, 2 * i + 3);
        mesh.indices.extend_from_slice(&[a, b, c, b, d, c]);
    }
    painter.add(EShape::Mesh(Arc::new(mesh)));
    if s.highlighter {
        // A chisel tip: flat ends and no edge drawn over the band, since anything laid twice
        // on a see-through band would show darker.
        return;
    }
    // Round ends, and a fine edge of the same colour all round for smooth (anti-aliased)
    // sides.
    for (end, (l, r)) in [
        (pts.first(), (left.first(), right.first())),
        (pts.last(), (left.last(), right.last())),
    ] {
        if let (Some(&[x, y]), Some(l), Some(r)) = (end, l, r) {
            let rad = ((l[0] - r[0]).hypot(l[1] - r[1]) / 2.0).max(0.5);
            painter.circle_filled(pos2(x, y), rad, base);
        }
    }
    let outline: Vec<Pos2> = left
        .iter()
        .chain(right.iter().rev())
        .map(|&[x, y]| pos2(x, y))
        .collect();
    painter.add(PathShape::closed_line(outline, PathStroke::new(0.8, base)));
}

/// The box of free text fitted to its text (its width kept, its height grown or shrunk).
pub fn fitted_text_rect(t: &Text) -> Rect {
    Rect {
        h: text_height(t).max(1.0),
        ..t.rect
    }
}
