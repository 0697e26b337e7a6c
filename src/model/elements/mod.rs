//! Everything placed on the canvas. One module per kind owns its data, box, hit test and
//! checks; `Element` dispatches to them. The list of elements in paint order is `Elements`.
//!
//! Every element has an id, a place in the paint order ([`OrderKey`]), a group and a lock.
//! Every kind but the arrow has a box ([`Frame`]): arrows bind to it, and selection, resizing,
//! turning and aligning work on it.

pub mod arrow;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod card;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod frame;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
mod list;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod picture;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
mod read;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod shape;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod shape_geom;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod stroke;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod stroke_geom;
/// A stroke's points in a file.
pub mod stroke_points;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod text;

pub use frame::{Frame, GroupId, OrderKey};
pub use list::Elements;

use crate::model::{CardColor, ElementId, Point, Rect, quote};
use arrow::Arrow;
use card::Card;
use picture::Picture;
use read::{Checked, MAX_ELEMENT_VALUES, NoSecondType};
use serde::{Deserialize, Deserializer, Serialize};
use shape::Shape;
use std::fmt;
use stroke::Stroke;
use text::Text;

/// Anything placed on the canvas. Saved with a `type` field naming its kind, first.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum Element {
    #[serde(rename = "card")]
    Card(Card),
    #[serde(rename = "shape")]
    Shape(Shape),
    #[serde(rename = "text")]
    Text(Text),
    #[serde(rename = "stroke")]
    Stroke(Stroke),
    #[serde(rename = "arrow")]
    Arrow(Arrow),
    /// An illustration or icon from the library.
    #[serde(rename = "illustration")]
    Illustration(Picture),
    /// The user's own picture: a photo, a logo.
    #[serde(rename = "image")]
    Image(Picture),
}

/// The kinds of element, for messages, menus and screen readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Card,
    Shape,
    Text,
    Stroke,
    Arrow,
    Illustration,
    Image,
}

/// `$body` for whichever kind `$e` is, with `$x` bound to it: for what every kind has.
macro_rules! each_kind {
    ($e:expr, $x:ident => $body:expr) => {
        match $e {
            Element::Card($x) => $body,
            Element::Shape($x) => $body,
            Element::Text($x) => $body,
            Element::Stroke($x) => $body,
            Element::Arrow($x) => $body,
            Element::Illustration($x) => $body,
            Element::Image($x) => $body,
        }
    };
}

/// Marks the place of an error inside an element, in an error message (see `io`).
pub const INNER_PATH: char = '\u{1}';

/// The `type` names of elements.
const ELEMENT_TYPES: &[&str] = &[
    "card",
    "shape",
    "text",
    "stroke",
    "arrow",
    "illustration",
    "image",
];

impl<'de> Deserialize<'de> for Element {
    /// Reads the `type` field, then the element's own fields straight from the same stream,
    /// so that an error names its exact place (`elements[3].rect.x`). A file written by hand
    /// with `type` later in the object is read too, by a slower path.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, MapAccess, Visitor, value::MapAccessDeserializer};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Element;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an element: an object with a `type`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Element, A::Error> {
                let Some(first) = map.next_key::<String>()? else {
                    return Err(A::Error::missing_field("type"));
                };
                if first == "type" {
                    let kind: String = map.next_value()?;
                    let rest = MapAccessDeserializer::new(NoSecondType(map));
                    return match kind.as_str() {
                        "card" => Card::deserialize(rest).map(Element::Card),
                        "shape" => Shape::deserialize(rest).map(Element::Shape),
                        "text" => Text::deserialize(rest).map(Element::Text),
                        "stroke" => Stroke::deserialize(rest).map(Element::Stroke),
                        "arrow" => Arrow::deserialize(rest).map(Element::Arrow),
                        "illustration" => Picture::deserialize(rest).map(Element::Illustration),
                        "image" => Picture::deserialize(rest).map(Element::Image),
                        other => Err(A::Error::unknown_variant(&quote(other), ELEMENT_TYPES)),
                    };
                }
                let budget = std::cell::Cell::new(MAX_ELEMENT_VALUES);
                let mut obj = serde_json::Map::new();
                obj.insert(first, map.next_value_seed(Checked(&budget))?);
                while let Some(k) = map.next_key::<String>()? {
                    let v = map.next_value_seed(Checked(&budget))?;
                    if obj.contains_key(&k) {
                        return Err(A::Error::custom(format!("duplicate field `{}`", quote(&k))));
                    }
                    obj.insert(k, v);
                }
                let kind = match obj.remove("type") {
                    Some(serde_json::Value::String(s)) => s,
                    Some(_) => return Err(A::Error::custom("`type` is not text")),
                    None => return Err(A::Error::missing_field("type")),
                };
                // The inner place travels in the message, marked, for the reader of the
                // file to join to the outer one (`io::invalid`).
                let inner = |e: serde_path_to_error::Error<serde_json::Error>| {
                    A::Error::custom(format!("{INNER_PATH}{}{INNER_PATH}{}", e.path(), e.inner()))
                };
                let obj = serde_json::Value::Object(obj);
                match kind.as_str() {
                    "card" => serde_path_to_error::deserialize(obj)
                        .map(Element::Card)
                        .map_err(inner),
                    "shape" => serde_path_to_error::deserialize(obj)
                        .map(Element::Shape)
                        .map_err(inner),
                    "text" => serde_path_to_error::deserialize(obj)
                        .map(Element::Text)
                        .map_err(inner),
                    "stroke" => serde_path_to_error::deserialize(obj)
                        .map(Element::Stroke)
                        .map_err(inner),
                    "arrow" => serde_path_to_error::deserialize(obj)
                        .map(Element::Arrow)
                        .map_err(inner),
                    "illustration" => serde_path_to_error::deserialize(obj)
                        .map(Element::Illustration)
                        .map_err(inner),
                    "image" => serde_path_to_error::deserialize(obj)
                        .map(Element::Image)
                        .map_err(inner),
                    other => Err(A::Error::unknown_variant(&quote(other), ELEMENT_TYPES)),
                }
            }
        }
        d.deserialize_map(V)
    }
}

impl Element {
    pub fn id(&self) -> ElementId {
        each_kind!(self, e => e.id)
    }

    /// The same element under another id.
    pub fn with_id(&self, id: ElementId) -> Element {
        let mut e = self.clone();
        each_kind!(&mut e, x => x.id = id);
        e
    }

    pub fn kind(&self) -> Kind {
        match self {
            Element::Card(_) => Kind::Card,
            Element::Shape(_) => Kind::Shape,
            Element::Text(_) => Kind::Text,
            Element::Stroke(_) => Kind::Stroke,
            Element::Arrow(_) => Kind::Arrow,
            Element::Illustration(_) => Kind::Illustration,
            Element::Image(_) => Kind::Image,
        }
    }

    /// Its place in the paint order.
    pub fn order(&self) -> &OrderKey {
        each_kind!(self, e => &e.order)
    }

    pub fn set_order(&mut self, key: OrderKey) {
        each_kind!(self, e => e.order = key)
    }

    /// The same element at another place in the paint order.
    pub fn with_order(&self, key: OrderKey) -> Element {
        let mut e = self.clone();
        e.set_order(key);
        e
    }

    pub fn group(&self) -> Option<GroupId> {
        each_kind!(self, e => e.group)
    }

    /// The same element in group `group` (or in none).
    pub fn with_group(&self, group: Option<GroupId>) -> Element {
        let mut e = self.clone();
        each_kind!(&mut e, x => x.group = group);
        e
    }

    /// A locked element stays where it is: it is not moved, resized or caught by a rubber band.
    pub fn locked(&self) -> bool {
        each_kind!(self, e => e.locked)
    }

    pub fn with_locked(&self, locked: bool) -> Element {
        let mut e = self.clone();
        each_kind!(&mut e, x => x.locked = locked);
        e
    }

    /// Its step in the presentation, if it has one: the element appears at that step of its
    /// phase (elements without one are there from the start).
    pub fn step(&self) -> Option<u32> {
        each_kind!(self, e => e.step)
    }

    pub fn with_step(&self, step: Option<u32>) -> Element {
        let mut e = self.clone();
        each_kind!(&mut e, x => x.step = step);
        e
    }

    /// Its box, for the kinds that have one (all but arrows).
    pub fn frame(&self) -> Option<Frame> {
        match self {
            Element::Card(c) => Some(Frame::upright(c.rect)),
            Element::Shape(s) => Some(s.frame()),
            Element::Text(t) => Some(t.frame()),
            Element::Stroke(s) => Some(s.frame()),
            Element::Illustration(p) | Element::Image(p) => Some(p.frame()),
            Element::Arrow(_) => None,
        }
    }

    /// The same element in another box (a card stays upright; a stroke's points scale with
    /// its box). An arrow has no box and is returned as it is.
    pub fn with_frame(&self, f: Frame) -> Element {
        let rotation = frame::normalize_degrees(f.rotation);
        match self {
            Element::Card(c) => Element::Card(Card {
                rect: f.rect,
                ..c.clone()
            }),
            Element::Shape(s) => Element::Shape(Shape {
                rect: f.rect,
                rotation,
                ..s.clone()
            }),
            Element::Text(t) => Element::Text(Text {
                rect: f.rect,
                rotation,
                ..t.clone()
            }),
            Element::Stroke(s) => Element::Stroke(Stroke {
                rotation,
                ..s.resized(f.rect)
            }),
            Element::Illustration(p) => Element::Illustration(Picture {
                rect: f.rect,
                rotation,
                ..p.clone()
            }),
            Element::Image(p) => Element::Image(Picture {
                rect: f.rect,
                rotation,
                ..p.clone()
            }),
            Element::Arrow(a) => Element::Arrow(a.clone()),
        }
    }

    /// Whether it can be turned (cards stay upright to stay readable; arrows follow their
    /// ends).
    pub fn turns(&self) -> bool {
        match self {
            Element::Shape(_)
            | Element::Text(_)
            | Element::Stroke(_)
            | Element::Illustration(_)
            | Element::Image(_) => true,
            Element::Card(_) | Element::Arrow(_) => false,
        }
    }

    /// Its text (a card's, a shape's, free text, an arrow's label), if it holds any.
    pub fn text(&self) -> Option<&str> {
        match self {
            Element::Card(c) => Some(&c.text),
            Element::Shape(s) => Some(&s.text),
            Element::Text(t) => Some(&t.text),
            Element::Arrow(a) => Some(&a.label),
            Element::Stroke(_) | Element::Illustration(_) | Element::Image(_) => None,
        }
    }

    /// The same element with its text set (for the kinds that hold text).
    pub fn with_text(&self, text: String) -> Element {
        match self {
            Element::Card(c) => Element::Card(Card { text, ..c.clone() }),
            Element::Shape(s) => Element::Shape(Shape { text, ..s.clone() }),
            Element::Text(t) => Element::Text(Text { text, ..t.clone() }),
            Element::Arrow(a) => Element::Arrow(Arrow {
                label: text,
                ..a.clone()
            }),
            Element::Stroke(_) | Element::Illustration(_) | Element::Image(_) => self.clone(),
        }
    }

    /// The same element moved by (dx, dy). An arrow's free ends move; its bound ends stay
    /// with what they are bound to.
    pub fn translated(&self, dx: f32, dy: f32) -> Element {
        match (self, self.frame()) {
            (Element::Arrow(a), _) => {
                let mut a = a.clone();
                for end in [&mut a.start, &mut a.end] {
                    if end.bind.is_none() {
                        end.point = Point::new(end.point.x + dx, end.point.y + dy);
                    }
                }
                Element::Arrow(a)
            }
            (_, Some(f)) => self.with_frame(Frame {
                rect: f.rect.translated(dx, dy),
                ..f
            }),
            (_, None) => self.clone(),
        }
    }

    pub fn as_card(&self) -> Option<&Card> {
        match self {
            Element::Card(c) => Some(c),
            _ => None,
        }
    }

    pub fn as_shape(&self) -> Option<&Shape> {
        match self {
            Element::Shape(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_text(&self) -> Option<&Text> {
        match self {
            Element::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_stroke(&self) -> Option<&Stroke> {
        match self {
            Element::Stroke(s) => Some(s),
            _ => None,
        }
    }

    /// The picture of an illustration or an image.
    pub fn as_picture(&self) -> Option<&Picture> {
        match self {
            Element::Illustration(p) | Element::Image(p) => Some(p),
            _ => None,
        }
    }

    /// The same element with its picture changed by `f` (as it is, for other kinds).
    pub fn with_picture(&self, f: impl FnOnce(&mut Picture)) -> Element {
        let mut e = self.clone();
        if let Element::Illustration(p) | Element::Image(p) = &mut e {
            f(p);
        }
        e
    }

    pub fn as_arrow(&self) -> Option<&Arrow> {
        match self {
            Element::Arrow(a) => Some(a),
            _ => None,
        }
    }

    /// Its colour from the palette: a card's or shape's fill (`None` for a shape without
    /// one), a line's or text's colour.
    pub fn color(&self) -> Option<CardColor> {
        match self {
            Element::Card(c) => Some(c.color),
            Element::Shape(s) => s.fill,
            Element::Text(t) => Some(t.color),
            Element::Stroke(s) => Some(s.color),
            Element::Arrow(a) => Some(a.color),
            Element::Illustration(p) | Element::Image(p) => p.tint,
        }
    }

    /// The same element in colour `color` (see [`Element::color`]).
    pub fn with_color(&self, color: CardColor) -> Element {
        let mut e = self.clone();
        match &mut e {
            Element::Card(c) => c.color = color,
            Element::Shape(s) => s.fill = Some(color),
            Element::Text(t) => t.color = color,
            Element::Stroke(s) => s.color = color,
            Element::Arrow(a) => a.color = color,
            // Only a one-colour picture takes a colour.
            Element::Illustration(p) | Element::Image(p) => {
                if p.tint.is_some() {
                    p.tint = Some(color)
                }
            }
        }
        e
    }

    /// Whether its text is bold, for the kinds with text of their own weight.
    pub fn bold(&self) -> Option<bool> {
        match self {
            Element::Card(c) => Some(c.bold),
            Element::Shape(s) => Some(s.bold),
            Element::Text(t) => Some(t.bold),
            Element::Stroke(_)
            | Element::Arrow(_)
            | Element::Illustration(_)
            | Element::Image(_) => None,
        }
    }

    /// The same element with its text bold or not (as it is, for kinds without weight).
    pub fn with_bold(&self, bold: bool) -> Element {
        let mut e = self.clone();
        match &mut e {
            Element::Card(c) => c.bold = bold,
            Element::Shape(s) => s.bold = bold,
            Element::Text(t) => t.bold = bold,
            Element::Stroke(_)
            | Element::Arrow(_)
            | Element::Illustration(_)
            | Element::Image(_) => {}
        }
        e
    }

    /// The smallest box it may be resized to, in world points.
    pub fn min_size(&self) -> (f32, f32) {
        match self {
            Element::Card(_) => crate::model::MIN_CARD_SIZE,
            Element::Shape(_) => (24.0, 24.0),
            Element::Text(_) => (40.0, 10.0),
            Element::Stroke(_) => (4.0, 4.0),
            Element::Illustration(_) | Element::Image(_) => (12.0, 12.0),
            Element::Arrow(_) => (0.0, 0.0),
        }
    }

    /// The box its drawing occupies (an arrow's depends on where what it is bound to is).
    pub fn bounds(&self, doc: &crate::model::Document) -> Rect {
        match self {
            Element::Card(c) => c.bounds(),
            Element::Shape(s) => s.bounds(),
            Element::Text(t) => t.bounds(),
            Element::Stroke(s) => s.bounds(),
            Element::Illustration(p) | Element::Image(p) => p.bounds(),
            Element::Arrow(a) => arrow::bounds(doc, a),
        }
    }

    /// Whether `p` touches it, within `slop` world points.
    pub fn hits(&self, doc: &crate::model::Document, p: Point, slop: f32) -> bool {
        match self {
            Element::Card(c) => c.hits(p, slop),
            Element::Shape(s) => s.hits(p, slop),
            Element::Text(t) => t.hits(p, slop),
            Element::Stroke(s) => s.hits(p, slop),
            Element::Illustration(x) | Element::Image(x) => x.hits(p, slop),
            Element::Arrow(a) => arrow::hits(doc, a, p, slop),
        }
    }

    /// Whether arrows may bind to this element: anything with a box.
    pub fn is_bindable(&self) -> bool {
        self.frame().is_some()
    }

    /// The box of a boxed element (`None` for arrows).
    pub fn rect(&self) -> Option<Rect> {
        self.frame().map(|f| f.rect)
    }

    /// Checks what serde cannot; the message starts with the field's path inside the element.
    pub fn validate(&self) -> Result<(), String> {
        self.order().validate()?;
        frame::validate_step(self.step())?;
        match self {
            Element::Card(c) => c.validate(),
            Element::Shape(s) => s.validate(),
            Element::Text(t) => t.validate(),
            Element::Stroke(s) => s.validate(),
            Element::Illustration(p) | Element::Image(p) => p.validate(),
            Element::Arrow(a) => a.validate(),
        }
    }
}
