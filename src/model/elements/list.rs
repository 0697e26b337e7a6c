//! The list of elements in paint order with an id → position index beside it.
//!
//! The paint order is given by each element's order key (ties, which only hand-made files
//! have, go by id); the list is kept sorted by it, so a position is a place in the paint
//! order. The list is what is saved; the index is rebuilt and never saved, and takes no part
//! in equality.

use super::{Element, ElementId, OrderKey};
use crate::model::ids::IdMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;

#[derive(Clone, Debug, Default)]
pub struct Elements {
    list: Vec<Element>,
    index: IdMap<usize>,
}

impl PartialEq for Elements {
    fn eq(&self, other: &Self) -> bool {
        self.list == other.list
    }
}

fn paint_order(a: &Element, b: &Element) -> Ordering {
    a.order().cmp(b.order()).then(a.id().cmp(&b.id()))
}

impl Elements {
    /// Builds the list in paint order, refusing duplicate ids (returns the first one found
    /// twice). Elements with equal keys keep the order they came in.
    pub fn from_vec(mut list: Vec<Element>) -> Result<Self, ElementId> {
        let mut index = IdMap::with_capacity_and_hasher(list.len(), Default::default());
        for e in &list {
            if index.insert(e.id(), 0).is_some() {
                return Err(e.id());
            }
        }
        let sorted = list
            .iter()
            .zip(list.iter().skip(1))
            .all(|(a, b)| paint_order(a, b).is_le());
        if !sorted {
            list.sort_by(|a, b| a.order().cmp(b.order()));
        }
        let mut els = Self { list, index };
        els.reindex_from(0);
        Ok(els)
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

    /// The key of the element at the top (painted last).
    pub fn top_key(&self) -> Option<&OrderKey> {
        self.list.last().map(Element::order)
    }

    /// `n` keys for elements put between positions `pos - 1` and `pos` (0: under everything;
    /// `len()`: on top).
    pub fn keys_at(&self, pos: usize, n: usize) -> Vec<OrderKey> {
        let below = pos
            .checked_sub(1)
            .and_then(|i| self.list.get(i))
            .map(Element::order);
        let above = self.list.get(pos).map(Element::order);
        OrderKey::many_between(below, above, n)
    }

    /// Adds on top, giving it a key above every other. Returns false (and adds nothing) if
    /// the id is taken.
    pub fn push(&mut self, mut element: Element) -> bool {
        if self.index.contains_key(&element.id()) {
            return false;
        }
        element.set_order(OrderKey::between(self.top_key(), None));
        self.insert(element)
    }

    /// Inserts at the place its key gives (on top if it has none). Returns false (and adds
    /// nothing) if the id is taken.
    pub fn insert(&mut self, element: Element) -> bool {
        if self.index.contains_key(&element.id()) {
            return false;
        }
        if element.order().is_missing() {
            return self.push(element);
        }
        let pos = self
            .list
            .partition_point(|e| paint_order(e, &element).is_lt());
        self.list.insert(pos, element);
        self.reindex_from(pos);
        true
    }

    /// Removes by id, returning where it was and what it was.
    pub fn remove(&mut self, id: ElementId) -> Option<(usize, Element)> {
        let pos = self.index.remove(&id)?;
        if pos >= self.list.len() {
            return None;
        }
        let element = self.list.remove(pos);
        self.reindex_from(pos);
        Some((pos, element))
    }

    /// Replaces the element with the same id (moving it if its key changed). Returns the old
    /// one.
    /// An element without a key keeps the one it had.
    pub fn replace(&mut self, mut element: Element) -> Option<Element> {
        let pos = *self.index.get(&element.id())?;
        let slot = self.list.get_mut(pos)?;
        if element.order().is_missing() {
            element.set_order(slot.order().clone());
        }
        if slot.order() == element.order() {
            return Some(std::mem::replace(slot, element));
        }
        let (_, old) = self.remove(element.id())?;
        self.insert(element);
        Some(old)
    }

    /// Gives every element a fresh key in the order the list has now (for a file written
    /// before elements had keys).
    pub fn renumber(&mut self) {
        let keys = OrderKey::many_between(None, None, self.list.len());
        for (e, k) in self.list.iter_mut().zip(keys) {
            e.set_order(k);
        }
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
        let under = e.keys_at(0, 1).pop().unwrap_or_default();
        assert!(e.insert(card(3).with_order(under)));
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
    fn a_new_key_moves_an_element_and_the_index_follows() {
        let mut e = Elements::default();
        for id in 1..=4 {
            assert!(e.push(card(id)));
        }
        let top = e.keys_at(e.len(), 1).pop().unwrap_or_default();
        let first = e.get(ElementId(1)).cloned();
        assert!(first.is_some_and(|f| e.replace(f.with_order(top)).is_some()));
        let order: Vec<u64> = e.iter().map(|x| x.id().0).collect();
        assert_eq!(order, [2, 3, 4, 1]);
        assert_eq!(e.position(ElementId(1)), Some(3));
        assert_eq!(e.position(ElementId(4)), Some(2));
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
