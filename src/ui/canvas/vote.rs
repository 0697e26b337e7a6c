//! Dot voting on the canvas: while a round is open, a click on an element gives it a dot,
//! a right-click or Alt+click takes one back. Each person has the round's dots; "next
//! person" gives the next one theirs.

use super::CanvasView;
use super::hit::Target;
use crate::edit::{Edit, Editor, workshop};
use crate::model::ElementId;
use crate::scene::Transform;
use egui::{CursorIcon, Modifiers, PointerButton};

/// Who is voting now: the round and how many dots they have given in it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Voter {
    pub round: Option<ElementId>,
    pub given: u32,
    /// The person's number, from 1 (shown to the room: "Person 3").
    pub person: u32,
}

impl Voter {
    /// The voter for round `round`: the same as before if it is the same round, else the
    /// first person with no dots given.
    pub fn for_round(self, round: ElementId) -> Voter {
        if self.round == Some(round) {
            self
        } else {
            Voter {
                round: Some(round),
                given: 0,
                person: 1,
            }
        }
    }

    /// The dots the person has left (`None`: as many as they like).
    pub fn left(self, dots: Option<u32>) -> Option<u32> {
        dots.map(|d| d.saturating_sub(self.given))
    }

    pub fn next_person(self) -> Voter {
        Voter {
            given: 0,
            person: self.person + 1,
            ..self
        }
    }
}

impl CanvasView {
    /// Handles a click while a round is open; returns whether voting is on (then the canvas
    /// does nothing else with the pointer but pan and zoom).
    pub(super) fn handle_voting(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        editor: &Editor,
        xf: &Transform,
    ) -> bool {
        let doc = editor.doc();
        let Some((index, round)) = workshop::current_round(doc).filter(|(_, r)| r.open) else {
            return false;
        };
        self.voter = self.voter.for_round(round.id);
        let votable = |target: Target| match target {
            Target::Element(id) => doc
                .elements
                .get(id)
                .filter(|e| e.frame().is_some())
                .map(|e| e.id()),
            _ => None,
        };
        if let Some(p) = response.hover_pos()
            && votable(self.target_at(editor, xf, p)).is_some()
        {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
        }
        let alt = ui.input(|i| i.modifiers.matches_logically(Modifiers::ALT));
        let add = response.clicked_by(PointerButton::Primary) && !alt;
        let take = response.clicked_by(PointerButton::Secondary)
            || (response.clicked_by(PointerButton::Primary) && alt);
        if !(add || take) {
            return true;
        }
        let Some(id) = response
            .interact_pointer_pos()
            .and_then(|p| votable(self.target_at(editor, xf, p)))
        else {
            return true;
        };
        if add {
            if self.voter.left(round.dots) == Some(0) {
                return true;
            }
            if let Some(cmd) = workshop::vote(doc, index, id, 1) {
                self.pending.push(Edit::Step(cmd));
                self.voter.given += 1;
            }
        } else if let Some(cmd) = workshop::vote(doc, index, id, -1) {
            self.pending.push(Edit::Step(cmd));
            self.voter.given = self.voter.given.saturating_sub(1);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_person_has_the_rounds_dots() {
        let v = Voter::default().for_round(ElementId(1));
        assert_eq!(v.person, 1);
        assert_eq!(v.left(Some(3)), Some(3));
        let v = Voter { given: 3, ..v };
        assert_eq!(v.left(Some(3)), Some(0));
        assert_eq!(v.left(None), None);
        let v = v.next_person();
        assert_eq!((v.person, v.left(Some(3))), (2, Some(3)));
        assert_eq!(v.for_round(ElementId(1)), v, "same round, same person");
        assert_eq!(
            v.for_round(ElementId(2)).person,
            1,
            "a new round starts over"
        );
    }
}
