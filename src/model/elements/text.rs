//! Free text: titles and captions with no box around them ("Målbild 2030").

use super::frame::{Frame, GroupId, OrderKey, is_false, is_zero};
use crate::model::{CardColor, ElementId, Point, Rect};
use serde::{Deserialize, Serialize};

/// The four sizes of free text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FontSize {
    #[serde(rename = "s")]
    S,
    #[default]
    #[serde(rename = "m")]
    M,
    #[serde(rename = "l")]
    L,
    #[serde(rename = "xl")]
    Xl,
}

impl FontSize {
    pub const ALL: [FontSize; 4] = [FontSize::S, FontSize::M, FontSize::L, FontSize::Xl];

    /// The size in world points.
    pub fn points(self) -> f32 {
        match self {
            FontSize::S => 20.0,
            FontSize::M => 28.0,
            FontSize::L => 44.0,
            FontSize::Xl => 64.0,
        }
    }
}

/// How lines of free text line up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Align {
    #[default]
    #[serde(rename = "left")]
    Left,
    #[serde(rename = "center")]
    Center,
    #[serde(rename = "right")]
    Right,
}

impl Align {
    pub const ALL: [Align; 3] = [Align::Left, Align::Center, Align::Right];
}

/// Free text. Its box is as wide as the lines may run; the text wraps inside it and the box
/// grows down as lines are added.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Text {
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
    #[serde(rename = "text")]
    pub text: String,
    #[serde(rename = "size", default)]
    pub size: FontSize,
    #[serde(rename = "bold", default, skip_serializing_if = "is_false")]
    pub bold: bool,
    #[serde(rename = "align", default)]
    pub align: Align,
    /// Drawn in the colour's strong shade (as lines are).
    #[serde(rename = "color")]
    pub color: CardColor,
}

impl Text {
    pub fn new(id: ElementId, at: Point, text: impl Into<String>) -> Self {
        let size = FontSize::M;
        Self {
            id,
            order: OrderKey::default(),
            group: None,
            locked: false,
            step: None,
            rect: Rect::new(at.x, at.y, 360.0, size.points() * 1.4),
            rotation: 0.0,
            text: text.into(),
            size,
            bold: true,
            align: Align::Left,
            color: CardColor::Navy,
        }
    }

    pub fn frame(&self) -> Frame {
        Frame::new(self.rect, self.rotation)
    }

    pub fn bounds(&self) -> Rect {
        self.frame().bounds()
    }

    pub fn hits(&self, p: Point, slop: f32) -> bool {
        self.frame().hits(p, slop)
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
    fn text_is_hit_in_its_box_and_checked() {
        let mut t = Text::new(ElementId(3), Point::new(10.0, 10.0), "Målbild 2030");
        assert!(t.hits(Point::new(20.0, 20.0), 0.0));
        assert!(!t.hits(Point::new(5.0, 5.0), 0.0));
        t.rect.w = -1.0;
        assert!(t.validate().is_err_and(|m| m.starts_with("rect:")));
    }
}
