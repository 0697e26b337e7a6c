//! The canvas's pictures: read and drawn on worker threads at the size they are shown (in
//! steps of a power of two, so zooming does not redraw them every frame, and a zoomed-out
//! view samples a small picture rather than a huge one: calm, like mipmaps), and kept as
//! textures while they are used. Until a size is ready the nearest one drawn is shown, or a
//! placeholder.
//!
//! Pictures drawn at the smallest step (32 pixels) share one texture, an atlas of cells, so
//! that a board of thousands of small pictures far out is drawn in one call rather than one
//! a picture; the cell used longest ago makes room for a new one.

use crate::model::{FileData, FileId};
use crate::picture::{self, Pixels, Source};
use crate::scene::{PictureColor, PictureTexture, Pictures};
use egui::TextureHandle;
use std::collections::{HashMap, HashSet};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

/// The largest long side a picture is drawn at on screen, in pixels.
const MAX_STEP: u32 = 4096;
/// Textures unused for this many frames are let go.
const KEEP_FRAMES: u64 = 600;
/// At most this many bytes of picture textures are kept.
const MAX_TEXTURE_BYTES: usize = 768 * 1024 * 1024;
/// Worker threads (reading and drawing pictures).
const WORKERS: usize = 2;
/// The side of the atlas's cells' pictures: the smallest size step.
const CELL: u32 = 32;
/// A cell with a border of one pixel, the picture's edge again, so that sampling at its edge
/// takes nothing of the next cell.
const SLOT: u32 = CELL + 2;
/// The atlas's side in pixels.
const ATLAS_SIDE: u32 = 2048;
/// Cells to a row of the atlas.
const PER_ROW: u32 = ATLAS_SIDE / SLOT;

/// A picture drawn at a size (pixels), as a mask or not.
type Key = (FileId, u32, u32, bool);

enum Job {
    Open(FileId, FileData),
    Render(Key, Source, u32, u32),
}

enum Done {
    Opened(FileId, Option<Source>),
    Rendered(Key, Pixels),
    /// Drawing it failed: the picture is shown as missing.
    Failed(Key),
}

struct Entry {
    texture: TextureHandle,
    used: u64,
    bytes: usize,
}

/// The small pictures' texture (see the module).
struct Atlas {
    texture: TextureHandle,
    /// What each cell holds, and the frame it was last used in.
    cells: Vec<Option<(Key, u64)>>,
    /// The cells of each picture, by size and whether a mask (looked up by the picture's id
    /// alone: no id is copied to look one up).
    at: HashMap<FileId, Vec<(Size, usize)>>,
}

/// A picture's size in pixels, and whether drawn as a mask.
type Size = (u32, u32, bool);

impl Atlas {
    fn new(ctx: &egui::Context) -> Self {
        let side = ATLAS_SIDE as usize;
        let texture = ctx.load_texture(
            "picture-atlas",
            egui::ColorImage::filled([side, side], egui::Color32::TRANSPARENT),
            egui::TextureOptions::LINEAR,
        );
        Self {
            texture,
            cells: vec![None; (PER_ROW * PER_ROW) as usize],
            at: HashMap::new(),
        }
    }

    /// Where cell `i`'s picture lies in the atlas, in pixels.
    fn origin(i: usize) -> [usize; 2] {
        let i = i as u32;
        [
            ((i % PER_ROW) * SLOT + 1) as usize,
            ((i / PER_ROW) * SLOT + 1) as usize,
        ]
    }

    /// The texture coordinates of `key`'s picture in cell `i`.
    fn part(i: usize, key: &Key) -> egui::Rect {
        let [x, y] = Self::origin(i);
        let s = ATLAS_SIDE as f32;
        egui::Rect::from_min_size(
            egui::pos2(x as f32 / s, y as f32 / s),
            egui::vec2(key.1 as f32 / s, key.2 as f32 / s),
        )
    }

    /// Puts `px` (drawn for `key`, at most [`CELL`] a side) in the cell used longest ago.
    fn put(&mut self, key: Key, px: &Pixels, frame: u64) {
        let Some(i) = self
            .cells
            .iter()
            .enumerate()
            .min_by_key(|(_, c)| c.as_ref().map_or(0, |(_, used)| used + 1))
            .map(|(i, _)| i)
        else {
            return;
        };
        if let Some(Some((old, _))) = self.cells.get(i)
            && let Some(list) = self.at.get_mut(&old.0)
        {
            list.retain(|(_, c)| *c != i);
            if list.is_empty() {
                self.at.remove(&old.0);
            }
        }
        let (w, h) = (px.width as usize, px.height as usize);
        if w == 0 || h == 0 || w > CELL as usize || h > CELL as usize || px.rgba.len() < w * h * 4 {
            return;
        }
        // The picture with its edge pixels again all round.
        let slot = SLOT as usize;
        let mut image = egui::ColorImage::filled([slot, slot], egui::Color32::TRANSPARENT);
        for y in 0..(h + 2).min(slot) {
            for x in 0..(w + 2).min(slot) {
                let (sx, sy) = (x.clamp(1, w) - 1, y.clamp(1, h) - 1);
                let k = (sy * w + sx) * 4;
                if let Some(c) = px.rgba.get(k..k + 4) {
                    image.pixels[y * slot + x] =
                        egui::Color32::from_rgba_premultiplied(c[0], c[1], c[2], c[3]);
                }
            }
        }
        let [x, y] = Self::origin(i);
        self.texture
            .set_partial([x - 1, y - 1], image, egui::TextureOptions::LINEAR);
        self.at
            .entry(key.0.clone())
            .or_default()
            .push(((key.1, key.2, key.3), i));
        self.cells[i] = Some((key, frame));
    }

    /// The texture and part showing picture `id` drawn `w` × `h` (as a mask or not), if a
    /// cell holds it.
    fn get(
        &mut self,
        id: &FileId,
        size: Size,
        frame: u64,
    ) -> Option<(egui::TextureId, egui::Rect)> {
        let &(_, i) = self.at.get(id)?.iter().find(|(s, _)| *s == size)?;
        let Some(Some((key, used))) = self.cells.get_mut(i) else {
            return None;
        };
        *used = frame;
        Some((self.texture.id(), Self::part(i, key)))
    }
}

/// See the module.
#[derive(Default)]
pub struct PictureCache {
    ctx: Option<egui::Context>,
    jobs: Option<Sender<Job>>,
    done: Option<Receiver<Done>>,
    /// Pictures read, and the frame each was last used in.
    sources: HashMap<FileId, (Option<Source>, u64)>,
    opening: HashSet<FileId>,
    textures: HashMap<Key, Entry>,
    rendering: HashSet<Key>,
    /// Each picture's average colour (drawn as itself, and as a mask), from the first size
    /// drawn.
    averages: [HashMap<FileId, egui::Color32>; 2],
    /// The small pictures' texture, once there is one.
    atlas: Option<Atlas>,
    frame: u64,
}

impl std::fmt::Debug for PictureCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct(std::any::type_name::<Self>())
            .field("sources", &self.sources.len())
            .field("textures", &self.textures.len())
            .finish()
    }
}

impl PictureCache {
    /// Takes in what the workers finished, and lets go of textures long unused. Called once a
    /// frame, before painting.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        self.frame += 1;
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        if let Some(rx) = &self.done {
            while let Ok(d) = rx.try_recv() {
                match d {
                    Done::Opened(id, source) => {
                        self.opening.remove(&id);
                        self.sources.insert(id, (source, self.frame));
                    }
                    Done::Failed(key) => {
                        self.rendering.remove(&key);
                        self.sources.insert(key.0, (None, self.frame));
                    }
                    Done::Rendered(key, px) => {
                        self.rendering.remove(&key);
                        self.averages[usize::from(key.3)]
                            .entry(key.0.clone())
                            .or_insert_with(|| crate::scene::pictures::average(&px.rgba));
                        if key.1 <= CELL && key.2 <= CELL {
                            let frame = self.frame;
                            self.atlas
                                .get_or_insert_with(|| Atlas::new(ctx))
                                .put(key, &px, frame);
                            continue;
                        }
                        let image = egui::ColorImage::from_rgba_premultiplied(
                            [px.width as usize, px.height as usize],
                            &px.rgba,
                        );
                        let texture = ctx.load_texture(
                            format!("picture-{}-{}x{}", key.0.as_str(), key.1, key.2),
                            image,
                            egui::TextureOptions::LINEAR,
                        );
                        let bytes = px.rgba.len();
                        self.textures.insert(
                            key,
                            Entry {
                                texture,
                                used: self.frame,
                                bytes,
                            },
                        );
                    }
                }
            }
        }
        let frame = self.frame;
        self.textures
            .retain(|_, e| frame.saturating_sub(e.used) < KEEP_FRAMES);
        // A decoded photo may be hundreds of megabytes: let go of those no longer shown.
        self.sources
            .retain(|_, (_, used)| frame.saturating_sub(*used) < KEEP_FRAMES);
        for averages in &mut self.averages {
            if averages.len() > 4 * self.sources.len() + 4096 {
                averages.clear();
            }
        }
        let mut total: usize = self.textures.values().map(|e| e.bytes).sum();
        if total > MAX_TEXTURE_BYTES {
            let mut by_age: Vec<(u64, Key)> = self
                .textures
                .iter()
                .map(|(k, e)| (e.used, k.clone()))
                .collect();
            by_age.sort_by_key(|(used, _)| *used);
            for (_, k) in by_age {
                if total <= MAX_TEXTURE_BYTES {
                    break;
                }
                if let Some(e) = self.textures.remove(&k) {
                    total -= e.bytes;
                }
            }
        }
    }

    /// Every texture of pictures, drawn again from `files` by the same code (for tests that
    /// draw the screen themselves: a GPU has these pixels, a test has not), the atlas with
    /// each picture in its cell.
    #[doc(hidden)]
    pub fn redrawn(
        &self,
        files: &crate::model::Files,
    ) -> HashMap<egui::TextureId, crate::export::raster::Texture> {
        let draw = |(id, w, h, mask): &Key| {
            let source = picture::open(files.get(id)?).ok()?;
            let px = source.render(*w, *h);
            Some(if *mask { px.into_mask() } else { px })
        };
        let texture = |w: usize, h: usize, rgba: &[u8]| crate::export::raster::Texture {
            width: w,
            height: h,
            pixels: rgba
                .chunks_exact(4)
                .map(|c| [c[0], c[1], c[2], c[3]])
                .collect(),
        };
        let mut out = HashMap::new();
        for (key, e) in &self.textures {
            if let Some(px) = draw(key) {
                let t = texture(px.width as usize, px.height as usize, &px.rgba);
                out.insert(e.texture.id(), t);
            }
        }
        if let Some(atlas) = &self.atlas {
            let side = ATLAS_SIDE as usize;
            let mut t = texture(side, side, &[]);
            t.pixels = vec![[0; 4]; side * side];
            for (key, i) in atlas
                .cells
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some((&c.as_ref()?.0, i)))
            {
                let (Some(px), [x0, y0]) = (draw(key), Atlas::origin(i)) else {
                    continue;
                };
                let (w, h) = (px.width as usize, px.height as usize);
                // With its edge again all round, as in the atlas.
                for y in 0..h + 2 {
                    for x in 0..w + 2 {
                        let (sx, sy) = (x.clamp(1, w) - 1, y.clamp(1, h) - 1);
                        let k = (sy * w + sx) * 4;
                        if let (Some(c), Some(d)) = (
                            px.rgba.get(k..k + 4),
                            t.pixels.get_mut((y0 + y - 1) * side + x0 + x - 1),
                        ) {
                            *d = [c[0], c[1], c[2], c[3]];
                        }
                    }
                }
            }
            out.insert(atlas.texture.id(), t);
        }
        out
    }

    /// Whether pictures are still being read or drawn.
    pub fn is_busy(&self) -> bool {
        !self.opening.is_empty() || !self.rendering.is_empty()
    }

    fn send(&mut self, job: Job) {
        if self.jobs.is_none() {
            let (tx, rx) = channel::<Job>();
            let (done_tx, done_rx) = channel();
            let rx = Arc::new(Mutex::new(rx));
            for n in 0..WORKERS {
                let rx = rx.clone();
                let done = done_tx.clone();
                let ctx = self.ctx.clone();
                // A deep stack: a hostile SVG must not be able to overflow it.
                let _ = std::thread::Builder::new()
                    .name(format!("malbild-pictures-{n}"))
                    .stack_size(64 * 1024 * 1024)
                    .spawn(move || worker(&rx, &done, ctx.as_ref()));
            }
            self.jobs = Some(tx);
            self.done = Some(done_rx);
        }
        if let Some(tx) = &self.jobs {
            let _ = tx.send(job);
        }
    }
}

fn worker(rx: &Mutex<Receiver<Job>>, done: &Sender<Done>, ctx: Option<&egui::Context>) {
    loop {
        let job = match rx.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        // A fault inside a decoder makes that picture a missing one, not a dead worker.
        let out = match job {
            Job::Open(id, data) => {
                let got = std::panic::catch_unwind(|| picture::open(&data).ok());
                Done::Opened(id, got.ok().flatten())
            }
            Job::Render(key, source, w, h) => {
                let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let px = source.render(w, h);
                    if key.3 { px.into_mask() } else { px }
                }));
                match got {
                    Ok(px) => Done::Rendered(key, px),
                    Err(_) => Done::Failed(key),
                }
            }
        };
        if done.send(out).is_err() {
            return;
        }
        if let Some(ctx) = ctx {
            ctx.request_repaint();
        }
    }
}

impl Pictures for PictureCache {
    fn average(&mut self, id: &FileId, data: Option<&FileData>, mask: bool) -> PictureColor {
        if let Some(c) = self.averages[usize::from(mask)].get(id) {
            if let Some((_, used)) = self.sources.get_mut(id) {
                *used = self.frame;
            }
            return PictureColor::Ready(*c);
        }
        // Drawn small, on a worker, to know it.
        let side = crate::scene::pictures::AVERAGE_SIDE;
        match self.texture(id, data, side, side, mask) {
            PictureTexture::Missing => PictureColor::Missing,
            PictureTexture::Ready(..) | PictureTexture::Loading => PictureColor::Loading,
        }
    }

    fn texture(
        &mut self,
        id: &FileId,
        data: Option<&FileData>,
        w: f32,
        h: f32,
        mask: bool,
    ) -> PictureTexture {
        let frame = self.frame;
        let source = match self.sources.get_mut(id) {
            Some((Some(s), used)) => {
                *used = frame;
                s.clone()
            }
            Some((None, _)) => return PictureTexture::Missing,
            None => {
                let Some(data) = data else {
                    return PictureTexture::Missing;
                };
                if self.opening.insert(id.clone()) {
                    self.send(Job::Open(id.clone(), data.clone()));
                }
                return PictureTexture::Loading;
            }
        };
        let (_, (rw, rh)) = source.step_size(w, h, MAX_STEP);
        if let Some((texture, part)) = self
            .atlas
            .as_mut()
            .and_then(|a| a.get(id, (rw, rh, mask), frame))
        {
            return PictureTexture::Ready(texture, part);
        }
        let key = (id.clone(), rw, rh, mask);
        if let Some(e) = self.textures.get_mut(&key) {
            e.used = frame;
            return PictureTexture::Ready(e.texture.id(), crate::scene::pictures::WHOLE);
        }
        if !self.rendering.contains(&key) {
            self.rendering.insert(key.clone());
            self.send(Job::Render(key.clone(), source, rw, rh));
        }
        // Meanwhile the nearest size already drawn.
        let nearest = self
            .textures
            .iter_mut()
            .filter(|((f, _, _, m), _)| f == id && *m == mask)
            .min_by_key(|((_, tw, _, _), _)| tw.abs_diff(rw));
        match nearest {
            Some((_, e)) => {
                e.used = frame;
                PictureTexture::Ready(e.texture.id(), crate::scene::pictures::WHOLE)
            }
            None => PictureTexture::Loading,
        }
    }
}
