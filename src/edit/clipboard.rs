//! Copy and paste of elements, and pasting plain text as cards: pure functions from a
//! document to the elements a paste inserts (the caller applies them as one command).

use crate::model::arrow;
use crate::model::{
    Card, CardColor, DEFAULT_CARD_SIZE, Document, Element, ElementId, MAX_TEXT_CHARS, Point, Rect,
};
use std::collections::{HashMap, HashSet};

/// Gap between cards made from pasted lines, in world points.
const GAP: f32 = 24.0;
/// Most cards one paste of text makes (one a line).
pub const MAX_PASTED_CARDS: usize = 100;
/// How far from a phase line pasted cards are kept, in world points.
const PHASE_MARGIN: f32 = 12.0;

/// Elements copied from a document, as they were there.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clip {
    pub elements: Vec<Element>,
}

/// Why pasted text makes no cards.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasteError {
    #[error("the clipboard holds no text")]
    Empty,
    #[error("the text has {0} lines; one paste makes at most {MAX_PASTED_CARDS} cards")]
    TooManyLines(usize),
}

/// Copies the elements `ids` (in paint order). An arrow whose end is bound to something not
/// copied keeps that end where it is now, free.
pub fn copy(doc: &Document, ids: &HashSet<ElementId>) -> Clip {
    let elements = doc
        .elements
        .iter()
        .filter(|e| ids.contains(&e.id()))
        .map(|e| match e {
            Element::Arrow(a) => {
                let path = arrow::resolve(doc, a);
                let mut a = a.clone();
                for (end, at) in [(&mut a.start, path.start()), (&mut a.end, path.end())] {
                    if end.bind.is_some_and(|b| !ids.contains(&b.element)) {
                        end.bind = None;
                        end.point = at;
                    }
                }
                Element::Arrow(a)
            }
            Element::Card(c) => Element::Card(c.clone()),
        })
        .collect();
    Clip { elements }
}

/// What other programs get when elements are copied: the cards' texts, one a paragraph.
pub fn text_of(clip: &Clip) -> String {
    clip.elements
        .iter()
        .filter_map(Element::as_card)
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The elements a paste of `clip` inserts: new ids (arrows between copies bound to the
/// copies), moved so that their middle is at `at`, each card kept inside one phase.
pub fn paste(doc: &Document, clip: &Clip, at: Point) -> Vec<Element> {
    let Some(bounds) = clip
        .elements
        .iter()
        .map(|e| match e {
            Element::Card(c) => c.rect,
            Element::Arrow(a) => {
                let p =
                    |end: &crate::model::ArrowEnd| Rect::new(end.point.x, end.point.y, 0.0, 0.0);
                p(&a.start).union(&p(&a.end))
            }
        })
        .reduce(|a, b| a.union(&b))
    else {
        return Vec::new();
    };
    let c = bounds.center();
    let (dx, dy) = (at.x - c.x, at.y - c.y);
    let new_ids: HashMap<ElementId, ElementId> = clip
        .elements
        .iter()
        .map(|e| (e.id(), ElementId::random()))
        .collect();
    let mut moved: HashMap<ElementId, (f32, f32)> = HashMap::new();
    let mut out: Vec<Element> = Vec::with_capacity(clip.elements.len());
    for e in &clip.elements {
        if let Element::Card(card) = e {
            let rect = doc.keep_in_phase(card.rect.translated(dx, dy), PHASE_MARGIN);
            moved.insert(card.id, (rect.x - card.rect.x, rect.y - card.rect.y));
            out.push(Element::Card(Card {
                id: new_ids[&card.id],
                rect,
                ..card.clone()
            }));
        }
    }
    for e in &clip.elements {
        if let Element::Arrow(a) = e {
            let mut a = a.clone();
            a.id = new_ids[&a.id];
            for end in [&mut a.start, &mut a.end] {
                let (ex, ey) = end
                    .bind
                    .and_then(|b| moved.get(&b.element).copied())
                    .unwrap_or((dx, dy));
                end.point = Point::new(end.point.x + ex, end.point.y + ey);
                if let Some(b) = &mut end.bind {
                    match new_ids.get(&b.element) {
                        Some(copy) => b.element = *copy,
                        None => end.bind = None,
                    }
                }
            }
            out.push(Element::Arrow(a));
        }
    }
    // Back in the order they were copied (cards were placed first to move their arrows).
    let order: HashMap<ElementId, usize> = clip
        .elements
        .iter()
        .enumerate()
        .map(|(i, e)| (new_ids[&e.id()], i))
        .collect();
    out.sort_by_key(|e| order.get(&e.id()).copied().unwrap_or(usize::MAX));
    out
}

/// Cards made from pasted text: one a line (blank lines skipped), in rows from `at` that
/// wrap inside the phase there; one card for text of one line. Control characters other
/// than line breaks and tabs are dropped, and each card's text is cut to the longest a card
/// may hold.
pub fn cards_from_text(
    doc: &Document,
    text: &str,
    at: Point,
    color: CardColor,
) -> Result<Vec<Element>, PasteError> {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    let lines: Vec<&str> = clean
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err(PasteError::Empty);
    }
    if lines.len() > MAX_PASTED_CARDS {
        return Err(PasteError::TooManyLines(lines.len()));
    }
    let (w, h) = DEFAULT_CARD_SIZE;
    let first = doc.keep_in_phase(Rect::centered(at, w, h), PHASE_MARGIN);
    let right = doc
        .phase_at_x(first.center().x)
        .map(|p| doc.phase_rect(p).right() - PHASE_MARGIN)
        .unwrap_or(f32::INFINITY);
    let columns = (((right - first.x + GAP) / (w + GAP)).floor() as usize).max(1);
    Ok(lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let (col, row) = (i % columns, i / columns);
            let rect = Rect::new(
                first.x + col as f32 * (w + GAP),
                first.y + row as f32 * (h + GAP),
                w,
                h,
            );
            let text: String = line.chars().take(MAX_TEXT_CHARS).collect();
            Element::Card(Card::new(ElementId::random(), rect, text, color))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PhaseId, sample};

    #[test]
    fn a_copy_pastes_with_new_ids_and_its_arrows_bound_to_the_copies() {
        let doc = sample::nara_vard();
        // Two cards and the arrow between them, and an arrow to a card not copied.
        let a = doc.elements.iter().find_map(Element::as_arrow).cloned();
        let a = a.unwrap_or_else(|| panic!("the sample has arrows"));
        let (from, to) = (
            a.start.bind.map(|b| b.element),
            a.end.bind.map(|b| b.element),
        );
        let ids: HashSet<ElementId> = [from, to, Some(a.id)].into_iter().flatten().collect();
        let clip = copy(&doc, &ids);
        assert_eq!(clip.elements.len(), 3);
        let pasted = paste(&doc, &clip, Point::new(300.0, 400.0));
        assert_eq!(pasted.len(), 3);
        let new: HashSet<ElementId> = pasted.iter().map(Element::id).collect();
        assert!(new.is_disjoint(&ids), "fresh ids");
        let arrow = pasted.iter().find_map(Element::as_arrow);
        let bound: Vec<ElementId> = arrow
            .into_iter()
            .flat_map(|a| [a.start.bind, a.end.bind])
            .flatten()
            .map(|b| b.element)
            .collect();
        assert_eq!(bound.len(), 2);
        assert!(
            bound.iter().all(|id| new.contains(id)),
            "bound to the copies"
        );
        // An arrow alone keeps its ends where they were, free.
        let alone = copy(&doc, &HashSet::from([a.id]));
        let free = alone.elements.iter().find_map(Element::as_arrow);
        assert!(free.is_some_and(|f| f.start.bind.is_none() && f.end.bind.is_none()));
        assert!(
            text_of(&clip).contains(
                &doc.card(from.unwrap_or(a.id))
                    .map(|c| c.text.clone())
                    .unwrap_or_default()
            )
        );
    }

    #[test]
    fn pasted_lines_become_cards_inside_one_phase() {
        let doc = Document::new();
        let nulage = doc.phase_rect(PhaseId::Nulage);
        let text = "Första idén\r\n\n  Andra\u{1b}[31m idén \nTredje\nFjärde\nFemte";
        let at = Point::new(nulage.right() - 20.0, 300.0);
        let cards = cards_from_text(&doc, text, at, CardColor::Blue).unwrap_or_default();
        assert_eq!(cards.len(), 5);
        let texts: Vec<&str> = cards
            .iter()
            .filter_map(Element::as_card)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(texts[1], "Andra[31m idén", "control characters dropped");
        for c in cards.iter().filter_map(Element::as_card) {
            assert!(
                c.rect.x >= nulage.x && c.rect.right() <= nulage.right(),
                "{:?} stays in Nuläge",
                c.rect
            );
        }
        assert_eq!(
            cards_from_text(&doc, " \n\t\n", at, CardColor::Blue),
            Err(PasteError::Empty)
        );
        let many = "x\n".repeat(MAX_PASTED_CARDS + 1);
        assert_eq!(
            cards_from_text(&doc, &many, at, CardColor::Blue),
            Err(PasteError::TooManyLines(MAX_PASTED_CARDS + 1))
        );
    }
}
