//! A shape: a rectangle, ellipse, cloud, speech bubble… with text inside, like a card.

use super::frame::{Frame, GroupId, OrderKey, is_false, is_zero};
use super::shape_geom::{self, Outline};
use crate::model::{CardColor, ElementId, INK, LineStyle, LineWidth, Point, Rect, Rgba, TextSize};
use serde::{Deserialize, Serialize};

/// A shape: an outline from [`Outline`] in a box, filled or not, with wrapped centred text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shape {
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
    #[serde(rename = "shape")]
    pub outline: Outline,
    #[serde(rename = "text", default)]
    pub text: String,
    /// The fill, from the palette; `None` is no fill (the outline only).
    #[serde(rename = "fill", default, skip_serializing_if = "Option::is_none")]
    pub fill: Option<CardColor>,
    /// The outline's colour (its strong shade, as arrows use).
    #[serde(rename = "line_color")]
    pub line_color: CardColor,
    #[serde(rename = "line_width", default)]
    pub line_width: LineWidth,
    #[serde(rename = "line_style", default)]
    pub line_style: LineStyle,
    #[serde(
        rename = "text_size",
        default,
        skip_serializing_if = "TextSize::is_auto"
    )]
    pub text_size: TextSize,
    #[serde(rename = "bold", default, skip_serializing_if = "is_false")]
    pub bold: bool,
}

/// The size of a new shape.
pub const DEFAULT_SHAPE_SIZE: (f32, f32) = (220.0, 140.0);

impl Shape {
    pub fn new(id: ElementId, rect: Rect, outline: Outline) -> Self {
        Self {
            id,
            order: OrderKey::default(),
            group: None,
            locked: false,
            step: None,
            rect,
            rotation: 0.0,
            outline,
            text: String::new(),
            fill: Some(CardColor::Blue),
            line_color: CardColor::Navy,
            line_width: LineWidth::Medium,
            line_style: LineStyle::Solid,
            text_size: TextSize::Auto,
            bold: false,
        }
    }

    pub fn frame(&self) -> Frame {
        Frame::new(self.rect, self.rotation)
    }

    /// The outline as a closed polygon in world points, turned with the frame.
    pub fn polygon(&self) -> Vec<Point> {
        let r = self.rect;
        let f = self.frame();
        shape_geom::outline(self.outline, r.x, r.y, r.w, r.h)
            .into_iter()
            .map(|[x, y]| f.to_world(Point::new(x, y)))
            .collect()
    }

    /// Where the text goes, in the unturned box.
    pub fn text_rect(&self) -> Rect {
        let r = self.rect;
        let (x, y, w, h) = shape_geom::text_box(self.outline, r.x, r.y, r.w, r.h);
        Rect::new(x, y, w.max(1.0), h.max(1.0))
    }

    /// The colour of the text: readable on the fill, or ink where there is none.
    pub fn text_color(&self) -> Rgba {
        self.fill.map_or(INK, CardColor::text)
    }

    pub fn bounds(&self) -> Rect {
        self.frame().bounds().expand(self.line_width.points() / 2.0)
    }

    /// Inside a filled shape, or near the outline (and anywhere in the text box) of an
    /// unfilled one.
    pub fn hits(&self, p: Point, slop: f32) -> bool {
        let f = self.frame();
        if !f.hits(p, slop) {
            return false;
        }
        let local = f.to_local(p);
        let r = self.rect;
        let poly = shape_geom::outline(self.outline, r.x, r.y, r.w, r.h);
        let q = [local.x, local.y];
        let near = shape_geom::distance_to_outline(&poly, q) <= slop + self.line_width.points();
        let inside = shape_geom::contains(&poly, q);
        near || (inside && (self.fill.is_some() || !self.text.is_empty()))
            || (inside && self.text_rect().contains(local))
    }

    pub fn validate(&self) -> Result<(), String> {
        self.frame().validate()?;
        super::frame::validate_text("text", &self.text)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_outline_is_hit_on_its_line_and_in_its_text_box() {
        let mut s = Shape::new(
            ElementId(1),
            Rect::new(0.0, 0.0, 200.0, 100.0),
            Outline::Ellipse,
        );
        s.fill = None;
        assert!(s.hits(Point::new(100.0, 50.0), 2.0), "the text box");
        assert!(s.hits(Point::new(0.5, 50.0), 2.0), "the line");
        assert!(
            !s.hits(Point::new(3.0, 3.0), 2.0),
            "the corner outside the ellipse"
        );
        s.fill = Some(CardColor::Green);
        assert!(s.hits(Point::new(30.0, 50.0), 0.0));
    }

    #[test]
    fn a_turned_shape_is_hit_where_it_is_drawn() {
        let mut s = Shape::new(
            ElementId(1),
            Rect::new(0.0, 0.0, 300.0, 40.0),
            Outline::Rectangle,
        );
        s.rotation = 90.0;
        // Turned upright about its centre (150, 20): it now spans y −130…170 at x 130…170.
        assert!(s.hits(Point::new(150.0, 150.0), 0.0));
        assert!(!s.hits(Point::new(20.0, 20.0), 0.0));
        let b = s.bounds();
        assert!(b.h > 290.0 && b.w < 50.0, "{b:?}");
    }

    #[test]
    fn bad_values_name_their_field() {
        let mut s = Shape::new(
            ElementId(1),
            Rect::new(0.0, 0.0, 10.0, 10.0),
            Outline::Cloud,
        );
        s.rotation = f32::NAN;
        assert!(s.validate().is_err_and(|m| m.starts_with("rotation:")));
        s.rotation = 0.0;
        s.text = "x".repeat(crate::model::MAX_TEXT_CHARS + 1);
        assert!(s.validate().is_err_and(|m| m.starts_with("text:")));
    }
}
