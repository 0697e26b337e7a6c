//! The panels around the canvas: menu bar and toolbar, properties, status bar.

use super::actions::Action;
use super::canvas::{CanvasView, Tool};
use super::widgets::{ACCENT, palette};
use crate::edit::{Command, Edit, Editor};
use crate::i18n::{self, Lang, Msg};
use crate::model::{
    Align, Arrow, Card, Element, FontSize, Frame, Head, LineStyle, LineWidth, MIN_BOARD_HEIGHT,
    MIN_PHASE_WIDTH, Outline, PenWidth, Phase, PhaseId, Rgba, Route, Shape, Text, TextSize,
};
use crate::scene::color32;
use egui::{Button, Color32, RichText, Sense, Stroke, StrokeKind, Ui, vec2};

/// A menu entry or toolbar button for an action; queues the action when clicked.
pub fn action_button(
    ui: &mut Ui,
    action: Action,
    lang: Lang,
    enabled: bool,
    queue: &mut Vec<Action>,
) {
    let mut button = Button::new(action.label(lang));
    if let Some(s) = action.shortcut_label() {
        button = button.shortcut_text(s);
    }
    if ui.add_enabled(enabled, button).clicked() {
        queue.push(action);
        ui.close();
    }
}

/// The menu bar and the toolbar under it.
// What the bar shows comes from the app's state in pieces; a struct for them would only
// rename the arguments.
#[allow(clippy::too_many_arguments)]
pub fn top_bar(
    ui: &mut Ui,
    editor: &Editor,
    view: &CanvasView,
    panel_open: bool,
    library_open: bool,
    recent: &[std::path::PathBuf],
    theme: super::Theme,
    lang: Lang,
    queue: &mut Vec<Action>,
) {
    let can_undo = editor.history().can_undo();
    let can_redo = editor.history().can_redo();
    let has_selection = !view.selection.is_empty();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(Msg::MenuFile.text(lang), |ui| {
            for a in [
                Action::New,
                Action::Open,
                Action::Save,
                Action::SaveAs,
                Action::SaveAsTemplate,
                Action::Revert,
            ] {
                action_button(ui, a, lang, true, queue);
            }
            ui.add_enabled_ui(!recent.is_empty(), |ui| {
                ui.menu_button(Msg::RecentFiles.text(lang), |ui| {
                    recent_menu(ui, recent, lang, queue)
                });
            });
            ui.separator();
            action_button(ui, Action::Export, lang, true, queue);
            action_button(ui, Action::CopyPicture, lang, true, queue);
            action_button(ui, Action::Summary, lang, true, queue);
            ui.separator();
            action_button(ui, Action::Quit, lang, true, queue);
        });
        ui.menu_button(Msg::MenuEdit.text(lang), |ui| {
            action_button(ui, Action::Undo, lang, can_undo, queue);
            action_button(ui, Action::Redo, lang, can_redo, queue);
            ui.separator();
            action_button(ui, Action::Cut, lang, has_selection, queue);
            action_button(ui, Action::Copy, lang, has_selection, queue);
            action_button(ui, Action::Paste, lang, true, queue);
            ui.separator();
            action_button(ui, Action::NewCard, lang, true, queue);
            action_button(ui, Action::EditCard, lang, view.selection.len() == 1, queue);
            action_button(ui, Action::Duplicate, lang, has_selection, queue);
            action_button(ui, Action::Delete, lang, has_selection, queue);
            ui.separator();
            action_button(ui, Action::Connect, lang, view.selection.len() == 1, queue);
            for a in [
                Action::MoveToPhase(true),
                Action::MoveToPhase(false),
                Action::MoveToLane(true),
                Action::MoveToLane(false),
            ] {
                action_button(ui, a, lang, has_selection, queue);
            }
            ui.separator();
            action_button(ui, Action::SelectAll, lang, true, queue);
        });
        ui.menu_button(Msg::MenuTools.text(lang), |ui| {
            for a in [
                Action::SelectTool,
                Action::ArrowTool,
                Action::ShapeTool,
                Action::TextTool,
                Action::PenTool,
                Action::HighlighterTool,
                Action::EraserTool,
            ] {
                action_button(ui, a, lang, true, queue);
            }
            ui.separator();
            action_button(ui, Action::ToggleLibrary, lang, true, queue);
            action_button(ui, Action::InsertPicture, lang, true, queue);
            let one_picture = view.selection.len() == 1
                && view
                    .single_selected(editor)
                    .is_some_and(|e| e.as_picture().is_some());
            action_button(ui, Action::CropPicture, lang, one_picture, queue);
            ui.separator();
            ui.menu_button(Msg::Timer.text(lang), |ui| {
                for m in super::timer::PRESETS {
                    if ui.button(crate::tr!(lang, "minutes", n = m)).clicked() {
                        queue.push(Action::StartTimer(m));
                        ui.close();
                    }
                }
                ui.separator();
                let key = ui.scope_id().with("own-time");
                let mut minutes: u32 = ui.data(|d| d.get_temp(key)).unwrap_or(20);
                ui.horizontal(|ui| {
                    let label = ui.label(Msg::TimerOwn.text(lang));
                    ui.add(
                        egui::DragValue::new(&mut minutes)
                            .range(1..=600)
                            .suffix(format!(" {}", crate::tr!(lang, "unit-min"))),
                    )
                    .labelled_by(label.id);
                    if ui.button(Msg::TimerStart.text(lang)).clicked() {
                        queue.push(Action::StartTimer(minutes));
                        ui.close();
                    }
                });
                ui.data_mut(|d| d.insert_temp(key, minutes));
            });
        });
        ui.menu_button(Msg::Arrange.text(lang), |ui| {
            for a in [
                Action::BringForward,
                Action::BringToFront,
                Action::SendBackward,
                Action::SendToBack,
            ] {
                action_button(ui, a, lang, has_selection, queue);
            }
            ui.separator();
            action_button(ui, Action::Group, lang, view.selection.len() >= 2, queue);
            action_button(ui, Action::Ungroup, lang, has_selection, queue);
            action_button(ui, Action::ToggleLock, lang, has_selection, queue);
        });
        ui.menu_button(Msg::MenuView.text(lang), |ui| {
            action_button(ui, Action::FitAll, lang, true, queue);
            for p in PhaseId::ALL {
                action_button(ui, Action::ZoomPhase(p), lang, true, queue);
            }
            ui.separator();
            for a in [Action::ZoomIn, Action::ZoomOut, Action::ZoomReset] {
                action_button(ui, a, lang, true, queue);
            }
            ui.separator();
            for (action, on) in [
                (Action::ToggleGrid, view.grid),
                (Action::ToggleSnap, view.snap),
            ] {
                let mut checked = on;
                let label = match action.shortcut_label() {
                    Some(k) => format!("{}  ({k})", action.label(lang)),
                    None => action.label(lang).to_owned(),
                };
                if ui.checkbox(&mut checked, label).changed() {
                    queue.push(action);
                    ui.close();
                }
            }
            ui.separator();
            action_button(ui, Action::TogglePanel, lang, true, queue);
            action_button(ui, Action::FullScreen, lang, true, queue);
            action_button(ui, Action::Present, lang, true, queue);
            action_button(ui, Action::ToggleFilter, lang, true, queue);
            ui.separator();
            ui.menu_button(Msg::Appearance.text(lang), |ui| {
                for t in super::Theme::ALL {
                    let a = Action::SetTheme(t);
                    if ui.radio(theme == t, a.label(lang)).clicked() {
                        queue.push(a);
                        ui.close();
                    }
                }
            });
            ui.menu_button(Msg::Language.text(lang), |ui| {
                for l in Lang::all() {
                    if ui.radio(lang == l, l.native_name()).clicked() {
                        queue.push(Action::SetLanguage(l));
                        ui.close();
                    }
                }
            });
        });
        ui.menu_button(Msg::MenuHelp.text(lang), |ui| {
            action_button(ui, Action::Palette, lang, true, queue);
            action_button(ui, Action::Shortcuts, lang, true, queue);
            action_button(ui, Action::About, lang, true, queue);
        });
    });

    ui.add_space(2.0);
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        // Snug enough that the whole toolbar fits a projector's 1280 points at any zoom.
        ui.spacing_mut().button_padding.x = 8.0;
        // Every toolbar button: 15-point text, 30 points tall.
        let big =
            |text: &str| Button::new(RichText::new(text).size(15.0)).min_size(vec2(0.0, 30.0));
        let tool = |ui: &mut Ui, text: String, tip: String, enabled: bool| {
            ui.add_enabled(enabled, big(&text))
                .on_hover_text(tip)
                .clicked()
        };
        let tip = |a: Action| match a.shortcut_label() {
            Some(s) => format!("{} ({s})", a.label(lang)),
            None => a.label(lang).to_owned(),
        };
        if tool(
            ui,
            format!("+ {}", Msg::NewCard.text(lang)),
            tip(Action::NewCard),
            true,
        ) {
            queue.push(Action::NewCard);
        }
        ui.separator();
        let tool_button = |ui: &mut Ui, text: &str, on: bool, tip_text: String| {
            ui.add(big(text).selected(on))
                .on_hover_text(tip_text)
                .clicked()
        };
        for (action, text, on) in [
            (
                Action::SelectTool,
                Msg::SelectTool.text(lang),
                view.tool == Tool::Select,
            ),
            (
                Action::ArrowTool,
                Msg::ArrowTool.text(lang),
                view.tool == Tool::Arrow,
            ),
        ] {
            if tool_button(ui, text, on, tip(action)) {
                queue.push(action);
            }
        }
        // The shape tool is a menu of outlines: picking one turns the tool on (R turns it on
        // with the last one picked).
        let shape_on = matches!(view.tool, Tool::Shape(_));
        let shape_button = big(Msg::ShapeTool.text(lang)).selected(shape_on);
        egui::containers::menu::MenuButton::from_button(shape_button)
            .ui(ui, |ui| {
                for o in Outline::ALL {
                    let b = Button::selectable(
                        view.shape_outline == o && shape_on,
                        i18n::outline_name(o, lang),
                    );
                    if ui.add(b).clicked() {
                        queue.push(Action::PickShape(o));
                        ui.close();
                    }
                }
            })
            .0
            .on_hover_text(format!(
                "{} – {}",
                tip(Action::ShapeTool),
                i18n::outline_name(view.shape_outline, lang)
            ));
        for (action, text, on) in [
            (
                Action::TextTool,
                Msg::TextTool.text(lang),
                view.tool == Tool::Text,
            ),
            (
                Action::PenTool,
                Msg::PenTool.text(lang),
                view.tool == Tool::Pen,
            ),
            (
                Action::HighlighterTool,
                Msg::MarkerTool.text(lang),
                view.tool == Tool::Highlighter,
            ),
            (
                Action::EraserTool,
                Msg::EraserTool.text(lang),
                view.tool == Tool::Eraser,
            ),
        ] {
            if tool_button(ui, text, on, tip(action)) {
                queue.push(action);
            }
        }
        if tool_button(
            ui,
            Msg::PictureFilter.text(lang),
            library_open,
            tip(Action::ToggleLibrary),
        ) {
            queue.push(Action::ToggleLibrary);
        }
        ui.separator();
        // Undo and redo by their signs alone (named in their tips and for screen readers),
        // so that the toolbar fits a projector's 1280 points.
        for (action, sign, enabled) in
            [(Action::Undo, "↺", can_undo), (Action::Redo, "↻", can_redo)]
        {
            let b = Button::new(RichText::new(sign).size(17.0)).min_size(vec2(30.0, 30.0));
            let r = ui.add_enabled(enabled, b).on_hover_text(tip(action));
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, enabled, action.label(lang))
            });
            if r.clicked() {
                queue.push(action);
            }
        }
        ui.separator();
        if tool(
            ui,
            Msg::FitAll.text(lang).to_owned(),
            tip(Action::FitAll),
            true,
        ) {
            queue.push(Action::FitAll);
        }
        for (n, p) in PhaseId::ALL.into_iter().enumerate() {
            let title = &editor.doc().phases.get(p).title;
            let label = format!("{} {}", n + 1, short(title, 18));
            if tool(ui, label, tip(Action::ZoomPhase(p)), true) {
                queue.push(Action::ZoomPhase(p));
            }
        }
        ui.separator();
        if tool(ui, "−".to_owned(), tip(Action::ZoomOut), true) {
            queue.push(Action::ZoomOut);
        }
        let pct = format!("{:.0} %", view.camera.zoom * 100.0);
        // As wide for 1000 % as for 10 %: the buttons after it stay put while zooming.
        let reset = ui
            .add_sized(vec2(66.0, 30.0), big(&pct))
            .on_hover_text(tip(Action::ZoomReset));
        if reset.clicked() {
            queue.push(Action::ZoomReset);
        }
        if tool(ui, "+".to_owned(), tip(Action::ZoomIn), true) {
            queue.push(Action::ZoomIn);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let panel = big(Msg::SidePanel.text(lang)).selected(panel_open);
            if ui
                .add(panel)
                .on_hover_text(tip(Action::TogglePanel))
                .clicked()
            {
                queue.push(Action::TogglePanel);
            }
            // Presenting: a play sign, named for screen readers.
            let play = ui.add(big("▶")).on_hover_text(tip(Action::Present));
            play.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, Action::Present.label(lang))
            });
            if play.clicked() {
                queue.push(Action::Present);
            }
        });
    });
    ui.add_space(2.0);
}

/// The recent files: a file that is gone is shown as missing, with a button that takes it
/// out of the list.
fn recent_menu(ui: &mut Ui, recent: &[std::path::PathBuf], lang: Lang, queue: &mut Vec<Action>) {
    for (i, path) in recent.iter().enumerate() {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let name = i18n::tidy(&name);
        let folder = path
            .parent()
            .map(|p| i18n::tidy(&p.display().to_string()))
            .unwrap_or_default();
        if path.is_file() {
            if ui.button(&name).on_hover_text(folder).clicked() {
                queue.push(Action::OpenRecent(i));
                ui.close();
            }
        } else {
            ui.horizontal(|ui| {
                ui.add_enabled(
                    false,
                    Button::new(format!("{name} ({})", Msg::Missing.text(lang))),
                );
                let forget = ui
                    .small_button("×")
                    .on_hover_text(Msg::ForgetRecent.text(lang));
                forget.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        Msg::ForgetRecent.text(lang),
                    )
                });
                if forget.clicked() {
                    queue.push(Action::ForgetRecent(i));
                }
            });
        }
    }
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        s.chars().take(max - 1).chain(['…']).collect()
    }
}

/// The properties panel: what is selected, and its settings.
pub fn properties(ui: &mut Ui, editor: &mut Editor, view: &mut CanvasView, lang: Lang) {
    ui.add_space(8.0);
    ui.heading(Msg::Properties.text(lang));
    ui.add_space(6.0);
    if !view.selection.is_empty() {
        let selected: Vec<Element> = view
            .selected_in_order(editor.doc())
            .into_iter()
            .cloned()
            .collect();
        let arrows: Vec<Arrow> = selected
            .iter()
            .filter_map(|e| e.as_arrow())
            .cloned()
            .collect();
        let cards: Vec<Card> = selected
            .iter()
            .filter_map(|e| e.as_card())
            .cloned()
            .collect();
        ui.label(selection_summary(editor, view, lang));
        ui.add_space(8.0);
        ui.label(RichText::new(Msg::Colour.text(lang)).strong());
        if let Some(c) = palette(ui, view.current_color(editor.doc()), lang) {
            view.recolor_selection(editor, c);
        }
        // Each kind's settings under an id of its own: two kinds may both have a "Line" row.
        if !cards.is_empty() {
            ui.add_space(10.0);
            ui.push_id("card-settings", |ui| {
                card_settings(ui, editor, view, &cards, lang)
            });
        }
        if !arrows.is_empty() {
            ui.add_space(10.0);
            ui.push_id("arrow-settings", |ui| {
                arrow_settings(ui, editor, view, &arrows, lang)
            });
        }
        let shapes: Vec<Shape> = selected
            .iter()
            .filter_map(Element::as_shape)
            .cloned()
            .collect();
        if !shapes.is_empty() {
            ui.add_space(10.0);
            ui.push_id("shape-settings", |ui| {
                shape_settings(ui, editor, view, &shapes, lang)
            });
        }
        let texts: Vec<Text> = selected
            .iter()
            .filter_map(Element::as_text)
            .cloned()
            .collect();
        if !texts.is_empty() {
            ui.add_space(10.0);
            ui.push_id("text-settings", |ui| {
                text_settings(ui, editor, view, &texts, lang)
            });
        }
        let strokes: Vec<PenWidth> = selected
            .iter()
            .filter_map(Element::as_stroke)
            .map(|s| s.width)
            .collect();
        if !strokes.is_empty() {
            ui.add_space(10.0);
            ui.label(RichText::new(Msg::PenStroke.text(lang)).strong());
            let width = shared(&strokes, |w| *w);
            if let Some(w) = choice_row(
                ui,
                Msg::PenWidthLabel.text(lang),
                &PenWidth::ALL,
                width,
                |w| i18n::pen_width_name(w, lang),
            ) {
                view.pen_width = w;
                view.update_strokes(editor, |s| s.width = w);
            }
        }
        let pictures: Vec<crate::model::Picture> = selected
            .iter()
            .filter_map(Element::as_picture)
            .cloned()
            .collect();
        if !pictures.is_empty() {
            ui.add_space(10.0);
            ui.push_id("picture-settings", |ui| {
                picture_settings(ui, editor, view, &pictures, lang)
            });
        }
        if let Some(e) = view
            .single_selected(editor)
            .filter(|e| e.turns() && !e.locked())
        {
            ui.add_space(10.0);
            rotation_field(ui, &mut view.pending, e.clone(), lang);
        }
        ui.add_space(10.0);
        arrange_settings(ui, editor, view, lang);
        ui.add_space(6.0);
        let stepped = view
            .selected_in_order(editor.doc())
            .iter()
            .any(|e| e.step().is_some());
        egui::CollapsingHeader::new(RichText::new(Msg::StepLabel.text(lang)).strong())
            .id_salt("steps")
            .default_open(stepped)
            .show(ui, |ui| step_settings(ui, editor, view, lang));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(Msg::Duplicate.text(lang)).clicked() {
                view.duplicate_selection(editor);
            }
            if ui.button(Msg::Delete.text(lang)).clicked() {
                view.delete_selection(editor);
            }
        });
    } else if matches!(view.tool, Tool::Pen | Tool::Highlighter) {
        ui.label(RichText::new(Msg::PenTool.text(lang)).strong());
        ui.add_space(4.0);
        ui.label(Msg::Colour.text(lang));
        if let Some(c) = palette(ui, Some(view.drawing_color()), lang) {
            if view.tool == Tool::Highlighter {
                view.highlighter_color = c;
            } else {
                view.pen_color = c;
            }
        }
        if let Some(w) = choice_row(
            ui,
            Msg::PenWidthLabel.text(lang),
            &PenWidth::ALL,
            Some(view.pen_width),
            |w| i18n::pen_width_name(w, lang),
        ) {
            view.pen_width = w;
        }
    } else if let Some(phase) = view.selected_phase {
        phase_settings(ui, editor, &mut view.pending, phase, lang);
    } else {
        document_settings(ui, editor, &mut view.pending, lang);
        ui.add_space(12.0);
        theme_settings(ui, editor, &mut view.pending, lang);
        ui.add_space(12.0);
        voting_settings(ui, editor, view, lang);
        ui.add_space(12.0);
        ui.label(RichText::new(Msg::NewCardColour.text(lang)).strong());
        if let Some(c) = palette(ui, Some(view.new_card_color), lang) {
            view.new_card_color = c;
        }
        ui.add_space(16.0);
        for tip in [
            Msg::TipDoubleClick,
            Msg::TipTab,
            Msg::TipArrow,
            Msg::TipDraw,
            Msg::TipPhaseKeys,
            Msg::TipPan,
        ] {
            ui.label(RichText::new(tip.text(lang)).weak());
            ui.add_space(4.0);
        }
    }
}

/// "3 kort markerade" for cards alone, "3 markerade" for a mix with arrows.
fn selection_summary(editor: &Editor, view: &CanvasView, lang: Lang) -> String {
    let selected = view.selected_in_order(editor.doc());
    if selected.iter().all(|e| e.as_card().is_some()) {
        i18n::cards_selected(selected.len(), lang)
    } else {
        i18n::selected(selected.len(), lang)
    }
}

/// A row of choices; returns the one clicked. `current` is shown selected when all selected
/// arrows share it.
fn choice_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    options: &[T],
    current: Option<T>,
    name: impl Fn(T) -> &'static str,
) -> Option<T> {
    let mut picked = None;
    ui.label(label);
    // In even columns that share the panel's width (four choices make two rows of two, not
    // three and a straggler); a name too long for its cell is cut, never widening the panel.
    let columns = if options.len() == 4 {
        2
    } else {
        options.len().max(1)
    };
    let gap = 6.0;
    let cell = ((ui.available_width() - gap * (columns - 1) as f32) / columns as f32).floor();
    egui::Grid::new(label)
        .num_columns(columns)
        .min_col_width(cell)
        .max_col_width(cell)
        .spacing(vec2(gap, 4.0))
        .show(ui, |ui| {
            ui.spacing_mut().button_padding = vec2(4.0, 3.0);
            for (i, &o) in options.iter().enumerate() {
                let text = RichText::new(name(o)).size(14.0);
                let button = Button::selectable(current == Some(o), text).truncate();
                if ui
                    .add_sized(vec2(cell, 24.0), button)
                    .on_hover_text(name(o))
                    .clicked()
                {
                    picked = Some(o);
                }
                if (i + 1) % columns == 0 {
                    ui.end_row();
                }
            }
        });
    picked
}

/// Text size and weight of the selected cards.
fn card_settings(
    ui: &mut Ui,
    editor: &mut Editor,
    view: &mut CanvasView,
    cards: &[Card],
    lang: Lang,
) {
    let size = shared(cards, |c| c.text_size);
    let picked = text_size_picker(ui, size, lang);
    if let Some(s) = picked {
        view.update_cards(editor, |c| c.text_size = s);
    }
    let bold = shared(cards, |c| c.bold);
    let mut on = bold == Some(true);
    let tip = match Action::Bold.shortcut_label() {
        Some(k) => format!("{} ({k})", Msg::Bold.text(lang)),
        None => Msg::Bold.text(lang).to_owned(),
    };
    if ui
        .checkbox(&mut on, Msg::Bold.text(lang))
        .on_hover_text(tip)
        .changed()
    {
        view.update_cards(editor, |c| c.bold = on);
    }
    ui.add_space(6.0);
    // Folded until a card has some: the panel stays short in a quick workshop.
    let used = cards.iter().any(crate::scene::workshop::has_marks);
    egui::CollapsingHeader::new(RichText::new(Msg::FollowUp.text(lang)).strong())
        .id_salt("follow-up")
        .default_open(used)
        .show(ui, |ui| follow_up(ui, editor, view, cards, lang));
}

/// Status, priority, owner and due date of the selected cards.
fn follow_up(ui: &mut Ui, editor: &mut Editor, view: &mut CanvasView, cards: &[Card], lang: Lang) {
    use crate::model::{Priority, Status, workshop};
    let status = shared(cards, |c| c.status);
    let options: Vec<Option<Status>> = std::iter::once(None)
        .chain(Status::ALL.into_iter().map(Some))
        .collect();
    if let Some(s) = choice_row(ui, Msg::StatusLabel.text(lang), &options, status, |s| {
        s.map_or(Msg::NoneChoice.text(lang), |s| s.word(lang))
    }) {
        view.update_cards(editor, |c| c.status = s);
    }
    let prio = shared(cards, |c| c.priority);
    let options: Vec<Option<Priority>> = std::iter::once(None)
        .chain(Priority::ALL.into_iter().map(Some))
        .collect();
    if let Some(p) = choice_row(ui, Msg::PriorityLabel.text(lang), &options, prio, |p| {
        p.map_or(Msg::NoneChoice.text(lang), |p| p.word(lang))
    }) {
        view.update_cards(editor, |c| c.priority = p);
    }
    let label = ui.label(Msg::OwnerLabel.text(lang));
    let mut owner = shared_text(cards, |c| &c.owner);
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut owner)
                .char_limit(workshop::MAX_OWNER_CHARS)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if field.changed() {
        view.update_cards_live(editor, |c| c.owner = owner.clone());
    }
    if field.lost_focus() {
        view.pending.push(Edit::Commit);
    }
    // The due date is typed into a buffer of its own and set when it is a real day (or
    // emptied): a half-typed date never reaches the document.
    let label = ui.label(Msg::DueLabel.text(lang));
    let ids: Vec<u64> = cards.iter().map(|c| c.id.0).collect();
    let key = ui.scope_id().with(("due", ids));
    let current = shared_text(cards, |c| &c.due);
    let mut buf: String = ui
        .data_mut(|d| d.get_temp::<String>(key))
        .unwrap_or_else(|| current.clone());
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut buf)
                .char_limit(10)
                .hint_text(crate::tr!(lang, "date-format-hint"))
                .desired_width(120.0),
        )
        .labelled_by(label.id);
    let valid = buf.is_empty() || workshop::is_day(buf.trim());
    if field.changed() && valid && buf.trim() != current {
        let day = buf.trim().to_owned();
        view.update_cards(editor, |c| c.due = day.clone());
    }
    if !valid {
        ui.label(RichText::new(Msg::DueHint.text(lang)).color(ui.visuals().error_fg_color));
    }
    // Kept while the field has focus; then it shows the card's date again.
    if field.has_focus() {
        ui.data_mut(|d| d.insert_temp(key, buf));
    } else {
        ui.data_mut(|d| d.remove::<String>(key));
    }
}

/// The themes (lanes): add, rename, recolour, reorder, remove.
fn theme_settings(ui: &mut Ui, editor: &Editor, edits: &mut Vec<Edit>, lang: Lang) {
    use crate::edit::workshop;
    let doc = editor.doc();
    ui.label(RichText::new(Msg::Themes.text(lang)).strong());
    ui.add_space(4.0);
    let n = doc.lanes.len();
    for (i, lane) in doc.lanes.iter().enumerate() {
        ui.push_id(("lane", lane.id.0), |ui| {
            ui.horizontal(|ui| {
                let (swatch, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
                ui.painter()
                    .rect_filled(swatch, 3.0, color32(lane.color.outline()));
                let mut title = lane.title.clone();
                let field = ui.add(
                    egui::TextEdit::singleline(&mut title)
                        .char_limit(200)
                        .desired_width(ui.available_width()),
                );
                field.widget_info(|| {
                    egui::WidgetInfo::text_edit(
                        true,
                        &lane.title,
                        &lane.title,
                        Msg::ThemeTitle.text(lang),
                    )
                });
                if field.changed()
                    && let Some(cmd) = workshop::set_lane(
                        doc,
                        i,
                        crate::model::Lane {
                            title,
                            ..lane.clone()
                        },
                    )
                {
                    edits.push(Edit::Apply(cmd));
                }
                if field.lost_focus() {
                    edits.push(Edit::Commit);
                }
            });
            // Its buttons on a line of their own, under the name.
            ui.horizontal(|ui| {
                ui.add_space(18.0);
                // A small button named for screen readers by what it does.
                let small = |ui: &mut Ui, enabled: bool, text: &str, tip: &str| {
                    let r = ui
                        .add_enabled_ui(enabled, |ui| ui.add_sized([28.0, 24.0], Button::new(text)))
                        .inner
                        .on_hover_text(tip);
                    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, tip));
                    r.clicked()
                };
                if small(ui, i > 0, "↑", Msg::ThemeUp.text(lang))
                    && let Some(cmd) = workshop::move_lane(doc, i, i - 1)
                {
                    edits.push(Edit::Step(cmd));
                }
                if small(ui, i + 1 < n, "↓", Msg::ThemeDown.text(lang))
                    && let Some(cmd) = workshop::move_lane(doc, i, i + 1)
                {
                    edits.push(Edit::Step(cmd));
                }
                if small(ui, true, "×", Msg::RemoveTheme.text(lang))
                    && let Some(cmd) = workshop::remove_lane(doc, i)
                {
                    edits.push(Edit::Step(cmd));
                }
            });
            ui.collapsing(Msg::Colour.text(lang), |ui| {
                if let Some(c) = palette(ui, Some(lane.color), lang)
                    && let Some(cmd) = workshop::set_lane(
                        doc,
                        i,
                        crate::model::Lane {
                            color: c,
                            ..lane.clone()
                        },
                    )
                {
                    edits.push(Edit::Step(cmd));
                }
            });
        });
    }
    if ui
        .add_enabled(
            n < crate::model::workshop::MAX_LANES,
            Button::new(format!("+ {}", Msg::AddTheme.text(lang))),
        )
        .clicked()
        && let Some((cmd, _)) = workshop::add_lane(doc, Msg::NewThemeName.text(lang))
    {
        edits.push(Edit::Step(cmd));
    }
}

/// Dot voting: start a round, who votes now and how many dots they have left, the next
/// person, the results sorted, show or hide the dots, clear, end and delete.
fn voting_settings(ui: &mut Ui, editor: &Editor, view: &mut CanvasView, lang: Lang) {
    use crate::edit::workshop;
    let doc = editor.doc();
    ui.label(RichText::new(Msg::Voting.text(lang)).strong());
    ui.add_space(4.0);
    let current = workshop::current_round(doc);
    let open = current.is_some_and(|(_, r)| r.open);
    if !open {
        // How many dots the next round gives each person (0: as many as they like).
        let key = ui.scope_id().with("dots-per-person");
        let mut dots: u32 = ui.data(|d| d.get_temp(key)).unwrap_or(3);
        let label = ui.label(Msg::DotsPerPerson.text(lang));
        let unlimited = Msg::Unlimited.text(lang);
        ui.horizontal(|ui| {
            ui.add(
                egui::DragValue::new(&mut dots)
                    .range(0..=20)
                    .speed(0.1)
                    .custom_formatter(move |v, _| {
                        if v < 0.5 {
                            unlimited.to_owned()
                        } else {
                            format!("{v:.0}")
                        }
                    }),
            )
            .labelled_by(label.id);
            if ui.button(Msg::StartVoting.text(lang)).clicked() {
                let name = i18n::round_name(doc.votes.len() + 1, lang);
                let cmd = workshop::start_round(doc, &name, (dots > 0).then_some(dots));
                view.pending.push(Edit::Step(cmd));
                view.selection.clear();
            }
        });
        ui.data_mut(|d| d.insert_temp(key, dots));
    }
    let Some((index, round)) = current else {
        return;
    };
    if open {
        ui.label(RichText::new(Msg::VotingTip.text(lang)).weak());
        let voter = view.voter.for_round(round.id);
        ui.label(
            RichText::new(i18n::dots_left(voter.person, voter.left(round.dots), lang)).strong(),
        );
        ui.horizontal_wrapped(|ui| {
            if ui.button(Msg::NextPerson.text(lang)).clicked() {
                view.voter = voter.next_person();
            }
            if ui.button(Msg::EndVoting.text(lang)).clicked()
                && let Some(cmd) = workshop::change_round(doc, index, |r| r.open = false)
            {
                view.pending.push(Edit::Step(cmd));
            }
        });
    }
    let mut shown = !round.hidden;
    if ui.checkbox(&mut shown, Msg::ShowDots.text(lang)).changed()
        && let Some(cmd) = workshop::change_round(doc, index, |r| r.hidden = !shown)
    {
        view.pending.push(Edit::Step(cmd));
    }
    // The results, most dots first: elements that are there (a removed one counts no more).
    let mut results: Vec<(u32, String)> = round
        .counts
        .iter()
        .filter_map(|(id, &n)| {
            let e = doc.elements.get(*id)?;
            let text = e
                .text()
                .and_then(|t| t.lines().find(|l| !l.trim().is_empty()));
            let name = text.map_or_else(
                || super::canvas::element_label(doc, e, lang),
                |t| t.trim().to_owned(),
            );
            Some((n, name))
        })
        .collect();
    results.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    if !results.is_empty() {
        ui.add_space(4.0);
        let total: u64 = results.iter().map(|(n, _)| u64::from(*n)).sum();
        ui.label(format!(
            "{} ({})",
            Msg::Results.text(lang),
            i18n::dots(total, lang)
        ));
        egui::Grid::new("results")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for (n, text) in results.iter().take(20) {
                    ui.label(RichText::new(n.to_string()).strong());
                    ui.add(egui::Label::new(short(text, 40)).truncate());
                    ui.end_row();
                }
            });
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(
                !round.counts.is_empty(),
                Button::new(Msg::ClearDots.text(lang)),
            )
            .clicked()
            && let Some(cmd) = workshop::change_round(doc, index, |r| r.counts.clear())
        {
            view.pending.push(Edit::Step(cmd));
        }
        if ui.button(Msg::DeleteRound.text(lang)).clicked() {
            let mut votes = doc.votes.clone();
            votes.remove(index);
            view.pending.push(Edit::Step(Command::SetVotes(votes)));
        }
    });
}

/// The text the cards share, or empty when they differ.
fn shared_text(cards: &[Card], f: impl Fn(&Card) -> &String) -> String {
    match cards.split_first() {
        Some((first, rest)) if rest.iter().all(|c| f(c) == f(first)) => f(first).clone(),
        _ => String::new(),
    }
}

/// The presentation step of the selection: one number for one element, or numbering in
/// reading order for several.
fn step_settings(ui: &mut Ui, editor: &mut Editor, view: &mut CanvasView, lang: Lang) {
    let selected: Vec<Element> = view
        .selected_in_order(editor.doc())
        .into_iter()
        .cloned()
        .collect();
    let label = ui.label(Msg::StepNumber.text(lang));
    ui.horizontal(|ui| {
        if let [one] = selected.as_slice() {
            let mut n = one.step().unwrap_or(0);
            let none = Msg::NoStep.text(lang);
            let field = ui
                .add(
                    egui::DragValue::new(&mut n)
                        .range(0..=crate::model::workshop::MAX_STEP)
                        .speed(0.1)
                        .custom_formatter(move |v, _| {
                            if v < 0.5 {
                                none.to_owned()
                            } else {
                                format!("{v:.0}")
                            }
                        }),
                )
                .labelled_by(label.id);
            if field.changed() {
                let step = (n > 0).then_some(n);
                view.pending
                    .push(Edit::Apply(Command::Update(vec![one.with_step(step)])));
            }
            if field.drag_stopped() || field.lost_focus() {
                view.pending.push(Edit::Commit);
            }
        } else if ui.button(Msg::NumberSteps.text(lang)).clicked() {
            let ids: Vec<_> = selected.iter().map(Element::id).collect();
            if let Some(cmd) = crate::edit::workshop::number_steps(editor.doc(), &ids) {
                view.pending.push(Edit::Step(cmd));
            }
        }
    });
}

/// Outline, fill, line and text of the selected shapes.
fn shape_settings(
    ui: &mut Ui,
    editor: &mut Editor,
    view: &mut CanvasView,
    shapes: &[Shape],
    lang: Lang,
) {
    ui.label(RichText::new(Msg::Shape.text(lang)).strong());
    let outline = shared(shapes, |s| s.outline);
    let name = outline.map_or("–", |o| i18n::outline_name(o, lang));
    egui::ComboBox::from_label(Msg::Outline.text(lang))
        .selected_text(name)
        .width(ui.available_width() - 80.0)
        .show_ui(ui, |ui| {
            for o in Outline::ALL {
                if ui
                    .selectable_label(outline == Some(o), i18n::outline_name(o, lang))
                    .clicked()
                {
                    view.shape_outline = o;
                    view.update_shapes(editor, |s| s.outline = o);
                }
            }
        });
    ui.add_space(4.0);
    let filled = shared(shapes, |s| s.fill.is_some());
    let mut none = filled == Some(false);
    if ui
        .checkbox(&mut none, Msg::NoFill.text(lang))
        .on_hover_text(Msg::Fill.text(lang))
        .changed()
    {
        let fill = if none {
            None
        } else {
            Some(view.new_card_color)
        };
        view.update_shapes(editor, |s| s.fill = fill);
    }
    ui.label(Msg::LineColor.text(lang));
    let line = shared(shapes, |s| s.line_color);
    if let Some(c) = palette(ui, line, lang) {
        view.update_shapes(editor, |s| s.line_color = c);
    }
    let style = shared(shapes, |s| s.line_style);
    if let Some(st) = choice_row(ui, Msg::LineLabel.text(lang), &LineStyle::ALL, style, |s| {
        i18n::line_style_name(s, lang)
    }) {
        view.update_shapes(editor, |s| s.line_style = st);
    }
    let width = shared(shapes, |s| s.line_width);
    if let Some(w) = choice_row(
        ui,
        Msg::WidthLabel.text(lang),
        &LineWidth::ALL,
        width,
        |w| i18n::width_name(w, lang),
    ) {
        view.update_shapes(editor, |s| s.line_width = w);
    }
    let size = shared(shapes, |s| s.text_size);
    if let Some(ts) = text_size_picker(ui, size, lang) {
        view.update_shapes(editor, |s| s.text_size = ts);
    }
    let bold = shared(shapes, |s| s.bold);
    let mut on = bold == Some(true);
    if ui.checkbox(&mut on, Msg::Bold.text(lang)).changed() {
        view.update_shapes(editor, |s| s.bold = on);
    }
}

/// Size, weight and alignment of the selected free text.
fn text_settings(
    ui: &mut Ui,
    editor: &mut Editor,
    view: &mut CanvasView,
    texts: &[Text],
    lang: Lang,
) {
    ui.label(RichText::new(Msg::FreeText.text(lang)).strong());
    let size = shared(texts, |t| t.size);
    if let Some(f) = choice_row(
        ui,
        Msg::TextSizeLabel.text(lang),
        &FontSize::ALL,
        size,
        i18n::font_size_name,
    ) {
        view.update_texts(editor, |t| t.size = f);
    }
    let align = shared(texts, |t| t.align);
    if let Some(a) = choice_row(ui, Msg::TextAlign.text(lang), &Align::ALL, align, |a| {
        i18n::text_align_name(a, lang)
    }) {
        view.update_texts(editor, |t| t.align = a);
    }
    let bold = shared(texts, |t| t.bold);
    let mut on = bold == Some(true);
    if ui.checkbox(&mut on, Msg::Bold.text(lang)).changed() {
        view.update_texts(editor, |t| t.bold = on);
    }
}

/// Opacity, flipping, cropping and the description of the selected pictures.
fn picture_settings(
    ui: &mut Ui,
    editor: &mut Editor,
    view: &mut CanvasView,
    pictures: &[crate::model::Picture],
    lang: Lang,
) {
    ui.label(RichText::new(Msg::Image.text(lang)).strong());
    let label = ui.label(Msg::Opacity.text(lang));
    let mut percent = pictures.first().map_or(100.0, |p| p.opacity * 100.0);
    let slider = ui
        .add(
            egui::Slider::new(&mut percent, 5.0..=100.0)
                .suffix(" %")
                .integer(),
        )
        .labelled_by(label.id);
    if slider.changed() {
        let o = (percent / 100.0).clamp(0.0, 1.0);
        view.update_pictures(editor, true, |p| p.opacity = o);
    }
    if slider.drag_stopped() || slider.lost_focus() {
        view.pending.push(Edit::Commit);
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(Msg::FlipHorizontal.text(lang)).clicked() {
            view.update_pictures(editor, false, |p| p.flip_x = !p.flip_x);
        }
        if ui.button(Msg::FlipVertical.text(lang)).clicked() {
            view.update_pictures(editor, false, |p| p.flip_y = !p.flip_y);
        }
    });
    if let [one] = pictures {
        ui.horizontal_wrapped(|ui| {
            let cropping = view.cropping == Some(one.id);
            let (msg, on) = if cropping {
                (Msg::CropDone, false)
            } else {
                (Msg::Crop, true)
            };
            if ui
                .add_enabled(!one.locked, egui::Button::new(msg.text(lang)))
                .clicked()
            {
                if on {
                    view.start_crop(editor, one.id);
                } else {
                    view.cropping = None;
                }
            }
            if !one.crop.is_full()
                && ui
                    .add_enabled(!one.locked, egui::Button::new(Msg::ResetCrop.text(lang)))
                    .clicked()
            {
                let whole = super::canvas::uncropped(one);
                view.update_pictures(editor, false, |p| {
                    p.rect = whole.rect;
                    p.crop = whole.crop;
                });
            }
        });
        let label = ui.label(Msg::Description.text(lang));
        let mut name = one.name.clone();
        let field = ui
            .add(egui::TextEdit::singleline(&mut name).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if field.changed() {
            let name: String = name.chars().take(crate::model::MAX_TEXT_CHARS).collect();
            view.update_pictures(editor, true, |p| p.name = name.clone());
        }
        if field.lost_focus() {
            view.pending.push(Edit::Commit);
        }
    }
}

/// The angle of one turnable element, in degrees.
fn rotation_field(ui: &mut Ui, edits: &mut Vec<Edit>, e: Element, lang: Lang) {
    let Some(f) = e.frame() else {
        return;
    };
    let label = ui.label(Msg::Rotation.text(lang));
    let mut deg = f.rotation;
    let field = ui
        .add(
            egui::DragValue::new(&mut deg)
                .range(-360.0..=360.0)
                .speed(1.0)
                .suffix(" °"),
        )
        .labelled_by(label.id);
    if field.changed() {
        edits.push(Edit::Apply(Command::Update(vec![
            e.with_frame(Frame::new(f.rect, deg)),
        ])));
    }
    if field.drag_stopped() || field.lost_focus() {
        edits.push(Edit::Commit);
    }
}

/// Order, groups, lock, align and distribute for the selection.
fn arrange_settings(ui: &mut Ui, editor: &mut Editor, view: &mut CanvasView, lang: Lang) {
    ui.label(RichText::new(Msg::Arrange.text(lang)).strong());
    let mut run = None;
    ui.horizontal_wrapped(|ui| {
        for a in [
            Action::BringToFront,
            Action::BringForward,
            Action::SendBackward,
            Action::SendToBack,
        ] {
            let tip = match a.shortcut_label() {
                Some(k) => format!("{} ({k})", a.label(lang)),
                None => a.label(lang).to_owned(),
            };
            if ui.button(a.label(lang)).on_hover_text(tip).clicked() {
                run = Some(a);
            }
        }
    });
    let doc = editor.doc();
    let selected = view.selected_in_order(doc);
    let grouped = selected.iter().any(|e| e.group().is_some());
    let locked = !selected.is_empty() && selected.iter().all(|e| e.locked());
    let boxed = selected
        .iter()
        .filter(|e| e.frame().is_some() && !e.locked())
        .count();
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(
                view.selection.len() >= 2,
                Button::new(Msg::Group.text(lang)),
            )
            .clicked()
        {
            run = Some(Action::Group);
        }
        if ui
            .add_enabled(grouped, Button::new(Msg::Ungroup.text(lang)))
            .clicked()
        {
            run = Some(Action::Ungroup);
        }
        let lock = if locked { Msg::Unlock } else { Msg::Lock };
        if ui.button(lock.text(lang)).clicked() {
            run = Some(Action::ToggleLock);
        }
    });
    if boxed >= 2 {
        ui.label(Msg::AlignMenu.text(lang));
        ui.horizontal_wrapped(|ui| {
            if let Some(how) = crate::ui::canvas::align_buttons(ui, lang) {
                view.align_selection(editor, how);
            }
        });
        if boxed >= 3 {
            ui.horizontal_wrapped(|ui| {
                if ui.button(Msg::DistributeH.text(lang)).clicked() {
                    view.distribute_selection(editor, true);
                }
                if ui.button(Msg::DistributeV.text(lang)).clicked() {
                    view.distribute_selection(editor, false);
                }
            });
        }
    }
    if let Some(a) = run {
        view.requested.push(a);
    }
}

/// Fitted, or S / M / L / XL: the size of card and shape text. Returns the one clicked.
fn text_size_picker(ui: &mut Ui, size: Option<TextSize>, lang: Lang) -> Option<TextSize> {
    ui.label(Msg::TextSizeLabel.text(lang));
    let mut picked = None;
    let fit = Button::selectable(size == Some(TextSize::Auto), Msg::TextSizeFit.text(lang));
    if ui.add(fit).clicked() {
        picked = Some(TextSize::Auto);
    }
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        for s in [TextSize::S, TextSize::M, TextSize::L, TextSize::Xl] {
            let button = Button::selectable(size == Some(s), i18n::text_size_name(s, lang));
            let points = s.points().unwrap_or_default();
            if ui
                .add_sized(vec2(40.0, 24.0), button)
                .on_hover_text(format!("{points:.0} {}", crate::tr!(lang, "unit-pt")))
                .clicked()
            {
                picked = Some(s);
            }
        }
    });
    picked
}

/// The value all of `items` share, if they share one.
fn shared<E, T: Copy + PartialEq>(items: &[E], f: impl Fn(&E) -> T) -> Option<T> {
    let first = f(items.first()?);
    items.iter().all(|a| f(a) == first).then_some(first)
}

/// Route, heads, line and width of the selected arrows, and the label of one.
fn arrow_settings(
    ui: &mut Ui,
    editor: &mut Editor,
    view: &mut CanvasView,
    arrows: &[Arrow],
    lang: Lang,
) {
    ui.label(RichText::new(Msg::Arrow.text(lang)).strong());
    let route = shared(arrows, |a| a.route);
    if let Some(r) = choice_row(ui, Msg::RouteLabel.text(lang), &Route::ALL, route, |r| {
        i18n::route_name(r, lang)
    }) {
        view.update_arrows(editor, |a| a.route = r);
    }
    let start = shared(arrows, |a| a.start_head);
    if let Some(h) = choice_row(ui, Msg::StartHead.text(lang), &Head::ALL, start, |h| {
        i18n::head_name(h, lang)
    }) {
        view.update_arrows(editor, |a| a.start_head = h);
    }
    let end = shared(arrows, |a| a.end_head);
    if let Some(h) = choice_row(ui, Msg::EndHead.text(lang), &Head::ALL, end, |h| {
        i18n::head_name(h, lang)
    }) {
        view.update_arrows(editor, |a| a.end_head = h);
    }
    let style = shared(arrows, |a| a.style);
    if let Some(s) = choice_row(ui, Msg::LineLabel.text(lang), &LineStyle::ALL, style, |s| {
        i18n::line_style_name(s, lang)
    }) {
        view.update_arrows(editor, |a| a.style = s);
    }
    let width = shared(arrows, |a| a.width);
    if let Some(w) = choice_row(
        ui,
        Msg::WidthLabel.text(lang),
        &LineWidth::ALL,
        width,
        |w| i18n::width_name(w, lang),
    ) {
        view.update_arrows(editor, |a| a.width = w);
    }
    ui.add_space(6.0);
    if let [one] = arrows {
        let label = ui.label(Msg::ArrowLabel.text(lang));
        let mut text = one.label.clone();
        if ui
            .add(egui::TextEdit::singleline(&mut text).char_limit(500))
            .labelled_by(label.id)
            .changed()
        {
            view.pending
                .push(Edit::Apply(Command::Update(vec![Element::Arrow(Arrow {
                    label: text,
                    ..one.clone()
                })])));
        }
    }
    if ui.button(Msg::Reverse.text(lang)).clicked() {
        view.reverse_arrows(editor);
    }
}

fn phase_settings(ui: &mut Ui, editor: &Editor, edits: &mut Vec<Edit>, phase: PhaseId, lang: Lang) {
    let current: Phase = editor.doc().phases.get(phase).clone();
    ui.label(RichText::new(format!("{}: {}", Msg::Phase.text(lang), current.title)).strong());
    ui.add_space(6.0);
    let mut next = current.clone();
    let label = ui.label(Msg::PhaseTitle.text(lang));
    ui.add(egui::TextEdit::singleline(&mut next.title).char_limit(200))
        .labelled_by(label.id);
    ui.add_space(6.0);
    let label = ui.label(Msg::PhaseWidth.text(lang));
    ui.add(
        egui::DragValue::new(&mut next.width)
            .range(MIN_PHASE_WIDTH..=100_000.0)
            .speed(2.0)
            .suffix(format!(" {}", crate::tr!(lang, "unit-pt"))),
    )
    .labelled_by(label.id);
    ui.add_space(6.0);
    ui.label(Msg::PhaseTint.text(lang));
    ui.horizontal_wrapped(|ui| {
        for t in crate::model::PHASE_TINTS {
            let (rect, r) = ui.allocate_exact_size(vec2(24.0, 24.0), Sense::click());
            ui.painter().rect(
                rect,
                4.0,
                color32(t),
                Stroke::new(
                    if t == next.tint { 2.5 } else { 1.0 },
                    if t == next.tint {
                        ACCENT
                    } else {
                        Color32::GRAY
                    },
                ),
                StrokeKind::Inside,
            );
            if r.on_hover_text(t.to_string()).clicked() {
                next.tint = t;
            }
        }
        let mut c = color32(next.tint);
        if egui::color_picker::color_edit_button_srgba(
            ui,
            &mut c,
            egui::color_picker::Alpha::Opaque,
        )
        .changed()
        {
            next.tint = Rgba::rgb(c.r(), c.g(), c.b());
        }
    });
    if next != current {
        edits.push(Edit::Apply(Command::SetPhase(phase, next)));
    }
}

fn document_settings(ui: &mut Ui, editor: &Editor, edits: &mut Vec<Edit>, lang: Lang) {
    ui.label(RichText::new(Msg::Document.text(lang)).strong());
    ui.add_space(4.0);
    let label = ui.label(Msg::DocumentTitle.text(lang));
    let mut title = editor.doc().title.clone();
    if ui
        .add(egui::TextEdit::singleline(&mut title).char_limit(200))
        .labelled_by(label.id)
        .changed()
    {
        edits.push(Edit::Apply(Command::SetTitle(title)));
    }
    let mut show = editor.doc().board.show_title;
    if ui.checkbox(&mut show, Msg::ShowTitle.text(lang)).changed() {
        edits.push(Edit::Step(Command::SetShowTitle(show)));
    }
    ui.add_space(6.0);
    let label = ui.label(Msg::DateLabel.text(lang));
    ui.horizontal(|ui| {
        let mut date = editor.doc().date.clone();
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut date)
                    .char_limit(100)
                    .desired_width(150.0),
            )
            .labelled_by(label.id);
        if field.changed() {
            edits.push(Edit::Apply(Command::SetDate(date)));
        }
        if ui.button(Msg::Today.text(lang)).clicked() {
            edits.push(Edit::Step(Command::SetDate(i18n::today(lang))));
        }
    });
    ui.add_space(6.0);
    let label = ui.label(Msg::BoardHeight.text(lang));
    let mut h = editor.doc().board.height;
    if ui
        .add(
            egui::DragValue::new(&mut h)
                .range(MIN_BOARD_HEIGHT.max(editor.doc().lanes_bottom())..=100_000.0)
                .speed(2.0)
                .suffix(format!(" {}", crate::tr!(lang, "unit-pt"))),
        )
        .labelled_by(label.id)
        .changed()
    {
        edits.push(Edit::Apply(Command::SetBoardHeight(h)));
    }
}

/// The status bar: a notice or a hint on the left, counts and zoom on the right.
pub fn status_bar(
    ui: &mut Ui,
    editor: &Editor,
    view: &CanvasView,
    notice: Option<&str>,
    lang: Lang,
) {
    ui.horizontal(|ui| {
        let editing_card = view
            .editing
            .as_ref()
            .map(|e| matches!(view.element(editor, e.id), Some(Element::Card(_))));
        let connecting = view.connecting.and_then(|(from, to)| {
            let doc = editor.doc();
            let (a, b) = (doc.elements.get(from)?, doc.elements.get(to)?);
            Some(crate::tr!(
                lang,
                "connect-hint",
                from = crate::ui::canvas::element_label(doc, a, lang),
                to = crate::ui::canvas::element_label(doc, b, lang)
            ))
        });
        let hint = if let Some(c) = &connecting {
            Some(c.as_str())
        } else if let Some(card) = editing_card {
            // Tab opens the next card only from a card.
            Some(if card {
                Msg::TipEditing.text(lang)
            } else {
                Msg::TipEditingText.text(lang)
            })
        } else if view.tool == Tool::Arrow {
            Some(Msg::TipArrowTool.text(lang))
        } else if matches!(view.tool, Tool::Pen | Tool::Highlighter) {
            Some(Msg::TipPen.text(lang))
        } else if view.tool == Tool::Eraser {
            Some(Msg::TipEraser.text(lang))
        } else if matches!(view.tool, Tool::Shape(_)) {
            Some(Msg::TipShape.text(lang))
        } else if view.tool == Tool::Text {
            Some(Msg::TipText.text(lang))
        } else {
            None
        };
        if let Some(text) = notice.or(hint) {
            ui.label(text);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(format!("{:.0} %", view.camera.zoom * 100.0));
            ui.separator();
            // Right to left: read left to right, cards, arrows, then the other kinds.
            let others = i18n::other_elements_of(|k| editor.count(k), lang);
            if !others.is_empty() {
                ui.label(others);
                ui.separator();
            }
            let arrows = editor.count(crate::model::Kind::Arrow);
            if arrows > 0 {
                ui.label(i18n::arrows(arrows, lang));
                ui.separator();
            }
            ui.label(i18n::cards(editor.count(crate::model::Kind::Card), lang));
            if !view.selection.is_empty() {
                ui.separator();
                ui.label(selection_summary(editor, view, lang));
            }
        });
    });
}
