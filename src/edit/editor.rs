//! An open document with its undo history and the caches derived from it.

use super::{Command, EditError, History};
use crate::model::Document;
use crate::spatial::SpatialIndex;

/// The document being edited, its history, and its spatial index kept in step with every
/// command. This is the one way the UI changes a document.
#[derive(Debug)]
pub struct Editor {
    doc: Document,
    history: History,
    index: SpatialIndex,
    /// Bumped on every change, for views that cache what they derive from the document.
    revision: u64,
    /// The first command since [`Editor::take_error`] that did not fit the document (nothing
    /// was changed by it), for the app to report once.
    error: Option<EditError>,
    /// The day cards changed by this editor are marked with (`YYYY-MM-DD`).
    today: String,
    /// How many elements of each kind the document has (see [`slot`]), counted once a
    /// change rather than by every frame's status bar.
    counts: [usize; KINDS],
}

/// How many kinds of element there are.
const KINDS: usize = 7;

/// Where `kind` is counted (a new kind does not compile until it has its place).
fn slot(kind: crate::model::Kind) -> usize {
    use crate::model::Kind;
    match kind {
        Kind::Card => 0,
        Kind::Shape => 1,
        Kind::Text => 2,
        Kind::Stroke => 3,
        Kind::Arrow => 4,
        Kind::Illustration => 5,
        Kind::Image => 6,
    }
}

fn count_kinds(doc: &Document) -> [usize; KINDS] {
    let mut counts = [0; KINDS];
    for e in doc.elements.iter() {
        if let Some(n) = counts.get_mut(slot(e.kind())) {
            *n += 1;
        }
    }
    counts
}

/// A change asked for by a panel or dialog, applied by the app after the UI pass.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Part of the open undo step (typing in a field, dragging a value).
    Apply(Command),
    /// An undo step of its own (a click).
    Step(Command),
    /// Ends the open undo step.
    Commit,
    /// Drops the open undo step's changes.
    Rollback,
}

impl Editor {
    pub fn new(doc: Document) -> Self {
        let index = SpatialIndex::build(&doc);
        Self {
            counts: count_kinds(&doc),
            doc,
            history: History::new(),
            index,
            revision: 0,
            error: None,
            today: crate::model::workshop::day_of(std::time::SystemTime::now()),
        }
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn index(&self) -> &SpatialIndex {
        &self.index
    }

    /// How many elements of `kind` the document has.
    pub fn count(&self, kind: crate::model::Kind) -> usize {
        self.counts.get(slot(kind)).copied().unwrap_or(0)
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The day changed cards are marked with; tests set it.
    pub fn set_today(&mut self, day: &str) {
        self.today = day.to_owned();
    }

    /// Applies a command as part of the current gesture's undo step.
    pub fn apply(&mut self, cmd: Command) -> Result<(), EditError> {
        let cmd = super::workshop::stamp_changed(&self.doc, cmd, &self.today);
        let result = self.history.apply(&mut self.doc, cmd);
        self.sync();
        self.note(result)
    }

    /// Applies a command as an undo step of its own.
    pub fn apply_step(&mut self, cmd: Command) -> Result<(), EditError> {
        let cmd = super::workshop::stamp_changed(&self.doc, cmd, &self.today);
        let result = self.history.apply_step(&mut self.doc, cmd);
        self.sync();
        self.note(result)
    }

    /// Runs the edits a panel or dialog asked for, in order.
    pub fn run(&mut self, edits: Vec<Edit>) {
        for e in edits {
            let _ = match e {
                Edit::Apply(cmd) => self.apply(cmd),
                Edit::Step(cmd) => self.apply_step(cmd),
                Edit::Commit => {
                    self.commit();
                    Ok(())
                }
                Edit::Rollback => {
                    self.rollback();
                    Ok(())
                }
            };
        }
    }

    /// The first command that failed since the last call, if one did.
    pub fn take_error(&mut self) -> Option<EditError> {
        self.error.take()
    }

    fn note(&mut self, result: Result<(), EditError>) -> Result<(), EditError> {
        if let Err(e) = &result
            && self.error.is_none()
        {
            self.error = Some(e.clone());
        }
        result
    }

    /// Ends the current gesture: what it changed becomes one undo step.
    pub fn commit(&mut self) {
        self.history.commit();
    }

    /// Drops the current gesture's changes without an undo step.
    pub fn rollback(&mut self) {
        self.history.rollback(&mut self.doc);
        self.sync();
    }

    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.doc);
        self.sync();
        done
    }

    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.doc);
        self.sync();
        done
    }

    fn sync(&mut self) {
        let mut touched = self.history.take_touched();
        // Arrows bound to what changed have moved too.
        let changed: std::collections::HashSet<_> = touched.iter().copied().collect();
        touched.extend(self.doc.arrows_bound_to(&changed));
        self.index.update(&self.doc, &touched);
        if !touched.is_empty() {
            self.counts = count_kinds(&self.doc);
        }
        self.revision += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, CardColor, Element, ElementId, Rect};

    #[test]
    fn the_kinds_counted_follow_every_edit_and_undo() {
        use crate::model::{Kind, sample};
        let kinds = [
            Kind::Card,
            Kind::Shape,
            Kind::Text,
            Kind::Stroke,
            Kind::Arrow,
            Kind::Illustration,
            Kind::Image,
        ];
        assert_eq!(kinds.len(), KINDS);
        let mut editor = Editor::new(sample::nara_vard());
        let same = |e: &Editor| {
            for k in kinds {
                assert_eq!(e.count(k), e.doc().count(k), "{k:?}");
            }
        };
        same(&editor);
        assert!(editor.count(Kind::Card) > 0 && editor.count(Kind::Arrow) > 0);
        let first = editor.doc().elements.iter().next().map(|e| e.id());
        let cmd = Command::Remove(first.into_iter().collect());
        assert!(editor.apply_step(cmd).is_ok());
        same(&editor);
        assert!(editor.undo());
        same(&editor);
    }

    #[test]
    fn edits_run_in_order_and_a_failure_is_kept_once() {
        let mut editor = Editor::new(Document::new());
        let card = Element::Card(Card::new(
            ElementId(1),
            Rect::new(0.0, 100.0, 200.0, 120.0),
            "",
            CardColor::Blue,
        ));
        editor.run(vec![
            Edit::Step(Command::Insert(vec![card.clone()])),
            Edit::Apply(Command::SetTitle("Mål".into())),
            Edit::Apply(Command::SetTitle("Målbild".into())),
            Edit::Commit,
            Edit::Apply(Command::Remove(vec![ElementId(7)])),
            Edit::Apply(Command::Insert(vec![card])),
        ]);
        assert_eq!(editor.doc().title, "Målbild");
        assert_eq!(
            editor.history().undo_len(),
            2,
            "the insert, then the title typed"
        );
        assert_eq!(
            editor.take_error(),
            Some(EditError::UnknownElement(ElementId(7))),
            "the first failure"
        );
        assert_eq!(editor.take_error(), None, "told once");
    }
}
