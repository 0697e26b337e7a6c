//! The workshop as a facilitator runs it: themes across the phases that cards belong to and
//! follow, a card's follow-up set from the panel, and the story written as a summary.

mod common;

use common::*;
use egui::Modifiers;
use egui_kittest::kittest::Queryable;
use malbild::model::{
    Card, CardColor, Document, Element, ElementId, HEADER_HEIGHT, Point, Rect, Status,
};

fn lane_of(h: &egui_kittest::Harness<'_, malbild::ui::App>, id: ElementId) -> Option<usize> {
    let doc = h.state().doc();
    doc.elements.get(id).and_then(|e| doc.lane_of(e))
}

#[test]
fn themes_are_added_cards_belong_to_them_and_follow_them_when_reordered() {
    let mut doc = Document::new();
    let id = ElementId(1);
    doc.elements.push(Element::Card(Card::new(
        id,
        Rect::new(60.0, HEADER_HEIGHT + 40.0, 200.0, 120.0),
        "Mobilt team",
        CardColor::Yellow,
    )));
    let (mut h, _) = harness(doc);
    let start = h.state().doc().clone();
    // Two themes from the panel (nothing selected shows the document's settings).
    h.get_by_label("+ Lägg till tema").click();
    h.run();
    h.get_by_label("+ Lägg till tema").click();
    h.run();
    let doc = h.state().doc();
    assert_eq!(doc.lanes.len(), 2);
    assert!(doc.validate().is_ok());
    assert_eq!(lane_of(&h, id), Some(0), "the card sits in the first theme");

    // Dragged into the second theme, it belongs to that one.
    let second = h.state().doc().lane_rect(1).map_or(0.0, |r| r.y);
    let from = card_center(&h, id);
    let to = screen(&h, Point::new(160.0, second + 100.0));
    drag(&mut h, from, to);
    assert_eq!(lane_of(&h, id), Some(1));
    let y_in_lane = card_rect(&h, id).y - second;
    // Nothing selected: the panel shows the themes again.
    key(&mut h, egui::Key::Escape);

    // The second theme moved up: the card goes with it, at the same place inside it.
    h.get_all_by_label("Flytta upp")
        .nth(1)
        .unwrap_or_else(|| panic!("no second 'Flytta upp'"))
        .click();
    h.run();
    let doc = h.state().doc();
    assert_eq!(doc.lanes[0].title, "Nytt tema");
    assert_eq!(lane_of(&h, id), Some(0));
    assert!((card_rect(&h, id).y - HEADER_HEIGHT - y_in_lane).abs() < 0.01);

    // Removing its theme keeps the card, under the themes, in none.
    h.get_all_by_label("Ta bort tema (korten blir kvar)")
        .next()
        .unwrap_or_else(|| panic!("no remove button"))
        .click();
    h.run();
    assert_eq!(h.state().doc().lanes.len(), 1);
    assert!(h.state().doc().card(id).is_some());
    assert_eq!(lane_of(&h, id), None);

    // Every step undoes: remove, reorder, drag, two adds.
    for _ in 0..5 {
        undo(&mut h);
    }
    assert_eq!(h.state().doc(), &start);
}

#[test]
fn a_cards_follow_up_is_set_from_the_panel_and_undone_in_one_step_each() {
    let (mut h, _) = harness(Document::new());
    let p = empty_spot(&h, malbild::model::PhaseId::Overgang);
    double_click_at(&mut h, p);
    type_text(&mut h, "Hälsosamtal");
    key(&mut h, egui::Key::Escape);
    let id = first_card(&h).map(|c| c.id).unwrap_or(ElementId(0));
    let p = card_center(&h, id);
    click_at(&mut h, p, Modifiers::NONE);
    h.get_by_label("Uppföljning").click();
    h.run();
    h.get_by_label("Pågår").click();
    h.run();
    h.get_by_label("Hög").click();
    h.run();
    let card = first_card(&h);
    assert_eq!(card.as_ref().and_then(|c| c.status), Some(Status::Ongoing));
    assert!(
        card.as_ref().is_some_and(|c| !c.changed.is_empty()),
        "marked as changed"
    );
    // A half-typed date never reaches the card; a whole one does.
    h.get_by_label("Klart senast").click();
    h.run();
    type_text(&mut h, "2027-02-3");
    assert_eq!(first_card(&h).map(|c| c.due), Some(String::new()));
    assert!(h.query_by_label("Skriv ett datum som 2027-03-31").is_some());
    type_text(&mut h, "1");
    assert_eq!(
        first_card(&h).map(|c| c.due),
        Some(String::new()),
        "February has no 31st"
    );
    key(&mut h, egui::Key::Backspace);
    key(&mut h, egui::Key::Backspace);
    type_text(&mut h, "28");
    assert_eq!(first_card(&h).map(|c| c.due), Some("2027-02-28".to_owned()));
    // Out of the field (where Ctrl+Z undoes typing), every change undoes on its own.
    let away = empty_spot(&h, malbild::model::PhaseId::Nulage);
    click_at(&mut h, away, Modifiers::NONE);
    undo(&mut h);
    assert_eq!(first_card(&h).map(|c| c.due), Some(String::new()));
    undo(&mut h);
    assert_eq!(first_card(&h).and_then(|c| c.priority), None);
    undo(&mut h);
    assert_eq!(first_card(&h).and_then(|c| c.status), None);
}

#[test]
fn the_summary_is_written_from_the_file_menu() {
    let mut doc = malbild::model::sample::nara_vard();
    if let Some(Element::Card(c)) = doc.elements.iter().find(|e| e.as_card().is_some()).cloned() {
        let mut c = c;
        c.status = Some(Status::Done);
        doc.elements.replace(Element::Card(c));
    }
    let (mut h, desktop) = harness(doc);
    let dir = temp_dir("summary");
    let path = dir.join("sammanfattning.csv");
    desktop.answer(Some(path.clone()));
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Sammanfattning…").click();
    for _ in 0..200 {
        h.step();
        if path.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(text.starts_with("\u{feff}fas,tema,text,status"), "{text}");
    assert!(text.contains("Klar"), "{text}");
    assert_eq!(text.lines().count(), 1 + h.state().doc().card_count());
    assert!(
        h.query_by_label_contains("Sammanfattningen är sparad")
            .is_some()
    );
}

#[test]
fn the_story_is_presented_step_by_step_and_the_document_never_changes() {
    use malbild::model::PhaseId;
    let mut doc = Document::new();
    let o = doc.phase_rect(PhaseId::Overgang).x;
    let m = doc.phase_rect(PhaseId::Malbild).x;
    let mut add = |id: u64, x: f32, step: Option<u32>| {
        let mut c = Card::new(
            ElementId(id),
            Rect::new(x, 200.0, 200.0, 120.0),
            "kort",
            CardColor::Yellow,
        );
        c.step = step;
        doc.elements.push(Element::Card(c));
    };
    add(1, 60.0, None);
    add(2, o + 60.0, Some(1));
    add(3, o + 300.0, Some(2));
    add(4, m + 60.0, None);
    let (mut h, _) = harness(doc);
    let before = h.state().doc().clone();
    key(&mut h, egui::Key::F5);
    let shown = |h: &egui_kittest::Harness<'_, malbild::ui::App>| -> Vec<u64> {
        h.state()
            .presenting
            .as_ref()
            .map(|p| p.shown().elements.iter().map(|e| e.id().0).collect())
            .unwrap_or_default()
    };
    let phase = |h: &egui_kittest::Harness<'_, malbild::ui::App>| {
        h.state()
            .presenting
            .as_ref()
            .and_then(|p| p.step())
            .map(|s| s.phase)
    };
    assert!(h.state().presenting.is_some());
    // Nuläge: only its own card.
    assert_eq!(shown(&h), [1]);
    assert_eq!(phase(&h), Some(PhaseId::Nulage));
    assert!(h.query_by_label("1 / 5").is_some(), "where we are, said");
    // Övergång, then its numbered cards one by one (clicker keys: Page Down, space).
    key(&mut h, egui::Key::PageDown);
    assert_eq!(phase(&h), Some(PhaseId::Overgang));
    assert_eq!(shown(&h), [1]);
    // The camera has moved all the way to the phase (the test clock ran the move).
    let p = h
        .state()
        .presenting
        .as_ref()
        .map(|p| (p.view(), p.target()));
    assert!(p.is_some_and(|(now, to)| now == to));
    key(&mut h, egui::Key::Space);
    assert_eq!(shown(&h), [1, 2]);
    key(&mut h, egui::Key::ArrowRight);
    assert_eq!(shown(&h), [1, 2, 3]);
    key(&mut h, egui::Key::ArrowRight);
    assert_eq!(phase(&h), Some(PhaseId::Malbild));
    assert_eq!(shown(&h), [1, 2, 3, 4]);
    // Past the end stays at the end; back and Home go back.
    key(&mut h, egui::Key::ArrowRight);
    assert_eq!(h.state().presenting.as_ref().map(|p| p.index()), Some(4));
    key(&mut h, egui::Key::Backspace);
    assert_eq!(shown(&h), [1, 2, 3]);
    key(&mut h, egui::Key::Home);
    assert_eq!(shown(&h), [1]);
    // Escape leaves; nothing was changed, nothing to undo, nothing unsaved.
    key(&mut h, egui::Key::Escape);
    assert!(h.state().presenting.is_none());
    assert_eq!(h.state().doc(), &before);
    assert!(!h.state().is_dirty());
    assert!(!h.state().editor.history().can_undo());
}

#[test]
fn dot_voting_gives_each_person_their_dots_and_shows_the_results() {
    let mut doc = Document::new();
    for (i, x) in [(1u64, 60.0f32), (2, 360.0)] {
        doc.elements.push(Element::Card(Card::new(
            ElementId(i),
            Rect::new(x, 200.0, 200.0, 120.0),
            format!("Förslag {i}"),
            CardColor::Yellow,
        )));
    }
    let (mut h, _) = harness(doc);
    let count = |h: &egui_kittest::Harness<'_, malbild::ui::App>, id: u64| {
        h.state()
            .doc()
            .votes
            .last()
            .map_or(0, |r| r.count(ElementId(id)))
    };
    h.get_by_label("Starta röstning").click();
    h.run();
    assert!(
        h.state()
            .doc()
            .votes
            .last()
            .is_some_and(|r| r.open && r.dots == Some(3))
    );
    assert!(h.query_by_label("Person 1: 3 prickar kvar").is_some());
    // Four clicks, three dots: the fourth has none left. A click votes, never selects.
    for _ in 0..4 {
        let p = card_center(&h, ElementId(1));
        click_at(&mut h, p, Modifiers::NONE);
    }
    assert_eq!(count(&h, 1), 3);
    assert!(h.state().view.selection.is_empty());
    assert!(h.query_by_label("Person 1: 0 prickar kvar").is_some());
    h.get_by_label("Nästa person").click();
    h.run();
    let p = card_center(&h, ElementId(2));
    click_at(&mut h, p, Modifiers::NONE);
    assert_eq!(count(&h, 2), 1);
    // Alt+click takes one back.
    let p = card_center(&h, ElementId(1));
    click_at(&mut h, p, Modifiers::ALT);
    assert_eq!(count(&h, 1), 2);
    assert!(h.query_by_label("Resultat (3 prickar)").is_some());
    // Each dot is an undo step.
    undo(&mut h);
    assert_eq!(count(&h, 1), 3);
    // Ended: clicks select again; the dots stay until cleared.
    h.get_by_label("Avsluta röstningen").click();
    h.run();
    let p = card_center(&h, ElementId(2));
    click_at(&mut h, p, Modifiers::NONE);
    assert!(h.state().view.selection.contains(&ElementId(2)));
    assert_eq!(count(&h, 2), 1);
    key(&mut h, egui::Key::Escape);
    h.get_by_label("Rensa prickarna").click();
    h.run();
    assert_eq!(count(&h, 1) + count(&h, 2), 0);
}

#[test]
fn the_timer_counts_down_on_the_clock_pauses_and_ends_calmly() {
    let (mut h, _) = harness(Document::new());
    h.get_by_label("Verktyg").click();
    h.run();
    h.get_by_label("Timer").click();
    h.run();
    h.get_by_label("5 min").click();
    h.run();
    assert!(h.state().timer.is_some());
    assert!(h.query_by_label("5:00").is_some());
    // The harness's clock: a second of frames.
    for _ in 0..61 {
        h.step();
    }
    assert!(h.query_by_label("4:59").is_some());
    h.get_by_label("Paus").click();
    for _ in 0..180 {
        h.step();
    }
    assert!(
        h.query_by_label("4:59").is_some(),
        "paused: the time stands still"
    );
    h.get_by_label("+1 min").click();
    h.run();
    assert!(h.query_by_label("5:59").is_some());
    h.get_by_label("Fortsätt").click();
    h.run();
    // Editing goes on while it runs.
    let p = empty_spot(&h, malbild::model::PhaseId::Nulage);
    double_click_at(&mut h, p);
    type_text(&mut h, "Idé");
    assert!(first_card(&h).is_some_and(|c| c.text == "Idé"));
    key(&mut h, egui::Key::Escape);
    h.get_by_label("Stoppa").click();
    h.run();
    assert!(h.state().timer.is_none());
}

#[test]
fn the_filter_fades_all_but_the_chosen_status_and_rings_what_changed() {
    let mut doc = Document::new();
    for (i, status, changed) in [
        (1u64, Some(Status::Ongoing), "2027-01-10"),
        (2, Some(Status::Done), "2026-10-01"),
        (3, None, ""),
    ] {
        let mut c = Card::new(
            ElementId(i),
            Rect::new(60.0 + 260.0 * i as f32, 200.0, 200.0, 120.0),
            "kort",
            CardColor::Yellow,
        );
        c.status = status;
        c.changed = changed.into();
        doc.elements.push(Element::Card(c));
    }
    let (mut h, _) = harness(doc);
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::F);
    assert!(h.state().view.filter.open);
    h.get_by_label("Pågår").click();
    h.run();
    h.get_by_label("Ändrat sedan").click();
    h.run();
    type_text(&mut h, "2027-01-01");
    let sets = |h: &mut egui_kittest::Harness<'_, malbild::ui::App>| {
        let doc = h.state().doc().clone();
        let state = h.state_mut();
        let (f, r) = state.view.filter.sets(&doc, u64::MAX);
        let sorted = |s: Option<&std::collections::HashSet<ElementId>>| {
            let mut v: Vec<u64> = s.into_iter().flatten().map(|i| i.0).collect();
            v.sort_unstable();
            v
        };
        (sorted(f), sorted(r))
    };
    assert_eq!(sets(&mut h), (vec![2, 3], vec![1]));
    // Cards of no status can be chosen too; closing shows everything again.
    h.get_by_label("Utan status").click();
    h.run();
    assert_eq!(sets(&mut h).0, vec![2]);
    h.get_by_label("Stäng").click();
    h.run();
    assert_eq!(sets(&mut h), (vec![], vec![]));
    assert!(
        !h.state().editor.history().can_undo(),
        "a view, not an edit"
    );
}

#[test]
fn each_template_starts_a_canvas_and_the_canvas_can_become_a_template() {
    use malbild::templates;
    let (mut h, _) = harness(Document::new());
    let dir = temp_dir("own-templates");
    h.state_mut().templates_dir = Some(dir.clone());
    for t in templates::builtin(malbild::lang::Lang::Sv) {
        key_mod(&mut h, Modifiers::COMMAND, egui::Key::N);
        assert_eq!(
            h.state().modal_text().as_deref(),
            Some("Ny målbild – välj en mall")
        );
        h.get_by_label(&t.name).click();
        h.run();
        assert_eq!(h.state().modal_text(), None);
        assert_eq!(h.state().doc(), &t.doc, "{}", t.name);
        assert!(!h.state().is_dirty(), "a fresh canvas");
        assert_eq!(h.state().path, None, "never saved over the template");
    }
    // The roadmap is open now; a card on it, then it becomes our own template.
    let p = empty_spot(&h, malbild::model::PhaseId::Nulage);
    double_click_at(&mut h, p);
    type_text(&mut h, "Vår egen");
    key(&mut h, egui::Key::Escape);
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Spara som mall…").click();
    h.run();
    // The field starts with the canvas's title; typed over with our name.
    key_mod(&mut h, Modifiers::COMMAND, egui::Key::A);
    type_text(&mut h, "Region Norr: färdplan");
    key(&mut h, egui::Key::Enter);
    assert_eq!(h.state().modal_text(), None);
    assert!(dir.join("Region Norr- färdplan.malbild").is_file());
    let ours = h.state().doc().clone();
    // New lists it among our own; picked, it gives the canvas back.
    key_mod(&mut h, Modifiers::COMMAND, egui::Key::N);
    h.get_by_label("Spara inte").click();
    h.run();
    assert!(h.query_by_label("Egna mallar").is_some());
    h.get_by_label("Region Norr- färdplan").click();
    h.run();
    assert_eq!(h.state().doc().card_count(), ours.card_count());
    assert!(
        h.state()
            .doc()
            .elements
            .iter()
            .any(|e| e.text() == Some("Vår egen"))
    );
    // Esc closes the New dialog and keeps the canvas.
    key_mod(&mut h, Modifiers::COMMAND, egui::Key::N);
    key(&mut h, egui::Key::Escape);
    assert_eq!(h.state().modal_text(), None);
    assert!(
        h.state()
            .doc()
            .elements
            .iter()
            .any(|e| e.text() == Some("Vår egen"))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_theme_dragged_by_its_title_takes_its_cards_along() {
    let mut doc = Document::new();
    doc.lanes = malbild::edit::workshop::even_lanes(&doc, &["Ett", "Två", "Tre"]);
    let h1 = doc.lanes[0].height;
    let id = ElementId(9);
    doc.elements.push(Element::Card(Card::new(
        id,
        Rect::new(100.0, HEADER_HEIGHT + 2.0 * h1 + 30.0, 200.0, 120.0),
        "i tre",
        CardColor::Yellow,
    )));
    let (mut h, _) = harness(doc);
    let start = h.state().doc().clone();
    let title = |h: &egui_kittest::Harness<'_, malbild::ui::App>, i: usize| {
        let r = h
            .state()
            .doc()
            .lane_title_rect(i)
            .unwrap_or(Rect::new(0.0, 0.0, 0.0, 0.0));
        screen(h, r.center())
    };
    // "Tre" dragged up onto "Ett": it goes first, its card with it.
    let from = title(&h, 2);
    let to = title(&h, 0);
    drag(&mut h, from, to);
    let names: Vec<String> = h
        .state()
        .doc()
        .lanes
        .iter()
        .map(|l| l.title.clone())
        .collect();
    assert_eq!(names, ["Tre", "Ett", "Två"]);
    assert_eq!(lane_of(&h, id), Some(0));
    assert!((card_rect(&h, id).y - (HEADER_HEIGHT + 30.0)).abs() < 0.01);
    undo(&mut h);
    assert_eq!(h.state().doc(), &start, "one undo step");
}
