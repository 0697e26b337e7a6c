//! Every change to a document is a [`Command`] applied by [`apply`], which returns the command
//! that undoes it. [`History`] groups the commands of one gesture into one undo step.

#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod arrange;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod clipboard;
mod editor;
mod history;
pub mod layout;
pub mod workshop;

pub use editor::{Edit, Editor};
pub use history::History;

use crate::model::{
    Document, Element, ElementId, ExportSettings, FileData, FileId, Lane, Phase, PhaseId, VoteRound,
};

/// One change to a document.
///
/// Commands carry the full new value (not a delta), so applying a command and then its inverse
/// gives back exactly the starting document, bit for bit.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Insert elements, each at the place in the paint order its order key gives.
    Insert(Vec<Element>),
    /// Remove elements by id.
    Remove(Vec<ElementId>),
    /// Replace elements by id (a changed order key moves an element in the paint order).
    Update(Vec<Element>),
    /// Set a phase's title, width and tint.
    SetPhase(PhaseId, Phase),
    /// Set the height of the board.
    SetBoardHeight(f32),
    /// Set the document's title.
    SetTitle(String),
    /// Set the date shown beside the title.
    SetDate(String),
    /// Show the title (and date) above the board, or not.
    SetShowTitle(bool),
    /// Set how the document is exported.
    SetExport(Option<ExportSettings>),
    /// Add pictures to the files table (those it holds already stay as they are).
    AddFiles(Vec<(FileId, FileData)>),
    /// Remove pictures from the files table (the undoing of [`Command::AddFiles`]).
    RemoveFiles(Vec<FileId>),
    /// Set the themes (lanes), top to bottom.
    SetLanes(Vec<Lane>),
    /// Set the dot-voting rounds.
    SetVotes(Vec<VoteRound>),
    /// Several commands as one: all apply, or none.
    Batch(Vec<Command>),
}

/// A command that does not fit the document it is applied to. Nothing was changed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("no element has the id {0}")]
    UnknownElement(ElementId),
    #[error("the element id {0} is already in use")]
    DuplicateElement(ElementId),
}

impl Command {
    /// Puts `elements` on top of everything in `doc` (painted last), in their order.
    pub fn insert_on_top(doc: &Document, elements: Vec<Element>) -> Command {
        Self::insert_at(doc, doc.elements.len(), elements)
    }

    /// Puts `elements` between the elements now at positions `pos - 1` and `pos` of the
    /// paint order, in their order.
    pub fn insert_at(doc: &Document, pos: usize, elements: Vec<Element>) -> Command {
        let keys = doc.elements.keys_at(pos, elements.len());
        Command::Insert(
            elements
                .into_iter()
                .zip(keys)
                .map(|(e, k)| e.with_order(k))
                .collect(),
        )
    }

    /// Adds the ids of the elements this command changes to `out`.
    pub fn touched(&self, out: &mut Vec<ElementId>) {
        match self {
            Command::Insert(items) => out.extend(items.iter().map(Element::id)),
            Command::Remove(ids) => out.extend(ids.iter().copied()),
            Command::Update(els) => out.extend(els.iter().map(Element::id)),
            Command::SetPhase(..)
            | Command::SetBoardHeight(_)
            | Command::SetTitle(_)
            | Command::SetDate(_)
            | Command::SetShowTitle(_)
            | Command::SetExport(_)
            | Command::AddFiles(_)
            | Command::RemoveFiles(_)
            | Command::SetLanes(_)
            | Command::SetVotes(_) => {}
            Command::Batch(cmds) => cmds.iter().for_each(|c| c.touched(out)),
        }
    }

    /// Whether `next` may be folded into `self` as one change (the same property of the same
    /// things set again, as while dragging or typing), keeping `self`'s inverse.
    fn absorbs(&self, next: &Command) -> bool {
        match (self, next) {
            (Command::Update(a), Command::Update(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.id() == y.id())
            }
            (Command::SetPhase(a, _), Command::SetPhase(b, _)) => a == b,
            (Command::SetBoardHeight(_), Command::SetBoardHeight(_))
            | (Command::SetTitle(_), Command::SetTitle(_))
            | (Command::SetDate(_), Command::SetDate(_))
            | (Command::SetShowTitle(_), Command::SetShowTitle(_))
            | (Command::SetExport(_), Command::SetExport(_))
            | (Command::SetLanes(_), Command::SetLanes(_)) => true,
            (Command::Batch(a), Command::Batch(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.absorbs(y))
            }
            _ => false,
        }
    }
}

/// Applies `cmd` to `doc` and returns the command that undoes it.
///
/// A command is checked before anything changes: on error the document is untouched.
pub fn apply(doc: &mut Document, cmd: Command) -> Result<Command, EditError> {
    match cmd {
        Command::Insert(items) => {
            let mut seen = std::collections::HashSet::new();
            for e in &items {
                if doc.elements.contains(e.id()) || !seen.insert(e.id()) {
                    return Err(EditError::DuplicateElement(e.id()));
                }
            }
            let ids = items.iter().map(Element::id).collect();
            for e in items {
                doc.elements.insert(e);
            }
            Ok(Command::Remove(ids))
        }
        Command::Remove(ids) => {
            let mut seen = std::collections::HashSet::new();
            for &id in &ids {
                if !doc.elements.contains(id) {
                    return Err(EditError::UnknownElement(id));
                }
                if !seen.insert(id) {
                    return Err(EditError::DuplicateElement(id));
                }
            }
            // Each keeps its order key, so inserting them again puts each back where it was.
            let removed = ids
                .into_iter()
                .filter_map(|id| doc.elements.remove(id).map(|(_, e)| e))
                .collect();
            Ok(Command::Insert(removed))
        }
        Command::Update(els) => {
            if let Some(e) = els.iter().find(|e| !doc.elements.contains(e.id())) {
                return Err(EditError::UnknownElement(e.id()));
            }
            let old = els
                .into_iter()
                .filter_map(|e| doc.elements.replace(e))
                .collect::<Vec<_>>();
            // Updating one element twice in one command must undo to the first value.
            let mut old = old;
            old.reverse();
            Ok(Command::Update(old))
        }
        Command::SetPhase(id, phase) => {
            let old = std::mem::replace(doc.phases.get_mut(id), phase);
            Ok(Command::SetPhase(id, old))
        }
        Command::SetBoardHeight(h) => {
            let old = std::mem::replace(&mut doc.board.height, h);
            Ok(Command::SetBoardHeight(old))
        }
        Command::SetTitle(t) => {
            let old = std::mem::replace(&mut doc.title, t);
            Ok(Command::SetTitle(old))
        }
        Command::SetDate(d) => {
            let old = std::mem::replace(&mut doc.date, d);
            Ok(Command::SetDate(old))
        }
        Command::SetShowTitle(show) => {
            let old = std::mem::replace(&mut doc.board.show_title, show);
            Ok(Command::SetShowTitle(old))
        }
        Command::SetExport(e) => {
            let old = std::mem::replace(&mut doc.export, e);
            Ok(Command::SetExport(old))
        }
        Command::SetLanes(lanes) => {
            let old = std::mem::replace(&mut doc.lanes, lanes);
            Ok(Command::SetLanes(old))
        }
        Command::SetVotes(votes) => {
            let old = std::mem::replace(&mut doc.votes, votes);
            Ok(Command::SetVotes(old))
        }
        Command::AddFiles(files) => {
            let mut added = Vec::new();
            for (id, data) in files {
                if doc.files.insert(id.clone(), data) {
                    added.push(id);
                }
            }
            Ok(Command::RemoveFiles(added))
        }
        Command::RemoveFiles(ids) => {
            let removed = ids
                .into_iter()
                .filter_map(|id| doc.files.remove(&id).map(|d| (id, d)))
                .collect();
            Ok(Command::AddFiles(removed))
        }
        Command::Batch(cmds) => {
            let mut inverses = Vec::with_capacity(cmds.len());
            for cmd in cmds {
                match apply(doc, cmd) {
                    Ok(inv) => inverses.push(inv),
                    Err(e) => {
                        // Undo what this batch did so far: all or nothing.
                        for inv in inverses.into_iter().rev() {
                            let _ = apply(doc, inv);
                        }
                        return Err(e);
                    }
                }
            }
            inverses.reverse();
            Ok(Command::Batch(inverses))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, CardColor, Rect, sample};

    fn card(id: u64, x: f32) -> Element {
        Element::Card(Card::new(
            ElementId(id),
            Rect::new(x, 100.0, 200.0, 120.0),
            format!("kort {id}"),
            CardColor::Yellow,
        ))
    }

    #[test]
    fn remove_then_inverse_restores_order() {
        let mut doc = sample::nara_vard();
        let before = doc.clone();
        let ids: Vec<ElementId> = doc.elements.iter().step_by(3).map(Element::id).collect();
        let inverse = apply(&mut doc, Command::Remove(ids.clone()));
        assert_eq!(doc.elements.len(), before.elements.len() - ids.len());
        let inverse = inverse.unwrap_or(Command::SetTitle(String::new()));
        assert!(apply(&mut doc, inverse).is_ok());
        assert_eq!(doc, before);
    }

    #[test]
    fn bad_commands_change_nothing() {
        let mut doc = Document::new();
        assert!(apply(&mut doc, Command::Insert(vec![card(1, 0.0)])).is_ok());
        let before = doc.clone();
        let dup = Command::insert_on_top(&doc, vec![card(2, 0.0), card(1, 0.0)]);
        assert_eq!(
            apply(&mut doc, dup),
            Err(EditError::DuplicateElement(ElementId(1)))
        );
        let unknown = Command::Update(vec![card(1, 5.0), card(9, 0.0)]);
        assert_eq!(
            apply(&mut doc, unknown),
            Err(EditError::UnknownElement(ElementId(9)))
        );
        let twice = Command::Remove(vec![ElementId(1), ElementId(1)]);
        assert!(apply(&mut doc, twice).is_err());
        let half = Command::Batch(vec![
            Command::SetTitle("ny".into()),
            Command::Update(vec![card(1, 50.0)]),
            Command::Remove(vec![ElementId(5)]),
        ]);
        assert!(apply(&mut doc, half).is_err());
        assert_eq!(doc, before);
    }

    #[test]
    fn update_of_the_same_element_twice_undoes_to_the_first_value() {
        let mut doc = Document::new();
        assert!(apply(&mut doc, Command::Insert(vec![card(1, 0.0)])).is_ok());
        let before = doc.clone();
        let inv = apply(
            &mut doc,
            Command::Update(vec![card(1, 10.0), card(1, 20.0)]),
        );
        assert_eq!(
            doc.elements.get(ElementId(1)).and_then(Element::rect),
            card(1, 20.0).rect()
        );
        assert!(apply(&mut doc, inv.unwrap_or(Command::Remove(vec![]))).is_ok());
        assert_eq!(doc, before);
    }
}
