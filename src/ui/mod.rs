//! The window: eframe app, canvas, panels and dialogs. Changes the document only through
//! commands (see [`crate::edit`]).

pub mod actions;
mod app;
pub mod camera;
pub mod canvas;
pub mod desktop;
mod dialog;
pub mod export_dialog;
mod panels;

pub use app::App;

use egui::{Color32, CornerRadius, FontFamily, FontId, TextStyle, Visuals, vec2};

/// The look of the app: Inter, generous spacing, light or dark.
pub fn style(ctx: &egui::Context, dark: bool) {
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    let mut visuals = if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    let accent = canvas::ACCENT;
    visuals.selection.bg_fill = accent.gamma_multiply(if dark { 0.6 } else { 0.25 });
    visuals.selection.stroke.color = if dark { Color32::WHITE } else { accent };
    visuals.hyperlink_color = accent;
    if !dark {
        visuals.panel_fill = Color32::from_rgb(0xf7, 0xf8, 0xfa);
        visuals.window_fill = Color32::WHITE;
    }
    for w in [
        &mut visuals.widgets.noninteractive,
        &mut visuals.widgets.inactive,
        &mut visuals.widgets.hovered,
        &mut visuals.widgets.active,
        &mut visuals.widgets.open,
    ] {
        w.corner_radius = CornerRadius::same(6);
    }
    visuals.window_corner_radius = CornerRadius::same(10);
    ctx.set_visuals_of(
        if dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        },
        visuals,
    );
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(20.0, crate::scene::fonts::semibold()),
            ),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = vec2(8.0, 6.0);
        style.spacing.button_padding = vec2(10.0, 5.0);
        style.spacing.interact_size.y = 26.0;
        style.spacing.menu_margin = egui::Margin::same(8);
    });
    // After the visuals: it sets how text is drawn in every theme.
    crate::scene::fonts::install(ctx);
}
