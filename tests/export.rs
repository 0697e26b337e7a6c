//! Export: golden images, the screen and the export of the same view compared, the editable
//! PNG round trip, size limits, SVG, and the export dialog driven as a user would.

mod common;

use common::finish_export;
use egui::epaint::TextureId;
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use malbild::export::raster::{self, Progress, Texture};
use malbild::export::{self, ExportError, Plan, png};
use malbild::model::{
    Background, Document, ExportSettings, Paper, PhaseId, Rect, Scope, Size, sample,
};
use malbild::ui::App;
use malbild::ui::desktop::ScriptedDesktop;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn here(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn arrows_doc() -> Document {
    malbild::io::load(&here("tests/corpus/v2-arrows.malbild"))
        .map(|l| l.document)
        .unwrap_or_default()
}

/// Straight RGBA of a PNG.
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    png::decode_rgba(bytes).unwrap_or_else(|e| panic!("not a PNG: {e}"))
}

/// How two images differ: the share of pixels with any channel more than `tol` apart, and the
/// largest difference.
fn difference(a: &[u8], b: &[u8], tol: u8) -> (f64, u8) {
    assert_eq!(a.len(), b.len(), "sizes differ");
    let mut off = 0usize;
    let mut worst = 0u8;
    for (p, q) in a.chunks_exact(4).zip(b.chunks_exact(4)) {
        let d = p
            .iter()
            .zip(q)
            .map(|(x, y)| x.abs_diff(*y))
            .max()
            .unwrap_or(0);
        worst = worst.max(d);
        if d > tol {
            off += 1;
        }
    }
    (off as f64 / (a.len() / 4).max(1) as f64, worst)
}

/// Compares an export with its committed reference (or writes it with MALBILD_BLESS=1).
fn golden(name: &str, doc: &Document, settings: &ExportSettings) {
    let (bytes, _) = export::png(doc, settings, &[], &Progress::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let path = here(&format!("tests/golden/{name}.png"));
    if std::env::var_os("MALBILD_BLESS").is_some() {
        let _ = std::fs::create_dir_all(here("tests/golden"));
        let plain = ExportSettings {
            embed: false,
            ..*settings
        };
        let (clean, _) = export::png(doc, &plain, &[], &Progress::default()).unwrap_or_default();
        assert!(std::fs::write(&path, clean).is_ok());
    }
    let want = std::fs::read(&path)
        .unwrap_or_else(|_| panic!("{}: missing; run with MALBILD_BLESS=1", path.display()));
    let (w1, h1, got) = decode(&bytes);
    let (w2, h2, want) = decode(&want);
    assert_eq!((w1, h1), (w2, h2), "{name}: size");
    let (share, worst) = difference(&got, &want, 8);
    assert!(
        share < 0.001,
        "{name}: {:.3} % of pixels differ by more than 8 (worst {worst}); if the change is meant, \
         run MALBILD_BLESS=1 cargo test --test export and look at tests/golden/{name}.png",
        share * 100.0
    );
}

#[test]
fn golden_images() {
    let sample = sample::nara_vard();
    golden(
        "sample-half",
        &sample,
        &ExportSettings {
            size: Size::Scale { scale: 0.5 },
            ..ExportSettings::default()
        },
    );
    golden(
        "overgang-white",
        &sample,
        &ExportSettings {
            scope: Scope::Phase {
                phase: PhaseId::Overgang,
            },
            size: Size::Width { pixels: 700 },
            background: Background::White,
            padding: 0.0,
            embed: false,
            marks: true,
        },
    );
    golden(
        "arrows-transparent",
        &arrows_doc(),
        &ExportSettings {
            size: Size::Scale { scale: 1.0 },
            background: Background::Transparent,
            ..ExportSettings::default()
        },
    );
}

/// The atlas of a context's fonts, as the rasterizer takes textures.
fn font_texture(ctx: &egui::Context) -> HashMap<TextureId, Texture> {
    let image = ctx.fonts(|f| f.image());
    let mut t = HashMap::new();
    t.insert(
        TextureId::default(),
        Texture {
            width: image.size[0],
            height: image.size[1],
            pixels: image.pixels.iter().map(|c| c.to_array()).collect(),
        },
    );
    t
}

#[test]
fn the_export_of_a_view_is_the_screen_pixel_for_pixel() {
    export_matches_screen(sample::nara_vard(), "sample");
}

/// Every kind of element in Övergång: shapes (turned, dashed, filled and not), free text,
/// pen and highlighter strokes, a card and an arrow.
fn kinds_doc() -> Document {
    use malbild::model::{Element, ElementId, Outline, Point, Shape, Stroke, Text};
    let mut doc = malbild::io::load(&here("tests/corpus/v4-kinds.malbild"))
        .map(|l| l.document)
        .unwrap_or_default();
    let x = doc.phase_rect(PhaseId::Overgang).x;
    for (i, o) in Outline::ALL.into_iter().enumerate() {
        let mut s = Shape::new(
            ElementId(100 + i as u64),
            Rect::new(
                x + 40.0 + (i % 4) as f32 * 180.0,
                380.0 + (i / 4) as f32 * 150.0,
                160.0,
                110.0,
            ),
            o,
        );
        s.text = format!("Form {i} åäö");
        s.rotation = if i == 3 { 20.0 } else { 0.0 };
        s.fill = if i == 5 {
            None
        } else {
            Some(malbild::model::CardColor::ALL[i])
        };
        doc.elements.push(Element::Shape(s));
    }
    doc.elements.push(Element::Text(Text::new(
        ElementId(200),
        Point::new(x + 420.0, 150.0),
        "Målbild 2030",
    )));
    let wave: Vec<Point> = (0..80)
        .map(|k| {
            Point::new(
                x + 40.0 + k as f32 * 6.0,
                700.0 + (k as f32 * 0.3).sin() * 30.0,
            )
        })
        .collect();
    for (id, hl) in [(300, false), (301, true)] {
        if let Some(s) = Stroke::from_drawn(
            ElementId(id),
            &wave,
            1.0,
            malbild::model::CardColor::Red,
            malbild::model::PenWidth::Thick,
            hl,
        ) {
            let dy = if hl { 40.0 } else { 0.0 };
            doc.elements.push(Element::Stroke(s).translated(0.0, dy));
        }
    }
    doc
}

#[test]
fn every_kind_exports_as_it_is_on_screen() {
    export_matches_screen(kinds_doc(), "kinds");
}

fn export_matches_screen(doc: Document, name: &str) {
    let app = App::new(doc, None, Box::new(ScriptedDesktop::default()));
    // Pictures are drawn on worker threads and ask for frames as they come: room to settle.
    let mut h = Harness::builder()
        .with_size(vec2(1400.0, 860.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(600)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run();
    // A zoom where card text is laid out and drawn (not drawn as lines).
    key(&mut h, Key::Num2);
    h.remove_cursor();
    h.run();
    // The pictures, drawn anew for this view on the cache's threads: their textures are
    // collected as the frames hand them over.
    let start = std::time::Instant::now();
    loop {
        h.step();
        let busy = h.state().view.pictures.is_busy();
        if (!busy && start.elapsed().as_millis() > 300) || start.elapsed().as_secs() > 20 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.step();
    // Their pixels (a GPU has them; here they are drawn again by the same code).
    let pictures: HashMap<TextureId, Texture> =
        h.state().view.pictures.redrawn(&h.state().doc().files);
    assert!(
        name != "sample" || pictures.len() >= 4,
        "the sample's pictures are drawn on screen ({})",
        pictures.len()
    );
    let zoom = h.state().view.camera.zoom;
    let canvas = h.state().view.rect;
    let xf = h.state().view.camera.transform(canvas);

    // The screen: this frame's shapes, tessellated and rasterized.
    let out = h.output().clone();
    let (w, hgt) = (1400usize, 860usize);
    let prims = h.ctx.tessellate(out.shapes, out.pixels_per_point);
    let mut textures = font_texture(&h.ctx);
    textures.extend(pictures);
    let screen = raster::rasterize(
        &prims,
        &textures,
        1.0,
        w,
        hgt,
        [0, 0, 0, 255],
        2,
        &Progress::default(),
    )
    .unwrap_or_default();

    // The export of the board in view, on whole pixels of the screen.
    let doc = h.state().doc().clone();
    let board = xf
        .rect_to_screen(&doc.board_rect())
        .intersect(canvas.shrink(2.0));
    let px = egui::Rect::from_min_max(board.min.ceil(), board.max.floor());
    let world: Rect = xf.rect_to_world(px);
    let plan = Plan {
        world,
        pixels_per_point: zoom,
        width: px.width() as u32,
        height: px.height() as u32,
        dpi: None,
        marks: true,
    };
    let mut timings = export::Timings::default();
    let exported = export::pixels(
        &doc,
        &plan,
        Background::Phases,
        &Progress::default(),
        &mut timings,
    )
    .unwrap_or_else(|e| panic!("{e}"));

    // The same rectangle cut from the screen.
    let (x0, y0) = (px.min.x as usize, px.min.y as usize);
    let (pw, ph) = (plan.width as usize, plan.height as usize);
    let mut cut = Vec::with_capacity(pw * ph * 4);
    for y in y0..y0 + ph {
        cut.extend_from_slice(&screen[(y * w + x0) * 4..(y * w + x0 + pw) * 4]);
    }
    if let Some(dir) = std::env::var_os("MALBILD_DUMP") {
        let dir = PathBuf::from(dir);
        let _ = std::fs::write(
            dir.join(format!("{name}-screen.png")),
            png::encode(&cut, pw as u32, ph as u32, None, None).unwrap_or_default(),
        );
        let _ = std::fs::write(
            dir.join(format!("{name}-export.png")),
            png::encode(&exported, pw as u32, ph as u32, None, None).unwrap_or_default(),
        );
    }
    let (share, worst) = difference(&cut, &exported, 2);
    assert!(
        share < 0.0005,
        "{name}: {:.3} % of {pw}×{ph} pixels differ by more than 2 (worst {worst})",
        share * 100.0
    );
    // And it is not a blank test: the picture holds the phase's text.
    let words = match name {
        "sample" => "Fast vårdkontakt",
        "workshop" => "Kort 2",
        _ => "Form 4 åäö",
    };
    assert!(h.query_all_by_label_contains(words).next().is_some());
    let dark = exported
        .chunks_exact(4)
        .filter(|p| p[0] < 80 && p[1] < 80)
        .count();
    assert!(dark > 500, "text is drawn ({dark} dark pixels)");
}

fn key(h: &mut Harness<'_, App>, k: Key) {
    h.key_press(k);
    h.run();
}

#[test]
fn an_editable_png_round_trips_to_the_same_document_and_pixels() {
    let doc = sample::nara_vard();
    let settings = ExportSettings {
        size: Size::Scale { scale: 0.5 },
        ..ExportSettings::default()
    };
    let (bytes, _) = export::png(&doc, &settings, &[], &Progress::default()).unwrap_or_default();
    let back = malbild::io::from_bytes(&bytes).map(|l| l.document);
    assert_eq!(back.as_ref().ok(), Some(&doc));
    let (again, _) = export::png(
        &back.unwrap_or_default(),
        &settings,
        &[],
        &Progress::default(),
    )
    .unwrap_or_default();
    assert_eq!(decode(&again), decode(&bytes), "identical pixels");
    // Without embedding, the PNG holds no canvas.
    let plain = ExportSettings {
        embed: false,
        ..settings
    };
    let (bytes, _) = export::png(&doc, &plain, &[], &Progress::default()).unwrap_or_default();
    assert_eq!(
        malbild::io::from_bytes(&bytes).err(),
        Some(malbild::io::LoadError::Image)
    );
}

#[test]
fn sizes_are_what_was_asked_and_too_large_is_refused_before_any_work() {
    let doc = sample::nara_vard();
    let plan = |size| {
        export::plan(
            &doc,
            &ExportSettings {
                size,
                ..ExportSettings::default()
            },
            &[],
        )
    };
    let p = plan(Size::Width { pixels: 1000 }).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.width, 1000);
    let p = plan(Size::Paper {
        paper: Paper::A4,
        landscape: true,
        dpi: 72,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((p.width, p.height, p.dpi), (842, 595, Some(72)));
    let start = std::time::Instant::now();
    let huge = plan(Size::Scale { scale: 16.0 });
    assert!(
        matches!(huge, Err(ExportError::TooLarge { .. })),
        "{huge:?}"
    );
    let msg = huge.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("more than the limit of 1024 MB"), "{msg}");
    assert!(start.elapsed().as_millis() < 100, "refused before any work");
    assert!(matches!(
        plan(Size::Scale { scale: 0.0 }),
        Err(ExportError::BadSize(_))
    ));
    let sel = export::plan(
        &doc,
        &ExportSettings {
            scope: Scope::Selection,
            ..ExportSettings::default()
        },
        &[],
    );
    assert_eq!(sel.err(), Some(ExportError::EmptySelection));
}

#[test]
fn a_cancelled_export_stops() {
    let progress = Progress::default();
    progress
        .cancel
        .store(true, std::sync::atomic::Ordering::Relaxed);
    let out = export::png(
        &sample::nara_vard(),
        &ExportSettings::default(),
        &[],
        &progress,
    );
    assert_eq!(out.err(), Some(ExportError::Cancelled));
}

#[test]
fn svg_has_vectors_and_text_as_text() {
    let svg = export::svg(&arrows_doc(), &ExportSettings::default(), &[]).unwrap_or_default();
    assert!(svg.starts_with("<?xml") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains(">Övergång</text>"), "phase titles are text");
    assert!(svg.contains(">en väg in</text>"), "arrow labels are text");
    assert!(
        svg.contains("font-family:Inter") && svg.contains("base64,"),
        "the font is inside"
    );
    assert!(svg.contains("<rect") && svg.contains("<line") && svg.contains("<polygon"));
    assert_eq!(svg.matches("<svg").count(), 1);
}

#[test]
fn svg_of_every_kind_keeps_turned_text_as_turned_text() {
    let svg = export::svg(&kinds_doc(), &ExportSettings::default(), &[]).unwrap_or_default();
    // The turned cloud's text is turned with it; upright text is not.
    assert_eq!(
        svg.matches("<g transform=\"rotate(15").count(),
        1,
        "one turned shape"
    );
    assert!(svg.contains(">Målbild 2030</text>"));
    assert!(svg.contains(">Form 4 åäö</text>"));
    assert!(
        svg.matches("<polygon").count() > 100,
        "fills and strokes as polygons"
    );
    assert_eq!(svg.matches("<svg").count(), 1);
}

#[test]
fn the_export_dialog_writes_a_picture_and_remembers_its_settings() {
    let dir = std::env::temp_dir().join(format!("malbild-export-ui-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let desktop = ScriptedDesktop::default();
    let app = App::new(sample::nara_vard(), None, Box::new(desktop.clone()));
    let mut h = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(600)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(h.state().export.open);
    // "Vit" is also a card colour in the panel behind the dialog: take the dialog's.
    let white = h
        .get_all_by_label("Vit")
        .map(|n| n.rect().center())
        .find(|c| c.x < 1000.0);
    let white = white.unwrap_or_else(|| panic!("the dialog offers a white background"));
    h.hover_at(white);
    h.event(egui::Event::PointerButton {
        pos: white,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: white,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert_eq!(
        h.state().doc().export.map(|e| e.background),
        Some(Background::White)
    );
    assert!(
        h.state().is_dirty(),
        "the settings are part of the document"
    );

    let path = dir.join("målbild.png");
    desktop.answer(Some(path.clone()));
    h.get_by_label("Exportera PNG…").click();
    finish_export(&mut h);
    assert_eq!(h.state().export.outcome, Some(Ok(path.clone())));
    // Said in the dialog and in the status bar.
    assert_eq!(h.get_all_by_label_contains("Exporterat till").count(), 2);
    let bytes = std::fs::read(&path).unwrap_or_default();
    let doc = malbild::io::from_bytes(&bytes).map(|l| l.document);
    assert_eq!(
        doc.ok().as_ref(),
        Some(h.state().doc()),
        "the picture holds the canvas"
    );
    let (w, _, px) = decode(&bytes);
    assert_eq!(
        w,
        h.state().doc().bounds().w as u32 * 2 + 2 * 48,
        "scale 2 with the padding"
    );
    assert_eq!(&px[..4], &[255, 255, 255, 255], "a white background");

    // Closing the dialog, then undo takes the setting back.
    h.get_by_label("Stäng").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().export, None);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn svg_keeps_pictures_inside_as_vectors_with_their_tint() {
    let doc = sample::nara_vard();
    let svg = export::svg(&doc, &ExportSettings::default(), &[]).unwrap_or_default();
    // The five illustrations of the sample, each an <image> clipped to its box.
    assert_eq!(svg.matches("<image ").count(), 5, "one image per picture");
    assert_eq!(svg.matches("data:image/svg+xml;base64,").count(), 5);
    // The tinted icon is drawn in its colour (blue's strong shade): its SVG inside says so.
    let tint = malbild::model::CardColor::Blue.line();
    let hex = format!("#{:02x}{:02x}{:02x}", tint.r, tint.g, tint.b);
    let inside: Vec<String> = svg
        .split("data:image/svg+xml;base64,")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter_map(malbild::base64::decode)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    assert!(inside.iter().any(|s| s.contains(&hex)), "the icon in {hex}");
    // An editable PNG keeps the pictures.
    let (bytes, _) = export::png(&doc, &ExportSettings::default(), &[], &Progress::default())
        .unwrap_or_default();
    let back = malbild::io::from_bytes(&bytes).map(|l| l.document);
    assert_eq!(back.map(|d| d.files.len()).ok(), Some(5));
}

/// The workshop corpus canvas: themes, follow-up badges, votes, steps.
fn workshop_doc() -> Document {
    malbild::io::load(&here("tests/corpus/v6-workshop.malbild"))
        .map(|l| l.document)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn themes_badges_and_votes_export_as_they_are_on_screen() {
    export_matches_screen(workshop_doc(), "workshop");
}

#[test]
fn badges_and_votes_can_be_left_out_of_an_export() {
    let doc = workshop_doc();
    let with = ExportSettings {
        size: Size::Scale { scale: 1.0 },
        embed: false,
        ..ExportSettings::default()
    };
    let without = ExportSettings {
        marks: false,
        ..with
    };
    let (a, _) = export::png(&doc, &with, &[], &Progress::default()).unwrap_or_default();
    let (b, _) = export::png(&doc, &without, &[], &Progress::default()).unwrap_or_default();
    let ((wa, ha, pa), (wb, hb, pb)) = (decode(&a), decode(&b));
    assert_eq!((wa, ha), (wb, hb));
    let (share, worst) = difference(&pa, &pb, 8);
    assert!(share > 0.0005 && worst > 100, "{share} {worst}");
    // The themes are drawn either way: only the marks differ, a small part of the picture.
    assert!(share < 0.02, "{share}");
}
