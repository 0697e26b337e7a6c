//! Level of detail: far out, a dashed or dotted arrow whose pattern is finer than a few
//! pixels is drawn as a fainter solid line, and a curve with as few chords as keep it within
//! a quarter pixel; a stroke keeps the points that keep it within half a pixel, a shape's
//! outline fewer points, and a picture under four pixels is a patch of its average colour.
//! Here the picture drawn that way is compared with everything drawn (every dash, every
//! point, every picture's texture), at several zooms: seen as the eye sees it (averaged over
//! 4 × 4 pixels) they are the same.
//! (A file of its own: it flips the switch that draws everything.)

use malbild::export::raster::Progress;
use malbild::model::{
    Arrow, ArrowEnd, Background, Document, Element, ElementId, ExportSettings, LineStyle, Point,
    Route, Size,
};
use std::sync::atomic::Ordering;

fn arrows() -> Document {
    let mut doc = Document::new();
    let mut id = 0;
    for (i, style) in [LineStyle::Dashed, LineStyle::Dotted, LineStyle::Solid]
        .into_iter()
        .enumerate()
    {
        for (j, route) in Route::ALL.into_iter().enumerate() {
            id += 1;
            let y = 200.0 + (i * 3 + j) as f32 * 60.0;
            let mut a = Arrow::new(
                ElementId(id),
                ArrowEnd::free(Point::new(60.0, y)),
                ArrowEnd::free(Point::new(1700.0, y + 30.0)),
            );
            a.style = style;
            a.route = route;
            a.bend = if route == Route::Curved { 80.0 } else { 0.0 };
            doc.elements.push(Element::Arrow(a));
        }
    }
    doc
}

/// The switch that draws everything is one for the whole program: one test at a time
/// flips it.
static SWITCH: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// `doc` exported at `scale` with everything drawn and with the level of detail.
fn both(doc: &Document, scale: f32) -> (Image, Image) {
    let _one = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    malbild::scene::FULL_DETAIL.store(true, Ordering::Relaxed);
    let full = picture(doc, scale);
    malbild::scene::FULL_DETAIL.store(false, Ordering::Relaxed);
    (full, picture(doc, scale))
}

/// Width, height and RGBA pixels.
type Image = (u32, u32, Vec<u8>);

fn picture(doc: &Document, scale: f32) -> Image {
    let settings = ExportSettings {
        size: Size::Scale { scale },
        background: Background::White,
        embed: false,
        ..ExportSettings::default()
    };
    let (bytes, _) = malbild::export::png(doc, &settings, &[], &Progress::default())
        .unwrap_or_else(|e| panic!("export at {scale}: {e}"));
    malbild::export::png::decode_rgba(&bytes).unwrap()
}

/// The image averaged over blocks of `k` × `k` pixels (grey levels).
fn blurred(w: u32, h: u32, px: &[u8], k: u32) -> Vec<f32> {
    let (bw, bh) = (w / k, h / k);
    let mut out = vec![0.0; (bw * bh) as usize];
    for by in 0..bh {
        for bx in 0..bw {
            let mut sum = 0.0;
            for y in by * k..(by + 1) * k {
                for x in bx * k..(bx + 1) * k {
                    let i = ((y * w + x) * 4) as usize;
                    sum += (px[i] as f32 + px[i + 1] as f32 + px[i + 2] as f32) / 3.0;
                }
            }
            out[(by * bw + bx) as usize] = sum / (k * k) as f32;
        }
    }
    out
}

#[test]
fn far_out_the_faint_lines_look_like_every_dash_drawn() {
    let doc = arrows();
    for scale in [0.1, 0.12, 0.16, 0.2, 0.3] {
        let ((w, h, full), (w2, h2, lod)) = both(&doc, scale);
        assert_eq!((w, h), (w2, h2));
        let (a, b) = (blurred(w, h, &full, 4), blurred(w, h, &lod, 4));
        let worst = a
            .iter()
            .zip(&b)
            .map(|(x, y)| (x - y).abs())
            .fold(0.0f32, f32::max);
        let mean = a.iter().zip(&b).map(|(x, y)| (x - y).abs()).sum::<f32>() / a.len() as f32;
        // Grey levels of 255: the lines' shade within a tenth where they are, and the
        // pictures alike on the whole.
        assert!(worst < 40.0, "scale {scale}: a block differs by {worst:.1}");
        assert!(mean < 1.5, "scale {scale}: on average {mean:.2}");
    }
}

/// Illustrations, icons and photos, long pen strokes and shapes, across a board.
fn pictures_and_strokes() -> Document {
    use malbild::model::{CardColor, Outline, PenWidth, Picture, Shape, Stroke};
    use malbild::picture::library;
    let mut doc = Document::new();
    let board = doc.board_rect();
    let items = library::items();
    let mut id = 0u64;
    let mut next = || {
        id += 1;
        ElementId(id)
    };
    for i in 0..60usize {
        let Some(item) = items.get(i * 11 % items.len().max(1)) else {
            break;
        };
        let (col, row) = ((i % 15) as f32, (i / 15) as f32);
        let side = 20.0 + (i % 5) as f32 * 4.0;
        let rect =
            malbild::model::Rect::new(board.x + 60.0 + col * 60.0, 200.0 + row * 60.0, side, side);
        let mut p = Picture::new(next(), rect, item.file_id().clone());
        if item.tint {
            p.tint = Some(CardColor::ALL[i % CardColor::ALL.len()]);
        }
        doc.files
            .insert(item.file_id().clone(), item.file_data().clone());
        doc.elements.push(Element::Illustration(p));
    }
    // Two photos: a gradient and one of stripes (whose average is all that shows far out).
    for (k, w) in [(0u32, 36.0f32), (1, 30.0)] {
        let img = image::RgbImage::from_fn(300, 200, |x, y| {
            if k == 0 {
                image::Rgb([(x * 255 / 300) as u8, (y * 255 / 200) as u8, 120])
            } else if (x / 3) % 2 == 0 {
                image::Rgb([20, 40, 200])
            } else {
                image::Rgb([250, 240, 90])
            }
        });
        let mut png = Vec::new();
        let _ = img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png);
        let imported = malbild::picture::import(&png).unwrap();
        doc.files.insert(imported.id.clone(), imported.data);
        let rect = malbild::model::Rect::new(board.x + 60.0 + k as f32 * 100.0, 520.0, w, w / 1.5);
        doc.elements
            .push(Element::Image(Picture::new(next(), rect, imported.id)));
    }
    for i in 0..12usize {
        let y = 1000.0 + i as f32 * 60.0;
        let pts: Vec<Point> = (0..1_500)
            .map(|k| {
                let t = k as f32 / 1_500.0;
                Point::new(
                    board.x + 60.0 + t * 1500.0,
                    y + (t * 40.0 + i as f32).sin() * 25.0 + (t * 300.0).sin() * 1.5,
                )
            })
            .collect();
        let s = Stroke::from_drawn(
            next(),
            &pts,
            0.05,
            CardColor::ALL[i % CardColor::ALL.len()],
            PenWidth::ALL[i % 3],
            i % 4 == 0,
        )
        .unwrap();
        doc.elements.push(Element::Stroke(s));
    }
    for (i, outline) in Outline::ALL.into_iter().enumerate() {
        let rect =
            malbild::model::Rect::new(board.x + 1800.0 + i as f32 * 180.0, 1100.0, 150.0, 110.0);
        let mut s = Shape::new(next(), rect, outline);
        s.fill = Some(CardColor::ALL[i % CardColor::ALL.len()]);
        s.rotation = (i * 15) as f32;
        doc.elements.push(Element::Shape(s));
    }
    doc
}

#[test]
fn far_out_picture_patches_and_simpler_strokes_look_like_everything_drawn() {
    let doc = pictures_and_strokes();
    // Pictures 20–36 points large are 2–11 pixels: patches under 4, textures above; from
    // 0.35 on, strokes are drawn near (their shape kept for a zoom step, a quarter pixel
    // within every point, with an edge of their own).
    for scale in [0.1, 0.12, 0.15, 0.2, 0.3, 0.45, 0.7, 1.0] {
        let ((w, h, full), (w2, h2, lod)) = both(&doc, scale);
        assert_eq!((w, h), (w2, h2));
        let (a, b) = (blurred(w, h, &full, 4), blurred(w, h, &lod, 4));
        let diffs: Vec<f32> = a.iter().zip(&b).map(|(x, y)| (x - y).abs()).collect();
        let worst = diffs.iter().copied().fold(0.0f32, f32::max);
        let mean = diffs.iter().sum::<f32>() / diffs.len() as f32;
        assert!(worst < 40.0, "scale {scale}: a block differs by {worst:.1}");
        assert!(mean < 1.5, "scale {scale}: on average {mean:.2}");
    }
}
