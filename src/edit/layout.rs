//! Document changes worked out from a gesture's start and where it is now: pure functions that
//! build the command, so that the canvas only says what the user did.

use super::Command;
use crate::model::{Element, Phase, PhaseId};

/// How far from a phase line cards are kept when a phase line moves over them, in world
/// points.
pub const PHASE_MARGIN: f32 = 12.0;

/// A phase made `width` wide by dragging its right edge. The elements right of the edge
/// (`followers`, as they were when the drag began) move with it; cards of the phase itself
/// (`inside`, as they were) that the edge would now cut through are pushed inside it, so that
/// no card is left standing across a phase line (a card wider than its phase stays put).
pub fn resize_phase(
    phase: PhaseId,
    start: &Phase,
    phase_x: f32,
    width: f32,
    followers: &[Element],
    inside: &[Element],
) -> Command {
    let dx = width - start.width;
    let right = phase_x + width;
    let mut cmds = vec![Command::SetPhase(
        phase,
        Phase {
            width,
            ..start.clone()
        },
    )];
    let mut moved: Vec<Element> = followers.iter().map(|e| e.translated(dx, 0.0)).collect();
    for e in inside {
        if let Some(b) = e.frame().map(|f| f.bounds()) {
            let x = (right - PHASE_MARGIN - b.w).min(b.x);
            let fits = x >= phase_x;
            let pushed = if fits { x } else { b.x };
            // Always listed (moved back as the edge goes back), so the command stays the same
            // shape during the whole drag and folds into one undo step.
            moved.push(e.translated(pushed - b.x, 0.0));
        }
    }
    if !moved.is_empty() {
        cmds.push(Command::Update(moved));
    }
    Command::Batch(cmds)
}

/// What dragging the right edge of `phase` takes along: the elements right of the edge
/// (their middle past it), which move with it, and the phase's own, which the edge pushes in
/// rather than cuts through. Locked elements are in neither.
pub fn phase_drag(doc: &crate::model::Document, phase: PhaseId) -> (Vec<Element>, Vec<Element>) {
    let col = doc.phase_rect(phase);
    // Locked elements stay where they are.
    let (followers, rest): (Vec<Element>, Vec<Element>) = doc
        .elements
        .iter()
        .filter(|e| !e.locked())
        .cloned()
        .partition(|e| doc.bounds_of(e).center().x >= col.right());
    let inside = rest
        .into_iter()
        .filter(|e| doc.bounds_of(e).center().x >= col.x)
        .collect();
    (followers, inside)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, CardColor, Document, ElementId, Rect};

    #[test]
    fn a_phase_edge_takes_what_is_right_of_it_and_pushes_its_own() {
        let mut doc = Document::new();
        let card = |id: u64, x: f32| {
            Element::Card(Card::new(
                ElementId(id),
                Rect::new(x, 200.0, 200.0, 100.0),
                "",
                CardColor::Blue,
            ))
        };
        for (id, x) in [(1, 40.0), (2, 900.0), (3, 1700.0), (4, 700.0)] {
            doc.elements.push(card(id, x));
        }
        let (followers, inside) = phase_drag(&doc, PhaseId::Nulage);
        let ids = |v: &[Element]| v.iter().map(|e| e.id().0).collect::<Vec<_>>();
        // Card 4 (700–900) has its middle at 800: the edge, so it goes along.
        assert_eq!(ids(&followers), [2, 3, 4]);
        assert_eq!(ids(&inside), [1]);
    }

    #[test]
    fn a_narrower_phase_pushes_its_cards_in_and_takes_the_rest_along() {
        let mut doc = Document::new();
        let start = doc.phases.nulage.clone();
        let card = |id: u64, x: f32| {
            Element::Card(Card::new(
                ElementId(id),
                Rect::new(x, 200.0, 200.0, 100.0),
                "",
                CardColor::Blue,
            ))
        };
        let inside = vec![card(1, 560.0), card(2, 40.0)];
        let followers = vec![card(3, 900.0)];
        let cmd = resize_phase(PhaseId::Nulage, &start, 0.0, 600.0, &followers, &inside);
        for e in inside.iter().chain(&followers) {
            doc.elements.push(e.clone());
        }
        assert!(crate::edit::apply(&mut doc, cmd).is_ok());
        let x = |id| {
            doc.card(ElementId(id))
                .map(|c| c.rect.x)
                .unwrap_or(f32::NAN)
        };
        assert_eq!(doc.phases.nulage.width, 600.0);
        assert_eq!(
            x(1),
            600.0 - PHASE_MARGIN - 200.0,
            "pushed inside the new edge"
        );
        assert_eq!(x(2), 40.0, "a card clear of the edge stays");
        assert_eq!(x(3), 700.0, "the next phase's card moves with the edge");
        for c in doc.elements.iter().filter_map(Element::as_card) {
            assert_eq!(
                doc.keep_in_phase(c.rect, 0.0),
                c.rect,
                "{:?} straddles",
                c.rect
            );
        }
    }
}
