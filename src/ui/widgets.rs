//! Small widgets and the accent colour that the canvas, the panels and the dialogs share.

use crate::i18n::{self, Lang};
use crate::model::CardColor;
use crate::scene::color32;
use egui::{Color32, Sense, Stroke, StrokeKind, Ui, vec2};

/// Accent colour of selection, handles and what is chosen.
pub const ACCENT: Color32 = Color32::from_rgb(0x25, 0x63, 0xeb);

/// A row of colour swatches. Returns the colour clicked, if any.
pub fn palette(ui: &mut Ui, current: Option<CardColor>, lang: Lang) -> Option<CardColor> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = vec2(6.0, 6.0);
        for c in CardColor::ALL {
            let name = i18n::colour_name(c, lang);
            let (rect, response) = ui.allocate_exact_size(vec2(28.0, 28.0), Sense::click());
            let selected = current == Some(c);
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::RadioButton, true, selected, name)
            });
            // An edge that shows on the panel in either theme (a navy swatch on a dark panel).
            let edge = if ui.visuals().dark_mode {
                Color32::from_gray(170)
            } else {
                color32(c.outline())
            };
            let painter = ui.painter();
            painter.rect(
                rect.shrink(2.0),
                5.0,
                color32(c.fill()),
                Stroke::new(1.0, edge),
                StrokeKind::Inside,
            );
            if selected {
                painter.rect_stroke(rect, 6.0, Stroke::new(2.5, ACCENT), StrokeKind::Inside);
            } else if response.hovered() || response.has_focus() {
                painter.rect_stroke(rect, 6.0, Stroke::new(1.5, ACCENT), StrokeKind::Inside);
            }
            if response.on_hover_text(name).clicked() {
                picked = Some(c);
            }
        }
    });
    picked
}
