//! What the UI test files share: a harness around the real app, and the pointer and keyboard
//! of a user.
#![allow(dead_code)]

use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use malbild::model::{Document, Element, ElementId, PhaseId, Point, Rect};
use malbild::ui::App;
use malbild::ui::desktop::ScriptedDesktop;
use std::path::PathBuf;

pub fn harness_with(app: App) -> Harness<'static, App> {
    harness_sized(app, vec2(1400.0, 860.0))
}

/// The app in a window of `size` (1280 × 720 is a projector).
pub fn harness_sized(app: App, size: egui::Vec2) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(600)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run();
    h
}

pub fn harness(doc: Document) -> (Harness<'static, App>, ScriptedDesktop) {
    let desktop = ScriptedDesktop::default();
    let app = App::new(doc, None, Box::new(desktop.clone()));
    (harness_with(app), desktop)
}

pub fn empty() -> (Harness<'static, App>, ScriptedDesktop) {
    harness(Document::new())
}

/// Screen position of a world point.
pub fn screen(h: &Harness<'_, App>, p: Point) -> Pos2 {
    let v = &h.state().view;
    v.camera.transform(v.rect).to_screen(p)
}

pub fn card_rect(h: &Harness<'_, App>, id: ElementId) -> Rect {
    h.state()
        .doc()
        .card(id)
        .map(|c| c.rect)
        .unwrap_or(Rect::new(f32::NAN, f32::NAN, 0.0, 0.0))
}

pub fn card_center(h: &Harness<'_, App>, id: ElementId) -> Pos2 {
    screen(h, card_rect(h, id).center())
}

pub fn first_card(h: &Harness<'_, App>) -> Option<malbild::model::Card> {
    h.state()
        .doc()
        .elements
        .iter()
        .find_map(Element::as_card)
        .cloned()
}

pub fn ids(h: &Harness<'_, App>) -> Vec<ElementId> {
    h.state().doc().elements.iter().map(Element::id).collect()
}

pub fn press(h: &Harness<'_, App>, pos: Pos2, pressed: bool, modifiers: Modifiers) {
    h.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers,
    });
}

pub fn click_at(h: &mut Harness<'_, App>, pos: Pos2, modifiers: Modifiers) {
    h.run_steps(20);
    h.event(Event::ModifiersChanged(modifiers));
    h.hover_at(pos);
    press(h, pos, true, modifiers);
    press(h, pos, false, modifiers);
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

pub fn double_click_at(h: &mut Harness<'_, App>, pos: Pos2) {
    // A moment after whatever came before, as for a person.
    h.run_steps(20);
    h.hover_at(pos);
    for _ in 0..2 {
        press(h, pos, true, Modifiers::NONE);
        press(h, pos, false, Modifiers::NONE);
    }
    h.run();
}

/// Drags with a button from `from` to `to` in small steps, as a hand would.
pub fn drag_with(
    h: &mut Harness<'_, App>,
    button: PointerButton,
    from: Pos2,
    to: Pos2,
    modifiers: Modifiers,
) {
    h.event(Event::ModifiersChanged(modifiers));
    h.hover_at(from);
    h.event(Event::PointerButton {
        pos: from,
        button,
        pressed: true,
        modifiers,
    });
    h.step();
    for i in 1..=8 {
        let t = i as f32 / 8.0;
        h.hover_at(from + (to - from) * t);
        h.step();
    }
    h.event(Event::PointerButton {
        pos: to,
        button,
        pressed: false,
        modifiers,
    });
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

pub fn drag(h: &mut Harness<'_, App>, from: Pos2, to: Pos2) {
    drag_with(h, PointerButton::Primary, from, to, Modifiers::NONE);
}

pub fn type_text(h: &mut Harness<'_, App>, text: &str) {
    h.event(Event::Text(text.to_owned()));
    h.run();
}

/// Lets a save started by the last action finish (it is written on its own thread), as
/// the window does while it waits.
pub fn finish_saving(h: &mut Harness<'_, App>) {
    let start = std::time::Instant::now();
    while h.state().is_saving() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(2));
        h.step();
    }
    h.run();
}

pub fn key(h: &mut Harness<'_, App>, k: Key) {
    h.key_press(k);
    h.run();
}

pub fn key_mod(h: &mut Harness<'_, App>, m: Modifiers, k: Key) {
    h.key_press_modifiers(m, k);
    h.run();
}

pub fn undo(h: &mut Harness<'_, App>) {
    key_mod(h, Modifiers::COMMAND, Key::Z);
}

pub fn redo(h: &mut Harness<'_, App>) {
    key_mod(h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
}

/// An empty spot on the board of the given phase, below the header.
pub fn empty_spot(h: &Harness<'_, App>, phase: PhaseId) -> Pos2 {
    let r = h.state().doc().phase_rect(phase);
    screen(h, Point::new(r.x + r.w / 2.0, r.y + 260.0))
}

pub fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("malbild-ui-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    let _ = std::fs::create_dir_all(&d);
    d
}

pub fn sent(h: &Harness<'_, App>, cmd: &egui::ViewportCommand) -> bool {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(cmd))
}

pub fn request_close(h: &mut Harness<'_, App>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
}

/// Runs frames until the export under way has ended (a few seconds at most).
pub fn finish_export(h: &mut Harness<'_, App>) {
    for _ in 0..400 {
        h.step();
        if !h.state().export.is_running() && h.state().export.outcome.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
}
