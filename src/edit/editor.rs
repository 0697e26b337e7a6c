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
}

impl Editor {
    pub fn new(doc: Document) -> Self {
        let index = SpatialIndex::build(&doc);
        Self {
            doc,
            history: History::new(),
            index,
            revision: 0,
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

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies a command as part of the current gesture's undo step.
    pub fn apply(&mut self, cmd: Command) -> Result<(), EditError> {
        let result = self.history.apply(&mut self.doc, cmd);
        self.sync();
        result
    }

    /// Applies a command as an undo step of its own.
    pub fn apply_step(&mut self, cmd: Command) -> Result<(), EditError> {
        let result = self.history.apply_step(&mut self.doc, cmd);
        self.sync();
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
        self.revision += 1;
    }
}
