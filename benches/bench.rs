//! The benchmark behind `cargo bench`: frame CPU time (the whole app's UI pass plus
//! tessellation, no GPU) on canvases of 1,000 and 10,000 cards, and of as many mixed elements
//! (cards, shapes, free text, pen strokes), and open and save times. Run it on a release build; numbers from a debug build mean little.
//!
//! Run with `cargo bench` (add `-- --quick` for a short run, `-- pictures` for the canvas of
//! illustrations and photos alone).

/// The same allocator as the program (see `src/main.rs`), so the numbers are the program's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    // `cargo bench -- pictures`: the pictures canvas alone.
    if std::env::args().any(|a| a == "pictures") {
        run_pictures(quick);
        return;
    }
    // `cargo bench -- arrows`: the canvas heavy with long arrows alone.
    if std::env::args().any(|a| a == "arrows") {
        run_arrows(quick);
        return;
    }
    // `cargo bench -- gestures`: dragging and drawing on the 10,000-element mixed canvas.
    if std::env::args().any(|a| a == "gestures") {
        run_gestures(quick);
        return;
    }
    // `cargo bench -- export`: the exports alone.
    if std::env::args().any(|a| a == "export") {
        run_export(quick);
        return;
    }
    // `cargo bench -- save N FILE`: writes the mixed canvas of N elements to FILE (to look at).
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "save") {
        let n = args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(10_000);
        let file = args
            .get(i + 2)
            .cloned()
            .unwrap_or_else(|| "mixed.malbild".into());
        if let Err(e) = malbild::io::save(std::path::Path::new(&file), &mixed_document(n)) {
            eprintln!("bench: {e}");
        }
        return;
    }
    // `cargo bench -- startup`: the whole program's first frame of the sample and of 10,000.
    if std::env::args().any(|a| a == "startup") {
        run_startup(quick);
        return;
    }
    // `cargo bench -- large`: the 50,000-element mixed canvas alone.
    if std::env::args().any(|a| a == "large") {
        run_large(quick);
        return;
    }
    // The canvases must be what the tables say: the whole board in view at the lowest zoom.
    for n in [1_000, 10_000] {
        let b = document(n).board_rect();
        let (w, h) = (SCREEN.0 - 300.0, SCREEN.1 - 130.0);
        let z = malbild::ui::camera::MIN_ZOOM;
        if b.w * z > w || b.h * z > h {
            eprintln!("bench: the {n}-card canvas does not fit the window at the lowest zoom");
            std::process::exit(2);
        }
    }
    run(quick);
}

use egui::{RawInput, pos2, vec2};
use malbild::edit::Editor;
use malbild::model::{
    Card, CardColor, Document, Element, ElementId, HEADER_HEIGHT, PhaseId, Point, Rect,
};
use malbild::ui::App;
use malbild::ui::desktop::ScriptedDesktop;
use std::time::{Duration, Instant};

/// Screen size of the benchmark window, in points.
pub const SCREEN: (f32, f32) = (1600.0, 900.0);

const PHRASES: [&str; 16] = [
    "Fast vårdkontakt för den som behöver",
    "Digitala vårdmöten",
    "Mobila team i hemmet",
    "Samordnad individuell plan",
    "Hälsofrämjande arbete",
    "Rätt vård på rätt nivå",
    "Kompetensväxling i primärvården",
    "Äldre med många diagnoser",
    "Lång väntan på första kontakt",
    "Information följer patienten",
    "Kommun och region tillsammans",
    "Egenmonitorering av blodtryck",
    "Förebyggande hembesök",
    "Närsjukvårdsteam",
    "Personcentrerat arbetssätt",
    "Gemensam journal",
];

/// A canvas of `n` cards in a grid in each phase, with Swedish texts of workshop length.
///
/// Up to 10,000 cards the whole board fits the benchmark window at 10 %, so that "all in
/// view" really shows every card: up to 2,000 cards are full size (200 × 120), more are half
/// size. A larger board is seen whole further out (the view goes as far out as a board needs),
/// each phase about as wide as it is tall.
pub fn document(n: usize) -> Document {
    let per_phase = n.div_ceil(3).max(1);
    if n <= 2_000 {
        // Wide phases, but no wider than a third of what the window shows at 10 % zoom.
        let cols = ((per_phase as f32 * 1.2).sqrt().ceil() as usize).clamp(1, 17);
        grid(n, cols, (200.0, 120.0), (240.0, 160.0))
    } else if n <= 10_000 {
        let cols = ((per_phase as f32 * 1.2).sqrt().ceil() as usize).clamp(1, 35);
        grid(n, cols, (100.0, 60.0), (118.0, 76.0))
    } else {
        // Larger boards are seen whole further out: each phase about as wide as the window
        // for it, so that zooming to a phase shows that phase.
        let cols = (per_phase as f32 * 1.1).sqrt().ceil() as usize;
        grid(n, cols.max(1), (100.0, 60.0), (118.0, 76.0))
    }
}

/// `n` cards of `card` size in cells of `cell` size, `cols` to a row, in each phase.
pub fn grid(n: usize, cols: usize, card: (f32, f32), cell: (f32, f32)) -> Document {
    let mut doc = Document::new();
    doc.title = format!("Benchmark, {n} kort");
    let per_phase = n.div_ceil(3).max(1);
    let cols = cols.max(1);
    let rows = per_phase.div_ceil(cols);
    for id in PhaseId::ALL {
        doc.phases.get_mut(id).width = cols as f32 * cell.0 + 80.0;
    }
    doc.board.height = HEADER_HEIGHT + rows as f32 * cell.1 + 80.0;
    let mut made = 0;
    for phase in PhaseId::ALL {
        let x0 = doc.phase_x(phase) + 50.0;
        for i in 0..per_phase {
            if made == n {
                break;
            }
            let (c, r) = (i % cols, i / cols);
            let rect = Rect::new(
                x0 + c as f32 * cell.0,
                HEADER_HEIGHT + 40.0 + r as f32 * cell.1,
                card.0,
                card.1,
            );
            let text = format!("{} {}", PHRASES[made % PHRASES.len()], made + 1);
            let color = CardColor::ALL[made % CardColor::ALL.len()];
            doc.elements.push(Element::Card(Card::new(
                ElementId(made as u64 + 1),
                rect,
                text,
                color,
            )));
            made += 1;
        }
    }
    doc
}

/// The canvas of [`document`] with every kind, across the three phases and three lanes: of
/// each 20 cells, three hold a shape with text (every outline, some turned), two free text,
/// three a pen or highlighter stroke (50 to 300 points kept, one in ten up to 2,000), one an
/// illustration or icon from the library, two an arrow between cards nearby (straight,
/// curved and elbow, dashed and labelled among them), and the rest cards; one cell in 2,000
/// holds a photo (five different ones, 1600 × 1200).
pub fn mixed_document(n: usize) -> Document {
    use malbild::model::{
        Arrow, ArrowEnd, LineStyle, Outline, PenWidth, Picture, Route, Shape, Stroke, Text,
    };
    use malbild::picture::library;
    let cards = document(n);
    let mut doc = Document {
        elements: Default::default(),
        ..cards.clone()
    };
    doc.title = format!("Benchmark, {n} blandade");
    let lane_h = (doc.board.height - HEADER_HEIGHT) / 3.0;
    for (i, title) in ["Invånare", "Medarbetare", "Organisation"]
        .into_iter()
        .enumerate()
    {
        let mut lane = malbild::model::workshop::Lane::new(title, CardColor::ALL[i * 3]);
        lane.height = lane_h.max(malbild::model::workshop::MIN_LANE_HEIGHT);
        lane.id = ElementId(9_000_000 + i as u64);
        doc.lanes.push(lane);
    }
    let items = library::items();
    let photos: Vec<_> = (0..5u32)
        .filter_map(|k| malbild::picture::import(&photo(1600, 1200, k)).ok())
        .collect();
    let all: Vec<&Card> = cards.elements.iter().filter_map(Element::as_card).collect();
    // The card in cell `j`, if that cell keeps its card.
    let card_at = |j: usize| all.get(j).filter(|_| j % 20 >= 11).copied();
    let bound = |c: &Card| ArrowEnd::bound(c.rect.center(), c.id, Point::new(0.5, 0.5));
    for (i, c) in all.iter().enumerate() {
        let r = c.rect;
        let el = match i % 20 {
            _ if i % 2_000 == 1_999 && !photos.is_empty() => {
                let ph = &photos[(i / 2_000) % photos.len()];
                doc.files.insert(ph.id.clone(), ph.data.clone());
                let rect = Rect::new(r.x, r.y, r.w, r.w * 0.75);
                Element::Image(Picture::new(c.id, rect, ph.id.clone()))
            }
            0..3 => {
                let mut s = Shape::new(c.id, r, Outline::ALL[i % Outline::ALL.len()]);
                s.text = c.text.clone();
                s.fill = Some(c.color);
                s.rotation = if i % 7 == 0 { 12.0 } else { 0.0 };
                Element::Shape(s)
            }
            3..5 => {
                let mut t = Text::new(c.id, Point::new(r.x, r.y), c.text.clone());
                t.rect.w = r.w;
                t.size = malbild::model::FontSize::S;
                t.rect.h = r.h / 2.0;
                Element::Text(t)
            }
            5..8 => {
                // Points kept: 50 to 300, one stroke in ten 300 to 2,000. Drawing smooths
                // what the pointer gave into about four times as many points.
                let kept = if i % 10 == 5 {
                    300 + (i * 97) % 1_701
                } else {
                    50 + (i * 37) % 251
                };
                let count = if kept > 300 { kept * 3 / 4 } else { kept / 4 }.max(3);
                // A hand-drawn line: a wave with a wobble too small to simplify away.
                let pts: Vec<Point> = (0..count)
                    .map(|k| {
                        let t = k as f32 / count as f32;
                        let wobble = ((k * 7919) % 13) as f32 / 13.0 - 0.5;
                        Point::new(
                            r.x + t * r.w,
                            r.center().y + (t * 18.0).sin() * r.h * 0.3 + wobble * 0.8,
                        )
                    })
                    .collect();
                let s =
                    Stroke::from_drawn(c.id, &pts, 0.05, c.color, PenWidth::ALL[i % 3], i % 6 == 0);
                match s {
                    Some(s) => Element::Stroke(s),
                    None => Element::Card((*c).clone()),
                }
            }
            8 => match items.get(i * 7 % items.len().max(1)) {
                Some(item) => {
                    let side = r.w.min(r.h);
                    let rect = Rect::new(r.x + (r.w - side) / 2.0, r.y, side, side);
                    let mut p = Picture::new(c.id, rect, item.file_id().clone());
                    if item.tint {
                        p.tint = Some(CardColor::Navy);
                    }
                    p.source = item.id.to_owned();
                    doc.files
                        .insert(item.file_id().clone(), item.file_data().clone());
                    Element::Illustration(p)
                }
                None => Element::Card((*c).clone()),
            },
            k @ 9..11 => {
                // From a card two cells on to one a few cells further.
                match (card_at(i + 2), card_at(i + 4 + k % 2)) {
                    (Some(a), Some(b)) => {
                        let mut arrow = Arrow::new(c.id, bound(a), bound(b));
                        arrow.route = Route::ALL[i % 3];
                        arrow.bend = if arrow.route == Route::Curved {
                            30.0
                        } else {
                            0.0
                        };
                        if i % 4 == 1 {
                            arrow.style = LineStyle::Dashed;
                        }
                        if k == 10 {
                            arrow.label = format!("steg {}", i / 20 + 1);
                        }
                        Element::Arrow(arrow)
                    }
                    _ => Element::Card((*c).clone()),
                }
            }
            _ => Element::Card((*c).clone()),
        };
        doc.elements.push(el);
    }
    doc
}

/// Timing statistics in milliseconds.
#[derive(Clone, Copy, Debug)]
pub struct Stats {
    pub median: f64,
    pub p95: f64,
    pub min: f64,
}

impl Stats {
    pub fn of(mut samples: Vec<Duration>) -> Self {
        samples.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let at = |q: f64| ms(samples[((samples.len() - 1) as f64 * q).round() as usize]);
        if samples.is_empty() {
            return Self {
                median: f64::NAN,
                p95: f64::NAN,
                min: f64::NAN,
            };
        }
        Self {
            median: at(0.5),
            p95: at(0.95),
            min: ms(samples[0]),
        }
    }
}

/// What the camera shows while frames are timed.
#[derive(Clone, Copy, Debug)]
pub enum Framing {
    All,
    Phase(PhaseId),
    /// This zoom, centred on the board.
    Zoom(f32),
}

fn input(ctx_time: f64) -> RawInput {
    RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            pos2(0.0, 0.0),
            vec2(SCREEN.0, SCREEN.1),
        )),
        time: Some(ctx_time),
        ..Default::default()
    }
}

/// Times `frames` frames of the whole app showing `doc`, panning a little each frame so that
/// every frame does real work. Each sample is the UI pass plus tessellation.
pub fn frame_times(doc: Document, framing: Framing, frames: usize) -> Stats {
    let ctx = egui::Context::default();
    let mut app = App::new(doc, None, Box::new(ScriptedDesktop::default()));
    let mut t = 0.0;
    let frame = |app: &mut App, t: &mut f64| {
        *t += 1.0 / 60.0;
        let mut raw = input(*t);
        raw.events
            .push(egui::Event::PointerMoved(pos2(700.0, 450.0)));
        let start = Instant::now();
        let mut out = ctx.run_ui(raw, |ui| app.ui(ui));
        let ui_pass = start.elapsed();
        let prims = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
        let took = start.elapsed();
        if std::env::var_os("MALBILD_BENCH_VERBOSE").is_some() {
            eprint!("UI pass {:.2} ms; ", ui_pass.as_secs_f64() * 1e3);
            let verts: usize = prims
                .iter()
                .map(|p| match &p.primitive {
                    egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                    egui::epaint::Primitive::Callback(_) => 0,
                })
                .sum();
            eprintln!(
                "frame: {:.2} ms, {} primitives, {verts} vertices, zoom {:.3}, {} cards in view",
                took.as_secs_f64() * 1e3,
                prims.len(),
                app.view.camera.zoom,
                app.view.visible_count()
            );
        }
        std::hint::black_box(prims);
        out.textures_delta.clear();
        took
    };
    // Warm up: fonts, first fit, glyphs into the atlas.
    for _ in 0..3 {
        frame(&mut app, &mut t);
    }
    match framing {
        Framing::All => {
            let doc = app.doc().clone();
            app.view.fit_all(&doc);
        }
        Framing::Phase(p) => {
            let doc = app.doc().clone();
            app.view.zoom_to_phase(&doc, p);
        }
        Framing::Zoom(z) => {
            let doc = app.doc().clone();
            app.view.fit_all(&doc);
            frame(&mut app, &mut t);
            app.view.camera.pending = Some(malbild::ui::camera::Framing::ZoomTo(z));
        }
    }
    for _ in 0..3 {
        frame(&mut app, &mut t);
    }
    // Pictures are read and drawn on threads of their own: the frames measured show them.
    let start = Instant::now();
    frame(&mut app, &mut t);
    while app.view.pictures.is_busy() && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
        frame(&mut app, &mut t);
    }
    frame(&mut app, &mut t);
    let mut samples = Vec::with_capacity(frames);
    for i in 0..frames {
        let dir = if (i / 20) % 2 == 0 { 1.0 } else { -1.0 };
        app.view.camera.pan.x += 3.0 * dir;
        samples.push(frame(&mut app, &mut t));
    }
    Stats::of(samples)
}

/// Times opening (read, parse, check, index) and saving (serialize, atomic write) `doc`.
pub fn file_times(doc: &Document, runs: usize) -> (Stats, Stats, usize) {
    let dir = std::env::temp_dir().join(format!("malbild-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("bench.malbild");
    let mut saves = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        if let Err(e) = malbild::io::save(&path, doc) {
            eprintln!("the benchmark could not write {}: {e}", path.display());
            return (Stats::of(Vec::new()), Stats::of(Vec::new()), 0);
        }
        saves.push(start.elapsed());
    }
    let size = std::fs::metadata(&path)
        .map(|m| m.len() as usize)
        .unwrap_or(0);
    let mut opens = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let editor = malbild::io::load(&path).map(|l| Editor::new(l.document));
        opens.push(start.elapsed());
        if let Err(e) = &editor {
            eprintln!("the benchmark could not read back its file: {e}");
        }
        std::hint::black_box(editor.ok());
    }
    let _ = std::fs::remove_dir_all(&dir);
    (Stats::of(opens), Stats::of(saves), size)
}

/// The export benchmark's canvas: 200 cards with text and 150 arrows between neighbours,
/// like the 553-element scene Excalidraw was measured with.
pub fn export_document() -> Document {
    // Five columns of cards in each phase: a board about 16:9, like a slide.
    let mut doc = grid(200, 5, (200.0, 120.0), (240.0, 140.0));
    let cards: Vec<(ElementId, malbild::model::Rect)> = doc
        .elements
        .iter()
        .filter_map(Element::as_card)
        .map(|c| (c.id, c.rect))
        .collect();
    let centre = malbild::model::Point::new(0.5, 0.5);
    for (i, w) in cards.windows(2).take(150).enumerate() {
        let (a, b) = (w[0], w[1]);
        let mut arrow = malbild::model::Arrow::new(
            ElementId(1_000_000 + i as u64),
            malbild::model::ArrowEnd::bound(a.1.center(), a.0, centre),
            malbild::model::ArrowEnd::bound(b.1.center(), b.0, centre),
        );
        arrow.route = malbild::model::Route::ALL[i % 3];
        arrow.bend = if i % 3 == 1 { 30.0 } else { 0.0 };
        if i % 5 == 0 {
            arrow.label = format!("steg {i}");
        }
        doc.elements.push(Element::Arrow(arrow));
    }
    doc
}

/// The process's peak resident memory so far, in MB (Linux only).
pub fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Times exporting `doc` to PNG bytes with `settings`, `runs` times: the median of each stage.
pub fn export_times(
    doc: &Document,
    settings: &malbild::model::ExportSettings,
    runs: usize,
) -> (malbild::export::Timings, Stats, usize) {
    let mut stages: Vec<malbild::export::Timings> = Vec::new();
    let mut totals = Vec::new();
    let mut size = 0;
    for _ in 0..runs.max(1) {
        let progress = malbild::export::raster::Progress::default();
        let start = Instant::now();
        let out = malbild::export::png(doc, settings, &[], &progress);
        totals.push(start.elapsed());
        if let Ok((bytes, t)) = out {
            size = bytes.len();
            stages.push(t);
        }
    }
    let median = |f: fn(&malbild::export::Timings) -> Duration| {
        let mut v: Vec<Duration> = stages.iter().map(f).collect();
        v.sort();
        v.get(v.len() / 2).copied().unwrap_or_default()
    };
    let t = malbild::export::Timings {
        scene: median(|t| t.scene),
        tessellate: median(|t| t.tessellate),
        raster: median(|t| t.raster),
        encode: median(|t| t.encode),
        wall: median(|t| t.wall),
    };
    (t, Stats::of(totals), size)
}

/// Runs the benchmark and prints a table in Markdown.
pub fn run(quick: bool) {
    let frames = if quick { 20 } else { 120 };
    let runs = if quick { 3 } else { 15 };
    let build = if cfg!(debug_assertions) {
        "debug build: numbers are not meaningful, use --release"
    } else {
        "release build"
    };
    println!(
        "Målbild benchmark ({build}); window {}×{} points, CPU only",
        SCREEN.0, SCREEN.1
    );
    println!();
    println!("| canvas | what | median | p95 | min |");
    println!("|---|---|---:|---:|---:|");
    let canvases = [1_000, 10_000]
        .into_iter()
        .flat_map(|n| [(n, false), (n, true)]);
    for (n, mixed) in canvases {
        let (doc, label) = if mixed {
            (mixed_document(n), format!("{} mixed", thousands(n)))
        } else {
            (document(n), format!("{} cards", thousands(n)))
        };
        for (what, framing) in [
            ("frame, all in view", Framing::All),
            (
                "frame, zoomed to Övergång",
                Framing::Phase(PhaseId::Overgang),
            ),
            ("frame, 40 % (text on every card)", Framing::Zoom(0.4)),
        ] {
            let s = frame_times(doc.clone(), framing, frames);
            println!(
                "| {label} | {what} | {:.2} ms | {:.2} ms | {:.2} ms |",
                s.median, s.p95, s.min
            );
        }
        let (open, save, size) = file_times(&doc, runs);
        let mb = size as f64 / 1e6;
        println!(
            "| {label} | open ({mb:.1} MB file) | {:.1} ms | {:.1} ms | {:.1} ms |",
            open.median, open.p95, open.min
        );
        println!(
            "| {label} | save (atomic, fsync) | {:.1} ms | {:.1} ms | {:.1} ms |",
            save.median, save.p95, save.min
        );
    }
    run_pen(runs);
    run_export(quick);
    run_pictures(quick);
    run_gestures(quick);
    run_arrows(quick);
    run_startup(quick);
    run_large(quick);
}

/// The whole program opening a canvas and drawing its first frame (headless), and its peak
/// memory: the sample canvas the README's command opens, and the 10,000-element mixed one.
pub fn run_startup(quick: bool) {
    let runs = if quick { 3 } else { 7 };
    let dir = std::env::temp_dir().join(format!("malbild-bench-start-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mixed = dir.join("mixed-10000.malbild");
    let _ = malbild::io::save(&mixed, &mixed_document(10_000));
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/nara-vard.malbild");
    println!();
    println!("Start-up: the whole program, from start to its first frame drawn (headless):");
    println!();
    println!("| canvas | median | p95 | min | peak memory |");
    println!("|---|---:|---:|---:|---:|");
    for (label, file) in [
        ("the sample canvas", sample),
        ("10,000 mixed elements", mixed),
    ] {
        let args = [std::ffi::OsStr::new("first-frame"), file.as_os_str()];
        let (s, peak, _) = process_times(&args, runs);
        println!(
            "| {label} | {:.0} ms | {:.0} ms | {:.0} ms | {peak:.0} MB |",
            s.median, s.p95, s.min
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A made-up photo: soft colour fields with fine grain, as JPEG (`seed` makes each differ).
pub fn photo(w: u32, h: u32, seed: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let n = (x.wrapping_mul(73_856_093)
            ^ y.wrapping_mul(19_349_663)
            ^ seed.wrapping_mul(83_492_791))
            % 23;
        let r = (x * 255 / w) as u8;
        let g = (y * 255 / h) as u8;
        let b = ((x + y + seed * 40) % 256) as u8;
        image::Rgb([r.saturating_add(n as u8), g, b])
    });
    let mut out = Vec::new();
    let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
    let _ = img.write_with_encoder(enc);
    out
}

/// 200 illustrations and icons from the library and 20 photos (3000 × 2000) across the board.
pub fn picture_document() -> Document {
    use malbild::model::Picture;
    use malbild::picture::library;
    let mut doc = Document::new();
    doc.board.height = 1600.0;
    let items = library::items();
    let board = doc.board_rect();
    let mut n = 0u64;
    for i in 0..200 {
        let Some(item) = items.get(i * 7 % items.len().max(1)) else {
            break;
        };
        let (col, row) = (i % 25, i / 25);
        let side = 60.0 + (i % 5) as f32 * 20.0;
        let rect = Rect::new(
            board.x + 40.0 + col as f32 * 95.0,
            100.0 + row as f32 * 110.0,
            side,
            side,
        );
        let mut p = Picture::new(ElementId(n + 1), rect, item.file_id().clone());
        if item.tint {
            p.tint = Some(CardColor::Navy);
        }
        p.source = item.id.to_owned();
        doc.files
            .insert(item.file_id().clone(), item.file_data().clone());
        doc.elements.push(Element::Illustration(p));
        n += 1;
    }
    for i in 0..20u32 {
        let Ok(imported) = malbild::picture::import(&photo(3000, 2000, i)) else {
            continue;
        };
        let (col, row) = (i % 10, i / 10);
        let rect = Rect::new(
            board.x + 40.0 + col as f32 * 240.0,
            1050.0 + row as f32 * 200.0,
            220.0,
            146.0,
        );
        doc.files.insert(imported.id.clone(), imported.data);
        doc.elements.push(Element::Image(Picture::new(
            ElementId(n + 1),
            rect,
            imported.id,
        )));
        n += 1;
    }
    doc.elements.renumber();
    doc
}

/// Frames and export of a canvas with 200 illustrations and 20 photos.
pub fn run_pictures(quick: bool) {
    use malbild::model::{ExportSettings, Paper, Size};
    let frames = if quick { 20 } else { 120 };
    let runs = if quick { 3 } else { 7 };
    let doc = picture_document();
    println!();
    println!(
        "Pictures: {} illustrations and icons, {} photos of 3000 × 2000 ({:.1} MB of picture data)",
        doc.count(malbild::model::Kind::Illustration),
        doc.count(malbild::model::Kind::Image),
        doc.files.total_bytes() as f64 / 1e6
    );
    println!();
    println!("| what | median | p95 | min |");
    println!("|---|---:|---:|---:|");
    for (what, framing) in [
        ("frame, all in view, panning", Framing::All),
        ("frame, 100 %, panning", Framing::Zoom(1.0)),
    ] {
        let s = frame_times(doc.clone(), framing, frames);
        println!(
            "| {what} | {:.2} ms | {:.2} ms | {:.2} ms |",
            s.median, s.p95, s.min
        );
    }
    let settings = ExportSettings {
        size: Size::Paper {
            paper: Paper::A2,
            landscape: true,
            dpi: 300,
        },
        ..ExportSettings::default()
    };
    let (t, total, bytes) = export_times(&doc, &settings, runs);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "| export A2 landscape 300 dpi (scene {:.0} ms, raster {:.0} ms, encode {:.0} ms; {:.1} MB) | {:.0} ms | {:.0} ms | {:.0} ms |",
        ms(t.scene),
        ms(t.raster),
        ms(t.encode),
        bytes as f64 / 1e6,
        total.median,
        total.p95,
        total.min
    );
}

/// The pen: how long ending a long line takes (evening out, thinning, smoothing), and how
/// many points it keeps.
pub fn run_pen(runs: usize) {
    use malbild::model::{PenWidth, Stroke};
    // A slow scribble of 5,000 pointer positions with a hand's wobble, drawn at 100 %.
    let drawn: Vec<Point> = (0..5_000)
        .map(|i| {
            let t = i as f32 / 50.0;
            let wobble = if i % 2 == 0 { 0.8 } else { -0.8 };
            Point::new(
                t * 40.0 + (t * 3.0).sin() * 60.0,
                (t * 1.7).cos() * 80.0 + wobble,
            )
        })
        .collect();
    let mut times = Vec::new();
    let mut kept = 0;
    for _ in 0..runs.max(3) {
        let start = Instant::now();
        let s = Stroke::from_drawn(
            ElementId(1),
            &drawn,
            2.0,
            CardColor::Navy,
            PenWidth::Medium,
            false,
        );
        times.push(start.elapsed());
        kept = s.map(|s| s.points.len()).unwrap_or(0);
    }
    let t = Stats::of(times);
    println!();
    println!(
        "Pen: ending a line of 5,000 pointer positions (even out, thin to 2 points, smooth): \
         {:.2} ms median, {:.2} ms p95; {kept} points kept",
        t.median, t.p95
    );
}

/// The export part: document to PNG bytes, per stage.
pub fn run_export(quick: bool) {
    run_export_of(export_document(), "", quick);
    run_export_of(mixed_document(1_000), "1,000 mixed elements: ", quick);
}

/// Export times of `doc` at 4000 px wide and at A2 300 dpi.
pub fn run_export_of(doc: Document, what: &str, quick: bool) {
    use malbild::model::{ExportSettings, Paper, Size};
    let runs = if quick { 3 } else { 9 };
    println!();
    println!(
        "Export to PNG bytes: {what}{} cards, {} arrows, {} elements in all; median of {runs} (embedding the document)",
        doc.card_count(),
        doc.arrow_count(),
        doc.elements.len()
    );
    println!();
    println!("Raster and encode run at once, on all cores; their columns are CPU time summed over");
    println!("threads, the totals are the time from document to PNG bytes.");
    println!();
    println!(
        "| size | scene | tessellate | raster | encode | total (median) | total (min) | PNG |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (label, size) in [
        ("4000 px wide", Size::Width { pixels: 4000 }),
        (
            "A2 landscape, 300 dpi",
            Size::Paper {
                paper: Paper::A2,
                landscape: true,
                dpi: 300,
            },
        ),
    ] {
        let settings = ExportSettings {
            size,
            ..ExportSettings::default()
        };
        let plan = malbild::export::plan(&doc, &settings, &[]);
        let dims = plan
            .map(|p| format!("{} × {}", p.width, p.height))
            .unwrap_or_default();
        let (t, total, bytes) = export_times(&doc, &settings, runs);
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "| {label} ({dims}) | {:.0} ms | {:.0} ms | {:.0} ms | {:.0} ms | **{:.0} ms** | {:.0} ms | {:.1} MB |",
            ms(t.scene),
            ms(t.tessellate),
            ms(t.raster),
            ms(t.encode),
            total.median,
            total.min,
            bytes as f64 / 1e6
        );
    }
    if let Some(mb) = peak_memory_mb() {
        println!();
        println!("Peak memory of the whole benchmark process: {mb:.0} MB");
    }
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// 10,000 cards and 3,000 arrows bound between cards far apart, so that they cross the board:
/// straight, curved and elbow, half of them dashed, one in ten labelled.
pub fn arrows_document() -> Document {
    let mut doc = document(10_000);
    doc.title = "Benchmark, 10 000 kort och 3 000 pilar".to_owned();
    let cards: Vec<(ElementId, Rect)> = doc
        .elements
        .iter()
        .filter_map(Element::as_card)
        .map(|c| (c.id, c.rect))
        .collect();
    let n = cards.len();
    let centre = Point::new(0.5, 0.5);
    for i in 0..3_000 {
        let (a, b) = (cards[(i * 7) % n], cards[(i * 7919 + n / 2) % n]);
        let mut arrow = malbild::model::Arrow::new(
            ElementId(2_000_000 + i as u64),
            malbild::model::ArrowEnd::bound(a.1.center(), a.0, centre),
            malbild::model::ArrowEnd::bound(b.1.center(), b.0, centre),
        );
        arrow.route = malbild::model::Route::ALL[i % 3];
        arrow.bend = if i % 3 == 1 { 60.0 } else { 0.0 };
        if i % 2 == 0 {
            arrow.style = malbild::model::LineStyle::Dashed;
        }
        if i % 10 == 0 {
            arrow.label = format!("steg {i}");
        }
        doc.elements.push(Element::Arrow(arrow));
    }
    doc
}

/// Runs the program on `args` and gives its wall time and peak resident memory (MB): the
/// child's own high-water mark, read from /proc while it runs (the last reading before it
/// ends; `wait4`'s figure would include this process's memory, copied at the fork).
fn run_process(args: &[&std::ffi::OsStr]) -> Option<(Duration, f64, String)> {
    let start = Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_malbild"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0.0;
    let took = loop {
        if let Ok(s) = std::fs::read_to_string(&status_file)
            && let Some(kb) = s
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        {
            peak_kb = kb;
        }
        match child.try_wait() {
            Ok(Some(_)) => break start.elapsed(),
            Ok(None) => std::thread::sleep(Duration::from_millis(1)),
            Err(_) => return None,
        }
    };
    let mut out = String::new();
    if let Some(mut s) = child.stdout.take() {
        use std::io::Read;
        let _ = s.read_to_string(&mut out);
    }
    Some((took, peak_kb / 1024.0, out.trim().to_owned()))
}

/// Runs the program on `args` `runs` times: its times, its highest peak memory (MB) and what
/// it said the last time.
fn process_times(args: &[&std::ffi::OsStr], runs: usize) -> (Stats, f64, String) {
    let mut times = Vec::new();
    let mut peak: f64 = 0.0;
    let mut said = String::new();
    for _ in 0..runs {
        if let Some((t, mb, out)) = run_process(args) {
            times.push(t);
            peak = peak.max(mb);
            said = out;
        }
    }
    (Stats::of(times), peak, said)
}

/// The canvas heavy with long arrows: frames of it all in view, and the whole program's
/// time and memory for its first frame and for `export --scale 0.1`.
pub fn run_arrows(quick: bool) {
    let frames = if quick { 20 } else { 60 };
    let runs = if quick { 2 } else { 5 };
    let doc = arrows_document();
    println!();
    println!("Canvas of 10,000 cards and 3,000 long arrows:");
    println!();
    println!("| what | median | p95 | min | peak memory |");
    println!("|---|---:|---:|---:|---:|");
    let s = frame_times(doc.clone(), Framing::All, frames);
    println!(
        "| frame, all in view | {:.2} ms | {:.2} ms | {:.2} ms | |",
        s.median, s.p95, s.min
    );
    let dir = std::env::temp_dir().join(format!("malbild-bench-arrows-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("arrows.malbild");
    if malbild::io::save(&file, &doc).is_err() {
        eprintln!("bench: cannot write {}", file.display());
        return;
    }
    let png = dir.join("arrows.png");
    let os = |s: &'static str| std::ffi::OsStr::new(s);
    let cases: [(&str, Vec<&std::ffi::OsStr>); 2] = [
        (
            "first frame after start (whole process)",
            vec![os("first-frame"), file.as_os_str()],
        ),
        (
            "`export --scale 0.1` (whole process)",
            vec![
                os("export"),
                file.as_os_str(),
                os("-o"),
                png.as_os_str(),
                os("--scale"),
                os("0.1"),
            ],
        ),
    ];
    for (what, args) in cases {
        let (s, peak, said) = process_times(&args, runs);
        println!(
            "| {what} | {:.0} ms | {:.0} ms | {:.0} ms | {peak:.0} MB |",
            s.median, s.p95, s.min
        );
        if std::env::var_os("MALBILD_BENCH_VERBOSE").is_some() {
            eprintln!("{said}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The mixed canvas of 50,000 elements: frames (the whole board as far out as the zoom goes,
/// one phase, 100 %), open and save, the file's size and the memory it takes.
pub fn run_large(quick: bool) {
    let frames = if quick { 10 } else { 30 };
    // (For a profiler: many more frames, so that building the canvas is a small share.)
    let frames = std::env::var("MALBILD_BENCH_FRAMES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(frames);
    let runs = if quick { 2 } else { 5 };
    let doc = mixed_document(50_000);
    println!();
    println!("Mixed canvas of 50,000 elements:");
    println!();
    println!("| what | median | p95 | min |");
    println!("|---|---:|---:|---:|");
    for (what, framing) in [
        ("frame, all in view", Framing::All),
        (
            "frame, zoomed to Övergång",
            Framing::Phase(PhaseId::Overgang),
        ),
        ("frame, 100 %", Framing::Zoom(1.0)),
    ] {
        // (For a profiler: `MALBILD_BENCH_ONLY=Övergång` times that framing alone.)
        if std::env::var("MALBILD_BENCH_ONLY").is_ok_and(|only| !what.contains(&only)) {
            continue;
        }
        let s = frame_times(doc.clone(), framing, frames);
        println!(
            "| {what} | {:.2} ms | {:.2} ms | {:.2} ms |",
            s.median, s.p95, s.min
        );
    }
    // `-- large --frames`: the frames alone (for a profiler).
    if std::env::args().any(|a| a == "--frames") {
        return;
    }
    let (open, save, size) = file_times(&doc, runs);
    println!(
        "| open ({:.1} MB file) | {:.0} ms | {:.0} ms | {:.0} ms |",
        size as f64 / 1e6,
        open.median,
        open.p95,
        open.min
    );
    println!(
        "| save (atomic, fsync) | {:.0} ms | {:.0} ms | {:.0} ms |",
        save.median, save.p95, save.min
    );
    // Of that, the bytes made in memory (the rest is the disk's).
    let bytes = Stats::of(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(malbild::io::to_bytes(&doc));
                start.elapsed()
            })
            .collect(),
    );
    println!(
        "| — of which the file's bytes made in memory | {:.0} ms | {:.0} ms | {:.0} ms |",
        bytes.median, bytes.p95, bytes.min
    );
    // The whole program opening it and drawing its first frame, and the memory that takes.
    let dir = std::env::temp_dir().join(format!("malbild-bench-large-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("large.malbild");
    if malbild::io::save(&file, &doc).is_ok() {
        let args = [std::ffi::OsStr::new("first-frame"), file.as_os_str()];
        let (s, peak, _) = process_times(&args, runs);
        println!(
            "| first frame after start (whole process), peak memory {peak:.0} MB | {:.0} ms | {:.0} ms | {:.0} ms |",
            s.median, s.p95, s.min
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// What a timed gesture does.
#[derive(Clone, Copy, Debug)]
pub enum Gesture {
    /// Drags the 100 cards nearest the middle of the view, held by the middle one.
    Drag,
    /// Draws a pen stroke across the middle of the view.
    Pen,
}

/// Times `frames` frames of the whole app at zoom `zoom` while `gesture` goes on: the pointer
/// held and moved a few points every frame (UI pass plus tessellation, as above).
pub fn gesture_times(doc: Document, zoom: f32, gesture: Gesture, frames: usize) -> Stats {
    let ctx = egui::Context::default();
    let mut app = App::new(doc, None, Box::new(ScriptedDesktop::default()));
    let mut t = 0.0;
    let run = |app: &mut App, t: &mut f64, events: Vec<egui::Event>| {
        *t += 1.0 / 60.0;
        let mut raw = input(*t);
        raw.events = events;
        let start = Instant::now();
        let mut out = ctx.run_ui(raw, |ui| app.ui(ui));
        let prims = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
        let took = start.elapsed();
        std::hint::black_box(prims);
        out.textures_delta.clear();
        took
    };
    for _ in 0..3 {
        run(&mut app, &mut t, vec![]);
    }
    let doc = app.doc().clone();
    app.view.fit_all(&doc);
    run(&mut app, &mut t, vec![]);
    app.view.camera.pending = Some(malbild::ui::camera::Framing::ZoomTo(zoom));
    for _ in 0..3 {
        run(&mut app, &mut t, vec![]);
    }
    let xf = app.view.camera.transform(app.view.rect);
    let middle = app.view.rect.center();
    let mut at = middle;
    match gesture {
        Gesture::Drag => {
            let mut cards: Vec<(f32, ElementId, egui::Pos2)> = doc
                .elements
                .iter()
                .filter_map(Element::as_card)
                .map(|c| {
                    let p = xf.to_screen(c.rect.center());
                    ((p - middle).length(), c.id, p)
                })
                .collect();
            cards.sort_by(|a, b| a.0.total_cmp(&b.0));
            app.view.selection = cards.iter().take(100).map(|c| c.1).collect();
            // Held by the nearest whose middle shows that card (no arrow over it).
            let index = malbild::spatial::SpatialIndex::build(&doc);
            let held = cards
                .iter()
                .take(100)
                .find(|c| index.hit(&doc, xf.to_world(c.2), 0.0) == Some(c.1));
            if let Some(c) = held {
                at = c.2;
            }
        }
        Gesture::Pen => app.view.tool = malbild::ui::canvas::Tool::Pen,
    }
    let press = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    run(
        &mut app,
        &mut t,
        vec![egui::Event::PointerMoved(at), press(at, true)],
    );
    let mut samples = Vec::with_capacity(frames);
    for i in 0..frames {
        let step = vec2(3.0, if (i / 30) % 2 == 0 { 1.5 } else { -1.5 });
        at += step;
        samples.push(run(&mut app, &mut t, vec![egui::Event::PointerMoved(at)]));
    }
    run(&mut app, &mut t, vec![press(at, false)]);
    // The gesture must have done what it is timed for.
    let done = match gesture {
        Gesture::Drag => {
            app.doc()
                .elements
                .iter()
                .filter(|e| doc.elements.get(e.id()) != Some(*e))
                .count()
                >= 100
        }
        Gesture::Pen => app.doc().elements.len() == doc.elements.len() + 1,
    };
    if !done {
        eprintln!("bench: the {gesture:?} gesture changed nothing; its times mean nothing");
    }
    Stats::of(samples)
}

/// Frames while dragging 100 cards of the 10,000-element mixed canvas, and while drawing a
/// pen stroke on it, at 40 %.
pub fn run_gestures(quick: bool) {
    let frames = if quick { 30 } else { 120 };
    let doc = mixed_document(10_000);
    println!();
    println!("Gestures on the 10,000-element mixed canvas, at 40 %:");
    println!();
    println!("| what | median | p95 | min |");
    println!("|---|---:|---:|---:|");
    for (what, g) in [
        ("frame while dragging 100 elements", Gesture::Drag),
        ("frame while drawing a pen stroke", Gesture::Pen),
    ] {
        let s = gesture_times(doc.clone(), 0.4, g, frames);
        println!(
            "| {what} | {:.2} ms | {:.2} ms | {:.2} ms |",
            s.median, s.p95, s.min
        );
    }
}
