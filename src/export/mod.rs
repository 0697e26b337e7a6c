//! Export: PNG (the scene painter's meshes rasterized on the CPU, so the picture is what the
//! screen shows, at any size), with the document embedded so that the PNG opens again as an
//! editable canvas; and SVG (the same shapes as vectors, text as text).
//!
//! The stages — scene, tessellate, raster, encode — are timed separately ([`Timings`]).

pub mod frame;
mod pictures;
pub mod png;
pub mod raster;
pub mod summary;
pub mod svg;

use crate::model::{
    Background, Document, ElementId, ExportSettings, FRAME_PIXELS, Rect, Scope, Size,
};
use raster::Progress;
use std::time::{Duration, Instant};

/// No export may need more pixel memory than this (RGBA, 4 bytes a pixel).
pub const MAX_PIXEL_BYTES: u64 = 1 << 30;
/// No export may need more memory than this for the shapes it draws (tessellated meshes),
/// as estimated before any work.
pub const MAX_SHAPE_BYTES: u64 = 768 * crate::io::MB;
/// The range of scales offered (pixels per canvas point). Above 16, text would need glyphs
/// larger than the font atlas holds well.
pub const SCALES: std::ops::RangeInclusive<f32> = 0.1..=16.0;
/// The range of resolutions offered for paper.
pub const DPIS: std::ops::RangeInclusive<u32> = 72..=600;

/// Why an export could not be made. Nothing has been written when one is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExportError {
    #[error("nothing is selected to export")]
    EmptySelection,
    #[error("the picture would be {width} × {height} pixels ({} MB), more than the limit of {} MB", .bytes / crate::io::MB, MAX_PIXEL_BYTES / crate::io::MB)]
    TooLarge { width: u64, height: u64, bytes: u64 },
    #[error("the size is not usable: {0}")]
    BadSize(String),
    #[error("the picture holds too much to draw at once ({elements} elements, about {} MB of shapes; at most {} MB): export one phase or a selection", .bytes / crate::io::MB, MAX_SHAPE_BYTES / crate::io::MB)]
    TooMuch { elements: usize, bytes: u64 },
    #[error("the export was cancelled")]
    Cancelled,
    #[error("the image could not be encoded: {0}")]
    Encode(String),
}

/// Where and how large: the world area that fills the picture and the picture's pixel size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plan {
    pub world: Rect,
    pub pixels_per_point: f32,
    pub width: u32,
    pub height: u32,
    /// For paper: the resolution, written into the PNG so printers know the physical size.
    pub dpi: Option<u32>,
    /// Draw the cards' follow-up badges and the voting dots.
    pub marks: bool,
}

/// How long each stage of an export took.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    pub scene: Duration,
    pub tessellate: Duration,
    pub raster: Duration,
    pub encode: Duration,
    /// The whole export, start to end (drawing and encoding overlap).
    pub wall: Duration,
}

impl Timings {
    /// All stages' time added up (more than `wall` when stages overlap).
    pub fn total(&self) -> Duration {
        self.scene + self.tessellate + self.raster + self.encode
    }
}

/// The world rectangle an export shows, before padding.
pub fn scope_rect(
    doc: &Document,
    scope: Scope,
    selection: &[ElementId],
) -> Result<Rect, ExportError> {
    match scope {
        Scope::All => Ok(doc.bounds()),
        Scope::Phase { phase } => Ok(doc.phase_rect(phase)),
        Scope::Selection => selection
            .iter()
            .filter_map(|id| doc.elements.get(*id))
            .map(|e| doc.bounds_of(e))
            .reduce(|a, b| a.union(&b))
            .ok_or(ExportError::EmptySelection),
    }
}

/// Works out the picture's area and size, refusing one too large before anything is made.
pub fn plan(
    doc: &Document,
    settings: &ExportSettings,
    selection: &[ElementId],
) -> Result<Plan, ExportError> {
    let r = scope_rect(doc, settings.scope, selection)?;
    let pad = settings.padding.clamp(0.0, 10_000.0);
    let mut world = Rect::new(r.x - pad, r.y - pad, r.w + 2.0 * pad, r.h + 2.0 * pad);
    if !(world.w > 0.0 && world.h > 0.0 && world.is_finite()) {
        return Err(ExportError::BadSize("the area to export is empty".into()));
    }
    let (ppp, width, height, dpi) = match settings.size {
        Size::Scale { scale } => {
            if !SCALES.contains(&scale) {
                return Err(ExportError::BadSize(format!(
                    "scale {scale} is outside {}–{}",
                    SCALES.start(),
                    SCALES.end()
                )));
            }
            let (w, h) = ((world.w * scale).ceil(), (world.h * scale).ceil());
            (scale, w as f64, h as f64, None)
        }
        Size::Width { pixels } => {
            if pixels == 0 {
                return Err(ExportError::BadSize("a width of 0 pixels".into()));
            }
            let scale = pixels as f32 / world.w;
            if !SCALES.contains(&scale) {
                return Err(ExportError::BadSize(format!(
                    "{pixels} pixels wide is {scale:.2} pixels per canvas point, outside {}–{}",
                    SCALES.start(),
                    SCALES.end()
                )));
            }
            (
                scale,
                pixels as f64,
                (world.h * scale).round().max(1.0) as f64,
                None,
            )
        }
        Size::Frame { width, height } => {
            if !FRAME_PIXELS.contains(&width) || !FRAME_PIXELS.contains(&height) {
                return Err(ExportError::BadSize(format!(
                    "{width} × {height} pixels is outside {}–{} a side",
                    FRAME_PIXELS.start(),
                    FRAME_PIXELS.end()
                )));
            }
            let scale = (width as f32 / world.w).min(height as f32 / world.h);
            if scale > *SCALES.end() {
                return Err(ExportError::BadSize(format!(
                    "the picture is too small for {width} × {height} pixels (it would be enlarged {scale:.0} times; at most {})",
                    SCALES.end()
                )));
            }
            if scale < *SCALES.start() {
                return Err(ExportError::BadSize(format!(
                    "the picture is too large for {width} × {height} pixels ({scale:.3} pixels per canvas point, at least {}): export one phase or a larger size",
                    SCALES.start()
                )));
            }
            // Widen the area to the frame's shape, so the picture sits centred in it.
            let c = world.center();
            world = Rect::centered(c, width as f32 / scale, height as f32 / scale);
            (scale, width as f64, height as f64, None)
        }
        Size::Paper {
            paper,
            landscape,
            dpi,
        } => {
            if !DPIS.contains(&dpi) {
                return Err(ExportError::BadSize(format!(
                    "{dpi} dpi is outside {}–{}",
                    DPIS.start(),
                    DPIS.end()
                )));
            }
            let (pw, ph) = paper.pixels(dpi, landscape);
            let scale = (pw as f32 / world.w).min(ph as f32 / world.h);
            if scale > *SCALES.end() {
                return Err(ExportError::BadSize(format!(
                    "the picture is too small for {} at {dpi} dpi (it would be enlarged {scale:.0} times; at most {})",
                    paper.name(),
                    SCALES.end()
                )));
            }
            if scale < *SCALES.start() {
                return Err(ExportError::BadSize(format!(
                    "the picture is too large for {} at {dpi} dpi ({scale:.3} pixels per canvas point, at least {}): export one phase or a larger paper",
                    paper.name(),
                    SCALES.start()
                )));
            }
            // Widen the area to the page's shape, so the picture sits centred on the page.
            let (ww, wh) = (pw as f32 / scale, ph as f32 / scale);
            let c = world.center();
            world = Rect::centered(c, ww, wh);
            (scale, pw as f64, ph as f64, Some(dpi))
        }
    };
    let bytes = width * height * 4.0;
    if !bytes.is_finite()
        || bytes > MAX_PIXEL_BYTES as f64
        || width > u32::MAX as f64
        || height > u32::MAX as f64
    {
        return Err(ExportError::TooLarge {
            width: width as u64,
            height: height as u64,
            bytes: bytes.min(u64::MAX as f64) as u64,
        });
    }
    // (After the picture's size: a picture too large to make says so, not that its lines
    // would be too many.)
    let (elements, shape_bytes) = shape_estimate(doc, world, ppp);
    if shape_bytes > MAX_SHAPE_BYTES {
        return Err(ExportError::TooMuch {
            elements,
            bytes: shape_bytes,
        });
    }
    Ok(Plan {
        world,
        pixels_per_point: ppp,
        width: (width as u32).max(1),
        height: (height as u32).max(1),
        dpi,
        marks: settings.marks,
    })
}

/// How many elements an export of `world` at `zoom` draws, and about how much memory their
/// tessellated shapes take (a little generous): cards far out are a few quads, readable ones
/// a rounded box, a shadow and a quad a letter; lines are cut to what is seen.
pub fn shape_estimate(doc: &Document, world: Rect, zoom: f32) -> (usize, u64) {
    use crate::model::Element;
    use crate::scene::{CARD_FONT_SIZE, GREEK_BELOW, font_step};
    let readable = font_step(CARD_FONT_SIZE * zoom) >= GREEK_BELOW;
    let seen = (world.w + world.h) as f64 * zoom as f64 * 2.0;
    let (mut n, mut bytes) = (0_usize, 0_u64);
    for e in doc.elements.iter() {
        if !doc.bounds_of(e).intersects(&world) {
            continue;
        }
        n += 1;
        bytes += match e {
            Element::Card(c) if readable => 8_000 + 150 * c.text.chars().count() as u64,
            Element::Card(_) => 1_200,
            Element::Shape(s) => {
                let px = ((s.rect.w + s.rect.h) as f64 * 2.0 * zoom as f64).min(seen);
                let text = if readable {
                    150 * s.text.chars().count() as u64
                } else {
                    0
                };
                12_000 + (px / 2.0 * 400.0) as u64 + text
            }
            Element::Text(t) if readable => 4_000 + 150 * t.text.chars().count() as u64,
            Element::Text(_) => 600,
            Element::Stroke(s) => 4_000 + 600 * s.points.len() as u64,
            // The picture's pixels at the size drawn, and a texture of them.
            Element::Illustration(p) | Element::Image(p) => {
                let px = (p.rect.w as f64 * zoom as f64).min(seen)
                    * (p.rect.h as f64 * zoom as f64).min(seen);
                2_000 + (px * 8.0) as u64
            }
            Element::Arrow(a) => {
                let path = crate::model::arrow::resolve(doc, a);
                let px = (path.length() as f64 * zoom as f64).min(seen);
                let pieces = match a.style {
                    crate::model::LineStyle::Solid => px / 8.0,
                    crate::model::LineStyle::Dashed | crate::model::LineStyle::Dotted => px / 2.0,
                };
                6_000 + (pieces * 400.0) as u64 + 150 * a.label.chars().count() as u64
            }
        };
    }
    (n, bytes)
}

/// The colour behind everything, premultiplied RGBA.
pub fn background_color(b: Background) -> [u8; 4] {
    match b {
        Background::Phases | Background::White => [255, 255, 255, 255],
        Background::Transparent => [0, 0, 0, 0],
    }
}

/// The document drawn for `plan` and cut into triangles: the scene and tessellate stages.
fn meshes(
    doc: &Document,
    plan: &Plan,
    background: Background,
    timings: &mut Timings,
) -> (frame::Frame, Vec<egui::epaint::ClippedPrimitive>) {
    let t = Instant::now();
    let view = frame::View {
        world: plan.world,
        zoom: plan.pixels_per_point,
        phase_tints: background == Background::Phases,
        marks: plan.marks,
    };
    let mut frame = frame::draw(doc, &view);
    timings.scene = t.elapsed();
    let t = Instant::now();
    let primitives = frame.tessellate();
    timings.tessellate = t.elapsed();
    (frame, primitives)
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Rasterizes a document as `plan` says, into premultiplied RGBA pixels.
pub fn pixels(
    doc: &Document,
    plan: &Plan,
    background: Background,
    progress: &Progress,
    timings: &mut Timings,
) -> Result<Vec<u8>, ExportError> {
    let (frame, primitives) = meshes(doc, plan, background, timings);
    let t = Instant::now();
    let out = raster::rasterize(
        &primitives,
        &frame.textures,
        frame.pixels_per_point,
        plan.width as usize,
        plan.height as usize,
        background_color(background),
        threads(),
        progress,
    )
    .map_err(|_| ExportError::Cancelled)?;
    timings.raster = t.elapsed();
    Ok(out)
}

/// The document as PNG bytes, with the document inside if `settings.embed`.
///
/// Drawing and encoding run at once (see [`png::encode_streaming`]); their [`Timings`] are
/// CPU time summed over threads, and `wall` is the time the whole export took.
pub fn png(
    doc: &Document,
    settings: &ExportSettings,
    selection: &[ElementId],
    progress: &Progress,
) -> Result<(Vec<u8>, Timings), ExportError> {
    let start = Instant::now();
    let plan = plan(doc, settings, selection)?;
    let mut timings = Timings::default();
    let (frame, primitives) = meshes(doc, &plan, settings.background, &mut timings);
    let t = Instant::now();
    let r = raster::Rasterizer::new(
        &primitives,
        &frame.textures,
        frame.pixels_per_point,
        plan.width as usize,
        plan.height as usize,
        background_color(settings.background),
    );
    let setup = t.elapsed();
    // (Not a canvas larger than a picture's canvas may be when opened again.)
    let embedded = settings
        .embed
        .then(|| String::from_utf8_lossy(&crate::io::to_bytes(doc)).into_owned())
        .filter(|json| json.len() as u64 <= crate::io::MAX_EMBEDDED_BYTES);
    let (bytes, times) =
        png::encode_streaming(&r, plan.dpi, embedded.as_deref(), threads(), progress).map_err(
            |e| {
                if progress.is_cancelled() {
                    ExportError::Cancelled
                } else {
                    ExportError::Encode(e)
                }
            },
        )?;
    timings.raster = setup + times.raster;
    timings.encode = times.encode;
    timings.wall = start.elapsed();
    Ok((bytes, timings))
}

/// The document as an SVG file.
pub fn svg(
    doc: &Document,
    settings: &ExportSettings,
    selection: &[ElementId],
) -> Result<String, ExportError> {
    let plan = plan(doc, settings, selection)?;
    // An SVG is drawn at 1 point a unit whatever its pixel size: its shapes are those of a
    // picture at scale 1 (a poster at 72 dpi would otherwise pass with the estimate of a
    // thumbnail).
    let (elements, bytes) = shape_estimate(doc, plan.world, 1.0);
    if bytes > MAX_SHAPE_BYTES {
        return Err(ExportError::TooMuch { elements, bytes });
    }
    Ok(svg::render(doc, &plan, settings.background))
}
