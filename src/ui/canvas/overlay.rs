//! What the canvas draws over the scene (never exported): hover and selection outlines,
//! resize handles, arrow handles, connectors, the rubber band. And the list of elements in
//! view for screen readers.

use super::gesture::Gesture;
use super::hit::{ARROW_HANDLE, CONNECTOR, HANDLE, Handle, Target, handle_pos, rotate_handle_pos};
use super::{ACCENT, CanvasView, Tool};
use crate::edit::Editor;
use crate::i18n::{Lang, Msg};
use crate::model::arrow;
use crate::model::{Document, Element, Frame, Point, Rect, Route};
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

/// The outline of a turned box, a little outside it.
fn frame_outline(painter: &Painter, xf: &Transform, f: &Frame, stroke: Stroke) {
    let grown = Frame::new(f.rect.expand(2.0 / xf.zoom), f.rotation);
    let pts: Vec<egui::Pos2> = grown.corners().iter().map(|&p| xf.to_screen(p)).collect();
    painter.add(egui::Shape::closed_line(pts, stroke));
}

/// Colour of the snap guides: magenta, apart from every palette colour.
const GUIDE: Color32 = Color32::from_rgb(0xd6, 0x1f, 0x8a);

fn handle_dot(painter: &Painter, at: egui::Pos2, r: f32) {
    painter.circle(at, r, Color32::WHITE, Stroke::new(1.5, ACCENT));
}

impl CanvasView {
    /// In crop mode, the whole picture shows faintly around the part kept, with its edge.
    pub(super) fn paint_crop(&mut self, painter: &Painter, editor: &Editor, xf: &Transform) {
        let Some(id) = self.cropping else {
            return;
        };
        let doc = editor.doc();
        let Some(p) = self
            .element(editor, id)
            .and_then(Element::as_picture)
            .cloned()
        else {
            return;
        };
        let ppp = painter.pixels_per_point();
        let mut whole = super::hit::uncropped(&p);
        whole.opacity = p.opacity * 0.35;
        crate::scene::pictures::paint_picture(
            painter,
            &doc.files,
            &whole,
            xf,
            ppp,
            &mut self.pictures,
        );
        crate::scene::pictures::paint_picture(painter, &doc.files, &p, xf, ppp, &mut self.pictures);
        let mut ring: Vec<_> = whole
            .frame()
            .corners()
            .iter()
            .map(|c| xf.to_screen(*c))
            .collect();
        if let Some(first) = ring.first().copied() {
            ring.push(first);
        }
        painter.extend(egui::Shape::dashed_line(
            &ring,
            Stroke::new(1.5, ACCENT),
            6.0,
            4.0,
        ));
    }

    pub(super) fn paint_overlays(
        &self,
        painter: &Painter,
        editor: &Editor,
        xf: &Transform,
        response: &egui::Response,
    ) {
        let doc = editor.doc();
        // A theme dragged by its title: its cell lifted, and the band it would go to.
        if let Some((lane, at)) = self.gesture.lane_move() {
            if let Some(to) = super::gesture::lane_drop(doc, at.y)
                && let Some(band) = doc.lane_rect(to)
            {
                let w = crate::model::LANE_TITLE_WIDTH;
                let whole = crate::model::Rect::new(band.x - w, band.y, band.w + w, band.h);
                let r = xf.rect_to_screen(&whole);
                painter.rect_stroke(r, 0.0, Stroke::new(3.0, ACCENT), egui::StrokeKind::Inside);
            }
            if let Some(cell) = doc.lane_title_rect(lane) {
                let lifted = xf
                    .rect_to_screen(&cell)
                    .translate(egui::vec2(0.0, (at.y - cell.center().y) * xf.zoom));
                painter.rect_filled(lifted, 4.0, ACCENT.gamma_multiply(0.25));
            }
        }
        // Connecting by keyboard: the arrow it would make, and the element it would go to.
        if let Some((from, to)) = self.connecting
            && let (Some(a), Some(b)) = (doc.elements.get(from), doc.elements.get(to))
        {
            let (p, q) = (
                xf.to_screen(doc.bounds_of(a).center()),
                xf.to_screen(doc.bounds_of(b).center()),
            );
            painter.extend(egui::Shape::dashed_line(
                &[p, q],
                Stroke::new(3.0, ACCENT),
                10.0,
                6.0,
            ));
            self.outline_element(painter, editor, xf, b, Stroke::new(4.0, ACCENT));
        }
        let faint = Stroke::new(1.5, ACCENT.gamma_multiply(0.55));
        // Hover: a faint outline on the element under the pointer; edges light up.
        if self.gesture.is_idle()
            && let Some(p) = response.hover_pos()
        {
            match self.target_at(editor, xf, p) {
                Target::Element(id) if !self.selection.contains(&id) => {
                    if let Some(e) = doc.elements.get(id) {
                        self.outline_element(painter, editor, xf, e, faint);
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
                Target::LaneEdge(i) => {
                    if let Some(r) = doc.lane_rect(i) {
                        let left = r.x - crate::model::LANE_TITLE_WIDTH;
                        painter.line_segment(
                            [
                                xf.to_screen(Point::new(left, r.bottom())),
                                xf.to_screen(Point::new(r.right(), r.bottom())),
                            ],
                            Stroke::new(3.0, ACCENT.gamma_multiply(0.7)),
                        );
                    }
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
        if let Some(e) = self
            .gesture
            .bind_candidate()
            .and_then(|id| doc.elements.get(id))
        {
            self.outline_element(painter, editor, xf, e, Stroke::new(3.0, ACCENT));
        }
        // Selection, culled to the view.
        let view = xf.rect_to_world(painter.clip_rect());
        let strong = Stroke::new(2.0, ACCENT);
        for e in self.selection.iter().filter_map(|id| doc.elements.get(*id)) {
            if !doc.bounds_of(e).intersects(&view) {
                continue;
            }
            let stroke = if e.locked() {
                Stroke::new(2.0, Color32::GRAY)
            } else {
                strong
            };
            self.outline_element(painter, editor, xf, e, stroke);
        }
        let editing_any = self.editing.is_some() || self.label_editing.is_some();
        if self.tool == Tool::Select && !editing_any && self.gesture.is_idle() {
            match self.single_selected(editor) {
                Some(
                    e @ (Element::Card(_)
                    | Element::Shape(_)
                    | Element::Text(_)
                    | Element::Stroke(_)),
                ) if !e.locked() => {
                    let Some(f) = e.frame() else {
                        return;
                    };
                    if e.turns() {
                        let top = handle_pos(&f, Handle::N, xf);
                        let knob = rotate_handle_pos(&f, xf);
                        painter.line_segment([top, knob], Stroke::new(1.5, ACCENT));
                        handle_dot(painter, knob, ARROW_HANDLE);
                    }
                    for &h in super::hit::handles_of(e) {
                        let at = handle_pos(&f, h, xf);
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
                Some(_) | None => {}
            }
            // Connectors: pull an arrow out of an element.
            if let Some((id, r)) = self.connector_card(editor).and_then(|id| {
                doc.elements
                    .get(id)
                    .and_then(Element::rect)
                    .map(|r| (id, r))
            }) {
                let r = xf.rect_to_screen(&r);
                let hot = response.hover_pos().map(|p| self.target_at(editor, xf, p));
                for side in self.connector_sides(editor, id) {
                    let at = side.connector(r, xf.zoom);
                    let active = hot == Some(Target::Connector(id, side));
                    let fill = if active { ACCENT } else { Color32::WHITE };
                    painter.circle(at, CONNECTOR, fill, Stroke::new(1.5, ACCENT));
                }
            }
        }
        // Several selected together: one box with handles to resize them all.
        if self.tool == Tool::Select
            && !editing_any
            && self.gesture.is_idle()
            && let Some(b) = self.selection_box(editor)
        {
            let f = Frame::upright(b);
            let r = xf.rect_to_screen(&b.expand(4.0 / xf.zoom));
            painter.rect_stroke(
                r,
                0.0,
                Stroke::new(1.0, ACCENT.gamma_multiply(0.7)),
                StrokeKind::Middle,
            );
            for h in Handle::ALL {
                let at = handle_pos(&f, h, xf);
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
        // Snap guides while dragging.
        for (a, b) in &self.guides {
            painter.line_segment(
                [xf.to_screen(*a), xf.to_screen(*b)],
                Stroke::new(1.0, GUIDE),
            );
        }
        // The pen line being drawn, and the eraser under the pointer.
        if let Gesture::Pen { points } = &self.gesture {
            let w = self.pen_width.points(self.tool == Tool::Highlighter) * xf.zoom;
            let c = if self.tool == Tool::Highlighter {
                scene::color32(self.highlighter_color.highlight()).gamma_multiply(0.55)
            } else {
                scene::color32(self.pen_color.line())
            };
            let pts: Vec<egui::Pos2> = points.iter().map(|&p| xf.to_screen(p)).collect();
            painter.add(egui::Shape::line(pts, Stroke::new(w.max(1.0), c)));
        }
        if self.tool == Tool::Eraser
            && let Some(p) = response.hover_pos()
        {
            painter.circle_stroke(
                p,
                super::edits::ERASER_PX,
                Stroke::new(1.5, Color32::from_gray(90)),
            );
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

    /// Outlines an element: a box around it (turned with it), or a band along an arrow.
    fn outline_element(
        &self,
        painter: &Painter,
        editor: &Editor,
        xf: &Transform,
        e: &Element,
        stroke: Stroke,
    ) {
        match (e, e.frame()) {
            (Element::Card(c), _) => card_outline(painter, xf, &c.rect, stroke),
            (Element::Arrow(a), _) => self.arrow_highlight(painter, editor, xf, a, stroke),
            (_, Some(f)) => frame_outline(painter, xf, &f, stroke),
            (_, None) => {}
        }
    }

    /// The grid: a dot every [`GRID`](super::GRID) points on the board, when they are far
    /// enough apart on screen to help.
    pub(super) fn paint_grid(&self, painter: &Painter, doc: &Document, xf: &Transform) {
        let step = super::GRID * xf.zoom;
        if !self.grid || step < 8.0 {
            return;
        }
        let view = xf.rect_to_world(painter.clip_rect());
        let board = doc.board_rect();
        let x0 = (view.x.max(board.x) / super::GRID).ceil() as i64;
        let x1 = (view.right().min(board.right()) / super::GRID).floor() as i64;
        let y0 = (view.y.max(board.y) / super::GRID).ceil() as i64;
        let y1 = (view.bottom().min(board.bottom()) / super::GRID).floor() as i64;
        if x1 < x0 || y1 < y0 || (x1 - x0 + 1) * (y1 - y0 + 1) > 40_000 {
            return;
        }
        let dot = Color32::from_black_alpha(60);
        for gx in x0..=x1 {
            for gy in y0..=y1 {
                let p = xf.to_screen(Point::new(gx as f32 * super::GRID, gy as f32 * super::GRID));
                painter.rect_filled(
                    egui::Rect::from_center_size(p, egui::vec2(1.5, 1.5)),
                    0.0,
                    dot,
                );
            }
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
            let rect = match (e, e.frame()) {
                (Element::Arrow(a), _) => {
                    let path = arrow::resolve(doc, a);
                    let (s, t) = (xf.to_screen(path.start()), xf.to_screen(path.end()));
                    egui::Rect::from_two_pos(s, t).expand(ARROW_HANDLE)
                }
                (_, Some(f)) => xf.rect_to_screen(&f.bounds()),
                (_, None) => xf.rect_to_screen(&doc.bounds_of(e)),
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

/// What a screen reader says for an element: "Kort: text", "Form, moln: text", or an
/// arrow's ends and label; "låst" and "i grupp" where they hold.
pub fn element_label(doc: &Document, e: &Element, lang: Lang) -> String {
    let mut label = kind_label(doc, e, lang);
    if e.locked() {
        label.push_str(&format!(" ({})", Msg::Locked.text(lang)));
    }
    if e.group().is_some() {
        label.push_str(&format!(" ({})", Msg::Grouped.text(lang)));
    }
    label
}

/// What a picture shows, in words: its name, or the library item's name in `lang`.
fn picture_name(p: &crate::model::Picture, lang: Lang) -> String {
    match crate::picture::library::get(&p.source) {
        Some(item)
            if p.name.is_empty()
                || p.name == item.name(Lang::Sv)
                || p.name == item.name(Lang::En) =>
        {
            item.name(lang).to_owned()
        }
        _ if !p.name.is_empty() => p.name.clone(),
        _ => Msg::NoDescription.text(lang).to_owned(),
    }
}

fn kind_label(doc: &Document, e: &Element, lang: Lang) -> String {
    let name_of = |id| match doc.elements.get(id) {
        Some(Element::Card(c)) if c.text.is_empty() => Msg::EmptyCard.text(lang).to_owned(),
        Some(Element::Shape(s)) if s.text.is_empty() => {
            crate::i18n::outline_name(s.outline, lang).to_owned()
        }
        Some(Element::Stroke(_)) => Msg::PenStroke.text(lang).to_owned(),
        Some(Element::Illustration(p) | Element::Image(p)) => picture_name(p, lang),
        Some(other) => other.text().unwrap_or_default().to_owned(),
        None => "–".to_owned(),
    };
    match e {
        Element::Card(card) => {
            // Where it is and how it goes: "Kort: text (Nuläge, tema Vård nära, Pågår)".
            let mut parts = Vec::new();
            if let Some(p) = doc.phase_of(e) {
                parts.push(crate::i18n::phase_name(p, lang).to_owned());
            }
            if let Some(lane) = doc.lane_of(e).and_then(|i| doc.lanes.get(i)) {
                parts.push(crate::tr!(lang, "in-theme", theme = lane.title.as_str()));
            }
            if let Some(s) = card.status {
                parts.push(s.word(lang).to_owned());
            }
            if let Some(p) = card.priority {
                parts.push(crate::tr!(lang, "with-priority", priority = p.word(lang)));
            }
            let text = format!("{}: {}", Msg::Card.text(lang), name_of(card.id));
            match parts.is_empty() {
                true => text,
                false => format!("{text} ({})", parts.join(", ")),
            }
        }
        Element::Shape(s) => {
            let kind = crate::i18n::outline_name(s.outline, lang).to_lowercase();
            let text = if s.text.is_empty() {
                Msg::EmptyShape.text(lang)
            } else {
                &s.text
            };
            format!("{}, {kind}: {text}", Msg::Shape.text(lang))
        }
        Element::Text(t) => format!("{}: {}", Msg::FreeText.text(lang), t.text),
        Element::Stroke(s) => {
            let kind = if s.highlighter {
                Msg::HighlightStroke
            } else {
                Msg::PenStroke
            };
            format!(
                "{}, {}",
                kind.text(lang),
                crate::i18n::colour_name(s.color, lang)
            )
        }
        Element::Illustration(p) => {
            format!(
                "{}: {}",
                Msg::Illustration.text(lang),
                picture_name(p, lang)
            )
        }
        Element::Image(p) => format!("{}: {}", Msg::Image.text(lang), picture_name(p, lang)),
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
