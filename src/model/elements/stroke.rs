//! A pen or highlighter stroke: one element, smoothed when drawn, that can be selected, moved,
//! scaled, turned and recoloured.

use super::frame::{Frame, GroupId, OrderKey, is_false, is_zero};
use super::stroke_geom;
use crate::model::{CardColor, ElementId, MAX_COORD, Point, Rect};
use serde::{Deserialize, Serialize};

/// How many drawn points are thinned at a time.
const THIN_PIECE: usize = 2_000;

/// The most points a stroke keeps (a long, slow line is simplified well below this).
pub const MAX_STROKE_POINTS: usize = 10_000;

/// The three pen widths.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PenWidth {
    #[serde(rename = "thin")]
    Thin,
    #[default]
    #[serde(rename = "medium")]
    Medium,
    #[serde(rename = "thick")]
    Thick,
}

impl PenWidth {
    pub const ALL: [PenWidth; 3] = [PenWidth::Thin, PenWidth::Medium, PenWidth::Thick];

    /// Width in world points; a highlighter is four times as wide.
    pub fn points(self, highlighter: bool) -> f32 {
        let w = match self {
            PenWidth::Thin => 2.5,
            PenWidth::Medium => 5.0,
            PenWidth::Thick => 10.0,
        };
        if highlighter { w * 4.0 } else { w }
    }
}

/// A freehand stroke. Its points are relative to the top-left of its box, so moving it moves
/// the box only; scaling it scales the points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stroke {
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
    #[serde(rename = "rect")]
    pub rect: Rect,
    #[serde(rename = "rotation", default, skip_serializing_if = "is_zero")]
    pub rotation: f32,
    /// The centre line, `[x, y]` from the box's top-left corner, each to a hundredth of a
    /// point ([`super::stroke_points::quantize`]). In a file one string (version 7; see
    /// [`super::stroke_points`]), or a list of `[x, y]` as earlier versions wrote it.
    #[serde(
        rename = "points",
        serialize_with = "write_points",
        deserialize_with = "super::read::bounded_points"
    )]
    pub points: Vec<[f32; 2]>,
    #[serde(rename = "color")]
    pub color: CardColor,
    #[serde(rename = "width", default)]
    pub width: PenWidth,
    /// A highlighter: wide and see-through, so that text shows through it.
    #[serde(rename = "highlighter", default, skip_serializing_if = "is_false")]
    pub highlighter: bool,
}

fn write_points<S: serde::Serializer>(points: &[[f32; 2]], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&super::stroke_points::encode(points))
}

impl Stroke {
    /// A stroke along `drawn` (world points as the pointer went), thinned to within
    /// `tolerance` world points and smoothed. `None` if no point is usable.
    pub fn from_drawn(
        id: ElementId,
        drawn: &[Point],
        tolerance: f32,
        color: CardColor,
        width: PenWidth,
        highlighter: bool,
    ) -> Option<Stroke> {
        let raw: Vec<[f32; 2]> = drawn
            .iter()
            .filter(|p| p.x.is_finite() && p.y.is_finite())
            .map(|p| [p.x, p.y])
            .collect();
        // A hand's tremor first evened out (each point pulled towards its neighbours, twice),
        // then the line thinned to within the tolerance, then rounded.
        let even = stroke_geom::smooth_average(&stroke_geom::smooth_average(&raw));
        // Thinned a piece at a time (each piece ending where the next begins): thinning takes
        // time in proportion to the square of the points in the worst case, and a long line
        // drawn slowly must never freeze the window.
        let mut thin: Vec<[f32; 2]> = Vec::new();
        for piece in even.chunks(THIN_PIECE) {
            let start = thin.pop();
            let with_joint: Vec<[f32; 2]> =
                start.into_iter().chain(piece.iter().copied()).collect();
            thin.extend(stroke_geom::simplify(&with_joint, tolerance.max(0.05)));
        }
        let mut line = stroke_geom::smooth(&thin, 2);
        if line.len() > MAX_STROKE_POINTS {
            line = stroke_geom::simplify(&line, tolerance.max(0.05) * 4.0);
            line.truncate(MAX_STROKE_POINTS);
        }
        let (x0, y0, x1, y1) = stroke_geom::bounds(&line)?;
        let pad = width.points(highlighter) / 2.0;
        let rect = Rect::new(x0 - pad, y0 - pad, x1 - x0 + 2.0 * pad, y1 - y0 + 2.0 * pad);
        // To a hundredth of a point: finer does not show, and the file stays small.
        let round = super::stroke_points::quantize;
        let points = line
            .into_iter()
            .map(|[x, y]| [round(x - rect.x), round(y - rect.y)])
            .collect();
        Some(Stroke {
            id,
            order: OrderKey::default(),
            group: None,
            locked: false,
            step: None,
            rect,
            rotation: 0.0,
            points,
            color,
            width,
            highlighter,
        })
    }

    pub fn frame(&self) -> Frame {
        Frame::new(self.rect, self.rotation)
    }

    /// The width of the line in world points.
    pub fn line_width(&self) -> f32 {
        self.width.points(self.highlighter)
    }

    /// The centre line in world points, turned with the frame.
    pub fn world_points(&self) -> Vec<Point> {
        let f = self.frame();
        self.points
            .iter()
            .map(|[x, y]| f.to_world(Point::new(self.rect.x + x, self.rect.y + y)))
            .collect()
    }

    /// The same stroke in the box `rect`: its points scaled from the old box to the new.
    pub fn resized(&self, rect: Rect) -> Stroke {
        let (sx, sy) = (rect.w / self.rect.w, rect.h / self.rect.h);
        let ok = |v: f32| v.is_finite() && v > 0.0;
        let (sx, sy) = (if ok(sx) { sx } else { 1.0 }, if ok(sy) { sy } else { 1.0 });
        Stroke {
            rect,
            points: self
                .points
                .iter()
                .map(|[x, y]| {
                    let q = super::stroke_points::quantize;
                    [q(x * sx), q(y * sy)]
                })
                .collect(),
            ..self.clone()
        }
    }

    pub fn bounds(&self) -> Rect {
        self.frame().bounds()
    }

    /// Near the line (not anywhere in its box).
    pub fn hits(&self, p: Point, slop: f32) -> bool {
        if !self.bounds().expand(slop).contains(p) {
            return false;
        }
        let f = self.frame();
        let q = f.to_local(p);
        let q = [q.x - self.rect.x, q.y - self.rect.y];
        stroke_geom::distance_to_polyline(&self.points, q) <= slop + self.line_width() / 2.0
    }

    /// Whether the eraser moving from `a` to `b` with radius `r` touches the line.
    pub fn erased_by(&self, a: Point, b: Point, r: f32) -> bool {
        let f = self.frame();
        let local = |p: Point| {
            let q = f.to_local(p);
            [q.x - self.rect.x, q.y - self.rect.y]
        };
        stroke_geom::segment_hits_polyline(
            &self.points,
            local(a),
            local(b),
            r + self.line_width() / 2.0,
        )
    }

    pub fn validate(&self) -> Result<(), String> {
        self.frame().validate()?;
        if self.points.is_empty() {
            return Err("points: a stroke has at least one point".into());
        }
        if self.points.len() > MAX_STROKE_POINTS {
            return Err(format!(
                "points: more than {MAX_STROKE_POINTS} points ({})",
                self.points.len()
            ));
        }
        let sane = |v: f32| v.is_finite() && v.abs() <= MAX_COORD;
        if let Some(i) = self.points.iter().position(|[x, y]| !sane(*x) || !sane(*y)) {
            return Err(format!("points[{i}]: a coordinate is out of range"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wavy() -> Vec<Point> {
        (0..500)
            .map(|i| Point::new(i as f32, 100.0 + if i % 2 == 0 { 1.0 } else { -1.0 }))
            .collect()
    }

    #[test]
    fn a_jittery_line_is_thinned_and_stays_where_it_was_drawn() {
        let Some(s) = Stroke::from_drawn(
            ElementId(1),
            &wavy(),
            2.0,
            CardColor::Blue,
            PenWidth::Medium,
            false,
        ) else {
            panic!("no stroke");
        };
        assert!(s.points.len() < 40, "{} points", s.points.len());
        assert!(s.hits(Point::new(250.0, 100.0), 0.0));
        assert!(!s.hits(Point::new(250.0, 120.0), 2.0));
        assert!(s.validate().is_ok());
        let b = s.bounds();
        assert!(b.x <= 0.0 && b.right() >= 499.0, "{b:?}");
    }

    #[test]
    fn a_very_long_line_is_thinned_in_pieces_without_a_seam() {
        // 100,000 positions on a circle drawn round and round: thinned, it stays on the circle.
        let drawn: Vec<Point> = (0..100_000)
            .map(|i| {
                let t = i as f32 * 0.01;
                Point::new(500.0 + 300.0 * t.cos(), 500.0 + 300.0 * t.sin())
            })
            .collect();
        let start = std::time::Instant::now();
        let s = Stroke::from_drawn(
            ElementId(1),
            &drawn,
            1.0,
            CardColor::Red,
            PenWidth::Thin,
            false,
        );
        assert!(start.elapsed().as_secs_f32() < 5.0, "{:?}", start.elapsed());
        let Some(s) = s else { panic!("no stroke") };
        assert!(s.points.len() <= MAX_STROKE_POINTS);
        for p in s.world_points().iter().step_by(50) {
            let r = ((p.x - 500.0).powi(2) + (p.y - 500.0).powi(2)).sqrt();
            assert!((r - 300.0).abs() < 3.0, "{p:?} is {r} from the centre");
        }
    }

    #[test]
    fn scaling_scales_the_points_and_erasing_finds_the_line() {
        let line = [Point::new(0.0, 0.0), Point::new(100.0, 100.0)];
        let Some(s) = Stroke::from_drawn(
            ElementId(1),
            &line,
            0.5,
            CardColor::Red,
            PenWidth::Thin,
            false,
        ) else {
            panic!("no stroke");
        };
        let big = s.resized(Rect::new(
            s.rect.x,
            s.rect.y,
            s.rect.w * 2.0,
            s.rect.h * 2.0,
        ));
        assert!(big.hits(Point::new(200.0, 200.0), 1.0));
        assert!(s.erased_by(Point::new(0.0, 100.0), Point::new(100.0, 0.0), 1.0));
        assert!(!s.erased_by(Point::new(0.0, 100.0), Point::new(10.0, 90.0), 1.0));
    }

    #[test]
    fn a_file_with_too_many_points_is_refused_while_it_is_read() {
        let many = vec!["[1.0,2.0]"; MAX_STROKE_POINTS + 1].join(",");
        let json = format!(
            r#"{{"id":"1","rect":{{"x":0,"y":0,"w":5,"h":5}},"points":[{many}],"color":"red"}}"#
        );
        let err = serde_json::from_str::<Stroke>(&json)
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("more than 10000 points")));
    }

    #[test]
    fn nonsense_is_refused_by_field() {
        let mut s = Stroke::from_drawn(
            ElementId(1),
            &[Point::new(5.0, 5.0)],
            1.0,
            CardColor::Red,
            PenWidth::Thin,
            true,
        );
        assert!(s.as_ref().is_some_and(|s| s.validate().is_ok()), "a dot");
        if let Some(s) = s.as_mut() {
            s.points.push([f32::INFINITY, 0.0]);
            assert!(s.validate().is_err_and(|m| m.starts_with("points[1]")));
            s.points.clear();
            assert!(s.validate().is_err_and(|m| m.starts_with("points:")));
        }
        let none = Stroke::from_drawn(
            ElementId(1),
            &[],
            1.0,
            CardColor::Red,
            PenWidth::Thin,
            false,
        );
        assert!(none.is_none());
    }
}
