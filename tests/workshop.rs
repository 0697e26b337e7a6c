//! What a facilitator meets in the first hour of a workshop, on a projector: cards that stay
//! in their phase, a failed save that keeps what was typed, a picture readable from the back
//! of the room, dialogs that fit and close, menus and the clipboard.

mod common;

use common::*;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use malbild::model::{
    Card, CardColor, Document, Element, ElementId, PhaseId, Point, Rect, Size, TextSize, sample,
};
use malbild::ui::App;
use malbild::ui::desktop::{DialogAnswer, ScriptedDesktop};

/// The app in a 1280 × 720 window, as on a projector.
fn projector(doc: Document) -> (Harness<'static, App>, ScriptedDesktop) {
    let desktop = ScriptedDesktop::default();
    let app = App::new(doc, None, Box::new(desktop.clone()));
    (harness_sized(app, vec2(1280.0, 720.0)), desktop)
}

fn cards(h: &Harness<'_, App>) -> Vec<Card> {
    h.state()
        .doc()
        .elements
        .iter()
        .filter_map(Element::as_card)
        .cloned()
        .collect()
}

/// Whether `r` lies wholly inside one phase's column.
fn in_one_phase(doc: &Document, r: Rect) -> Option<PhaseId> {
    PhaseId::ALL.into_iter().find(|&p| {
        let col = doc.phase_rect(p);
        r.x >= col.x && r.right() <= col.right()
    })
}

fn right_click_at(h: &mut Harness<'_, App>, pos: Pos2) {
    h.run_steps(20);
    h.hover_at(pos);
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

/// The screen rectangle of the one node labelled `label`.
fn node_rect(h: &Harness<'_, App>, label: &str) -> egui::Rect {
    h.get_by_label(label).rect()
}

#[test]
fn tab_capture_wraps_to_a_new_row_inside_the_phase() {
    let (mut h, _) = projector(Document::new());
    let nulage = h.state().doc().phase_rect(PhaseId::Nulage);
    let start = screen(&h, Point::new(nulage.x + 130.0, 220.0));
    double_click_at(&mut h, start);
    for word in ["Ett", "Två", "Tre", "Fyra", "Fem", "Sex"] {
        type_text(&mut h, word);
        key(&mut h, Key::Tab);
    }
    key(&mut h, Key::Escape);
    let cards = cards(&h);
    assert_eq!(cards.len(), 6, "six cards written");
    let doc = h.state().doc().clone();
    for c in &cards {
        assert_eq!(
            in_one_phase(&doc, c.rect),
            Some(PhaseId::Nulage),
            "“{}” at {:?} stays in Nuläge",
            c.text,
            c.rect
        );
    }
    // Three fit in a row of Nuläge (800 points wide): the fourth starts a new row, below
    // the first and at its left.
    assert!(
        cards[3].rect.y > cards[0].rect.bottom(),
        "{:?}",
        cards[3].rect
    );
    assert_eq!(cards[3].rect.x, cards[0].rect.x);
    // Nothing overlaps.
    for (i, a) in cards.iter().enumerate() {
        for b in &cards[i + 1..] {
            assert!(!a.rect.intersects(&b.rect), "{} and {}", a.text, b.text);
        }
    }
}

#[test]
fn a_card_made_or_copied_at_a_phase_line_stays_in_one_phase() {
    let (mut h, _) = projector(Document::new());
    let edge = h.state().doc().phase_rect(PhaseId::Nulage).right();
    // A double-click just left of the line: the card goes wholly into Nuläge.
    let p = screen(&h, Point::new(edge - 20.0, 300.0));
    double_click_at(&mut h, p);
    type_text(&mut h, "Vid linjen");
    key(&mut h, Key::Escape);
    // N with the pointer just right of it: wholly into Övergång.
    h.hover_at(screen(&h, Point::new(edge + 15.0, 500.0)));
    h.run();
    key(&mut h, Key::N);
    type_text(&mut h, "Andra sidan");
    key(&mut h, Key::Escape);
    let doc = h.state().doc().clone();
    let placed: Vec<Option<PhaseId>> = cards(&h)
        .iter()
        .map(|c| in_one_phase(&doc, c.rect))
        .collect();
    assert_eq!(placed, vec![Some(PhaseId::Nulage), Some(PhaseId::Overgang)]);
    // A duplicate of the card at the line does not step over it.
    let first = cards(&h)[0].id;
    let p = card_center(&h, first);
    click_at(&mut h, p, Modifiers::NONE);
    key_mod(&mut h, Modifiers::COMMAND, Key::D);
    let doc = h.state().doc().clone();
    let copy = cards(&h).into_iter().last().map(|c| c.rect);
    assert_eq!(
        copy.and_then(|r| in_one_phase(&doc, r)),
        Some(PhaseId::Nulage)
    );
}

#[test]
fn a_failed_save_names_the_missing_folder_and_offers_the_typed_path_again() {
    let dir = std::env::temp_dir().join(format!("malbild-ws-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    let (mut h, desktop) = projector(sample::nara_vard());
    desktop.answer_with(DialogAnswer::Unavailable);
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    let typed = dir.join("saknas").join("workshop").join("karta.malbild");
    let field = h.get_by_label("Ingen fildialog kan visas här. Skriv filens sökväg:");
    field.focus();
    h.run();
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, &typed.display().to_string());
    h.key_press(Key::Enter);
    h.run();
    finish_saving(&mut h);
    let message = h.state().modal_text().unwrap_or_default();
    let missing = dir.join("saknas");
    assert!(
        message.contains(&format!("mappen ”{}” finns inte", missing.display())),
        "{message}"
    );
    assert!(!message.contains("filen finns inte"), "{message}");
    assert_eq!(h.state().path, None, "not saved anywhere");
    // OK brings the prompt back with what was typed, to mend.
    key(&mut h, Key::Enter);
    assert_eq!(
        h.state().modal_text().as_deref(),
        Some("Ingen fildialog kan visas här. Skriv filens sökväg:")
    );
    assert!(
        h.get_all_by_value(&typed.display().to_string())
            .next()
            .is_some(),
        "the field holds the typed path"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The board's screen rectangle.
fn board_on_screen(h: &Harness<'_, App>) -> egui::Rect {
    let b = h.state().doc().picture_rect();
    let v = &h.state().view;
    v.camera.transform(v.rect).rect_to_screen(&b)
}

/// Whether the board fills the canvas one way, within a small margin, and fits the other.
fn fills_the_view(h: &Harness<'_, App>) -> bool {
    let board = board_on_screen(h);
    let canvas = h.state().view.rect;
    let fits = canvas.expand(0.5).contains_rect(board);
    let wide = (canvas.width() - board.width()) <= 2.0 * 12.0 + 1.0;
    let tall = (canvas.height() - board.height()) <= 2.0 * 12.0 + 1.0;
    fits && (wide || tall)
}

#[test]
fn the_board_fills_the_view_on_open_on_shift_1_and_when_the_panel_hides() {
    let (mut h, _) = projector(sample::nara_vard());
    assert!(fills_the_view(&h), "on open: {:?}", board_on_screen(&h));
    key_mod(&mut h, Modifiers::COMMAND, Key::Plus);
    assert!(!fills_the_view(&h));
    key_mod(&mut h, Modifiers::SHIFT, Key::Num1);
    assert!(fills_the_view(&h), "after Shift+1");
    // Hiding the side panel gives the canvas the width, and the board follows.
    let zoom = h.state().view.camera.zoom;
    key_mod(&mut h, Modifiers::COMMAND, Key::Period);
    assert!(!h.state().panel_open);
    assert!(fills_the_view(&h), "without the panel");
    assert!(
        h.state().view.camera.zoom > zoom * 1.15,
        "larger without the panel"
    );
    h.get_by_label("Panel").click();
    h.run();
    assert!(h.state().panel_open);
}

#[test]
fn every_card_of_the_sample_is_readable_on_a_projector() {
    let (h, _) = projector(sample::nara_vard());
    assert!(h.state().panel_open, "with the side panel showing, too");
    let zoom = h.state().view.camera.zoom;
    for c in cards(&h) {
        let size = malbild::scene::fitted_size(&c);
        assert!(
            size * zoom >= 12.0,
            "“{}” is {:.1} px high at {:.0} %",
            c.text,
            size * zoom,
            zoom * 100.0
        );
    }
}

#[test]
fn card_text_fills_a_card_shrinks_for_long_text_and_can_be_set() {
    let (mut h, _) = projector(Document::new());
    let r = Rect::new(100.0, 200.0, 200.0, 120.0);
    let card = |text: &str| Card::new(ElementId::random(), r, text, CardColor::Yellow);
    let size = |_: &Harness<'_, App>, c: &Card| malbild::scene::fitted_size(c);
    let short = size(&h, &card("Ja"));
    let medium = size(&h, &card("Fast vårdkontakt för den som behöver"));
    let long = size(&h, &card(&"Ett långt resonemang om vården. ".repeat(12)));
    assert!(short > 30.0, "a few words fill the card: {short}");
    assert!(
        medium < short && medium > long,
        "{short} > {medium} > {long}"
    );
    assert!(
        (long - malbild::scene::FIT_MIN).abs() < 0.1,
        "long text stops at the floor: {long}"
    );
    let mut fixed = card("Ja");
    fixed.text_size = TextSize::S;
    assert_eq!(size(&h, &fixed), 14.0);

    // Set from the panel: the size of the selected card, and bold with Ctrl+B.
    let p = screen(&h, Point::new(400.0, 400.0));
    double_click_at(&mut h, p);
    type_text(&mut h, "Rubrik");
    key(&mut h, Key::Escape);
    h.get_by_label("XL").click();
    h.run();
    key_mod(&mut h, Modifiers::COMMAND, Key::B);
    let c = cards(&h).pop().unwrap_or_else(|| panic!("a card"));
    assert_eq!((c.text_size, c.bold), (TextSize::Xl, true));
    undo(&mut h);
    undo(&mut h);
    let c = cards(&h).pop().unwrap_or_else(|| panic!("a card"));
    assert_eq!((c.text_size, c.bold), (TextSize::Auto, false));
}

#[test]
fn the_shortcut_list_fits_a_projector_scrolls_and_closes_with_esc_or_f1() {
    let (mut h, _) = projector(sample::nara_vard());
    key(&mut h, Key::F1);
    assert_eq!(h.state().modal_text().as_deref(), Some("Kortkommandon"));
    let screen_rect = egui::Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 720.0));
    let close = node_rect(&h, "Stäng");
    assert!(
        screen_rect.contains_rect(close),
        "Stäng at {close:?} is on screen"
    );
    let heading = h
        .get_all_by_label("Kortkommandon")
        .map(|n| n.rect())
        .min_by(|a, b| a.top().total_cmp(&b.top()));
    assert!(
        heading.is_some_and(|r| r.top() >= 0.0),
        "the title at {heading:?} shows"
    );
    key(&mut h, Key::Escape);
    assert_eq!(h.state().modal_text(), None, "Esc closes it");
    key(&mut h, Key::F1);
    assert!(h.state().modal_text().is_some());
    key(&mut h, Key::F1);
    assert_eq!(h.state().modal_text(), None, "F1 again closes it");
    // Esc on the list does not also clear the canvas's selection.
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    key(&mut h, Key::F1);
    key(&mut h, Key::Escape);
    assert!(!h.state().view.selection.is_empty());
}

#[test]
fn an_error_taller_than_the_window_scrolls_and_closes_with_enter() {
    let (mut h, _) = projector(sample::nara_vard());
    let long = (1..=80)
        .map(|i| format!("rad {i} av ett mycket långt felmeddelande"))
        .collect::<Vec<_>>()
        .join("\n");
    h.state_mut().show_error("Filen kunde inte öppnas", &long);
    h.run();
    let ok = node_rect(&h, "OK");
    assert!(ok.bottom() <= 720.0 && ok.top() >= 0.0, "OK at {ok:?}");
    key(&mut h, Key::Enter);
    assert_eq!(h.state().modal_text(), None);
}

#[test]
fn right_click_menus_offer_what_is_wanted_there() {
    let (mut h, desktop) = projector(sample::nara_vard());
    // On a card: its text can be edited from the menu.
    let first = cards(&h)[0].id;
    let p = card_center(&h, first);
    right_click_at(&mut h, p);
    h.get_by_label_contains("Redigera text").click();
    h.run();
    assert_eq!(h.state().view.editing.as_ref().map(|e| e.id), Some(first));
    key(&mut h, Key::Escape);
    // On empty canvas: a new card, paste, fit all, zoom to a phase.
    let r = h.state().doc().phase_rect(PhaseId::Malbild);
    let spot = screen(&h, Point::new(r.x + 40.0, r.bottom() - 20.0));
    right_click_at(&mut h, spot);
    h.get_by_label("Nytt kort här");
    h.get_by_label_contains("Klistra in här");
    h.get_by_label("Zooma till fas");
    assert_eq!(
        h.get_all_by_label_contains("Visa allt").count(),
        2,
        "the toolbar's and the menu's"
    );
    desktop.set_clipboard("Idé ett\nIdé två\n");
    let before = cards(&h).len();
    h.get_by_label_contains("Klistra in här").click();
    h.run();
    let after = cards(&h);
    assert_eq!(after.len(), before + 2, "one card a line");
    let doc = h.state().doc().clone();
    for c in &after[before..] {
        assert_eq!(in_one_phase(&doc, c.rect), Some(PhaseId::Malbild), "{c:?}");
    }
    assert_eq!(h.state().view.selection.len(), 2, "the paste is selected");
    undo(&mut h);
    assert_eq!(cards(&h).len(), before, "one undo step");
}

#[test]
fn copy_cut_and_paste_cards_and_a_picture_for_slides() {
    let (mut h, desktop) = projector(sample::nara_vard());
    let first = cards(&h)[0].clone();
    let p = card_center(&h, first.id);
    click_at(&mut h, p, Modifiers::NONE);
    key_mod(&mut h, Modifiers::COMMAND, Key::C);
    assert_eq!(desktop.clipboard().as_deref(), Some(first.text.as_str()));
    // Pasted where the pointer is, as a new card with the same text and look.
    let spot = screen(&h, Point::new(300.0, 600.0));
    h.hover_at(spot);
    h.run();
    key_mod(&mut h, Modifiers::COMMAND, Key::V);
    let pasted = cards(&h).pop().unwrap_or_else(|| panic!("pasted"));
    assert_ne!(pasted.id, first.id);
    assert_eq!(
        (pasted.text.as_str(), pasted.color),
        (first.text.as_str(), first.color)
    );
    // Cut takes the original away.
    let p = card_center(&h, first.id);
    click_at(&mut h, p, Modifiers::NONE);
    key_mod(&mut h, Modifiers::COMMAND, Key::X);
    assert!(h.state().doc().card(first.id).is_none());
    // A picture of the canvas for a slide.
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    let start = std::time::Instant::now();
    while h.state().is_copying_picture() && start.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
    let size = desktop
        .clipboard_image()
        .unwrap_or_else(|| panic!("a picture on the clipboard"));
    assert!(size[0] > 1000 && size[0] <= 3840, "{size:?}");
    assert_eq!(
        h.state().notice(),
        Some("Bilden är kopierad: klistra in den i en presentation.")
    );
}

#[test]
fn ctrl_wheel_zooms_ten_percent_a_click_around_the_pointer() {
    let (mut h, _) = projector(sample::nara_vard());
    let z0 = h.state().view.camera.zoom;
    let at = screen(&h, Point::new(700.0, 300.0));
    h.hover_at(at);
    h.run();
    h.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: vec2(0.0, 1.0),
        modifiers: Modifiers::COMMAND,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    h.run();
    let z1 = h.state().view.camera.zoom;
    assert!((z1 / z0 - 1.1).abs() < 0.005, "{z0} → {z1}");
    let still = h
        .state()
        .view
        .camera
        .transform(h.state().view.rect)
        .to_world(at);
    assert!(
        (still.x - 700.0).abs() < 0.5 && (still.y - 300.0).abs() < 0.5,
        "{still:?}"
    );
}

#[test]
fn export_presets_make_slides_and_the_title_is_in_the_picture() {
    let (mut h, _) = projector(sample::nara_vard());
    key_mod(&mut h, Modifiers::COMMAND, Key::E);
    assert!(h.state().export.open);
    h.get_by_label("Bild 16:9 1920 × 1080").click();
    h.run();
    let settings = h.state().doc().export.unwrap_or_default();
    assert_eq!(
        settings.size,
        Size::Frame {
            width: 1920,
            height: 1080
        }
    );
    let plan = malbild::export::plan(h.state().doc(), &settings, &[]);
    let plan = plan.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((plan.width, plan.height), (1920, 1080));
    // The title band is part of what is exported, above the phases.
    let band = h
        .state()
        .doc()
        .title_band()
        .unwrap_or_else(|| panic!("a title band"));
    assert!(plan.world.y <= band.y, "{:?} holds {band:?}", plan.world);
    key(&mut h, Key::Escape);
    assert!(!h.state().export.open, "Esc closes the export dialog");
}

#[test]
fn the_text_field_sits_where_the_text_is_painted_even_far_out() {
    let (mut h, _) = projector(sample::nara_vard());
    for _ in 0..4 {
        key_mod(&mut h, Modifiers::COMMAND, Key::Minus);
    }
    let card = cards(&h)[0].clone();
    let centre = card_center(&h, card.id);
    double_click_at(&mut h, centre);
    assert!(h.state().view.editing.is_some());
    let field = node_rect(&h, "Kortets text");
    assert!(
        (field.center().y - centre.y).abs() < 1.0,
        "field centred on the card: {:?} vs {centre:?}",
        field.center()
    );
}

#[test]
fn the_side_panel_names_the_colour_of_new_cards_and_lays_arrow_heads_in_a_grid() {
    let (mut h, _) = projector(sample::nara_vard());
    h.get_by_label("Färg för nya kort");
    let arrow = h
        .state()
        .doc()
        .elements
        .iter()
        .find_map(Element::as_arrow)
        .map(|a| a.id)
        .unwrap_or(ElementId(0));
    h.state_mut().view.select_only(arrow);
    h.run();
    // Two rows of two, the same width: no head alone on a line.
    let heads: Vec<egui::Rect> = ["Triangel", "Punkt"]
        .iter()
        .flat_map(|l| h.get_all_by_label(l).map(|n| n.rect()).collect::<Vec<_>>())
        .collect();
    assert!(heads.len() >= 4, "start and end heads: {heads:?}");
    for pair in heads.chunks(2) {
        assert_eq!(pair[0].width(), pair[1].width(), "{pair:?}");
    }
}

#[test]
fn f11_asks_for_full_screen() {
    let (mut h, _) = projector(sample::nara_vard());
    // (One event, one step: the command is in that step's output.)
    h.event(Event::Key {
        key: Key::F11,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    h.step();
    assert!(sent(&h, &egui::ViewportCommand::Fullscreen(true)));
}

#[test]
fn fitted_text_is_never_cut_at_any_zoom() {
    let (h, _) = projector(sample::nara_vard());
    let mut texts: Vec<String> = cards(&h).into_iter().map(|c| c.text).collect();
    texts.extend(
        [
            "Äldre väntar på akuten",
            "Hemsjukvård dygnet runt",
            "Kommunen och regionen har olika IT-system",
            "Ja",
            "Vårdcentralen är stängd på kvällar",
        ]
        .map(String::from),
    );
    for (w, h_) in [
        (200.0, 120.0),
        (270.0, 150.0),
        (160.0, 90.0),
        (320.0, 100.0),
    ] {
        for text in &texts {
            let card = Card::new(
                ElementId(1),
                Rect::new(0.0, 0.0, w, h_),
                text.clone(),
                CardColor::Yellow,
            );
            let size = malbild::scene::fitted_size(&card);
            if size <= malbild::scene::FIT_MIN + 0.1 {
                continue; // Too long to fit: cut by design.
            }
            for zoom in [0.35, 0.5, 0.54, 0.68, 0.83, 1.0, 1.3, 2.0, 3.7] {
                let job = malbild::scene::card_text_job(&card, size, zoom);
                let galley = h.ctx.fonts_mut(|f| f.layout_job(job));
                assert!(
                    !galley.elided,
                    "“{text}” in {w}×{h_} at {zoom}: cut at size {size}"
                );
            }
        }
    }
}

#[test]
fn the_side_panel_keeps_its_width_whatever_is_selected() {
    let (mut h, _) = projector(sample::nara_vard());
    let canvas = h.state().view.rect;
    let zoom = h.state().view.camera.zoom;
    let ids: Vec<ElementId> = h.state().doc().elements.iter().map(Element::id).collect();
    for id in ids {
        h.state_mut().view.select_only(id);
        h.run();
        assert_eq!(h.state().view.rect, canvas, "the canvas keeps its size");
        assert_eq!(h.state().view.camera.zoom, zoom, "and the view its zoom");
    }
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    assert_eq!(h.state().view.rect, canvas);
}

#[test]
fn narrowing_a_phase_pushes_its_cards_in_rather_than_cutting_through_them() {
    let (mut h, _) = projector(sample::nara_vard());
    let before = h.state().doc().clone();
    let edge = before.phase_rect(PhaseId::Nulage).right();
    let from = screen(&h, Point::new(edge, before.board.height - 20.0));
    drag(&mut h, from, from - vec2(120.0, 0.0));
    let doc = h.state().doc().clone();
    assert!(doc.phases.nulage.width < before.phases.nulage.width - 100.0);
    for c in doc.elements.iter().filter_map(Element::as_card) {
        assert!(
            in_one_phase(&doc, c.rect).is_some(),
            "“{}” at {:?} straddles",
            c.text,
            c.rect
        );
    }
    undo(&mut h);
    assert_eq!(h.state().doc(), &before, "one undo step puts it all back");
}

#[test]
fn enter_on_a_focused_cancel_cancels_and_enter_alone_saves() {
    let (mut h, desktop) = projector(sample::nara_vard());
    // A change, then New: the question about unsaved changes.
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    key(&mut h, Key::Delete);
    let changed = h.state().doc().clone();
    key_mod(&mut h, Modifiers::COMMAND, Key::N);
    assert_eq!(
        h.state().modal_text().as_deref(),
        Some("Osparade ändringar")
    );
    h.get_by_label("Avbryt").focus();
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(h.state().modal_text(), None, "Cancel, as focused");
    assert_eq!(h.state().doc(), &changed, "nothing replaced");
    assert!(desktop.asked().is_empty(), "nothing saved");
    // Enter with no button focused is the default: Save (a dialog is asked for).
    key_mod(&mut h, Modifiers::COMMAND, Key::N);
    key(&mut h, Key::Enter);
    assert_eq!(
        desktop.asked(),
        vec![malbild::ui::desktop::FilePurpose::Save]
    );
}

#[test]
fn a_picture_renamed_as_a_canvas_is_never_saved_over() {
    let dir = std::env::temp_dir().join(format!("malbild-ws-pic-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let renamed = dir.join("ritning.malbild");
    let corpus =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/editable-v2.png");
    let _ = std::fs::copy(&corpus, &renamed);
    let (mut h, _) = projector(Document::new());
    let ctx = h.ctx.clone();
    h.state_mut().open_path(&renamed, &ctx);
    h.run();
    assert_eq!(
        h.state().doc().card_count(),
        15,
        "the canvas inside the picture"
    );
    assert_eq!(h.state().path, None, "its first save asks where");
    let _ = std::fs::remove_dir_all(&dir);
}
