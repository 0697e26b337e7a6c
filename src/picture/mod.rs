//! Pictures from outside: checking and storing what the user brings (a photo, a logo, a
//! pasted image), and drawing any stored picture as pixels at the size it is shown.
//!
//! Everything here treats its bytes as hostile. A picture is refused, with a message, when it
//! is not one of the kinds we read (by its content, not its name), is damaged or cut off, is
//! larger than [`MAX_SIDE`] on a side, or would unpack to more than [`MAX_DECODED_BYTES`].
//! An SVG never loads anything it refers to: no file, no URL, no font (only pictures inside
//! it as `data:` URLs, themselves checked).

#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod library;

use crate::model::{FileData, FileId, Mime};
use resvg::{tiny_skia, usvg};
use std::io::Cursor;
use std::sync::{Arc, OnceLock};

/// The most pixels a picture may have on a side.
pub const MAX_SIDE: u32 = 16_384;
/// The most bytes a picture may unpack to (4 per pixel).
pub const MAX_DECODED_BYTES: u64 = 256 * 1024 * 1024;
/// A picture is stored at most this many pixels on its long side (a photo from a phone is
/// made smaller: a poster at A1 needs no more).
pub const MAX_STORED_SIDE: u32 = 4096;
/// The most bytes of a picture file that are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most pixels on a side that a picture is drawn at, in one piece.
pub const MAX_RENDER_SIDE: u32 = 8192;

/// Why a picture cannot be used. Nothing was changed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PictureError {
    #[error("this is not a picture that Målbild reads (PNG, JPEG, WebP, GIF or SVG)")]
    NotAPicture,
    #[error("{}", too_large(*w, *h))]
    TooLarge { w: u64, h: u64 },
    #[error("the SVG refers to files or web addresses outside itself, which are never loaded")]
    RefersOutside,
    #[error("the file is too large ({} MB; at most {} MB)", .0.div_ceil(1024 * 1024), MAX_FILE_BYTES / 1024 / 1024)]
    FileTooLarge(u64),
    #[error("the picture is damaged or cut off and cannot be read")]
    Damaged,
    #[error("the picture has no size")]
    Empty,
}

fn too_large(w: u64, h: u64) -> String {
    let mp = MAX_DECODED_BYTES / 4 / 1_000_000;
    if w > 0 && h > 0 {
        format!(
            "the picture is too large ({w} × {h} pixels; at most {MAX_SIDE} on a side and {mp} megapixels)"
        )
    } else {
        format!(
            "the picture is too large (at most {MAX_SIDE} pixels on a side and {mp} megapixels)"
        )
    }
}

/// Whether an SVG's text points outside itself: a link (`href`) to anything but a part of
/// itself (`#…`) or a `data:` URL, a `url(…)` likewise, or a style sheet `@import`.
pub fn refers_outside(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let outside = |v: &str| {
        let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        !(v.is_empty() || v.starts_with('#') || v.to_ascii_lowercase().starts_with("data:"))
    };
    let lower = text.to_ascii_lowercase();
    if lower.contains("@import") {
        return true;
    }
    // href="…" and xlink:href='…' (any prefix), however spaced.
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("href") {
        rest = rest.get(at + 4..).unwrap_or("");
        let after = rest.trim_start();
        if let Some(v) = after.strip_prefix('=') {
            let v = v.trim_start();
            if let Some(q) = v.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let value = v.get(1..).and_then(|s| s.split(q).next()).unwrap_or("");
                if outside(value) {
                    return true;
                }
            }
        }
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        rest = rest.get(at + 4..).unwrap_or("");
        let value = rest.split(')').next().unwrap_or("");
        if outside(value) {
            return true;
        }
    }
    false
}

/// What kind of picture `bytes` are, by their content.
pub fn sniff(bytes: &[u8]) -> Option<Mime> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Mime::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Mime::Jpeg)
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some(Mime::Webp)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(Mime::Gif)
    } else if looks_like_svg(bytes) {
        Some(Mime::Svg)
    } else {
        None
    }
}

/// Text whose first element is `<svg` (after a BOM, an XML declaration, comments, a doctype).
fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start();
    t.starts_with('<') && t.contains("<svg")
}

/// A picture checked and ready to be stored in a document.
#[derive(Clone, Debug)]
pub struct Imported {
    pub data: FileData,
    pub id: FileId,
    /// Its size in pixels (an SVG's in its own units), after any downscaling.
    pub size: (f32, f32),
}

impl Imported {
    fn new(mime: Mime, bytes: Vec<u8>, size: (f32, f32)) -> Imported {
        Imported {
            id: FileId::of(&bytes),
            data: FileData::new(mime, bytes),
            size,
        }
    }
}

/// Checks a picture file's bytes and makes them ready to store: a raster picture larger than
/// [`MAX_STORED_SIDE`] is made smaller, a turned photo is turned upright, a GIF keeps its first
/// frame (as PNG). Anything else is stored exactly as it came.
pub fn import(bytes: &[u8]) -> Result<Imported, PictureError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(PictureError::FileTooLarge(bytes.len() as u64));
    }
    let mime = sniff(bytes).ok_or(PictureError::NotAPicture)?;
    if mime == Mime::Svg {
        if refers_outside(bytes) {
            return Err(PictureError::RefersOutside);
        }
        let tree = parse_svg(bytes)?;
        let s = tree.size();
        return Ok(Imported::new(mime, bytes.to_vec(), (s.width(), s.height())));
    }
    let (img, turned) = decode_raster(bytes, mime)?;
    let (w, h) = img.dimensions();
    let large = w.max(h) > MAX_STORED_SIDE;
    if !large && !turned && mime != Mime::Gif {
        return Ok(Imported::new(mime, bytes.to_vec(), (w as f32, h as f32)));
    }
    let img = if large {
        let k = MAX_STORED_SIDE as f32 / w.max(h) as f32;
        let (nw, nh) = (
            ((w as f32 * k).round() as u32).clamp(1, MAX_STORED_SIDE),
            ((h as f32 * k).round() as u32).clamp(1, MAX_STORED_SIDE),
        );
        image::imageops::resize(&img, nw, nh, image::imageops::FilterType::Triangle)
    } else {
        img
    };
    let opaque = img.pixels().all(|p| p.0[3] == 255);
    if mime == Mime::Jpeg && opaque {
        let mut out = Vec::new();
        let rgb = image::DynamicImage::ImageRgba8(img.clone()).to_rgb8();
        let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
        rgb.write_with_encoder(enc)
            .map_err(|_| PictureError::Damaged)?;
        let (w, h) = img.dimensions();
        return Ok(Imported::new(Mime::Jpeg, out, (w as f32, h as f32)));
    }
    encode_png(&img)
}

/// A picture from the clipboard (straight RGBA rows), stored as PNG.
pub fn import_rgba(w: u32, h: u32, rgba: Vec<u8>) -> Result<Imported, PictureError> {
    check_size(w as u64, h as u64)?;
    let img = image::RgbaImage::from_raw(w, h, rgba).ok_or(PictureError::Damaged)?;
    let img = if w.max(h) > MAX_STORED_SIDE {
        let k = MAX_STORED_SIDE as f32 / w.max(h) as f32;
        let nw = ((w as f32 * k).round() as u32).clamp(1, MAX_STORED_SIDE);
        let nh = ((h as f32 * k).round() as u32).clamp(1, MAX_STORED_SIDE);
        image::imageops::resize(&img, nw, nh, image::imageops::FilterType::Triangle)
    } else {
        img
    };
    encode_png(&img)
}

fn encode_png(img: &image::RgbaImage) -> Result<Imported, PictureError> {
    let mut out = Vec::new();
    let enc = image::codecs::png::PngEncoder::new(&mut out);
    img.write_with_encoder(enc)
        .map_err(|_| PictureError::Damaged)?;
    let (w, h) = img.dimensions();
    Ok(Imported::new(Mime::Png, out, (w as f32, h as f32)))
}

pub fn check_size(w: u64, h: u64) -> Result<(), PictureError> {
    if w == 0 || h == 0 {
        return Err(PictureError::Empty);
    }
    if w > MAX_SIDE as u64 || h > MAX_SIDE as u64 || w * h * 4 > MAX_DECODED_BYTES {
        return Err(PictureError::TooLarge { w, h });
    }
    Ok(())
}

/// A raster picture as straight RGBA, upright; and whether it had to be turned upright.
fn decode_raster(bytes: &[u8], mime: Mime) -> Result<(image::RgbaImage, bool), PictureError> {
    decode_dynamic(bytes, mime).map(|(img, turned)| (img.into_rgba8(), turned))
}

/// A raster picture as decoded (RGB, RGBA, grey …), upright; and whether it was turned.
fn decode_dynamic(bytes: &[u8], mime: Mime) -> Result<(image::DynamicImage, bool), PictureError> {
    use image::ImageDecoder;
    let format = match mime {
        Mime::Png => image::ImageFormat::Png,
        Mime::Jpeg => image::ImageFormat::Jpeg,
        Mime::Webp => image::ImageFormat::WebP,
        Mime::Gif => image::ImageFormat::Gif,
        Mime::Svg => return Err(PictureError::NotAPicture),
    };
    if mime == Mime::Jpeg && !jpeg_is_whole(bytes) {
        return Err(PictureError::Damaged);
    }
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    // Room for the largest picture allowed in 16 bits a channel.
    limits.max_alloc = Some(2 * MAX_DECODED_BYTES + MAX_DECODED_BYTES / 2);
    reader.limits(limits);
    let too_large = |e: &image::ImageError| matches!(e, image::ImageError::Limits(_));
    let mut decoder = reader.into_decoder().map_err(|e| {
        if too_large(&e) {
            PictureError::TooLarge { w: 0, h: 0 }
        } else {
            PictureError::Damaged
        }
    })?;
    let (w, h) = decoder.dimensions();
    check_size(w as u64, h as u64)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = image::DynamicImage::from_decoder(decoder).map_err(|e| {
        if too_large(&e) {
            PictureError::TooLarge {
                w: w as u64,
                h: h as u64,
            }
        } else {
            PictureError::Damaged
        }
    })?;
    let turned = orientation != image::metadata::Orientation::NoTransforms;
    img.apply_orientation(orientation);
    Ok((img, turned))
}

/// Whether a JPEG has its end marker after its image data (a file cut off mid-way is
/// otherwise decoded with grey where the rest should be).
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let Some(sos) = bytes.windows(2).position(|w| w == [0xFF, 0xDA]) else {
        return false;
    };
    let rest = bytes.get(sos..).unwrap_or(&[]);
    rest.windows(2).any(|w| w == [0xFF, 0xD9])
}

/// The deepest an SVG's elements may nest.
const MAX_NESTING: usize = 256;

/// A raster picture's size from its header, without unpacking it.
fn raster_size(bytes: &[u8], mime: Mime) -> Option<(u32, u32)> {
    let format = match mime {
        Mime::Png => image::ImageFormat::Png,
        Mime::Jpeg => image::ImageFormat::Jpeg,
        Mime::Webp => image::ImageFormat::WebP,
        Mime::Gif => image::ImageFormat::Gif,
        Mime::Svg => return None,
    };
    image::ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .ok()
}

/// How many layers deep an SVG's drawing goes: groups drawn into a layer of their own
/// (opacity, masks, filters, clipping), counting SVGs inside it.
fn layer_depth(g: &usvg::Group) -> usize {
    let inner = g
        .children()
        .iter()
        .map(|n| match n {
            usvg::Node::Group(c) => layer_depth(c),
            usvg::Node::Image(img) => match img.kind() {
                usvg::ImageKind::SVG(t) => 1 + layer_depth(t.root()),
                _ => 0,
            },
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    usize::from(g.should_isolate()) + inner
}

/// The bytes an SVG's layers may take while it is drawn.
const MAX_LAYER_BYTES: f32 = (1u64 << 30) as f32;

/// The options every SVG is read with: no folder to resolve paths in, no file or URL
/// loaded for `<image>` (only `data:` pictures, checked like any other), only the app's own
/// fonts.
fn svg_options() -> usvg::Options<'static> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(crate::assets::INTER_REGULAR.to_vec());
        db.load_font_data(crate::assets::INTER_SEMIBOLD.to_vec());
        db.set_sans_serif_family("Inter");
        db.set_serif_family("Inter");
        db.set_monospace_family("Inter");
        db.set_cursive_family("Inter");
        db.set_fantasy_family("Inter");
        Arc::new(db)
    });
    // Pictures inside the SVG (as `data:` URLs) share one budget of unpacked bytes, and each
    // is read once however often it is used: a small file must not unpack a bomb a thousand
    // times over.
    let budget = Arc::new(std::sync::atomic::AtomicU64::new(MAX_DECODED_BYTES));
    let seen: Arc<std::sync::Mutex<std::collections::HashMap<FileId, Option<usvg::ImageKind>>>> =
        Arc::default();
    let spend = move |bytes: u64| {
        use std::sync::atomic::Ordering;
        budget
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(bytes)
            })
            .is_ok()
    };
    let data: usvg::ImageHrefDataResolverFn<'static> = Box::new(move |mime, data, opts| {
        let key = FileId::of(&data);
        if let Some(hit) = seen.lock().ok().and_then(|s| s.get(&key).cloned()) {
            return hit;
        }
        let kind = match sniff(&data) {
            Some(Mime::Svg) if mime == "image/svg+xml" || mime == "text/plain" => {
                // Each SVG inside counts a megabyte, and is checked as the outer one is.
                (spend(1 << 20) && nesting_depth(&data) <= MAX_NESTING)
                    .then(|| usvg::Tree::from_data_nested(&data, opts).ok())
                    .flatten()
                    .map(usvg::ImageKind::SVG)
            }
            Some(m) if m != Mime::Svg => {
                // Decoded here, with our limits: the renderer's own decoders have none.
                let (w, h) = raster_size(&data, m).unwrap_or((u32::MAX, u32::MAX));
                if spend((w as u64).saturating_mul(h as u64).saturating_mul(4)) {
                    decode_raster(&data, m).ok().and_then(|(img, _)| {
                        let mut out = Vec::new();
                        let enc = image::codecs::png::PngEncoder::new(&mut out);
                        img.write_with_encoder(enc).ok()?;
                        Some(usvg::ImageKind::PNG(Arc::new(out)))
                    })
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Ok(mut s) = seen.lock() {
            s.insert(key, kind.clone());
        }
        kind
    });
    usvg::Options {
        resources_dir: None,
        font_family: "Inter".into(),
        fontdb: fonts.clone(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: data,
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    }
}

/// An SVG parsed for drawing.
fn parse_svg(bytes: &[u8]) -> Result<usvg::Tree, PictureError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(PictureError::FileTooLarge(bytes.len() as u64));
    }
    // Deeply nested elements would be walked recursively by the parser and renderer.
    if nesting_depth(bytes) > MAX_NESTING {
        return Err(PictureError::Damaged);
    }
    let tree = usvg::Tree::from_data(bytes, &svg_options()).map_err(|e| match e {
        usvg::Error::InvalidSize => PictureError::Empty,
        usvg::Error::NotAnUtf8Str | usvg::Error::MalformedGZip => PictureError::NotAPicture,
        _ => PictureError::Damaged,
    })?;
    let s = tree.size();
    if !(s.width().is_finite() && s.height().is_finite()) || s.width() <= 0.0 {
        return Err(PictureError::Empty);
    }
    Ok(tree)
}

/// How deeply the elements of an XML text nest: start tags (with their attributes' quotes
/// respected, `/>` closing at once) against end tags, skipping comments, CDATA, processing
/// instructions and the doctype.
fn nesting_depth(bytes: &[u8]) -> usize {
    let find = |from: usize, pat: &[u8]| -> usize {
        bytes
            .get(from..)
            .and_then(|r| r.windows(pat.len()).position(|w| w == pat))
            .map_or(bytes.len(), |p| from + p + pat.len())
    };
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|r| r.iter().position(|&b| b == b'<'))
    {
        i += off;
        let rest = bytes.get(i..).unwrap_or(&[]);
        if rest.starts_with(b"<!--") {
            i = find(i + 4, b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = find(i + 9, b"]]>");
        } else if rest.starts_with(b"<?") {
            i = find(i + 2, b"?>");
        } else if rest.starts_with(b"<!") {
            // A doctype, perhaps with an internal subset in brackets.
            let mut j = i + 2;
            let mut brackets = 0usize;
            while let Some(&b) = bytes.get(j) {
                j += 1;
                match b {
                    b'[' => brackets += 1,
                    b']' => brackets = brackets.saturating_sub(1),
                    b'>' if brackets == 0 => break,
                    _ => {}
                }
            }
            i = j;
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = find(i + 2, b">");
        } else {
            // A start tag: to its `>`, outside quoted attribute values.
            let mut j = i + 1;
            let mut quote: Option<u8> = None;
            let mut last = 0u8;
            while let Some(&b) = bytes.get(j) {
                j += 1;
                match (quote, b) {
                    (Some(q), b) if b == q => quote = None,
                    (Some(_), _) => {}
                    (None, b'"' | b'\'') => quote = Some(b),
                    (None, b'>') => break,
                    _ => {}
                }
                if quote.is_none() && !b.is_ascii_whitespace() && b != b'>' {
                    last = b;
                }
            }
            if last != b'/' {
                depth += 1;
                max = max.max(depth);
            }
            i = j;
        }
    }
    max
}

/// `img` at `w` × `h`: to half the size or less by averaging the pixels each new one covers
/// (an area filter: right for making smaller, and many times quicker than a triangle
/// filter on a photo), otherwise by a triangle filter.
fn downscale(img: &image::DynamicImage, w: u32, h: u32) -> image::RgbaImage {
    use image::imageops::{FilterType, resize, thumbnail};
    use image::{DynamicImage, GenericImageView};
    if (w, h) == img.dimensions() {
        return img.to_rgba8();
    }
    let (sw, sh) = img.dimensions();
    let area = sw >= 2 * w && sh >= 2 * h;
    // Made smaller in its own pixel format (a photo's RGB is three quarters of RGBA),
    // turned into RGBA once small.
    match img {
        DynamicImage::ImageRgb8(b) if area => {
            let px = area_average(b.as_raw(), (sw, sh), 3, (w, h));
            image::RgbImage::from_raw(w, h, px)
                .map(|i| DynamicImage::ImageRgb8(i).into_rgba8())
                .unwrap_or_else(|| thumbnail(&img.to_rgba8(), w, h))
        }
        DynamicImage::ImageRgba8(b) if area => {
            let px = area_average(b.as_raw(), (sw, sh), 4, (w, h));
            image::RgbaImage::from_raw(w, h, px).unwrap_or_else(|| thumbnail(b, w, h))
        }
        DynamicImage::ImageRgb8(b) => {
            DynamicImage::ImageRgb8(resize(b, w, h, FilterType::Triangle)).into_rgba8()
        }
        DynamicImage::ImageRgba8(b) => resize(b, w, h, FilterType::Triangle),
        other => {
            let rgba = other.to_rgba8();
            if area {
                thumbnail(&rgba, w, h)
            } else {
                resize(&rgba, w, h, FilterType::Triangle)
            }
        }
    }
}

/// Pixels of `channels` bytes each, `from` large, made `to` large by averaging, for each new
/// pixel, the old ones whose top-left corner falls in it (an area filter; for making a
/// picture at least twice smaller, where it is as good as exact weights). Straight alpha is
/// averaged as it is, as the image crate's own filters do.
fn area_average(src: &[u8], from: (u32, u32), channels: usize, to: (u32, u32)) -> Vec<u8> {
    let (sw, sh) = (from.0 as usize, from.1 as usize);
    let (w, h) = (to.0.max(1) as usize, to.1.max(1) as usize);
    let mut out = vec![0u8; w * h * channels];
    if src.len() < sw * sh * channels || sw == 0 || sh == 0 {
        return out;
    }
    let col = |ox: usize| ox * sw / w;
    let spans: Vec<(usize, usize)> = (0..w)
        .map(|ox| (col(ox), col(ox + 1).max(col(ox) + 1).min(sw)))
        .collect();
    let mut acc = vec![0u32; w * channels];
    for oy in 0..h {
        let (y0, y1) = (
            oy * sh / h,
            ((oy + 1) * sh / h).max(oy * sh / h + 1).min(sh),
        );
        acc.iter_mut().for_each(|a| *a = 0);
        for y in y0..y1 {
            let row = &src[y * sw * channels..(y + 1) * sw * channels];
            for (ox, &(x0, x1)) in spans.iter().enumerate() {
                let a = &mut acc[ox * channels..(ox + 1) * channels];
                for px in row[x0 * channels..x1 * channels].chunks_exact(channels) {
                    for (s, v) in a.iter_mut().zip(px) {
                        *s += *v as u32;
                    }
                }
            }
        }
        let line = &mut out[oy * w * channels..(oy + 1) * w * channels];
        for (ox, &(x0, x1)) in spans.iter().enumerate() {
            let n = ((x1 - x0) * (y1 - y0)) as u32;
            for c in 0..channels {
                let i = ox * channels + c;
                line[i] = ((acc[i] + n / 2) / n.max(1)) as u8;
            }
        }
    }
    out
}

/// A stored picture, read and ready to be drawn at any size.
#[derive(Clone)]
pub enum Source {
    /// As decoded (straight, not premultiplied, alpha).
    Raster(Arc<image::DynamicImage>),
    /// With how many layers deep its drawing goes (see [`layer_depth`]).
    Svg(Arc<usvg::Tree>, usize),
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (w, h) = self.size();
        write!(f, "Source({w} × {h})")
    }
}

/// Pixels to show: premultiplied RGBA, row by row.
#[derive(Clone, Debug, PartialEq)]
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl Pixels {
    /// For a one-colour picture: white where it has ink, as much as it has (dark, opaque
    /// parts are ink; light parts are not), to be multiplied by the tint.
    pub fn into_mask(mut self) -> Pixels {
        for p in self.rgba.chunks_exact_mut(4) {
            let (r, g, b, a) = (p[0] as u32, p[1] as u32, p[2] as u32, p[3] as u32);
            let ink = a.saturating_sub((r + g + b) / 3) as u8;
            p.copy_from_slice(&[ink, ink, ink, ink]);
        }
        self
    }
}

/// Reads a stored picture.
pub fn open(data: &FileData) -> Result<Source, PictureError> {
    if data.is_damaged() {
        return Err(PictureError::Damaged);
    }
    match sniff(&data.bytes) {
        None => Err(PictureError::NotAPicture),
        Some(Mime::Svg) => parse_svg(&data.bytes).map(|t| {
            let layers = layer_depth(t.root());
            Source::Svg(Arc::new(t), layers)
        }),
        Some(m) => decode_dynamic(&data.bytes, m).map(|(img, _)| Source::Raster(Arc::new(img))),
    }
}

impl Source {
    /// Its own size: pixels, or an SVG's units.
    pub fn size(&self) -> (f32, f32) {
        match self {
            Source::Raster(img) => (img.width() as f32, img.height() as f32),
            Source::Svg(t, _) => (t.size().width(), t.size().height()),
        }
    }

    /// The size in pixels to draw it at for a box `w` × `h` pixels large: a raster picture
    /// never larger than it is, and nothing beyond [`MAX_RENDER_SIDE`].
    pub fn render_size(&self, w: f32, h: f32) -> (u32, u32) {
        let (sw, sh) = self.size();
        let (mut w, mut h) = (w.max(1.0), h.max(1.0));
        let mut most = MAX_RENDER_SIDE as f32;
        match self {
            Source::Raster(_) => {
                w = w.min(sw);
                h = h.min(sh);
            }
            // Each layer of its drawing may take up to 5 × 5 times the picture's pixels
            // (resvg's room for filters): few layers, full size; many, smaller.
            Source::Svg(_, layers) if *layers > 0 => {
                most = most.min((MAX_LAYER_BYTES / (100.0 * *layers as f32)).sqrt());
            }
            Source::Svg(..) => {}
        }
        let k = (most.max(64.0) / w.max(h)).min(1.0);
        (
            ((w * k).ceil() as u32).clamp(1, MAX_RENDER_SIDE),
            ((h * k).ceil() as u32).clamp(1, MAX_RENDER_SIDE),
        )
    }

    /// The size step a picture shown `w` × `h` pixels large is drawn at: its long side the
    /// next power of two (at least 32, at most `max_side`). The canvas and the export draw
    /// each picture at the same steps, so the export shows exactly what the canvas does, and
    /// a zoom does not draw a picture anew every frame; a raster picture is never drawn
    /// larger than it is.
    pub fn step_size(&self, w: f32, h: f32, max_side: u32) -> (u32, (u32, u32)) {
        let long = w.max(h).max(1.0).min(max_side as f32);
        let step = (long.ceil() as u32)
            .next_power_of_two()
            .clamp(32, max_side.max(32));
        let k = step as f32 / w.max(h).max(1.0);
        (step, self.render_size(w * k, h * k))
    }

    /// The whole picture drawn `w` × `h` pixels large (see [`Source::render_size`]).
    pub fn render(&self, w: u32, h: u32) -> Pixels {
        let (w, h) = (w.clamp(1, MAX_RENDER_SIDE), h.clamp(1, MAX_RENDER_SIDE));
        match self {
            Source::Raster(img) => {
                let img = downscale(img, w, h);
                let mut rgba = img.into_raw();
                for p in rgba.chunks_exact_mut(4) {
                    let a = p[3] as u32;
                    for c in &mut p[..3] {
                        *c = ((*c as u32 * a + 127) / 255) as u8;
                    }
                }
                Pixels {
                    width: w,
                    height: h,
                    rgba,
                }
            }
            Source::Svg(tree, _) => {
                let Some(mut pixmap) = tiny_skia::Pixmap::new(w, h) else {
                    return Pixels {
                        width: 1,
                        height: 1,
                        rgba: vec![0; 4],
                    };
                };
                let s = tree.size();
                let xf = tiny_skia::Transform::from_scale(
                    w as f32 / s.width().max(1e-3),
                    h as f32 / s.height().max(1e-3),
                );
                resvg::render(tree, xf, &mut pixmap.as_mut());
                Pixels {
                    width: w,
                    height: h,
                    rgba: pixmap.take(),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
