//! The window: eframe app, canvas, panels and dialogs. Changes the document only through
//! commands (see [`crate::edit`]).

pub mod actions;
mod app;
pub mod camera;
pub mod canvas;
pub mod desktop;
mod dialog;
pub mod export_dialog;
pub mod filter;
pub mod library;
pub mod palette;
mod panels;
pub mod pictures;
pub mod present;
pub mod timer;
pub mod widgets;

pub use app::App;

use egui::{Color32, CornerRadius, FontFamily, FontId, TextStyle, Visuals, vec2};

/// The themes of the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Black text on white, strong edges, a thick focus ring (at least 7 : 1 everywhere).
    HighContrast,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::HighContrast];

    /// Its name in the settings file.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::HighContrast => "high-contrast",
        }
    }

    pub fn from_key(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == s)
    }

    pub fn is_dark(self) -> bool {
        self == Theme::Dark
    }
}

/// The look of the app: Inter, generous spacing, light, dark or high contrast.
pub fn style(ctx: &egui::Context, theme: Theme) {
    let dark = theme.is_dark();
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    let mut visuals = if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    let accent = widgets::ACCENT;
    visuals.selection.bg_fill = accent.gamma_multiply(if dark { 0.6 } else { 0.25 });
    visuals.selection.stroke.color = if dark {
        Color32::WHITE
    } else {
        Color32::from_rgb(0x1a, 0x3f, 0xa8)
    };
    // Every text at least 4.5 : 1 against what it stands on (WCAG AA; see the test below):
    // egui's own weak text is about 2.8 : 1.
    if dark {
        visuals.hyperlink_color = Color32::from_rgb(0x8a, 0xb4, 0xff);
        visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(210);
        visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(225);
        visuals.weak_text_color = Some(Color32::from_gray(170));
    } else {
        visuals.hyperlink_color = Color32::from_rgb(0x1a, 0x4f, 0xd0);
        visuals.panel_fill = Color32::from_rgb(0xf7, 0xf8, 0xfa);
        visuals.window_fill = Color32::WHITE;
        visuals.widgets.noninteractive.fg_stroke.color = Color32::from_rgb(0x2b, 0x30, 0x37);
        visuals.widgets.inactive.fg_stroke.color = Color32::from_rgb(0x1f, 0x23, 0x28);
        visuals.weak_text_color = Some(Color32::from_rgb(0x58, 0x5f, 0x6a));
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
    if theme == Theme::HighContrast {
        high_contrast(&mut visuals);
    }
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

/// Black on white with black edges on every control, and a thick dark-blue focus and
/// selection: nothing depends on a faint shade.
fn high_contrast(v: &mut Visuals) {
    let ink = Color32::BLACK;
    let blue = Color32::from_rgb(0x00, 0x2d, 0x9c);
    v.panel_fill = Color32::WHITE;
    v.window_fill = Color32::WHITE;
    v.extreme_bg_color = Color32::WHITE;
    v.faint_bg_color = Color32::from_gray(235);
    v.weak_text_color = Some(Color32::from_gray(40));
    v.hyperlink_color = blue;
    v.window_stroke = egui::Stroke::new(2.0, ink);
    v.selection.bg_fill = Color32::from_rgb(0xc8, 0xd8, 0xff);
    v.selection.stroke = egui::Stroke::new(2.5, blue);
    let w = &mut v.widgets;
    w.noninteractive.fg_stroke = egui::Stroke::new(1.5, ink);
    w.noninteractive.bg_stroke = egui::Stroke::new(1.5, ink);
    for (state, bg) in [
        (&mut w.inactive, Color32::WHITE),
        (&mut w.hovered, Color32::from_rgb(0xe6, 0xee, 0xff)),
        (&mut w.active, Color32::from_rgb(0xc8, 0xd8, 0xff)),
        (&mut w.open, Color32::from_rgb(0xe6, 0xee, 0xff)),
    ] {
        state.fg_stroke = egui::Stroke::new(2.0, ink);
        state.bg_stroke = egui::Stroke::new(2.0, ink);
        state.bg_fill = bg;
        state.weak_bg_fill = bg;
    }
    w.hovered.bg_stroke = egui::Stroke::new(3.0, blue);
    w.active.bg_stroke = egui::Stroke::new(3.0, blue);
}

/// The pairs of text colour and the colour behind it that the app's theme shows, each with a
/// name, after `style` has been applied.
pub fn text_colour_pairs(visuals: &Visuals) -> Vec<(&'static str, Color32, Color32)> {
    let w = &visuals.widgets;
    let mut pairs = Vec::new();
    for (name, bg) in [
        ("panel", visuals.panel_fill),
        ("window", visuals.window_fill),
        ("field", visuals.extreme_bg_color),
        ("stripe", visuals.faint_bg_color),
    ] {
        pairs.push((name, visuals.text_color(), bg));
        pairs.push((name, visuals.weak_text_color(), bg));
    }
    pairs.push(("link", visuals.hyperlink_color, visuals.panel_fill));
    pairs.push(("link", visuals.hyperlink_color, visuals.window_fill));
    for (name, state) in [
        ("button", &w.inactive),
        ("hovered-button", &w.hovered),
        ("pressed-button", &w.active),
        ("open-menu", &w.open),
    ] {
        pairs.push((name, state.fg_stroke.color, state.weak_bg_fill));
        pairs.push((name, state.fg_stroke.color, state.bg_fill));
    }
    pairs.push((
        "selected",
        visuals.selection.stroke.color,
        visuals.selection.bg_fill,
    ));
    pairs
}

/// `fg` over `bg` (both possibly translucent) over the panel, as opaque colours.
fn flatten(c: Color32, under: Color32) -> crate::model::Rgba {
    let a = c.a() as f32 / 255.0;
    let unmul = |v: u8| (v as f32 / a.max(1e-6)).min(255.0);
    let mix = |x: u8, y: u8| {
        if a <= 0.0 {
            y
        } else {
            (unmul(x) * a + y as f32 * (1.0 - a))
                .round()
                .clamp(0.0, 255.0) as u8
        }
    };
    crate::model::Rgba::rgb(
        mix(c.r(), under.r()),
        mix(c.g(), under.g()),
        mix(c.b(), under.b()),
    )
}

/// The contrast of text `fg` on `bg`, both drawn over `base`.
pub fn contrast_over(fg: Color32, bg: Color32, base: Color32) -> f32 {
    let bg = flatten(bg, base);
    let bg32 = Color32::from_rgb(bg.r, bg.g, bg.b);
    flatten(fg, bg32).contrast(&bg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_at_aa_in_every_theme_and_at_aaa_in_high_contrast() {
        for theme in Theme::ALL {
            let ctx = egui::Context::default();
            style(&ctx, theme);
            let visuals = ctx.global_style().visuals.clone();
            assert_eq!(visuals.dark_mode, theme.is_dark());
            let least = if theme == Theme::HighContrast {
                7.0
            } else {
                4.5
            };
            for (name, fg, bg) in text_colour_pairs(&visuals) {
                let ratio = contrast_over(fg, bg, visuals.panel_fill);
                assert!(
                    ratio >= least,
                    "{theme:?}, {name}: {fg:?} on {bg:?} is {ratio:.2} : 1"
                );
            }
            // The edges of controls and the focus show against the panel (WCAG 1.4.11).
            let edge = visuals.widgets.inactive.bg_stroke.color;
            let focus = visuals.selection.stroke.color;
            if theme == Theme::HighContrast {
                assert!(contrast_over(edge, visuals.panel_fill, visuals.panel_fill) >= 7.0);
            }
            assert!(
                contrast_over(focus, visuals.panel_fill, visuals.panel_fill) >= 3.0,
                "{theme:?}: the focus ring"
            );
        }
    }
}
