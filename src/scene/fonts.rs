//! The fonts the app and its exports use: Inter (SIL Open Font License, see
//! `assets/fonts/README.md`), with egui's built-in fonts behind it for symbols.

use egui::{FontData, FontDefinitions, FontFamily, FontId};
use std::sync::Arc;

use crate::assets::{INTER_REGULAR, INTER_SEMIBOLD};

/// The family of titles and headings.
pub fn semibold() -> FontFamily {
    FontFamily::Name("semibold".into())
}

/// Inter for all text, with egui's defaults as fallbacks (symbols, emoji).
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    defs.font_data.insert(
        "inter".into(),
        Arc::new(FontData::from_static(INTER_REGULAR)),
    );
    defs.font_data.insert(
        "inter-semibold".into(),
        Arc::new(FontData::from_static(INTER_SEMIBOLD)),
    );
    let fallbacks = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    defs.families
        .entry(FontFamily::Proportional)
        .or_default()
        .insert(0, "inter".into());
    let mut bold = vec!["inter-semibold".to_owned(), "inter".to_owned()];
    bold.extend(fallbacks);
    defs.families.insert(semibold(), bold);
    defs
}

/// Installs the fonts in a context (the window's or a headless export's), and one way of
/// turning glyph coverage into alpha for every theme: the one made for dark text on light
/// ground, which card text is in light and dark themes alike. So text looks the same on
/// screen in either theme and in exports.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
    ctx.all_styles_mut(|style| {
        style.visuals.text_options.color_transfer_function =
            egui::epaint::FontColorTransferFunction::LIGHT_MODE_DEFAULT;
    });
}

/// Lays text out with Inter at one pixel per point, apart from any window's fonts: for
/// decisions that must come out the same on every screen (whatever its pixel density) and in
/// every export, such as the size a card's text is fitted to. Glyph positions are rounded to
/// pixels in layout, so the same text measures a little differently at other densities.
pub fn with_reference_layout<R>(f: impl FnOnce(&mut egui::epaint::text::FontsView<'_>) -> R) -> R {
    use egui::epaint::text::{Fonts, TextOptions, ViewportKey};
    use std::sync::{Mutex, OnceLock, PoisonError};
    static FONTS: OnceLock<Mutex<(Fonts, u32)>> = OnceLock::new();
    let fonts =
        FONTS.get_or_init(|| Mutex::new((Fonts::new(TextOptions::default(), definitions()), 0)));
    let mut guard = fonts.lock().unwrap_or_else(PoisonError::into_inner);
    let (fonts, uses) = &mut *guard;
    // Now and then, as a window does each frame: layouts not asked for since are let go.
    *uses = uses.wrapping_add(1);
    if *uses % 1024 == 0 {
        fonts.begin_pass(TextOptions::default(), ViewportKey::default());
    }
    f(&mut fonts.with_pixels_per_point(1.0))
}

/// The font of card text at a size in screen points.
pub fn card(size: f32) -> FontId {
    FontId::new(size, FontFamily::Proportional)
}

/// The font of phase titles at a size in screen points.
pub fn title(size: f32) -> FontId {
    FontId::new(size, semibold())
}
