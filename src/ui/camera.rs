//! The camera: which part of the world the canvas shows, and how large. View state only;
//! never saved in the document.

use crate::model::Rect;
use crate::scene::Transform;
use egui::{Pos2, Vec2, vec2};

/// The lowest zoom of an ordinary board; a board too large to see whole at it may be seen
/// further out (see [`Camera::floor`]).
pub const MIN_ZOOM: f32 = 0.1;
pub const MAX_ZOOM: f32 = 8.0;
/// The lowest zoom of any board: 1 point in 200 world points.
pub const LEAST_ZOOM: f32 = 0.005;
/// Zoom factor of one step of Ctrl+plus/minus or the toolbar buttons.
pub const ZOOM_STEP: f32 = 1.25;
/// Zoom factor of one click of the mouse wheel with Ctrl (about 10 %, as in Figma and Miro).
pub const WHEEL_STEP: f32 = 1.1;
/// Space left around what is framed to fit the view, in screen points.
pub const FIT_MARGIN: f32 = 12.0;

/// A camera framing request, carried out when the canvas knows its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Framing {
    /// Show this world rectangle, as large as fits.
    Fit(Rect),
    /// Zoom by a factor around the canvas centre.
    ZoomBy(f32),
    /// Set this zoom around the canvas centre.
    ZoomTo(f32),
}

#[derive(Clone, Debug)]
pub struct Camera {
    /// Where the world origin is, relative to the canvas's top-left corner, in screen points.
    pub pan: Vec2,
    /// Screen points per world point, within [`Camera::floor`] and [`MAX_ZOOM`].
    pub zoom: f32,
    /// A framing to carry out on the next frame.
    pub pending: Option<Framing>,
    /// What was last framed to fit, as long as the view has not been moved since: the
    /// framing is kept when the canvas changes size (the window is resized, a panel hidden).
    pub fitted: Option<Rect>,
    /// The canvas size the view was last laid out for.
    size: Vec2,
    /// What there is to see (the board and every element), for how far out the view goes.
    pub extent: Option<Rect>,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            pan: vec2(40.0, 40.0),
            zoom: 1.0,
            pending: None,
            fitted: None,
            size: Vec2::ZERO,
            extent: None,
        }
    }
}

impl Camera {
    /// The lowest zoom: [`MIN_ZOOM`], or where a larger board needs it, low enough to see
    /// all of it (and a little room around), down to [`LEAST_ZOOM`].
    pub fn floor(&self) -> f32 {
        let Some(world) = self.extent else {
            return MIN_ZOOM;
        };
        let avail = (self.size - Vec2::splat(2.0 * FIT_MARGIN)).max(vec2(20.0, 20.0));
        let fits = (avail.x / world.w.max(1.0)).min(avail.y / world.h.max(1.0)) * 0.8;
        if fits.is_finite() {
            fits.clamp(LEAST_ZOOM, MIN_ZOOM)
        } else {
            MIN_ZOOM
        }
    }

    pub fn transform(&self, canvas: egui::Rect) -> Transform {
        Transform {
            origin: canvas.min + self.pan,
            zoom: self.zoom,
        }
    }

    /// Moves the view by `delta` screen points.
    pub fn pan_by(&mut self, delta: Vec2) {
        if delta != Vec2::ZERO {
            self.pan += delta;
            self.fitted = None;
        }
    }

    /// Zooms by `factor`, keeping the world point under `anchor` (a screen position) still.
    pub fn zoom_at(&mut self, canvas: egui::Rect, anchor: Pos2, factor: f32) {
        self.fitted = None;
        let new = (self.zoom * factor).clamp(self.floor(), MAX_ZOOM);
        if !new.is_finite() || new == self.zoom {
            return;
        }
        let a = anchor - canvas.min;
        self.pan = a - (a - self.pan) * (new / self.zoom);
        self.zoom = new;
    }

    /// Frames `world` in the canvas with a margin of `margin` screen points.
    pub fn fit(&mut self, canvas: egui::Rect, world: Rect, margin: f32) {
        let avail = (canvas.size() - Vec2::splat(2.0 * margin)).max(vec2(20.0, 20.0));
        let zoom = (avail.x / world.w.max(1.0))
            .min(avail.y / world.h.max(1.0))
            .clamp(self.floor(), MAX_ZOOM);
        if !zoom.is_finite() {
            return;
        }
        self.zoom = zoom;
        let c = world.center();
        self.pan = canvas.size() / 2.0 - vec2(c.x, c.y) * zoom;
        self.fitted = Some(world);
    }

    /// Carries out a pending framing, now that the canvas size is known; keeps a fitted view
    /// fitted when the canvas has changed size.
    pub fn apply_pending(&mut self, canvas: egui::Rect) {
        let resized = self.size != canvas.size();
        self.size = canvas.size();
        if self.pending.is_none()
            && resized
            && let Some(world) = self.fitted
        {
            self.pending = Some(Framing::Fit(world));
        }
        match self.pending.take() {
            Some(Framing::Fit(r)) => self.fit(canvas, r, FIT_MARGIN),
            Some(Framing::ZoomBy(f)) => self.zoom_at(canvas, canvas.center(), f),
            Some(Framing::ZoomTo(z)) => self.zoom_at(canvas, canvas.center(), z / self.zoom),
            None => {}
        }
        // The board has shrunk (or the window grown) since: no further out than it needs.
        let floor = self.floor();
        if self.zoom < floor {
            let fitted = self.fitted;
            self.zoom_at(canvas, canvas.center(), floor / self.zoom);
            self.fitted = fitted;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Point;
    use egui::pos2;

    fn canvas() -> egui::Rect {
        egui::Rect::from_min_size(pos2(100.0, 50.0), vec2(800.0, 600.0))
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let mut cam = Camera::default();
        let anchor = pos2(400.0, 300.0);
        let before = cam.transform(canvas()).to_world(anchor);
        cam.zoom_at(canvas(), anchor, 2.0);
        let after = cam.transform(canvas()).to_world(anchor);
        assert!((before.x - after.x).abs() < 1e-3 && (before.y - after.y).abs() < 1e-3);
        assert_eq!(cam.zoom, 2.0);
    }

    #[test]
    fn zoom_is_clamped() {
        let mut cam = Camera::default();
        cam.zoom_at(canvas(), pos2(0.0, 0.0), 1000.0);
        assert_eq!(cam.zoom, MAX_ZOOM);
        cam.zoom_at(canvas(), pos2(0.0, 0.0), 1e-9);
        assert_eq!(cam.zoom, MIN_ZOOM);
    }

    #[test]
    fn a_board_too_large_for_the_lowest_zoom_can_be_seen_whole() {
        let mut cam = Camera::default();
        cam.apply_pending(canvas());
        // An ordinary board: 10 % is as far as it goes.
        cam.extent = Some(Rect::new(0.0, 0.0, 4000.0, 3000.0));
        assert_eq!(cam.floor(), MIN_ZOOM);
        // A board of 50,000 elements, 36,000 points tall: it fits, with room around it.
        let large = Rect::new(0.0, 0.0, 13_000.0, 36_000.0);
        cam.extent = Some(large);
        cam.fit(canvas(), large, FIT_MARGIN);
        let xf = cam.transform(canvas());
        assert!(xf.rect_to_screen(&large).height() <= canvas().height());
        assert!(cam.zoom < MIN_ZOOM && cam.zoom > cam.floor());
        cam.zoom_at(canvas(), pos2(0.0, 0.0), 1e-9);
        assert_eq!(cam.zoom, cam.floor());
        // Something absurd stops at the least zoom.
        cam.extent = Some(Rect::new(0.0, 0.0, 1e12, 1e12));
        assert_eq!(cam.floor(), LEAST_ZOOM);
        // The board small again: the view comes back in to the ordinary floor.
        cam.extent = Some(Rect::new(0.0, 0.0, 4000.0, 3000.0));
        cam.apply_pending(canvas());
        assert_eq!(cam.zoom, MIN_ZOOM);
    }

    #[test]
    fn fit_centres_the_rect() {
        let mut cam = Camera::default();
        let world = Rect::new(0.0, 0.0, 2000.0, 500.0);
        cam.fit(canvas(), world, 0.0);
        let xf = cam.transform(canvas());
        let c = xf.to_screen(Point::new(1000.0, 250.0));
        assert!((c - canvas().center()).length() < 1e-3);
        assert!((cam.zoom - 0.4).abs() < 1e-6);
    }
}
