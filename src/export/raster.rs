//! A CPU rasterizer for epaint's triangle meshes, drawing them as egui's own GPU painters do:
//! vertex colour × texture colour, premultiplied alpha, blended in gamma (sRGB) space, with
//! the anti-aliasing that epaint builds into its meshes ("feathering"), so no extra
//! multisampling is needed.
//!
//! The image is cut into bands of rows, spread over all cores; each triangle is binned to the
//! bands it touches, so a band draws only its own triangles, in paint order. Edges are tested
//! with integer edge functions in 1/256-pixel fixed point, with a fill rule that gives every
//! pixel on an edge shared by two triangles to exactly one of them (no double blending along
//! the seams of a mesh).

use egui::epaint::{ClippedPrimitive, Primitive, TextureId};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Rows per band: the unit of work handed to a thread.
const BAND: usize = 32;
/// Sub-pixel precision of vertex positions: 1/256 of a pixel.
const SUB: f32 = 256.0;

/// A texture as RGBA8, premultiplied, in sRGB (as egui hands them to a GPU).
#[derive(Clone, Debug)]
pub struct Texture {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<[u8; 4]>,
}

impl Texture {
    /// Samples with bilinear filtering at texture coordinates (0–1), as a GPU's linear
    /// sampler does, clamping at the edges.
    #[inline]
    fn sample(&self, u: f32, v: f32) -> [f32; 4] {
        let x = u * self.width as f32 - 0.5;
        let y = v * self.height as f32 - 0.5;
        let (x0, y0) = (x.floor(), y.floor());
        let (fx, fy) = (x - x0, y - y0);
        let cx = |x: f32| (x.max(0.0) as usize).min(self.width - 1);
        let cy = |y: f32| (y.max(0.0) as usize).min(self.height - 1);
        let (xa, xb, ya, yb) = (cx(x0), cx(x0 + 1.0), cy(y0), cy(y0 + 1.0));
        let p = |x: usize, y: usize| self.pixels[y * self.width + x];
        let (a, b, c, d) = (p(xa, ya), p(xb, ya), p(xa, yb), p(xb, yb));
        let mut out = [0.0; 4];
        for i in 0..4 {
            let top = a[i] as f32 + (b[i] as f32 - a[i] as f32) * fx;
            let bottom = c[i] as f32 + (d[i] as f32 - c[i] as f32) * fx;
            out[i] = top + (bottom - top) * fy;
        }
        out
    }
}

/// Shared between an export and whoever watches it: how far it is, and a way to stop it.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicU32,
    pub total: AtomicU32,
    pub cancel: AtomicBool,
}

impl Progress {
    /// 0–1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed).max(1);
        (self.done.load(Ordering::Relaxed) as f32 / total as f32).min(1.0)
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// The export was stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// How a triangle's pixels get their colour, cheapest first.
#[derive(Clone, Copy)]
enum Shade {
    /// One opaque colour: pixels are simply set.
    Opaque([u8; 4]),
    /// One colour, blended over what is there.
    Flat([f32; 4]),
    /// One texel everywhere (untextured, as most shapes are), the colour varies (the fringe
    /// of anti-aliased edges fades out).
    Texel([f32; 4]),
    /// Texture and colour vary (text).
    Full,
}

/// A triangle ready to draw: fixed-point corners in pixels, the clip rectangle in pixels,
/// and what is needed to shade it.
struct Tri {
    x: [i32; 3],
    y: [i32; 3],
    area: i64,
    /// Bounding box in whole pixels, clipped: x0..x1, y0..y1 (exclusive ends).
    bbox: [i32; 4],
    color: [[u8; 4]; 3],
    uv: [[f32; 2]; 3],
    /// Edge owns its boundary pixels (fill rule), per edge (1→2, 2→0, 0→1).
    bias: [u8; 3],
    texture: u16,
    shade: Shade,
}

fn fixed(v: f32) -> i64 {
    (v * SUB).round() as i64
}

/// Edge function of `p` against the edge `a`→`b` (positive on the inner side of a triangle
/// with positive area).
#[inline]
fn edge(ax: i64, ay: i64, bx: i64, by: i64, px: i64, py: i64) -> i64 {
    (bx - ax) * (py - ay) - (by - ay) * (px - ax)
}

/// Whether an edge owns the pixels exactly on it. Two triangles sharing an edge run along it
/// in opposite directions, so exactly one of them owns it.
fn owns(ax: i64, ay: i64, bx: i64, by: i64) -> i64 {
    let (dx, dy) = (bx - ax, by - ay);
    i64::from(dy > 0 || (dy == 0 && dx < 0))
}

/// Triangles set up and binned to bands of rows, ready to draw band by band (in any order,
/// on any thread).
pub struct Rasterizer<'a> {
    tris: Vec<Tri>,
    bins: Vec<Vec<u32>>,
    textures: Vec<&'a Texture>,
    width: usize,
    height: usize,
    background: [u8; 4],
}

impl<'a> Rasterizer<'a> {
    /// Sets up `primitives` (positions in points; `pixels_per_point` to pixels) for a
    /// `width` × `height` image with `background` behind.
    pub fn new(
        primitives: &[ClippedPrimitive],
        textures: &'a HashMap<TextureId, Texture>,
        pixels_per_point: f32,
        width: usize,
        height: usize,
        background: [u8; 4],
    ) -> Self {
        let mut tex_list: Vec<&Texture> = Vec::new();
        let mut tex_index: HashMap<TextureId, usize> = HashMap::new();
        let count: usize = primitives
            .iter()
            .map(|p| match &p.primitive {
                Primitive::Mesh(m) => m.indices.len() / 3,
                Primitive::Callback(_) => 0,
            })
            .sum();
        let mut tris: Vec<Tri> = Vec::with_capacity(count);
        let (w, h) = (width as i32, height as i32);
        for prim in primitives {
            let Primitive::Mesh(mesh) = &prim.primitive else {
                continue;
            };
            let Some(texture) = textures
                .get(&mesh.texture_id)
                .filter(|t| t.width > 0 && t.height > 0 && t.pixels.len() >= t.width * t.height)
            else {
                continue;
            };
            let t = *tex_index.entry(mesh.texture_id).or_insert_with(|| {
                tex_list.push(texture);
                tex_list.len() - 1
            });
            let c = prim.clip_rect;
            let clip = [
                ((c.min.x * pixels_per_point).round() as i32).clamp(0, w),
                ((c.min.y * pixels_per_point).round() as i32).clamp(0, h),
                ((c.max.x * pixels_per_point).round() as i32).clamp(0, w),
                ((c.max.y * pixels_per_point).round() as i32).clamp(0, h),
            ];
            if clip[0] >= clip[2] || clip[1] >= clip[3] {
                continue;
            }
            for ix in mesh.indices.chunks_exact(3) {
                let vs = [ix[0], ix[1], ix[2]].map(|i| mesh.vertices.get(i as usize));
                let [Some(a), Some(b), Some(cv)] = vs else {
                    continue;
                };
                if let Some(tri) = Tri::new([a, b, cv], pixels_per_point, clip, texture, t) {
                    tris.push(tri);
                }
            }
        }
        // Bin triangles to the bands of rows they touch, keeping paint order.
        let bands = height.div_ceil(BAND).max(1);
        let mut bins: Vec<Vec<u32>> = vec![Vec::new(); bands];
        for (i, t) in tris.iter().enumerate() {
            let first = t.bbox[1] as usize / BAND;
            let last = (t.bbox[3] as usize - 1) / BAND;
            for bin in bins.iter_mut().take(last + 1).skip(first) {
                bin.push(i as u32);
            }
        }
        Self {
            tris,
            bins,
            textures: tex_list,
            width,
            height,
            background,
        }
    }

    pub fn bands(&self) -> usize {
        self.bins.len()
    }

    /// Width and height in pixels.
    pub fn size(&self) -> (usize, usize) {
        (self.width, self.height)
    }

    /// The rows a band covers.
    pub fn band_rows(&self, band: usize) -> std::ops::Range<usize> {
        let y0 = (band * BAND).min(self.height);
        y0..(y0 + BAND).min(self.height)
    }

    /// Draws one band into `out` (resized to fit: rows × width × 4 bytes).
    pub fn draw_band(&self, band: usize, out: &mut Vec<u8>) {
        let rows = self.band_rows(band);
        let len = rows.len() * self.width * 4;
        out.clear();
        out.resize(len, 0);
        fill(out, 0, len / 4, self.background);
        let (y0, y1) = (rows.start as i32, rows.end as i32);
        for &ti in self.bins.get(band).map(Vec::as_slice).unwrap_or(&[]) {
            draw(
                &self.tris[ti as usize],
                &self.textures,
                out,
                self.width,
                y0,
                y1,
            );
        }
    }
}

/// Draws `primitives` (positions in points, `pixels_per_point` to pixels) into a
/// `width` × `height` RGBA8 image (premultiplied), starting from `background`, on up to
/// `threads` threads.
#[allow(clippy::too_many_arguments)]
pub fn rasterize(
    primitives: &[ClippedPrimitive],
    textures: &HashMap<TextureId, Texture>,
    pixels_per_point: f32,
    width: usize,
    height: usize,
    background: [u8; 4],
    threads: usize,
    progress: &Progress,
) -> Result<Vec<u8>, Cancelled> {
    let r = Rasterizer::new(
        primitives,
        textures,
        pixels_per_point,
        width,
        height,
        background,
    );
    progress.total.store(r.bands() as u32, Ordering::Relaxed);
    let mut out = vec![0u8; width * height * 4];
    let band_bytes = (BAND * width * 4).max(4);
    let threads = threads.clamp(1, 64);
    let mut work: Vec<Vec<(usize, &mut [u8])>> = (0..threads).map(|_| Vec::new()).collect();
    for (i, chunk) in out.chunks_mut(band_bytes).enumerate() {
        work[i % threads].push((i, chunk));
    }
    let cancelled = AtomicBool::new(false);
    std::thread::scope(|s| {
        for list in work {
            let (r, cancelled) = (&r, &cancelled);
            s.spawn(move || {
                let mut buf = Vec::new();
                for (band, rows) in list {
                    if progress.is_cancelled() {
                        cancelled.store(true, Ordering::Relaxed);
                        return;
                    }
                    r.draw_band(band, &mut buf);
                    rows.copy_from_slice(&buf);
                    progress.done.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    if cancelled.load(Ordering::Relaxed) {
        return Err(Cancelled);
    }
    Ok(out)
}

impl Tri {
    fn new(
        mut v: [&egui::epaint::Vertex; 3],
        pixels_per_point: f32,
        clip: [i32; 4],
        texture: &Texture,
        t: usize,
    ) -> Option<Tri> {
        let mut x = v.map(|v| fixed(v.pos.x * pixels_per_point));
        let mut y = v.map(|v| fixed(v.pos.y * pixels_per_point));
        let mut area = edge(x[0], y[0], x[1], y[1], x[2], y[2]);
        if area == 0 {
            return None;
        }
        if area < 0 {
            v.swap(1, 2);
            x.swap(1, 2);
            y.swap(1, 2);
            area = -area;
        }
        let min_x = (*x.iter().min()? as f32 / SUB).floor() as i32;
        let max_x = (*x.iter().max()? as f32 / SUB).ceil() as i32;
        let min_y = (*y.iter().min()? as f32 / SUB).floor() as i32;
        let max_y = (*y.iter().max()? as f32 / SUB).ceil() as i32;
        let bbox = [
            min_x.max(clip[0]),
            min_y.max(clip[1]),
            (max_x + 1).min(clip[2]),
            (max_y + 1).min(clip[3]),
        ];
        if bbox[0] >= bbox[2] || bbox[1] >= bbox[3] {
            return None;
        }
        let color = v.map(|v| v.color.to_array());
        let uv = v.map(|v| [v.uv.x, v.uv.y]);
        let same_uv = uv[0] == uv[1] && uv[1] == uv[2];
        let same_color = color[0] == color[1] && color[1] == color[2];
        let shade = if same_uv {
            let texel = texture.sample(uv[0][0], uv[0][1]);
            if same_color {
                let c = modulate(color[0].map(f32::from), texel);
                if c[3] >= 254.5 {
                    Shade::Opaque(c.map(|v| (v + 0.5) as u8))
                } else if c[3] <= 0.0 {
                    return None;
                } else {
                    Shade::Flat(c)
                }
            } else {
                Shade::Texel(texel)
            }
        } else {
            Shade::Full
        };
        let bias = [
            owns(x[1], y[1], x[2], y[2]) as u8,
            owns(x[2], y[2], x[0], y[0]) as u8,
            owns(x[0], y[0], x[1], y[1]) as u8,
        ];
        Some(Tri {
            x: x.map(|v| v as i32),
            y: y.map(|v| v as i32),
            area,
            bbox,
            color,
            uv,
            bias,
            texture: t.min(u16::MAX as usize) as u16,
            shade,
        })
    }
}

/// Fills pixels `from..to` of `buf` with `c`, doubling copies (memcpy speed).
#[inline]
fn fill(buf: &mut [u8], from: usize, to: usize, c: [u8; 4]) {
    if from >= to {
        return;
    }
    let (a, b) = (from * 4, to * 4);
    buf[a..a + 4].copy_from_slice(&c);
    let mut done = 4;
    while a + done < b {
        let n = done.min(b - a - done);
        buf.copy_within(a..a + n, a + done);
        done += n;
    }
}

/// Vertex colour × texture colour, both premultiplied 0–255.
#[inline]
fn modulate(c: [f32; 4], t: [f32; 4]) -> [f32; 4] {
    [
        c[0] * t[0] / 255.0,
        c[1] * t[1] / 255.0,
        c[2] * t[2] / 255.0,
        c[3] * t[3] / 255.0,
    ]
}

/// Premultiplied "over": src + dst × (1 − src alpha).
#[inline]
fn blend(dst: &mut [u8], src: [f32; 4]) {
    blend8(dst, src.map(|v| (v + 0.5).clamp(0.0, 255.0) as u8));
}

/// `x / 255`, rounded, exactly, for `x` in 0..=65535, without dividing.
#[inline]
fn div255(x: u32) -> u32 {
    let x = x + 128;
    (x + (x >> 8)) >> 8
}

/// Premultiplied "over" in integers: src + dst × (255 − src alpha) / 255.
#[inline]
fn blend8(dst: &mut [u8], src: [u8; 4]) {
    let k = 255 - src[3] as u32;
    for i in 0..4 {
        dst[i] = (src[i] as u32 + div255(dst[i] as u32 * k)).min(255) as u8;
    }
}

/// The pixels `lo..hi` (offsets from `start`) of a row where all three edge functions are
/// non-negative: each edge bounds the span from one side.
#[inline]
fn span(e: [i64; 3], step: [i64; 3], n: i64) -> (i64, i64) {
    let (mut lo, mut hi) = (0, n);
    for k in 0..3 {
        let (e, s) = (e[k], step[k]);
        if s > 0 {
            // e + i·s ≥ 0  ⇔  i ≥ ⌈−e / s⌉ = −⌊e / s⌋
            lo = lo.max(-(e.div_euclid(s)));
        } else if s < 0 {
            // e + i·s ≥ 0  ⇔  i ≤ ⌊e / −s⌋
            hi = hi.min(e.div_euclid(-s) + 1);
        } else if e < 0 {
            return (0, 0);
        }
    }
    (lo, hi)
}

/// Draws one triangle into the rows `y0..y1` of a band.
fn draw(t: &Tri, textures: &[&Texture], rows: &mut [u8], width: usize, y0: i32, y1: i32) {
    let ya = t.bbox[1].max(y0);
    let yb = t.bbox[3].min(y1);
    if ya >= yb {
        return;
    }
    let x = t.x.map(i64::from);
    let y = t.y.map(i64::from);
    let bias = t.bias.map(i64::from);
    // Edge steps per pixel along a row, for edges 1→2, 2→0, 0→1.
    let edges = [(1, 2), (2, 0), (0, 1)];
    let sub = SUB as i64;
    let step = edges.map(|(a, b)| -(y[b] - y[a]) * sub);
    let px0 = t.bbox[0] as i64 * sub + sub / 2;
    let n = (t.bbox[2] - t.bbox[0]) as i64;
    let inv_area = 1.0 / t.area as f32;
    let tex = textures[t.texture as usize];
    let color = t.color.map(|c| c.map(f32::from));
    for py in ya..yb {
        let pyf = py as i64 * sub + sub / 2;
        let mut e = [0i64; 3];
        for (k, (a, b)) in edges.iter().enumerate() {
            e[k] = edge(x[*a], y[*a], x[*b], y[*b], px0, pyf) + bias[k] - 1;
        }
        let (lo, hi) = span(e, step, n);
        if lo >= hi {
            continue;
        }
        let row_start = (py - y0) as usize * width;
        let (xa, xb) = (
            t.bbox[0] as usize + lo as usize,
            t.bbox[0] as usize + hi as usize,
        );
        let row = &mut rows[row_start * 4..(row_start + width) * 4];
        match t.shade {
            Shade::Opaque(c) => {
                fill(row, xa, xb, c);
                continue;
            }
            Shade::Flat(c) => {
                let c8 = c.map(|v| (v + 0.5) as u8);
                for px in row[xa * 4..xb * 4].chunks_exact_mut(4) {
                    blend8(px, c8);
                }
                continue;
            }
            Shade::Texel(_) | Shade::Full => {}
        }
        // Colour and texture coordinates are linear along the row: start values from the
        // barycentric weights at the span's first pixel, then constant steps.
        for k in 0..3 {
            e[k] += lo * step[k];
        }
        let l = [
            (e[0] + 1 - bias[0]) as f32 * inv_area,
            (e[1] + 1 - bias[1]) as f32 * inv_area,
            (e[2] + 1 - bias[2]) as f32 * inv_area,
        ];
        let dl = [
            step[0] as f32 * inv_area,
            step[1] as f32 * inv_area,
            step[2] as f32 * inv_area,
        ];
        let mut col = [0.0f32; 4];
        let mut dcol = [0.0f32; 4];
        for i in 0..4 {
            col[i] = color[0][i] * l[0] + color[1][i] * l[1] + color[2][i] * l[2];
            dcol[i] = color[0][i] * dl[0] + color[1][i] * dl[1] + color[2][i] * dl[2];
        }
        let span = &mut row[xa * 4..xb * 4];
        match t.shade {
            Shade::Texel(texel) if texel == [255.0; 4] => {
                for px in span.chunks_exact_mut(4) {
                    blend(px, col);
                    for i in 0..4 {
                        col[i] += dcol[i];
                    }
                }
            }
            Shade::Texel(texel) => {
                for px in span.chunks_exact_mut(4) {
                    blend(px, modulate(col, texel));
                    for i in 0..4 {
                        col[i] += dcol[i];
                    }
                }
            }
            _ => {
                let uv = &t.uv;
                let mut u = uv[0][0] * l[0] + uv[1][0] * l[1] + uv[2][0] * l[2];
                let mut v = uv[0][1] * l[0] + uv[1][1] * l[1] + uv[2][1] * l[2];
                let du = uv[0][0] * dl[0] + uv[1][0] * dl[1] + uv[2][0] * dl[2];
                let dv = uv[0][1] * dl[0] + uv[1][1] * dl[1] + uv[2][1] * dl[2];
                for px in span.chunks_exact_mut(4) {
                    blend(px, modulate(col, tex.sample(u, v)));
                    for i in 0..4 {
                        col[i] += dcol[i];
                    }
                    u += du;
                    v += dv;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{Mesh, Vertex, WHITE_UV};
    use egui::{Color32, Rect, pos2};

    fn white() -> HashMap<TextureId, Texture> {
        let mut m = HashMap::new();
        m.insert(
            TextureId::default(),
            Texture {
                width: 1,
                height: 1,
                pixels: vec![[255; 4]],
            },
        );
        m
    }

    fn prim(mesh: Mesh) -> ClippedPrimitive {
        ClippedPrimitive {
            clip_rect: Rect::EVERYTHING,
            primitive: Primitive::Mesh(mesh),
        }
    }

    fn px(img: &[u8], w: usize, x: usize, y: usize) -> [u8; 4] {
        let i = (y * w + x) * 4;
        [img[i], img[i + 1], img[i + 2], img[i + 3]]
    }

    #[test]
    fn a_rectangle_covers_exactly_its_pixels() {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(2.0, 3.0), pos2(6.0, 5.0)),
            Color32::RED,
        );
        let img = rasterize(
            &[prim(mesh)],
            &white(),
            1.0,
            8,
            8,
            [0, 0, 0, 0],
            2,
            &Progress::default(),
        )
        .unwrap_or_default();
        for y in 0..8 {
            for x in 0..8 {
                let inside = (2..6).contains(&x) && (3..5).contains(&y);
                let want = if inside {
                    [255, 0, 0, 255]
                } else {
                    [0, 0, 0, 0]
                };
                assert_eq!(px(&img, 8, x, y), want, "({x}, {y})");
            }
        }
    }

    #[test]
    fn a_shared_edge_is_drawn_once() {
        // Two half-transparent triangles making a square: no pixel on the diagonal may be
        // blended twice.
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(16.0, 16.0)),
            Color32::from_rgba_premultiplied(0, 0, 100, 100),
        );
        let img = rasterize(
            &[prim(mesh)],
            &white(),
            1.0,
            16,
            16,
            [0, 0, 0, 0],
            1,
            &Progress::default(),
        )
        .unwrap_or_default();
        for y in 0..16 {
            for x in 0..16 {
                assert_eq!(px(&img, 16, x, y), [0, 0, 100, 100], "({x}, {y})");
            }
        }
    }

    #[test]
    fn colours_interpolate_and_blend_premultiplied() {
        let mut mesh = Mesh::default();
        let v = |x: f32, y: f32, c: Color32| Vertex {
            pos: pos2(x, y),
            uv: WHITE_UV,
            color: c,
        };
        // A horizontal gradient from opaque black to opaque white across 10 pixels.
        mesh.vertices = vec![
            v(0.0, 0.0, Color32::BLACK),
            v(10.0, 0.0, Color32::WHITE),
            v(10.0, 1.0, Color32::WHITE),
            v(0.0, 1.0, Color32::BLACK),
        ];
        mesh.indices = vec![0, 1, 2, 0, 2, 3];
        let img = rasterize(
            &[prim(mesh)],
            &white(),
            1.0,
            10,
            1,
            [0, 0, 0, 255],
            1,
            &Progress::default(),
        )
        .unwrap_or_default();
        for x in 0..10 {
            let want = ((x as f32 + 0.5) / 10.0 * 255.0).round() as i32;
            let got = px(&img, 10, x, 0)[0] as i32;
            assert!((got - want).abs() <= 1, "x {x}: {got} vs {want}");
        }
        // 50 % black over white gives mid grey.
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 2.0)),
            Color32::from_black_alpha(128),
        );
        let img = rasterize(
            &[prim(mesh)],
            &white(),
            1.0,
            2,
            2,
            [255, 255, 255, 255],
            1,
            &Progress::default(),
        )
        .unwrap_or_default();
        assert_eq!(px(&img, 2, 0, 0), [127, 127, 127, 255]);
    }

    #[test]
    fn clip_rects_and_pixels_per_point_apply() {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 4.0)),
            Color32::GREEN,
        );
        let p = ClippedPrimitive {
            clip_rect: Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 4.0)),
            primitive: Primitive::Mesh(mesh),
        };
        // At 2 pixels per point: 8 × 8 pixels, the right half clipped away.
        let img = rasterize(
            &[p],
            &white(),
            2.0,
            8,
            8,
            [0, 0, 0, 0],
            2,
            &Progress::default(),
        )
        .unwrap_or_default();
        assert_eq!(px(&img, 8, 3, 7), [0, 255, 0, 255]);
        assert_eq!(px(&img, 8, 4, 0), [0, 0, 0, 0]);
    }

    #[test]
    fn div255_is_exact() {
        for x in 0..=65535u32 {
            assert_eq!(div255(x), (x as f32 / 255.0).round() as u32, "{x}");
        }
    }

    #[test]
    fn spans_match_a_pixel_by_pixel_test() {
        // Random edges: the span must hold exactly the i where all three are ≥ 0.
        let mut seed = 12345u64;
        let mut rnd = |m: i64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as i64 % (2 * m + 1)) - m
        };
        for _ in 0..2000 {
            let e = [rnd(5000), rnd(5000), rnd(5000)];
            let s = [rnd(700), rnd(700), rnd(700)];
            let n = 40;
            let (lo, hi) = span(e, s, n);
            for i in 0..n {
                let inside = (0..3).all(|k| e[k] + i * s[k] >= 0);
                assert_eq!(inside, i >= lo && i < hi, "{e:?} {s:?} at {i}: {lo}..{hi}");
            }
        }
    }

    #[test]
    fn textures_are_sampled_and_cancel_stops_it() {
        let mut tex = HashMap::new();
        let id = TextureId::Managed(7);
        tex.insert(
            id,
            Texture {
                width: 2,
                height: 1,
                pixels: vec![[255, 0, 0, 255], [0, 0, 255, 255]],
            },
        );
        let mut mesh = Mesh::with_texture(id);
        mesh.add_rect_with_uv(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 1.0)),
            Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
            Color32::WHITE,
        );
        let img = rasterize(
            &[prim(mesh)],
            &tex,
            1.0,
            2,
            1,
            [0, 0, 0, 0],
            1,
            &Progress::default(),
        )
        .unwrap_or_default();
        assert_eq!(px(&img, 2, 0, 0), [255, 0, 0, 255]);
        assert_eq!(px(&img, 2, 1, 0), [0, 0, 255, 255]);
        let stop = Progress::default();
        stop.cancel.store(true, Ordering::Relaxed);
        assert_eq!(
            rasterize(&[], &tex, 1.0, 64, 64, [0; 4], 2, &stop),
            Err(Cancelled)
        );
    }
}
