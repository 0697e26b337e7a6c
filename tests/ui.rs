//! UI tests: the real app driven as a user would, with the pointer and the keyboard, through
//! egui_kittest (no GPU, no window). Each test asserts the document after the gesture.

mod common;

use common::*;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use malbild::model::{CardColor, Document, Element, ElementId, PhaseId, Point, Rect, sample};
use malbild::ui::App;
use malbild::ui::desktop::{FilePurpose, ScriptedDesktop};

#[test]
fn double_click_creates_a_card_and_typing_swedish_fills_it() {
    let (mut h, _) = empty();
    let spot = empty_spot(&h, PhaseId::Overgang);
    double_click_at(&mut h, spot);
    assert_eq!(h.state().doc().card_count(), 1, "a card is made");
    assert!(
        h.state().view.editing.is_some(),
        "and editing starts at once"
    );
    type_text(&mut h, "Fast vårdkontakt för äldre – öppet");
    key(&mut h, Key::Escape);
    assert!(h.state().view.editing.is_none());
    let doc = h.state().doc();
    let card = doc.elements.iter().find_map(Element::as_card);
    assert_eq!(
        card.map(|c| c.text.as_str()),
        Some("Fast vårdkontakt för äldre – öppet")
    );
    // Centred where the double-click was.
    let c = card
        .map(|c| screen(&h, c.rect.center()))
        .unwrap_or(Pos2::ZERO);
    assert!((c - spot).length() < 1.0, "{c:?} vs {spot:?}");
    // Made and typed in one gesture: one undo step takes it all away.
    undo(&mut h);
    assert_eq!(h.state().doc().card_count(), 0);
    redo(&mut h);
    assert_eq!(
        first_card(&h).map(|c| c.text.clone()),
        Some("Fast vårdkontakt för äldre – öppet".to_owned())
    );
    // The card is listed for screen readers with its text.
    h.get_by_label_contains("Fast vårdkontakt för äldre");
}

#[test]
fn multi_line_text_and_ctrl_enter_ends_editing() {
    let (mut h, _) = empty();
    let p = empty_spot(&h, PhaseId::Nulage);
    double_click_at(&mut h, p);
    type_text(&mut h, "Rad ett");
    key(&mut h, Key::Enter);
    let long = "rad två med ett långt ord som bryts över flera rader i kortet, \
                och mer därtill: så mycket text att den inte får plats i kortet \
                ens med den minsta storleken, så att kortet måste växa på höjden";
    type_text(&mut h, long);
    key_mod(&mut h, Modifiers::COMMAND, Key::Enter);
    assert!(h.state().view.editing.is_none());
    let card = first_card(&h);
    let card = card.unwrap_or_else(|| panic!("no card"));
    assert_eq!(card.text, format!("Rad ett\n{long}"));
    assert!(
        card.rect.h > 120.0,
        "the card grew to fit its text: {}",
        card.rect.h
    );
}

#[test]
fn an_empty_new_card_disappears_and_leaves_no_undo_step() {
    let (mut h, _) = empty();
    let p = empty_spot(&h, PhaseId::Malbild);
    double_click_at(&mut h, p);
    assert_eq!(h.state().doc().card_count(), 1);
    key(&mut h, Key::Escape);
    assert_eq!(h.state().doc().card_count(), 0);
    assert!(!h.state().editor.history().can_undo());
    assert!(!h.state().is_dirty());
}

#[test]
fn tab_ends_the_card_and_starts_the_next_beside_it() {
    let (mut h, _) = empty();
    let p = empty_spot(&h, PhaseId::Nulage);
    double_click_at(&mut h, p);
    type_text(&mut h, "Ett");
    key(&mut h, Key::Tab);
    type_text(&mut h, "Två");
    key(&mut h, Key::Tab);
    type_text(&mut h, "Tre");
    key(&mut h, Key::Escape);
    let cards: Vec<_> = h
        .state()
        .doc()
        .elements
        .iter()
        .filter_map(Element::as_card)
        .cloned()
        .collect();
    let texts: Vec<&str> = cards.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Ett", "Två", "Tre"]);
    assert!(
        cards[1].rect.x > cards[0].rect.right(),
        "beside, to the right"
    );
    assert_eq!(cards[1].rect.y, cards[0].rect.y);
    assert!(!cards[1].rect.intersects(&cards[2].rect) && !cards[0].rect.intersects(&cards[1].rect));
    // One undo step per card.
    undo(&mut h);
    assert_eq!(h.state().doc().card_count(), 2);
}

#[test]
fn n_makes_a_card_at_the_pointer_and_the_toolbar_button_too() {
    let (mut h, _) = empty();
    let spot = empty_spot(&h, PhaseId::Overgang);
    h.hover_at(spot);
    h.run();
    key(&mut h, Key::N);
    assert!(h.state().view.editing.is_some());
    type_text(&mut h, "Vid pekaren");
    key(&mut h, Key::Escape);
    let card = first_card(&h);
    let c = card
        .map(|c| screen(&h, c.rect.center()))
        .unwrap_or(Pos2::ZERO);
    assert!((c - spot).length() < 1.0);
    assert_eq!(
        first_card(&h).map(|c| c.text.clone()),
        Some("Vid pekaren".to_owned()),
        "the N key itself is not typed into the card"
    );

    h.get_by_label("+ Nytt kort").click();
    h.run();
    type_text(&mut h, "Knapp");
    key(&mut h, Key::Escape);
    assert_eq!(h.state().doc().card_count(), 2);
}

#[test]
fn dragging_a_card_moves_it_in_one_undo_step() {
    let (mut h, _) = harness(sample::nara_vard());
    // Exactly by the drag: snapping to other cards is tested on its own.
    h.state_mut().view.snap = false;
    let id = ids(&h)[0];
    let before = card_rect(&h, id);
    let zoom = h.state().view.camera.zoom;
    let from = card_center(&h, id);
    drag(&mut h, from, from + vec2(120.0, 60.0));
    let after = card_rect(&h, id);
    assert!(
        (after.x - before.x - 120.0 / zoom).abs() < 0.01,
        "{before:?} → {after:?}"
    );
    assert!((after.y - before.y - 60.0 / zoom).abs() < 0.01);
    assert_eq!((after.w, after.h), (before.w, before.h));
    assert_eq!(
        h.state().editor.history().undo_len(),
        1,
        "a whole drag is one step"
    );
    undo(&mut h);
    assert_eq!(card_rect(&h, id), before);
}

#[test]
fn resizing_by_the_corner_handle() {
    let (mut h, _) = harness(sample::nara_vard());
    let id = ids(&h)[2];
    let p = card_center(&h, id);
    click_at(&mut h, p, Modifiers::NONE);
    assert!(h.state().view.selection.contains(&id));
    let before = card_rect(&h, id);
    let zoom = h.state().view.camera.zoom;
    let corner = screen(&h, Point::new(before.right(), before.bottom()));
    drag(&mut h, corner, corner + vec2(80.0, 40.0));
    let after = card_rect(&h, id);
    assert_eq!(
        (after.x, after.y),
        (before.x, before.y),
        "the opposite corner stays"
    );
    assert!(
        (after.w - before.w - 80.0 / zoom).abs() < 0.01,
        "{before:?} → {after:?}"
    );
    assert!((after.h - before.h - 40.0 / zoom).abs() < 0.01);
    // The left handle, dragged far right, stops at the smallest card.
    let left = screen(&h, Point::new(after.x, after.center().y));
    drag(&mut h, left, left + vec2(2000.0, 0.0));
    let small = card_rect(&h, id);
    assert_eq!(small.w, malbild::model::MIN_CARD_SIZE.0);
    assert!((small.right() - after.right()).abs() < 0.01);
    undo(&mut h);
    undo(&mut h);
    assert_eq!(card_rect(&h, id), before);
}

#[test]
fn shift_click_rubber_band_and_delete_many_then_undo() {
    let (mut h, _) = harness(sample::nara_vard());
    let every = ids(&h);
    let all: Vec<ElementId> = ids(&h)
        .into_iter()
        .filter(|id| h.state().doc().card(*id).is_some())
        .collect();
    let p = card_center(&h, all[0]);
    click_at(&mut h, p, Modifiers::NONE);
    let p = card_center(&h, all[1]);
    click_at(&mut h, p, Modifiers::SHIFT);
    let p = card_center(&h, all[2]);
    click_at(&mut h, p, Modifiers::SHIFT);
    assert_eq!(h.state().view.selection.len(), 3);
    // Shift+click on a selected card deselects it.
    let p = card_center(&h, all[2]);
    click_at(&mut h, p, Modifiers::SHIFT);
    assert_eq!(h.state().view.selection.len(), 2);
    // Moving many at once.
    let before: Vec<Rect> = all.iter().map(|&id| card_rect(&h, id)).collect();
    let from = card_center(&h, all[0]);
    drag(&mut h, from, from + vec2(0.0, 30.0));
    let zoom = h.state().view.camera.zoom;
    for (i, &id) in all.iter().enumerate() {
        let dy = card_rect(&h, id).y - before[i].y;
        let want = if i < 2 { 30.0 / zoom } else { 0.0 };
        assert!((dy - want).abs() < 0.01, "card {i} moved {dy}");
    }
    undo(&mut h);

    // A rubber band round the whole of Övergång selects its five cards.
    let r = h.state().doc().phase_rect(PhaseId::Overgang);
    let a = screen(&h, Point::new(r.x + 18.0, 104.0));
    let b = screen(&h, Point::new(r.right() - 40.0, r.bottom() - 10.0));
    drag(&mut h, a, b);
    let in_phase: Vec<ElementId> = h
        .state()
        .doc()
        .elements
        .iter()
        .filter_map(Element::as_card)
        .filter(|c| r.contains(c.rect.center()))
        .map(|c| c.id)
        .collect();
    assert_eq!(in_phase.len(), 5);
    let mut sel: Vec<ElementId> = h
        .state()
        .view
        .selection
        .iter()
        .copied()
        .filter(|id| h.state().doc().card(*id).is_some())
        .collect();
    sel.sort();
    let mut want = in_phase.clone();
    want.sort();
    assert_eq!(sel, want);

    // Recolour all of them from the palette (the first: a shape in the band has a line
    // colour palette too, further down).
    let before_recolour = h.state().doc().clone();
    let red = h.get_all_by_label("Röd").next().map(|n| n.rect().center());
    let red = red.unwrap_or_else(|| panic!("a palette"));
    click_at(&mut h, red, Modifiers::NONE);
    h.run();
    for id in &in_phase {
        assert_eq!(
            h.state().doc().card(*id).map(|c| c.color),
            Some(CardColor::Red)
        );
    }

    key(&mut h, Key::Delete);
    assert_eq!(h.state().doc().card_count(), 10);
    undo(&mut h);
    assert_eq!(h.state().doc().card_count(), 15);
    assert_eq!(
        ids(&h),
        every,
        "undo puts them back in their places in the paint order"
    );
    undo(&mut h);
    assert_eq!(
        h.state().doc(),
        &before_recolour,
        "one undo step undoes the recolouring"
    );
}

#[test]
fn ctrl_a_arrow_keys_nudge_and_escape_clears() {
    let (mut h, _) = harness(sample::nara_vard());
    let before = h.state().doc().clone();
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    assert_eq!(h.state().view.selection.len(), before.elements.len());
    key(&mut h, Key::ArrowRight);
    key_mod(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    let after = h.state().doc().clone();
    for (a, b) in before.elements.iter().zip(after.elements.iter()) {
        if let (Some(a), Some(b)) = (a.as_card(), b.as_card()) {
            assert_eq!(b.rect.x, a.rect.x + 1.0);
            assert_eq!(b.rect.y, a.rect.y + 10.0);
        }
    }
    key(&mut h, Key::Escape);
    assert!(h.state().view.selection.is_empty());
    undo(&mut h);
    undo(&mut h);
    assert_eq!(h.state().doc(), &before);
}

#[test]
fn undo_and_redo_walk_back_and_forth_through_every_state() {
    let (mut h, _) = harness(sample::nara_vard());
    let mut states = vec![h.state().doc().clone()];
    let all = ids(&h);
    // 1: move a card
    let from = card_center(&h, all[3]);
    drag(&mut h, from, from + vec2(-40.0, 25.0));
    states.push(h.state().doc().clone());
    // 2: new card with text
    let p = empty_spot(&h, PhaseId::Malbild) + vec2(0.0, 150.0);
    double_click_at(&mut h, p);
    type_text(&mut h, "Ny idé");
    key(&mut h, Key::Escape);
    states.push(h.state().doc().clone());
    // 3: edit an existing card's text
    let p = card_center(&h, all[0]);
    double_click_at(&mut h, p);
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Omskriven");
    key(&mut h, Key::Escape);
    assert_eq!(
        h.state().doc().card(all[0]).map(|c| c.text.as_str()),
        Some("Omskriven")
    );
    states.push(h.state().doc().clone());
    // 4: delete one
    let p = card_center(&h, all[5]);
    click_at(&mut h, p, Modifiers::NONE);
    key(&mut h, Key::Delete);
    states.push(h.state().doc().clone());
    for w in states.windows(2) {
        assert_ne!(w[0], w[1], "each step changed something");
    }
    for want in states.iter().rev().skip(1) {
        undo(&mut h);
        assert_eq!(h.state().doc(), want);
    }
    assert!(!h.state().is_dirty(), "back at the start, nothing to save");
    for want in states.iter().skip(1) {
        redo(&mut h);
        assert_eq!(h.state().doc(), want);
    }
    // Ctrl+Y redoes too.
    undo(&mut h);
    key_mod(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(h.state().doc(), states.last().unwrap_or(&states[0]));
}

#[test]
fn zoom_around_the_pointer_and_pan() {
    let (mut h, _) = harness(sample::nara_vard());
    let at = pos2(600.0, 400.0);
    let world_before = {
        let v = &h.state().view;
        v.camera.transform(v.rect).to_world(at)
    };
    let zoom_before = h.state().view.camera.zoom;
    h.hover_at(at);
    h.event(Event::Zoom(1.5));
    h.run();
    let v = &h.state().view;
    assert!((v.camera.zoom - zoom_before * 1.5).abs() < 1e-4);
    let world_after = v.camera.transform(v.rect).to_world(at);
    assert!(
        (world_after.x - world_before.x).abs() < 0.01
            && (world_after.y - world_before.y).abs() < 0.01
    );

    // Ctrl+wheel zooms too.
    let z = h.state().view.camera.zoom;
    h.event_modifiers(
        Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: vec2(0.0, 3.0),
            phase: egui::TouchPhase::Move,
            modifiers: Modifiers::COMMAND,
            source: egui::MouseWheelSource::Wheel,
        },
        Modifiers::COMMAND,
    );
    h.run();
    assert!(h.state().view.camera.zoom > z);

    // Zoom is held between 10 % and 800 %.
    for _ in 0..30 {
        h.event(Event::Zoom(2.0));
    }
    h.run();
    assert_eq!(h.state().view.camera.zoom, 8.0);
    for _ in 0..30 {
        h.event(Event::Zoom(0.5));
    }
    h.run();
    assert_eq!(h.state().view.camera.zoom, 0.1);

    // Middle-drag pans, leaving the document alone.
    let doc = h.state().doc().clone();
    let pan = h.state().view.camera.pan;
    drag_with(
        &mut h,
        PointerButton::Middle,
        at,
        at + vec2(100.0, -50.0),
        Modifiers::NONE,
    );
    let d = h.state().view.camera.pan - pan;
    assert!((d - vec2(100.0, -50.0)).length() < 1.0, "{d:?}");
    assert_eq!(h.state().doc(), &doc);

    // So does Space+drag.
    let pan = h.state().view.camera.pan;
    h.key_down(Key::Space);
    h.run();
    drag(&mut h, at, at + vec2(-70.0, 20.0));
    h.key_up(Key::Space);
    h.run();
    let d = h.state().view.camera.pan - pan;
    assert!((d - vec2(-70.0, 20.0)).length() < 1.0, "{d:?}");
    assert_eq!(h.state().doc(), &doc);

    // The wheel scrolls the view.
    let pan = h.state().view.camera.pan;
    h.hover_at(at);
    h.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, -120.0),
        phase: egui::TouchPhase::Move,
        modifiers: Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    h.run();
    assert!(h.state().view.camera.pan.y < pan.y - 50.0);
}

#[test]
fn keys_frame_the_phases_and_the_whole() {
    let (mut h, _) = harness(sample::nara_vard());
    for (k, phase) in [
        (Key::Num1, PhaseId::Nulage),
        (Key::Num2, PhaseId::Overgang),
        (Key::Num3, PhaseId::Malbild),
    ] {
        key(&mut h, k);
        h.run();
        let r = h.state().doc().phase_rect(phase);
        let view = h.state().view.rect;
        let c = screen(&h, r.center());
        assert!((c - view.center()).length() < 1.0, "{phase:?} is centred");
        let s = h.state().view.camera.transform(view).rect_to_screen(&r);
        assert!(view.contains_rect(s.shrink(1.0)), "{phase:?} fits");
    }
    let zoomed = h.state().view.camera.zoom;
    key_mod(&mut h, Modifiers::SHIFT, Key::Num1);
    h.run();
    assert!(
        h.state().view.camera.zoom < zoomed,
        "Shift+1 shows everything"
    );
    let all = h.state().doc().bounds();
    let view = h.state().view.rect;
    let s = h.state().view.camera.transform(view).rect_to_screen(&all);
    assert!(view.contains_rect(s.shrink(1.0)));
}

#[test]
fn phase_title_edits_in_place_and_phase_width_drags() {
    let (mut h, _) = harness(sample::nara_vard());
    let header = screen(&h, Point::new(380.0, 48.0));
    double_click_at(&mut h, header);
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Nuläge 2026");
    key(&mut h, Key::Enter);
    assert_eq!(h.state().doc().phases.nulage.title, "Nuläge 2026");
    assert_eq!(
        h.state().editor.history().undo_len(),
        1,
        "a whole title edit is one step"
    );

    // Widening Nuläge pushes the later phases, and their cards, to the right.
    let before = h.state().doc().clone();
    let edge = before.phase_rect(PhaseId::Nulage).right();
    let from = screen(&h, Point::new(edge, before.board.height - 30.0));
    drag(&mut h, from, from + vec2(60.0, 0.0));
    let zoom = h.state().view.camera.zoom;
    let after = h.state().doc().clone();
    let grew = after.phases.nulage.width - before.phases.nulage.width;
    assert!((grew - 60.0 / zoom).abs() < 0.01, "{grew}");
    for (a, b) in before.elements.iter().zip(after.elements.iter()) {
        if let (Some(a), Some(b)) = (a.as_card(), b.as_card()) {
            let moved = b.rect.x - a.rect.x;
            let right_of_edge = a.rect.center().x >= edge;
            assert_eq!(moved != 0.0, right_of_edge);
        }
    }
    undo(&mut h);
    assert_eq!(h.state().doc(), &before);
}

#[test]
fn save_open_and_unsaved_changes_are_asked_about() {
    let dir = temp_dir("files");
    let (mut h, desktop) = harness(sample::nara_vard());
    assert!(!h.state().is_dirty());
    let from = card_center(&h, ids(&h)[0]);
    drag(&mut h, from, from + vec2(30.0, 30.0));
    assert!(h.state().is_dirty());
    assert!(
        h.state().window_title().starts_with("● "),
        "{}",
        h.state().window_title()
    );

    // Ctrl+S on a new document asks where, then saves.
    let path = dir.join("min målbild.malbild");
    desktop.answer(Some(path.clone()));
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.state().is_saving() || !h.state().is_dirty());
    finish_saving(&mut h);
    assert_eq!(desktop.asked(), vec![FilePurpose::Save]);
    assert!(!h.state().is_dirty());
    assert_eq!(h.state().window_title(), "min målbild.malbild — Målbild");
    let saved = std::fs::read(&path).unwrap_or_default();
    let loaded = malbild::io::from_bytes(&saved).map(|l| l.document);
    assert_eq!(loaded.as_ref().ok(), Some(h.state().doc()));

    // A change, then New: the app asks first; "Spara inte" throws the change away.
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    key(&mut h, Key::Delete);
    key_mod(&mut h, Modifiers::COMMAND, Key::N);
    assert_eq!(
        h.state().modal_text().as_deref(),
        Some("Osparade ändringar")
    );
    h.get_by_label("Avbryt").click();
    h.run();
    assert_eq!(h.state().modal_text(), None);
    assert_eq!(
        h.state().doc().card_count(),
        0,
        "cancel keeps the document as it was"
    );
    key_mod(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Spara inte").click();
    h.run();
    // Then the templates: Enter starts the first, a blank canvas.
    assert_eq!(
        h.state().modal_text().as_deref(),
        Some("Ny målbild – välj en mall")
    );
    key(&mut h, Key::Enter);
    assert_eq!(h.state().doc(), &Document::new());
    assert_eq!(h.state().path, None);

    // Open the saved file again through the dialog.
    desktop.answer(Some(path.clone()));
    key_mod(&mut h, Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(loaded.as_ref().ok(), Some(h.state().doc()));
    assert!(!h.state().is_dirty());

    // A broken file says what is wrong and keeps the open document.
    let broken = dir.join("trasig.malbild");
    let _ = std::fs::write(&broken, &saved[..saved.len() / 2]);
    desktop.answer(Some(broken));
    key_mod(&mut h, Modifiers::COMMAND, Key::O);
    h.run();
    let msg = h.state().modal_text().unwrap_or_default();
    assert!(
        msg.contains("Filen kunde inte öppnas") && msg.contains("tar slut för tidigt"),
        "{msg}"
    );
    assert_eq!(loaded.as_ref().ok(), Some(h.state().doc()));
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(h.state().modal_text(), None);

    // A cancelled dialog changes nothing.
    desktop.answer(None);
    key_mod(&mut h, Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(loaded.as_ref().ok(), Some(h.state().doc()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn save_first_then_new_saves_then_continues() {
    let dir = temp_dir("save-then-new");
    let path = dir.join("a.malbild");
    let (mut h, desktop) = harness(sample::nara_vard());
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    key(&mut h, Key::Delete);
    key_mod(&mut h, Modifiers::COMMAND, Key::N);
    desktop.answer(Some(path.clone()));
    h.get_by_label("Spara").click();
    h.run();
    finish_saving(&mut h);
    h.get_by_label("Tom målbild").click();
    h.run();
    let on_disk = malbild::io::load(&path).map(|l| l.document.card_count());
    assert_eq!(on_disk.ok(), Some(0), "the change was saved first");
    assert_eq!(
        h.state().doc(),
        &Document::new(),
        "then the new document came"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let (mut h, _) = harness(sample::nara_vard());
    // Nothing changed: closing just closes.
    request_close(&mut h);
    assert!(!sent(&h, &egui::ViewportCommand::CancelClose));
    assert_eq!(h.state().modal_text(), None);

    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    key(&mut h, Key::Delete);
    request_close(&mut h);
    assert!(
        sent(&h, &egui::ViewportCommand::CancelClose),
        "the close is held back"
    );
    h.run();
    assert_eq!(
        h.state().modal_text().as_deref(),
        Some("Osparade ändringar")
    );
    assert_eq!(
        h.state().doc().card_count(),
        0,
        "and the document is still there"
    );
    h.get_by_label("Spara inte").click();
    let mut closed = false;
    for _ in 0..5 {
        h.step();
        closed |= sent(&h, &egui::ViewportCommand::Close);
    }
    assert!(closed, "then the window closes");
}

#[test]
fn english_ui_and_dark_theme_switch() {
    let (mut h, _) = harness(sample::nara_vard());
    h.get_by_label("Visa").click();
    h.run();
    h.get_by_label("Språk").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().lang, malbild::i18n::Lang::En);
    h.get_by_label("+ New card");
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Appearance").click();
    h.run();
    h.get_by_label("Dark theme").click();
    h.run();
    assert_eq!(h.state().theme, malbild::ui::Theme::Dark);
    assert!(h.ctx.global_style().visuals.dark_mode);
}

#[test]
fn right_click_menu_recolours_and_deletes() {
    let (mut h, _) = harness(sample::nara_vard());
    let id = ids(&h)[4];
    let c = card_center(&h, id);
    click_at(&mut h, c, Modifiers::NONE);
    h.hover_at(c);
    h.event(Event::PointerButton {
        pos: c,
        button: PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(Event::PointerButton {
        pos: c,
        button: PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    // The menu item, not the panel's button of the same name: the one by the pointer.
    let items = h.get_all_by_label("Duplicera").collect::<Vec<_>>();
    let nearest = items
        .iter()
        .min_by(|a, b| {
            let da = (a.rect().center() - c).length();
            let db = (b.rect().center() - c).length();
            da.total_cmp(&db)
        })
        .map(|n| n.rect().center());
    assert_eq!(items.len(), 2);
    drop(items);
    let at = nearest.unwrap_or(c);
    click_at(&mut h, at, Modifiers::NONE);
    assert_eq!(h.state().doc().card_count(), 16);
    let copy = h
        .state()
        .doc()
        .elements
        .iter()
        .last()
        .map(Element::id)
        .unwrap_or(id);
    assert_ne!(copy, id);
    assert_eq!(
        h.state().doc().card(copy).map(|c| c.text.clone()),
        h.state().doc().card(id).map(|c| c.text.clone())
    );
    let _ = Vec2::ZERO;
}

#[test]
fn without_a_file_dialog_the_path_is_typed_in() {
    let dir = temp_dir("typed-path");
    let (mut h, desktop) = harness(sample::nara_vard());
    desktop.answer_with(malbild::ui::desktop::DialogAnswer::Unavailable);
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert_eq!(
        h.state().modal_text().as_deref(),
        Some("Ingen fildialog kan visas här. Skriv filens sökväg:")
    );
    let path = dir.join("skrivet namn.malbild");
    let field = h.get_by_label("Ingen fildialog kan visas här. Skriv filens sökväg:");
    field.focus();
    h.run();
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, &path.display().to_string());
    h.get_by_label("Spara").click();
    h.run();
    finish_saving(&mut h);
    assert_eq!(h.state().modal_text(), None);
    assert_eq!(h.state().path.as_deref(), Some(path.as_path()));

    // Enter in the field submits as well: Save as to a second name.
    let second = dir.join("med enter.malbild");
    desktop.answer_with(malbild::ui::desktop::DialogAnswer::Unavailable);
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    let field = h.get_by_label("Ingen fildialog kan visas här. Skriv filens sökväg:");
    field.focus();
    h.run();
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, &second.display().to_string());
    h.key_press(Key::Enter);
    h.run();
    finish_saving(&mut h);
    assert_eq!(h.state().modal_text(), None);
    assert_eq!(h.state().path.as_deref(), Some(second.as_path()));
    assert!(second.exists());
    assert_eq!(
        malbild::io::load(&path).map(|l| l.document).ok().as_ref(),
        Some(h.state().doc())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_file_on_the_command_line_opens_an_empty_canvas_and_says_why() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/newer-unreadable.malbild");
    let app = App::open_at_start(
        &path,
        Box::new(ScriptedDesktop::default()),
        malbild::i18n::Lang::En,
    );
    let h = harness_with(app);
    let msg = h.state().modal_text().unwrap_or_default();
    assert!(msg.starts_with("The file could not be opened"), "{msg}");
    assert!(msg.contains("version 99"), "{msg}");
    assert_eq!(h.state().doc(), &Document::new());
    assert_eq!(
        h.state().path,
        None,
        "saving will not overwrite the newer file"
    );
    h.get_by_label("OK");

    let good =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/nara-vard.malbild");
    let app = App::open_at_start(
        &good,
        Box::new(ScriptedDesktop::default()),
        malbild::i18n::Lang::Sv,
    );
    let h = harness_with(app);
    assert_eq!(h.state().modal_text(), None);
    assert_eq!(h.state().doc(), &sample::nara_vard());
    assert_eq!(h.state().window_title(), "nara-vard.malbild — Målbild");
}

#[test]
fn an_idle_app_does_not_repaint() {
    let (mut h, _) = harness(sample::nara_vard());
    // The sample's pictures are drawn on threads of their own; each asks for one repaint
    // when it is ready. Once they are all in:
    let start = std::time::Instant::now();
    while h.state().view.pictures.is_busy() && start.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
    // Settled: one frame, and no more are asked for.
    assert_eq!(h.run(), 1);
    let p = card_center(&h, ids(&h)[0]);
    h.hover_at(p);
    h.run();
    assert_eq!(h.run(), 1, "hovering a card does not start a repaint loop");
}

#[test]
fn right_click_on_empty_canvas_offers_a_new_card_there() {
    let (mut h, _) = empty();
    let spot = empty_spot(&h, PhaseId::Nulage);
    h.hover_at(spot);
    h.event(Event::PointerButton {
        pos: spot,
        button: PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(Event::PointerButton {
        pos: spot,
        button: PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    h.get_by_label("Nytt kort här").click();
    h.run();
    type_text(&mut h, "Här");
    key(&mut h, Key::Escape);
    let c = first_card(&h).map(|c| screen(&h, c.rect.center()));
    assert!(
        c.is_some_and(|c| (c - spot).length() < 1.0),
        "{c:?} vs {spot:?}"
    );
}

// ------------------------------------------------------------------ arrows

fn arrows_of(h: &Harness<'_, App>) -> Vec<malbild::model::Arrow> {
    h.state()
        .doc()
        .elements
        .iter()
        .filter_map(Element::as_arrow)
        .cloned()
        .collect()
}

fn arrow_path(h: &Harness<'_, App>, id: ElementId) -> malbild::model::arrow::ArrowPath {
    let doc = h.state().doc();
    let a = doc.elements.get(id).and_then(Element::as_arrow).cloned();
    let a = a.unwrap_or_else(|| panic!("no arrow {id:?}"));
    malbild::model::arrow::resolve(doc, &a)
}

/// Three cards in a row on an empty canvas, zoomed to 100 %.
fn three_cards() -> (Harness<'static, App>, [ElementId; 3]) {
    let mut doc = Document::new();
    let ids = [ElementId(1), ElementId(2), ElementId(3)];
    for (i, id) in ids.iter().enumerate() {
        let rect = Rect::new(120.0 + i as f32 * 420.0, 300.0, 200.0, 120.0);
        doc.elements.push(Element::Card(malbild::model::Card::new(
            *id,
            rect,
            format!("Kort {}", i + 1),
            CardColor::Yellow,
        )));
    }
    let (mut h, _) = harness(doc);
    key_mod(&mut h, Modifiers::COMMAND, Key::Num0);
    h.state_mut().view.camera.pan = vec2(20.0, -150.0);
    h.run();
    (h, ids)
}

#[test]
fn drawing_an_arrow_between_two_cards_binds_both_ends() {
    let (mut h, [a, b, _]) = three_cards();
    let start = h.state().doc().clone();
    key(&mut h, Key::A);
    assert_eq!(h.state().view.tool, malbild::ui::canvas::Tool::Arrow);
    let (p, q) = (card_center(&h, a), card_center(&h, b));
    drag(&mut h, p, q);
    let arrows = arrows_of(&h);
    assert_eq!(arrows.len(), 1);
    let arrow = &arrows[0];
    assert_eq!(arrow.start.bind.map(|x| x.element), Some(a));
    assert_eq!(arrow.end.bind.map(|x| x.element), Some(b));
    assert_eq!(
        h.state().view.tool,
        malbild::ui::canvas::Tool::Select,
        "back to selecting"
    );
    assert!(
        h.state().view.selection.contains(&arrow.id),
        "the new arrow is selected"
    );
    // The line stops at both outlines: it never draws through its own cards.
    let path = arrow_path(&h, arrow.id);
    assert!(
        (path.start().x - card_rect(&h, a).right()).abs() < 0.01,
        "{:?}",
        path.start()
    );
    assert!(
        (path.end().x - card_rect(&h, b).x).abs() < 0.01,
        "{:?}",
        path.end()
    );
    assert_eq!(h.state().editor.history().undo_len(), 1, "one undo step");
    undo(&mut h);
    assert_eq!(h.state().doc(), &start);
}

#[test]
fn bound_ends_follow_their_card_and_deleting_the_card_takes_its_arrows() {
    let (mut h, [a, b, c]) = three_cards();
    let start = h.state().doc().clone();
    key(&mut h, Key::A);
    let (p, q) = (card_center(&h, a), card_center(&h, b));
    drag(&mut h, p, q);
    key(&mut h, Key::A);
    let (p, q) = (card_center(&h, b), card_center(&h, c));
    drag(&mut h, p, q);
    let ids: Vec<ElementId> = arrows_of(&h).iter().map(|x| x.id).collect();
    assert_eq!(ids.len(), 2);

    // Move card b down: both arrows' ends at b move with it.
    let before = (arrow_path(&h, ids[0]).end(), arrow_path(&h, ids[1]).start());
    let from = card_center(&h, b);
    drag(&mut h, from, from + vec2(0.0, 150.0));
    let after = (arrow_path(&h, ids[0]).end(), arrow_path(&h, ids[1]).start());
    assert!(
        after.0.y > before.0.y + 100.0 && after.1.y > before.1.y + 100.0,
        "{before:?} → {after:?}"
    );
    let br = card_rect(&h, b);
    for p in [after.0, after.1] {
        let on_outline = (p.x - br.x).abs() < 0.5
            || (p.x - br.right()).abs() < 0.5
            || (p.y - br.y).abs() < 0.5
            || (p.y - br.bottom()).abs() < 0.5;
        assert!(on_outline, "{p:?} is on the outline of {br:?}");
    }

    // Deleting card b removes both arrows in the same step.
    let with_arrows = h.state().doc().clone();
    let p = card_center(&h, b);
    click_at(&mut h, p, Modifiers::NONE);
    key(&mut h, Key::Delete);
    assert!(arrows_of(&h).is_empty());
    assert_eq!(h.state().doc().card_count(), 2);
    undo(&mut h);
    assert_eq!(h.state().doc(), &with_arrows);
    // And everything undoes back to the start.
    while h.state().editor.history().can_undo() {
        undo(&mut h);
    }
    assert_eq!(h.state().doc(), &start);
}

#[test]
fn an_arrow_end_can_be_rebound_or_freed_and_labelled() {
    let (mut h, [a, b, c]) = three_cards();
    key(&mut h, Key::A);
    let (p, q) = (card_center(&h, a), card_center(&h, b));
    drag(&mut h, p, q);
    let id = arrows_of(&h)[0].id;
    // Click off, then pick the arrow by clicking near its line (a few pixels off).
    let empty = screen(&h, Point::new(400.0, 700.0));
    click_at(&mut h, empty, Modifiers::NONE);
    assert!(h.state().view.selection.is_empty());
    let mid = screen(&h, arrow_path(&h, id).midpoint());
    click_at(&mut h, mid + vec2(0.0, 4.0), Modifiers::NONE);
    assert!(
        h.state().view.selection.contains(&id),
        "picked within tolerance"
    );

    // Drag its end handle onto card c: bound to c now.
    let end = screen(&h, arrow_path(&h, id).end());
    let target = card_center(&h, c);
    drag(&mut h, end, target);
    assert_eq!(arrows_of(&h)[0].end.bind.map(|x| x.element), Some(c));
    assert!((arrow_path(&h, id).end().x - card_rect(&h, c).x).abs() < 0.01);

    // Drag it to empty canvas: free there.
    let end = screen(&h, arrow_path(&h, id).end());
    let spot = screen(&h, Point::new(700.0, 650.0));
    drag(&mut h, end, spot);
    let arrow = arrows_of(&h)[0].clone();
    assert_eq!(arrow.end.bind, None);
    assert!(
        (arrow.end.point.x - 700.0).abs() < 0.5 && (arrow.end.point.y - 650.0).abs() < 0.5,
        "{:?}",
        arrow.end.point
    );

    // Double-click the line to write a label.
    let mid = screen(&h, arrow_path(&h, id).midpoint());
    double_click_at(&mut h, mid);
    assert!(h.state().view.label_editing.is_some());
    type_text(&mut h, "digitala vårdmöten");
    key(&mut h, Key::Enter);
    assert_eq!(arrows_of(&h)[0].label, "digitala vårdmöten");
    h.get_by_label_contains("digitala vårdmöten");
    // The label moves with the line: its box holds the line's middle wherever that goes.
    let from = card_center(&h, a);
    drag(&mut h, from, from + vec2(0.0, -80.0));
    let doc = h.state().doc().clone();
    let m = arrow_path(&h, id).midpoint();
    let arrow = doc.elements.get(id).cloned();
    assert!(arrow.is_some_and(|e| doc.hits(&e, m, 0.0)));
    // Each of those was one step: undo them all.
    for _ in 0..4 {
        undo(&mut h);
    }
    let arrow = arrows_of(&h)[0].clone();
    assert_eq!(arrow.end.bind.map(|x| x.element), Some(b));
    assert_eq!(arrow.label, "");
}

#[test]
fn pulling_an_arrow_out_of_a_cards_connector() {
    let (mut h, [a, b, _]) = three_cards();
    let p = card_center(&h, a);
    h.hover_at(p);
    h.run();
    let r = h
        .state()
        .view
        .camera
        .transform(h.state().view.rect)
        .rect_to_screen(&card_rect(&h, a));
    let connector = malbild::ui::canvas::Side::Right.connector(r, h.state().view.camera.zoom);
    let q = card_center(&h, b);
    h.hover_at(connector);
    h.run();
    drag(&mut h, connector, q);
    let arrows = arrows_of(&h);
    assert_eq!(arrows.len(), 1);
    let start = arrows[0].start.bind.map(|x| (x.element, x.at));
    assert_eq!(
        start,
        Some((a, Point::new(1.0, 0.5))),
        "from the middle of the right side"
    );
    assert_eq!(arrows[0].end.bind.map(|x| x.element), Some(b));
}

#[test]
fn free_arrows_and_a_click_with_the_arrow_tool_makes_none() {
    let (mut h, _) = three_cards();
    key(&mut h, Key::A);
    let spot = screen(&h, Point::new(300.0, 600.0));
    click_at(&mut h, spot, Modifiers::NONE);
    assert!(arrows_of(&h).is_empty());
    assert!(
        !h.state().editor.history().can_undo(),
        "no step for nothing"
    );
    assert_eq!(
        h.state().view.tool,
        malbild::ui::canvas::Tool::Arrow,
        "still drawing"
    );
    let (p, q) = (
        screen(&h, Point::new(300.0, 600.0)),
        screen(&h, Point::new(800.0, 650.0)),
    );
    drag(&mut h, p, q);
    let arrows = arrows_of(&h);
    assert_eq!(arrows.len(), 1);
    assert_eq!((arrows[0].start.bind, arrows[0].end.bind), (None, None));
    // Escape leaves the arrow tool.
    key(&mut h, Key::A);
    key(&mut h, Key::Escape);
    assert_eq!(h.state().view.tool, malbild::ui::canvas::Tool::Select);
}

#[test]
fn bending_and_restyling_an_arrow() {
    let (mut h, [a, b, _]) = three_cards();
    key(&mut h, Key::A);
    let (p, q) = (card_center(&h, a), card_center(&h, b));
    drag(&mut h, p, q);
    let id = arrows_of(&h)[0].id;
    // Pull the middle handle up: the straight arrow becomes a curve through that point.
    let mid = screen(&h, arrow_path(&h, id).midpoint());
    drag(&mut h, mid, mid + vec2(0.0, -60.0));
    let arrow = arrows_of(&h)[0].clone();
    assert_eq!(arrow.route, malbild::model::Route::Curved);
    assert!((arrow.bend.abs() - 60.0).abs() < 0.5, "{}", arrow.bend);
    let new_mid = screen(&h, arrow_path(&h, id).midpoint());
    assert!(
        (new_mid - (mid + vec2(0.0, -60.0))).length() < 2.0,
        "{new_mid:?}"
    );
    // The panel restyles it, one step each.
    h.get_by_label("Vinklad").click();
    h.run();
    h.get_by_label("Streckad").click();
    h.run();
    h.get_by_label("Tjock").click();
    h.run();
    // "Punkt" is offered for both ends; the first row is the start.
    if let Some(n) = h.get_all_by_label("Punkt").next() {
        n.click();
    }
    h.run();
    let arrow = arrows_of(&h)[0].clone();
    assert_eq!(arrow.route, malbild::model::Route::Elbow);
    assert_eq!(arrow.style, malbild::model::LineStyle::Dashed);
    assert_eq!(arrow.width, malbild::model::LineWidth::Bold);
    assert_eq!(arrow.start_head, malbild::model::Head::Dot);
    let pts = arrow_path(&h, id).points(4);
    for w in pts.windows(2) {
        assert!(
            w[0].x == w[1].x || w[0].y == w[1].y,
            "elbow segments are straight across or down"
        );
    }
    // The next arrow drawn looks the same.
    key(&mut h, Key::A);
    let (p, q) = (
        screen(&h, Point::new(300.0, 600.0)),
        screen(&h, Point::new(800.0, 650.0)),
    );
    drag(&mut h, p, q);
    let second = arrows_of(&h)[1].clone();
    // Every part of the look, the last change (the start head) too.
    assert_eq!(
        (
            second.route,
            second.style,
            second.width,
            second.start_head,
            second.end_head,
            second.color
        ),
        (
            arrow.route,
            arrow.style,
            arrow.width,
            arrow.start_head,
            arrow.end_head,
            arrow.color
        )
    );
    for _ in 0..6 {
        undo(&mut h);
    }
    assert_eq!(arrows_of(&h)[0].route, malbild::model::Route::Straight);
}

fn selection(h: &Harness<'_, App>) -> Vec<ElementId> {
    let mut s: Vec<ElementId> = h.state().view.selection.iter().copied().collect();
    s.sort_by_key(|id| id.0);
    s
}

#[test]
fn tab_walks_the_elements_in_reading_order_while_the_canvas_has_focus() {
    let (mut h, _) = harness(sample::nara_vard());
    let order = h.state().doc().reading_order();
    assert!(order.len() > 10);
    // The first element in reading order is the first card of Nuläge.
    let first = order[0];
    assert!(h.state().doc().card(first).is_some());
    let at = card_center(&h, first);
    click_at(&mut h, at, Modifiers::NONE);
    assert_eq!(selection(&h), vec![first]);

    key(&mut h, Key::Tab);
    assert_eq!(selection(&h), vec![order[1]]);
    key(&mut h, Key::Tab);
    assert_eq!(selection(&h), vec![order[2]]);
    key_mod(&mut h, Modifiers::SHIFT, Key::Tab);
    assert_eq!(selection(&h), vec![order[1]]);
    // A screen reader hears what is selected: the canvas's value names it.
    let doc = h.state().doc().clone();
    let Some(Element::Card(card)) = doc.elements.get(order[1]) else {
        panic!("the second element in reading order is a card in the sample");
    };
    let value = h.get_by_label("Arbetsyta").value().unwrap_or_default();
    // With where it is: its phase (and theme and status, where it has them).
    let phase = malbild::i18n::phase_name(
        doc.phase_of(&doc.elements.get(order[1]).unwrap().clone())
            .unwrap(),
        malbild::i18n::Lang::Sv,
    );
    assert_eq!(value, format!("Kort: {} ({phase})", card.text));

    // Plain shortcuts still work while the canvas has focus: Delete, then undo.
    key(&mut h, Key::Delete);
    assert!(h.state().doc().card(order[1]).is_none());
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.state().doc().card(order[1]).is_some());

    // Shift+Tab from the first wraps to the last; Tab walks into Målbild, and the camera
    // follows: zoomed to Nuläge, the selected card in Målbild is brought into view.
    key(&mut h, Key::Num1);
    h.run();
    let at = card_center(&h, first);
    click_at(&mut h, at, Modifiers::NONE);
    key_mod(&mut h, Modifiers::SHIFT, Key::Tab);
    let last = order[order.len() - 1];
    assert_eq!(selection(&h), vec![last]);
    let r = h.state().doc().bounds_of(
        h.state()
            .doc()
            .elements
            .get(last)
            .expect("the last element exists"),
    );
    let view = h.state().view.rect;
    assert!(
        view.contains(screen(&h, Point::new(r.x, r.y))),
        "{r:?} {view:?}"
    );
    assert!(view.contains(screen(&h, Point::new(r.right(), r.bottom()))));

    // Escape deselects and leaves the canvas: Tab then belongs to the buttons again.
    key(&mut h, Key::Escape);
    assert!(selection(&h).is_empty());
    key(&mut h, Key::Tab);
    assert!(selection(&h).is_empty());
    assert!(h.ctx.memory(|m| m.focused()).is_some());
}

#[test]
fn arrow_keys_on_a_focused_button_do_not_nudge_the_selection() {
    let (mut h, _) = harness(sample::nara_vard());
    let id = first_card(&h).map(|c| c.id).expect("the sample has cards");
    let at = card_center(&h, id);
    click_at(&mut h, at, Modifiers::NONE);
    let before = card_rect(&h, id);
    key(&mut h, Key::ArrowRight);
    assert_eq!(card_rect(&h, id).x, before.x + 1.0);
    h.get_by_label("+ Nytt kort").focus();
    h.run();
    key(&mut h, Key::ArrowRight);
    assert_eq!(card_rect(&h, id).x, before.x + 1.0);
}

#[test]
fn a_slow_save_never_holds_up_the_window() {
    let dir = temp_dir("slow-save");
    let path = dir.join("långsam.malbild");
    let desktop = ScriptedDesktop::default();
    let app = App::new(
        sample::nara_vard(),
        Some(path.clone()),
        Box::new(desktop.clone()),
    );
    let mut h = harness_with(app);
    let cards = h.state().doc().card_count();

    // The disk is slow: the save waits, the window goes on drawing and editing.
    desktop.hold_writes();
    let first = ids(&h)[0];
    let at = card_center(&h, first);
    click_at(&mut h, at, Modifiers::NONE);
    key(&mut h, Key::Delete);
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.state().is_saving());
    h.get_by_label("Sparar…");
    h.run_steps(5);
    assert!(!path.exists(), "not written yet");
    assert!(h.state().window_title().starts_with("● "));
    let second = ids(&h)[0];
    let at = card_center(&h, second);
    drag(&mut h, at, at + vec2(40.0, 0.0));
    assert_eq!(h.state().doc().card_count(), cards - 1);

    // Closing now waits for the file instead of cutting it off.
    request_close(&mut h);
    assert!(sent(&h, &egui::ViewportCommand::CancelClose));
    assert_eq!(h.state().modal_text(), None);

    desktop.release_writes();
    finish_saving(&mut h);
    let on_disk = malbild::io::load(&path).map(|l| l.document);
    assert_eq!(
        on_disk.as_ref().map(Document::card_count).ok(),
        Some(cards - 1),
        "the document as it was when saved"
    );
    assert_ne!(on_disk.ok().as_ref(), Some(h.state().doc()));
    // The card moved during the save is not in the file, so the close asks first.
    assert_eq!(
        h.state().modal_text().as_deref(),
        Some("Osparade ändringar")
    );
    h.get_by_label("Avbryt").click();
    h.run();

    // A save still being written when the document is replaced (New, "Spara inte")
    // does not mark the new document as saved to that file.
    desktop.hold_writes();
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    key_mod(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Spara inte").click();
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(h.state().doc(), &Document::new());
    desktop.release_writes();
    finish_saving(&mut h);
    assert_eq!(h.state().path, None);
    assert!(!h.state().is_dirty());
    assert_eq!(
        malbild::io::load(&path)
            .map(|l| l.document.card_count())
            .ok(),
        Some(cards - 1)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
