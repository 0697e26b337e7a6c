//! Pictures for an export: each drawn at the export's own scale (an A1 poster gets full
//! detail), once per size, on all cores.

use super::raster::Texture;
use crate::model::{FileData, FileId};
use crate::picture::{self, Pixels, Source};
use crate::scene::{PictureColor, PictureTexture, Pictures};
use egui::epaint::TextureId;
use std::collections::HashMap;

/// One picture at one size.
type Key = (FileId, u32, u32, bool);

/// Collects what the scene asks for, then draws it all at once ([`ExportPictures::draw`]).
#[derive(Default)]
pub struct ExportPictures {
    sources: HashMap<FileId, Option<Source>>,
    /// Pictures asked for whose bytes are not read yet.
    to_open: HashMap<FileId, FileData>,
    wanted: HashMap<Key, TextureId>,
    drawn: HashMap<TextureId, Texture>,
    /// The average colours asked for: the texture drawn small to know each, and the colour
    /// once it is drawn.
    averages: HashMap<(FileId, bool), (TextureId, Option<egui::Color32>)>,
}

impl ExportPictures {
    /// Runs `work` over `items` on `threads` threads, each taking the next item not taken.
    fn parallel<T: Sync, R: Send>(
        items: &[T],
        threads: usize,
        work: impl Fn(&T) -> R + Sync,
    ) -> Vec<R> {
        let threads = threads.clamp(1, items.len().max(1));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let run = || {
            let mut out = Vec::new();
            while let Some(item) =
                items.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
            {
                out.push(work(item));
            }
            out
        };
        std::thread::scope(|s| {
            // Deep stacks: a hostile SVG must not be able to overflow one.
            let handles: Vec<_> = (0..threads)
                .filter_map(|_| {
                    std::thread::Builder::new()
                        .stack_size(64 * 1024 * 1024)
                        .spawn_scoped(s, run)
                        .ok()
                })
                .collect();
            let mut done: Vec<R> = handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect();
            // No thread could be started: here, then.
            done.extend(run());
            done
        })
    }

    /// Reads the pictures asked for, then draws every picture asked for since the last call,
    /// on `threads` threads.
    pub fn draw(&mut self, threads: usize) {
        let to_open: Vec<(FileId, FileData)> = self.to_open.drain().collect();
        let opened = Self::parallel(&to_open, threads, |(id, data)| {
            (id.clone(), picture::open(data).ok())
        });
        self.sources.extend(opened);
        let jobs: Vec<(TextureId, Source, u32, u32, bool)> = self
            .wanted
            .iter()
            .filter(|(_, t)| !self.drawn.contains_key(t))
            .filter_map(|((id, w, h, mask), t)| {
                let src = self.sources.get(id)?.clone()?;
                Some((*t, src, *w, *h, *mask))
            })
            .collect();
        // Each thread takes the next picture not yet taken: a few large photos do not all
        // land on one thread.
        let done: Vec<(TextureId, Pixels)> =
            Self::parallel(&jobs, threads, |(t, src, w, h, mask)| {
                let px = src.render(*w, *h);
                (*t, if *mask { px.into_mask() } else { px })
            });
        for (t, px) in done {
            let pixels = px
                .rgba
                .chunks_exact(4)
                .map(|c| [c[0], c[1], c[2], c[3]])
                .collect();
            self.drawn.insert(
                t,
                Texture {
                    width: px.width as usize,
                    height: px.height as usize,
                    pixels,
                },
            );
        }
    }

    /// Whether something was asked for that is not drawn yet.
    pub fn has_new(&self) -> bool {
        !self.to_open.is_empty() || self.wanted.values().any(|t| !self.drawn.contains_key(t))
    }

    /// The drawn textures, for the rasterizer; and which picture each shows (and whether as
    /// a one-colour mask), for the SVG writer.
    pub fn into_textures(
        self,
    ) -> (
        HashMap<TextureId, Texture>,
        HashMap<TextureId, (FileId, bool)>,
    ) {
        let shows = self
            .wanted
            .into_iter()
            .map(|((id, _, _, mask), t)| (t, (id, mask)))
            .collect();
        (self.drawn, shows)
    }
}

impl ExportPictures {
    /// The texture that will show `id` drawn for `w` × `h` pixels (asked for now if it was
    /// not); or why there is none yet.
    fn wanted(
        &mut self,
        id: &FileId,
        data: Option<&FileData>,
        w: f32,
        h: f32,
        mask: bool,
    ) -> Result<TextureId, PictureTexture> {
        let source = match (self.sources.get(id), data) {
            (Some(Some(s)), _) => s,
            (Some(None), _) | (None, None) => return Err(PictureTexture::Missing),
            (None, Some(d)) => {
                // Read with the others, on all cores, before the next pass.
                self.to_open.insert(id.clone(), d.clone());
                return Err(PictureTexture::Loading);
            }
        };
        let (_, (w, h)) = source.step_size(w, h, picture::MAX_RENDER_SIDE);
        let next = TextureId::User(1 << 40 | self.wanted.len() as u64);
        Ok(*self.wanted.entry((id.clone(), w, h, mask)).or_insert(next))
    }
}

impl Pictures for ExportPictures {
    fn average(&mut self, id: &FileId, data: Option<&FileData>, mask: bool) -> PictureColor {
        let key = (id.clone(), mask);
        let t = match self.averages.get(&key) {
            Some(&(_, Some(c))) => return PictureColor::Ready(c),
            Some(&(t, None)) => t,
            None => {
                let side = crate::scene::pictures::AVERAGE_SIDE;
                match self.wanted(id, data, side, side, mask) {
                    Ok(t) => t,
                    Err(PictureTexture::Missing) => return PictureColor::Missing,
                    Err(_) => return PictureColor::Loading,
                }
            }
        };
        let color = self
            .drawn
            .get(&t)
            .map(|tex| crate::scene::pictures::average(tex.pixels.as_flattened()));
        self.averages.insert(key, (t, color));
        color.map_or(PictureColor::Loading, PictureColor::Ready)
    }

    fn texture(
        &mut self,
        id: &FileId,
        data: Option<&FileData>,
        w: f32,
        h: f32,
        mask: bool,
    ) -> PictureTexture {
        match self.wanted(id, data, w, h, mask) {
            Ok(t) if self.drawn.contains_key(&t) => {
                PictureTexture::Ready(t, crate::scene::pictures::WHOLE)
            }
            Ok(_) => PictureTexture::Loading,
            Err(why) => why,
        }
    }
}
