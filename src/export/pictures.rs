//! Pictures for an export: each drawn at the export's own scale (an A1 poster gets full
//! detail), once per size, on all cores.

use super::raster::Texture;
use crate::model::{FileData, FileId};
use crate::picture::{self, Pixels, Source};
use crate::scene::{PictureTexture, Pictures};
use egui::epaint::TextureId;
use std::collections::HashMap;

/// One picture at one size.
type Key = (FileId, u32, u32, bool);

/// Collects what the scene asks for, then draws it all at once ([`ExportPictures::draw`]).
#[derive(Default)]
pub struct ExportPictures {
    sources: HashMap<FileId, Option<Source>>,
    wanted: HashMap<Key, TextureId>,
    drawn: HashMap<TextureId, Texture>,
}

impl ExportPictures {
    /// Draws every picture asked for since the last call, on `threads` threads.
    pub fn draw(&mut self, threads: usize) {
        let jobs: Vec<(TextureId, Source, u32, u32, bool)> = self
            .wanted
            .iter()
            .filter(|(_, t)| !self.drawn.contains_key(t))
            .filter_map(|((id, w, h, mask), t)| {
                let src = self.sources.get(id)?.clone()?;
                Some((*t, src, *w, *h, *mask))
            })
            .collect();
        let threads = threads.clamp(1, jobs.len().max(1));
        let per = jobs.len().div_ceil(threads).max(1);
        let done: Vec<(TextureId, Pixels)> = std::thread::scope(|s| {
            let handles: Vec<_> = jobs
                .chunks(per)
                .map(|chunk| {
                    s.spawn(move || {
                        chunk
                            .iter()
                            .map(|(t, src, w, h, mask)| {
                                let px = src.render(*w, *h);
                                (*t, if *mask { px.into_mask() } else { px })
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
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
        self.wanted.values().any(|t| !self.drawn.contains_key(t))
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

impl Pictures for ExportPictures {
    fn texture(
        &mut self,
        id: &FileId,
        data: Option<&FileData>,
        w: f32,
        h: f32,
        mask: bool,
    ) -> PictureTexture {
        let source = self
            .sources
            .entry(id.clone())
            .or_insert_with(|| data.and_then(|d| picture::open(d).ok()));
        let Some(source) = source else {
            return PictureTexture::Missing;
        };
        let (_, (w, h)) = source.step_size(w, h, picture::MAX_RENDER_SIDE);
        let next = TextureId::User(1 << 40 | self.wanted.len() as u64);
        let t = *self.wanted.entry((id.clone(), w, h, mask)).or_insert(next);
        if self.drawn.contains_key(&t) {
            PictureTexture::Ready(t)
        } else {
            PictureTexture::Loading
        }
    }
}
