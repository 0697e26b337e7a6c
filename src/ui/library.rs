//! The picture library panel: search in Swedish or English, pick a set and a category,
//! and click (or press Enter on) a picture to put it in the middle of the view, or drag it
//! onto the canvas to put it where it is dropped. Recently used pictures come first.

use crate::i18n::{Lang, Msg};
use crate::picture::library::{self, Category, Item, Set};
use crate::scene::{PictureTexture, Pictures};
use egui::{Color32, Sense, Ui, vec2};

/// The side of a thumbnail's cell, in points.
const CELL: f32 = 60.0;
/// How many recently used pictures are remembered.
const RECENT: usize = 24;

/// Which pictures are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SetFilter {
    #[default]
    All,
    Illustrations,
    Icons,
}

/// A library picture being dragged onto the canvas (egui's drag-and-drop payload).
#[derive(Clone, Copy, Debug)]
pub struct Dragged(pub &'static Item);

/// The panel's state: what is searched for and what was used.
#[derive(Debug, Default)]
pub struct LibraryPanel {
    pub query: String,
    pub set: SetFilter,
    pub category: Option<Category>,
    recent: Vec<&'static str>,
    /// The search field takes the keyboard on the next frame (the panel was just opened).
    pub focus_search: bool,
    /// The last search and its result, kept while nothing changes.
    shown: Option<Shown>,
}

/// A search (words, set, category, language, how many were used) and what it found.
type Shown = (
    String,
    SetFilter,
    Option<Category>,
    Lang,
    usize,
    Vec<&'static Item>,
);

fn category_name(c: Category, lang: Lang) -> &'static str {
    match c {
        Category::People => Msg::CategoryPeople,
        Category::Places => Msg::CategoryPlaces,
        Category::Care => Msg::CategoryCare,
        Category::Transport => Msg::CategoryTransport,
        Category::Digital => Msg::CategoryDigital,
        Category::Nature => Msg::CategoryNature,
        Category::Symbols => Msg::CategorySymbols,
    }
    .text(lang)
}

impl LibraryPanel {
    /// Remembers that `id` was used: it comes first from now on.
    pub fn used(&mut self, id: &'static str) {
        self.recent.retain(|r| *r != id);
        self.recent.insert(0, id);
        self.recent.truncate(RECENT);
        self.shown = None;
    }

    /// The pictures to show, best first.
    pub fn results(&mut self, lang: Lang) -> &[&'static Item] {
        let key = (
            self.query.clone(),
            self.set,
            self.category,
            lang,
            self.recent.len(),
        );
        let fresh = self.shown.as_ref().is_some_and(|s| {
            (s.0.as_str(), s.1, s.2, s.3, s.4) == (key.0.as_str(), key.1, key.2, key.3, key.4)
        });
        if !fresh {
            let (set, category) = (self.set, self.category);
            let keep = move |i: &Item| {
                let in_set = match set {
                    SetFilter::All => true,
                    SetFilter::Illustrations => i.set == Set::Illustrations,
                    SetFilter::Icons => i.set == Set::Icons,
                };
                in_set && category.is_none_or(|c| i.category == c)
            };
            let mut found = library::search(&self.query, lang, keep);
            if self.query.trim().is_empty() {
                // Recently used first.
                let rank = |i: &Item| self.recent.iter().position(|r| *r == i.id);
                found.sort_by_key(|i| rank(i).unwrap_or(usize::MAX));
            }
            self.shown = Some((key.0, key.1, key.2, key.3, key.4, found));
        }
        self.shown.as_ref().map_or(&[], |s| &s.5)
    }

    /// Shows the panel. Returns a picture clicked (or chosen with Enter), to be put in the
    /// middle of the view. A drag sets [`Dragged`] as egui's payload.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        pictures: &mut dyn Pictures,
        lang: Lang,
    ) -> Option<&'static Item> {
        let mut chosen = None;
        ui.heading(Msg::Library.text(lang));
        let label = ui.label(Msg::LibrarySearchLabel.text(lang));
        let search = egui::TextEdit::singleline(&mut self.query)
            .hint_text(Msg::LibrarySearch.text(lang))
            .desired_width(f32::INFINITY);
        let search = ui.add(search).labelled_by(label.id);
        if std::mem::take(&mut self.focus_search) {
            search.request_focus();
        }
        // Enter in the search field places the best match.
        let enter = search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal_wrapped(|ui| {
            for (f, msg) in [
                (SetFilter::All, Msg::LibraryAll),
                (SetFilter::Illustrations, Msg::LibraryIllustrations),
                (SetFilter::Icons, Msg::LibraryIcons),
            ] {
                if ui.selectable_label(self.set == f, msg.text(lang)).clicked() {
                    self.set = f;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            if ui
                .selectable_label(self.category.is_none(), Msg::LibraryAll.text(lang))
                .clicked()
            {
                self.category = None;
            }
            for c in Category::ALL {
                if ui
                    .selectable_label(self.category == Some(c), category_name(c, lang))
                    .clicked()
                {
                    self.category = if self.category == Some(c) {
                        None
                    } else {
                        Some(c)
                    };
                }
            }
        });
        ui.add_space(4.0);
        ui.weak(Msg::LibraryHint.text(lang));
        ui.separator();
        let items: Vec<&'static Item> = self.results(lang).to_vec();
        if enter && let Some(first) = items.first() {
            chosen = Some(*first);
        }
        if items.is_empty() {
            ui.label(Msg::LibraryNothing.text(lang));
            return chosen;
        }
        let ink = ui.visuals().strong_text_color();
        let columns = ((ui.available_width() / CELL).floor() as usize).max(1);
        let rows = items.len().div_ceil(columns);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            // A drag takes a picture to the canvas; it does not scroll the grid.
            .scroll_source(egui::containers::scroll_area::ScrollSource {
                drag: egui::containers::scroll_area::DragScroll::Never,
                ..egui::containers::scroll_area::ScrollSource::ALL
            })
            .show_rows(ui, CELL, rows, |ui, range| {
                for row in range {
                    ui.horizontal(|ui| {
                        ui.spacing_mut().item_spacing.x = 0.0;
                        for item in items.iter().skip(row * columns).take(columns) {
                            if thumbnail(ui, item, pictures, ink, lang) {
                                chosen = Some(*item);
                            }
                        }
                    });
                }
            });
        chosen
    }
}

/// One picture's cell: clicked (or Enter) says true; a drag takes it to the canvas.
fn thumbnail(
    ui: &mut Ui,
    item: &'static Item,
    pictures: &mut dyn Pictures,
    ink: Color32,
    lang: Lang,
) -> bool {
    let (rect, response) = ui.allocate_exact_size(vec2(CELL, CELL), Sense::click_and_drag());
    let name = item.name(lang);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    let visuals = ui.style().interact(&response);
    if response.hovered() || response.has_focus() {
        ui.painter()
            .rect_filled(rect.shrink(2.0), 6.0, visuals.weak_bg_fill);
    }
    if response.has_focus() {
        ui.painter().rect_stroke(
            rect.shrink(2.0),
            6.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    let inner = rect.shrink(10.0);
    paint_item(ui.painter(), item, inner, pictures, ink);
    if response.drag_started() {
        egui::DragAndDrop::set_payload(ui.ctx(), Dragged(item));
    }
    if response.dragged()
        && let Some(p) = ui.ctx().pointer_interact_pos()
    {
        // The picture follows the pointer.
        let layer = egui::LayerId::new(egui::Order::Tooltip, egui::Id::unique("library-drag"));
        let painter = ui.ctx().layer_painter(layer);
        let r = egui::Rect::from_center_size(p, vec2(CELL, CELL));
        paint_item(&painter, item, r, pictures, ink);
    }
    let clicked = response.clicked();
    response.on_hover_text(name);
    clicked
}

/// A library picture drawn to fit `rect`, in its own proportions.
pub fn paint_item(
    painter: &egui::Painter,
    item: &'static Item,
    rect: egui::Rect,
    pictures: &mut dyn Pictures,
    ink: Color32,
) {
    let ppp = painter.pixels_per_point();
    // In its own proportions (the road is long and low).
    let (sw, sh) = item.size();
    let aspect = sw / sh.max(1e-3);
    let (w, h) = if aspect >= 1.0 {
        (rect.width(), rect.width() / aspect)
    } else {
        (rect.height() * aspect, rect.height())
    };
    match pictures.texture(
        item.file_id(),
        Some(item.file_data()),
        w * ppp,
        h * ppp,
        item.tint,
    ) {
        PictureTexture::Ready(texture, part) => {
            let r = egui::Rect::from_center_size(rect.center(), vec2(w, h));
            let color = if item.tint { ink } else { Color32::WHITE };
            let corners = [
                r.left_top(),
                r.right_top(),
                r.right_bottom(),
                r.left_bottom(),
            ];
            let uv = [
                part.left_top(),
                part.right_top(),
                part.right_bottom(),
                part.left_bottom(),
            ]
            .map(|p| (p.x, p.y));
            painter.add(egui::Shape::Mesh(
                crate::scene::pictures::quad(corners, uv, color, texture).into(),
            ));
        }
        PictureTexture::Loading => {
            painter.rect_filled(rect.shrink(6.0), 4.0, ink.gamma_multiply(0.08));
        }
        PictureTexture::Missing => {}
    }
}
