//! Presentation mode: the story told step by step. Nuläge, then Övergång, then Målbild, the
//! camera moving smoothly to each; inside a phase its elements with a step number appear in
//! that order. Presenting reads the document and never changes it.

use crate::model::{Document, Element, ElementId, PhaseId, Rect};
use crate::scene::{self, PaintOptions, SceneCache, Transform};
use crate::spatial::SpatialIndex;
use egui::{Color32, Key, Pos2, Ui, Vec2, vec2};
use std::collections::HashSet;

/// How long the camera takes to move to the next phase, in seconds.
pub const MOVE_SECONDS: f64 = 0.4;
/// How long the laser pointer's trail lasts, in seconds.
const TRAIL_SECONDS: f64 = 0.35;

/// One step of the story: a phase, with its elements up to step `upto` shown (none of its
/// numbered ones at 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub phase: PhaseId,
    pub upto: u32,
}

/// The steps of a document: each phase, then each step number its elements carry.
pub fn steps(doc: &Document) -> Vec<Step> {
    let mut out = Vec::new();
    for phase in PhaseId::ALL {
        out.push(Step { phase, upto: 0 });
        let mut numbers: Vec<u32> = doc
            .elements
            .iter()
            .filter(|e| doc.phase_of(e) == Some(phase))
            .filter_map(Element::step)
            .filter(|&n| n > 0)
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        out.extend(numbers.into_iter().map(|upto| Step { phase, upto }));
    }
    out
}

/// What is not shown yet at `step`: everything of later phases (the story has not got
/// there), and the numbered elements of its phase past it; arrows bound to anything not
/// shown are not shown either.
pub fn hidden_at(doc: &Document, step: Step) -> HashSet<ElementId> {
    let mut hidden: HashSet<ElementId> = doc
        .elements
        .iter()
        .filter(|e| match doc.phase_of(e) {
            Some(p) if p.index() > step.phase.index() => true,
            Some(p) if p == step.phase => e.step().is_some_and(|n| n > step.upto),
            _ => false,
        })
        .map(Element::id)
        .collect();
    hidden.extend(doc.arrows_bound_to(&hidden));
    hidden
}

/// The world area a step frames: its phase, header and the canvas's title band included
/// (a title cut in half at the top of the screen looks broken); the first phase also takes
/// in the themes' titles left of it.
pub fn frame_of(doc: &Document, step: Step) -> Rect {
    let col = doc.phase_rect(step.phase);
    let whole = doc.picture_rect();
    let left = if step.phase == PhaseId::Nulage {
        whole.x
    } else {
        col.x
    };
    Rect::new(left, whole.y, col.right() - left, whole.bottom() - whole.y)
}

/// A camera: where the world origin is on the canvas, and the zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub pan: Vec2,
    pub zoom: f32,
}

impl View {
    /// `world` fitted into a canvas of `size`, with a margin.
    pub fn fitting(world: Rect, size: Vec2) -> View {
        let margin = 24.0;
        let avail = (size - Vec2::splat(2.0 * margin)).max(vec2(20.0, 20.0));
        let zoom = (avail.x / world.w.max(1.0)).min(avail.y / world.h.max(1.0));
        let zoom = if zoom.is_finite() {
            zoom.clamp(0.01, 64.0)
        } else {
            1.0
        };
        let c = world.center();
        View {
            pan: size / 2.0 - vec2(c.x, c.y) * zoom,
            zoom,
        }
    }

    /// Between `a` (t = 0) and `b` (t = 1), eased in and out; the zoom moves evenly in
    /// scale, so a zoom-out and a zoom-in feel alike.
    pub fn between(a: View, b: View, t: f32) -> View {
        let t = t.clamp(0.0, 1.0);
        let e = if t < 0.5 {
            4.0 * t * t * t
        } else {
            1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
        };
        let zoom = (a.zoom.ln() + (b.zoom.ln() - a.zoom.ln()) * e).exp();
        // The world point at the canvas centre moves in a straight line.
        View {
            pan: a.pan + (b.pan - a.pan) * e,
            zoom,
        }
    }
}

/// A presentation under way.
pub struct Presentation {
    steps: Vec<Step>,
    index: usize,
    /// The document as shown at this step (the hidden elements left out), and its index.
    shown: Document,
    spatial: SpatialIndex,
    /// The camera moving: from where, to where, since when.
    moving: Option<(View, View, f64)>,
    view: View,
    /// The canvas size the camera was framed for.
    size: Vec2,
    laser: Vec<(Pos2, f64)>,
    cache: SceneCache,
}

impl Presentation {
    /// Starts at the first step.
    pub fn start(doc: &Document) -> Self {
        let steps = steps(doc);
        let mut p = Presentation {
            steps,
            index: 0,
            shown: doc.clone(),
            spatial: SpatialIndex::build(doc),
            moving: None,
            view: View {
                pan: Vec2::ZERO,
                zoom: 1.0,
            },
            size: Vec2::ZERO,
            laser: Vec::new(),
            cache: SceneCache::default(),
        };
        p.go(doc, 0, None);
        p
    }

    pub fn index(&self) -> usize {
        self.index
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    pub fn step(&self) -> Option<Step> {
        self.steps.get(self.index).copied()
    }

    /// The elements shown now.
    pub fn shown(&self) -> &Document {
        &self.shown
    }

    /// Where the camera is going (or is).
    pub fn target(&self) -> View {
        self.moving.map_or(self.view, |(_, to, _)| to)
    }

    /// The camera now.
    pub fn view(&self) -> View {
        self.view
    }

    /// Goes to step `i` (clamped), the camera moving from where it is when the phase
    /// changes (at time `now`; `None` jumps).
    fn go(&mut self, doc: &Document, i: usize, now: Option<f64>) {
        let i = i.min(self.steps.len().saturating_sub(1));
        let before = self.step();
        self.index = i;
        let Some(step) = self.step() else {
            return;
        };
        let hidden = hidden_at(doc, step);
        let mut shown = doc.clone();
        let kept: Vec<Element> = doc
            .elements
            .iter()
            .filter(|e| !hidden.contains(&e.id()))
            .cloned()
            .collect();
        // The same elements minus some: no id can be there twice.
        if let Ok(els) = crate::model::Elements::from_vec(kept) {
            shown.elements = els;
        }
        self.spatial = SpatialIndex::build(&shown);
        self.shown = shown;
        if before.map(|b| b.phase) != Some(step.phase) || now.is_none() {
            let to = View::fitting(frame_of(doc, step), self.size);
            match now {
                Some(t) if self.size != Vec2::ZERO => self.moving = Some((self.view, to, t)),
                _ => {
                    self.view = to;
                    self.moving = None;
                }
            }
        }
    }

    /// Handles the keys of a presenter (and of clickers, which send arrows, Page Up/Down,
    /// space and Backspace); returns false when the presentation is left (Escape).
    pub fn keys(&mut self, ui: &Ui, doc: &Document) -> bool {
        let now = ui.input(|i| i.time);
        let (next, prev, home, end, leave) = ui.input(|i| {
            let any = |keys: &[Key]| keys.iter().any(|k| i.key_pressed(*k));
            (
                any(&[
                    Key::ArrowRight,
                    Key::ArrowDown,
                    Key::PageDown,
                    Key::Space,
                    Key::Enter,
                ]),
                any(&[Key::ArrowLeft, Key::ArrowUp, Key::PageUp, Key::Backspace]),
                any(&[Key::Home]),
                any(&[Key::End]),
                any(&[Key::Escape]),
            )
        });
        if leave {
            return false;
        }
        if next && self.index + 1 < self.steps.len() {
            self.go(doc, self.index + 1, Some(now));
        } else if prev && self.index > 0 {
            self.go(doc, self.index - 1, Some(now));
        } else if home {
            self.go(doc, 0, Some(now));
        } else if end {
            self.go(doc, self.steps.len().saturating_sub(1), Some(now));
        }
        true
    }

    /// Draws the step, full size, with the laser pointer and the "3 / 12" indicator.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        pictures: &mut dyn scene::Pictures,
        lang: crate::lang::Lang,
    ) {
        let rect = ui.max_rect();
        let now = ui.input(|i| i.time);
        if self.size != rect.size() {
            // Framed (again) for this size: at the start, and when the window changes.
            self.size = rect.size();
            if let Some(step) = self.step() {
                self.view = View::fitting(frame_of(&self.shown, step), self.size);
                self.moving = None;
            }
        }
        if let Some((from, to, since)) = self.moving {
            let t = ((now - since) / MOVE_SECONDS) as f32;
            if t >= 1.0 {
                self.view = to;
                self.moving = None;
            } else {
                self.view = View::between(from, to, t);
                ui.ctx().request_repaint();
            }
        }
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, Color32::WHITE);
        let xf = Transform {
            origin: rect.min + self.view.pan,
            zoom: self.view.zoom,
        };
        let options = PaintOptions {
            hidden_text: None,
            phase_tints: true,
            marks: true,
            lang,
            faded: None,
            highlighted: None,
        };
        scene::paint(
            &painter,
            &self.shown,
            &self.spatial,
            &xf,
            &options,
            &mut self.cache,
            pictures,
        );
        self.laser(ui, &painter, now);
        // Where we are, small, in a corner (a label: screen readers say it too).
        let text = format!("{} / {}", self.index + 1, self.steps.len());
        let spot = egui::Rect::from_min_max(
            rect.right_bottom() - vec2(110.0, 44.0),
            rect.right_bottom() - vec2(12.0, 10.0),
        );
        ui.put(spot, |ui: &mut Ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                egui::Frame::new()
                    .fill(Color32::from_white_alpha(220))
                    .corner_radius(8.0)
                    .inner_margin(egui::Margin::symmetric(8, 4))
                    .show(ui, |ui| {
                        ui.label(
                            egui::RichText::new(text)
                                .size(16.0)
                                .color(Color32::from_gray(70)),
                        )
                    })
                    .inner
            })
            .inner
        });
    }

    /// A red dot follows the pointer while a button is held, with a short fading trail.
    fn laser(&mut self, ui: &Ui, painter: &egui::Painter, now: f64) {
        let (down, pos) = ui.input(|i| (i.pointer.any_down(), i.pointer.latest_pos()));
        if down && let Some(p) = pos {
            self.laser.push((p, now));
        }
        self.laser.retain(|(_, t)| now - t < TRAIL_SECONDS);
        for pair in self.laser.windows(2) {
            let [(a, _), (b, tb)] = [pair[0], pair[1]];
            let fade = (1.0 - (now - tb) / TRAIL_SECONDS).clamp(0.0, 1.0) as f32;
            painter.line_segment(
                [a, b],
                egui::Stroke::new(
                    6.0 * fade,
                    Color32::from_rgba_unmultiplied(230, 30, 40, (160.0 * fade) as u8),
                ),
            );
        }
        if down && let Some(p) = pos {
            painter.circle_filled(p, 14.0, Color32::from_rgba_unmultiplied(230, 30, 40, 60));
            painter.circle_filled(p, 7.0, Color32::from_rgb(230, 30, 40));
        }
        if !self.laser.is_empty() {
            ui.ctx().request_repaint();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, CardColor};

    fn card(doc: &mut Document, id: u64, x: f32, step: Option<u32>) {
        let mut c = Card::new(
            ElementId(id),
            Rect::new(x, 200.0, 100.0, 60.0),
            "x",
            CardColor::Yellow,
        );
        c.step = step;
        doc.elements.push(Element::Card(c));
    }

    #[test]
    fn steps_go_phase_by_phase_and_number_by_number() {
        let mut doc = Document::new();
        let o = doc.phase_rect(PhaseId::Overgang).x;
        card(&mut doc, 1, 50.0, None);
        card(&mut doc, 2, o + 50.0, Some(2));
        card(&mut doc, 3, o + 250.0, Some(5));
        card(&mut doc, 4, o + 450.0, Some(2));
        let m = doc.phase_rect(PhaseId::Malbild).x;
        card(&mut doc, 6, m + 50.0, None);
        let s = steps(&doc);
        assert_eq!(
            s,
            vec![
                Step {
                    phase: PhaseId::Nulage,
                    upto: 0
                },
                Step {
                    phase: PhaseId::Overgang,
                    upto: 0
                },
                Step {
                    phase: PhaseId::Overgang,
                    upto: 2
                },
                Step {
                    phase: PhaseId::Overgang,
                    upto: 5
                },
                Step {
                    phase: PhaseId::Malbild,
                    upto: 0
                },
            ]
        );
        let ids = |set: HashSet<ElementId>| {
            let mut v: Vec<u64> = set.into_iter().map(|i| i.0).collect();
            v.sort_unstable();
            v
        };
        assert_eq!(ids(hidden_at(&doc, s[0])), [2, 3, 4, 6]);
        assert_eq!(ids(hidden_at(&doc, s[2])), [3, 6]);
        assert!(hidden_at(&doc, s[4]).is_empty());
    }

    #[test]
    fn the_camera_eases_from_one_view_to_the_next() {
        let a = View {
            pan: vec2(0.0, 0.0),
            zoom: 1.0,
        };
        let b = View {
            pan: vec2(100.0, 0.0),
            zoom: 4.0,
        };
        assert_eq!(View::between(a, b, 0.0), a);
        let end = View::between(a, b, 1.0);
        assert!((end.zoom - 4.0).abs() < 1e-4 && (end.pan.x - 100.0).abs() < 1e-3);
        let mid = View::between(a, b, 0.5);
        assert!((mid.zoom - 2.0).abs() < 1e-3, "{mid:?}");
        // Slow at the ends, fast in the middle.
        let early = View::between(a, b, 0.1).pan.x;
        assert!(early < 10.0, "{early}");
    }

    #[test]
    fn a_view_fits_the_phase_with_a_margin() {
        let v = View::fitting(Rect::new(0.0, 0.0, 800.0, 400.0), vec2(1280.0, 720.0));
        assert!((v.zoom - (1280.0 - 48.0) / 800.0).abs() < 1e-4);
    }
}
