//! A real desktop app: the command palette, keyboard-only work (cards in two phases, an
//! arrow between them, an export), the same flows in Swedish and English, what screen
//! readers hear, the settings remembered between runs, a third language in the window.

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use malbild::i18n::{Lang, Msg};
use malbild::model::{Document, Element, Kind, PhaseId, sample};
use malbild::ui::App;
use malbild::ui::actions::Action;
use malbild::ui::desktop::ScriptedDesktop;

fn harness_in(doc: Document, lang: Lang) -> (egui_kittest::Harness<'static, App>, ScriptedDesktop) {
    let desktop = ScriptedDesktop::default();
    let mut app = App::new(doc, None, Box::new(desktop.clone()));
    app.lang = lang;
    (harness_with(app), desktop)
}

fn palette_runs(h: &mut egui_kittest::Harness<'_, App>, open: (Modifiers, Key), query: &str) {
    key_mod(h, open.0, open.1);
    assert!(
        h.state().modal_text().is_some(),
        "the palette opens with {open:?}"
    );
    type_text(h, query);
    key(h, Key::Enter);
    h.run();
}

#[test]
fn the_palette_finds_and_runs_undo_in_swedish_and_in_english() {
    for (lang, open, query) in [
        (Lang::Sv, (Modifiers::COMMAND, Key::K), "Ångra"),
        (
            Lang::En,
            (Modifiers::COMMAND | Modifiers::SHIFT, Key::P),
            "undo",
        ),
        // Either language's name works, without the marks too.
        (Lang::Sv, (Modifiers::COMMAND, Key::K), "angra"),
    ] {
        let (mut h, _) = harness_in(sample::nara_vard(), lang);
        let start = h.state().doc().clone();
        let card = first_card(&h).unwrap().id;
        // A change to undo: the first card deleted.
        let at = card_center(&h, card);
        click_at(&mut h, at, Modifiers::NONE);
        key(&mut h, Key::Delete);
        assert_ne!(h.state().doc(), &start);
        // The palette lists the command by its name, with its shortcut.
        key_mod(&mut h, open.0, open.1);
        assert!(h.query_by_label(Msg::PaletteSearch.text(lang)).is_some());
        type_text(&mut h, query);
        h.run();
        assert!(
            h.query_by_role_and_label(egui::accesskit::Role::Button, Action::Undo.label(lang))
                .is_some(),
            "{lang:?}: {query} finds {}",
            Action::Undo.label(lang)
        );
        key(&mut h, Key::Enter);
        h.run();
        assert_eq!(
            h.state().modal_text(),
            None,
            "Enter runs it and closes the palette"
        );
        assert_eq!(h.state().doc(), &start, "{lang:?}: undone");
        // Recently used first.
        assert_eq!(h.state().palette_recent.first(), Some(&Action::Undo));
    }
}

#[test]
fn the_palette_closes_with_esc_and_walks_with_the_arrow_keys() {
    let (mut h, _) = harness_in(sample::nara_vard(), Lang::En);
    key_mod(&mut h, Modifiers::COMMAND, Key::K);
    assert!(h.state().modal_text().is_some());
    key(&mut h, Key::Escape);
    h.run();
    assert_eq!(h.state().modal_text(), None);
    // "zoom" finds several; ↓ picks the second, Enter runs it.
    palette_runs(&mut h, (Modifiers::COMMAND, Key::K), "high contrast");
    assert_eq!(h.state().theme, malbild::ui::Theme::HighContrast);
    // Nothing found: said so, and Enter does nothing.
    key_mod(&mut h, Modifiers::COMMAND, Key::K);
    type_text(&mut h, "qqxxzz");
    h.run();
    assert!(
        h.query_by_label(Msg::PaletteNothing.text(Lang::En))
            .is_some()
    );
    key(&mut h, Key::Enter);
    h.run();
    assert!(h.state().modal_text().is_some());
    key(&mut h, Key::Escape);
}

/// Two cards in two phases, an arrow between them and an export, with the keyboard alone,
/// finding every control by its name in `lang`.
fn keyboard_only(lang: Lang) {
    let (mut h, desktop) = harness_in(Document::new(), lang);
    // N makes a card; typing writes it; Esc ends.
    key(&mut h, Key::N);
    type_text(&mut h, "Vård på sjukhus");
    key(&mut h, Key::Escape);
    h.run();
    let doc = h.state().doc().clone();
    let a = doc
        .elements
        .iter()
        .find_map(Element::as_card)
        .unwrap()
        .clone();
    assert_eq!(a.text, "Vård på sjukhus");
    // In the middle of the view, the board fitted: Övergång.
    assert_eq!(
        doc.phase_of(&Element::Card(a.clone())),
        Some(PhaseId::Overgang)
    );
    // A second card, moved to the next phase by keyboard.
    key(&mut h, Key::N);
    type_text(&mut h, "Vård i hemmet");
    key(&mut h, Key::Escape);
    h.run();
    let b = h
        .state()
        .doc()
        .elements
        .iter()
        .filter_map(Element::as_card)
        .find(|c| c.id != a.id)
        .unwrap()
        .clone();
    key_mod(
        &mut h,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::ArrowRight,
    );
    h.run();
    let doc = h.state().doc().clone();
    let moved = doc.elements.get(b.id).unwrap();
    assert_eq!(
        doc.phase_of(moved),
        Some(PhaseId::Malbild),
        "moved to Målbild"
    );
    // One undo step: back to Övergång and forward again.
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    let doc = h.state().doc();
    assert_eq!(
        doc.phase_of(doc.elements.get(b.id).unwrap()),
        Some(PhaseId::Overgang)
    );
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    // Connect: the first card selected by Tab, Shift+A, Tab to the target, Enter.
    // Tab walks the elements (the canvas has the keyboard since typing ended) to the first.
    for _ in 0..3 {
        if h.state().view.selection.contains(&a.id) {
            break;
        }
        key(&mut h, Key::Tab);
    }
    assert!(
        h.state().view.selection.contains(&a.id),
        "{:?}",
        h.state().view.selection
    );
    key_mod(&mut h, Modifiers::SHIFT, Key::A);
    h.run();
    let hint = h.state().view.connecting;
    assert_eq!(
        hint.map(|c| c.0),
        Some(a.id),
        "connecting from the first card"
    );
    // Tab until the target is the second card (there are two elements: one Tab at most).
    for _ in 0..3 {
        if h.state().view.connecting.map(|c| c.1) == Some(b.id) {
            break;
        }
        key(&mut h, Key::Tab);
    }
    key(&mut h, Key::Enter);
    h.run();
    let doc = h.state().doc().clone();
    let arrow = doc
        .elements
        .iter()
        .find_map(|e| match e {
            Element::Arrow(x) => Some(x.clone()),
            _ => None,
        })
        .expect("an arrow");
    assert_eq!(arrow.start.bind.map(|x| x.element), Some(a.id));
    assert_eq!(arrow.end.bind.map(|x| x.element), Some(b.id));
    // Export: Ctrl+E, Enter exports a PNG to the file the desktop answers.
    let dir = temp_dir(&format!("keyboard-{}", lang.code()));
    let path = dir.join("målbild.png");
    desktop.answer(Some(path.clone()));
    key_mod(&mut h, Modifiers::COMMAND, Key::E);
    assert!(h.state().export.open);
    key(&mut h, Key::Enter);
    finish_export(&mut h);
    assert_eq!(h.state().export.outcome, Some(Ok(path.clone())));
    let bytes = std::fs::read(&path).unwrap_or_default();
    let back = malbild::io::from_bytes(&bytes).map(|l| l.document).unwrap();
    assert_eq!(back.count(Kind::Card), 2);
    assert_eq!(back.arrow_count(), 1);
    // Said in the language of the window.
    let said = malbild::i18n::exported_to("", lang);
    assert!(
        h.query_all_by_label_contains(said.trim()).count() >= 1,
        "{said}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn keyboard_only_in_swedish() {
    keyboard_only(Lang::Sv);
}

#[test]
fn keyboard_only_in_english() {
    keyboard_only(Lang::En);
}

#[test]
fn the_same_menus_in_both_languages_by_their_translated_names() {
    for lang in [Lang::Sv, Lang::En] {
        let (mut h, _) = harness_in(sample::nara_vard(), lang);
        for (menu, item) in [
            (Msg::MenuHelp, Action::Shortcuts.label(lang)),
            (Msg::MenuHelp, Action::About.label(lang)),
        ] {
            h.get_by_label(menu.text(lang)).click();
            h.run();
            h.get_by_label_contains(item).click();
            h.run();
            assert!(h.state().modal_text().is_some(), "{lang:?}: {item}");
            key(&mut h, Key::Escape);
            h.run();
            assert_eq!(h.state().modal_text(), None);
        }
        // The F1 sheet lists the palette and connecting, from the same table.
        key(&mut h, Key::F1);
        assert!(h.query_by_label(Action::Palette.label(lang)).is_some());
        assert!(h.query_by_label(Action::Connect.label(lang)).is_some());
        assert!(h.query_by_label("Ctrl+K").is_some());
        key(&mut h, Key::F1);
        // The Edit menu moves a selected card to the next phase.
        let card = first_card(&h).unwrap();
        h.state_mut().view.select_only(card.id);
        h.get_by_label(Msg::MenuEdit.text(lang)).click();
        h.run();
        h.get_by_label_contains(Action::MoveToPhase(true).label(lang))
            .click();
        h.run();
        let doc = h.state().doc();
        assert_eq!(
            doc.phase_of(doc.elements.get(card.id).unwrap()),
            Some(PhaseId::Overgang)
        );
    }
}

#[test]
fn a_screen_reader_hears_a_card_s_text_phase_theme_and_status() {
    let mut doc = Document::new();
    doc.lanes.push(malbild::model::Lane::new(
        "Vård nära",
        malbild::model::CardColor::Blue,
    ));
    let top = doc.lane_rect(0).unwrap();
    let mut card = malbild::model::Card::new(
        malbild::model::ElementId(7),
        malbild::model::Rect::new(40.0, top.y + 20.0, 200.0, 120.0),
        "Hemsjukvård",
        malbild::model::CardColor::Yellow,
    );
    card.status = Some(malbild::model::Status::Ongoing);
    doc.elements.push(Element::Card(card));
    for (lang, want) in [
        (
            Lang::Sv,
            "Kort: Hemsjukvård (Nuläge, tema Vård nära, Pågår)",
        ),
        (
            Lang::En,
            "Card: Hemsjukvård (Nuläge, theme Vård nära, Ongoing)",
        ),
    ] {
        let (h, _) = harness_in(doc.clone(), lang);
        assert!(h.query_by_label(want).is_some(), "{lang:?}: {want}");
    }
}

#[test]
fn settings_are_remembered_between_runs() {
    let dir = temp_dir("settings");
    let file = dir.join("settings.json");
    {
        let (mut h, _) = harness_in(sample::nara_vard(), Lang::Sv);
        h.state_mut().enable_settings(file.clone());
        palette_runs(&mut h, (Modifiers::COMMAND, Key::K), "english");
        assert_eq!(h.state().lang, Lang::En);
        palette_runs(&mut h, (Modifiers::COMMAND, Key::K), "dark theme");
        h.state_mut().exit();
    }
    let s = malbild::settings::Settings::load(&file);
    assert_eq!(s.language.as_deref(), Some("en"));
    assert_eq!(s.theme.as_deref(), Some("dark"));
    // The next run speaks English in the dark, and offers those commands first.
    let (mut h, _) = harness_in(sample::nara_vard(), Lang::Sv);
    h.state_mut().enable_settings(file.clone());
    h.run();
    assert_eq!(h.state().lang, Lang::En);
    assert_eq!(h.state().theme, malbild::ui::Theme::Dark);
    assert!(h.ctx.global_style().visuals.dark_mode);
    assert_eq!(
        h.state().palette_recent.first(),
        Some(&Action::SetTheme(malbild::ui::Theme::Dark))
    );
    assert!(h.query_by_label("+ New card").is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_third_language_from_a_folder_speaks_in_the_window() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    malbild::lang::add_folder(&root.join("tests/i18n"));
    let xa = Lang::from_code("en-XA").unwrap();
    let (mut h, _) = harness_in(sample::nara_vard(), xa);
    assert!(h.query_by_label("[Ƒîłé]").is_some());
    assert!(h.query_by_label("[Éðîţ]").is_some());
    // What it has no word for is in English.
    assert!(h.query_by_label(Msg::MenuHelp.text(Lang::En)).is_some());
    // And the language menu offers it by its own name.
    h.get_by_label(Msg::MenuView.text(Lang::En)).click();
    h.run();
    h.get_by_label(Msg::Language.text(Lang::En)).click();
    h.run();
    assert!(h.query_by_label(xa.native_name()).is_some());
    h.get_by_label("Svenska").click();
    h.run();
    assert_eq!(h.state().lang, Lang::Sv);
}

#[test]
fn the_sample_speaks_the_window_s_language_and_follows_a_switch() {
    let desktop = ScriptedDesktop::default();
    let app = App::with_sample_in(Lang::En, Box::new(desktop));
    let mut h = harness_with(app);
    assert_eq!(h.state().doc().title, "Nära vård – an example");
    assert!(
        h.query_by_label_contains("Care is built around the hospital")
            .is_some()
    );
    // Untouched, it is told again in Swedish when the language switches.
    palette_runs(&mut h, (Modifiers::COMMAND, Key::K), "svenska");
    assert_eq!(h.state().lang, Lang::Sv);
    assert_eq!(h.state().doc(), &sample::nara_vard());
    assert!(!h.state().is_dirty());
    // Changed, it stays as it is.
    let card = first_card(&h).unwrap().id;
    h.state_mut().view.select_only(card);
    key(&mut h, Key::Delete);
    let changed = h.state().doc().clone();
    palette_runs(&mut h, (Modifiers::COMMAND, Key::K), "english");
    assert_eq!(h.state().lang, Lang::En);
    assert_eq!(h.state().doc(), &changed);
}

#[test]
fn an_idle_window_asks_for_no_frames() {
    // The sample with pictures, a timer not running, nothing moving: once settled, no frame
    // is asked for (the CPU rests while a facilitator talks).
    let (mut h, _) = harness_in(sample::nara_vard(), Lang::Sv);
    for _ in 0..2000 {
        h.step();
        if !h.ctx.has_requested_repaint() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.step();
    assert!(
        !h.ctx.has_requested_repaint(),
        "an idle window asks for another frame"
    );
    // A change asks for frames; then it rests again.
    key(&mut h, Key::N);
    type_text(&mut h, "Hej");
    key(&mut h, Key::Escape);
    for _ in 0..2000 {
        h.step();
        if !h.ctx.has_requested_repaint() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!h.ctx.has_requested_repaint(), "it rests after a change");
}

#[test]
fn a_card_moved_to_another_phase_never_lands_under_another() {
    let (mut h, _) = harness_in(sample::nara_vard(), Lang::Sv);
    let doc = h.state().doc().clone();
    // Every card of Nuläge, one by one, to Övergång (where cards stand in the same places).
    let cards: Vec<_> = doc
        .elements
        .iter()
        .filter(|e| doc.phase_of(e) == Some(PhaseId::Nulage))
        .filter_map(Element::as_card)
        .map(|c| c.id)
        .collect();
    assert!(cards.len() >= 4);
    for id in &cards {
        h.state_mut().view.select_only(*id);
        key_mod(
            &mut h,
            Modifiers::COMMAND | Modifiers::SHIFT,
            Key::ArrowRight,
        );
    }
    // In paint order: whatever a moved card overlaps is beneath it, or leaves most of it
    // to be seen. Where there was room (the first ones), it overlaps nothing.
    let doc = h.state().doc();
    let painted: Vec<_> = doc
        .elements
        .iter()
        .filter(|e| !matches!(e, Element::Arrow(_)))
        .map(|e| (e.id(), doc.bounds_of(e)))
        .collect();
    let mut alone = 0;
    for id in &cards {
        let e = doc.elements.get(*id).unwrap();
        assert_eq!(doc.phase_of(e), Some(PhaseId::Overgang));
        let at = painted.iter().position(|(i, _)| i == id).unwrap();
        let r = painted[at].1;
        let mut overlaps = false;
        for (k, (other, b)) in painted.iter().enumerate() {
            if other == id || !r.intersects(b) {
                continue;
            }
            overlaps = true;
            if k > at {
                // Painted over it: never so as to cover it.
                let covered = (r.right().min(b.right()) - r.x.max(b.x)).max(0.0)
                    * (r.bottom().min(b.bottom()) - r.y.max(b.y)).max(0.0);
                assert!(covered < 0.8 * r.w * r.h, "{id:?} hidden under {other:?}");
            }
        }
        alone += usize::from(!overlaps);
    }
    // The sample's Övergång is full: they came in front, a little offset.
    let _ = alone;
    // With room in the phase, a card moved onto another goes to the nearest free place.
    let mut doc = Document::new();
    let x = doc.phase_x(PhaseId::Overgang);
    for (id, x) in [(1, 40.0), (2, x + 40.0)] {
        doc.elements.push(Element::Card(malbild::model::Card::new(
            malbild::model::ElementId(id),
            malbild::model::Rect::new(x, 200.0, 200.0, 120.0),
            "Kort",
            malbild::model::CardColor::Yellow,
        )));
    }
    let (mut h, _) = harness_in(doc, Lang::Sv);
    h.state_mut().view.select_only(malbild::model::ElementId(1));
    key_mod(
        &mut h,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::ArrowRight,
    );
    let doc = h.state().doc();
    let (a, b) = (
        doc.card(malbild::model::ElementId(1)).unwrap().rect,
        doc.card(malbild::model::ElementId(2)).unwrap().rect,
    );
    assert_eq!(
        doc.phase_of(doc.elements.get(malbild::model::ElementId(1)).unwrap()),
        Some(PhaseId::Overgang)
    );
    assert!(!a.intersects(&b), "{a:?} on {b:?}");
    assert!(
        (a.y - b.y).abs() < 200.0 || (a.x - b.x).abs() < 300.0,
        "near where it was meant to go"
    );
}
