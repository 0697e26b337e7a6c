//! Pictures as a user puts them on the canvas and works with them: the library searched in
//! Swedish and English, placed by click and by drag; a picture file inserted; a picture
//! pasted; resized with and without its proportions; cropped; each undone.

mod common;

use common::*;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use malbild::i18n::Lang;
use malbild::model::{Document, Element, ElementId, FileId, Kind, Picture, Point, Rect};
use malbild::picture::{self, library};
use malbild::ui::App;
use std::path::PathBuf;

fn corpus_image(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/images")
        .join(name)
}

fn pictures(h: &Harness<'_, App>) -> Vec<Element> {
    h.state()
        .doc()
        .elements
        .iter()
        .filter(|e| e.as_picture().is_some())
        .cloned()
        .collect()
}

fn picture_of(h: &Harness<'_, App>, id: ElementId) -> Picture {
    h.state()
        .doc()
        .elements
        .get(id)
        .and_then(Element::as_picture)
        .cloned()
        .unwrap_or_else(|| panic!("no picture {id}"))
}

/// Frames until `done` holds (pictures are read on a thread of their own), at most 10 s.
fn wait_for(h: &mut Harness<'_, App>, done: impl Fn(&Harness<'_, App>) -> bool) {
    let start = std::time::Instant::now();
    while !done(h) && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
}

/// Types `query` into the library's search field.
fn search(h: &mut Harness<'_, App>, query: &str, lang: Lang) {
    let label = malbild::i18n::Msg::LibrarySearchLabel.text(lang);
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(query);
    h.run();
}

/// The middle of the library's thumbnail named `name`.
fn thumbnail(h: &Harness<'_, App>, name: &str) -> Pos2 {
    let node = h
        .query_all_by_label(name)
        .next()
        .unwrap_or_else(|| panic!("no thumbnail {name:?}"));
    node.rect().center()
}

#[test]
fn the_library_is_searched_in_swedish_and_a_click_places_the_picture() {
    let (mut h, _) = empty();
    let start = h.state().doc().clone();
    key(&mut h, Key::L);
    assert!(h.state().library_open);
    search(&mut h, "sjukhus", Lang::Sv);
    let hospital = library::get("fluent:hospital").expect("the library has a hospital");
    let at = thumbnail(&h, hospital.name(Lang::Sv));
    click_at(&mut h, at, Modifiers::NONE);
    let placed = pictures(&h);
    assert_eq!(placed.len(), 1);
    let p = placed[0].as_picture().cloned().unwrap();
    assert_eq!(placed[0].kind(), Kind::Illustration);
    assert_eq!(p.source, "fluent:hospital");
    // In the middle of the view, selected, its bytes in the document.
    let v = &h.state().view;
    let view = v.camera.transform(v.rect).rect_to_world(v.rect);
    let c = p.rect.center();
    assert!((c.x - view.center().x).abs() < 1.0 && (c.y - view.center().y).abs() < 1.0);
    assert!(v.selection.contains(&placed[0].id()));
    assert!(h.state().doc().files.contains(&p.file));
    undo(&mut h);
    assert!(pictures(&h).is_empty());
    assert_eq!(h.state().doc().elements, start.elements);
}

#[test]
fn the_library_is_searched_in_english_and_a_drag_places_the_picture_where_dropped() {
    let (mut h, _) = empty();
    h.state_mut().lang = Lang::En;
    key(&mut h, Key::L);
    search(&mut h, "ambulance", Lang::En);
    let item = library::search("ambulance", Lang::En, |i| {
        i.set == library::Set::Illustrations
    });
    let item = item.first().copied().expect("an ambulance");
    let from = thumbnail(&h, item.name(Lang::En));
    let to = empty_spot(&h, malbild::model::PhaseId::Malbild);
    drag(&mut h, from, to);
    let placed = pictures(&h);
    assert_eq!(placed.len(), 1, "one picture placed");
    assert_eq!(
        placed[0].as_picture().map(|p| p.source.as_str()),
        Some(item.id),
        "the picture dragged"
    );
    let c = placed[0].rect().map(|r| r.center()).unwrap_or_default();
    let want = h
        .state()
        .view
        .camera
        .transform(h.state().view.rect)
        .to_world(to);
    assert!(
        (c.x - want.x).abs() < 1.0 && (c.y - want.y).abs() < 1.0,
        "{c:?} {want:?}"
    );
    // Used once, it comes first when nothing is searched for.
    h.state_mut().library.query.clear();
    assert_eq!(
        h.state_mut()
            .library
            .results(Lang::En)
            .first()
            .map(|i| i.id),
        Some(item.id)
    );
}

#[test]
fn a_picture_file_is_inserted_and_a_hostile_one_is_refused() {
    let (mut h, desktop) = empty();
    desktop.answer(Some(corpus_image("ok.png")));
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    wait_for(&mut h, |h| !pictures(h).is_empty());
    let placed = pictures(&h);
    assert_eq!(placed.len(), 1);
    assert_eq!(placed[0].kind(), Kind::Image);
    let p = placed[0].as_picture().cloned().unwrap();
    // At its own size (64 × 48 points), in the middle of the view.
    assert_eq!((p.rect.w, p.rect.h), (64.0, 48.0));
    assert_eq!(p.name, "ok.png");
    let bytes = std::fs::read(corpus_image("ok.png")).unwrap();
    assert_eq!(p.file, FileId::of(&bytes));
    let before = h.state().doc().clone();
    // A ZIP named .png, and a bomb: nothing changes, the reason is told.
    for bad in ["zip-named.png", "bomb.png"] {
        desktop.answer(Some(corpus_image(bad)));
        key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
        wait_for(&mut h, |h| {
            h.query_by_label_contains("could not be put in").is_some()
                || h.query_by_label_contains("kunde inte läggas in").is_some()
        });
        assert!(
            h.query_by_label_contains("kunde inte läggas in").is_some(),
            "{bad}: no message"
        );
        assert_eq!(h.state().doc(), &before, "{bad}");
    }
    undo(&mut h);
    assert!(pictures(&h).is_empty());
}

#[test]
fn a_picture_dropped_on_the_window_lands_where_it_was_dropped() {
    let (mut h, _) = empty();
    let at = empty_spot(&h, malbild::model::PhaseId::Overgang);
    h.hover_at(at);
    h.step();
    #[derive(Debug)]
    struct Dropped(PathBuf);
    impl egui::DroppedFile for Dropped {
        fn path(&self) -> &std::path::Path {
            &self.0
        }
        fn bytes(&self) -> Result<Vec<u8>, String> {
            std::fs::read(&self.0).map_err(|e| e.to_string())
        }
    }
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(corpus_image("ok.jpg"))));
    h.step();
    wait_for(&mut h, |h| !pictures(h).is_empty());
    let p = pictures(&h)[0].as_picture().cloned().unwrap();
    let want = h
        .state()
        .view
        .camera
        .transform(h.state().view.rect)
        .to_world(at);
    let c = p.rect.center();
    assert!((c.x - want.x).abs() < 1.0 && (c.y - want.y).abs() < 1.0);
    assert_eq!(h.state().doc().files.len(), 1);
}

#[test]
fn a_pasted_picture_is_placed_and_stored_as_png() {
    let (mut h, desktop) = empty();
    let image = egui::ColorImage::from_rgba_unmultiplied(
        [40, 20],
        &(0..40 * 20)
            .flat_map(|i| [(i % 255) as u8, 90, 200, 255])
            .collect::<Vec<_>>(),
    );
    h.event(Event::PasteImage(std::sync::Arc::new(image.clone())));
    h.step();
    wait_for(&mut h, |h| !pictures(h).is_empty());
    let p = pictures(&h)[0].as_picture().cloned().unwrap();
    assert_eq!((p.rect.w, p.rect.h), (40.0, 20.0));
    let data = h.state().doc().files.get(&p.file).cloned().unwrap();
    assert_eq!(data.mime, malbild::model::Mime::Png);
    // The same picture from the Edit menu's Paste (no key brings it): a second one, but its
    // bytes are stored once.
    desktop.set_clipboard_picture(image);
    h.state_mut().queue(malbild::ui::actions::Action::Paste);
    h.run();
    wait_for(&mut h, |h| pictures(h).len() == 2);
    assert_eq!(pictures(&h).len(), 2);
    assert_eq!(h.state().doc().files.len(), 1);
}

/// A document with one 256 × 192 image of `ok.png`.
fn with_image() -> Document {
    let bytes = std::fs::read(corpus_image("ok.png")).unwrap();
    let imported = picture::import(&bytes).unwrap();
    let mut doc = Document::new();
    doc.files.insert(imported.id.clone(), imported.data);
    doc.elements.push(Element::Image(Picture::new(
        ElementId(1),
        Rect::new(300.0, 300.0, 256.0, 192.0),
        imported.id,
    )));
    doc
}

fn corner(h: &Harness<'_, App>, r: Rect) -> Pos2 {
    screen(h, Point::new(r.right(), r.bottom()))
}

#[test]
fn a_picture_resizes_in_proportion_unless_shift_frees_it() {
    let (mut h, _) = harness(with_image());
    let start = h.state().doc().clone();
    let r = picture_of(&h, ElementId(1)).rect;
    let c = screen(&h, r.center());
    click_at(&mut h, c, Modifiers::NONE);
    let from = corner(&h, r);
    drag(&mut h, from, from + vec2(120.0, 10.0));
    let a = picture_of(&h, ElementId(1)).rect;
    assert!(a.w > 300.0, "{a:?}");
    assert!(
        (a.w / a.h - 256.0 / 192.0).abs() < 0.01,
        "proportions kept: {a:?}"
    );
    assert_eq!((a.x, a.y), (r.x, r.y), "the opposite corner stays");
    let from = corner(&h, a);
    drag_with(
        &mut h,
        PointerButton::Primary,
        from,
        from + vec2(0.0, 80.0),
        Modifiers::SHIFT,
    );
    let b = picture_of(&h, ElementId(1)).rect;
    assert!(
        (b.w - a.w).abs() < 0.5 && b.h > a.h + 50.0,
        "Shift frees it: {b:?}"
    );
    undo(&mut h);
    assert_eq!(picture_of(&h, ElementId(1)).rect, a);
    undo(&mut h);
    assert_eq!(h.state().doc(), &start);
}

#[test]
fn crop_mode_moves_the_edge_over_the_picture_which_stays_put() {
    let (mut h, _) = harness(with_image());
    let start = h.state().doc().clone();
    let r = picture_of(&h, ElementId(1)).rect;
    let c = screen(&h, r.center());
    click_at(&mut h, c, Modifiers::NONE);
    key(&mut h, Key::C);
    assert_eq!(h.state().view.cropping, Some(ElementId(1)));
    // The right edge's handle, 64 points to the left: a quarter of the picture goes.
    let zoom = h.state().view.camera.zoom;
    let from = screen(&h, Point::new(r.right(), r.center().y));
    drag(&mut h, from, from - vec2(64.0 * zoom, 0.0));
    let p = picture_of(&h, ElementId(1));
    assert!((p.rect.w - 192.0).abs() < 0.5, "{:?}", p.rect);
    assert_eq!((p.rect.x, p.rect.h), (r.x, r.h));
    assert!(
        (p.crop.w - 0.75).abs() < 0.01 && p.crop.x == 0.0,
        "{:?}",
        p.crop
    );
    // Dragged past the picture's own edge, the box stops there.
    let from = screen(&h, Point::new(p.rect.x, p.rect.center().y));
    drag(&mut h, from, from - vec2(400.0, 0.0));
    let q = picture_of(&h, ElementId(1));
    assert!(
        (q.rect.x - r.x).abs() < 0.01 && q.crop.x.abs() < 1e-4,
        "{:?}",
        q.crop
    );
    key(&mut h, Key::Escape);
    assert_eq!(h.state().view.cropping, None);
    undo(&mut h);
    undo(&mut h);
    assert_eq!(h.state().doc(), &start);
}

#[test]
fn two_imports_started_together_both_land_and_an_editable_png_dropped_opens() {
    let (mut h, desktop) = empty();
    for name in ["ok.png", "ok.jpg"] {
        desktop.answer(Some(corpus_image(name)));
        key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    }
    wait_for(&mut h, |h| pictures(h).len() == 2);
    assert_eq!(pictures(&h).len(), 2, "neither import is lost");

    // A PNG exported with the canvas inside, dropped on the window, opens as that canvas.
    let d = temp_dir("dropped-png");
    let png = d.join("exempel.png");
    let sample = malbild::model::sample::nara_vard();
    let (bytes, _) = malbild::export::png(
        &sample,
        &malbild::model::ExportSettings::default(),
        &[],
        &malbild::export::raster::Progress::default(),
    )
    .unwrap();
    std::fs::write(&png, bytes).unwrap();
    let (mut h, _) = empty();
    #[derive(Debug)]
    struct Dropped(PathBuf);
    impl egui::DroppedFile for Dropped {
        fn path(&self) -> &std::path::Path {
            &self.0
        }
        fn bytes(&self) -> Result<Vec<u8>, String> {
            std::fs::read(&self.0).map_err(|e| e.to_string())
        }
    }
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(png.clone())));
    h.step();
    wait_for(&mut h, |h| h.state().doc().elements.len() > 5);
    assert_eq!(h.state().doc(), &sample);
}

#[test]
fn a_picture_resized_with_a_card_keeps_its_proportions() {
    let mut doc = with_image();
    doc.elements.push(Element::Card(malbild::model::Card::new(
        ElementId(2),
        Rect::new(700.0, 300.0, 200.0, 120.0),
        "Kort",
        malbild::model::CardColor::Yellow,
    )));
    let (mut h, _) = harness(doc);
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    let p = picture_of(&h, ElementId(1)).rect;
    let card = h
        .state()
        .doc()
        .elements
        .get(ElementId(2))
        .and_then(Element::rect)
        .unwrap();
    // The bottom-right handle of the box around both, pulled right only.
    let corner = screen(&h, Point::new(card.right(), p.bottom()));
    drag(&mut h, corner, corner + vec2(150.0, 0.0));
    let q = picture_of(&h, ElementId(1)).rect;
    assert!(q.w > p.w + 10.0, "{q:?}");
    assert!((q.w / q.h - p.w / p.h).abs() < 0.01, "in proportion: {q:?}");
}
