//! Pictures: illustrations and icons from the library, and the user's own images (photos,
//! logos). Both kinds are the same data: a box showing (part of) a picture from the
//! document's files table, flipped, faded or tinted.

use super::frame::{Frame, GroupId, OrderKey, is_false, is_zero};
use crate::model::files::FileId;
use crate::model::{CardColor, ElementId, Rect};
use serde::{Deserialize, Serialize};

/// The part of the picture shown, as fractions of its width and height (0–1).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Crop {
    #[serde(rename = "x")]
    pub x: f32,
    #[serde(rename = "y")]
    pub y: f32,
    #[serde(rename = "w")]
    pub w: f32,
    #[serde(rename = "h")]
    pub h: f32,
}

impl Crop {
    pub const FULL: Crop = Crop {
        x: 0.0,
        y: 0.0,
        w: 1.0,
        h: 1.0,
    };
    /// The smallest part that may be kept, of either side.
    pub const MIN: f32 = 0.02;

    pub fn is_full(&self) -> bool {
        *self == Crop::FULL
    }

    fn validate(&self) -> Result<(), String> {
        let ok = [self.x, self.y, self.w, self.h]
            .iter()
            .all(|v| v.is_finite())
            && self.x >= 0.0
            && self.y >= 0.0
            && self.w >= Self::MIN
            && self.h >= Self::MIN
            && self.x + self.w <= 1.0 + 1e-4
            && self.y + self.h <= 1.0 + 1e-4;
        if ok {
            Ok(())
        } else {
            Err("crop: not a part of the picture (x, y, w, h are fractions 0–1)".into())
        }
    }
}

impl Default for Crop {
    fn default() -> Self {
        Crop::FULL
    }
}

fn is_full(c: &Crop) -> bool {
    c.is_full()
}

fn is_one(v: &f32) -> bool {
    *v == 1.0
}

fn one() -> f32 {
    1.0
}

/// A picture on the canvas (the data of both the illustration and the image kind).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Picture {
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
    /// The entry of the document's files table it shows.
    #[serde(rename = "file")]
    pub file: FileId,
    /// Where it came from: the library item's id (`fluent:house`) or the user's file name.
    #[serde(rename = "source", default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// What it shows, in words, for screen readers and the summary ("hus", "Regionens logga").
    #[serde(rename = "name", default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(rename = "crop", default, skip_serializing_if = "is_full")]
    pub crop: Crop,
    #[serde(rename = "flip_x", default, skip_serializing_if = "is_false")]
    pub flip_x: bool,
    #[serde(rename = "flip_y", default, skip_serializing_if = "is_false")]
    pub flip_y: bool,
    /// 0 (invisible) to 1.
    #[serde(rename = "opacity", default = "one", skip_serializing_if = "is_one")]
    pub opacity: f32,
    /// For one-colour pictures (icons): drawn in this colour's strong shade. `None`: in its
    /// own colours.
    #[serde(rename = "tint", default, skip_serializing_if = "Option::is_none")]
    pub tint: Option<CardColor>,
}

impl Picture {
    pub fn new(id: ElementId, rect: Rect, file: FileId) -> Self {
        Self {
            id,
            order: OrderKey::default(),
            group: None,
            locked: false,
            step: None,
            rect,
            rotation: 0.0,
            file,
            source: String::new(),
            name: String::new(),
            crop: Crop::FULL,
            flip_x: false,
            flip_y: false,
            opacity: 1.0,
            tint: None,
        }
    }

    pub fn frame(&self) -> Frame {
        Frame::new(self.rect, self.rotation)
    }

    pub fn bounds(&self) -> Rect {
        self.frame().bounds()
    }

    pub fn hits(&self, p: crate::model::Point, slop: f32) -> bool {
        self.frame().hits(p, slop)
    }

    /// The texture coordinates (0–1 of the whole picture) of the box's corners: top left,
    /// top right, bottom right, bottom left, after cropping and flipping.
    pub fn uv_corners(&self) -> [(f32, f32); 4] {
        let c = self.crop;
        let (mut l, mut r) = (c.x, c.x + c.w);
        let (mut t, mut b) = (c.y, c.y + c.h);
        if self.flip_x {
            std::mem::swap(&mut l, &mut r);
        }
        if self.flip_y {
            std::mem::swap(&mut t, &mut b);
        }
        [(l, t), (r, t), (r, b), (l, b)]
    }

    pub fn validate(&self) -> Result<(), String> {
        self.frame().validate()?;
        self.crop.validate()?;
        if !(self.opacity.is_finite() && (0.0..=1.0).contains(&self.opacity)) {
            return Err(format!("opacity: {} is not between 0 and 1", self.opacity));
        }
        super::frame::validate_text("name", &self.name)?;
        super::frame::validate_text("source", &self.source)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crop_and_flip_give_the_corners_texture_coordinates() {
        let mut p = Picture::new(
            ElementId(1),
            Rect::new(0.0, 0.0, 100.0, 50.0),
            FileId::of(b"x"),
        );
        assert_eq!(p.uv_corners()[0], (0.0, 0.0));
        p.crop = Crop {
            x: 0.25,
            y: 0.0,
            w: 0.5,
            h: 1.0,
        };
        p.flip_x = true;
        assert_eq!(
            p.uv_corners(),
            [(0.75, 0.0), (0.25, 0.0), (0.25, 1.0), (0.75, 1.0)]
        );
        assert!(p.validate().is_ok());
        p.crop.w = 0.9;
        assert!(p.validate().is_err_and(|m| m.starts_with("crop:")));
        p.crop = Crop::FULL;
        p.opacity = 1.5;
        assert!(p.validate().is_err_and(|m| m.starts_with("opacity:")));
    }
}
