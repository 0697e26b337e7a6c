//! Dialogs in front of the canvas that fit any window: a heading, a body that scrolls when it
//! is taller than the window, and a row of buttons that always shows. They close with Esc (and
//! a click beside them); the caller decides what Enter confirms.

use egui::{Context, Key, Modifiers, Ui};

/// Room taken by a dialog's heading and buttons, and kept free below it, in points.
const CHROME: f32 = 130.0;

/// What a dialog's frame reports.
pub struct Shown<R> {
    /// What the buttons closure returned.
    pub buttons: R,
    /// Esc was pressed or the backdrop clicked.
    pub dismissed: bool,
}

/// Shows a dialog `width` points wide (less on a narrow window).
pub fn show<R>(
    ctx: &Context,
    id: &str,
    width: f32,
    heading: &str,
    body: impl FnOnce(&mut Ui),
    buttons: impl FnOnce(&mut Ui) -> R,
) -> Shown<R> {
    let screen = ctx.content_rect();
    let width = width.min(screen.width() - 48.0).max(160.0);
    // Placed from the top rather than centred: a centred dialog whose body scrolls would
    // settle its height over several frames, and its buttons would slide.
    let top = (screen.height() * 0.08).clamp(16.0, 96.0);
    let body_height = (screen.height() - top - CHROME).max(60.0);
    let id = egui::Id::unique(id);
    let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, top));
    let response = egui::Modal::new(id).area(area).show(ctx, |ui| {
        ui.set_width(width);
        ui.heading(heading);
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(body_height)
            .auto_shrink([false, true])
            .show(ui, body);
        ui.add_space(12.0);
        ui.horizontal(buttons).inner
    });
    let dismissed = response.should_close();
    Shown {
        buttons: response.inner,
        dismissed,
    }
}

/// Whether Enter was pressed (and takes it) for the dialog's default button: only when no
/// widget has the keyboard (Enter on a focused button or field is that widget's).
pub fn enter_pressed(ctx: &Context) -> bool {
    ctx.memory(|m| m.focused()).is_none()
        && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
}

/// A one-line field that has the keyboard when its dialog opens (until the user has typed or
/// moved focus elsewhere), named by `label`; returns whether Enter was pressed in it. A
/// single-line field gives up focus on Enter while it is drawn, so whether Enter submits is
/// decided from the focus it had before.
pub fn focused_field(
    ui: &mut Ui,
    label: &str,
    id: &str,
    text: &mut String,
    initial: &str,
    char_limit: usize,
) -> bool {
    let label = ui.label(label);
    let field_id = ui.make_persistent_id(id);
    let had_focus = ui.memory(|m| m.has_focus(field_id));
    let enter = had_focus && ui.input(|i| i.key_pressed(Key::Enter));
    let field = ui
        .add(
            egui::TextEdit::singleline(text)
                .id(field_id)
                .char_limit(char_limit)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if !had_focus && !enter && text == initial && !ui.ctx().egui_wants_keyboard_input() {
        field.request_focus();
    }
    enter
}
