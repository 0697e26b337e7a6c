//! The canvas's pictures: read and drawn on worker threads at the size they are shown (in
//! steps of a power of two, so zooming does not redraw them every frame, and a zoomed-out
//! view samples a small picture rather than a huge one: calm, like mipmaps), and kept as
//! textures while they are used. Until a size is ready the nearest one drawn is shown, or a
//! placeholder.

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
    /// Its size in pixels.
    size: (u32, u32),
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
                        let size = (px.width, px.height);
                        self.textures.insert(
                            key,
                            Entry {
                                texture,
                                used: self.frame,
                                bytes,
                                size,
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

    /// The textures drawn: each one's id, the picture it shows, its size in pixels and
    /// whether it is a one-colour mask (for tests that draw the screen themselves).
    pub fn drawn(&self) -> Vec<(egui::TextureId, FileId, (u32, u32), bool)> {
        self.textures
            .iter()
            .map(|((id, _, _, mask), e)| (e.texture.id(), id.clone(), e.size, *mask))
            .collect()
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
            PictureTexture::Ready(_) | PictureTexture::Loading => PictureColor::Loading,
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
        let key = (id.clone(), rw, rh, mask);
        if let Some(e) = self.textures.get_mut(&key) {
            e.used = frame;
            return PictureTexture::Ready(e.texture.id());
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
                PictureTexture::Ready(e.texture.id())
            }
            None => PictureTexture::Loading,
        }
    }
}
