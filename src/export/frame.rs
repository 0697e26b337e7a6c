//! Draws a document with the scene painter into a headless egui context — no window, no GPU —
//! and hands back the shapes, their triangle meshes and the textures they use.

use super::pictures::ExportPictures;
use super::raster::Texture;
use crate::model::Document;
use crate::scene::{self, PaintOptions, SceneCache, Transform};
use crate::spatial::SpatialIndex;
use egui::epaint::{ClippedPrimitive, ClippedShape, ImageData, TextureId};
use egui::{Pos2, RawInput, Vec2, pos2};
use std::collections::HashMap;

/// One frame of a document, drawn.
pub struct Frame {
    pub shapes: Vec<ClippedShape>,
    pub textures: HashMap<TextureId, Texture>,
    /// The picture each picture texture shows, and whether as a one-colour mask.
    pub pictures: HashMap<TextureId, (crate::model::FileId, bool)>,
    /// The context that laid it out: tessellating needs its font atlas.
    ctx: egui::Context,
    pub pixels_per_point: f32,
}

impl Frame {
    /// The frame as triangle meshes (positions in points).
    pub fn tessellate(&mut self) -> Vec<ClippedPrimitive> {
        self.ctx
            .tessellate(std::mem::take(&mut self.shapes), self.pixels_per_point)
    }
}

/// What to draw and how: the area of the world, how large, and what goes behind.
///
/// The frame is drawn as the canvas draws the world at zoom `zoom` on a screen of one pixel
/// per point: the export at scale 2 is exactly what the canvas shows at 200 %, text laid out
/// at that size, lines as thin as there.
pub struct View {
    /// The world rectangle that fills the frame.
    pub world: crate::model::Rect,
    /// Pixels per world point.
    pub zoom: f32,
    /// Draw the phases' tinted columns.
    pub phase_tints: bool,
    /// Draw follow-up badges and voting dots.
    pub marks: bool,
}

fn apply_deltas(textures: &mut HashMap<TextureId, Texture>, delta: &mut egui::TexturesDelta) {
    for (id, deltas) in delta.set.drain() {
        for d in deltas {
            let ImageData::Color(img) = &d.image;
            let [w, h] = img.size;
            let pixels = img.pixels.iter().map(|c| c.to_array()).collect::<Vec<_>>();
            match d.pos {
                None => {
                    textures.insert(
                        id,
                        Texture {
                            width: w,
                            height: h,
                            pixels,
                        },
                    );
                }
                Some([x0, y0]) => {
                    if let Some(t) = textures.get_mut(&id) {
                        for y in 0..h {
                            for x in 0..w {
                                if x0 + x < t.width && y0 + y < t.height {
                                    t.pixels[(y0 + y) * t.width + x0 + x] = pixels[y * w + x];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    for id in delta.free.drain() {
        textures.remove(&id);
    }
}

/// Draws `doc` as seen through `view` and returns the frame.
pub fn draw(doc: &Document, view: &View) -> Frame {
    let ctx = egui::Context::default();
    scene::fonts::install(&ctx);
    let size = Vec2::new(view.world.w, view.world.h) * view.zoom;
    let input = || {
        let mut raw = RawInput {
            screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, size)),
            max_texture_side: Some(8192),
            ..Default::default()
        };
        raw.viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(1.0);
        raw
    };
    let mut textures = HashMap::new();
    // The first pass takes the fonts in; the second draws with them.
    let mut warm = ctx.run_ui(input(), |_| {});
    apply_deltas(&mut textures, &mut warm.textures_delta);
    let index = SpatialIndex::build(doc);
    let xf = Transform {
        origin: pos2(-view.world.x * view.zoom, -view.world.y * view.zoom),
        zoom: view.zoom,
    };
    let options = PaintOptions {
        hidden_text: None,
        phase_tints: view.phase_tints,
        marks: view.marks,
        lang: crate::lang::Lang::current(),
        faded: None,
        highlighted: None,
    };
    let mut cache = SceneCache::default();
    let mut pictures = ExportPictures::default();
    let mut out = ctx.run_ui(input(), |ui| {
        scene::paint(
            ui.painter(),
            doc,
            &index,
            &xf,
            &options,
            &mut cache,
            &mut pictures,
        );
    });
    apply_deltas(&mut textures, &mut out.textures_delta);
    // The pictures a pass asked for are read (then drawn) together; then the pass again.
    for _ in 0..2 {
        if !pictures.has_new() {
            break;
        }
        pictures.draw(super::threads());
        out = ctx.run_ui(input(), |ui| {
            scene::paint(
                ui.painter(),
                doc,
                &index,
                &xf,
                &options,
                &mut cache,
                &mut pictures,
            );
        });
        apply_deltas(&mut textures, &mut out.textures_delta);
    }
    let (drawn, shows) = pictures.into_textures();
    textures.extend(drawn);
    Frame {
        shapes: std::mem::take(&mut out.shapes),
        textures,
        pictures: shows,
        pixels_per_point: out.pixels_per_point,
        ctx,
    }
}
