//! Arranging: paint order, groups, locks, aligning and distributing. Pure functions from a
//! document and a selection to the command that does it (`None` when nothing would change).

use super::Command;
use crate::model::{CardColor, Document, Element, ElementId, GroupId, OrderKey, Point, Rect};
use std::collections::HashSet;

/// Which way in the paint order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// One step up: above the next element above it that it overlaps.
    Forward,
    /// One step down: under the next element below it that it overlaps.
    Backward,
    /// Above everything.
    Front,
    /// Under everything.
    Back,
}

/// Moves the elements `ids` in the paint order. Only their order keys change.
pub fn reorder(doc: &Document, ids: &HashSet<ElementId>, depth: Depth) -> Option<Command> {
    let els = doc.elements.as_slice();
    let chosen: Vec<&Element> = els.iter().filter(|e| ids.contains(&e.id())).collect();
    if chosen.is_empty() {
        return None;
    }
    let n = chosen.len();
    // Already the top (or bottom) n, in their order: nothing to do. Otherwise every chosen
    // element gets a new key, so that they keep their order among themselves.
    let on_top = els.iter().rev().take(n).all(|e| ids.contains(&e.id()));
    let at_bottom = els.iter().take(n).all(|e| ids.contains(&e.id()));
    match depth {
        Depth::Front if on_top => return None,
        Depth::Back if at_bottom => return None,
        Depth::Front => {
            let keys = OrderKey::many_between(doc.elements.top_key(), None, n);
            let all = chosen.iter().zip(keys).map(|(e, k)| e.with_order(k));
            return Some(Command::Update(all.collect()));
        }
        Depth::Back => {
            let bottom = els.first().map(Element::order);
            let keys = OrderKey::many_between(None, bottom, n);
            let all = chosen.iter().zip(keys).map(|(e, k)| e.with_order(k));
            return Some(Command::Update(all.collect()));
        }
        Depth::Forward | Depth::Backward => {}
    }
    let updated: Vec<Element> = match depth {
        Depth::Front | Depth::Back => Vec::new(),
        Depth::Forward | Depth::Backward => {
            // A working copy of the order: (key, id, box), moved one element at a time.
            let mut order: Vec<(OrderKey, ElementId, Rect)> = els
                .iter()
                .map(|e| (e.order().clone(), e.id(), doc.bounds_of(e)))
                .collect();
            let mut moved = Vec::new();
            let ids_in_order: Vec<ElementId> = if depth == Depth::Forward {
                chosen.iter().rev().map(|e| e.id()).collect()
            } else {
                chosen.iter().map(|e| e.id()).collect()
            };
            for id in ids_in_order {
                let Some((pos, b)) = order
                    .iter()
                    .enumerate()
                    .find(|(_, o)| o.1 == id)
                    .map(|(i, o)| (i, o.2))
                else {
                    continue;
                };
                let past =
                    |o: &(OrderKey, ElementId, Rect)| !ids.contains(&o.1) && o.2.intersects(&b);
                let key = if depth == Depth::Forward {
                    let Some(n) = order.iter().skip(pos + 1).position(past) else {
                        continue;
                    };
                    let n = pos + 1 + n;
                    OrderKey::between(order.get(n).map(|o| &o.0), order.get(n + 1).map(|o| &o.0))
                } else {
                    let Some(n) = order.iter().take(pos).rposition(past) else {
                        continue;
                    };
                    let below = n.checked_sub(1).and_then(|i| order.get(i)).map(|o| &o.0);
                    OrderKey::between(below, order.get(n).map(|o| &o.0))
                };
                let mut item = order.remove(pos);
                item.0 = key.clone();
                let at = order.partition_point(|o| o.0 < item.0);
                order.insert(at, item);
                moved.push((id, key));
            }
            moved
                .into_iter()
                .filter_map(|(id, k)| doc.elements.get(id).map(|e| e.with_order(k)))
                .collect()
        }
    };
    let changed: Vec<Element> = updated
        .into_iter()
        .filter(|e| doc.elements.position(e.id()) != position_after(doc, e))
        .collect();
    (!changed.is_empty()).then_some(Command::Update(changed))
}

/// Where `e` (with a new key) would be among the others, to tell a move that changes nothing.
fn position_after(doc: &Document, e: &Element) -> Option<usize> {
    let others = doc.elements.iter().filter(|o| o.id() != e.id());
    Some(others.filter(|o| o.order() < e.order()).count())
}

/// Removes the elements `ids` (what the eraser took, or a deletion), leaving the arrows
/// bound to them that are not removed too where they are, their ends freed where they were
/// drawn.
pub fn erase(doc: &Document, ids: &[ElementId]) -> Option<Command> {
    erase_from(doc, ids, |a| a.clone())
}

/// [`erase`], with each arrow taken as `latest` gives it (as earlier changes not yet in `doc`
/// leave it).
pub fn erase_from(
    doc: &Document,
    ids: &[ElementId],
    latest: impl Fn(&crate::model::Arrow) -> crate::model::Arrow,
) -> Option<Command> {
    if ids.is_empty() {
        return None;
    }
    let gone: HashSet<ElementId> = ids.iter().copied().collect();
    let freed: Vec<Element> = doc
        .elements
        .iter()
        .filter_map(Element::as_arrow)
        .filter(|a| !gone.contains(&a.id))
        .filter(|a| {
            [a.start.bind, a.end.bind]
                .iter()
                .flatten()
                .any(|b| gone.contains(&b.element))
        })
        .map(|a| {
            let path = crate::model::arrow::resolve(doc, a);
            let mut a = latest(a);
            for (end, at) in [(&mut a.start, path.start()), (&mut a.end, path.end())] {
                if end.bind.is_some_and(|b| gone.contains(&b.element)) {
                    end.bind = None;
                    end.point = at;
                }
            }
            Element::Arrow(a)
        })
        .collect();
    let remove = Command::Remove(ids.to_vec());
    Some(if freed.is_empty() {
        remove
    } else {
        Command::Batch(vec![Command::Update(freed), remove])
    })
}

/// Puts the elements `ids` in one new group (leaving any group they were in).
pub fn group(doc: &Document, ids: &HashSet<ElementId>) -> Option<Command> {
    if ids.len() < 2 {
        return None;
    }
    let g: GroupId = ElementId::random();
    let els: Vec<Element> = doc
        .elements
        .iter()
        .filter(|e| ids.contains(&e.id()))
        .map(|e| e.with_group(Some(g)))
        .collect();
    (els.len() >= 2).then_some(Command::Update(els))
}

/// Takes the elements `ids` out of their groups.
pub fn ungroup(doc: &Document, ids: &HashSet<ElementId>) -> Option<Command> {
    let els: Vec<Element> = doc
        .elements
        .iter()
        .filter(|e| ids.contains(&e.id()) && e.group().is_some())
        .map(|e| e.with_group(None))
        .collect();
    (!els.is_empty()).then_some(Command::Update(els))
}

/// Every element in the same group as any of `ids`, and `ids` themselves.
pub fn with_groups(doc: &Document, ids: &HashSet<ElementId>) -> HashSet<ElementId> {
    let groups: HashSet<GroupId> = ids
        .iter()
        .filter_map(|id| doc.elements.get(*id).and_then(Element::group))
        .collect();
    let mut out = ids.clone();
    if !groups.is_empty() {
        out.extend(
            doc.elements
                .iter()
                .filter(|e| e.group().is_some_and(|g| groups.contains(&g)))
                .map(Element::id),
        );
    }
    out
}

/// Locks or unlocks the elements `ids`.
pub fn set_locked(doc: &Document, ids: &HashSet<ElementId>, locked: bool) -> Option<Command> {
    let els: Vec<Element> = doc
        .elements
        .iter()
        .filter(|e| ids.contains(&e.id()) && e.locked() != locked)
        .map(|e| e.with_locked(locked))
        .collect();
    (!els.is_empty()).then_some(Command::Update(els))
}

/// Gives the elements `ids` the colour `color`: a card's or shape's fill, a line's or text's
/// colour.
pub fn recolor(doc: &Document, ids: &HashSet<ElementId>, color: CardColor) -> Option<Command> {
    let els: Vec<Element> = doc
        .elements
        .iter()
        .filter(|e| ids.contains(&e.id()))
        .filter_map(|e| {
            let n = e.with_color(color);
            (n != *e).then_some(n)
        })
        .collect();
    (!els.is_empty()).then_some(Command::Update(els))
}

/// The elements `start` (as they were when a resize began) fitted from the box `from` into
/// the box `to`: each box's place and size scale with it (never below its kind's smallest),
/// free arrow ends too; turned boxes keep their turn. Free text keeps its height (its text's).
pub fn scale_into(start: &[Element], from: Rect, to: Rect) -> Vec<Element> {
    let sx = if from.w > 0.0 { to.w / from.w } else { 1.0 };
    let sy = if from.h > 0.0 { to.h / from.h } else { 1.0 };
    let map = |p: Point| Point::new(to.x + (p.x - from.x) * sx, to.y + (p.y - from.y) * sy);
    start
        .iter()
        .map(|e| match (e, e.frame()) {
            (Element::Arrow(a), _) => {
                let mut a = a.clone();
                for end in [&mut a.start, &mut a.end] {
                    if end.bind.is_none() {
                        end.point = map(end.point);
                    }
                }
                Element::Arrow(a)
            }
            (_, Some(f)) => {
                let (min_w, min_h) = e.min_size();
                let c = map(f.rect.center());
                let w = (f.rect.w * sx).max(min_w);
                let h = if matches!(e, Element::Text(_)) {
                    f.rect.h
                } else {
                    (f.rect.h * sy).max(min_h)
                };
                let rect = Rect::centered(c, w, h);
                e.with_frame(crate::model::Frame::new(rect, f.rotation))
            }
            (_, None) => e.clone(),
        })
        .collect()
}

/// How to line elements up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alignment {
    Left,
    Center,
    Right,
    Top,
    Middle,
    Bottom,
}

/// The boxed, unlocked elements of `ids` with their boxes.
fn movable(doc: &Document, ids: &HashSet<ElementId>) -> Vec<(Element, Rect)> {
    doc.elements
        .iter()
        .filter(|e| ids.contains(&e.id()) && !e.locked())
        .filter_map(|e| e.frame().map(|f| (e.clone(), f.bounds())))
        .collect()
}

/// Lines up the boxed elements of `ids` (at least two) on the edge or middle of the box
/// around them all.
pub fn align(doc: &Document, ids: &HashSet<ElementId>, how: Alignment) -> Option<Command> {
    let items = movable(doc, ids);
    if items.len() < 2 {
        return None;
    }
    let all = items.iter().map(|i| i.1).reduce(|a, b| a.union(&b))?;
    let els: Vec<Element> = items
        .iter()
        .filter_map(|(e, b)| {
            let (dx, dy) = match how {
                Alignment::Left => (all.x - b.x, 0.0),
                Alignment::Center => (all.center().x - b.center().x, 0.0),
                Alignment::Right => (all.right() - b.right(), 0.0),
                Alignment::Top => (0.0, all.y - b.y),
                Alignment::Middle => (0.0, all.center().y - b.center().y),
                Alignment::Bottom => (0.0, all.bottom() - b.bottom()),
            };
            (dx != 0.0 || dy != 0.0).then(|| e.translated(dx, dy))
        })
        .collect();
    (!els.is_empty()).then_some(Command::Update(els))
}

/// Spreads the boxed elements of `ids` (at least three) so that the gaps between them are
/// equal, keeping the first and last where they are: across if `horizontal`, else down.
pub fn distribute(doc: &Document, ids: &HashSet<ElementId>, horizontal: bool) -> Option<Command> {
    let mut items = movable(doc, ids);
    if items.len() < 3 {
        return None;
    }
    let lead = |r: &Rect| if horizontal { r.x } else { r.y };
    let span = |r: &Rect| if horizontal { r.w } else { r.h };
    items.sort_by(|a, b| {
        lead(&a.1)
            .partial_cmp(&lead(&b.1))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let first = items.first()?.1;
    let last = items.last()?.1;
    let total: f32 = items.iter().map(|i| span(&i.1)).sum();
    let room = lead(&last) + span(&last) - lead(&first);
    let gap = (room - total) / (items.len() - 1) as f32;
    let mut at = lead(&first);
    let mut els = Vec::new();
    for (e, b) in &items {
        let d = at - lead(b);
        if d.abs() > 0.001 {
            els.push(if horizontal {
                e.translated(d, 0.0)
            } else {
                e.translated(0.0, d)
            });
        }
        at += span(b) + gap;
    }
    (!els.is_empty()).then_some(Command::Update(els))
}

/// How far a snap moves a dragged box, and the lines it lined up on (to show while dragging).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapped {
    pub dx: f32,
    pub dy: f32,
    /// Each from one end to the other, in world points.
    pub guides: Vec<(Point, Point)>,
}

/// Snaps the box `moving` to the nearest edge or middle of `others` within `tol` (each axis
/// on its own): left, middle and right lines to left, middle and right lines, and the same
/// down.
pub fn snap(moving: Rect, others: &[Rect], tol: f32) -> Snapped {
    let xs = |r: &Rect| [r.x, r.center().x, r.right()];
    let ys = |r: &Rect| [r.y, r.center().y, r.bottom()];
    let best = |mine: [f32; 3], theirs: &dyn Fn(&Rect) -> [f32; 3]| {
        let mut best: Option<f32> = None;
        for o in others {
            for t in theirs(o) {
                for m in mine {
                    let d = t - m;
                    if d.abs() <= tol && best.is_none_or(|b| d.abs() < b.abs()) {
                        best = Some(d);
                    }
                }
            }
        }
        best
    };
    let dx = best(xs(&moving), &xs).unwrap_or(0.0);
    let dy = best(ys(&moving), &ys).unwrap_or(0.0);
    let snapped = moving.translated(dx, dy);
    let mut guides = Vec::new();
    let near = |a: f32, b: f32| (a - b).abs() < 0.01;
    if dx != 0.0 || best(xs(&moving), &xs).is_some() {
        for x in xs(&snapped) {
            let lined: Vec<&Rect> = others
                .iter()
                .filter(|o| xs(o).iter().any(|&t| near(t, x)))
                .collect();
            if let Some(span) = lined.iter().map(|r| **r).reduce(|a, b| a.union(&b)) {
                let span = span.union(&snapped);
                guides.push((Point::new(x, span.y), Point::new(x, span.bottom())));
            }
        }
    }
    if dy != 0.0 || best(ys(&moving), &ys).is_some() {
        for y in ys(&snapped) {
            let lined: Vec<&Rect> = others
                .iter()
                .filter(|o| ys(o).iter().any(|&t| near(t, y)))
                .collect();
            if let Some(span) = lined.iter().map(|r| **r).reduce(|a, b| a.union(&b)) {
                let span = span.union(&snapped);
                guides.push((Point::new(span.x, y), Point::new(span.right(), y)));
            }
        }
    }
    Snapped { dx, dy, guides }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::model::{Card, Rect};

    fn doc_with(rects: &[Rect]) -> (Document, Vec<ElementId>) {
        let mut doc = Document::new();
        let mut ids = Vec::new();
        for (i, r) in rects.iter().enumerate() {
            let id = ElementId(i as u64 + 1);
            doc.elements
                .push(Element::Card(Card::new(id, *r, "", CardColor::Yellow)));
            ids.push(id);
        }
        (doc, ids)
    }

    fn order(doc: &Document) -> Vec<u64> {
        doc.elements.iter().map(|e| e.id().0).collect()
    }

    fn set(ids: &[ElementId]) -> HashSet<ElementId> {
        ids.iter().copied().collect()
    }

    #[test]
    fn forward_passes_the_next_overlapping_element_only() {
        let r = Rect::new(0.0, 0.0, 100.0, 100.0);
        let far = Rect::new(5000.0, 0.0, 10.0, 10.0);
        let (mut doc, ids) = doc_with(&[r, far, r, r]);
        let cmd = reorder(&doc, &set(&ids[..1]), Depth::Forward);
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        assert_eq!(
            order(&doc),
            [2, 3, 1, 4],
            "past 3 (overlapping), not just 2"
        );
        let cmd = reorder(&doc, &set(&ids[3..]), Depth::Backward);
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        assert_eq!(order(&doc), [2, 3, 4, 1]);
        assert!(
            reorder(&doc, &set(&ids[1..2]), Depth::Forward).is_none(),
            "nothing it overlaps above it"
        );
    }

    #[test]
    fn front_with_the_top_element_chosen_keeps_their_order() {
        let r = Rect::new(0.0, 0.0, 100.0, 100.0);
        let (mut doc, ids) = doc_with(&[r, r, r]);
        // The shape (2) and its caption on top (3): to the front, the caption stays above.
        let cmd = reorder(&doc, &set(&[ids[1], ids[2]]), Depth::Front);
        assert!(cmd.is_none(), "already the top two");
        let cmd = reorder(&doc, &set(&[ids[0], ids[2]]), Depth::Front);
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        assert_eq!(order(&doc), [2, 1, 3]);
        assert!(
            reorder(&doc, &set(&[ids[0], ids[1]]), Depth::Back).is_none(),
            "already the bottom two"
        );
        let cmd = reorder(&doc, &set(&[ids[0], ids[2]]), Depth::Back);
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        assert_eq!(order(&doc), [1, 3, 2], "1 stays under 3 at the bottom");
    }

    #[test]
    fn front_and_back_keep_the_selection_in_its_order() {
        let r = Rect::new(0.0, 0.0, 100.0, 100.0);
        let (mut doc, ids) = doc_with(&[r, r, r, r, r]);
        let cmd = reorder(&doc, &set(&[ids[0], ids[2]]), Depth::Front);
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        assert_eq!(order(&doc), [2, 4, 5, 1, 3]);
        let cmd = reorder(&doc, &set(&[ids[4], ids[2]]), Depth::Back);
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        assert_eq!(order(&doc), [5, 3, 2, 4, 1]);
        assert!(reorder(&doc, &set(&[ids[4]]), Depth::Back).is_none());
    }

    #[test]
    fn align_and_distribute_line_boxes_up() {
        let (mut doc, ids) = doc_with(&[
            Rect::new(0.0, 0.0, 100.0, 50.0),
            Rect::new(130.0, 40.0, 60.0, 50.0),
            Rect::new(400.0, 90.0, 100.0, 50.0),
        ]);
        let all = set(&ids);
        let cmd = align(&doc, &all, Alignment::Top);
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        assert!(
            doc.elements
                .iter()
                .all(|e| e.rect().is_some_and(|r| r.y == 0.0))
        );
        let cmd = distribute(&doc, &all, true);
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        let xs: Vec<f32> = doc
            .elements
            .iter()
            .filter_map(|e| e.rect())
            .map(|r| r.x)
            .collect();
        // Gaps: (500 − 260) / 2 = 120 each.
        assert_eq!(xs, [0.0, 220.0, 400.0]);
        assert!(align(&doc, &set(&ids[..1]), Alignment::Left).is_none());
    }

    #[test]
    fn a_box_snaps_to_the_nearest_line_within_reach_and_shows_it() {
        let others = [
            Rect::new(0.0, 0.0, 100.0, 50.0),
            Rect::new(300.0, 200.0, 80.0, 80.0),
        ];
        // Left edge 3 from the first's left edge; top 40 away from anything.
        let s = snap(Rect::new(3.0, 140.0, 60.0, 30.0), &others, 6.0);
        assert_eq!(s.dx, -3.0);
        assert_eq!(s.dy, 0.0);
        assert!(
            s.guides
                .iter()
                .any(|(a, b)| a.x == 0.0 && b.x == 0.0 && b.y >= 170.0)
        );
        // Middle to middle, down: centre y 238 → 240.
        let s = snap(Rect::new(150.0, 223.0, 20.0, 30.0), &others, 6.0);
        assert_eq!(s.dy, 2.0);
        assert!(s.guides.iter().any(|(a, b)| a.y == 240.0 && b.y == 240.0));
        let none = snap(Rect::new(1000.0, 1000.0, 10.0, 10.0), &others, 6.0);
        assert_eq!(none, Snapped::default());
    }

    #[test]
    fn erasing_a_stroke_frees_the_arrow_bound_to_it_where_it_was() {
        use crate::model::{Arrow, ArrowEnd, PenWidth, Point, Stroke};
        let (mut doc, ids) = doc_with(&[Rect::new(0.0, 0.0, 100.0, 100.0)]);
        let line = [Point::new(400.0, 50.0), Point::new(500.0, 50.0)];
        let s = Stroke::from_drawn(
            ElementId(9),
            &line,
            0.5,
            CardColor::Red,
            PenWidth::Thin,
            false,
        );
        assert!(s.is_some_and(|s| doc.elements.push(Element::Stroke(s))));
        let c = Point::new(0.5, 0.5);
        doc.elements.push(Element::Arrow(Arrow::new(
            ElementId(8),
            ArrowEnd::bound(Point::default(), ids[0], c),
            ArrowEnd::bound(Point::default(), ElementId(9), c),
        )));
        let before = crate::model::arrow::resolve(
            &doc,
            doc.elements
                .get(ElementId(8))
                .and_then(Element::as_arrow)
                .unwrap_or_else(|| panic!()),
        )
        .end();
        let cmd = erase(&doc, &[ElementId(9)]);
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        assert!(!doc.elements.contains(ElementId(9)));
        let a = doc
            .elements
            .get(ElementId(8))
            .and_then(Element::as_arrow)
            .cloned();
        let a = a.unwrap_or_else(|| panic!("the arrow stays"));
        assert!(a.end.bind.is_none() && a.start.bind.is_some());
        let after = crate::model::arrow::resolve(&doc, &a).end();
        assert!((after.x - before.x).abs() < 0.01 && (after.y - before.y).abs() < 0.01);
    }

    #[test]
    fn scaling_a_selection_scales_places_and_sizes() {
        let (doc, _) = doc_with(&[
            Rect::new(0.0, 0.0, 100.0, 100.0),
            Rect::new(200.0, 100.0, 100.0, 100.0),
        ]);
        let start: Vec<Element> = doc.elements.iter().cloned().collect();
        let from = Rect::new(0.0, 0.0, 300.0, 200.0);
        let to = Rect::new(0.0, 0.0, 600.0, 400.0);
        let out = scale_into(&start, from, to);
        let rects: Vec<Rect> = out.iter().filter_map(Element::rect).collect();
        assert_eq!(
            rects,
            [
                Rect::new(0.0, 0.0, 200.0, 200.0),
                Rect::new(400.0, 200.0, 200.0, 200.0)
            ]
        );
        // Squeezed to nothing, a card keeps its smallest size.
        let tiny = scale_into(&start, from, Rect::new(0.0, 0.0, 3.0, 2.0));
        assert!(
            tiny.iter()
                .filter_map(Element::rect)
                .all(|r| r.w >= 60.0 && r.h >= 40.0)
        );
    }

    #[test]
    fn groups_and_locks() {
        let r = Rect::new(0.0, 0.0, 100.0, 100.0);
        let (mut doc, ids) = doc_with(&[r, r, r]);
        let cmd = group(&doc, &set(&ids[..2]));
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        assert_eq!(with_groups(&doc, &set(&ids[..1])), set(&ids[..2]));
        let cmd = ungroup(&doc, &set(&ids[1..2]));
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        assert_eq!(with_groups(&doc, &set(&ids[1..2])), set(&ids[1..2]));
        let cmd = set_locked(&doc, &set(&ids), true);
        assert!(cmd.is_some_and(|c| apply(&mut doc, c).is_ok()));
        assert!(doc.elements.iter().all(Element::locked));
        assert!(
            align(&doc, &set(&ids), Alignment::Left).is_none(),
            "locked elements stay"
        );
    }
}
