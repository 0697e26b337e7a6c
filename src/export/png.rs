//! Writing PNG files, with the document embedded in a compressed UTF-8 text chunk (`iTXt`),
//! and finding it again.
//!
//! The encoder is set for speed: the `Up` filter (rows of a picture like this repeat the row
//! above over long stretches) and fdeflate's fastest compression, which on flat colour
//! compresses about as well as slower levels at a fraction of the time.

use super::raster::{Progress, Rasterizer};
use png::{BitDepth, ColorType, Compression, Filter};
use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

/// Encodes premultiplied RGBA pixels as a PNG (straight alpha, as PNG wants), with `dpi`
/// recorded if given and `document` embedded if given.
pub fn encode(
    premultiplied: &[u8],
    width: u32,
    height: u32,
    dpi: Option<u32>,
    document: Option<&str>,
) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::with_capacity(premultiplied.len() / 20);
    let mut writer = header(&mut out, width, height, dpi, document)?;
    let mut straight = premultiplied.to_vec();
    unpremultiply(&mut straight);
    writer.write_image_data(&straight)?;
    writer.finish()?;
    Ok(out)
}

/// Starts a PNG: header, colour space, resolution, and the embedded document.
fn header<W: Write>(
    out: W,
    width: u32,
    height: u32,
    dpi: Option<u32>,
    document: Option<&str>,
) -> Result<png::Writer<W>, png::EncodingError> {
    let mut enc = png::Encoder::new(out, width, height);
    enc.set_color(ColorType::Rgba);
    enc.set_depth(BitDepth::Eight);
    enc.set_compression(Compression::Fastest);
    enc.set_filter(Filter::Up);
    enc.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
    if let Some(dpi) = dpi {
        let ppm = (dpi as f64 / 0.0254).round() as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
    }
    let mut writer = enc.write_header()?;
    if let Some(doc) = document {
        let mut chunk = png::text_metadata::ITXtChunk::new(crate::io::png::KEYWORD, doc);
        chunk.compress_text()?;
        writer.write_text_chunk(&chunk)?;
    }
    Ok(writer)
}

/// CPU time spent drawing and encoding, summed over threads.
#[derive(Debug, Default, Clone, Copy)]
pub struct StreamTimes {
    pub raster: Duration,
    pub encode: Duration,
}

/// How many bands drawing may run ahead of encoding (bounds memory).
const AHEAD: usize = 12;

/// Draws `r` band by band on `threads` threads and encodes the bands, in order, on this
/// thread as they come: drawing and compressing overlap, and only a few bands are in memory
/// at once, however large the picture.
pub fn encode_streaming(
    r: &Rasterizer<'_>,
    dpi: Option<u32>,
    document: Option<&str>,
    threads: usize,
    progress: &Progress,
) -> Result<(Vec<u8>, StreamTimes), String> {
    let (width, height) = r.size();
    let bands = r.bands();
    progress.total.store(bands as u32, Ordering::Relaxed);
    let mut out = Vec::new();
    let mut writer =
        header(&mut out, width as u32, height as u32, dpi, document).map_err(|e| e.to_string())?;
    let next = AtomicUsize::new(0);
    let written = Mutex::new(0usize);
    let room = Condvar::new();
    let pool: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    let raster_ns = AtomicU64::new(0);
    let stop = AtomicBool::new(false);
    let mut encode_time = Duration::ZERO;
    let result: Result<(), String> = std::thread::scope(|s| {
        let (tx, rx) = mpsc::channel::<(usize, Vec<u8>)>();
        for _ in 0..threads.max(1) {
            let tx = tx.clone();
            let (next, written, room, pool, raster_ns, stop) =
                (&next, &written, &room, &pool, &raster_ns, &stop);
            s.spawn(move || {
                loop {
                    let band = next.fetch_add(1, Ordering::Relaxed);
                    if band >= bands || stop.load(Ordering::Relaxed) || progress.is_cancelled() {
                        return;
                    }
                    if let Ok(mut w) = written.lock() {
                        while band >= *w + AHEAD && !stop.load(Ordering::Relaxed) {
                            match room.wait(w) {
                                Ok(g) => w = g,
                                Err(_) => return,
                            }
                        }
                    }
                    let mut buf = pool
                        .lock()
                        .ok()
                        .and_then(|mut p| p.pop())
                        .unwrap_or_default();
                    let t = Instant::now();
                    r.draw_band(band, &mut buf);
                    unpremultiply(&mut buf);
                    raster_ns.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
                    if tx.send((band, buf)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut stream = writer.stream_writer().map_err(|e| e.to_string())?;
        let mut pending: BTreeMap<usize, Vec<u8>> = BTreeMap::new();
        let mut next_out = 0;
        let mut fail = None;
        for (band, buf) in rx {
            pending.insert(band, buf);
            while let Some(buf) = pending.remove(&next_out) {
                let t = Instant::now();
                if let Err(e) = stream.write_all(&buf) {
                    fail = Some(e.to_string());
                }
                encode_time += t.elapsed();
                if let Ok(mut p) = pool.lock() {
                    p.push(buf);
                }
                next_out += 1;
                if let Ok(mut w) = written.lock() {
                    *w = next_out;
                }
                room.notify_all();
                progress.done.fetch_add(1, Ordering::Relaxed);
            }
            if fail.is_some() || progress.is_cancelled() {
                stop.store(true, Ordering::Relaxed);
                room.notify_all();
                break;
            }
        }
        if let Some(e) = fail {
            return Err(e);
        }
        if progress.is_cancelled() || next_out < bands {
            return Err("cancelled".into());
        }
        let t = Instant::now();
        stream.finish().map_err(|e| e.to_string())?;
        encode_time += t.elapsed();
        Ok(())
    });
    result?;
    let t = Instant::now();
    writer.finish().map_err(|e| e.to_string())?;
    encode_time += t.elapsed();
    Ok((
        out,
        StreamTimes {
            raster: Duration::from_nanos(raster_ns.load(Ordering::Relaxed)),
            encode: encode_time,
        },
    ))
}

/// Premultiplied alpha to straight alpha, in place (opaque pixels are left as they are).
fn unpremultiply(px: &mut [u8]) {
    for p in px.chunks_exact_mut(4) {
        let a = p[3];
        if a != 0 && a != 255 {
            for c in &mut p[..3] {
                *c = ((*c as u32 * 255 + a as u32 / 2) / a as u32).min(255) as u8;
            }
        }
    }
}

/// Decodes a PNG to straight-alpha RGBA8 (for tests and golden images).
pub fn decode_rgba(bytes: &[u8]) -> Result<(u32, u32, Vec<u8>), String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let size = reader
        .output_buffer_size()
        .ok_or("the image is too large")?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        ColorType::Rgba => buf,
        ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        ColorType::Indexed => return Err("indexed colour was not expanded".into()),
    };
    Ok((info.width, info.height, rgba))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_and_the_document_come_back() {
        let px: Vec<u8> = (0..4 * 4 * 3)
            .map(|i| if i % 4 == 3 { 255 } else { (i * 7) as u8 })
            .collect();
        let doc = "{\"format\": \"malbild\", \"text\": \"å ä ö\"}";
        let bytes = encode(&px, 4, 3, Some(300), Some(doc)).unwrap_or_default();
        assert_eq!(
            crate::io::png::embedded_document(&bytes, 1 << 20),
            crate::io::png::Embedded::Document(doc.to_owned())
        );
        assert_eq!(
            crate::io::png::embedded_document(&bytes, 10),
            crate::io::png::Embedded::TooLarge
        );
        let (w, h, back) = decode_rgba(&bytes).unwrap_or_default();
        assert_eq!((w, h), (4, 3));
        assert_eq!(back, px);
        let plain = encode(&px, 4, 3, None, None).unwrap_or_default();
        assert_eq!(
            crate::io::png::embedded_document(&plain, 1 << 20),
            crate::io::png::Embedded::None
        );
    }

    #[test]
    fn half_transparent_pixels_are_written_straight() {
        // Premultiplied (64, 0, 0, 128) is straight (128, 0, 0, 128).
        let px = [64, 0, 0, 128];
        let bytes = encode(&px, 1, 1, None, None).unwrap_or_default();
        let (_, _, back) = decode_rgba(&bytes).unwrap_or_default();
        assert_eq!(back, vec![128, 0, 0, 128]);
    }
}
