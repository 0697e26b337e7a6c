//! Reading elements from a file: the helpers behind `Element`'s reader.

use crate::model::quote;
use serde::Deserializer;
use std::fmt;

/// Reads a JSON value with every object checked for keys named twice, at any depth (a plain
/// `Value` keeps the last, so one file would read two ways), and with at most `budget`
/// values in all (a list of millions of numbers in an element would otherwise cost 30 times
/// its size as a tree).
pub(super) struct Checked<'a>(pub(super) &'a std::cell::Cell<usize>);

/// How many JSON values an element read by the slow path may hold.
/// (A stroke of the most points it may have, 10,000 pairs, is 30,001 values.)
pub(super) const MAX_ELEMENT_VALUES: usize = 40_000;

impl<'de> serde::de::DeserializeSeed<'de> for Checked<'_> {
    type Value = serde_json::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<serde_json::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl Checked<'_> {
    fn take<E: serde::de::Error>(&self) -> Result<(), E> {
        match self.0.get().checked_sub(1) {
            Some(left) => {
                self.0.set(left);
                Ok(())
            }
            None => Err(E::custom(format!(
                "an element holds more than {MAX_ELEMENT_VALUES} values"
            ))),
        }
    }
}

impl<'de> serde::de::Visitor<'de> for Checked<'_> {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.take()?;
        Ok(serde_json::Value::Bool(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.take()?;
        Ok(serde_json::Value::from(v))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.take()?;
        Ok(serde_json::Value::from(v))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.take()?;
        Ok(serde_json::Value::from(v))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.take()?;
        Ok(serde_json::Value::String(v.to_owned()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        self.take()?;
        Ok(serde_json::Value::String(v))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.take()?;
        Ok(serde_json::Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        self.take()?;
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(Checked(self.0))? {
            items.push(v);
        }
        Ok(serde_json::Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        self.take()?;
        let mut obj = serde_json::Map::new();
        while let Some(k) = map.next_key::<String>()? {
            let v = map.next_value_seed(Checked(self.0))?;
            if obj.contains_key(&k) {
                return Err(A::Error::custom(format!("duplicate field `{}`", quote(&k))));
            }
            obj.insert(k, v);
        }
        Ok(serde_json::Value::Object(obj))
    }
}

/// The fields of an element after its leading `type`, refusing a second `type` (which the
/// kind's own reader would otherwise skip as unknown).
pub(super) struct NoSecondType<A>(pub(super) A);

impl<'de, A: serde::de::MapAccess<'de>> serde::de::MapAccess<'de> for NoSecondType<A> {
    type Error = A::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        use serde::de::Error;
        use serde::de::value::CowStrDeserializer;
        match self.0.next_key::<std::borrow::Cow<'de, str>>()? {
            Some(k) if k == "type" => Err(A::Error::duplicate_field("type")),
            Some(k) => seed.deserialize(CowStrDeserializer::new(k)).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        self.0.next_value_seed(seed)
    }
}

/// Reads a stroke's points — the string of version 7 on, or the list of `[x, y]` earlier
/// versions wrote (each coordinate then kept to a hundredth of a point, as strokes keep
/// them) — refusing more than [`MAX_STROKE_POINTS`](super::stroke::MAX_STROKE_POINTS) as they
/// come (a file of millions would otherwise be read whole before being refused).
pub(super) fn bounded_points<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<[f32; 2]>, D::Error> {
    use super::stroke::MAX_STROKE_POINTS;
    use super::stroke_points::{decode, quantize};
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Vec<[f32; 2]>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("the points as a string, or a list of [x, y] points")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            decode(s, MAX_STROKE_POINTS).map_err(E::custom)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_STROKE_POINTS));
            while let Some([x, y]) = seq.next_element::<[f32; 2]>()? {
                if out.len() == MAX_STROKE_POINTS {
                    return Err(serde::de::Error::custom(format!(
                        "more than {MAX_STROKE_POINTS} points"
                    )));
                }
                out.push([quantize(x), quantize(y)]);
            }
            Ok(out)
        }
    }
    d.deserialize_any(V)
}
