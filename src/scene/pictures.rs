//! Painting pictures (illustrations and images). The pixels come from a [`Pictures`]: the
//! canvas's cache, which draws them off the UI thread, or the export, which draws each at the
//! export's own scale. Until a picture is ready a quiet placeholder shows; a picture that
//! cannot be read is a visible "missing picture" box, never left out.

use super::{Transform, color32};
use crate::model::{FileData, FileId, Picture, Rgba};
use egui::epaint::{Mesh, Shape, TextureId, Vertex};
use egui::{Color32, Painter, Pos2, Stroke, pos2};

/// What a [`Pictures`] has for a picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureTexture {
    /// This part of this texture (texture coordinates, 0–1) shows the whole picture: all of
    /// it, or a cell of an atlas of small pictures.
    Ready(TextureId, egui::Rect),
    /// Being drawn; ask again next frame.
    Loading,
    /// It cannot be read (or the document does not hold it).
    Missing,
}

/// What a [`Pictures`] knows of a picture's colour on the whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureColor {
    /// Its pixels averaged (premultiplied): what it looks like a few pixels large.
    Ready(Color32),
    /// Being worked out; ask again next frame.
    Loading,
    /// It cannot be read (or the document does not hold it).
    Missing,
}

/// The average of premultiplied RGBA pixels.
pub fn average(rgba: &[u8]) -> Color32 {
    let mut sum = [0u64; 4];
    let mut n = 0u64;
    for px in rgba.chunks_exact(4) {
        for (s, &c) in sum.iter_mut().zip(px) {
            *s += u64::from(c);
        }
        n += 1;
    }
    let n = n.max(1);
    let [r, g, b, a] = sum.map(|s| ((s + n / 2) / n).min(255) as u8);
    Color32::from_rgba_premultiplied(r.min(a), g.min(a), b.min(a), a)
}

/// Where the painter gets pictures' pixels from.
pub trait Pictures {
    /// A texture of the whole picture `id` (whose bytes are `data`, if the document holds
    /// them) for drawing it `w` × `h` pixels large; `mask`: a one-colour picture, white where
    /// it has ink, to be tinted.
    fn texture(
        &mut self,
        id: &FileId,
        data: Option<&FileData>,
        w: f32,
        h: f32,
        mask: bool,
    ) -> PictureTexture;

    /// The colour of the picture `id` on the whole, for drawing it when it is only a few
    /// pixels large; `mask` as for [`Pictures::texture`].
    fn average(&mut self, id: &FileId, data: Option<&FileData>, mask: bool) -> PictureColor;
}

/// No pictures: everything is still loading (for previews that do not show them).
pub struct NoPictures;

impl Pictures for NoPictures {
    fn texture(
        &mut self,
        _: &FileId,
        _: Option<&FileData>,
        _: f32,
        _: f32,
        _: bool,
    ) -> PictureTexture {
        PictureTexture::Loading
    }

    fn average(&mut self, _: &FileId, _: Option<&FileData>, _: bool) -> PictureColor {
        PictureColor::Loading
    }
}

/// Below this many pixels on its longer side a picture is drawn as one patch of its average
/// colour, in the one mesh far out (the eye cannot tell, and a texture each costs a draw
/// call each).
pub const DOT_BELOW: f32 = 4.0;

/// The side a [`Pictures`] draws a picture at to know its average colour.
pub const AVERAGE_SIDE: f32 = 16.0;

/// Whether `p` is drawn as a patch of its average colour through `xf`.
pub fn is_dot(p: &Picture, xf: &Transform, pixels_per_point: f32) -> bool {
    p.rect.w.max(p.rect.h) * xf.zoom * pixels_per_point < DOT_BELOW
}

/// The colour of `p` drawn as a patch: its average, tinted and faded as its texture would
/// be; a placeholder's while that is not known (and whether it is its colour for good).
pub fn dot_color(
    files: &crate::model::Files,
    p: &Picture,
    pictures: &mut dyn Pictures,
) -> (Color32, bool) {
    match pictures.average(&p.file, files.get(&p.file), p.tint.is_some()) {
        PictureColor::Ready(c) => (c * vertex_color(p), true),
        PictureColor::Loading => (color32(LOADING), false),
        // (Not for good: the document may yet get its bytes, with no element touched.)
        PictureColor::Missing => (color32(MISSING_FILL), false),
    }
}

/// The colour a picture's texture is multiplied by: its tint (strong shade) or white, faded
/// by its opacity; premultiplied.
pub fn vertex_color(p: &Picture) -> Color32 {
    let base = match p.tint {
        Some(t) => color32(t.line()),
        None => Color32::WHITE,
    };
    base.gamma_multiply(p.opacity.clamp(0.0, 1.0))
}

/// The whole of a texture, in texture coordinates.
pub const WHOLE: egui::Rect = egui::Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));

/// Paints `p` as seen through `xf` (`pixels_per_point`: of the screen it is drawn on).
pub fn paint_picture(
    painter: &Painter,
    files: &crate::model::Files,
    p: &Picture,
    xf: &Transform,
    pixels_per_point: f32,
    pictures: &mut dyn Pictures,
) {
    paint_pictures(painter, files, [p], xf, pixels_per_point, pictures);
}

/// Paints `pictures` one after another: those on one texture in one mesh (small pictures
/// share an atlas), so that a board of thousands of small pictures is a few draw calls.
pub fn paint_pictures<'a>(
    painter: &Painter,
    files: &crate::model::Files,
    list: impl IntoIterator<Item = &'a Picture>,
    xf: &Transform,
    pixels_per_point: f32,
    pictures: &mut dyn Pictures,
) {
    let mut batch = Mesh::default();
    for p in list {
        add_picture(
            painter,
            &mut batch,
            files,
            p,
            xf,
            pixels_per_point,
            pictures,
        );
    }
    if !batch.is_empty() {
        painter.add(Shape::Mesh(batch.into()));
    }
}

/// Adds `p` to `batch` if it is on the batch's texture (or the batch is empty); else paints
/// the batch and starts another with it. A placeholder is painted at once.
fn add_picture(
    painter: &Painter,
    batch: &mut Mesh,
    files: &crate::model::Files,
    p: &Picture,
    xf: &Transform,
    pixels_per_point: f32,
    pictures: &mut dyn Pictures,
) {
    let corners = p.frame().corners().map(|c| xf.to_screen(c));
    let scale = xf.zoom * pixels_per_point;
    // The whole picture's size on screen (the box shows the cropped part of it).
    let w = p.rect.w / p.crop.w.max(1e-3) * scale;
    let h = p.rect.h / p.crop.h.max(1e-3) * scale;
    match pictures.texture(&p.file, files.get(&p.file), w, h, p.tint.is_some()) {
        PictureTexture::Ready(texture, part) => {
            if !batch.is_empty() && batch.texture_id != texture {
                painter.add(Shape::Mesh(std::mem::take(batch).into()));
            }
            let uv = p.uv_corners().map(|(u, v)| {
                (
                    part.min.x + u * part.width(),
                    part.min.y + v * part.height(),
                )
            });
            batch.texture_id = texture;
            let base = batch.vertices.len() as u32;
            let color = vertex_color(p);
            for (pos, (u, v)) in corners.into_iter().zip(uv) {
                batch.vertices.push(Vertex {
                    pos,
                    uv: pos2(u, v),
                    color,
                });
            }
            batch
                .indices
                .extend_from_slice(&[base, base + 1, base + 2, base, base + 2, base + 3]);
        }
        PictureTexture::Loading => placeholder(painter, corners, xf.zoom, false),
        PictureTexture::Missing => placeholder(painter, corners, xf.zoom, true),
    }
}

/// A textured quad with the given corners and texture coordinates.
pub fn quad(corners: [Pos2; 4], uv: [(f32, f32); 4], color: Color32, texture: TextureId) -> Mesh {
    let mut mesh = Mesh::with_texture(texture);
    for (pos, (u, v)) in corners.into_iter().zip(uv) {
        mesh.vertices.push(Vertex {
            pos,
            uv: pos2(u, v),
            color,
        });
    }
    mesh.indices.extend_from_slice(&[0, 1, 2, 0, 2, 3]);
    mesh
}

const LOADING: Rgba = Rgba::rgb(0xEE, 0xF1, 0xF5);
const MISSING_FILL: Rgba = Rgba::rgb(0xFB, 0xEE, 0xEE);
const MISSING_LINE: Rgba = Rgba::rgb(0xB4, 0x23, 0x18);

/// A quiet box while a picture is drawn; a red-edged, crossed box for one that is missing.
fn placeholder(painter: &Painter, corners: [Pos2; 4], zoom: f32, missing: bool) {
    let fill = if missing { MISSING_FILL } else { LOADING };
    let mut mesh = Mesh::default();
    for c in corners {
        mesh.colored_vertex(c, color32(fill));
    }
    mesh.indices.extend_from_slice(&[0, 1, 2, 0, 2, 3]);
    painter.add(Shape::Mesh(mesh.into()));
    if missing {
        let stroke = Stroke::new((2.0 * zoom).clamp(1.0, 4.0), color32(MISSING_LINE));
        let mut ring = corners.to_vec();
        ring.push(corners[0]);
        painter.add(Shape::line(ring, stroke));
        painter.line_segment([corners[0], corners[2]], stroke);
        painter.line_segment([corners[1], corners[3]], stroke);
    }
}
