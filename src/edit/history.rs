//! Undo and redo, one step per gesture.
//!
//! Commands applied while a gesture is under way (a drag, a text edit) collect in an *open*
//! step; [`History::commit`] closes it when the gesture ends, so a whole drag undoes at once.
//! Repeated changes of the same thing fold into one command, so a long drag costs no more
//! memory than a short one. The history lives beside the document and is never saved.

use super::{Command, EditError, apply};
use crate::model::{Document, ElementId};

#[derive(Debug)]
struct Step {
    /// Commands in the order they were applied.
    forward: Vec<Command>,
    /// Their inverses, in the same order (undo runs them backwards).
    inverse: Vec<Command>,
    /// The document state before and after the step (see [`History::state`]).
    before: u64,
    after: u64,
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    open: Option<Step>,
    state: u64,
    next_state: u64,
    touched: Vec<ElementId>,
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }

    /// An id for the document's current state: equal ids mean equal documents. Compare with
    /// the id saved at the last save to know whether there are unsaved changes.
    pub fn state(&self) -> u64 {
        self.state
    }

    pub fn can_undo(&self) -> bool {
        self.open.is_some() || !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Whether a gesture's step is still open.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Number of undo steps (closed ones).
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Applies `cmd` to `doc` as part of the open step (opening one if needed).
    pub fn apply(&mut self, doc: &mut Document, cmd: Command) -> Result<(), EditError> {
        let inverse = apply(doc, cmd.clone())?;
        self.note(&cmd);
        self.next_state += 1;
        let state = self.next_state;
        let before = self.state;
        let step = self.open.get_or_insert_with(|| Step {
            forward: Vec::new(),
            inverse: Vec::new(),
            before,
            after: before,
        });
        match step.forward.last_mut() {
            Some(last) if last.absorbs(&cmd) => *last = cmd,
            _ => {
                step.forward.push(cmd);
                step.inverse.push(inverse);
            }
        }
        self.state = state;
        self.redo.clear();
        Ok(())
    }

    /// Applies `cmd` as a step of its own.
    pub fn apply_step(&mut self, doc: &mut Document, cmd: Command) -> Result<(), EditError> {
        self.commit();
        let result = self.apply(doc, cmd);
        self.commit();
        result
    }

    /// Closes the open step, making it one undo step.
    pub fn commit(&mut self) {
        if let Some(mut step) = self.open.take() {
            step.after = self.state;
            self.undo.push(step);
        }
    }

    /// Undoes the open step and forgets it, as if it never happened (an edit abandoned).
    pub fn rollback(&mut self, doc: &mut Document) {
        if let Some(step) = self.open.take() {
            self.run(doc, step.inverse.iter().rev());
            self.state = step.before;
        }
    }

    /// Undoes the last step. Returns false if there was none.
    pub fn undo(&mut self, doc: &mut Document) -> bool {
        self.commit();
        let Some(step) = self.undo.pop() else {
            return false;
        };
        // Commands carry whole values, so a step's lists stay valid however often it is
        // undone and redone.
        self.run(doc, step.inverse.iter().rev());
        self.state = step.before;
        self.redo.push(step);
        true
    }

    /// Redoes the last undone step. Returns false if there was none.
    pub fn redo(&mut self, doc: &mut Document) -> bool {
        self.commit();
        let Some(step) = self.redo.pop() else {
            return false;
        };
        self.run(doc, step.forward.iter());
        self.state = step.after;
        self.undo.push(step);
        true
    }

    /// Runs the commands of a step being undone or redone.
    fn run<'a>(&mut self, doc: &mut Document, cmds: impl Iterator<Item = &'a Command>) {
        for cmd in cmds {
            self.note(cmd);
            if apply(doc, cmd.clone()).is_err() {
                // Cannot happen for commands that applied before; if it does, keep the
                // document as it is and drop the history rather than corrupt it further.
                self.undo.clear();
                self.redo.clear();
            }
        }
    }

    fn note(&mut self, cmd: &Command) {
        cmd.touched(&mut self.touched);
    }

    /// The ids of elements changed since the last call (possibly with repeats), for caches
    /// such as the spatial index.
    pub fn take_touched(&mut self) -> Vec<ElementId> {
        std::mem::take(&mut self.touched)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, CardColor, Element, Rect};

    fn card(id: u64, x: f32) -> Element {
        Element::Card(Card::new(
            ElementId(id),
            Rect::new(x, 0.0, 100.0, 80.0),
            "",
            CardColor::Blue,
        ))
    }

    #[test]
    fn a_drag_is_one_step_and_costs_one_command() {
        let mut doc = Document::new();
        let mut h = History::new();
        assert!(
            h.apply_step(&mut doc, Command::Insert(vec![card(1, 0.0)]))
                .is_ok()
        );
        let after_insert = doc.clone();
        for x in 1..100 {
            assert!(
                h.apply(&mut doc, Command::Update(vec![card(1, x as f32)]))
                    .is_ok()
            );
        }
        assert_eq!(h.open.as_ref().map(|s| s.forward.len()), Some(1));
        h.commit();
        assert_eq!(h.undo_len(), 2);
        assert!(h.undo(&mut doc));
        assert_eq!(doc, after_insert);
        assert!(h.redo(&mut doc));
        assert_eq!(
            doc.elements.get(ElementId(1)).and_then(Element::rect),
            card(1, 99.0).rect()
        );
    }

    #[test]
    fn state_ids_track_saved_state_through_undo_and_redo() {
        let mut doc = Document::new();
        let mut h = History::new();
        let clean = h.state();
        assert!(
            h.apply_step(&mut doc, Command::SetTitle("a".into()))
                .is_ok()
        );
        let saved = h.state();
        assert_ne!(saved, clean);
        assert!(
            h.apply_step(&mut doc, Command::SetTitle("b".into()))
                .is_ok()
        );
        assert_ne!(h.state(), saved);
        h.undo(&mut doc);
        assert_eq!(h.state(), saved);
        h.undo(&mut doc);
        assert_eq!(h.state(), clean);
        h.redo(&mut doc);
        assert_eq!(h.state(), saved);
    }

    #[test]
    fn new_change_clears_redo_and_rollback_forgets() {
        let mut doc = Document::new();
        let mut h = History::new();
        assert!(
            h.apply_step(&mut doc, Command::SetTitle("a".into()))
                .is_ok()
        );
        h.undo(&mut doc);
        assert!(h.can_redo());
        let before = (doc.clone(), h.state());
        assert!(
            h.apply(&mut doc, Command::Insert(vec![card(1, 0.0)]))
                .is_ok()
        );
        assert!(!h.can_redo());
        h.rollback(&mut doc);
        assert_eq!((doc, h.state()), before);
        assert!(!h.can_undo());
    }
}
