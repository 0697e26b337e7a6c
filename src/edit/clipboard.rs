//! Copy and paste of elements, and pasting plain text as cards: pure functions from a
//! document to the elements a paste inserts (the caller applies them as one command).

use super::Command;
use super::layout::PHASE_MARGIN;
use crate::model::arrow;
use crate::model::{
    Card, CardColor, DEFAULT_CARD_SIZE, Document, Element, ElementId, Files, MAX_TEXT_CHARS, Point,
    Rect,
};
use std::collections::{HashMap, HashSet};

/// Gap between cards made from pasted lines, in world points.
const GAP: f32 = 24.0;
/// Most cards one paste of text makes (one a line).
pub const MAX_PASTED_CARDS: usize = 100;

/// Elements copied from a document, as they were there.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clip {
    pub elements: Vec<Element>,
    /// The pictures the elements show.
    pub files: Files,
}

impl Clip {
    /// The command that adds the clip's pictures to a document (which keeps those it has).
    pub fn add_files(&self) -> Command {
        Command::AddFiles(
            self.files
                .iter()
                .map(|(id, f)| (id.clone(), f.clone()))
                .collect(),
        )
    }
}

/// Why pasted text makes no cards.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasteError {
    #[error("the clipboard holds no text")]
    Empty,
    #[error(
        "the text has more than {MAX_PASTED_CARDS} lines; one paste makes at most {MAX_PASTED_CARDS} cards"
    )]
    TooManyLines,
}

/// Copies the elements `ids` (in paint order). An arrow whose end is bound to something not
/// copied keeps that end where it is now, free.
pub fn copy(doc: &Document, ids: &HashSet<ElementId>) -> Clip {
    let elements = doc
        .elements
        .iter()
        .filter(|e| ids.contains(&e.id()))
        .map(|e| match e {
            Element::Arrow(a) => {
                let path = arrow::resolve(doc, a);
                let mut a = a.clone();
                for (end, at) in [(&mut a.start, path.start()), (&mut a.end, path.end())] {
                    if end.bind.is_some_and(|b| !ids.contains(&b.element)) {
                        end.bind = None;
                        end.point = at;
                    }
                }
                Element::Arrow(a)
            }
            e @ (Element::Card(_)
            | Element::Shape(_)
            | Element::Text(_)
            | Element::Stroke(_)
            | Element::Illustration(_)
            | Element::Image(_)) => e.clone(),
        })
        .collect::<Vec<_>>();
    let mut files = Files::default();
    for p in elements.iter().filter_map(Element::as_picture) {
        if let Some(f) = doc.files.get(&p.file) {
            files.insert(p.file.clone(), f.clone());
        }
    }
    Clip { elements, files }
}

/// What other programs get when elements are copied: their texts, one a paragraph.
pub fn text_of(clip: &Clip) -> String {
    clip.elements
        .iter()
        .filter_map(Element::text)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The elements a paste of `clip` inserts: new ids (arrows between copies bound to the
/// copies), moved so that their middle is at `at`. Cards move together: a group that would
/// stand across a phase line is moved as a whole into the phase under its middle.
pub fn paste(doc: &Document, clip: &Clip, at: Point) -> Vec<Element> {
    let Some(bounds) = clip_bounds(clip) else {
        return Vec::new();
    };
    let c = bounds.center();
    let (mut dx, dy) = (at.x - c.x, at.y - c.y);
    if let Some(cards) = card_bounds(clip) {
        let moved = cards.translated(dx, dy);
        dx += doc.keep_in_phase(moved, PHASE_MARGIN).x - moved.x;
    }
    place(clip, dx, dy)
}

/// The elements a duplicate of `ids` inserts: copies a little down and to the right, or, where
/// that would carry cards that stand in one phase across a phase line, right below them.
pub fn duplicate(doc: &Document, ids: &HashSet<ElementId>) -> Vec<Element> {
    let clip = copy(doc, ids);
    let (mut dx, mut dy) = (DUPLICATE_OFFSET, DUPLICATE_OFFSET);
    if let Some(cards) = card_bounds(&clip) {
        let moved = cards.translated(dx, dy);
        let inside = |r: Rect| doc.keep_in_phase(r, 0.0) == r;
        if inside(cards) && !inside(moved) {
            (dx, dy) = (0.0, cards.h + GAP);
        }
    }
    place(&clip, dx, dy)
}

/// How far a duplicate lands from its original, in world points.
pub const DUPLICATE_OFFSET: f32 = 24.0;

/// The clip's elements moved by (dx, dy), with new ids; arrows bound to copied elements are
/// bound to their copies.
fn place(clip: &Clip, dx: f32, dy: f32) -> Vec<Element> {
    let new_ids: HashMap<ElementId, ElementId> = clip
        .elements
        .iter()
        .map(|e| (e.id(), ElementId::random()))
        .collect();
    let fresh = |id: ElementId| new_ids.get(&id).copied().unwrap_or_else(ElementId::random);
    // Copied groups become new groups of the copies.
    let new_groups: HashMap<ElementId, ElementId> = clip
        .elements
        .iter()
        .filter_map(Element::group)
        .map(|g| (g, ElementId::random()))
        .collect();
    clip.elements
        .iter()
        .map(|e| {
            let group = e.group().and_then(|g| new_groups.get(&g).copied());
            let mut e = e
                .translated(dx, dy)
                .with_id(fresh(e.id()))
                .with_group(group);
            match &mut e {
                Element::Card(_)
                | Element::Shape(_)
                | Element::Text(_)
                | Element::Stroke(_)
                | Element::Illustration(_)
                | Element::Image(_) => {}
                Element::Arrow(a) => {
                    for end in [&mut a.start, &mut a.end] {
                        // A bound end moves with what it is bound to, which moves too.
                        if let Some(b) = &mut end.bind {
                            end.point = Point::new(end.point.x + dx, end.point.y + dy);
                            match new_ids.get(&b.element) {
                                Some(copy) => b.element = *copy,
                                None => end.bind = None,
                            }
                        }
                    }
                }
            }
            e
        })
        .collect()
}

/// The box around everything in the clip (arrows by their end points).
fn clip_bounds(clip: &Clip) -> Option<Rect> {
    clip.elements
        .iter()
        .map(|e| match (e, e.frame()) {
            // A free end by its point; a bound one goes with its element (in the clip too),
            // and its point is only where it was once.
            (Element::Arrow(a), _) => [a.start, a.end]
                .iter()
                .filter(|end| end.bind.is_none())
                .map(|end| Rect::new(end.point.x, end.point.y, 0.0, 0.0))
                .reduce(|a, b| a.union(&b))
                .unwrap_or_else(|| {
                    clip.elements
                        .iter()
                        .filter_map(|e| e.frame().map(|f| f.bounds()))
                        .next()
                        .unwrap_or_default()
                }),
            (_, Some(f)) => f.bounds(),
            (_, None) => Rect::default(),
        })
        .reduce(|a, b| a.union(&b))
}

/// The box around the clip's cards, if it has any.
fn card_bounds(clip: &Clip) -> Option<Rect> {
    clip.elements
        .iter()
        .filter_map(Element::as_card)
        .map(|c| c.rect)
        .reduce(|a, b| a.union(&b))
}

/// Cards made from pasted text: one a line (blank lines skipped), in rows from `at` that
/// wrap inside the phase there; one card for text of one line. Control characters other
/// than line breaks and tabs are dropped, and each card's text is cut to the longest a card
/// may hold.
pub fn cards_from_text(
    doc: &Document,
    text: &str,
    at: Point,
    color: CardColor,
) -> Result<Vec<Element>, PasteError> {
    // Lines are taken one by one and only as many as may become cards (one more tells that
    // there are too many), each cleaned and cut on its own: a paste of 100 MB costs what
    // its first lines cost.
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if lines.len() == MAX_PASTED_CARDS {
            return Err(PasteError::TooManyLines);
        }
        let clean: String = line
            .chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .take(MAX_TEXT_CHARS)
            .collect();
        if !clean.trim().is_empty() {
            lines.push(clean.trim().to_owned());
        }
    }
    if lines.is_empty() {
        return Err(PasteError::Empty);
    }
    let (w, h) = DEFAULT_CARD_SIZE;
    let first = doc.keep_in_phase(Rect::centered(at, w, h), PHASE_MARGIN);
    let right = doc
        .phase_at_x(first.center().x)
        .map(|p| doc.phase_rect(p).right() - PHASE_MARGIN)
        .unwrap_or(f32::INFINITY);
    let columns = (((right - first.x + GAP) / (w + GAP)).floor() as usize).max(1);
    Ok(lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let (col, row) = (i % columns, i / columns);
            let rect = Rect::new(
                first.x + col as f32 * (w + GAP),
                first.y + row as f32 * (h + GAP),
                w,
                h,
            );
            Element::Card(Card::new(ElementId::random(), rect, line.clone(), color))
        })
        .collect())
}

/// What marks copied elements on the clipboard (the `type` of the JSON object).
pub const CLIP_TYPE: &str = "malbild/clipboard";
/// Copied elements larger than this (as JSON) are not read back from the clipboard.
pub const MAX_CLIP_BYTES: usize = 256 * 1024 * 1024;

#[derive(serde::Serialize)]
struct ClipOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "version")]
    version: u32,
    #[serde(rename = "elements")]
    elements: &'a [Element],
    #[serde(rename = "files", skip_serializing_if = "Files::is_empty")]
    files: &'a Files,
}

#[derive(serde::Deserialize)]
struct ClipIn {
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "version")]
    version: u32,
    #[serde(rename = "elements")]
    elements: Vec<Element>,
    #[serde(rename = "files", default)]
    files: Files,
}

/// The clip as JSON text with its marker, for the clipboard: another window (or another
/// Målbild) pastes it as elements.
pub fn to_json(clip: &Clip) -> String {
    let out = ClipOut {
        kind: CLIP_TYPE,
        version: crate::io::VERSION,
        elements: &clip.elements,
        files: &clip.files,
    };
    serde_json::to_string(&out).unwrap_or_default()
}

/// Copied elements read back from clipboard text: `None` if the text is not copied elements
/// (plain text, to be pasted as cards), or why they cannot be pasted.
pub fn from_json(text: &str) -> Option<Result<Clip, String>> {
    let t = text.trim_start();
    // Ours starts with the marker (as `to_json` writes it); anything else is plain text.
    let head: String = t.chars().take(40).filter(|c| !c.is_whitespace()).collect();
    if !head.starts_with(&format!("{{\"type\":\"{CLIP_TYPE}\"")) {
        return None;
    }
    if t.len() > MAX_CLIP_BYTES {
        return Some(Err(format!(
            "more than {} MB of copied elements",
            MAX_CLIP_BYTES / (1024 * 1024)
        )));
    }
    let read: ClipIn = match serde_json::from_str(t) {
        Ok(r) => r,
        Err(e) => return Some(Err(e.to_string())),
    };
    if read.kind != CLIP_TYPE {
        return None;
    }
    if read.version > crate::io::VERSION {
        return Some(Err(format!(
            "copied in a newer Målbild (version {}; this one reads up to {})",
            read.version,
            crate::io::VERSION
        )));
    }
    let mut seen = HashSet::new();
    for (i, e) in read.elements.iter().enumerate() {
        if !seen.insert(e.id()) {
            return Some(Err(format!(
                "elements[{i}]: the id {} is used twice",
                e.id()
            )));
        }
        // Order keys are given anew on paste: only the rest is checked.
        let keyed = e.with_order(crate::model::OrderKey::between(None, None));
        if let Err(m) = keyed.validate() {
            return Some(Err(format!("elements[{i}].{m}")));
        }
    }
    Some(Ok(Clip {
        elements: read.elements,
        files: read.files,
    }))
}

/// Copied elements for the clipboard's HTML: the JSON inside a comment (in base64, so no
/// text can end it early), and the texts as HTML for programs that read that.
pub fn to_html(json: &str, text: &str) -> String {
    let mut body = String::new();
    for para in text.split("\n\n") {
        body.push_str("<p>");
        for c in para.chars() {
            match c {
                '&' => body.push_str("&amp;"),
                '<' => body.push_str("&lt;"),
                '>' => body.push_str("&gt;"),
                '\n' => body.push_str("<br>"),
                c => body.push(c),
            }
        }
        body.push_str("</p>");
    }
    format!(
        "<meta charset=\"utf-8\"><!--{CLIP_TYPE}:{}-->{body}",
        crate::io::base64::encode(json.as_bytes())
    )
}

/// Copied elements inside clipboard HTML made by [`to_html`]: `None` if there are none, or
/// the elements or why they cannot be pasted (too many pictures to carry, say).
pub fn clip_in_html(html: &str) -> Option<Result<Clip, String>> {
    let start = html.find(&format!("<!--{CLIP_TYPE}:"))? + CLIP_TYPE.len() + 5;
    let len = html.get(start..)?.find("-->")?;
    if len > MAX_CLIP_BYTES / 3 * 4 + 4 {
        return Some(Err(format!(
            "more than {} MB of copied elements",
            MAX_CLIP_BYTES / (1024 * 1024)
        )));
    }
    json_in_html(html).and_then(|json| from_json(&json))
}

/// The JSON of copied elements inside clipboard HTML made by [`to_html`], if it is there.
pub fn json_in_html(html: &str) -> Option<String> {
    let start = html.find(&format!("<!--{CLIP_TYPE}:"))? + CLIP_TYPE.len() + 5;
    let len = html.get(start..)?.find("-->")?;
    if len > MAX_CLIP_BYTES / 3 * 4 + 4 {
        return None;
    }
    let bytes = crate::io::base64::decode(html.get(start..start + len)?)?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

        /// Whatever the clipboard holds, reading it back is elements or a reason, never a
        /// panic; and elements read back paste.
        #[test]
        fn any_clipboard_text_reads_back_without_panicking(
            head in proptest::prop_oneof![
                proptest::strategy::Just("{\"type\":\"malbild/clipboard\",\"version\":4,\"elements\":[".to_owned()),
                proptest::strategy::Just("<!--malbild/clipboard:".to_owned()),
                proptest::strategy::Just(String::new()),
            ],
            body in "\\PC{0,200}",
        ) {
            let text = format!("{head}{body}");
            let doc = Document::new();
            for t in [Some(text.clone()), json_in_html(&text)].into_iter().flatten() {
                if let Some(Ok(clip)) = from_json(&t) {
                    let pasted = paste(&doc, &clip, Point::new(0.0, 0.0));
                    proptest::prop_assert_eq!(pasted.len(), clip.elements.len());
                }
            }
        }
    }

    #[test]
    fn copied_elements_travel_as_marked_json_inside_html() {
        let doc = crate::model::sample::nara_vard();
        let ids: HashSet<ElementId> = doc.elements.iter().take(4).map(Element::id).collect();
        let clip = copy(&doc, &ids);
        let json = to_json(&clip);
        assert!(
            json.starts_with("{\"type\":\"malbild/clipboard\""),
            "{json}"
        );
        let html = to_html(&json, "Kort ett --> två\n\n<tre>");
        assert!(html.contains("&lt;tre&gt;"));
        assert_eq!(json_in_html(&html).as_deref(), Some(json.as_str()));
        let back = from_json(&json).and_then(Result::ok);
        assert_eq!(back.map(|c| c.elements.len()), Some(4));
        // Plain text is not ours; broken or foreign JSON with our marker says why.
        assert!(from_json("Rad ett\nRad två").is_none());
        assert!(from_json("{\"type\": \"excalidraw/clipboard\"}").is_none());
        let broken = json.replacen("\"card\"", "\"kort\"", 1);
        assert!(from_json(&broken).is_some_and(|r| r.is_err()));
        let newer = json.replacen(
            &format!("\"version\":{}", crate::io::VERSION),
            "\"version\":99",
            1,
        );
        assert!(from_json(&newer).is_some_and(|r| r.is_err_and(|m| m.contains("newer"))));
        assert!(json_in_html("<p>hej</p>").is_none());
        assert!(json_in_html("<!--malbild/clipboard:@@@-->").is_none());
    }
    use crate::model::{PhaseId, sample};

    #[test]
    fn a_copy_pastes_with_new_ids_and_its_arrows_bound_to_the_copies() {
        let doc = sample::nara_vard();
        // Two cards and the arrow between them, and an arrow to a card not copied.
        let a = doc.elements.iter().find_map(Element::as_arrow).cloned();
        let a = a.unwrap_or_else(|| panic!("the sample has arrows"));
        let (from, to) = (
            a.start.bind.map(|b| b.element),
            a.end.bind.map(|b| b.element),
        );
        let ids: HashSet<ElementId> = [from, to, Some(a.id)].into_iter().flatten().collect();
        let clip = copy(&doc, &ids);
        assert_eq!(clip.elements.len(), 3);
        let pasted = paste(&doc, &clip, Point::new(300.0, 400.0));
        assert_eq!(pasted.len(), 3);
        let new: HashSet<ElementId> = pasted.iter().map(Element::id).collect();
        assert!(new.is_disjoint(&ids), "fresh ids");
        let arrow = pasted.iter().find_map(Element::as_arrow);
        let bound: Vec<ElementId> = arrow
            .into_iter()
            .flat_map(|a| [a.start.bind, a.end.bind])
            .flatten()
            .map(|b| b.element)
            .collect();
        assert_eq!(bound.len(), 2);
        assert!(
            bound.iter().all(|id| new.contains(id)),
            "bound to the copies"
        );
        // An arrow alone keeps its ends where they were, free.
        let alone = copy(&doc, &HashSet::from([a.id]));
        let free = alone.elements.iter().find_map(Element::as_arrow);
        assert!(free.is_some_and(|f| f.start.bind.is_none() && f.end.bind.is_none()));
        assert!(
            text_of(&clip).contains(
                &doc.card(from.unwrap_or(a.id))
                    .map(|c| c.text.clone())
                    .unwrap_or_default()
            )
        );
    }

    #[test]
    fn a_group_pasted_or_duplicated_at_a_phase_line_moves_as_one() {
        let mut doc = Document::new();
        let edge = doc.phase_rect(PhaseId::Nulage).right();
        let a = Card::new(
            ElementId(1),
            Rect::new(edge - 210.0, 200.0, 200.0, 120.0),
            "a",
            CardColor::Blue,
        );
        let b = Card::new(
            ElementId(2),
            Rect::new(edge - 430.0, 200.0, 200.0, 120.0),
            "b",
            CardColor::Blue,
        );
        doc.elements.push(Element::Card(a));
        doc.elements.push(Element::Card(b));
        let ids = HashSet::from([ElementId(1), ElementId(2)]);
        // Duplicated: +24 would cross the line, so the copies go below, side by side as before.
        let copies = duplicate(&doc, &ids);
        let rects: Vec<Rect> = copies
            .iter()
            .filter_map(Element::as_card)
            .map(|c| c.rect)
            .collect();
        assert_eq!(rects.len(), 2);
        assert!(
            rects.iter().all(|r| r.right() <= edge && r.y >= 320.0),
            "{rects:?}"
        );
        assert_eq!(rects[0].x - rects[1].x, 220.0, "kept apart as they were");
        // Pasted across the line: the whole group shifts into one phase, kept apart.
        let clip = copy(&doc, &ids);
        let pasted = paste(&doc, &clip, Point::new(edge, 500.0));
        let rects: Vec<Rect> = pasted
            .iter()
            .filter_map(Element::as_card)
            .map(|c| c.rect)
            .collect();
        assert_eq!(rects[0].x - rects[1].x, 220.0);
        let phase = |r: &Rect| doc.phase_at_x(r.center().x);
        assert_eq!(phase(&rects[0]), phase(&rects[1]));
        assert!(rects.iter().all(|r| doc.keep_in_phase(*r, 0.0) == *r));
    }

    #[test]
    fn pasted_lines_become_cards_inside_one_phase() {
        let doc = Document::new();
        let nulage = doc.phase_rect(PhaseId::Nulage);
        let text = "Första idén\r\n\n  Andra\u{1b}[31m idén \nTredje\nFjärde\nFemte";
        let at = Point::new(nulage.right() - 20.0, 300.0);
        let cards = cards_from_text(&doc, text, at, CardColor::Blue).unwrap_or_default();
        assert_eq!(cards.len(), 5);
        let texts: Vec<&str> = cards
            .iter()
            .filter_map(Element::as_card)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(texts[1], "Andra[31m idén", "control characters dropped");
        for c in cards.iter().filter_map(Element::as_card) {
            assert!(
                c.rect.x >= nulage.x && c.rect.right() <= nulage.right(),
                "{:?} stays in Nuläge",
                c.rect
            );
        }
        assert_eq!(
            cards_from_text(&doc, " \n\t\n", at, CardColor::Blue),
            Err(PasteError::Empty)
        );
        let many = "x\n".repeat(MAX_PASTED_CARDS + 1);
        assert_eq!(
            cards_from_text(&doc, &many, at, CardColor::Blue),
            Err(PasteError::TooManyLines)
        );
    }
}
