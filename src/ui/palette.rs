//! The command palette (Ctrl+K, Ctrl+Shift+P): every action of the table by its name in the
//! language of the window (and in English), with its shortcut, the recently used first;
//! ↑ ↓ pick, Enter runs, Esc closes.

use super::actions::Action;
use crate::i18n::{Lang, Msg};
use egui::{Context, Key, Modifiers};

/// How many actions the palette remembers as recently used.
pub const RECENT: usize = 8;

/// One command of the palette.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub action: Action,
    pub label: String,
    /// Its name in English, found too ("undo" finds Ångra).
    pub english: String,
    pub shortcut: Option<String>,
}

/// Every command the palette offers: the action table, each language, the recent files.
pub fn entries(lang: Lang, recent_files: &[std::path::PathBuf]) -> Vec<Entry> {
    let entry = |action: Action, label: String| Entry {
        action,
        english: action.label(Lang::En).to_owned(),
        shortcut: action.shortcut_label(),
        label,
    };
    let mut out: Vec<Entry> = Action::ALL
        .into_iter()
        .map(|a| entry(a, a.label(lang).to_owned()))
        .collect();
    for l in Lang::all() {
        let label = format!("{}: {}", Msg::Language.text(lang), l.native_name());
        let mut e = entry(Action::SetLanguage(l), label);
        e.english = format!("{}: {}", Msg::Language.text(Lang::En), l.native_name());
        out.push(e);
    }
    for (i, path) in recent_files.iter().enumerate() {
        let name = path
            .file_name()
            .map(|n| crate::i18n::tidy(&n.to_string_lossy()))
            .unwrap_or_default();
        let label = format!("{}: {name}", Msg::RecentFiles.text(lang));
        let mut e = entry(Action::OpenRecent(i), label);
        e.english = format!("{}: {name}", Msg::RecentFiles.text(Lang::En));
        out.push(e);
    }
    for m in super::timer::PRESETS {
        let label = format!(
            "{}: {}",
            Msg::Timer.text(lang),
            crate::tr!(lang, "minutes", n = m)
        );
        let mut e = entry(Action::StartTimer(m), label);
        e.english = format!(
            "{}: {}",
            Msg::Timer.text(Lang::En),
            crate::tr!(Lang::En, "minutes", n = m)
        );
        out.push(e);
    }
    out
}

/// Lower case without the marks of å, ä, ö and é, so that "angra" finds "Ångra" (as the
/// picture library searches).
pub use crate::picture::library::fold;

/// How well `query` (folded) matches `text`: its letters in order, words' first letters and
/// runs counting most; `None` if they are not all there.
pub fn score(query: &str, text: &str) -> Option<i32> {
    let text: Vec<char> = fold(text).chars().collect();
    let mut score = 0;
    let mut at = 0usize;
    let mut last: Option<usize> = None;
    for q in query.chars().filter(|c| !c.is_whitespace()) {
        let i = at + text.get(at..)?.iter().position(|&c| c == q)?;
        let word_start = i == 0 || text.get(i - 1).is_some_and(|c| !c.is_alphanumeric());
        score += if word_start { 10 } else { 1 };
        if last.is_some_and(|l| l + 1 == i) {
            score += 5;
        }
        score -= (i - last.map_or(0, |l| l + 1)).min(10) as i32;
        last = Some(i);
        at = i + 1;
    }
    Some(score)
}

/// A name that holds `query` (folded) as it is: better than any letters picked out, the
/// more so where a word starts with it.
fn whole(query: &str, text: &str) -> Option<i32> {
    if query.is_empty() {
        return None;
    }
    let text = fold(text);
    let at = text.find(query)?;
    let word_start = at == 0
        || text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_alphanumeric());
    Some(100 + if word_start { 50 } else { 0 } - (at as i32).min(20))
}

/// The entries that match `query`, best first; with no query, the recently used first and
/// then the table's order.
pub fn ranked(entries: &[Entry], query: &str, recent: &[Action]) -> Vec<usize> {
    let query = fold(query.trim());
    let mut scored: Vec<(i32, usize)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            // The window's own language first: a name in it beats the English one, and a
            // name holding the words typed beats letters picked out of it.
            let s = whole(&query, &e.label)
                .max(score(&query, &e.label))
                .max(score(&query, &e.english).map(|s| s - 5))
                .max(whole(&query, &e.english).map(|s| s - 5))?;
            let bonus = recent
                .iter()
                .position(|a| *a == e.action)
                .map_or(0, |r| 1000 - r as i32 * 10);
            // With a query, being recent breaks ties between good matches only.
            let bonus = if query.is_empty() { bonus } else { bonus / 100 };
            Some((s + bonus, i))
        })
        .collect();
    scored.sort_by_key(|&(s, i)| (std::cmp::Reverse(s), i));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// What the palette asks for after a frame.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Stay,
    Close,
    Run(Action),
}

/// Shows the palette over the window.
pub fn show(
    ctx: &Context,
    query: &mut String,
    selected: &mut usize,
    entries: &[Entry],
    recent: &[Action],
    lang: Lang,
) -> Outcome {
    let before = query.clone();
    let list = ranked(entries, query, recent);
    let (up, down, enter) = ctx.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::Enter),
        )
    });
    if up {
        *selected = selected.saturating_sub(1);
    }
    if down {
        *selected = (*selected + 1).min(list.len().saturating_sub(1));
    }
    if enter {
        return match list.get(*selected).and_then(|&i| entries.get(i)) {
            Some(e) => Outcome::Run(e.action),
            None => Outcome::Stay,
        };
    }
    let screen = ctx.content_rect();
    let width = 620.0f32.min(screen.width() - 48.0).max(200.0);
    let top = (screen.height() * 0.08).clamp(16.0, 96.0);
    let list_height = (screen.height() - top - 120.0).clamp(60.0, 420.0);
    let id = egui::Id::unique("malbild-palette");
    let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, top));
    let mut run = None;
    let response = egui::Modal::new(id).area(area).show(ctx, |ui| {
        ui.set_width(width);
        let field_id = ui.make_persistent_id("palette-field");
        let label = ui.label(Msg::PaletteSearch.text(lang));
        let field = ui
            .add(
                egui::TextEdit::singleline(query)
                    .id(field_id)
                    .char_limit(100)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        // The field keeps the keyboard: typing always searches.
        if !field.has_focus() {
            field.request_focus();
        }
        ui.add_space(6.0);
        if list.is_empty() {
            ui.label(Msg::PaletteNothing.text(lang));
        }
        egui::ScrollArea::vertical()
            .max_height(list_height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (row, &i) in list.iter().enumerate() {
                    let Some(e) = entries.get(i) else { continue };
                    let mut button = egui::Button::selectable(row == *selected, e.label.as_str());
                    // The name on the left, the shortcut (if any) on the right.
                    button = match &e.shortcut {
                        Some(s) => button.shortcut_text(s.as_str()),
                        None => button.right_text(""),
                    };
                    let r = ui.add_sized([ui.available_width(), 28.0], button);
                    if row == *selected && (up || down) {
                        r.scroll_to_me(None);
                    }
                    if r.clicked() {
                        run = Some(e.action);
                    }
                }
            });
    });
    if *query != before {
        *selected = 0;
    }
    match run {
        Some(a) => Outcome::Run(a),
        None if response.should_close() => Outcome::Close,
        None => Outcome::Stay,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_finds_by_either_language_and_folds_marks() {
        let all = entries(Lang::Sv, &[]);
        let first = |q: &str| all.get(ranked(&all, q, &[])[0]).map(|e| e.action);
        assert_eq!(first("ångra"), Some(Action::Undo));
        assert_eq!(first("angra"), Some(Action::Undo));
        assert_eq!(first("undo"), Some(Action::Undo));
        assert_eq!(first("spara som"), Some(Action::SaveAs));
        assert_eq!(
            first("hög kontrast"),
            Some(Action::SetTheme(super::super::Theme::HighContrast))
        );
        assert!(ranked(&all, "qqqxxz", &[]).is_empty());
        // A Swedish word typed finds the Swedish names holding it before an English name
        // whose letters happen to be there ("tema" in "Save as template").
        assert_eq!(
            first("tema"),
            Some(Action::SetTheme(super::super::Theme::Light)),
            "Ljust tema"
        );
    }

    #[test]
    fn recently_used_come_first_without_a_query() {
        let all = entries(Lang::En, &[]);
        let list = ranked(&all, "", &[Action::Present, Action::Undo]);
        assert_eq!(all[list[0]].action, Action::Present);
        assert_eq!(all[list[1]].action, Action::Undo);
        assert_eq!(list.len(), all.len());
    }
}
