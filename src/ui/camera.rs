//! The camera: which part of the world the canvas shows, and how large. View state only;
//! never saved in the document.

use crate::model::Rect;
use crate::scene::Transform;
use egui::{Pos2, Vec2, vec2};

pub const MIN_ZOOM: f32 = 0.1;
pub const MAX_ZOOM: f32 = 8.0;
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
    /// Screen points per world point, within [`MIN_ZOOM`, `MAX_ZOOM`].
    pub zoom: f32,
    /// A framing to carry out on the next frame.
    pub pending: Option<Framing>,
    /// What was last framed to fit, as long as the view has not been moved since: the
    /// framing is kept when the canvas changes size (the window is resized, a panel hidden).
    pub fitted: Option<Rect>,
    /// The canvas size the view was last laid out for.
    size: Vec2,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            pan: vec2(40.0, 40.0),
            zoom: 1.0,
            pending: None,
            fitted: None,
            size: Vec2::ZERO,
        }
    }
}

impl Camera {
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
        let new = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
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
            .clamp(MIN_ZOOM, MAX_ZOOM);
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
