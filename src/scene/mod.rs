//! The scene painter: turns a document into epaint shapes for a given view. The canvas and
//! export both draw through [`paint`], so what is exported is what is on screen.
//!
//! Text is laid out at its size on screen (never scaled as a bitmap), at font sizes quantized
//! to steps of 1/16 octave, so it is sharp at any zoom while egui's galley cache and font
//! atlas see only a bounded set of sizes. A card's layout is cached (by egui, keyed by text,
//! size step and width) until one of those changes. Text too small to read is drawn as grey
//! lines, and when zoomed that far out all cards go into one mesh, so a canvas of 10,000
//! cards costs a few quads each.

mod far;
pub mod fonts;
mod kinds;
pub mod pictures;
pub mod workshop;

pub use kinds::{fitted_text_rect, text_height, text_job};
pub use pictures::{NoPictures, PictureColor, PictureTexture, Pictures};

use crate::model::arrow::{self, ArrowPath};
use crate::model::{
    Arrow, Card, Document, Element, ElementId, End, HEADER_HEIGHT, Head, INK, LineStyle,
    MAX_TEXT_CHARS, Point, Rect, Rgba, TextSize,
};
use crate::spatial::SpatialIndex;
use egui::epaint::{Mesh, PathShape, PathStroke, RectShape};
use egui::text::{LayoutJob, TextWrapping};
use egui::{Align, Color32, Painter, Pos2, Shape, Stroke, StrokeKind, pos2, vec2};
use std::collections::HashMap;
use std::sync::Arc;

/// How much of an element a filter leaves when it fades it.
pub const FADED_OPACITY: f32 = 0.18;

/// `painter` drawing faded, for what a filter leaves out of focus.
pub(crate) fn faded(painter: &Painter) -> Painter {
    let mut dim = painter.clone();
    dim.multiply_opacity(FADED_OPACITY);
    dim
}
/// Card text size in world points.
pub const CARD_FONT_SIZE: f32 = 18.0;
/// Space between a card's edge and its text, in world points.
pub const CARD_PADDING: f32 = 12.0;
/// Corner radius of cards, in world points.
pub const CARD_RADIUS: f32 = arrow::CARD_RADIUS;
/// Arrow label size in world points.
pub const LABEL_FONT_SIZE: f32 = 20.0;
/// Phase title size in world points.
pub const TITLE_FONT_SIZE: f32 = 30.0;
/// Size of the canvas's title above the board, in world points.
pub const BAND_TITLE_FONT_SIZE: f32 = 36.0;
/// Size of the date beside it, in world points.
pub const BAND_DATE_FONT_SIZE: f32 = 22.0;
/// Space between the board's edges and the title and date, in world points.
const TITLE_INSET: f32 = 16.0;
/// The colour of the date: quieter than the title, still 7 : 1 on white.
const DATE_INK: Rgba = Rgba::rgb(0x4a, 0x52, 0x5e);
/// Below this size on screen (points) text is drawn as lines: smaller is not readable.
pub const GREEK_BELOW: f32 = 6.0;
/// Depth of the chevron tips of the flow band, in world points.
const CHEVRON_TIP: f32 = 28.0;
/// Gap between chevrons, in world points.
const CHEVRON_GAP: f32 = 8.0;
/// Margin above and below the chevrons inside the header band.
const CHEVRON_MARGIN: f32 = 14.0;

/// Maps world points to screen points: `screen = origin + world × zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    /// Where the world origin is on screen.
    pub origin: Pos2,
    /// Screen points per world point.
    pub zoom: f32,
}

impl Transform {
    pub fn to_screen(&self, p: Point) -> Pos2 {
        pos2(
            self.origin.x + p.x * self.zoom,
            self.origin.y + p.y * self.zoom,
        )
    }

    pub fn to_world(&self, p: Pos2) -> Point {
        Point::new(
            (p.x - self.origin.x) / self.zoom,
            (p.y - self.origin.y) / self.zoom,
        )
    }

    pub fn rect_to_screen(&self, r: &Rect) -> egui::Rect {
        egui::Rect::from_min_size(
            self.to_screen(Point::new(r.x, r.y)),
            vec2(r.w * self.zoom, r.h * self.zoom),
        )
    }

    pub fn rect_to_world(&self, r: egui::Rect) -> Rect {
        let a = self.to_world(r.min);
        Rect::new(a.x, a.y, r.width() / self.zoom, r.height() / self.zoom)
    }
}

/// What to leave out or add when painting.
#[derive(Clone, Copy, Debug)]
pub struct PaintOptions<'a> {
    /// A card or arrow whose text (or label) is drawn by the text editor on top.
    pub hidden_text: Option<ElementId>,
    /// Fill the phase columns with their tints (off for a white or transparent export).
    pub phase_tints: bool,
    /// Draw the follow-up badges of cards and the voting dots (an export may leave them out).
    pub marks: bool,
    /// The language of the words on badges.
    pub lang: crate::lang::Lang,
    /// Elements drawn faded (a filter leaves them out of focus).
    pub faded: Option<&'a std::collections::HashSet<ElementId>>,
    /// Elements drawn with a ring (changed since a day).
    pub highlighted: Option<&'a std::collections::HashSet<ElementId>>,
}

impl Default for PaintOptions<'_> {
    fn default() -> Self {
        Self {
            hidden_text: None,
            phase_tints: true,
            marks: true,
            lang: crate::lang::Lang::default(),
            faded: None,
            highlighted: None,
        }
    }
}

pub fn color32(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r, c.g, c.b, c.a)
}

/// The colour of a phase's chevron in the flow band: its tint, deeper and a little more
/// saturated, keeping its hue, so that the band reads as one arrow in three colours.
pub fn header_color(tint: Rgba) -> Rgba {
    let [r, g, b] = [tint.r, tint.g, tint.b].map(|c| c as f32 / 255.0);
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let (v, s) = (max, if max > 0.0 { (max - min) / max } else { 0.0 });
    // New value and saturation; the hue stays.
    let (v2, s2) = (v * 0.86, (s * 2.2 + 0.06).min(0.45));
    let channel = |c: f32| {
        // Position of the channel between min and max, kept.
        let t = if max > min {
            (c - min) / (max - min)
        } else {
            0.0
        };
        let lo = v2 * (1.0 - s2);
        ((lo + (v2 - lo) * t) * 255.0).round().clamp(0.0, 255.0) as u8
    };
    Rgba::rgb(channel(r), channel(g), channel(b))
}

/// Dark ink or white, whichever reads better on `bg`.
pub fn ink_on(bg: Rgba) -> Rgba {
    let white = Rgba::rgb(255, 255, 255);
    if INK.contrast(&bg) >= white.contrast(&bg) {
        INK
    } else {
        white
    }
}

/// Rounds a font size to the nearest step of 1/16 octave (steps ≈ 4.4 % apart).
pub fn font_step(size: f32) -> f32 {
    if !(size > 0.0 && size.is_finite()) {
        return 1.0;
    }
    ((size.log2() * 16.0).round() / 16.0).exp2().max(0.5)
}

/// The smallest text of a card whose size is fitted to it, in world points: longer text is
/// cut with "…" rather than made smaller (the editor grows the card instead).
pub const FIT_MIN: f32 = 14.0;
/// The largest text of a card whose size is fitted to it, in world points.
pub const FIT_MAX: f32 = 44.0;

/// The share of a card's text area that fitted text may fill.
const FIT_SLACK: f32 = 0.94;

/// The sizes a fitted card text may take, largest first: the font steps (see [`font_step`])
/// from [`FIT_MAX`] down to [`FIT_MIN`].
fn fit_ladder() -> impl Iterator<Item = f32> {
    let lo = (FIT_MIN.log2() * 16.0).round() as i32;
    let hi = (FIT_MAX.log2() * 16.0).round() as i32;
    (lo..hi + 1).rev().map(|k| (k as f32 / 16.0).exp2())
}

/// The font of card text: Inter, or Inter SemiBold for bold cards.
pub fn card_font(size: f32, bold: bool) -> egui::FontId {
    if bold {
        fonts::title(size)
    } else {
        fonts::card(size)
    }
}

/// The space inside a card for its text, in world points.
pub(super) fn text_area(rect: Rect) -> (f32, f32) {
    (
        (rect.w - 2.0 * CARD_PADDING).max(1.0),
        (rect.h - 2.0 * CARD_PADDING).max(1.0),
    )
}

/// Whether `text` at world size `size` fits a card of `rect`, wrapping only between words.
fn text_fits(
    fonts: &mut egui::epaint::FontsView<'_>,
    text: &str,
    rect: Rect,
    size: f32,
    bold: bool,
) -> bool {
    // With some room to spare: drawn at another zoom, glyphs land on other pixels and a
    // line may come out a little wider; fitted to the last pixel, it would wrap (and be cut).
    let (w, h) = text_area(rect);
    let w = w * FIT_SLACK;
    let job = LayoutJob::simple(text.to_owned(), card_font(size, bold), Color32::BLACK, w);
    let galley = fonts.layout_job(job);
    let rows_allowed = (h / (size * 1.2)).floor().max(1.0) as usize;
    if galley.rect.height() > h * FIT_SLACK || galley.rows.len() > rows_allowed {
        return false;
    }
    // A row that ends inside a word means a word is wider than the card at this size.
    galley.rows.windows(2).all(|pair| {
        let (row, next) = (&pair[0], &pair[1]);
        row.ends_with_newline
            || row
                .row
                .glyphs
                .last()
                .is_none_or(|g| g.chr.is_whitespace() || g.chr == '-')
            || next
                .row
                .glyphs
                .first()
                .is_none_or(|g| g.chr.is_whitespace())
    })
}

/// The size in world points of a card's text (see [`card_text_size`]), laid out the same way
/// on every screen and in every export. Remembered by what it depends on (text, size of the
/// card, weight), for every window and export alike: a card is fitted once, not every frame.
pub fn fitted_size(card: &Card) -> f32 {
    fitted_size_of(
        &card.text,
        workshop::card_text_rect(card),
        card.text_size,
        card.bold,
    )
}

/// [`fitted_size`] for any text in a box (a shape's text in its text area).
pub fn fitted_size_of(text: &str, rect: Rect, text_size: TextSize, bold: bool) -> f32 {
    use std::hash::{Hash, Hasher};
    use std::sync::{Mutex, OnceLock, PoisonError};
    static FITTED: OnceLock<Mutex<HashMap<u64, f32>>> = OnceLock::new();
    if let Some(points) = text_size.points() {
        return points;
    }
    let key = {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        rect.w.to_bits().hash(&mut h);
        rect.h.to_bits().hash(&mut h);
        bold.hash(&mut h);
        h.finish()
    };
    let fitted = FITTED.get_or_init(Mutex::default);
    if let Some(&size) = fitted
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&key)
    {
        return size;
    }
    let size = fonts::with_reference_layout(|f| text_size_for(f, text, rect, text_size, bold));
    let mut map = fitted.lock().unwrap_or_else(PoisonError::into_inner);
    if map.len() > 200_000 {
        map.clear();
    }
    map.insert(key, size);
    size
}

/// [`text_size_for`], laid out the same way on every screen and in every export.
pub fn fitted_size_for(text: &str, rect: Rect, size: TextSize, bold: bool) -> f32 {
    fonts::with_reference_layout(|f| text_size_for(f, text, rect, size, bold))
}

/// The start of `text` that a card of `rect` could show at `size`: no more characters than
/// its rows could hold if every glyph were as narrow as the narrowest (a fifth of the size).
/// Text beyond that can never show, so it is never laid out: a card holding 20,000
/// characters costs what its few visible rows cost.
pub fn visible_prefix(text: &str, rect: Rect, size: f32) -> &str {
    let (w, h) = text_area(rect);
    let rows = (h / (size * 1.2)).floor().max(1.0);
    let per_row = (w / (size * 0.2)).ceil().max(1.0);
    let most = (rows * (per_row + 1.0)).min(MAX_TEXT_CHARS as f32) as usize;
    match text.char_indices().nth(most) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// The size in world points of a card's text: its fixed size, or the largest that fits the
/// card (at least [`FIT_MIN`]).
pub fn card_text_size(fonts: &mut egui::epaint::FontsView<'_>, card: &Card) -> f32 {
    text_size_for(fonts, &card.text, card.rect, card.text_size, card.bold)
}

/// Like [`card_text_size`] for any text (the editor sizes its buffer this way).
pub fn text_size_for(
    fonts: &mut egui::epaint::FontsView<'_>,
    text: &str,
    rect: Rect,
    size: TextSize,
    bold: bool,
) -> f32 {
    if let Some(points) = size.points() {
        return points;
    }
    let ladder: Vec<f32> = fit_ladder().collect();
    if text.trim().is_empty() {
        return ladder[0];
    }
    // More than could show even at the smallest size: the smallest, without laying it out.
    if visible_prefix(text, rect, FIT_MIN).len() < text.len() {
        return FIT_MIN;
    }
    // The ladder runs largest first and fitting is monotone: find the first size that fits.
    let (mut lo, mut hi) = (0, ladder.len() - 1);
    if !text_fits(fonts, text, rect, ladder[hi], bold) {
        return ladder[hi];
    }
    while lo < hi {
        let mid = (lo + hi) / 2;
        if text_fits(fonts, text, rect, ladder[mid], bold) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    ladder[lo]
}

/// A quick guess of a card's text size from its length, for cards drawn as lines far out,
/// where laying text out would cost more than it shows.
pub fn estimated_text_size(card: &Card) -> f32 {
    if let Some(points) = card.text_size.points() {
        return points;
    }
    // Area of the text at size s is about chars × 0.55 s × 1.25 s, with a third lost to
    // wrapping: solve for s. One square root a card, for the grey bars far out.
    let (w, h) = text_area(card.rect);
    let chars = card.text.chars().count().max(1) as f32;
    (w * h / (chars * 0.55 * 1.25 * 1.35))
        .sqrt()
        .clamp(FIT_MIN, FIT_MAX)
}

/// The layout of a card's text at `zoom`, its size `size` in world points: centred, wrapped
/// at the card's inner width, cut with "…" where it would overflow the card. Wrapping is the
/// same at every zoom, because the wrap width scales with the (quantized) font size.
pub fn card_text_job(card: &Card, size: f32, zoom: f32) -> LayoutJob {
    card_text_job_for(
        &card.text,
        workshop::card_text_rect(card),
        card.color.text(),
        size,
        card.bold,
        zoom,
        true,
    )
}

/// Like [`card_text_job`] for any text (the editor lays out its buffer this way).
pub fn card_text_job_for(
    text: &str,
    rect: Rect,
    color: Rgba,
    size: f32,
    bold: bool,
    zoom: f32,
    elide: bool,
) -> LayoutJob {
    let screen_size = font_step(size * zoom);
    let scale = screen_size / size; // screen points per world point, for this size step
    let (inner_w, inner_h) = text_area(rect);
    let font = card_font(screen_size, bold);
    let text = if elide {
        visible_prefix(text, rect, size)
    } else {
        text
    };
    let mut job = LayoutJob::simple(text.to_owned(), font, color32(color), inner_w * scale);
    job.halign = Align::Center;
    if elide {
        // Row height is about 1.2 × the font size.
        let rows = (inner_h / (size * 1.2)).floor().max(1.0) as usize;
        job.wrap = TextWrapping {
            max_rows: rows,
            ..TextWrapping::wrap_at_width(inner_w * scale)
        };
    }
    job
}

/// The height in world points a card needs to show all of `text` at its width, at `size`.
pub fn card_height_for_text(
    ctx: &egui::Context,
    text: &str,
    rect: Rect,
    size: f32,
    bold: bool,
) -> f32 {
    let job = card_text_job_for(text, rect, INK, size, bold, 1.0, false);
    let scale = font_step(size) / size;
    let galley = ctx.fonts_mut(|f| f.layout_job(job));
    galley.rect.height() / scale + 2.0 * CARD_PADDING
}

/// Buffers the painter keeps from frame to frame, so that a frame allocates little.
#[derive(Debug, Default)]
pub struct SceneCache {
    /// Paint-order positions of the elements in view.
    pub visible: Vec<usize>,
    /// The mesh of cards drawn as quads when zoomed far out. Shared with the shape list for
    /// one frame; unique again by the next, so its memory is reused.
    far: Arc<Mesh>,
    /// The far-out looks of the elements, kept while they do not change.
    pub looks: far::FarCache,
    /// Arrows' lines as worked out from the document, kept while they do not change.
    paths: ArrowPaths,
    /// Strokes near enough to see their shape, kept while they do not change.
    strokes: far::NearLooks,
}

/// Arrows' lines by element id, with the stamp (see [`SpatialIndex::stamp`]) each was worked
/// out for: an arrow bound to what moved is touched too, so the stamp tells when it is new.
/// Working out where a line meets the outlines it is bound to is most of drawing it.
#[derive(Debug, Default)]
struct ArrowPaths {
    paths: crate::model::ids::IdMap<KeptPath>,
    frame: u64,
    used: usize,
}

/// An arrow's line and the middle of its label (if it has one), for a stamp.
#[derive(Debug)]
struct KeptPath {
    stamp: u64,
    used: u64,
    path: ArrowPath,
    label: Option<Point>,
}

impl KeptPath {
    fn of(doc: &Document, a: &Arrow, stamp: u64, used: u64) -> Self {
        let path = arrow::resolve(doc, a);
        let label = (!a.label.is_empty()).then(|| arrow::label_place(&a.label, &path).center());
        Self {
            stamp,
            used,
            path,
            label,
        }
    }
}

impl ArrowPaths {
    fn begin(&mut self) {
        if self.paths.len() > 2 * self.used + 4096 {
            let frame = self.frame;
            self.paths.retain(|_, k| k.used == frame);
        }
        self.frame += 1;
        self.used = 0;
    }

    /// The line of `a` (stamped `stamp`, if the index knows it) and where its label goes.
    fn get(
        &mut self,
        doc: &Document,
        a: &Arrow,
        stamp: Option<u64>,
    ) -> (std::borrow::Cow<'_, ArrowPath>, Option<Point>) {
        self.used += 1;
        let Some(stamp) = stamp else {
            let k = KeptPath::of(doc, a, 0, 0);
            return (std::borrow::Cow::Owned(k.path), k.label);
        };
        let frame = self.frame;
        let kept = self
            .paths
            .entry(a.id)
            .and_modify(|k| {
                if k.stamp != stamp {
                    *k = KeptPath::of(doc, a, stamp, frame);
                }
            })
            .or_insert_with(|| KeptPath::of(doc, a, stamp, frame));
        kept.used = frame;
        (std::borrow::Cow::Borrowed(&kept.path), kept.label)
    }
}

/// Paints the document as seen through `xf`, limited to the painter's clip rect.
pub fn paint(
    painter: &Painter,
    doc: &Document,
    index: &SpatialIndex,
    xf: &Transform,
    options: &PaintOptions,
    cache: &mut SceneCache,
    pictures: &mut dyn Pictures,
) {
    let view = xf.rect_to_world(painter.clip_rect());
    let ppp = painter.pixels_per_point();
    paint_title(painter, doc, xf, view, options.phase_tints);
    paint_phases(painter, doc, xf, view, options.phase_tints);
    workshop::paint_lanes(painter, doc, xf, view);
    index.query(doc, view, &mut cache.visible);
    cache.paths.begin();
    cache.strokes.begin();
    let elements = doc.elements.as_slice();
    let readable = font_step(CARD_FONT_SIZE * xf.zoom) >= GREEK_BELOW;
    let mut labels = Vec::new();
    if readable {
        let dim = options.faded.map(|f| (f, faded(painter)));
        for (i, e) in cache
            .visible
            .iter()
            .filter_map(|&i| Some((i, elements.get(i)?)))
        {
            let painter = match &dim {
                Some((f, dim)) if f.contains(&e.id()) => dim,
                _ => painter,
            };
            if options.highlighted.is_some_and(|h| h.contains(&e.id())) {
                workshop::paint_highlight(painter, doc, e, xf);
            }
            match e {
                Element::Card(card) => {
                    let size = fitted_size(card);
                    paint_card(painter, card, size, xf, options)
                }
                Element::Shape(s) => kinds::paint_shape(painter, s, xf, options, true),
                Element::Text(t) => kinds::paint_text(painter, t, xf, options, true),
                Element::Stroke(s) if FULL_DETAIL.load(std::sync::atomic::Ordering::Relaxed) => {
                    kinds::paint_stroke(painter, s, xf)
                }
                Element::Stroke(s) => {
                    let stamp = index.stamp(i, s.id);
                    cache.strokes.paint_stroke(painter, s, stamp, xf)
                }
                Element::Arrow(a) => {
                    let (path, _) = cache.paths.get(doc, a, index.stamp(i, a.id));
                    paint_arrow(painter, a, &path, xf, options, &mut labels)
                }
                Element::Illustration(p) | Element::Image(p) => {
                    pictures::paint_picture(painter, &doc.files, p, xf, ppp, pictures)
                }
            }
        }
        workshop::paint_votes(
            painter,
            doc,
            cache.visible.iter().filter_map(|&i| elements.get(i)),
            xf,
            options,
        );
    } else {
        // Far out: every element but the arrows is a few quads in one mesh, in paint order.
        if Arc::get_mut(&mut cache.far).is_none() {
            cache.far = Arc::default();
        }
        let Some(mesh) = Arc::get_mut(&mut cache.far) else {
            return;
        };
        // (Not `Mesh::clear`, which lets go of the vertices' memory: the buffers are kept.)
        mesh.vertices.clear();
        mesh.indices.clear();
        let full = FULL_DETAIL.load(std::sync::atomic::Ordering::Relaxed);
        let mut arrows = Vec::new();
        let mut pics = Vec::new();
        cache.looks.begin(elements.len(), xf.zoom, full);
        for &i in &cache.visible {
            let Some(e) = elements.get(i) else {
                continue;
            };
            match e {
                // In the mesh, in their place: lines and patterns too fine to show.
                Element::Arrow(a) if !full && far::arrow_is_kept(a, xf.zoom) => {
                    let stamp = index.stamp(i, a.id);
                    // The line is worked out only when its look is made.
                    let label = if cache.looks.is_kept(i, stamp) {
                        cache.looks.append(mesh, i, e, stamp, xf, None)
                    } else {
                        let (path, label) = cache.paths.get(doc, a, stamp);
                        cache
                            .looks
                            .append(mesh, i, e, stamp, xf, Some((&path, label)))
                    };
                    if let Some(at) = label
                        && options.hidden_text != Some(a.id)
                    {
                        labels.push((a.label.as_str(), xf.to_screen(at)));
                    }
                }
                // Patterns that show, dash by dash, over the rest.
                Element::Arrow(a) => arrows.push((i, a)),
                // A few pixels large: a patch of its colour, in its place.
                Element::Illustration(p) | Element::Image(p)
                    if !full && pictures::is_dot(p, xf, ppp) =>
                {
                    let stamp = index.stamp(i, p.id);
                    cache.looks.append_patch(mesh, i, p, stamp, xf, || {
                        pictures::dot_color(&doc.files, p, pictures)
                    });
                }
                // Each on its own texture, over the rest.
                Element::Illustration(p) | Element::Image(p) => pics.push(p),
                _ => {
                    let stamp = index.stamp(i, e.id());
                    cache.looks.append(mesh, i, e, stamp, xf, None);
                }
            }
        }
        // In a primitive of its own (a clip rect a hair smaller): appended to what came
        // before, its hundreds of thousands of vertices were copied again and again as that
        // buffer grew.
        let own = painter.with_clip_rect(painter.clip_rect().shrink(1e-3));
        own.add(Shape::Mesh(cache.far.clone()));
        pictures::paint_pictures(painter, &doc.files, pics, xf, ppp, pictures);
        for (i, a) in arrows {
            let (path, _) = cache.paths.get(doc, a, index.stamp(i, a.id));
            paint_arrow(painter, a, &path, xf, options, &mut labels);
        }
    }
    paint_labels(painter, &labels, xf.zoom);
}

/// The layout of an arrow's label at `zoom`.
pub fn label_job(text: &str, color: Rgba, zoom: f32) -> LayoutJob {
    let size = font_step(LABEL_FONT_SIZE * zoom);
    let mut job = LayoutJob::simple(
        text.to_owned(),
        fonts::card(size),
        color32(color),
        f32::INFINITY,
    );
    job.halign = Align::Center;
    job
}

/// The arrow's line in screen points, with curves cut finely enough to look smooth at this
/// size.
pub fn arrow_screen_points(path: &ArrowPath, xf: &Transform) -> Vec<Pos2> {
    let segments = match path {
        ArrowPath::Poly(_) => 1,
        // As few pieces as keep the curve within a quarter pixel of itself: the chords of n
        // equal steps of a quadratic stray |p0 − 2c + p2| / (4 n²) at most (less for a part).
        ArrowPath::Quad { p0, c, p2, t0, t1 } => {
            let dx = p0.x - 2.0 * c.x + p2.x;
            let dy = p0.y - 2.0 * c.y + p2.y;
            let bend = (dx * dx + dy * dy).sqrt() * xf.zoom * (t1 - t0).abs();
            let n = (bend / (4.0 * 0.25)).sqrt().ceil();
            if n.is_finite() {
                (n as usize).clamp(4, 512)
            } else {
                512
            }
        }
    };
    path.points(segments)
        .into_iter()
        .map(|p| xf.to_screen(p))
        .collect()
}

/// The parts of a line inside `clip`, each with how far along the whole line it starts.
pub fn clip_polyline(pts: &[Pos2], clip: egui::Rect) -> Vec<(f32, Vec<Pos2>)> {
    let mut pieces: Vec<(f32, Vec<Pos2>)> = Vec::new();
    let mut along = 0.0;
    let mut open = false;
    for pair in pts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let len = (b - a).length();
        match clip_segment(a, b, clip) {
            Some((t0, t1)) => {
                let (p, q) = (a + (b - a) * t0, a + (b - a) * t1);
                match pieces.last_mut() {
                    Some((_, piece)) if open && t0 == 0.0 => piece.push(q),
                    _ => pieces.push((along + len * t0, vec![p, q])),
                }
                open = t1 == 1.0;
            }
            None => open = false,
        }
        along += len;
    }
    pieces
}

/// The part `t0..t1` (of 0..1) of the segment `a`–`b` inside `r` (Liang–Barsky), if any.
fn clip_segment(a: Pos2, b: Pos2, r: egui::Rect) -> Option<(f32, f32)> {
    if !(a.x.is_finite() && a.y.is_finite() && b.x.is_finite() && b.y.is_finite()) {
        return None;
    }
    let d = b - a;
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    for (p, q) in [
        (-d.x, a.x - r.min.x),
        (d.x, r.max.x - a.x),
        (-d.y, a.y - r.min.y),
        (d.y, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1 && t0.is_finite() && t1.is_finite()).then_some((t0, t1))
}

/// Cuts `d0` off the start and `d1` off the end of a line.
fn shorten(mut pts: Vec<Pos2>, d0: f32, d1: f32) -> Vec<Pos2> {
    fn cut_front(pts: &mut Vec<Pos2>, mut d: f32) {
        while pts.len() >= 2 && d > 0.0 {
            let seg = pts[1] - pts[0];
            let len = seg.length();
            if len > d {
                pts[0] += seg * (d / len);
                return;
            }
            d -= len;
            pts.remove(0);
        }
    }
    cut_front(&mut pts, d0);
    pts.reverse();
    cut_front(&mut pts, d1);
    pts.reverse();
    pts
}

/// An arrow's line on screen (`pts`) pulled back from its heads (`head_len` long, the line
/// `w` wide, in screen points) so that its ends do not poke through their tips.
pub(super) fn pulled_back(pts: &[Pos2], a: &Arrow, head_len: f32, w: f32) -> Vec<Pos2> {
    let back = |h: Head| match h {
        Head::None => 0.0,
        Head::Triangle => head_len * 0.8,
        Head::Open => w * 0.6,
        Head::Dot => dot_radius(w),
    };
    let total: f32 = pts.windows(2).map(|p| (p[1] - p[0]).length()).sum();
    let (b0, b1) = (back(a.start_head), back(a.end_head));
    if b0 + b1 < total * 0.9 {
        shorten(pts.to_vec(), b0, b1)
    } else {
        pts.to_vec()
    }
}

/// Paints an arrow's line and heads; its label, if any, is added to `labels` to be painted
/// after all lines.
fn paint_arrow<'a>(
    painter: &Painter,
    a: &'a Arrow,
    path: &ArrowPath,
    xf: &Transform,
    options: &PaintOptions,
    labels: &mut Vec<(&'a str, Pos2)>,
) {
    let pts = arrow_screen_points(path, xf);
    if pts.len() < 2 {
        return;
    }
    let z = xf.zoom;
    let w = (a.width.points() * z).max(1.0);
    let color = color32(a.color.line());
    let head_len = (arrow::head_size(a.width) * z).max(6.0);
    let line = pulled_back(&pts, a, head_len, w);
    // Only what is seen is drawn: a line millions of points long, dashed, would otherwise
    // cost millions of dashes. The pattern keeps its place along the whole line.
    let seen = painter.clip_rect().expand(w * 4.0 + head_len + 8.0);
    for (start, piece) in clip_polyline(&line, seen) {
        match a.style {
            LineStyle::Solid => {
                painter.add(PathShape::line(piece, PathStroke::new(w, color)));
            }
            LineStyle::Dashed | LineStyle::Dotted if faint_pattern(a, z) => {
                // Far out the pattern is finer than a few pixels: what the eye sees is a
                // fainter line, and that is drawn (one shape, not thousands of dashes).
                let share = pattern_share(a, z, w);
                painter.add(PathShape::line(
                    piece,
                    PathStroke::new(w, color.gamma_multiply(share)),
                ));
            }
            LineStyle::Dashed => {
                let (dash, gap) = dash_pattern(a, z);
                let period = dash + gap;
                let offset = (period - start.rem_euclid(period)).rem_euclid(period);
                // All the dashes of the piece in one mesh: a long dashed arrow far out has
                // hundreds, and a shape each cost more than drawing them.
                let mut mesh = egui::Mesh::default();
                dashes(&mut mesh, &piece, w, color, dash, gap, offset);
                if !mesh.is_empty() {
                    painter.add(Shape::mesh(mesh));
                }
            }
            LineStyle::Dotted => {
                let spacing = dot_spacing(a, z);
                let offset = (spacing - start.rem_euclid(spacing)).rem_euclid(spacing);
                let piece = shorten(piece, offset, 0.0);
                painter.extend(Shape::dotted_line(&piece, color, spacing, w * 0.6));
            }
        }
    }
    for (head, which) in [(a.start_head, End::Start), (a.end_head, End::End)] {
        let tip = match which {
            End::Start => pts[0],
            End::End => pts[pts.len() - 1],
        };
        let d = path.direction_at(which);
        paint_head(painter, head, tip, vec2(d.x, d.y), head_len, w, color);
    }
    if !a.label.is_empty() && options.hidden_text != Some(a.id) {
        let place = arrow::label_place(&a.label, path).center();
        labels.push((a.label.as_str(), xf.to_screen(place)));
    }
}

/// The dashes and gaps of a dashed arrow on screen at zoom `z`: a pattern of the canvas, so
/// that it grows and shrinks with the zoom as the line does.
fn dash_pattern(a: &Arrow, z: f32) -> (f32, f32) {
    let w = a.width.points();
    ((w * 3.5 + 4.0) * z, (w * 2.0 + 3.0) * z)
}

/// The distance between the dots of a dotted arrow on screen at zoom `z`.
fn dot_spacing(a: &Arrow, z: f32) -> f32 {
    (a.width.points() * 2.2 + 2.0) * z
}

/// Draws every dash however small (for the test that the level of detail looks the same).
#[doc(hidden)]
pub static FULL_DETAIL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether a dashed or dotted arrow's pattern is finer than the eye can tell at zoom `z`
/// (its period under four pixels), so that it is drawn as a fainter solid line.
pub(super) fn faint_pattern(a: &Arrow, z: f32) -> bool {
    if FULL_DETAIL.load(std::sync::atomic::Ordering::Relaxed) {
        return false;
    }
    match a.style {
        LineStyle::Solid => false,
        LineStyle::Dashed => {
            let (d, g) = dash_pattern(a, z);
            d + g < 4.0
        }
        LineStyle::Dotted => dot_spacing(a, z) < 4.0,
    }
}

/// How much of a dashed or dotted line of `w` pixels is ink at zoom `z`: the shade of the
/// faint line that stands for it (dots so close that they overlap make a whole line).
pub(super) fn pattern_share(a: &Arrow, z: f32, w: f32) -> f32 {
    match a.style {
        LineStyle::Solid => 1.0,
        LineStyle::Dashed => {
            let (d, g) = dash_pattern(a, z);
            d / (d + g).max(1e-3)
        }
        LineStyle::Dotted => {
            let r = w * 0.6;
            (std::f32::consts::PI * r * r / (dot_spacing(a, z) * w).max(1e-3)).min(1.0)
        }
    }
}

/// Adds the dashes of `path` to `mesh`, as `Shape::dashed_line_with_offset` places them
/// (`offset`: how far into the first dash the line starts), each a quad of width `w` with a
/// soft edge of one pixel as egui's lines have (a line thinner than a pixel is a pixel wide
/// and fainter).
fn dashes(
    mesh: &mut egui::Mesh,
    path: &[Pos2],
    w: f32,
    color: Color32,
    dash: f32,
    gap: f32,
    offset: f32,
) {
    let mut quad = |a: Pos2, b: Pos2| {
        let d = b - a;
        let len = d.length();
        if len <= 0.0 || !len.is_finite() {
            return;
        }
        let n = vec2(-d.y, d.x) / len;
        // Rows of vertices across the line, each along the whole dash: a line a pixel wide
        // or less is three (transparent, the colour faded by the width, transparent), a
        // wider one four (a soft pixel on each side of the solid colour).
        let faded = color.gamma_multiply(w.clamp(0.0, 1.0));
        let (inner, outer) = (w / 2.0 - 0.5, w / 2.0 + 0.5);
        let thin = [
            (-1.0, Color32::TRANSPARENT),
            (0.0, faded),
            (1.0, Color32::TRANSPARENT),
        ];
        let wide = [
            (-outer, Color32::TRANSPARENT),
            (-inner, color),
            (inner, color),
            (outer, Color32::TRANSPARENT),
        ];
        let rows: &[(f32, Color32)] = if w <= 1.0 { &thin } else { &wide };
        let base = mesh.vertices.len() as u32;
        for &(p, c) in rows {
            mesh.colored_vertex(a + n * p, c);
            mesh.colored_vertex(b + n * p, c);
        }
        for k in 0..rows.len() as u32 - 1 {
            let i = base + 2 * k;
            mesh.add_triangle(i, i + 1, i + 2);
            mesh.add_triangle(i + 1, i + 3, i + 2);
        }
    };
    let (dash, gap) = (dash.max(0.5), gap.max(0.5));
    let mut along = offset;
    let mut drawing = false;
    for seg in path.windows(2) {
        let (start, end) = (seg[0], seg[1]);
        let v = end - start;
        let len = v.length();
        if !len.is_finite() {
            return;
        }
        let mut from = start;
        while along < len {
            let p = start + v * (along / len);
            if drawing {
                quad(from, p);
                along += gap;
            } else {
                from = p;
                along += dash;
            }
            drawing = !drawing;
        }
        if drawing {
            quad(from, end);
        }
        along -= len;
    }
}

/// Arrow labels go on top of every line, so that no line crosses a label.
fn paint_labels(painter: &Painter, labels: &[(&str, Pos2)], z: f32) {
    for &(label, m) in labels {
        if font_step(LABEL_FONT_SIZE * z) >= GREEK_BELOW {
            let galley = painter.layout_job(label_job(label, INK, z));
            let rect = egui::Rect::from_center_size(m, galley.rect.size());
            painter.rect_filled(
                rect.expand2(vec2(6.0, 3.0) * z.clamp(0.5, 2.0)),
                4.0 * z.min(2.0),
                Color32::from_rgba_unmultiplied(255, 255, 255, 235),
            );
            painter.galley(rect.min - galley.rect.min.to_vec2(), galley, color32(INK));
        } else {
            let chars = label.chars().count() as f32;
            let size = vec2(chars * 8.0 * z, 16.0 * z);
            painter.rect_filled(
                egui::Rect::from_center_size(m, size),
                0.0,
                Color32::from_white_alpha(220),
            );
        }
    }
}

pub(super) fn dot_radius(w: f32) -> f32 {
    (w * 1.6).max(3.0)
}

/// An arrowhead with its tip at `tip`, pointing along `dir`.
fn paint_head(
    painter: &Painter,
    head: Head,
    tip: Pos2,
    dir: egui::Vec2,
    len: f32,
    w: f32,
    color: Color32,
) {
    let perp = vec2(-dir.y, dir.x);
    match head {
        Head::None => {}
        Head::Triangle => {
            let base = tip - dir * len;
            let pts = vec![tip, base + perp * len * 0.45, base - perp * len * 0.45];
            painter.add(PathShape::convex_polygon(pts, color, Stroke::NONE));
        }
        Head::Open => {
            let base = tip - dir * len;
            let pts = vec![base + perp * len * 0.5, tip, base - perp * len * 0.5];
            painter.add(PathShape::line(pts, PathStroke::new(w, color)));
        }
        Head::Dot => {
            painter.circle_filled(tip, dot_radius(w), color);
        }
    }
}

/// The canvas's title (left) and date (right) in the band above the board.
fn paint_title(painter: &Painter, doc: &Document, xf: &Transform, view: Rect, fill: bool) {
    let Some(band) = doc.title_band() else {
        return;
    };
    if !band.intersects(&view) {
        return;
    }
    let z = xf.zoom;
    let screen = xf.rect_to_screen(&band);
    if fill {
        painter.rect_filled(screen, 0.0, Color32::WHITE);
    }
    let inset = TITLE_INSET * z;
    let text_rect = screen.shrink2(vec2(inset, 0.0));
    let ink = color32(INK);
    let size = font_step(BAND_TITLE_FONT_SIZE * z);
    if size < GREEK_BELOW {
        let chars = doc.title.chars().count() as f32;
        let w = (chars * BAND_TITLE_FONT_SIZE * 0.55 * z).min(text_rect.width());
        let bar = egui::Rect::from_min_size(
            pos2(text_rect.left(), screen.center().y - size * 0.3),
            vec2(w, size * 0.6),
        );
        painter.rect_filled(
            bar,
            0.0,
            Color32::from_rgba_unmultiplied(0x1f, 0x23, 0x28, 90),
        );
        return;
    }
    let mut right = text_rect.right();
    if !doc.date.trim().is_empty() {
        let mut job = LayoutJob::simple_singleline(
            doc.date.trim().to_owned(),
            fonts::card(font_step(BAND_DATE_FONT_SIZE * z)),
            color32(DATE_INK),
        );
        job.wrap = TextWrapping::truncate_at_width(text_rect.width() * 0.4);
        let galley = painter.layout_job(job);
        let pos = pos2(
            text_rect.right() - galley.rect.width(),
            screen.center().y - galley.rect.height() / 2.0,
        );
        right = pos.x - inset;
        painter.galley(pos, galley, color32(DATE_INK));
    }
    let mut job =
        LayoutJob::simple_singleline(doc.title.trim().to_owned(), fonts::title(size), ink);
    job.wrap = TextWrapping::truncate_at_width((right - text_rect.left()).max(1.0));
    let galley = painter.layout_job(job);
    let pos = pos2(
        text_rect.left(),
        screen.center().y - galley.rect.height() / 2.0,
    );
    painter.galley(pos, galley, ink);
}

fn paint_phases(painter: &Painter, doc: &Document, xf: &Transform, view: Rect, tints: bool) {
    let board = doc.board_rect();
    if !board.intersects(&view) {
        return;
    }
    let z = xf.zoom;
    if tints {
        for (id, phase) in doc.phases.iter() {
            let r = doc.phase_rect(id);
            painter.rect_filled(xf.rect_to_screen(&r), 0.0, color32(phase.tint));
        }
    }
    // Thin separators between phases.
    for id in &crate::model::PhaseId::ALL[1..] {
        let x = doc.phase_x(*id);
        let top = xf.to_screen(Point::new(x, HEADER_HEIGHT));
        let bottom = xf.to_screen(Point::new(x, board.h));
        painter.line_segment(
            [top, bottom],
            Stroke::new(
                hairline(xf.zoom),
                Color32::from_rgba_unmultiplied(0x40, 0x50, 0x60, 40),
            ),
        );
    }
    // The flow band: one chevron per phase, each pointing into the next.
    let (top, bottom) = (CHEVRON_MARGIN, HEADER_HEIGHT - CHEVRON_MARGIN);
    let mid = (top + bottom) / 2.0;
    for (i, (id, phase)) in doc.phases.iter().enumerate() {
        let r = doc.phase_rect(id);
        let a = r.x;
        let b = r.right() - CHEVRON_MARGIN;
        let left = if i == 0 {
            a + CHEVRON_MARGIN
        } else {
            a - CHEVRON_TIP - CHEVRON_MARGIN + CHEVRON_GAP
        };
        let mut pts = vec![
            Point::new(left, top),
            Point::new(b - CHEVRON_TIP, top),
            Point::new(b, mid),
            Point::new(b - CHEVRON_TIP, bottom),
            Point::new(left, bottom),
        ];
        if i > 0 {
            pts.push(Point::new(left + CHEVRON_TIP, mid));
        }
        let pts: Vec<Pos2> = pts.into_iter().map(|p| xf.to_screen(p)).collect();
        let fill = color32(header_color(phase.tint));
        // The outline is not convex (the notch), so fill it as a fan from a point on its
        // axis, from which every corner is visible, and give it an anti-aliased edge.
        let centre = xf.to_screen(Point::new((left + b) / 2.0, mid));
        let mut mesh = Mesh::default();
        mesh.colored_vertex(centre, fill);
        for p in &pts {
            mesh.colored_vertex(*p, fill);
        }
        let n = pts.len() as u32;
        for k in 0..n {
            mesh.add_triangle(0, 1 + k, 1 + (k + 1) % n);
        }
        painter.add(Shape::mesh(mesh));
        painter.add(PathShape::closed_line(pts, PathStroke::new(1.0, fill)));

        let size = font_step(TITLE_FONT_SIZE * z);
        let text_left = if i == 0 { left } else { left + CHEVRON_TIP };
        let text_rect = egui::Rect::from_min_max(
            xf.to_screen(Point::new(text_left + 12.0, top)),
            xf.to_screen(Point::new(b - CHEVRON_TIP - 4.0, bottom)),
        );
        if size >= GREEK_BELOW && text_rect.width() > 4.0 {
            let ink = color32(ink_on(header_color(phase.tint)));
            let mut job =
                LayoutJob::simple_singleline(phase.title.clone(), fonts::title(size), ink);
            job.wrap = TextWrapping::truncate_at_width(text_rect.width());
            let galley = painter.layout_job(job);
            let pos = text_rect.center() - galley.rect.center().to_vec2();
            painter.galley(pos, galley, ink);
        }
    }
}

/// The width on screen of a line that is one unit wide in the picture. It scales with the
/// zoom, so an export at 4× is the 1× picture drawn four times finer, not a picture with
/// thinner lines; below half a pixel it would only fade, so it stops there.
fn hairline(zoom: f32) -> f32 {
    zoom.max(0.5)
}

fn paint_card(painter: &Painter, card: &Card, size: f32, xf: &Transform, options: &PaintOptions) {
    let z = xf.zoom;
    let rect = xf.rect_to_screen(&card.rect);
    let radius = (CARD_RADIUS * z).min(255.0);
    // A soft shadow lifts the card off the phase (where it is big enough to see).
    if rect.height() >= 40.0 {
        let shadow = RectShape::filled(
            rect.translate(vec2(0.0, 2.0 * z)),
            radius,
            Color32::from_black_alpha(28),
        )
        .with_blur_width(6.0 * z);
        painter.add(shadow);
    }
    painter.add(RectShape::new(
        rect,
        radius,
        color32(card.color.fill()),
        Stroke::new(hairline(z), color32(card.color.outline())),
        StrokeKind::Inside,
    ));
    if options.marks {
        workshop::paint_card_marks(painter, card, xf, options.lang);
    }
    if options.hidden_text == Some(card.id) || card.text.is_empty() {
        return;
    }
    let galley = painter.layout_job(card_text_job(card, size, z));
    let text_rect = xf.rect_to_screen(&workshop::card_text_rect(card));
    let pos = text_rect.center() - galley.rect.center().to_vec2();
    painter.galley(pos, galley, color32(card.color.text()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_steps_are_close_and_few() {
        for s in [5.0_f32, 7.3, 18.0, 40.0, 144.0, 900.0] {
            let q = font_step(s);
            assert!((q / s - 1.0).abs() < 0.025, "{s} → {q}");
        }
        let mut steps: Vec<u32> = (50..=1440)
            .map(|i| font_step(i as f32 / 10.0).to_bits())
            .collect();
        steps.dedup();
        assert!(steps.len() < 80, "{} sizes between 5 and 144", steps.len());
        assert_eq!(font_step(f32::NAN), 1.0);
    }

    #[test]
    fn header_colours_keep_hue_and_keep_titles_readable() {
        let warm = header_color(Rgba::rgb(0xfb, 0xf1, 0xe0));
        assert!(warm.r > warm.g && warm.g > warm.b, "{warm}");
        for tint in [
            Rgba::rgb(0xec, 0xef, 0xf4),
            Rgba::rgb(0xe4, 0xf3, 0xe8),
            Rgba::rgb(255, 255, 255),
            Rgba::rgb(0x20, 0x30, 0x60),
            Rgba::rgb(0xff, 0x00, 0x00),
        ] {
            let h = header_color(tint);
            assert!(ink_on(h).contrast(&h) >= 4.5, "{tint} → {h}");
        }
    }

    #[test]
    fn text_that_can_never_show_is_never_laid_out() {
        let rect = Rect::new(0.0, 0.0, 200.0, 120.0);
        let long = "ord ".repeat(5_000);
        let shown = visible_prefix(&long, rect, FIT_MIN);
        assert!(shown.len() < 400, "{}", shown.len());
        assert!(long.starts_with(shown));
        assert_eq!(visible_prefix("kort text", rect, FIT_MIN), "kort text");
        let card = Card::new(ElementId(1), rect, long, crate::model::CardColor::Yellow);
        assert_eq!(fitted_size(&card), FIT_MIN);
    }

    #[test]
    fn lines_are_clipped_to_what_is_seen() {
        let view = egui::Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 100.0));
        // A line far longer than the view, crossing it: one piece, from 1e7 along.
        let long = [pos2(-1.0e7, 50.0), pos2(1.0e7, 50.0)];
        let pieces = clip_polyline(&long, view);
        assert_eq!(pieces.len(), 1);
        let (start, piece) = &pieces[0];
        assert!((start - 1.0e7).abs() < 2.0, "{start}");
        assert_eq!(piece.len(), 2);
        assert!(piece.iter().all(|p| view.expand(0.01).contains(*p)));
        // In, out and back in: two pieces; a line that never enters: none.
        let zig = [
            pos2(10.0, 10.0),
            pos2(300.0, 10.0),
            pos2(300.0, 90.0),
            pos2(10.0, 90.0),
        ];
        assert_eq!(clip_polyline(&zig, view).len(), 2);
        assert!(clip_polyline(&[pos2(200.0, 0.0), pos2(300.0, 50.0)], view).is_empty());
        // A line inside stays whole, one piece from 0.
        let inside = [pos2(10.0, 10.0), pos2(20.0, 20.0), pos2(30.0, 10.0)];
        assert_eq!(clip_polyline(&inside, view), vec![(0.0, inside.to_vec())]);
    }

    /// Everything `paint` draws of the editor's document through `xf` with `cache`, as one
    /// mesh (every primitive's triangles, in order).
    fn drawn(editor: &crate::edit::Editor, xf: &Transform, cache: &mut SceneCache) -> Mesh {
        let ctx = egui::Context::default();
        let screen = egui::Rect::from_min_size(Pos2::ZERO, vec2(1200.0, 800.0));
        let raw = || egui::RawInput {
            screen_rect: Some(screen),
            ..Default::default()
        };
        // The first pass takes the fonts in.
        let mut warm = ctx.run_ui(raw(), |_| {});
        warm.textures_delta.clear();
        let mut out = ctx.run_ui(raw(), |ui| {
            paint(
                ui.painter(),
                editor.doc(),
                editor.index(),
                xf,
                &PaintOptions::default(),
                cache,
                &mut NoPictures,
            );
        });
        out.textures_delta.clear();
        let mut all = Mesh::default();
        for p in ctx.tessellate(out.shapes, 1.0) {
            if let egui::epaint::Primitive::Mesh(m) = p.primitive {
                all.append(m);
            }
        }
        all
    }

    fn same_mesh(a: &Mesh, b: &Mesh) {
        assert!(a.vertices.len() > 100, "{} vertices", a.vertices.len());
        assert_eq!(a.indices, b.indices);
        assert_eq!(a.vertices.len(), b.vertices.len());
        for (u, v) in a.vertices.iter().zip(&b.vertices) {
            assert!((u.pos - v.pos).length() < 1e-3, "{:?} {:?}", u.pos, v.pos);
            assert_eq!(u.color, v.color);
        }
    }

    #[test]
    fn far_out_kept_looks_draw_what_fresh_ones_draw_after_panning_zooming_and_edits() {
        use crate::edit::{Command, Editor};
        use crate::model::{CardColor, PenWidth, Shape as ShapeEl, Stroke as StrokeEl, sample};
        let mut doc = sample::nara_vard();
        let pts: Vec<Point> = (0..600)
            .map(|k| Point::new(200.0 + k as f32, 700.0 + (k as f32 / 9.0).sin() * 40.0))
            .collect();
        let stroke = StrokeEl::from_drawn(
            ElementId(900),
            &pts,
            0.2,
            CardColor::Red,
            PenWidth::ALL[2],
            false,
        );
        doc.elements.push(Element::Stroke(
            stroke.unwrap_or_else(|| panic!("a stroke")),
        ));
        let mut s = ShapeEl::new(
            ElementId(901),
            Rect::new(900.0, 650.0, 260.0, 160.0),
            crate::model::Outline::Cloud,
        );
        s.fill = Some(CardColor::Yellow);
        s.rotation = 20.0;
        doc.elements.push(Element::Shape(s));
        let mut editor = Editor::new(doc);
        let xf = Transform {
            origin: pos2(30.0, 40.0),
            zoom: 0.2,
        };
        let fresh = |editor: &Editor| drawn(editor, &xf, &mut SceneCache::default());
        let mut kept = SceneCache::default();
        // Warm: drawn at another place and another zoom of the same step first.
        for (dx, z) in [(0.0, 0.2), (-300.0, 0.205), (120.0, 0.195)] {
            let other = Transform {
                origin: pos2(30.0 + dx, 40.0),
                zoom: z,
            };
            drawn(&editor, &other, &mut kept);
        }
        assert!(!kept.looks.is_empty() && !kept.paths.paths.is_empty());
        same_mesh(&drawn(&editor, &xf, &mut kept), &fresh(&editor));
        // Edited: a card an arrow is bound to recoloured and moved, the stroke moved, the
        // shape removed; then undone.
        let bound = editor.doc().elements.iter().find_map(|e| match e {
            Element::Arrow(a) => a.start.bind.map(|b| b.element),
            _ => None,
        });
        let card = bound
            .and_then(|id| editor.doc().elements.get(id))
            .and_then(Element::as_card)
            .cloned();
        let Some(mut card) = card else {
            panic!("the sample has an arrow from a card");
        };
        card.rect.x += 140.0;
        let mut red = card.clone();
        red.color = CardColor::Red;
        let moved = editor
            .doc()
            .elements
            .get(ElementId(900))
            .map(|e| e.translated(50.0, -30.0));
        let cmd = Command::Batch(vec![
            Command::Update([Element::Card(red)].into_iter().chain(moved).collect()),
            Command::Remove(vec![ElementId(901)]),
        ]);
        assert!(editor.apply_step(cmd).is_ok());
        let after = drawn(&editor, &xf, &mut kept);
        same_mesh(&after, &fresh(&editor));
        assert!(editor.undo());
        same_mesh(&drawn(&editor, &xf, &mut kept), &fresh(&editor));
        // Other steps, readable ones too: made again for them.
        for zoom in [0.3, 1.0, 0.2] {
            let other = Transform { zoom, ..xf };
            same_mesh(
                &drawn(&editor, &other, &mut kept),
                &drawn(&editor, &other, &mut SceneCache::default()),
            );
        }
    }

    #[test]
    fn transform_round_trips() {
        let xf = Transform {
            origin: pos2(100.0, -40.0),
            zoom: 2.5,
        };
        let p = Point::new(13.0, -7.5);
        let back = xf.to_world(xf.to_screen(p));
        assert!((back.x - p.x).abs() < 1e-4 && (back.y - p.y).abs() < 1e-4);
        let r = Rect::new(10.0, 20.0, 30.0, 40.0);
        let back = xf.rect_to_world(xf.rect_to_screen(&r));
        assert!((back.w - r.w).abs() < 1e-4 && (back.x - r.x).abs() < 1e-4);
    }
}
