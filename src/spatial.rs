//! A uniform-grid spatial index over the elements of a document, so that drawing and hit
//! testing look only at what is near the view or the pointer.
//!
//! The index is a cache beside the document: it is never saved, and is updated with the ids
//! each edit touched (see [`crate::edit::History::take_touched`]).
//!
//! It also gives each element a *stamp*, a number no other element or version of an element
//! has had in this process: new whenever the element is indexed or touched by an edit. A
//! cache of what an element looks like (the painter's far-out geometry) keyed by its stamp is
//! right as long as the stamp is the same.

use crate::model::ids::IdMap;
use crate::model::{Document, Element, ElementId, Point, Rect};
use std::collections::HashMap;

/// Side of a grid cell in world points: a few cards wide.
const CELL: f32 = 512.0;
/// Elements spanning more cells than this are kept in one list checked on every query.
const MAX_CELLS_PER_ELEMENT: i64 = 64;

#[derive(Debug, Default, Clone)]
pub struct SpatialIndex {
    cells: HashMap<(i32, i32), Vec<ElementId>>,
    large: Vec<ElementId>,
    bounds: IdMap<Slot>,
    /// Each element by paint-order position, for the pass over the whole list when much of
    /// the board is in view (a lookup by id for each would cost more than the rest of the
    /// pass). Kept in step with the document by [`SpatialIndex::update`]; a position whose id
    /// differs from the document's is looked up by id instead.
    ordered: Vec<(ElementId, Slot)>,
    /// A rectangle holding every indexed element (it may be larger after removals).
    extent: Option<Rect>,
}

/// What the index knows of one element.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Slot {
    rect: Rect,
    stamp: u64,
}

/// A stamp no element has had before in this process.
fn fresh_stamp() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn cell_of(v: f32) -> i32 {
    (v / CELL).floor().clamp(i32::MIN as f32, i32::MAX as f32) as i32
}

fn contains_rect(outer: &Rect, inner: &Rect) -> bool {
    inner.x >= outer.x
        && inner.y >= outer.y
        && inner.right() <= outer.right()
        && inner.bottom() <= outer.bottom()
}

/// How much of `b`'s area `a` covers, 0–1.
fn overlap_fraction(a: &Rect, b: &Rect) -> f32 {
    let w = (a.right().min(b.right()) - a.x.max(b.x)).max(0.0);
    let h = (a.bottom().min(b.bottom()) - a.y.max(b.y)).max(0.0);
    let area = (b.w * b.h).max(f32::MIN_POSITIVE);
    (w * h / area).min(1.0)
}

fn cell_range(r: &Rect) -> (i32, i32, i32, i32) {
    (
        cell_of(r.x),
        cell_of(r.y),
        cell_of(r.right()),
        cell_of(r.bottom()),
    )
}

impl SpatialIndex {
    /// Indexes every element of `doc`.
    pub fn build(doc: &Document) -> Self {
        let mut index = Self::default();
        for e in doc.elements.iter() {
            let slot = index.add(e.id(), doc.bounds_of(e));
            index.ordered.push((e.id(), slot));
        }
        index
    }

    /// The stamp of the element `id` at paint-order position `pos` (see the module's words).
    pub fn stamp(&self, pos: usize, id: ElementId) -> Option<u64> {
        match self.ordered.get(pos) {
            Some((o, slot)) if *o == id => Some(slot.stamp),
            _ => self.bounds.get(&id).map(|s| s.stamp),
        }
    }

    /// A rectangle holding every indexed element, if there is any.
    pub fn extent(&self) -> Option<Rect> {
        self.extent
    }

    /// Brings [`Self::ordered`] in step with `doc` after the elements `ids` changed: in place
    /// when each of them is still where it was in the paint order, else built again.
    fn reorder(&mut self, doc: &Document, ids: &[ElementId]) {
        let els = doc.elements.as_slice();
        let in_place = els.len() == self.ordered.len()
            && ids.iter().all(|id| match doc.elements.position(*id) {
                Some(p) => self.ordered.get(p).is_some_and(|(o, _)| o == id),
                // Gone, and the length is the same: something else came in.
                None => false,
            });
        if in_place {
            for id in ids {
                if let (Some(p), Some(slot)) = (doc.elements.position(*id), self.bounds.get(id))
                    && let Some(o) = self.ordered.get_mut(p)
                {
                    o.1 = *slot;
                }
            }
            return;
        }
        self.ordered.clear();
        let bounds = &self.bounds;
        self.ordered.extend(els.iter().map(|e| {
            let slot = bounds.get(&e.id()).copied().unwrap_or_else(|| Slot {
                rect: doc.bounds_of(e),
                stamp: fresh_stamp(),
            });
            (e.id(), slot)
        }));
    }

    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    fn add(&mut self, id: ElementId, r: Rect) -> Slot {
        let (x0, y0, x1, y1) = cell_range(&r);
        let n = (x1 as i64 - x0 as i64 + 1) * (y1 as i64 - y0 as i64 + 1);
        if n > MAX_CELLS_PER_ELEMENT {
            self.large.push(id);
        } else {
            for cx in x0..=x1 {
                for cy in y0..=y1 {
                    self.cells.entry((cx, cy)).or_default().push(id);
                }
            }
        }
        let slot = Slot {
            rect: r,
            stamp: fresh_stamp(),
        };
        self.bounds.insert(id, slot);
        self.extent = Some(self.extent.map_or(r, |e| e.union(&r)));
        slot
    }

    fn remove(&mut self, id: ElementId) {
        let Some(Slot { rect: r, .. }) = self.bounds.remove(&id) else {
            return;
        };
        let (x0, y0, x1, y1) = cell_range(&r);
        let n = (x1 as i64 - x0 as i64 + 1) * (y1 as i64 - y0 as i64 + 1);
        if n > MAX_CELLS_PER_ELEMENT {
            self.large.retain(|&e| e != id);
            return;
        }
        for cx in x0..=x1 {
            for cy in y0..=y1 {
                if let Some(list) = self.cells.get_mut(&(cx, cy)) {
                    list.retain(|&e| e != id);
                    if list.is_empty() {
                        self.cells.remove(&(cx, cy));
                    }
                }
            }
        }
    }

    /// Brings the entries for `ids` in line with `doc` (added, moved or removed).
    pub fn update(&mut self, doc: &Document, ids: &[ElementId]) {
        for &id in ids {
            let now = doc.elements.get(id).map(|e| doc.bounds_of(e));
            match self.bounds.get_mut(&id) {
                // Where it was: only its look may have changed.
                Some(slot) if Some(slot.rect) == now => slot.stamp = fresh_stamp(),
                _ => {
                    self.remove(id);
                    if let Some(r) = now {
                        self.add(id, r);
                    }
                }
            }
        }
        if !ids.is_empty() {
            self.reorder(doc, ids);
        }
    }

    /// Paint-order positions (ascending, bottom first) of the elements whose bounds meet
    /// `rect`, written to `out` (which is cleared first).
    pub fn query(&self, doc: &Document, rect: Rect, out: &mut Vec<usize>) {
        out.clear();
        if let Some(extent) = self.extent {
            if contains_rect(&rect, &extent) {
                // Everything is in view (zoomed out): no need to look anything up.
                out.extend(0..doc.elements.len());
                return;
            }
            if overlap_fraction(&rect, &extent) > 0.2 {
                // Much of it is in view: one pass over the list, already in paint order, is
                // faster than looking each element up.
                let els = doc.elements.as_slice();
                if self.ordered.len() == els.len() {
                    // The boxes alone are read (the elements are large); the ids of those
                    // found are checked against the document's.
                    out.extend(
                        self.ordered
                            .iter()
                            .enumerate()
                            .filter(|(_, (_, slot))| slot.rect.intersects(&rect))
                            .map(|(i, _)| i),
                    );
                    let in_step = out.iter().all(|&i| {
                        matches!((els.get(i), self.ordered.get(i)), (Some(e), Some((id, _))) if e.id() == *id)
                    });
                    if in_step {
                        return;
                    }
                    out.clear();
                }
                out.extend((0..els.len()).filter(|&i| {
                    self.bounds
                        .get(&els[i].id())
                        .is_some_and(|b| b.rect.intersects(&rect))
                }));
                return;
            }
        }
        let (x0, y0, x1, y1) = cell_range(&rect);
        let wanted = (x1 as i64 - x0 as i64 + 1) * (y1 as i64 - y0 as i64 + 1);
        let mut consider = |id: &ElementId| {
            if let (Some(b), Some(pos)) = (self.bounds.get(id), doc.elements.position(*id))
                && b.rect.intersects(&rect)
            {
                out.push(pos);
            }
        };
        if wanted > self.cells.len() as i64 {
            // Faster to walk the occupied cells than the empty ones in view.
            for ((cx, cy), ids) in &self.cells {
                if (x0..=x1).contains(cx) && (y0..=y1).contains(cy) {
                    ids.iter().for_each(&mut consider);
                }
            }
        } else {
            for cx in x0..=x1 {
                for cy in y0..=y1 {
                    if let Some(ids) = self.cells.get(&(cx, cy)) {
                        ids.iter().for_each(&mut consider);
                    }
                }
            }
        }
        self.large.iter().for_each(&mut consider);
        out.sort_unstable();
        out.dedup();
    }

    /// The topmost element at `p` (within `slop` world points), if any.
    pub fn hit(&self, doc: &Document, p: Point, slop: f32) -> Option<ElementId> {
        self.hit_where(doc, p, slop, |_| true)
    }

    /// The topmost element at `p` (within `slop`) for which `keep` holds.
    pub fn hit_where(
        &self,
        doc: &Document,
        p: Point,
        slop: f32,
        keep: impl Fn(&Element) -> bool,
    ) -> Option<ElementId> {
        let mut found = Vec::new();
        let probe = Rect::new(p.x, p.y, 0.0, 0.0).expand(slop);
        self.query(doc, probe, &mut found);
        found
            .iter()
            .rev()
            .filter_map(|&pos| doc.elements.as_slice().get(pos))
            .find(|e| keep(e) && doc.hits(e, p, slop))
            .map(Element::id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Command, Editor};
    use crate::model::{Card, CardColor, Element, sample};

    fn card(id: u64, r: Rect) -> Element {
        Element::Card(Card::new(ElementId(id), r, "", CardColor::Green))
    }

    #[test]
    fn query_finds_exactly_what_meets_the_rect() {
        let doc = sample::nara_vard();
        let index = SpatialIndex::build(&doc);
        let extent = index.extent().unwrap_or(Rect::new(0.0, 0.0, 1.0, 1.0));
        // A small view (cells looked up) and half the board (one pass over the list).
        let half = Rect::new(extent.x, extent.y, extent.w / 2.0, extent.h);
        for view in [Rect::new(800.0, 100.0, 700.0, 400.0), half] {
            let mut got = Vec::new();
            index.query(&doc, view, &mut got);
            let want: Vec<usize> = doc
                .elements
                .iter()
                .enumerate()
                .filter(|(_, e)| doc.bounds_of(e).intersects(&view))
                .map(|(i, _)| i)
                .collect();
            assert!(!want.is_empty() && want.len() < doc.elements.len());
            assert_eq!(got, want);
        }
    }

    #[test]
    fn hit_picks_the_topmost_and_large_elements_are_found() {
        let mut doc = Document::new();
        doc.elements
            .push(card(1, Rect::new(0.0, 0.0, 100.0, 100.0)));
        doc.elements
            .push(card(2, Rect::new(50.0, 50.0, 100.0, 100.0)));
        doc.elements
            .push(card(3, Rect::new(-20_000.0, 2_000.0, 60_000.0, 100.0)));
        let index = SpatialIndex::build(&doc);
        assert_eq!(
            index.hit(&doc, Point::new(75.0, 75.0), 0.0),
            Some(ElementId(2))
        );
        assert_eq!(
            index.hit(&doc, Point::new(10.0, 10.0), 0.0),
            Some(ElementId(1))
        );
        assert_eq!(index.hit(&doc, Point::new(152.0, 75.0), 0.0), None);
        assert_eq!(
            index.hit(&doc, Point::new(152.0, 75.0), 3.0),
            Some(ElementId(2))
        );
        assert_eq!(
            index.hit(&doc, Point::new(30_000.0, 2_050.0), 0.0),
            Some(ElementId(3))
        );
    }

    #[test]
    fn updates_follow_edits_undo_and_redo() {
        let doc = sample::nara_vard();
        let first = doc
            .elements
            .iter()
            .next()
            .map(Element::id)
            .unwrap_or(ElementId(0));
        let mut editor = Editor::new(doc);
        let arrow = Element::Arrow(crate::model::Arrow::new(
            ElementId(77),
            crate::model::ArrowEnd::free(Point::new(0.0, 0.0)),
            crate::model::ArrowEnd::bound(Point::default(), first, Point::new(0.5, 0.5)),
        ));
        let cmds = vec![
            Command::insert_at(
                editor.doc(),
                0,
                vec![card(99, Rect::new(5000.0, 5000.0, 10.0, 10.0))],
            ),
            Command::insert_at(editor.doc(), 3, vec![arrow]),
            // Moving the card moves the arrow bound to it, in the index too.
            Command::Update(vec![card(first.0, Rect::new(-900.0, 40.0, 80.0, 50.0))]),
            Command::Remove(vec![ElementId(99)]),
        ];
        let same_as_fresh = |editor: &Editor| {
            let fresh = SpatialIndex::build(editor.doc());
            let rects = |i: &SpatialIndex| -> HashMap<ElementId, Rect> {
                i.bounds.iter().map(|(id, s)| (*id, s.rect)).collect()
            };
            let order = |i: &SpatialIndex| -> Vec<(ElementId, Rect)> {
                i.ordered.iter().map(|(id, s)| (*id, s.rect)).collect()
            };
            assert_eq!(rects(editor.index()), rects(&fresh));
            assert_eq!(order(editor.index()), order(&fresh));
            // The list's stamps are the map's.
            for (pos, (id, slot)) in editor.index().ordered.iter().enumerate() {
                assert_eq!(editor.index().stamp(pos, *id), Some(slot.stamp));
                assert_eq!(editor.index().bounds.get(id), Some(slot));
            }
        };
        for cmd in cmds {
            assert!(editor.apply_step(cmd).is_ok());
            same_as_fresh(&editor);
        }
        // Brought to the front: the paint order changes, the bounds do not.
        let ids: std::collections::HashSet<ElementId> = [first].into();
        let front =
            crate::edit::arrange::reorder(editor.doc(), &ids, crate::edit::arrange::Depth::Front);
        assert!(front.is_some_and(|cmd| editor.apply_step(cmd).is_ok()));
        assert_eq!(
            editor.doc().elements.position(first),
            Some(editor.doc().elements.len() - 1)
        );
        same_as_fresh(&editor);
        while editor.undo() {
            same_as_fresh(&editor);
        }
        let mut got = Vec::new();
        let doc = editor.doc();
        editor.index().query(doc, doc.bounds(), &mut got);
        assert_eq!(got.len(), doc.elements.len());
    }

    #[test]
    fn a_touched_element_gets_a_new_stamp_and_the_rest_keep_theirs() {
        let doc = sample::nara_vard();
        let mut editor = Editor::new(doc);
        let stamps = |e: &Editor| -> Vec<(ElementId, u64)> {
            e.index()
                .ordered
                .iter()
                .map(|(id, s)| (*id, s.stamp))
                .collect()
        };
        let before = stamps(&editor);
        let Some(card) = editor
            .doc()
            .elements
            .iter()
            .find_map(|e| e.as_card())
            .cloned()
        else {
            panic!("the sample has cards");
        };
        // Recoloured: the same bounds, another look.
        let mut changed = card.clone();
        changed.color = if card.color == CardColor::Green {
            CardColor::Blue
        } else {
            CardColor::Green
        };
        assert!(
            editor
                .apply_step(Command::Update(vec![Element::Card(changed)]))
                .is_ok()
        );
        let after = stamps(&editor);
        assert_eq!(before.len(), after.len());
        for ((id, a), (_, b)) in before.iter().zip(&after) {
            if *id == card.id {
                assert_ne!(a, b, "the recoloured card keeps its stamp");
            } else if !editor.doc().arrows_bound_to(&[card.id].into()).contains(id) {
                assert_eq!(a, b, "{id:?} changed stamp");
            }
        }
        // Undo gives it another new stamp, not the old one back.
        assert!(editor.undo());
        let undone = stamps(&editor);
        let of = |v: &[(ElementId, u64)]| v.iter().find(|(i, _)| *i == card.id).map(|p| p.1);
        assert!(of(&undone) != of(&before) && of(&undone) != of(&after));
        // Another index of the same document has stamps of its own.
        let other = SpatialIndex::build(editor.doc());
        assert!(
            other
                .ordered
                .iter()
                .zip(&editor.index().ordered)
                .all(|(a, b)| a.1.stamp != b.1.stamp)
        );
    }
}
