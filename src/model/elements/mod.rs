//! Everything placed on the canvas. One module per kind owns its data, box, hit test and
//! checks; `Element` dispatches to them. The list of elements in paint order is `Elements`.

pub mod arrow;
pub mod card;
mod list;
mod read;

pub use list::Elements;

use crate::model::{ElementId, Point, quote};
use arrow::Arrow;
use card::Card;
use read::{Checked, MAX_ELEMENT_VALUES, NoSecondType};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// Anything placed on the canvas. Saved with a `type` field naming its kind, first.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum Element {
    #[serde(rename = "card")]
    Card(Card),
    #[serde(rename = "arrow")]
    Arrow(Arrow),
}

/// Marks the place of an error inside an element, in an error message (see `io`).
pub const INNER_PATH: char = '\u{1}';

/// The `type` names of elements.
const ELEMENT_TYPES: &[&str] = &["card", "arrow"];

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
                        "arrow" => Arrow::deserialize(rest).map(Element::Arrow),
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
                    "arrow" => serde_path_to_error::deserialize(obj)
                        .map(Element::Arrow)
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
        match self {
            Element::Card(c) => c.id,
            Element::Arrow(a) => a.id,
        }
    }

    /// The same element moved by (dx, dy). An arrow's free ends move; its bound ends stay
    /// with what they are bound to.
    pub fn translated(&self, dx: f32, dy: f32) -> Element {
        match self {
            Element::Card(c) => Element::Card(Card {
                rect: c.rect.translated(dx, dy),
                ..c.clone()
            }),
            Element::Arrow(a) => {
                let mut a = a.clone();
                for end in [&mut a.start, &mut a.end] {
                    if end.bind.is_none() {
                        end.point = Point::new(end.point.x + dx, end.point.y + dy);
                    }
                }
                Element::Arrow(a)
            }
        }
    }

    pub fn as_card(&self) -> Option<&Card> {
        match self {
            Element::Card(c) => Some(c),
            Element::Arrow(_) => None,
        }
    }

    pub fn as_arrow(&self) -> Option<&Arrow> {
        match self {
            Element::Arrow(a) => Some(a),
            Element::Card(_) => None,
        }
    }

    /// Whether arrows may bind to this element.
    pub fn is_bindable(&self) -> bool {
        matches!(self, Element::Card(_))
    }
}
