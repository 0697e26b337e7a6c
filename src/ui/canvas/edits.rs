//! The document changes the canvas makes, each one command through the editor.

use super::CanvasView;
use super::text::CardEditing;
use crate::edit::arrange::{self, Alignment, Depth};
use crate::edit::{Command, Edit, Editor};
use crate::i18n::{Lang, Msg};
use crate::model::elements::shape::DEFAULT_SHAPE_SIZE;
use crate::model::{
    Arrow, ArrowEnd, Card, CardColor, DEFAULT_CARD_SIZE, Element, ElementId, Head, LineStyle,
    LineWidth, PhaseId, Point, Rect, Route, Shape, Stroke, Text,
};
use egui::{Key, Modifiers, Ui, Vec2};
use std::collections::HashSet;

/// Gap between a card and the next one made with Tab, in world points.
const NEXT_CARD_GAP: f32 = 24.0;
/// The eraser's radius on screen, in points.
pub const ERASER_PX: f32 = 10.0;

/// The ids a command removes.
fn removed(cmd: &Command, out: &mut Vec<ElementId>) {
    match cmd {
        Command::Remove(ids) => out.extend(ids.iter().copied()),
        Command::Batch(cmds) => cmds.iter().for_each(|c| removed(c, out)),
        _ => {}
    }
}

/// The six ways to line up, as buttons; returns the one clicked.
pub fn align_buttons(ui: &mut egui::Ui, lang: Lang) -> Option<Alignment> {
    let mut picked = None;
    for (how, msg) in [
        (Alignment::Left, Msg::AlignLeft),
        (Alignment::Center, Msg::AlignCenter),
        (Alignment::Right, Msg::AlignRight),
        (Alignment::Top, Msg::AlignTop),
        (Alignment::Middle, Msg::AlignMiddle),
        (Alignment::Bottom, Msg::AlignBottom),
    ] {
        if ui.button(msg.text(lang)).clicked() {
            picked = Some(how);
        }
    }
    picked
}
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
    pub fn create_card_at(&mut self, editor: &Editor, at: Point) {
        self.end_text_editing(editor);
        self.pending.push(Edit::Commit);
        let (w, h) = DEFAULT_CARD_SIZE;
        // A card made near a phase line goes wholly into the phase that was clicked.
        let rect = editor
            .doc()
            .keep_in_phase(Rect::centered(at, w, h), PHASE_MARGIN);
        self.insert_card_and_edit(editor, rect, rect.x);
    }

    fn insert_card_and_edit(&mut self, editor: &Editor, rect: Rect, row_start: f32) {
        let card = Card::new(ElementId::random(), rect, "", self.new_card_color);
        let id = card.id;
        let insert = Command::insert_on_top(editor.doc(), vec![Element::Card(card)]);
        self.pending.push(Edit::Apply(insert));
        self.select_only(id);
        let mut editing = CardEditing::new(id, String::new(), true, rect);
        editing.row_start = row_start;
        self.editing = Some(editing);
    }

    /// A new card where the pointer is, or in the middle of the view.
    pub fn create_card_at_pointer(&mut self, editor: &Editor) {
        let at = self.pointer_world.unwrap_or_else(|| {
            self.camera
                .transform(self.rect)
                .to_world(self.rect.center())
        });
        self.create_card_at(editor, at);
    }

    /// Starts editing the text of a card, a shape or free text.
    /// Crop mode for picture `id`: its handles move its box over the picture. Escape, Enter or
    /// selecting something else ends it.
    pub fn start_crop(&mut self, editor: &Editor, id: ElementId) {
        self.end_text_editing(editor);
        let ok = editor
            .doc()
            .elements
            .get(id)
            .is_some_and(|e| e.as_picture().is_some() && !e.locked());
        if ok {
            self.select_only(id);
            self.cropping = Some(id);
        }
    }

    pub fn edit_card(&mut self, editor: &Editor, id: ElementId) {
        self.end_text_editing(editor);
        self.pending.push(Edit::Commit);
        let Some(e) = editor.doc().elements.get(id) else {
            return;
        };
        let (text, rect) = match e {
            Element::Card(c) => (&c.text, c.rect),
            Element::Shape(s) => (&s.text, s.rect),
            Element::Text(t) => (&t.text, t.rect),
            Element::Stroke(_)
            | Element::Arrow(_)
            | Element::Illustration(_)
            | Element::Image(_) => return,
        };
        if e.locked() {
            return;
        }
        let editing = CardEditing::new(id, text.clone(), false, rect);
        self.select_only(id);
        self.editing = Some(editing);
    }

    /// A new shape of the shape tool's outline in `rect`, or, for an empty `rect`, of the
    /// usual size centred at `at`; selected and open for typing. The tool goes back to
    /// selecting.
    pub fn create_shape_at(&mut self, editor: &Editor, rect: Rect, at: Point) {
        self.end_text_editing(editor);
        self.pending.push(Edit::Commit);
        let rect = if rect.w > 0.0 && rect.h > 0.0 {
            rect
        } else {
            let (w, h) = DEFAULT_SHAPE_SIZE;
            Rect::centered(at, w, h)
        };
        let outline = match self.tool {
            super::Tool::Shape(o) => o,
            _ => self.shape_outline,
        };
        let mut shape = Shape::new(ElementId::random(), rect, outline);
        shape.fill = Some(self.new_card_color);
        let id = shape.id;
        let insert = Command::insert_on_top(editor.doc(), vec![Element::Shape(shape)]);
        self.pending.push(Edit::Apply(insert));
        self.tool = super::Tool::Select;
        self.select_only(id);
        self.editing = Some(CardEditing::new(id, String::new(), true, rect));
    }

    /// New free text at `at` (its first line's top left), open for typing. An empty one goes
    /// again when the edit ends.
    pub fn create_text_at(&mut self, editor: &Editor, at: Point) {
        self.end_text_editing(editor);
        self.pending.push(Edit::Commit);
        let mut text = Text::new(ElementId::random(), at, "");
        text.rect.y -= text.rect.h / 2.0;
        let id = text.id;
        let rect = text.rect;
        let insert = Command::insert_on_top(editor.doc(), vec![Element::Text(text)]);
        self.pending.push(Edit::Apply(insert));
        self.tool = super::Tool::Select;
        self.select_only(id);
        self.editing = Some(CardEditing::new(id, String::new(), true, rect));
    }

    /// Removes the strokes the eraser touches moving from `a` to `b` (world points), as part
    /// of the open step (one drag is one undo step).
    pub(super) fn erase_along(&mut self, editor: &Editor, a: Point, b: Point, zoom: f32) {
        let radius = ERASER_PX / zoom;
        let area = Rect::from_corners(a, b).expand(radius);
        let doc = editor.doc();
        let mut hits = Vec::new();
        editor.index().query(doc, area, &mut hits);
        let els = doc.elements.as_slice();
        // Strokes already erased this frame are still in the document until it ends.
        let erased: HashSet<ElementId> = self
            .pending
            .iter()
            .filter_map(|e| match e {
                Edit::Apply(c) => Some(c),
                _ => None,
            })
            .flat_map(|c| {
                let mut ids = Vec::new();
                removed(c, &mut ids);
                ids
            })
            .collect();
        let gone: Vec<ElementId> = hits
            .iter()
            .filter_map(|&i| els.get(i))
            .filter(|e| !erased.contains(&e.id()))
            .filter(|e| match e {
                Element::Stroke(s) => !s.locked && s.erased_by(a, b, radius),
                Element::Card(_)
                | Element::Shape(_)
                | Element::Text(_)
                | Element::Arrow(_)
                | Element::Illustration(_)
                | Element::Image(_) => false,
            })
            .map(Element::id)
            .collect();
        // Arrows as they will be: a first erase this frame may have freed one end already.
        let latest = |a: &crate::model::Arrow| {
            self.element(editor, a.id)
                .and_then(Element::as_arrow)
                .cloned()
                .unwrap_or_else(|| a.clone())
        };
        if let Some(cmd) = arrange::erase_from(doc, &gone, latest) {
            self.pending.push(Edit::Apply(cmd));
        }
    }

    /// Moves the selection in the paint order, as one undo step.
    pub fn reorder_selection(&mut self, editor: &Editor, depth: Depth) {
        if let Some(cmd) = arrange::reorder(editor.doc(), &self.selection, depth) {
            self.pending.push(Edit::Step(cmd));
        }
    }

    /// Puts the selection in one group.
    pub fn group_selection(&mut self, editor: &Editor) {
        if let Some(cmd) = arrange::group(editor.doc(), &self.selection) {
            self.pending.push(Edit::Step(cmd));
            self.entered_group = None;
        }
    }

    /// Takes the selection out of its groups.
    pub fn ungroup_selection(&mut self, editor: &Editor) {
        if let Some(cmd) = arrange::ungroup(editor.doc(), &self.selection) {
            self.pending.push(Edit::Step(cmd));
            self.entered_group = None;
        }
    }

    /// Locks the selection, or unlocks it if all of it is locked.
    pub fn toggle_lock(&mut self, editor: &Editor) {
        let all_locked = self
            .selected_in_order(editor.doc())
            .iter()
            .all(|e| e.locked());
        if let Some(cmd) = arrange::set_locked(editor.doc(), &self.selection, !all_locked) {
            self.pending.push(Edit::Step(cmd));
        }
    }

    pub fn align_selection(&mut self, editor: &Editor, how: Alignment) {
        if let Some(cmd) = arrange::align(editor.doc(), &self.selection, how) {
            self.pending.push(Edit::Step(cmd));
        }
    }

    pub fn distribute_selection(&mut self, editor: &Editor, horizontal: bool) {
        if let Some(cmd) = arrange::distribute(editor.doc(), &self.selection, horizontal) {
            self.pending.push(Edit::Step(cmd));
        }
    }

    /// The arranging entries of the context menu (and the panel): order, group, lock, align.
    pub fn arrange_menu(&mut self, ui: &mut egui::Ui, editor: &Editor, lang: Lang) {
        use crate::ui::actions::Action;
        let n = self.selection.len();
        let doc = editor.doc();
        let grouped = self
            .selected_in_order(doc)
            .iter()
            .any(|e| e.group().is_some());
        let locked =
            !self.selection.is_empty() && self.selected_in_order(doc).iter().all(|e| e.locked());
        let boxed = self
            .selected_in_order(doc)
            .iter()
            .filter(|e| e.frame().is_some() && !e.locked())
            .count();
        let mut run = None;
        ui.menu_button(Msg::Arrange.text(lang), |ui| {
            for a in [
                Action::BringForward,
                Action::BringToFront,
                Action::SendBackward,
                Action::SendToBack,
            ] {
                let b = egui::Button::new(a.label(lang))
                    .shortcut_text(a.shortcut_label().unwrap_or_default());
                if ui.add(b).clicked() {
                    run = Some(a);
                    ui.close();
                }
            }
            ui.separator();
            let group = egui::Button::new(Action::Group.label(lang))
                .shortcut_text(Action::Group.shortcut_label().unwrap_or_default());
            if ui.add_enabled(n >= 2, group).clicked() {
                run = Some(Action::Group);
                ui.close();
            }
            let ungroup = egui::Button::new(Action::Ungroup.label(lang))
                .shortcut_text(Action::Ungroup.shortcut_label().unwrap_or_default());
            if ui.add_enabled(grouped, ungroup).clicked() {
                run = Some(Action::Ungroup);
                ui.close();
            }
            let lock_label = if locked { Msg::Unlock } else { Msg::Lock };
            let lock = egui::Button::new(lock_label.text(lang))
                .shortcut_text(Action::ToggleLock.shortcut_label().unwrap_or_default());
            if ui.add(lock).clicked() {
                run = Some(Action::ToggleLock);
                ui.close();
            }
        });
        ui.add_enabled_ui(boxed >= 2, |ui| {
            ui.menu_button(Msg::AlignMenu.text(lang), |ui| {
                if let Some(how) = align_buttons(ui, lang) {
                    self.align_selection(editor, how);
                    ui.close();
                }
                ui.separator();
                if ui
                    .add_enabled(boxed >= 3, egui::Button::new(Msg::DistributeH.text(lang)))
                    .clicked()
                {
                    self.distribute_selection(editor, true);
                    ui.close();
                }
                if ui
                    .add_enabled(boxed >= 3, egui::Button::new(Msg::DistributeV.text(lang)))
                    .clicked()
                {
                    self.distribute_selection(editor, false);
                    ui.close();
                }
            });
        });
        if let Some(a) = run {
            self.requested.push(a);
        }
    }

    /// Changes every selected shape with `f`, as one undo step.
    pub fn update_shapes(&mut self, editor: &Editor, f: impl Fn(&mut Shape)) {
        self.update_selected(editor, Element::as_shape, Element::Shape, f);
    }

    /// Changes every selected free text with `f` (its box refitted), as one undo step.
    pub fn update_texts(&mut self, editor: &Editor, f: impl Fn(&mut Text)) {
        self.update_selected(editor, Element::as_text, Element::Text, |t| {
            f(t);
            t.rect = crate::scene::fitted_text_rect(t);
        });
    }

    /// Changes every selected picture with `f`: as one undo step, or (`live`) as one change
    /// of a drag whose undo step is made when it ends.
    pub fn update_pictures(
        &mut self,
        editor: &Editor,
        live: bool,
        f: impl Fn(&mut crate::model::Picture),
    ) {
        let changed: Vec<Element> = self
            .selected_in_order(editor.doc())
            .into_iter()
            .filter(|e| e.as_picture().is_some() && !e.locked())
            .filter_map(|e| {
                let n = e.with_picture(|p| f(p));
                (n != *e).then_some(n)
            })
            .collect();
        if !changed.is_empty() {
            let cmd = Command::Update(changed);
            self.pending.push(if live {
                Edit::Apply(cmd)
            } else {
                Edit::Step(cmd)
            });
        }
    }

    /// Changes every selected card with `f` as part of the open undo step (typing in a
    /// field; the field ends the step when it loses focus).
    pub fn update_cards_live(&mut self, editor: &Editor, f: impl Fn(&mut Card)) {
        let changed: Vec<Element> = self
            .selected_in_order(editor.doc())
            .into_iter()
            .filter_map(Element::as_card)
            .filter_map(|c| {
                let mut n = c.clone();
                f(&mut n);
                (n != *c).then_some(Element::Card(n))
            })
            .collect();
        if !changed.is_empty() {
            self.pending.push(Edit::Apply(Command::Update(changed)));
        }
    }

    /// Changes every selected stroke with `f`, as one undo step.
    pub fn update_strokes(&mut self, editor: &Editor, f: impl Fn(&mut Stroke)) {
        self.update_selected(editor, Element::as_stroke, Element::Stroke, f);
    }

    /// Ends editing and opens a new card beside the one edited (below it with `below`).
    /// Beside wraps to a new row inside the same phase: a card's phase is where it stands, so
    /// capturing ideas never walks a card over a phase line.
    pub(super) fn next_card(&mut self, editor: &Editor, below: bool) {
        let Some((id, row_start, discarded)) = self
            .editing
            .as_ref()
            .map(|e| (e.id, e.row_start, e.is_new && e.buffer.trim().is_empty()))
        else {
            return;
        };
        self.end_text_editing(editor);
        if discarded {
            // An empty new card goes: Tab on it finishes, it does not walk on.
            return;
        }
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

    /// Deletes the selection, with the arrows bound to it, in one undo step. Locked elements
    /// stay (unlock them first).
    pub fn delete_selection(&mut self, editor: &Editor) {
        let doc = editor.doc();
        let selected: HashSet<ElementId> = self
            .selection
            .iter()
            .copied()
            .filter(|id| doc.elements.get(*id).is_some_and(|e| !e.locked()))
            .collect();
        let mut gone: HashSet<ElementId> = selected.clone();
        gone.extend(
            doc.arrows_bound_to(&selected)
                .into_iter()
                .filter(|id| doc.elements.get(*id).is_some_and(|e| !e.locked())),
        );
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
        // A locked arrow bound to what goes stays, its end freed where it was.
        if let Some(cmd) = arrange::erase(doc, &ids) {
            self.pending.push(Edit::Step(cmd));
        }
        self.selection.clear();
    }

    /// Copies the selection a little down and to the right (see
    /// [`clipboard::duplicate`](crate::edit::clipboard::duplicate)), as one undo step; the
    /// copies are selected.
    pub fn duplicate_selection(&mut self, editor: &Editor) {
        let copies = crate::edit::clipboard::duplicate(editor.doc(), &self.selection);
        if copies.is_empty() {
            return;
        }
        let ids: HashSet<ElementId> = copies.iter().map(Element::id).collect();
        let insert = Command::insert_on_top(editor.doc(), copies);
        self.pending.push(Edit::Step(insert));
        self.selection = ids;
    }

    /// Gives every selected element `color` (see [`arrange::recolor`]).
    pub fn recolor_selection(&mut self, editor: &Editor, color: CardColor) {
        let selected = self.selected_in_order(editor.doc());
        let has_cards = selected
            .iter()
            .any(|e| matches!(e, Element::Card(_) | Element::Shape(_)));
        let pens = selected
            .iter()
            .any(|e| matches!(e, Element::Stroke(s) if !s.highlighter));
        let highlights = selected
            .iter()
            .any(|e| matches!(e, Element::Stroke(s) if s.highlighter));
        if has_cards || self.selection.is_empty() {
            self.new_card_color = color;
        }
        if pens {
            self.pen_color = color;
        }
        if highlights {
            self.highlighter_color = color;
        }
        if let Some(cmd) = arrange::recolor(editor.doc(), &self.selection, color) {
            self.pending.push(Edit::Step(cmd));
        }
        self.remember_arrow_style(editor);
    }

    /// Changes every selected arrow with `f`, as one undo step.
    pub fn update_arrows(&mut self, editor: &Editor, f: impl Fn(&mut Arrow)) {
        self.update_selected(editor, Element::as_arrow, Element::Arrow, f);
        self.remember_arrow_style(editor);
    }

    /// Changes every selected card with `f`, as one undo step.
    pub fn update_cards(&mut self, editor: &Editor, f: impl Fn(&mut Card)) {
        self.update_selected(editor, Element::as_card, Element::Card, f);
    }

    /// Changes every selected element of one kind (`kind` picks it out, `wrap` puts it back)
    /// with `f`, as one undo step; elements `f` leaves as they were are not touched.
    fn update_selected<T: Clone + PartialEq>(
        &mut self,
        editor: &Editor,
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
            self.pending.push(Edit::Step(Command::Update(changed)));
        }
    }

    /// Makes the selected text bold (cards, shapes, free text), or plain again if all of it
    /// is bold already.
    pub fn toggle_bold(&mut self, editor: &Editor) {
        let selected = self.selected_in_order(editor.doc());
        let bold = !selected.iter().filter_map(|e| e.bold()).all(|b| b);
        let changed: Vec<Element> = selected
            .into_iter()
            .filter_map(|e| {
                let mut n = e.with_bold(bold);
                if let Element::Text(t) = &mut n {
                    t.rect = crate::scene::fitted_text_rect(t);
                }
                (n != *e).then_some(n)
            })
            .collect();
        if !changed.is_empty() {
            self.pending.push(Edit::Step(Command::Update(changed)));
        }
    }

    /// Turns the selected arrows round: start becomes end, and heads swap with them.
    pub fn reverse_arrows(&mut self, editor: &Editor) {
        self.update_arrows(editor, |a| {
            std::mem::swap(&mut a.start, &mut a.end);
            std::mem::swap(&mut a.start_head, &mut a.end_head);
            a.bend = -a.bend;
        });
    }

    /// The last selected arrow's look becomes the look of the next new arrow.
    fn remember_arrow_style(&mut self, editor: &Editor) {
        // As it will be once the change just asked for is made.
        let ids: Vec<ElementId> = self
            .selected_in_order(editor.doc())
            .into_iter()
            .map(Element::id)
            .collect();
        let style = ids
            .into_iter()
            .filter_map(|id| self.element(editor, id).and_then(Element::as_arrow))
            .map(ArrowStyle::of)
            .next_back();
        if let Some(style) = style {
            self.last_arrow_style = Some(style);
        }
    }

    pub(super) fn nudge_selection(&mut self, editor: &Editor, dx: f32, dy: f32) {
        let moved: Vec<Element> = self
            .selected_in_order(editor.doc())
            .into_iter()
            .filter(|e| !e.locked())
            .map(|e| e.translated(dx, dy))
            .collect();
        if !moved.is_empty() {
            // Part of the open step: holding an arrow key is one gesture.
            self.pending.push(Edit::Apply(Command::Update(moved)));
        }
    }
}

/// Connecting and moving by keyboard.
impl CanvasView {
    /// Starts connecting the one selected element (not an arrow) to another, picked by Tab:
    /// the first candidate is the next element in reading order. Gives why not, if it cannot.
    pub fn start_connect(&mut self, editor: &Editor) -> Result<(), Msg> {
        let doc = editor.doc();
        let from = match self.single_selected(editor) {
            Some(e) if !matches!(e, Element::Arrow(_)) => e.id(),
            _ => return Err(Msg::ConnectNothing),
        };
        let to = connect_candidate(doc, from, from, true).ok_or(Msg::ConnectNoTarget)?;
        self.connecting = Some((from, to));
        if let Some(e) = doc.elements.get(to) {
            self.camera_follow(doc.bounds_of(e));
        }
        Ok(())
    }

    /// The keys of connect mode; whether they were the canvas's this frame.
    pub(super) fn connect_keys(&mut self, ui: &mut Ui, editor: &Editor) -> bool {
        let Some((from, to)) = self.connecting else {
            return false;
        };
        let doc = editor.doc();
        if doc.elements.get(from).is_none() || doc.elements.get(to).is_none() {
            self.connecting = None;
            return false;
        }
        let (back, next, enter, escape) = ui.input_mut(|i| {
            let back = i.consume_key(Modifiers::SHIFT, Key::Tab);
            let next = i.consume_key(Modifiers::NONE, Key::Tab)
                | i.consume_key(Modifiers::NONE, Key::ArrowRight)
                | i.consume_key(Modifiers::NONE, Key::ArrowDown);
            let back = back
                | i.consume_key(Modifiers::NONE, Key::ArrowLeft)
                | i.consume_key(Modifiers::NONE, Key::ArrowUp);
            let enter = i.consume_key(Modifiers::NONE, Key::Enter);
            (
                back,
                next,
                enter,
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if escape {
            self.connecting = None;
        } else if enter {
            self.connecting = None;
            self.connect(editor, from, to);
        } else if (back || next)
            && let Some(t) = connect_candidate(doc, from, to, next)
        {
            self.connecting = Some((from, t));
            if let Some(e) = doc.elements.get(t) {
                self.camera_follow(doc.bounds_of(e));
            }
        }
        true
    }

    /// An arrow from `from` to `to`, bound to both, in the style of the last arrow; one undo
    /// step. The target is selected, so that the next connection goes on from it.
    pub fn connect(&mut self, editor: &Editor, from: ElementId, to: ElementId) {
        let doc = editor.doc();
        let (Some(a), Some(b)) = (doc.elements.get(from), doc.elements.get(to)) else {
            return;
        };
        let centre = Point::new(0.5, 0.5);
        let start = ArrowEnd::bound(doc.bounds_of(a).center(), from, centre);
        let end = ArrowEnd::bound(doc.bounds_of(b).center(), to, centre);
        let mut arrow = Arrow::new(ElementId::random(), start, end);
        if let Some(last) = self.last_arrow_style {
            last.apply_to(&mut arrow);
        }
        let insert = Command::insert_on_top(doc, vec![Element::Arrow(arrow)]);
        self.pending.push(Edit::Commit);
        self.pending.push(Edit::Step(insert));
        self.select_only(to);
    }

    /// Moves the selection (not what is locked) into the next or previous phase (`lane:
    /// false`) or theme, to the same place in it, kept inside it; one undo step. Whether it
    /// moved.
    pub fn move_across(&mut self, editor: &Editor, lane: bool, forward: bool) -> bool {
        let doc = editor.doc();
        let moving: Vec<&Element> = self
            .selected_in_order(doc)
            .into_iter()
            .filter(|e| !e.locked() && !matches!(e, Element::Arrow(_)))
            .collect();
        let Some(b) = moving
            .iter()
            .map(|e| doc.bounds_of(e))
            .reduce(|a, b| a.union(&b))
        else {
            return false;
        };
        const MARGIN: f32 = 12.0;
        let (dx, dy, area) = if lane {
            let n = doc.lanes.len();
            let target = match (doc.lane_at_y(b.center().y), forward) {
                (Some(i), true) if i + 1 < n => i + 1,
                (Some(i), false) if i > 0 => i - 1,
                (None, false) if n > 0 && b.center().y >= doc.lanes_bottom() => n - 1,
                _ => return false,
            };
            let Some(to) = doc.lane_rect(target) else {
                return false;
            };
            let from_y = doc
                .lane_at_y(b.center().y)
                .and_then(|i| doc.lane_rect(i))
                .map_or(b.y, |r| r.y);
            let y = b.y - from_y + to.y;
            let y = if b.h <= to.h - 2.0 * MARGIN {
                y.clamp(to.y + MARGIN, to.bottom() - MARGIN - b.h)
            } else {
                to.y + MARGIN
            };
            let phase = doc.phase_at_x(b.center().x).map(|p| doc.phase_rect(p));
            let area = match phase {
                // The cell of the phase and the theme.
                Some(p) => Rect::new(p.x, to.y, p.w, to.h),
                None => to,
            };
            (0.0, y - b.y, area)
        } else {
            let Some(phase) = doc.phase_at_x(b.center().x) else {
                return false;
            };
            let i = phase.index();
            let target = if forward {
                PhaseId::ALL.get(i + 1)
            } else {
                i.checked_sub(1).and_then(|j| PhaseId::ALL.get(j))
            };
            let Some(&target) = target else {
                return false;
            };
            let (from, to) = (doc.phase_rect(phase), doc.phase_rect(target));
            let x = b.x - from.x + to.x;
            let x = if b.w <= to.w - 2.0 * MARGIN {
                x.clamp(to.x + MARGIN, to.right() - MARGIN - b.w)
            } else {
                to.x + MARGIN
            };
            let area = match doc.lane_at_y(b.center().y).and_then(|i| doc.lane_rect(i)) {
                Some(l) => Rect::new(to.x, l.y, to.w, l.h),
                None => to,
            };
            (x - b.x, 0.0, area)
        };
        // Not on top of what is there: the nearest free place in the same phase (and theme),
        // so that nothing moved lands hidden under another card.
        let ids: HashSet<ElementId> = moving.iter().map(|e| e.id()).collect();
        let place = free_place(editor, &ids, b.translated(dx, dy), area.expand(-MARGIN));
        let (dx, dy) = match place {
            Some(r) => (r.x - b.x, r.y - b.y),
            // No room: a little down and to the right of the place, and in front, so that
            // what was there and what came both show.
            None => (dx + 24.0, dy + 24.0),
        };
        let mut moved: Vec<Element> = moving.iter().map(|e| e.translated(dx, dy)).collect();
        if place.is_none() {
            let keys =
                crate::model::OrderKey::many_between(doc.elements.top_key(), None, moved.len());
            moved = moved
                .iter()
                .zip(keys)
                .map(|(e, k)| e.with_order(k))
                .collect();
        }
        self.pending.push(Edit::Commit);
        self.pending.push(Edit::Step(Command::Update(moved)));
        self.camera_follow(b.translated(dx, dy));
        true
    }
}

/// The place nearest `want` (same size) inside `area` where no element but `moving` and
/// arrows lies: down the column first, then the next columns; `None` if there is none (or
/// `want` is free already: then `Some(want)`).
fn free_place(
    editor: &Editor,
    moving: &HashSet<ElementId>,
    want: Rect,
    area: Rect,
) -> Option<Rect> {
    const GAP: f32 = 16.0;
    let doc = editor.doc();
    let els = doc.elements.as_slice();
    let mut hits = Vec::new();
    let mut free = |c: &Rect| {
        hits.clear();
        editor.index().query(doc, c.expand(GAP / 2.0), &mut hits);
        !hits.iter().any(|&i| {
            els.get(i).is_some_and(|e| {
                !moving.contains(&e.id())
                    && !matches!(e, Element::Arrow(_))
                    && doc.bounds_of(e).intersects(&c.expand(GAP / 2.0))
            })
        })
    };
    if free(&want) {
        return Some(want);
    }
    // Places on a grid a quarter of the size over the area (and in the wanted row and
    // column), nearest first; the first free one.
    let (step_x, step_y) = (
        ((want.w + GAP) / 4.0).max(24.0),
        ((want.h + GAP) / 4.0).max(24.0),
    );
    let xs: Vec<f32> = std::iter::once(want.x)
        .chain((0..64).map(|c| area.x + c as f32 * step_x))
        .filter(|x| *x >= area.x && x + want.w <= area.right())
        .collect();
    let ys: Vec<f32> = std::iter::once(want.y)
        .chain((0..96).map(|r| area.y + r as f32 * step_y))
        .filter(|y| *y >= area.y && y + want.h <= area.bottom())
        .collect();
    let mut places: Vec<(f32, Rect)> = xs
        .iter()
        .flat_map(|&x| ys.iter().map(move |&y| Rect::new(x, y, want.w, want.h)))
        .map(|c| ((c.x - want.x).hypot(c.y - want.y), c))
        .collect();
    places.sort_by(|a, b| a.0.total_cmp(&b.0));
    places.into_iter().map(|(_, c)| c).find(|c| free(c))
}

/// The element after (or before) `current` in reading order that `from` could connect to:
/// any but `from` itself and arrows.
fn connect_candidate(
    doc: &crate::model::Document,
    from: ElementId,
    current: ElementId,
    forward: bool,
) -> Option<ElementId> {
    let all = doc.reading_order();
    let n = all.len();
    let here = all.iter().position(|&x| x == current);
    // Round the reading order from `current` (from the start if it is not there), once.
    (1..=n)
        .map(|k| match here {
            Some(h) if forward => (h + k) % n,
            Some(h) => (h + n - k) % n,
            None => k - 1,
        })
        .filter_map(|i| all.get(i).copied())
        .find(|&id| id != from && !matches!(doc.elements.get(id), Some(Element::Arrow(_)) | None))
}
