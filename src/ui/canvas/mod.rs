//! The canvas: camera, selection, tools, pointer gestures, in-place text editing, and the
//! overlays drawn over the scene (selection, handles, connectors, rubber band). It never
//! changes the document itself: it reads it through the [`Editor`] and puts the changes it
//! wants (`pending`: commands, and where undo steps end) for the app to apply after the UI
//! pass, in order. Until then, [`CanvasView::element`] answers with an element as it will be.
//!
//! - `hit`: what is under the pointer;
//! - `gesture`: presses, drags and clicks;
//! - `edits`: the document changes the canvas makes (new card, delete, recolour, …);
//! - `text`: editing card text, phase titles and arrow labels in place;
//! - `overlay`: selection and handles, and the elements listed for screen readers.

mod edits;
mod gesture;
mod hit;
mod overlay;
mod text;
mod vote;
pub use overlay::element_label;

pub use edits::{ArrowStyle, align_buttons};
pub use hit::{Handle, Side, Target, uncropped};
pub use text::{CardEditing, LabelEditing, TitleEditing};

use super::camera::{Camera, Framing};
use crate::edit::{Edit, Editor};
use crate::i18n::{Lang, Msg};
use crate::model::{
    CardColor, Document, Element, ElementId, GroupId, Outline, PenWidth, PhaseId, Point,
};
use crate::scene::{self, PaintOptions};
use egui::{Color32, CursorIcon, Key, Modifiers, PointerButton, Pos2, Sense, Ui, Vec2, vec2};
use gesture::Gesture;
use std::collections::HashSet;

pub use super::widgets::ACCENT;

/// The spacing of the grid, in world points.
pub const GRID: f32 = 20.0;

/// What a drag on the canvas does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tool {
    /// Select, move, resize and turn; pull arrows out of an element's connectors.
    #[default]
    Select,
    /// Drag from one element to another to draw an arrow.
    Arrow,
    /// Drag (or click) to place a shape of this outline.
    Shape(Outline),
    /// Click to write free text.
    Text,
    /// Draw freehand.
    Pen,
    /// Draw wide, see-through lines.
    Highlighter,
    /// Drag over strokes to remove them.
    Eraser,
}

impl Tool {
    /// Tools that stay on after use (a drawing tool draws stroke after stroke).
    pub fn stays(self) -> bool {
        matches!(self, Tool::Pen | Tool::Highlighter | Tool::Eraser)
    }
}

/// All view state of the canvas. Nothing here is saved in the document.
#[derive(Debug)]
pub struct CanvasView {
    pub camera: Camera,
    pub tool: Tool,
    pub selection: HashSet<ElementId>,
    pub selected_phase: Option<PhaseId>,
    pub editing: Option<CardEditing>,
    pub title_editing: Option<TitleEditing>,
    pub label_editing: Option<LabelEditing>,
    /// The colour of the next new card (the last one picked).
    pub new_card_color: CardColor,
    /// How the next new arrow looks (as the last one set).
    pub last_arrow_style: Option<edits::ArrowStyle>,
    /// The outline the shape tool places (the last one picked).
    pub shape_outline: Outline,
    /// The pen's colour, and the highlighter's (yellow to begin with, as on paper).
    pub pen_color: CardColor,
    pub highlighter_color: CardColor,
    /// The width of both.
    pub pen_width: PenWidth,
    /// Moved elements snap to the edges and middles of others (Alt while dragging: not).
    pub snap: bool,
    /// A grid of dots every [`GRID`] points; moved elements snap to it.
    pub grid: bool,
    /// The group clicked into (a double-click on a member): its members are picked one by one.
    pub entered_group: Option<GroupId>,
    /// The lines the last snap lined up on, shown while dragging (world points).
    guides: Vec<(Point, Point)>,
    /// The keyboard's modifiers at the last pointer event (Shift turns in steps, Alt does
    /// not snap).
    modifiers: Modifiers,
    gesture: Gesture,
    /// A card pressed with Shift that was already selected: a click (no drag) deselects it.
    deselect_on_click: Option<ElementId>,
    /// The card under the pointer (its connectors show), kept while the pointer is on them.
    hovered_card: Option<ElementId>,
    /// The last pointer position over the canvas, in world points.
    pub pointer_world: Option<Point>,
    /// Where the context menu was opened, in world points.
    context_at: Option<Point>,
    /// The canvas's screen rectangle in the last frame.
    pub rect: egui::Rect,
    /// The canvas's widget id: with keyboard focus, it takes Tab and the arrow keys.
    canvas_id: Option<egui::Id>,
    framed_once: bool,
    scene: scene::SceneCache,
    /// A dialog is in front: the canvas takes no keys (Esc, Enter and the rest are the
    /// dialog's).
    pub input_blocked: bool,
    /// Actions asked for from the canvas (its context menu), for the app to run.
    pub requested: Vec<crate::ui::actions::Action>,
    /// Where the next paste goes, if asked for at a place (the context menu's "Paste here").
    pub paste_at: Option<Point>,
    /// Changes the panels asked for this frame, for the app to apply after the UI pass.
    pub pending: Vec<crate::edit::Edit>,
    /// The picture whose crop is being changed: its handles move its box over the picture.
    pub cropping: Option<ElementId>,
    /// The pictures' textures.
    pub pictures: crate::ui::pictures::PictureCache,
    /// Dot voting: the dots the person voting now has given in the open round.
    pub voter: vote::Voter,
    /// The follow-up filter (what fades, what is ringed).
    pub filter: crate::ui::filter::Filter,
    /// Connecting by keyboard: the element the arrow goes from and the one it would go to
    /// (Tab picks another, Enter connects, Esc stops).
    pub connecting: Option<(ElementId, ElementId)>,
    /// Whether text was being typed on the canvas last frame.
    was_editing: bool,
    /// Whether the canvas got the keyboard by keyboard (Tab, typing ended), not by a click.
    keyboard_focus: bool,
    /// A click asked for the keyboard: the focus that follows is the pointer's.
    focus_by_pointer: bool,
}

impl Default for CanvasView {
    fn default() -> Self {
        Self {
            camera: Camera::default(),
            tool: Tool::Select,
            selection: HashSet::new(),
            selected_phase: None,
            editing: None,
            title_editing: None,
            label_editing: None,
            new_card_color: CardColor::default(),
            last_arrow_style: None,
            shape_outline: Outline::Rectangle,
            pen_color: CardColor::Navy,
            highlighter_color: CardColor::Yellow,
            pen_width: PenWidth::Medium,
            snap: true,
            grid: false,
            entered_group: None,
            guides: Vec::new(),
            modifiers: Modifiers::NONE,
            gesture: Gesture::Idle,
            deselect_on_click: None,
            hovered_card: None,
            pointer_world: None,
            context_at: None,
            rect: egui::Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 720.0)),
            canvas_id: None,
            framed_once: false,
            scene: scene::SceneCache::default(),
            input_blocked: false,
            requested: Vec::new(),
            paste_at: None,
            pending: Vec::new(),
            cropping: None,
            connecting: None,
            was_editing: false,
            keyboard_focus: false,
            focus_by_pointer: false,
            pictures: Default::default(),
            voter: Default::default(),
            filter: Default::default(),
        }
    }
}

/// The zoom asked for this frame by the wheel with Ctrl (or Cmd) held — a step of
/// [`WHEEL_STEP`](super::camera::WHEEL_STEP) a click, or in proportion for a touchpad's finer
/// movements — and by pinching.
fn wheel_zoom(i: &egui::InputState) -> f32 {
    use super::camera::WHEEL_STEP;
    let mut factor = 1.0_f32;
    for e in &i.events {
        match e {
            egui::Event::MouseWheel {
                unit,
                delta,
                modifiers,
                ..
            } if modifiers.command || modifiers.ctrl => {
                let lines = match unit {
                    egui::MouseWheelUnit::Line => delta.y + delta.x,
                    // Touchpads move in points: 40 points count as a click.
                    egui::MouseWheelUnit::Point => (delta.y + delta.x) / 40.0,
                    egui::MouseWheelUnit::Page => (delta.y + delta.x) * 10.0,
                };
                factor *= WHEEL_STEP.powf(lines.clamp(-20.0, 20.0));
            }
            egui::Event::Zoom(f) if f.is_finite() && *f > 0.0 => factor *= f,
            _ => {}
        }
    }
    factor
}

impl CanvasView {
    /// Frames the whole document on the next frame.
    pub fn fit_all(&mut self, doc: &Document) {
        self.camera.pending = Some(Framing::Fit(doc.bounds()));
    }

    pub fn zoom_to_phase(&mut self, doc: &Document, phase: PhaseId) {
        self.camera.pending = Some(Framing::Fit(doc.phase_rect(phase)));
    }

    /// Forgets everything tied to the previous document.
    pub fn reset_for(&mut self, doc: &Document) {
        *self = CanvasView {
            new_card_color: self.new_card_color,
            last_arrow_style: self.last_arrow_style,
            shape_outline: self.shape_outline,
            pen_color: self.pen_color,
            highlighter_color: self.highlighter_color,
            pen_width: self.pen_width,
            snap: self.snap,
            grid: self.grid,
            ..Default::default()
        };
        self.fit_all(doc);
    }

    /// How many elements the last frame drew.
    pub fn visible_count(&self) -> usize {
        self.scene.visible.len()
    }

    pub fn is_editing_text(&self) -> bool {
        self.editing.is_some() || self.title_editing.is_some() || self.label_editing.is_some()
    }

    /// Whether keys go to the canvas: it has keyboard focus, or nothing else has.
    pub fn has_keyboard(&self, ctx: &egui::Context) -> bool {
        ctx.memory(|m| m.focused()).is_none() || self.has_focus(ctx)
    }

    /// Whether the canvas itself has keyboard focus (it was clicked or tabbed to).
    fn has_focus(&self, ctx: &egui::Context) -> bool {
        self.canvas_id
            .is_some_and(|id| ctx.memory(|m| m.has_focus(id)))
    }

    /// Selects the next element in reading order (or the previous one), after the
    /// selection, and brings it into view. With nothing selected it starts at either end.
    pub fn select_next(&mut self, doc: &Document, forward: bool) {
        let order = doc.reading_order();
        let selected = |id: &ElementId| self.selection.contains(id);
        let next = if forward {
            match order.iter().rposition(selected) {
                Some(i) => order.get((i + 1) % order.len()),
                None => order.first(),
            }
        } else {
            match order.iter().position(selected) {
                Some(i) => order.get((i + order.len() - 1) % order.len()),
                None => order.last(),
            }
        };
        let Some(&id) = next else {
            return;
        };
        self.select_only(id);
        if let Some(e) = doc.elements.get(id) {
            self.camera_follow(doc.bounds_of(e));
        }
    }

    /// The lines the moved elements snapped to, shown while dragging (world points).
    pub fn guides(&self) -> &[(Point, Point)] {
        &self.guides
    }

    /// Whether a gesture that changes the document is under way (not a pan or a rubber band).
    pub fn is_writing(&self) -> bool {
        !matches!(
            self.gesture,
            Gesture::Idle | Gesture::Pan | Gesture::Marquee { .. }
        )
    }

    /// Whether a pointer gesture is under way.
    pub fn is_gesturing(&self) -> bool {
        !matches!(self.gesture, Gesture::Idle)
    }

    /// The selected elements in paint order.
    pub fn selected_in_order<'a>(&self, doc: &'a Document) -> Vec<&'a Element> {
        if self.selection.is_empty() {
            return Vec::new();
        }
        doc.elements
            .iter()
            .filter(|e| self.selection.contains(&e.id()))
            .collect()
    }

    pub fn select_only(&mut self, id: ElementId) {
        self.selection.clear();
        self.selection.insert(id);
        self.selected_phase = None;
    }

    /// Selects `id` and, unless its group was entered, the rest of its group.
    pub fn select_with_group(&mut self, doc: &Document, id: ElementId, add: bool) {
        if !add {
            self.selection.clear();
        }
        let group = doc.elements.get(id).and_then(Element::group);
        if group.is_some() && group == self.entered_group {
            self.selection.insert(id);
        } else {
            let one = std::iter::once(id).collect();
            self.selection
                .extend(crate::edit::arrange::with_groups(doc, &one));
            self.entered_group = None;
        }
        self.selected_phase = None;
    }

    pub fn select_all(&mut self, doc: &Document) {
        self.selection = doc.elements.iter().map(Element::id).collect();
        self.selected_phase = None;
    }

    /// Drops ids that no longer exist (after undo, redo or delete), keeping those of elements
    /// asked for this frame and not yet in the document.
    pub fn prune_selection(&mut self, doc: &Document) {
        let pending: std::collections::HashSet<ElementId> = self.pending_ids();
        let here = |id: &ElementId| doc.elements.contains(*id) || pending.contains(id);
        self.selection.retain(here);
        if self.editing.as_ref().is_some_and(|e| !here(&e.id)) {
            self.editing = None;
        }
        if self.label_editing.as_ref().is_some_and(|e| !here(&e.id)) {
            self.label_editing = None;
        }
    }

    /// The ids of the elements the changes asked for this frame put in or change.
    fn pending_ids(&self) -> std::collections::HashSet<ElementId> {
        let mut ids = Vec::new();
        for e in &self.pending {
            if let Edit::Apply(c) | Edit::Step(c) = e {
                c.touched(&mut ids);
            }
        }
        ids.into_iter().collect()
    }

    /// An element as it will be once this frame's changes are applied (a new card being typed
    /// into is not in the document until then), or as it is.
    pub fn element<'a>(&'a self, editor: &'a Editor, id: ElementId) -> Option<&'a Element> {
        fn find(cmd: &crate::edit::Command, id: ElementId) -> Option<&Element> {
            use crate::edit::Command;
            match cmd {
                Command::Insert(els) | Command::Update(els) => {
                    els.iter().rev().find(|e| e.id() == id)
                }
                Command::Batch(cmds) => cmds.iter().rev().find_map(|c| find(c, id)),
                _ => None,
            }
        }
        self.pending
            .iter()
            .rev()
            .find_map(|e| match e {
                Edit::Apply(c) | Edit::Step(c) => find(c, id),
                Edit::Commit | Edit::Rollback => None,
            })
            .or_else(|| editor.doc().elements.get(id))
    }

    /// The colour shared by all selected elements, if they share one.
    pub fn current_color(&self, doc: &Document) -> Option<CardColor> {
        let mut colors = self
            .selected_in_order(doc)
            .into_iter()
            .filter_map(Element::color);
        let first = colors.next()?;
        colors.all(|c| c == first).then_some(first)
    }

    /// Switches tools, ending what the other tool was doing.
    pub fn set_tool(&mut self, editor: &Editor, tool: Tool) {
        self.end_text_editing(editor);
        if let Tool::Shape(o) = tool {
            self.shape_outline = o;
        }
        self.tool = tool;
    }

    /// The colour the pen or highlighter in hand draws with.
    pub fn drawing_color(&self) -> CardColor {
        if self.tool == Tool::Highlighter {
            self.highlighter_color
        } else {
            self.pen_color
        }
    }

    /// Picks `tool`, or goes back to selecting if it is picked already.
    pub fn toggle_tool(&mut self, editor: &Editor, tool: Tool) {
        let next = if self.tool == tool {
            Tool::Select
        } else {
            tool
        };
        self.set_tool(editor, next);
    }

    // ---------------------------------------------------------------- the frame

    /// Shows the canvas in the whole of `ui`'s remaining space.
    pub fn show(&mut self, ui: &mut Ui, editor: &Editor, lang: Lang) {
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        self.canvas_id = Some(response.id);
        self.pictures.begin_frame(ui.ctx());
        // A press on the canvas gives it the keyboard (Tab then walks its elements); with
        // focus it keeps Tab and the arrow keys from egui's focus moves. Escape leaves it.
        let by_pointer = (response.clicked() || response.drag_started()) && !self.is_editing_text();
        if by_pointer {
            response.request_focus();
        }
        // Typing on the canvas ended (Esc, Ctrl+Enter) with nothing else taking the keyboard:
        // the canvas has it again, so Tab goes on walking its elements.
        let editing = self.is_editing_text();
        if self.was_editing && !editing && ui.memory(|m| m.focused().is_none()) {
            response.request_focus();
        }
        self.was_editing = editing;
        // Focus reached by keyboard shows as a ring round the canvas (a click shows itself).
        let pointer =
            by_pointer || ui.input(|i| i.pointer.any_pressed() || i.pointer.any_released());
        if pointer {
            self.keyboard_focus = false;
            self.focus_by_pointer = true;
        } else if response.gained_focus() {
            self.keyboard_focus = !std::mem::take(&mut self.focus_by_pointer);
        }
        if response.has_focus() {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    response.id,
                    egui::EventFilter {
                        tab: true,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: false,
                    },
                );
            });
        }
        response.widget_info(|| {
            let mut info =
                egui::WidgetInfo::labeled(egui::Role::Canvas, true, Msg::Canvas.text(lang));
            info.current_text_value = Some(self.selection_description(editor.doc(), lang));
            info
        });
        self.rect = rect;
        if !self.framed_once {
            self.framed_once = true;
            if self.camera.pending.is_none() {
                self.fit_all(editor.doc());
            }
        }
        let doc = editor.doc();
        let picture = doc.picture_rect();
        self.camera.extent = Some(
            editor
                .index()
                .extent()
                .map_or(picture, |e| e.union(&picture)),
        );
        self.camera.apply_pending(rect);

        self.handle_camera_input(ui, &response, rect);
        let xf = self.camera.transform(rect);
        self.pointer_world = response.hover_pos().map(|p| xf.to_world(p));

        if !self.is_editing_text() && !self.input_blocked && self.has_keyboard(ui.ctx()) {
            self.handle_keys(ui, editor);
        }
        // While a voting round is open, a click gives a dot rather than selecting.
        if !self.handle_voting(ui, &response, editor, &xf) {
            self.handle_pointer(ui, &response, editor, &xf);
            self.handle_context_menu(&response, editor, &xf, lang);
        }
        self.prune_selection(editor.doc());

        // Paint: desk, scene, overlays, then the text editors on top.
        let painter = ui.painter_at(rect);
        let desk = if ui.visuals().dark_mode {
            Color32::from_rgb(0x1b, 0x1d, 0x21)
        } else {
            Color32::from_rgb(0xdf, 0xe3, 0xe8)
        };
        painter.rect_filled(rect, 0.0, desk);
        let (faded, highlighted) = self.filter.sets(editor.doc(), editor.revision());
        let options = PaintOptions {
            phase_tints: true,
            marks: true,
            lang,
            faded,
            highlighted,
            hidden_text: self
                .editing
                .as_ref()
                .map(|e| e.id)
                .or(self.label_editing.as_ref().map(|e| e.id)),
        };
        scene::paint(
            &painter,
            editor.doc(),
            editor.index(),
            &xf,
            &options,
            &mut self.scene,
            &mut self.pictures,
        );
        self.paint_grid(&painter, editor.doc(), &xf);
        self.paint_crop(&painter, editor, &xf);
        self.paint_overlays(&painter, editor, &xf, &response);
        if self.keyboard_focus && response.has_focus() {
            let ring = ui.visuals().selection.stroke.color;
            painter.rect_stroke(
                rect.shrink(1.5),
                0.0,
                egui::Stroke::new(3.0, ring),
                egui::StrokeKind::Inside,
            );
        }
        self.describe_elements(ui, editor, &xf, lang);
        self.show_card_editor(ui, editor, &xf, lang);
        self.show_title_editor(ui, editor, &xf, lang);
        self.show_label_editor(ui, editor, &xf, lang);
    }

    fn handle_camera_input(&mut self, ui: &Ui, response: &egui::Response, rect: egui::Rect) {
        if let Some(hover) = response.hover_pos() {
            let (zoom, scroll) = ui.input(|i| (wheel_zoom(i), i.smooth_scroll_delta));
            if zoom != 1.0 {
                self.camera.zoom_at(rect, hover, zoom);
            }
            self.camera.pan_by(scroll);
        }
        let space = ui.input(|i| i.key_down(Key::Space)) && !ui.ctx().text_edit_focused();
        if response.dragged_by(PointerButton::Middle)
            || (space && response.dragged_by(PointerButton::Primary))
            || matches!(self.gesture, Gesture::Pan)
        {
            self.camera.pan_by(response.drag_delta());
        }
        if response.drag_started_by(PointerButton::Middle)
            || (space && response.drag_started_by(PointerButton::Primary))
        {
            self.gesture = Gesture::Pan;
        }
        if matches!(self.gesture, Gesture::Pan) {
            ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
        } else if space && response.hovered() {
            ui.ctx().set_cursor_icon(CursorIcon::Grab);
        }
    }

    fn handle_keys(&mut self, ui: &mut Ui, editor: &Editor) {
        if let Some(id) = self.cropping {
            let alone = self.selection.len() == 1 && self.selection.contains(&id);
            let there = editor.doc().elements.get(id).is_some();
            if !alone || !there || ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
                self.cropping = None;
            }
        }
        if self.connecting.is_some() && self.connect_keys(ui, editor) {
            return;
        }
        // Tab walks the elements only while the canvas has focus; otherwise it is egui's,
        // moving between the buttons and fields.
        let focused = self.has_focus(ui.ctx());
        let (step, arrows, escape, tab) = ui.input_mut(|i| {
            let step = if i.modifiers.shift { 10.0 } else { 1.0 };
            let mut d = Vec2::ZERO;
            for (key, v) in [
                (Key::ArrowLeft, vec2(-1.0, 0.0)),
                (Key::ArrowRight, vec2(1.0, 0.0)),
                (Key::ArrowUp, vec2(0.0, -1.0)),
                (Key::ArrowDown, vec2(0.0, 1.0)),
            ] {
                let n = i.count_and_consume_key(Modifiers::NONE, key)
                    + i.count_and_consume_key(Modifiers::SHIFT, key);
                d += v * n as f32;
            }
            let tab = if !focused {
                None
            } else if i.consume_key(Modifiers::SHIFT, Key::Tab) {
                // (Checked first: a plain Tab pattern would match Shift+Tab too.)
                Some(false)
            } else if i.consume_key(Modifiers::NONE, Key::Tab) {
                Some(true)
            } else {
                None
            };
            (step, d, i.consume_key(Modifiers::NONE, Key::Escape), tab)
        });
        if let Some(forward) = tab {
            self.select_next(editor.doc(), forward);
        }
        if arrows != Vec2::ZERO && !self.selection.is_empty() {
            self.nudge_selection(editor, arrows.x * step, arrows.y * step);
        }
        if escape {
            if self.is_writing() {
                // Escape mid-gesture puts back what it changed.
                self.gesture = Gesture::Idle;
                self.pending.push(Edit::Rollback);
            } else if self.is_gesturing() {
                self.gesture = Gesture::Idle;
            } else if self.tool != Tool::Select {
                self.tool = Tool::Select;
            } else if self.cropping.take().is_some() {
                // Out of crop mode; the picture stays selected.
            } else if self.entered_group.take().is_some() {
                // Out of the group again: the whole group selected.
                let ids = self.selection.clone();
                self.selection = crate::edit::arrange::with_groups(editor.doc(), &ids);
            } else {
                self.selection.clear();
                self.selected_phase = None;
            }
        }
    }
}
