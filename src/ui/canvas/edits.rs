//! The document changes the canvas makes, each one command through the editor.

use super::CanvasView;
use super::text::CardEditing;
use crate::edit::{Command, Editor};
use crate::model::{
    Arrow, Card, CardColor, DEFAULT_CARD_SIZE, Element, ElementId, Head, LineStyle, LineWidth,
    Point, Rect, Route,
};
use egui::Vec2;
use std::collections::HashSet;

/// Gap between a card and the next one made with Tab, in world points.
const NEXT_CARD_GAP: f32 = 24.0;
use crate::edit::layout::PHASE_MARGIN;

/// Where the card after `r` goes when ideas are captured with Tab: the first free place in
/// reading order (to the right in the same row, wrapping to a new row at `row_start` before
/// the edge of the phase) or, with `below`, the first free place below it.
fn next_slot(editor: &Editor, r: Rect, row_start: f32, below: bool) -> Rect {
    let doc = editor.doc();
    let right_edge = doc
        .phase_at_x(r.center().x)
        .map(|p| doc.phase_rect(p).right() - PHASE_MARGIN);
    let free = |c: &Rect| {
        let mut hits = Vec::new();
        editor.index().query(doc, *c, &mut hits);
        let els = doc.elements.as_slice();
        !hits
            .iter()
            .any(|&i| els.get(i).is_some_and(|e| e.as_card().is_some()))
    };
    let step_x = r.w + NEXT_CARD_GAP;
    let step_y = r.h + NEXT_CARD_GAP;
    let (mut x, mut y) = if below {
        (r.x, r.y + step_y)
    } else {
        (r.x + step_x, r.y)
    };
    let mut candidate = Rect::new(x, y, r.w, r.h);
    for _ in 0..500 {
        if !below && right_edge.is_some_and(|edge| x + r.w > edge) && x > row_start {
            x = row_start;
            y += step_y;
        }
        candidate = Rect::new(x, y, r.w, r.h);
        if free(&candidate) {
            break;
        }
        if below {
            y += step_y;
        } else {
            x += step_x;
        }
    }
    candidate
}

/// How an arrow looks, apart from where it goes and what it says: carried over from the last
/// arrow changed to the next one drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArrowStyle {
    pub route: Route,
    pub start_head: Head,
    pub end_head: Head,
    pub style: LineStyle,
    pub width: LineWidth,
    pub color: CardColor,
}

impl ArrowStyle {
    pub fn of(a: &Arrow) -> Self {
        Self {
            route: a.route,
            start_head: a.start_head,
            end_head: a.end_head,
            style: a.style,
            width: a.width,
            color: a.color,
        }
    }

    pub fn apply_to(&self, a: &mut Arrow) {
        a.route = self.route;
        a.start_head = self.start_head;
        a.end_head = self.end_head;
        a.style = self.style;
        a.width = self.width;
        a.color = self.color;
    }
}

impl CanvasView {
    /// A new card centred at `at`, selected and open for typing.
    pub fn create_card_at(&mut self, editor: &mut Editor, at: Point) {
        self.end_text_editing(editor);
        editor.commit();
        let (w, h) = DEFAULT_CARD_SIZE;
        // A card made near a phase line goes wholly into the phase that was clicked.
        let rect = editor
            .doc()
            .keep_in_phase(Rect::centered(at, w, h), PHASE_MARGIN);
        self.insert_card_and_edit(editor, rect, rect.x);
    }

    fn insert_card_and_edit(&mut self, editor: &mut Editor, rect: Rect, row_start: f32) {
        let card = Card::new(ElementId::random(), rect, "", self.new_card_color);
        let id = card.id;
        let insert = Command::insert_on_top(editor.doc(), vec![Element::Card(card)]);
        if editor.apply(insert).is_ok() {
            self.select_only(id);
            let mut editing = CardEditing::new(id, String::new(), true, rect);
            editing.row_start = row_start;
            self.editing = Some(editing);
        }
    }

    /// A new card where the pointer is, or in the middle of the view.
    pub fn create_card_at_pointer(&mut self, editor: &mut Editor) {
        let at = self.pointer_world.unwrap_or_else(|| {
            self.camera
                .transform(self.rect)
                .to_world(self.rect.center())
        });
        self.create_card_at(editor, at);
    }

    /// Starts editing the text of a card.
    pub fn edit_card(&mut self, editor: &mut Editor, id: ElementId) {
        self.end_text_editing(editor);
        editor.commit();
        if let Some(card) = editor.doc().card(id) {
            let editing = CardEditing::new(id, card.text.clone(), false, card.rect);
            self.select_only(id);
            self.editing = Some(editing);
        }
    }

    /// Ends editing and opens a new card beside the one edited (below it with `below`).
    /// Beside wraps to a new row inside the same phase: a card's phase is where it stands, so
    /// capturing ideas never walks a card over a phase line.
    pub(super) fn next_card(&mut self, editor: &mut Editor, below: bool) {
        let Some((id, row_start)) = self.editing.as_ref().map(|e| (e.id, e.row_start)) else {
            return;
        };
        self.end_text_editing(editor);
        let Some(card) = editor.doc().card(id).cloned() else {
            return;
        };
        let rect = next_slot(editor, card.rect, row_start, below);
        self.new_card_color = card.color;
        self.insert_card_and_edit(editor, rect, row_start);
        self.camera_follow(rect);
    }

    /// Pans just enough that `r` is in view.
    pub(super) fn camera_follow(&mut self, r: Rect) {
        let xf = self.camera.transform(self.rect);
        let s = xf.rect_to_screen(&r).expand(16.0);
        let view = self.rect;
        let mut d = Vec2::ZERO;
        if s.right() > view.right() {
            d.x = view.right() - s.right();
        }
        if s.left() + d.x < view.left() {
            d.x = view.left() - s.left();
        }
        if s.bottom() > view.bottom() {
            d.y = view.bottom() - s.bottom();
        }
        if s.top() + d.y < view.top() {
            d.y = view.top() - s.top();
        }
        self.camera.pan_by(d);
    }

    /// Deletes the selection, with the arrows bound to it, in one undo step.
    pub fn delete_selection(&mut self, editor: &mut Editor) {
        let doc = editor.doc();
        let selected: HashSet<ElementId> = self.selection.iter().copied().collect();
        let mut gone: HashSet<ElementId> = selected.clone();
        gone.extend(doc.arrows_bound_to(&selected));
        let ids: Vec<ElementId> = doc
            .elements
            .iter()
            .map(Element::id)
            .filter(|id| gone.contains(id))
            .collect();
        if ids.is_empty() {
            return;
        }
        self.editing = None;
        self.label_editing = None;
        if editor.apply_step(Command::Remove(ids)).is_ok() {
            self.selection.clear();
        }
    }

    /// Copies the selection a little down and to the right (see
    /// [`clipboard::duplicate`](crate::edit::clipboard::duplicate)), as one undo step; the
    /// copies are selected.
    pub fn duplicate_selection(&mut self, editor: &mut Editor) {
        let copies = crate::edit::clipboard::duplicate(editor.doc(), &self.selection);
        if copies.is_empty() {
            return;
        }
        let ids: HashSet<ElementId> = copies.iter().map(Element::id).collect();
        let insert = Command::insert_on_top(editor.doc(), copies);
        if editor.apply_step(insert).is_ok() {
            self.selection = ids;
        }
    }

    /// Gives every selected card and arrow `color`.
    pub fn recolor_selection(&mut self, editor: &mut Editor, color: CardColor) {
        let changed: Vec<Element> = self
            .selected_in_order(editor.doc())
            .into_iter()
            .filter_map(|e| match e {
                Element::Card(c) if c.color != color => {
                    Some(Element::Card(Card { color, ..c.clone() }))
                }
                Element::Arrow(a) if a.color != color => {
                    Some(Element::Arrow(Arrow { color, ..a.clone() }))
                }
                _ => None,
            })
            .collect();
        let has_cards = self
            .selected_in_order(editor.doc())
            .iter()
            .any(|e| e.as_card().is_some());
        if has_cards || self.selection.is_empty() {
            self.new_card_color = color;
        }
        if !changed.is_empty() {
            let _ = editor.apply_step(Command::Update(changed));
        }
        self.remember_arrow_style(editor);
    }

    /// Changes every selected arrow with `f`, as one undo step.
    pub fn update_arrows(&mut self, editor: &mut Editor, f: impl Fn(&mut Arrow)) {
        self.update_selected(editor, Element::as_arrow, Element::Arrow, f);
        self.remember_arrow_style(editor);
    }

    /// Changes every selected card with `f`, as one undo step.
    pub fn update_cards(&mut self, editor: &mut Editor, f: impl Fn(&mut Card)) {
        self.update_selected(editor, Element::as_card, Element::Card, f);
    }

    /// Changes every selected element of one kind (`kind` picks it out, `wrap` puts it back)
    /// with `f`, as one undo step; elements `f` leaves as they were are not touched.
    fn update_selected<T: Clone + PartialEq>(
        &self,
        editor: &mut Editor,
        kind: fn(&Element) -> Option<&T>,
        wrap: fn(T) -> Element,
        f: impl Fn(&mut T),
    ) {
        let changed: Vec<Element> = self
            .selected_in_order(editor.doc())
            .into_iter()
            .filter_map(kind)
            .filter_map(|x| {
                let mut y = x.clone();
                f(&mut y);
                (y != *x).then(|| wrap(y))
            })
            .collect();
        if !changed.is_empty() {
            let _ = editor.apply_step(Command::Update(changed));
        }
    }

    /// Makes the selected cards' text bold, or plain again if all of it is bold already.
    pub fn toggle_bold(&mut self, editor: &mut Editor) {
        let cards: Vec<bool> = self
            .selected_in_order(editor.doc())
            .into_iter()
            .filter_map(Element::as_card)
            .map(|c| c.bold)
            .collect();
        let bold = !cards.iter().all(|b| *b);
        self.update_cards(editor, |c| c.bold = bold);
    }

    /// Turns the selected arrows round: start becomes end, and heads swap with them.
    pub fn reverse_arrows(&mut self, editor: &mut Editor) {
        self.update_arrows(editor, |a| {
            std::mem::swap(&mut a.start, &mut a.end);
            std::mem::swap(&mut a.start_head, &mut a.end_head);
            a.bend = -a.bend;
        });
    }

    /// The last selected arrow's look becomes the look of the next new arrow.
    fn remember_arrow_style(&mut self, editor: &Editor) {
        if let Some(a) = self
            .selected_in_order(editor.doc())
            .into_iter()
            .filter_map(Element::as_arrow)
            .next_back()
        {
            self.last_arrow_style = Some(ArrowStyle::of(a));
        }
    }

    pub(super) fn nudge_selection(&mut self, editor: &mut Editor, dx: f32, dy: f32) {
        let moved: Vec<Element> = self
            .selected_in_order(editor.doc())
            .into_iter()
            .map(|e| e.translated(dx, dy))
            .collect();
        if !moved.is_empty() {
            // Part of the open step: holding an arrow key is one gesture.
            let _ = editor.apply(Command::Update(moved));
        }
    }
}
