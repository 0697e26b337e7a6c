//! What the canvas draws over the scene (never exported): hover and selection outlines,
//! resize handles, arrow handles, connectors, the rubber band. And the list of elements in
//! view for screen readers.

use super::hit::{ARROW_HANDLE, CONNECTOR, HANDLE, Handle, Side, Target};
use super::{ACCENT, CanvasView, Tool};
use crate::edit::Editor;
use crate::i18n::{Lang, Msg};
use crate::model::arrow;
use crate::model::{Document, Element, Point, Rect, Route};
use crate::scene::{self, Transform};
use egui::{Color32, Painter, Sense, Stroke, StrokeKind, Ui, pos2};

/// Above this many elements in view, they are not listed for screen readers one by one.
const MAX_ACCESSIBLE: usize = 300;

fn card_outline(painter: &Painter, xf: &Transform, r: &Rect, stroke: Stroke) {
    painter.rect_stroke(
        xf.rect_to_screen(r).expand(2.0),
        (scene::CARD_RADIUS * xf.zoom + 2.0).min(255.0),
        stroke,
        StrokeKind::Outside,
    );
}

fn handle_dot(painter: &Painter, at: egui::Pos2, r: f32) {
    painter.circle(at, r, Color32::WHITE, Stroke::new(1.5, ACCENT));
}

impl CanvasView {
    pub(super) fn paint_overlays(
        &self,
        painter: &Painter,
        editor: &Editor,
        xf: &Transform,
        response: &egui::Response,
    ) {
        let doc = editor.doc();
        let faint = Stroke::new(1.5, ACCENT.gamma_multiply(0.55));
        // Hover: a faint outline on the element under the pointer; edges light up.
        if self.gesture.is_idle()
            && let Some(p) = response.hover_pos()
        {
            match self.target_at(editor, xf, p) {
                Target::Element(id) if !self.selection.contains(&id) => {
                    match doc.elements.get(id) {
                        Some(Element::Card(c)) => card_outline(painter, xf, &c.rect, faint),
                        Some(Element::Arrow(a)) => {
                            self.arrow_highlight(painter, editor, xf, a, faint)
                        }
                        None => {}
                    }
                }
                Target::PhaseEdge(id) => {
                    let x = doc.phase_rect(id).right();
                    painter.line_segment(
                        [
                            xf.to_screen(Point::new(x, 0.0)),
                            xf.to_screen(Point::new(x, doc.board.height)),
                        ],
                        Stroke::new(3.0, ACCENT.gamma_multiply(0.7)),
                    );
                }
                Target::BoardBottom => {
                    let b = doc.board_rect();
                    painter.line_segment(
                        [
                            xf.to_screen(Point::new(b.x, b.bottom())),
                            xf.to_screen(Point::new(b.right(), b.bottom())),
                        ],
                        Stroke::new(3.0, ACCENT.gamma_multiply(0.7)),
                    );
                }
                _ => {}
            }
        }
        if let Some(phase) = self.selected_phase {
            painter.rect_stroke(
                xf.rect_to_screen(&doc.phase_rect(phase)),
                0.0,
                Stroke::new(2.0, ACCENT.gamma_multiply(0.6)),
                StrokeKind::Inside,
            );
        }
        // Where a dragged arrow end would bind.
        if let Some(c) = self.gesture.bind_candidate().and_then(|id| doc.card(id)) {
            card_outline(painter, xf, &c.rect, Stroke::new(3.0, ACCENT));
        }
        // Selection, culled to the view.
        let view = xf.rect_to_world(painter.clip_rect());
        let strong = Stroke::new(2.0, ACCENT);
        for e in self.selection.iter().filter_map(|id| doc.elements.get(*id)) {
            if !doc.bounds_of(e).intersects(&view) {
                continue;
            }
            match e {
                Element::Card(c) => card_outline(painter, xf, &c.rect, strong),
                Element::Arrow(a) => self.arrow_highlight(painter, editor, xf, a, strong),
            }
        }
        let editing_any = self.editing.is_some() || self.label_editing.is_some();
        if self.tool == Tool::Select && !editing_any && self.gesture.is_idle() {
            match self.single_selected(editor) {
                Some(Element::Card(c)) => {
                    let r = xf.rect_to_screen(&c.rect);
                    for h in Handle::ALL {
                        let (ax, ay) = h.anchor();
                        let at = pos2(r.left() + ax * r.width(), r.top() + ay * r.height());
                        let hr = egui::Rect::from_center_size(at, egui::Vec2::splat(HANDLE));
                        painter.rect(
                            hr,
                            2.0,
                            Color32::WHITE,
                            Stroke::new(1.5, ACCENT),
                            StrokeKind::Inside,
                        );
                    }
                }
                Some(Element::Arrow(a)) => {
                    let path = arrow::resolve(doc, a);
                    handle_dot(painter, xf.to_screen(path.start()), ARROW_HANDLE);
                    handle_dot(painter, xf.to_screen(path.end()), ARROW_HANDLE);
                    // The bend handle: a diamond, so it reads differently from the ends.
                    let m = xf.to_screen(arrow::bend_handle(
                        &a.label,
                        &path,
                        (ARROW_HANDLE + 3.0) / xf.zoom,
                    ));
                    let d = ARROW_HANDLE * 1.1;
                    let pts = vec![
                        pos2(m.x, m.y - d),
                        pos2(m.x + d, m.y),
                        pos2(m.x, m.y + d),
                        pos2(m.x - d, m.y),
                    ];
                    let fill = if a.route == Route::Straight {
                        Color32::WHITE
                    } else {
                        ACCENT
                    };
                    painter.add(egui::Shape::convex_polygon(
                        pts,
                        fill,
                        Stroke::new(1.5, ACCENT),
                    ));
                }
                None => {}
            }
            // Connectors: pull an arrow out of a card.
            if let Some(c) = self.connector_card(editor).and_then(|id| doc.card(id)) {
                let r = xf.rect_to_screen(&c.rect);
                let hot = response.hover_pos().map(|p| self.target_at(editor, xf, p));
                for side in Side::ALL {
                    let at = side.connector(r, xf.zoom);
                    let active = hot == Some(Target::Connector(c.id, side));
                    let fill = if active { ACCENT } else { Color32::WHITE };
                    painter.circle(at, CONNECTOR, fill, Stroke::new(1.5, ACCENT));
                }
            }
        }
        if let Some(area) = self.gesture.marquee() {
            painter.rect(
                xf.rect_to_screen(&area),
                0.0,
                ACCENT.gamma_multiply(0.08),
                Stroke::new(1.0, ACCENT),
                StrokeKind::Inside,
            );
        }
    }

    /// A wide translucent band along an arrow's line.
    fn arrow_highlight(
        &self,
        painter: &Painter,
        editor: &Editor,
        xf: &Transform,
        a: &crate::model::Arrow,
        stroke: Stroke,
    ) {
        let path = arrow::resolve(editor.doc(), a);
        let pts = scene::arrow_screen_points(&path, xf);
        let w = (a.width.points() * xf.zoom).max(1.0) + 6.0;
        painter.add(egui::Shape::line(
            pts,
            Stroke::new(w, stroke.color.gamma_multiply(0.35)),
        ));
    }

    /// Lists the elements in view for screen readers (and UI tests), each as a node with its
    /// text. Far out, with hundreds in view, they are not listed one by one.
    pub(super) fn describe_elements(
        &self,
        ui: &mut Ui,
        editor: &Editor,
        xf: &Transform,
        lang: Lang,
    ) {
        if self.scene.visible.len() > MAX_ACCESSIBLE {
            return;
        }
        let doc = editor.doc();
        let els = doc.elements.as_slice();
        for e in self.scene.visible.iter().filter_map(|&i| els.get(i)) {
            let rect = match e {
                Element::Card(card) => xf.rect_to_screen(&card.rect),
                Element::Arrow(a) => {
                    let path = arrow::resolve(doc, a);
                    let (s, t) = (xf.to_screen(path.start()), xf.to_screen(path.end()));
                    egui::Rect::from_two_pos(s, t).expand(ARROW_HANDLE)
                }
            };
            let label = element_label(doc, e, lang);
            let rect = rect.intersect(self.rect);
            if !rect.is_positive() {
                continue;
            }
            let id = ui.scope_id().with(("element", e.id().0));
            let r = ui.interact(rect, id, Sense::hover());
            let selected = self.selection.contains(&e.id());
            r.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::ListItem, true, selected, label.clone())
            });
        }
    }
}

/// What a screen reader says for an element: "Kort: text", or an arrow's ends and label.
pub(super) fn element_label(doc: &Document, e: &Element, lang: Lang) -> String {
    let name_of = |id| match doc.card(id) {
        Some(c) if !c.text.is_empty() => c.text.clone(),
        Some(_) => Msg::EmptyCard.text(lang).to_owned(),
        None => "–".to_owned(),
    };
    match e {
        Element::Card(card) => format!("{}: {}", Msg::Card.text(lang), name_of(card.id)),
        Element::Arrow(a) => {
            let from = a.start.bind.map(|b| name_of(b.element));
            let to = a.end.bind.map(|b| name_of(b.element));
            let mut label = crate::i18n::arrow_description(from.as_deref(), to.as_deref(), lang);
            if !a.label.is_empty() {
                label.push_str(": ");
                label.push_str(&a.label);
            }
            label
        }
    }
}

impl CanvasView {
    /// What is selected, in words: the canvas's value for screen readers, so moving the
    /// selection with Tab is heard.
    pub fn selection_description(&self, doc: &Document, lang: Lang) -> String {
        match self.selected_in_order(doc).as_slice() {
            [] => Msg::NothingSelected.text(lang).to_owned(),
            [one] => element_label(doc, one, lang),
            many => crate::i18n::selected(many.len(), lang),
        }
    }
}
