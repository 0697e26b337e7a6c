//! The ordered list of elements with an id → position index beside it.
//!
//! The list is what is saved (its order is the paint order); the index is rebuilt and never
//! saved, and takes no part in equality.

use super::{Element, ElementId};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
pub struct Elements {
    list: Vec<Element>,
    index: HashMap<ElementId, usize>,
}

impl PartialEq for Elements {
    fn eq(&self, other: &Self) -> bool {
        self.list == other.list
    }
}

impl Elements {
    /// Builds the list, refusing duplicate ids (returns the first one found twice).
    pub fn from_vec(list: Vec<Element>) -> Result<Self, ElementId> {
        let mut index = HashMap::with_capacity(list.len());
        for (i, e) in list.iter().enumerate() {
            if index.insert(e.id(), i).is_some() {
                return Err(e.id());
            }
        }
        Ok(Self { list, index })
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Bottom to top.
    pub fn iter(&self) -> std::slice::Iter<'_, Element> {
        self.list.iter()
    }

    pub fn as_slice(&self) -> &[Element] {
        &self.list
    }

    pub fn get(&self, id: ElementId) -> Option<&Element> {
        self.index.get(&id).and_then(|&i| self.list.get(i))
    }

    /// Position in paint order (0 = bottom).
    pub fn position(&self, id: ElementId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    pub fn contains(&self, id: ElementId) -> bool {
        self.index.contains_key(&id)
    }

    /// Adds on top. Returns false (and adds nothing) if the id is taken.
    pub fn push(&mut self, element: Element) -> bool {
        let pos = self.list.len();
        self.insert(pos, element)
    }

    /// Inserts at `pos` (clamped to the end). Returns false (and adds nothing) if the id is
    /// taken.
    pub fn insert(&mut self, pos: usize, element: Element) -> bool {
        if self.index.contains_key(&element.id()) {
            return false;
        }
        let pos = pos.min(self.list.len());
        self.list.insert(pos, element);
        self.reindex_from(pos);
        true
    }

    /// Removes by id, returning where it was and what it was.
    pub fn remove(&mut self, id: ElementId) -> Option<(usize, Element)> {
        let pos = self.index.remove(&id)?;
        let element = self.list.remove(pos);
        self.reindex_from(pos);
        Some((pos, element))
    }

    /// Replaces the element with the same id, in place. Returns the old one.
    pub fn replace(&mut self, element: Element) -> Option<Element> {
        let pos = *self.index.get(&element.id())?;
        let slot = self.list.get_mut(pos)?;
        Some(std::mem::replace(slot, element))
    }

    fn reindex_from(&mut self, pos: usize) {
        for (i, e) in self.list.iter().enumerate().skip(pos) {
            self.index.insert(e.id(), i);
        }
    }
}

impl Serialize for Elements {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.list.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Elements {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let list = Vec::<Element>::deserialize(d)?;
        Elements::from_vec(list)
            .map_err(|id| serde::de::Error::custom(format!("the element id `{id}` is used twice")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, CardColor, Rect};

    fn card(id: u64) -> Element {
        Element::Card(Card::new(
            ElementId(id),
            Rect::new(0.0, 0.0, 10.0, 10.0),
            "",
            CardColor::Yellow,
        ))
    }

    #[test]
    fn index_follows_inserts_and_removes() {
        let mut e = Elements::default();
        assert!(e.push(card(1)));
        assert!(e.push(card(2)));
        assert!(e.insert(0, card(3)));
        assert!(!e.push(card(2)), "duplicate id refused");
        let order: Vec<u64> = e.iter().map(|x| x.id().0).collect();
        assert_eq!(order, [3, 1, 2]);
        assert_eq!(e.position(ElementId(2)), Some(2));
        assert_eq!(e.remove(ElementId(3)).map(|(p, _)| p), Some(0));
        assert_eq!(e.position(ElementId(2)), Some(1));
        assert_eq!(e.position(ElementId(3)), None);
        assert!(e.remove(ElementId(3)).is_none());
    }

    #[test]
    fn duplicates_are_refused_on_load() {
        let json = serde_json::to_string(&vec![card(7), card(7)]).unwrap_or_default();
        let err = serde_json::from_str::<Elements>(&json)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("used twice"), "{err}");
    }
}
