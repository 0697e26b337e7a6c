//! Level of detail: far out, a dashed or dotted arrow whose pattern is finer than a few
//! pixels is drawn as a fainter solid line, and a curve with as few chords as keep it within
//! a quarter pixel. Here the picture drawn that way is compared with every dash drawn, at
//! several zooms: seen as the eye sees it (averaged over 4 × 4 pixels) they are the same.
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

fn picture(doc: &Document, scale: f32) -> (u32, u32, Vec<u8>) {
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
        malbild::scene::FULL_DETAIL.store(true, Ordering::Relaxed);
        let (w, h, full) = picture(&doc, scale);
        malbild::scene::FULL_DETAIL.store(false, Ordering::Relaxed);
        let (w2, h2, lod) = picture(&doc, scale);
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
