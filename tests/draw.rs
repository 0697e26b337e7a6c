//! Drawing anything, as a user: pen strokes and the eraser, every shape with Swedish text,
//! free text, groups, aligning, snapping with guides, turning, the paint order and locks;
//! each undone back to the start in the right number of steps.

mod common;

use common::*;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use malbild::model::{
    Card, CardColor, Document, Element, ElementId, Kind, Outline, Point, Rect, Shape,
};
use malbild::ui::App;

fn of_kind(h: &Harness<'_, App>, kind: Kind) -> Vec<Element> {
    h.state()
        .doc()
        .elements
        .iter()
        .filter(|e| e.kind() == kind)
        .cloned()
        .collect()
}

/// A pointer path through `points`, pressed from the first to the last, in small steps.
fn drag_path(h: &mut Harness<'_, App>, points: &[Pos2], modifiers: Modifiers) {
    let Some(&first) = points.first() else {
        return;
    };
    h.event(Event::ModifiersChanged(modifiers));
    h.hover_at(first);
    h.event(Event::PointerButton {
        pos: first,
        button: PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    h.step();
    for w in points.windows(2) {
        for i in 1..=4 {
            let t = i as f32 / 4.0;
            h.hover_at(w[0] + (w[1] - w[0]) * t);
            h.step();
        }
    }
    let last = *points.last().unwrap_or(&first);
    h.event(Event::PointerButton {
        pos: last,
        button: PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

/// The primary button pressed at `at` (and held).
fn press_at(h: &mut Harness<'_, App>, at: Pos2) {
    h.hover_at(at);
    h.event(Event::PointerButton {
        pos: at,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.step();
}

/// The pointer moved, a frame a step, through the eighths `steps` of the way from `from`
/// to `to`.
fn move_along(
    h: &mut Harness<'_, App>,
    from: Pos2,
    to: Pos2,
    steps: std::ops::RangeInclusive<u32>,
) {
    for i in steps {
        h.hover_at(from + (to - from) * (i as f32 / 8.0));
        h.step();
    }
}

/// The primary button let go at `at`.
fn release_at(h: &mut Harness<'_, App>, at: Pos2) {
    h.event(Event::PointerButton {
        pos: at,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

fn cards_at(rects: &[Rect]) -> Document {
    let mut doc = Document::new();
    for (i, r) in rects.iter().enumerate() {
        doc.elements.push(Element::Card(Card::new(
            ElementId(i as u64 + 1),
            *r,
            format!("Kort {}", i + 1),
            CardColor::Yellow,
        )));
    }
    doc
}

fn rect_of(h: &Harness<'_, App>, id: ElementId) -> Rect {
    h.state()
        .doc()
        .elements
        .get(id)
        .and_then(Element::rect)
        .unwrap_or(Rect::new(f32::NAN, f32::NAN, 0.0, 0.0))
}

fn center_of(h: &Harness<'_, App>, id: ElementId) -> Pos2 {
    screen(h, rect_of(h, id).center())
}

fn undo_all(h: &mut Harness<'_, App>, steps: usize, start: &Document) {
    for _ in 0..steps {
        assert!(h.state().editor.history().can_undo());
        undo(h);
    }
    assert!(
        !h.state().editor.history().can_undo(),
        "more steps than expected"
    );
    assert_eq!(h.state().doc(), start);
}

#[test]
fn draw_a_wobbly_stroke_then_erase_it() {
    let (mut h, _) = empty();
    let start = h.state().doc().clone();
    key(&mut h, Key::P);
    let a = empty_spot(&h, malbild::model::PhaseId::Nulage);
    // A shaky hand: a line right with a wobble of a point or two.
    let path: Vec<Pos2> = (0..60)
        .map(|i| a + vec2(i as f32 * 4.0, if i % 2 == 0 { 1.5 } else { -1.0 }))
        .collect();
    drag_path(&mut h, &path, Modifiers::NONE);
    let strokes = of_kind(&h, Kind::Stroke);
    assert_eq!(strokes.len(), 1);
    let Some(Element::Stroke(s)) = strokes.first() else {
        panic!("no stroke");
    };
    assert!(
        s.points.len() < 60,
        "{} points kept of 240 moves",
        s.points.len()
    );
    assert!(!s.highlighter);
    // The pen stays in hand: a second line is one more stroke.
    drag_path(
        &mut h,
        &[a + vec2(0.0, 80.0), a + vec2(200.0, 120.0)],
        Modifiers::NONE,
    );
    assert_eq!(of_kind(&h, Kind::Stroke).len(), 2);
    // The eraser takes what it crosses (the first line only), in one step.
    key(&mut h, Key::E);
    drag_path(
        &mut h,
        &[a + vec2(100.0, -40.0), a + vec2(100.0, 40.0)],
        Modifiers::NONE,
    );
    assert_eq!(of_kind(&h, Kind::Stroke).len(), 1);
    undo(&mut h);
    assert_eq!(of_kind(&h, Kind::Stroke).len(), 2);
    redo(&mut h);
    undo_all(&mut h, 3, &start);
}

#[test]
fn every_shape_is_drawn_and_takes_swedish_text() {
    let (mut h, _) = empty();
    let start = h.state().doc().clone();
    let names = [
        "Rektangel",
        "Rundad rektangel",
        "Ellips",
        "Romb",
        "Moln",
        "Pratbubbla",
        "Banderoll",
        "Blockpil",
    ];
    let origin = screen(&h, Point::new(60.0, 160.0));
    for (i, name) in names.iter().enumerate() {
        key(&mut h, Key::Escape);
        h.get_by_label("Form").click();
        h.run();
        h.get_by_label(name).click();
        h.run();
        let a = origin + vec2((i % 4) as f32 * 150.0, (i / 4) as f32 * 130.0);
        drag(&mut h, a, a + vec2(120.0, 90.0));
        type_text(&mut h, &format!("Vård nära – {i} åäö"));
        key(&mut h, Key::Escape);
    }
    let shapes: Vec<Shape> = of_kind(&h, Kind::Shape)
        .into_iter()
        .filter_map(|e| match e {
            Element::Shape(s) => Some(s),
            _ => None,
        })
        .collect();
    assert_eq!(shapes.len(), 8);
    for (i, (s, o)) in shapes.iter().zip(Outline::ALL).enumerate() {
        assert_eq!(s.outline, o);
        assert_eq!(s.text, format!("Vård nära – {i} åäö"));
        assert!(s.rect.w > 100.0 && s.rect.h > 60.0, "{:?}", s.rect);
    }
    // A click with the tool places one of the usual size; left empty it stays.
    key(&mut h, Key::R);
    click_at(&mut h, origin + vec2(300.0, 320.0), Modifiers::NONE);
    key(&mut h, Key::Escape);
    assert_eq!(of_kind(&h, Kind::Shape).len(), 9);
    undo_all(&mut h, 9, &start);
}

#[test]
fn free_text_is_written_where_clicked() {
    let (mut h, _) = empty();
    let start = h.state().doc().clone();
    key(&mut h, Key::T);
    let at = screen(&h, Point::new(900.0, 300.0));
    click_at(&mut h, at, Modifiers::NONE);
    type_text(&mut h, "Målbild 2030");
    key(&mut h, Key::Escape);
    let texts = of_kind(&h, Kind::Text);
    assert_eq!(texts.len(), 1);
    assert_eq!(texts[0].text(), Some("Målbild 2030"));
    let r = texts[0].rect().unwrap_or_default();
    assert!((r.x - 900.0).abs() < 1.0, "{r:?}");
    // The tool was used once: back to selecting. Text left empty leaves nothing.
    key(&mut h, Key::T);
    let p = screen(&h, Point::new(900.0, 600.0));
    click_at(&mut h, p, Modifiers::NONE);
    key(&mut h, Key::Escape);
    assert_eq!(of_kind(&h, Kind::Text).len(), 1);
    undo_all(&mut h, 1, &start);
}

#[test]
fn group_move_the_group_and_ungroup() {
    let rects = [
        Rect::new(60.0, 160.0, 200.0, 120.0),
        Rect::new(300.0, 160.0, 200.0, 120.0),
        Rect::new(60.0, 400.0, 200.0, 120.0),
    ];
    let (mut h, _) = harness(cards_at(&rects));
    h.state_mut().view.snap = false;
    let start = h.state().doc().clone();
    let [a, b, c] = [ElementId(1), ElementId(2), ElementId(3)];
    let p = center_of(&h, a);
    click_at(&mut h, p, Modifiers::NONE);
    let p = center_of(&h, b);
    click_at(&mut h, p, Modifiers::SHIFT);
    key_mod(&mut h, Modifiers::COMMAND, Key::G);
    let g = |h: &Harness<'_, App>, id| h.state().doc().elements.get(id).and_then(Element::group);
    assert!(g(&h, a).is_some() && g(&h, a) == g(&h, b));
    assert!(g(&h, c).is_none());
    // A click on one member takes the group; a drag moves both.
    let p = center_of(&h, c);
    click_at(&mut h, p, Modifiers::NONE);
    let p = center_of(&h, b);
    click_at(&mut h, p, Modifiers::NONE);
    assert_eq!(h.state().view.selection.len(), 2);
    let zoom = h.state().view.camera.zoom;
    let from = center_of(&h, a);
    drag(&mut h, from, from + vec2(0.0, 50.0));
    for (id, r) in [(a, rects[0]), (b, rects[1])] {
        assert!((rect_of(&h, id).y - r.y - 50.0 / zoom).abs() < 0.01);
    }
    assert_eq!(rect_of(&h, c), rects[2]);
    // A double-click goes into the group: one member alone.
    let p = center_of(&h, b);
    double_click_at(&mut h, p);
    key(&mut h, Key::Escape);
    let p = center_of(&h, b);
    click_at(&mut h, p, Modifiers::NONE);
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::G);
    assert!(g(&h, a).is_none() && g(&h, b).is_none());
    undo_all(&mut h, 3, &start);
}

#[test]
fn align_and_distribute_three_from_the_panel() {
    let (mut h, _) = harness(cards_at(&[
        Rect::new(60.0, 160.0, 200.0, 120.0),
        Rect::new(330.0, 230.0, 200.0, 100.0),
        Rect::new(700.0, 300.0, 150.0, 140.0),
    ]));
    let start = h.state().doc().clone();
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    h.get_by_label("Överkanter").click();
    h.run();
    let tops: Vec<f32> = (1..=3).map(|i| rect_of(&h, ElementId(i)).y).collect();
    assert_eq!(tops, [160.0, 160.0, 160.0]);
    h.get_by_label("Fördela vågrätt").click();
    h.run();
    let r: Vec<Rect> = (1..=3).map(|i| rect_of(&h, ElementId(i))).collect();
    let gaps = (r[1].x - r[0].right(), r[2].x - r[1].right());
    assert!((gaps.0 - gaps.1).abs() < 0.01, "{gaps:?}");
    undo_all(&mut h, 2, &start);
}

#[test]
fn a_dragged_card_snaps_to_another_and_shows_the_guide() {
    let (mut h, _) = harness(cards_at(&[
        Rect::new(60.0, 160.0, 200.0, 120.0),
        Rect::new(400.0, 420.0, 200.0, 120.0),
    ]));
    let zoom = h.state().view.camera.zoom;
    // Drag the second so that its left edge ends 3 points right of the first's.
    let from = center_of(&h, ElementId(2));
    let to = from + vec2(-337.0 * zoom, 0.0);
    press_at(&mut h, from);
    move_along(&mut h, from, to, 1..=8);
    assert!(
        h.state()
            .view
            .guides()
            .iter()
            .any(|(p, q)| p.x == 60.0 && q.x == 60.0),
        "{:?}",
        h.state().view.guides()
    );
    release_at(&mut h, to);
    assert_eq!(rect_of(&h, ElementId(2)).x, 60.0);
    assert!(h.state().view.guides().is_empty(), "gone when dropped");
    // With Alt held it goes exactly where it is dropped.
    undo(&mut h);
    drag_with(&mut h, PointerButton::Primary, from, to, Modifiers::ALT);
    assert!((rect_of(&h, ElementId(2)).x - 63.0).abs() < 0.5);
}

#[test]
fn a_shape_turns_by_its_handle_in_steps_with_shift() {
    let mut doc = Document::new();
    doc.elements.push(Element::Shape(Shape::new(
        ElementId(1),
        Rect::new(300.0, 300.0, 240.0, 140.0),
        Outline::Diamond,
    )));
    let (mut h, _) = harness(doc);
    let start = h.state().doc().clone();
    let c = center_of(&h, ElementId(1));
    click_at(&mut h, c, Modifiers::NONE);
    // The handle above the top middle; drag it round a quarter to the right, a little short:
    // Shift makes it a whole 90°.
    let r = rect_of(&h, ElementId(1));
    let knob = screen(&h, Point::new(r.center().x, r.y)) - vec2(0.0, 30.0);
    let radius = c.y - knob.y;
    let to = pos2(c.x + radius, c.y - 6.0);
    drag_with(&mut h, PointerButton::Primary, knob, to, Modifiers::SHIFT);
    let turned = match h.state().doc().elements.get(ElementId(1)) {
        Some(Element::Shape(s)) => s.rotation,
        _ => f32::NAN,
    };
    assert!((turned - 90.0).abs() < 0.01, "{turned}");
    // Its box on the canvas is now tall.
    let b = h
        .state()
        .doc()
        .elements
        .get(ElementId(1))
        .map(|e| h.state().doc().bounds_of(e))
        .unwrap_or_default();
    assert!(b.h > b.w, "{b:?}");
    undo_all(&mut h, 1, &start);
}

#[test]
fn order_and_locks_from_the_keyboard() {
    let r = Rect::new(100.0, 200.0, 200.0, 120.0);
    let (mut h, _) = harness(cards_at(&[
        r,
        r.translated(40.0, 30.0),
        r.translated(80.0, 60.0),
    ]));
    let start = h.state().doc().clone();
    let order = |h: &Harness<'_, App>| -> Vec<u64> {
        h.state().doc().elements.iter().map(|e| e.id().0).collect()
    };
    // The bottom card, picked with Tab, to the front and back again one step.
    h.state_mut().view.select_only(ElementId(1));
    key_mod(
        &mut h,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::CloseBracket,
    );
    assert_eq!(order(&h), [2, 3, 1]);
    key_mod(&mut h, Modifiers::COMMAND, Key::OpenBracket);
    assert_eq!(order(&h), [2, 1, 3]);
    // Locked, it neither moves nor is caught by a rubber band.
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    assert!(
        h.state()
            .doc()
            .elements
            .get(ElementId(1))
            .is_some_and(Element::locked)
    );
    let before = rect_of(&h, ElementId(1));
    let from = screen(&h, Point::new(110.0, 210.0));
    drag(&mut h, from, from + vec2(60.0, 60.0));
    assert_eq!(rect_of(&h, ElementId(1)), before);
    key(&mut h, Key::Escape);
    let a = screen(&h, Point::new(50.0, 150.0));
    let b = screen(&h, Point::new(600.0, 600.0));
    drag(&mut h, a, b);
    let sel = &h.state().view.selection;
    assert!(sel.contains(&ElementId(2)) && !sel.contains(&ElementId(1)));
    // Delete leaves it (unlock first).
    h.state_mut().view.select_only(ElementId(1));
    key(&mut h, Key::Delete);
    assert!(h.state().doc().elements.contains(ElementId(1)));
    // The screen reader hears that it is locked.
    h.state_mut().view.select_only(ElementId(1));
    h.run();
    assert!(h.query_by_label_contains("(låst)").is_some());
    undo_all(&mut h, 3, &start);
}

#[test]
fn two_cards_and_their_arrow_are_pasted_into_another_window() {
    use malbild::model::{Arrow, ArrowEnd};
    let mut doc = cards_at(&[
        Rect::new(60.0, 160.0, 200.0, 120.0),
        Rect::new(400.0, 160.0, 200.0, 120.0),
        Rect::new(60.0, 500.0, 200.0, 120.0),
    ]);
    let c = Point::new(0.5, 0.5);
    doc.elements.push(Element::Arrow(Arrow::new(
        ElementId(9),
        ArrowEnd::bound(Point::default(), ElementId(1), c),
        ArrowEnd::bound(Point::default(), ElementId(2), c),
    )));
    let desktop = malbild::ui::desktop::ScriptedDesktop::default();
    let first = App::new(doc, None, Box::new(desktop.clone()));
    let mut a = harness_with(first);
    let p = center_of(&a, ElementId(1));
    click_at(&mut a, p, Modifiers::NONE);
    let p = center_of(&a, ElementId(2));
    click_at(&mut a, p, Modifiers::SHIFT);
    let arrow_mid = screen(&a, Point::new(330.0, 220.0));
    click_at(&mut a, arrow_mid, Modifiers::SHIFT);
    assert_eq!(a.state().view.selection.len(), 3);
    key_mod(&mut a, Modifiers::COMMAND, Key::C);
    // Other programs get the texts; Målbild gets the elements.
    assert_eq!(desktop.clipboard().as_deref(), Some("Kort 1\n\nKort 2"));
    assert!(
        desktop
            .clipboard_html_text()
            .is_some_and(|h| h.contains("malbild/clipboard"))
    );

    // A second window, another document.
    let second = App::new(Document::new(), None, Box::new(desktop.clone()));
    let mut b = harness_with(second);
    let start = b.state().doc().clone();
    let spot = screen(&b, Point::new(1200.0, 400.0));
    b.hover_at(spot);
    b.run();
    key_mod(&mut b, Modifiers::COMMAND, Key::V);
    let doc = b.state().doc().clone();
    let cards: Vec<&Card> = doc.elements.iter().filter_map(Element::as_card).collect();
    assert_eq!(cards.len(), 2);
    assert!(
        cards
            .iter()
            .all(|c| c.id != ElementId(1) && c.id != ElementId(2)),
        "fresh ids"
    );
    let arrows: Vec<&Arrow> = doc.elements.iter().filter_map(Element::as_arrow).collect();
    assert_eq!(arrows.len(), 1);
    let bound: Vec<ElementId> = [arrows[0].start.bind, arrows[0].end.bind]
        .iter()
        .flatten()
        .map(|b| b.element)
        .collect();
    assert_eq!(bound, [cards[0].id, cards[1].id], "bound to the copies");
    // Kept apart as they were, around the pointer.
    assert_eq!(cards[1].rect.x - cards[0].rect.x, 340.0);
    let mid = cards[0].rect.union(&cards[1].rect).center();
    assert!((mid.x - 1200.0).abs() < 2.0, "{mid:?}");
    undo_all(&mut b, 1, &start);
    // Plain text of five lines from a chat: five cards, one step.
    desktop
        .set_clipboard("Fler hembesök\nDigitala möten\n\nTrygg hemgång\nEn väg in\nMobila team\n");
    key_mod(&mut b, Modifiers::COMMAND, Key::V);
    let texts: Vec<String> = b
        .state()
        .doc()
        .elements
        .iter()
        .filter_map(Element::as_card)
        .map(|c| c.text.clone())
        .collect();
    assert_eq!(
        texts,
        [
            "Fler hembesök",
            "Digitala möten",
            "Trygg hemgång",
            "En väg in",
            "Mobila team"
        ]
    );
    undo_all(&mut b, 1, &start);
    // Damaged copied elements: a message, nothing pasted.
    desktop.set_clipboard(
        "{\"type\":\"malbild/clipboard\",\"version\":4,\"elements\":[{\"type\":\"kort\"}]}",
    );
    key_mod(&mut b, Modifiers::COMMAND, Key::V);
    assert_eq!(b.state().doc(), &start);
    assert!(
        b.state()
            .notice()
            .is_some_and(|n| n.contains("går inte att klistra in")),
        "{:?}",
        b.state().notice()
    );
}

#[test]
fn r_again_walks_the_outlines_and_escape_puts_the_tool_down() {
    use malbild::ui::canvas::Tool;
    let (mut h, _) = empty();
    key(&mut h, Key::R);
    assert_eq!(h.state().view.tool, Tool::Shape(Outline::Rectangle));
    key(&mut h, Key::R);
    key(&mut h, Key::R);
    assert_eq!(h.state().view.tool, Tool::Shape(Outline::Ellipse));
    // A drag draws an ellipse, and the next R starts from it.
    let a = screen(&h, Point::new(200.0, 300.0));
    drag(&mut h, a, a + vec2(100.0, 60.0));
    key(&mut h, Key::Escape);
    assert!(matches!(
        of_kind(&h, Kind::Shape).first(),
        Some(Element::Shape(s)) if s.outline == Outline::Ellipse
    ));
    assert_eq!(h.state().view.tool, Tool::Select);
    key(&mut h, Key::R);
    assert_eq!(h.state().view.tool, Tool::Shape(Outline::Ellipse));
    key(&mut h, Key::Escape);
    assert_eq!(h.state().view.tool, Tool::Select);
}

#[test]
fn copy_and_paste_in_one_window_works_where_the_clipboard_keeps_only_text() {
    let (mut h, desktop) = harness(cards_at(&[
        Rect::new(60.0, 160.0, 200.0, 120.0),
        Rect::new(400.0, 160.0, 200.0, 120.0),
    ]));
    let start_cards = 2;
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    key_mod(&mut h, Modifiers::COMMAND, Key::C);
    // A clipboard that drops the HTML and keeps the text, as some do.
    let text = desktop.clipboard().unwrap_or_default();
    desktop.set_clipboard(&text);
    assert!(desktop.clipboard_html_text().is_none());
    let spot = screen(&h, Point::new(1200.0, 500.0));
    h.hover_at(spot);
    h.run();
    key_mod(&mut h, Modifiers::COMMAND, Key::V);
    let cards: Vec<Card> = h
        .state()
        .doc()
        .elements
        .iter()
        .filter_map(Element::as_card)
        .cloned()
        .collect();
    assert_eq!(
        cards.len(),
        start_cards * 2,
        "the cards, not one card of their text"
    );
    assert_eq!(cards[2].text, "Kort 1");
    assert_eq!(
        cards[3].rect.x - cards[2].rect.x,
        340.0,
        "kept apart as they were"
    );
}

#[test]
fn a_key_in_the_middle_of_a_drag_waits_for_the_drag() {
    let (mut h, _) = harness(cards_at(&[Rect::new(60.0, 160.0, 200.0, 120.0)]));
    h.state_mut().view.snap = false;
    let from = center_of(&h, ElementId(1));
    let to = from + vec2(80.0, 0.0);
    press_at(&mut h, from);
    move_along(&mut h, from, to, 1..=4);
    // Ctrl+Shift+L now would be overwritten by the drag's next step: it waits for the drag.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    h.step();
    move_along(&mut h, from, to, 5..=8);
    release_at(&mut h, to);
    let e = h.state().doc().elements.get(ElementId(1)).cloned();
    assert!(
        e.as_ref().is_some_and(Element::locked),
        "locked once the drag was over"
    );
    let zoom = h.state().view.camera.zoom;
    assert!(
        (rect_of(&h, ElementId(1)).x - 60.0 - 80.0 / zoom).abs() < 0.01,
        "and moved"
    );
    assert_eq!(
        h.state().editor.history().undo_len(),
        2,
        "the move, then the lock"
    );
}

#[test]
fn a_panel_click_on_a_new_empty_card_leaves_no_card() {
    let (mut h, _) = empty();
    let start = h.state().doc().clone();
    let spot = empty_spot(&h, malbild::model::PhaseId::Overgang);
    double_click_at(&mut h, spot);
    assert!(h.state().view.editing.is_some());
    // Without typing, a colour in the panel: the empty card goes first, nothing is changed.
    let red = h.get_all_by_label("Röd").next().map(|n| n.rect().center());
    let red = red.unwrap_or_else(|| panic!("a palette"));
    click_at(&mut h, red, Modifiers::NONE);
    assert_eq!(h.state().doc(), &start);
    assert!(!h.state().editor.history().can_undo());
    // Tab on an empty new card finishes, rather than walking on.
    double_click_at(&mut h, spot);
    key(&mut h, Key::Tab);
    assert_eq!(h.state().doc(), &start);
    assert!(h.state().view.editing.is_none());
}

#[test]
fn several_selected_resize_together_by_the_box_around_them() {
    let (mut h, _) = harness(cards_at(&[
        Rect::new(60.0, 160.0, 200.0, 120.0),
        Rect::new(360.0, 240.0, 200.0, 120.0),
    ]));
    let start = h.state().doc().clone();
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    // The box around both: 60,160 to 560,360. Its bottom-right handle, pulled to 810,460
    // (half as large again).
    let corner = screen(&h, Point::new(560.0, 360.0));
    let to = screen(&h, Point::new(810.0, 460.0));
    drag_with(&mut h, PointerButton::Primary, corner, to, Modifiers::ALT);
    let r1 = rect_of(&h, ElementId(1));
    let r2 = rect_of(&h, ElementId(2));
    let near = |a: f32, b: f32| (a - b).abs() < 0.6;
    assert!(near(r1.x, 60.0) && near(r1.y, 160.0), "{r1:?}");
    assert!(near(r1.w, 300.0) && near(r1.h, 180.0), "{r1:?}");
    assert!(near(r2.x, 510.0) && near(r2.y, 280.0), "{r2:?}");
    undo_all(&mut h, 1, &start);
}
