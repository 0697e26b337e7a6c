//! The follow-up filter: show only cards of some statuses, one owner or one theme (the rest
//! fade), and ring what changed since a day, so a team reopening the canvas months later
//! sees the progress. A view of the document: it changes nothing in it.

use crate::i18n::{Lang, Msg};
use crate::model::{Document, Element, ElementId, Status, workshop};
use egui::{Button, RichText, Ui};
use std::collections::{BTreeSet, HashSet};

/// What the filter bar asks for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Shown while true (the bar is open).
    pub open: bool,
    /// Only cards with one of these statuses (`None` in it: cards with no status); empty:
    /// any status.
    pub statuses: BTreeSet<Option<Status>>,
    /// Only cards of this owner.
    pub owner: Option<String>,
    /// Only what is in this theme (by its id).
    pub lane: Option<ElementId>,
    /// Ring the cards changed on or after this day (`YYYY-MM-DD`; being typed: not a day).
    pub since: String,
    /// What was worked out for the document at a revision, and for which filter.
    cache: Option<(u64, Key, HashSet<ElementId>, HashSet<ElementId>)>,
}

/// What the derived sets depend on.
type Key = (
    BTreeSet<Option<Status>>,
    Option<String>,
    Option<ElementId>,
    String,
);

impl Filter {
    /// Whether it fades anything.
    pub fn narrows(&self) -> bool {
        self.open && (!self.statuses.is_empty() || self.owner.is_some() || self.lane.is_some())
    }

    fn since_day(&self) -> Option<&str> {
        let s = self.since.trim();
        (self.open && workshop::is_day(s)).then_some(s)
    }

    /// Whether `e` passes the filter.
    pub fn keeps(&self, doc: &Document, e: &Element) -> bool {
        let card = e.as_card();
        if !self.statuses.is_empty() && !card.is_some_and(|c| self.statuses.contains(&c.status)) {
            return false;
        }
        if let Some(o) = &self.owner
            && card.is_none_or(|c| c.owner.trim() != o)
        {
            return false;
        }
        if let Some(l) = self.lane {
            let lane = doc.lane_of(e).and_then(|i| doc.lanes.get(i)).map(|l| l.id);
            if lane != Some(l) {
                return false;
            }
        }
        true
    }

    /// The elements to fade and to ring, worked out again only when the document or the
    /// filter changed.
    pub fn sets(
        &mut self,
        doc: &Document,
        revision: u64,
    ) -> (Option<&HashSet<ElementId>>, Option<&HashSet<ElementId>>) {
        let key: Key = (
            self.statuses.clone(),
            self.owner.clone(),
            self.lane,
            self.since_day().unwrap_or_default().to_owned(),
        );
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|(r, k, _, _)| *r == revision && *k == key);
        if !fresh {
            let faded = if self.narrows() {
                doc.elements
                    .iter()
                    .filter(|e| !self.keeps(doc, e))
                    .map(Element::id)
                    .collect()
            } else {
                HashSet::new()
            };
            let ringed = match self.since_day() {
                Some(day) => doc
                    .elements
                    .iter()
                    .filter_map(Element::as_card)
                    .filter(|c| !c.changed.is_empty() && c.changed.as_str() >= day)
                    .map(|c| c.id)
                    .collect(),
                None => HashSet::new(),
            };
            self.cache = Some((revision, key, faded, ringed));
        }
        match &self.cache {
            Some((_, _, f, r)) => ((!f.is_empty()).then_some(f), (!r.is_empty()).then_some(r)),
            None => (None, None),
        }
    }

    /// The filter bar: status chips, owner and theme, changed since, clear and close.
    pub fn bar(&mut self, ui: &mut Ui, doc: &Document, lang: Lang) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(Msg::FilterLabel.text(lang)).strong());
            let options: Vec<Option<Status>> =
                Status::ALL.into_iter().map(Some).chain([None]).collect();
            for s in options {
                let on = self.statuses.contains(&s);
                let name = s.map_or(Msg::NoStatus.text(lang), |s| s.word(lang));
                if ui.add(Button::selectable(on, name)).clicked() {
                    if on {
                        self.statuses.remove(&s);
                    } else {
                        self.statuses.insert(s);
                    }
                }
            }
            ui.separator();
            let owners: BTreeSet<String> = doc
                .elements
                .iter()
                .filter_map(Element::as_card)
                .map(|c| c.owner.trim().to_owned())
                .filter(|o| !o.is_empty())
                .take(500)
                .collect();
            let all = Msg::FilterAll.text(lang);
            let label = ui.label(Msg::OwnerLabel.text(lang));
            egui::ComboBox::from_id_salt("filter-owner")
                .selected_text(self.owner.as_deref().unwrap_or(all))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.owner, None, all);
                    for o in owners {
                        let label = o.clone();
                        ui.selectable_value(&mut self.owner, Some(o), label);
                    }
                })
                .response
                .labelled_by(label.id);
            if !doc.lanes.is_empty() {
                let current = self
                    .lane
                    .and_then(|id| doc.lanes.iter().find(|l| l.id == id))
                    .map_or(all.to_owned(), |l| l.title.clone());
                let label = ui.label(Msg::ThemeLabel.text(lang));
                egui::ComboBox::from_id_salt("filter-theme")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.lane, None, all);
                        for l in &doc.lanes {
                            ui.selectable_value(&mut self.lane, Some(l.id), l.title.clone());
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
            ui.separator();
            let label = ui.label(Msg::ChangedSince.text(lang));
            ui.add(
                egui::TextEdit::singleline(&mut self.since)
                    .char_limit(10)
                    .hint_text(crate::tr!(lang, "date-format-hint"))
                    .desired_width(112.0),
            )
            .labelled_by(label.id);
            if !self.since.trim().is_empty() && !workshop::is_day(self.since.trim()) {
                ui.label(RichText::new(Msg::DueHint.text(lang)).color(ui.visuals().error_fg_color));
            }
            if ui.button(Msg::FilterClear.text(lang)).clicked() {
                *self = Filter {
                    open: true,
                    ..Filter::default()
                };
            }
            if ui.button(Msg::Close.text(lang)).clicked() {
                self.open = false;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, CardColor, Rect};

    #[test]
    fn only_cards_of_the_chosen_statuses_stay_in_focus() {
        let mut doc = Document::new();
        let mut a = Card::new(
            ElementId(1),
            Rect::new(0.0, 200.0, 100.0, 60.0),
            "a",
            CardColor::Yellow,
        );
        a.status = Some(Status::Done);
        a.changed = "2027-01-10".into();
        let mut b = Card::new(
            ElementId(2),
            Rect::new(200.0, 200.0, 100.0, 60.0),
            "b",
            CardColor::Yellow,
        );
        b.owner = "Åsa".into();
        b.changed = "2026-11-01".into();
        doc.elements.push(Element::Card(a));
        doc.elements.push(Element::Card(b));
        let mut f = Filter {
            open: true,
            ..Filter::default()
        };
        f.statuses.insert(Some(Status::Done));
        let (faded, _) = f.sets(&doc, 1);
        assert_eq!(faded.map(|s| s.contains(&ElementId(2))), Some(true));
        assert_eq!(faded.map(|s| s.len()), Some(1));
        f.statuses.clear();
        f.owner = Some("Åsa".into());
        f.since = "2027-01-01".into();
        let (faded, ringed) = f.sets(&doc, 1);
        assert_eq!(faded.map(|s| s.contains(&ElementId(1))), Some(true));
        assert_eq!(
            ringed.map(|s| s.iter().copied().collect::<Vec<_>>()),
            Some(vec![ElementId(1)])
        );
        f.open = false;
        assert_eq!(f.sets(&doc, 1), (None, None), "closed, it shows everything");
    }
}
