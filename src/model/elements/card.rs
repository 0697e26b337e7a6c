//! A card: the sticky note of a workshop. Its data, box, hit test and checks.

use super::frame::{Frame, GroupId, OrderKey, is_false};
use crate::model::workshop::{MAX_OWNER_CHARS, Priority, Status, validate_day};
use crate::model::{CardColor, ElementId, Point, Rect};
use serde::{Deserialize, Serialize};

/// How large a card's text is: fitted to the card, or one of four fixed sizes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextSize {
    /// As large as fits the card (a few words fill it; long text shrinks to a floor).
    #[default]
    #[serde(rename = "auto")]
    Auto,
    #[serde(rename = "s")]
    S,
    #[serde(rename = "m")]
    M,
    #[serde(rename = "l")]
    L,
    #[serde(rename = "xl")]
    Xl,
}

impl TextSize {
    pub const ALL: [TextSize; 5] = [
        TextSize::Auto,
        TextSize::S,
        TextSize::M,
        TextSize::L,
        TextSize::Xl,
    ];

    /// The fixed size in world points, or `None` for a size fitted to the card.
    pub fn points(self) -> Option<f32> {
        match self {
            TextSize::Auto => None,
            TextSize::S => Some(14.0),
            TextSize::M => Some(18.0),
            TextSize::L => Some(26.0),
            TextSize::Xl => Some(36.0),
        }
    }

    pub fn is_auto(&self) -> bool {
        *self == TextSize::Auto
    }
}

/// A card: the sticky note of a workshop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    #[serde(rename = "id")]
    pub id: ElementId,
    #[serde(rename = "order", default)]
    pub order: OrderKey,
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupId>,
    #[serde(rename = "locked", default, skip_serializing_if = "is_false")]
    pub locked: bool,
    /// Cards are never turned: they stay readable.
    #[serde(rename = "rect")]
    pub rect: Rect,
    #[serde(rename = "text")]
    pub text: String,
    #[serde(rename = "color")]
    pub color: CardColor,
    /// The size of the text: fitted to the card unless set.
    #[serde(
        rename = "text_size",
        default,
        skip_serializing_if = "TextSize::is_auto"
    )]
    pub text_size: TextSize,
    #[serde(rename = "bold", default, skip_serializing_if = "is_false")]
    pub bold: bool,
    /// Its place in the presentation: shown at this step of its phase (version 6).
    #[serde(rename = "step", default, skip_serializing_if = "Option::is_none")]
    pub step: Option<u32>,
    /// Where the initiative stands (version 6).
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Who answers for it (version 6).
    #[serde(rename = "owner", default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it is due, `YYYY-MM-DD` (version 6).
    #[serde(rename = "due", default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    #[serde(rename = "priority", default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// The day its text or follow-up last changed, `YYYY-MM-DD` (version 6; stamped by the
    /// editor), so a team reopening the canvas sees what changed since a day.
    #[serde(rename = "changed", default, skip_serializing_if = "String::is_empty")]
    pub changed: String,
}

impl Card {
    pub fn new(id: ElementId, rect: Rect, text: impl Into<String>, color: CardColor) -> Self {
        Self {
            id,
            order: OrderKey::default(),
            group: None,
            locked: false,
            rect,
            text: text.into(),
            color,
            text_size: TextSize::Auto,
            bold: false,
            step: None,
            status: None,
            owner: String::new(),
            due: String::new(),
            priority: None,
            changed: String::new(),
        }
    }
}

impl Card {
    /// The box the card's drawing occupies.
    pub fn bounds(&self) -> Rect {
        self.rect
    }

    /// Whether `p` is on the card, within `slop` world points.
    pub fn hits(&self, p: Point, slop: f32) -> bool {
        self.rect.expand(slop).contains(p)
    }

    /// Checks what serde cannot; the message starts with the field's path inside the card.
    pub fn validate(&self) -> Result<(), String> {
        Frame::upright(self.rect).validate()?;
        super::frame::validate_text("text", &self.text)?;
        if self.owner.chars().count() > MAX_OWNER_CHARS {
            return Err(format!("owner: longer than {MAX_OWNER_CHARS} characters"));
        }
        validate_day("due", &self.due)?;
        validate_day("changed", &self.changed)?;
        Ok(())
    }
}
