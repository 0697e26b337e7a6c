//! What every element shares: its place in the paint order, its group and its lock; and what
//! every element with a box shares: the box and its rotation.

use crate::model::{ElementId, MAX_COORD, Point, Rect, order, quote};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A place in the paint order: a fractional index ([`order`]), compared as text. A new key
/// fits between any two, so bringing an element forward, or inserting between two, changes
/// that one element only (and edits from two computers merge without renumbering).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrderKey(String);

impl OrderKey {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Missing: what an element of a file older than version 4 has until the upgrade.
    pub fn is_missing(&self) -> bool {
        self.0.is_empty()
    }

    /// A key above `below` and under `above` (either may be open).
    pub fn between(below: Option<&OrderKey>, above: Option<&OrderKey>) -> OrderKey {
        Self::many_between(below, above, 1)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// `n` ascending keys above `below` and under `above`. Keys that are not valid (which
    /// a document that passed `validate` does not hold) count as open ends.
    pub fn many_between(below: Option<&OrderKey>, above: Option<&OrderKey>, n: usize) -> Vec<Self> {
        fn valid(k: Option<&OrderKey>) -> Option<&str> {
            k.map(OrderKey::as_str).filter(|s| order::is_valid(s))
        }
        let (lo, hi) = (valid(below), valid(above));
        let keys = order::keys_between(lo, hi, n)
            .or_else(|_| order::keys_between(lo, None, n))
            .or_else(|_| order::keys_between(None, None, n))
            .unwrap_or_default();
        keys.into_iter().map(OrderKey).collect()
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.0.is_empty() {
            return Err("order: missing (every element has a place in the paint order)".into());
        }
        if !order::is_valid(&self.0) {
            return Err(format!("order: `{}` is not an order key", quote(&self.0)));
        }
        Ok(())
    }
}

impl Serialize for OrderKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for OrderKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.len() > order::MAX_KEY_LEN {
            return Err(serde::de::Error::custom(format!(
                "an order key is longer than {} characters",
                order::MAX_KEY_LEN
            )));
        }
        Ok(Self(s))
    }
}

/// A group is named by an id of its own, which its members carry.
pub type GroupId = ElementId;

/// Checks a text's length; the message names the field (`text`, `label`).
pub(crate) fn validate_text(field: &str, text: &str) -> Result<(), String> {
    if text.chars().count() > crate::model::MAX_TEXT_CHARS {
        return Err(format!(
            "{field}: longer than {} characters",
            crate::model::MAX_TEXT_CHARS
        ));
    }
    Ok(())
}

/// Checks a presentation step number.
pub(crate) fn validate_step(step: Option<u32>) -> Result<(), String> {
    match step {
        Some(n) if n > crate::model::workshop::MAX_STEP => Err(format!(
            "step: {n} is out of range (0 to {})",
            crate::model::workshop::MAX_STEP
        )),
        _ => Ok(()),
    }
}

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

pub(crate) fn is_zero(v: &f32) -> bool {
    *v == 0.0
}

/// An element's box: a rectangle, turned `rotation` degrees clockwise about its centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub rect: Rect,
    /// Degrees clockwise, 0 ≤ rotation < 360.
    pub rotation: f32,
}

impl Frame {
    pub fn new(rect: Rect, rotation: f32) -> Self {
        Self { rect, rotation }
    }

    pub fn upright(rect: Rect) -> Self {
        Self {
            rect,
            rotation: 0.0,
        }
    }

    fn sin_cos(&self) -> (f32, f32) {
        self.rotation.to_radians().sin_cos()
    }

    /// A point of the unturned box, turned with the frame.
    pub fn to_world(&self, p: Point) -> Point {
        if self.rotation == 0.0 {
            return p;
        }
        let c = self.rect.center();
        let (s, co) = self.sin_cos();
        let (dx, dy) = (p.x - c.x, p.y - c.y);
        Point::new(c.x + dx * co - dy * s, c.y + dx * s + dy * co)
    }

    /// A world point in the unturned box's coordinates.
    pub fn to_local(&self, p: Point) -> Point {
        if self.rotation == 0.0 {
            return p;
        }
        let c = self.rect.center();
        let (s, co) = self.sin_cos();
        let (dx, dy) = (p.x - c.x, p.y - c.y);
        Point::new(c.x + dx * co + dy * s, c.y - dx * s + dy * co)
    }

    /// The four corners, turned: top left, top right, bottom right, bottom left.
    pub fn corners(&self) -> [Point; 4] {
        let r = self.rect;
        [
            Point::new(r.x, r.y),
            Point::new(r.right(), r.y),
            Point::new(r.right(), r.bottom()),
            Point::new(r.x, r.bottom()),
        ]
        .map(|p| self.to_world(p))
    }

    /// The upright box around the turned one.
    pub fn bounds(&self) -> Rect {
        if self.rotation == 0.0 {
            return self.rect;
        }
        let c = self.corners();
        let (mut lo, mut hi) = (c[0], c[0]);
        for p in &c[1..] {
            lo = Point::new(lo.x.min(p.x), lo.y.min(p.y));
            hi = Point::new(hi.x.max(p.x), hi.y.max(p.y));
        }
        Rect::from_corners(lo, hi)
    }

    /// Whether `p` is inside the turned box, within `slop`.
    pub fn hits(&self, p: Point, slop: f32) -> bool {
        self.rect.expand(slop).contains(self.to_local(p))
    }

    pub fn validate(&self) -> Result<(), String> {
        let sane = |v: f32| v.is_finite() && v.abs() <= MAX_COORD;
        let r = self.rect;
        if ![r.x, r.y, r.w, r.h].into_iter().all(sane) {
            return Err(format!(
                "rect: a coordinate is out of range (at most {MAX_COORD:e})"
            ));
        }
        if r.w <= 0.0 || r.h <= 0.0 {
            return Err(format!(
                "rect: width and height must be above zero (found {} × {})",
                r.w, r.h
            ));
        }
        if !(self.rotation.is_finite() && (0.0..360.0).contains(&self.rotation)) {
            return Err(format!(
                "rotation: {} is out of range (0 to 360 degrees)",
                self.rotation
            ));
        }
        Ok(())
    }
}

/// `deg` brought into 0 ≤ deg < 360 (0 for nonsense).
pub fn normalize_degrees(deg: f32) -> f32 {
    if !deg.is_finite() {
        return 0.0;
    }
    let d = deg.rem_euclid(360.0);
    if d >= 360.0 { 0.0 } else { d }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quarter_turn_swaps_the_bounds() {
        let f = Frame::new(Rect::new(0.0, 0.0, 200.0, 100.0), 90.0);
        let b = f.bounds();
        assert!(
            (b.w - 100.0).abs() < 0.01 && (b.h - 200.0).abs() < 0.01,
            "{b:?}"
        );
        assert!((b.center().x - 100.0).abs() < 0.01 && (b.center().y - 50.0).abs() < 0.01);
        // The top of the unturned box is now on the right.
        assert!(f.hits(Point::new(140.0, -40.0), 0.0));
        assert!(!f.hits(Point::new(10.0, 10.0), 0.0));
        let p = Point::new(37.0, 81.0);
        let back = f.to_local(f.to_world(p));
        assert!((back.x - p.x).abs() < 0.01 && (back.y - p.y).abs() < 0.01);
    }

    #[test]
    fn bad_frames_are_named() {
        let bad = Frame::new(Rect::new(0.0, 0.0, 10.0, 10.0), 400.0).validate();
        assert!(bad.is_err_and(|m| m.starts_with("rotation:")));
        let flat = Frame::upright(Rect::new(0.0, 0.0, 0.0, 10.0)).validate();
        assert!(flat.is_err_and(|m| m.starts_with("rect:")));
        assert_eq!(normalize_degrees(-90.0), 270.0);
        assert_eq!(normalize_degrees(f32::NAN), 0.0);
    }

    #[test]
    fn keys_fall_between() {
        let a = OrderKey::between(None, None);
        let b = OrderKey::between(Some(&a), None);
        let m = OrderKey::between(Some(&a), Some(&b));
        assert!(a < m && m < b, "{a:?} {m:?} {b:?}");
        let many = OrderKey::many_between(Some(&a), Some(&m), 5);
        assert_eq!(many.len(), 5);
        assert!(many.windows(2).all(|w| w[0] < w[1]));
        assert!(OrderKey(String::new()).validate().is_err());
        assert!(OrderKey("a0".into()).validate().is_ok());
    }
}
