//! The document: plain serde data with no UI state and no egui types.
//!
//! A document is one canvas split into three phases, left to right — nuläge, övergång,
//! målbild — with elements (cards, shapes, free text, strokes and arrows) placed anywhere on
//! it. Every serialized field has an explicit `serde(rename)`, so renaming Rust code never
//! changes a saved file. Elements have stable ids, and order keys that give the paint order.

// Everything here but arrow geometry (which indexes the short paths it builds) reads values
// from files: no indexing that could panic.
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
mod color;
pub mod elements;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod export;
pub mod files;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
mod geom;
pub mod ids;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod order;
pub mod sample;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod workshop;

pub use color::{CardColor, INK, PHASE_TINTS, Rgba};
pub use elements::arrow::{self, Arrow, ArrowEnd, Binding, End, Head, LineStyle, LineWidth, Route};
pub use elements::card::{Card, TextSize};
pub use elements::picture::{Crop, Picture};
pub use elements::shape::Shape;
pub use elements::shape_geom::Outline;
pub use elements::stroke::{PenWidth, Stroke};
pub use elements::text::{Align, FontSize, Text};
pub use elements::{Element, Elements, Frame, GroupId, INNER_PATH, Kind, OrderKey};
pub use export::{Background, ExportSettings, FRAME_PIXELS, Paper, Scope, Size};
pub use files::{FileData, FileId, Files, Mime};
pub use geom::{Point, Rect};
pub use workshop::{LANE_TITLE_WIDTH, Lane, MIN_LANE_HEIGHT, Priority, Status, VoteRound};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Height of the band across the top of the board that carries the phase titles and the
/// nuläge → övergång → målbild flow arrow, in world points.
pub const HEADER_HEIGHT: f32 = 96.0;
/// The narrowest a phase can be dragged.
pub const MIN_PHASE_WIDTH: f32 = 240.0;
/// The shortest the board can be.
pub const MIN_BOARD_HEIGHT: f32 = HEADER_HEIGHT + 120.0;
/// No coordinate or size in a document may exceed this (in points); it keeps arithmetic far
/// from float trouble and rejects nonsense in files.
pub const MAX_COORD: f32 = 1.0e7;
/// Height of the band above the board that shows the canvas's title (and date), in world
/// points; it is there when the title is shown and not empty.
pub const TITLE_BAND: f32 = 72.0;
/// The smallest card.
pub const MIN_CARD_SIZE: (f32, f32) = (60.0, 40.0);
/// The size of a new card.
pub const DEFAULT_CARD_SIZE: (f32, f32) = (200.0, 120.0);
/// Longest part of a value from a file quoted in a message (in characters): a bad value may
/// be megabytes long.
pub const MAX_QUOTED: usize = 80;

/// `s` as it goes into a message: at most [`MAX_QUOTED`] characters, cut with "…".
pub fn quote(s: &str) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(MAX_QUOTED).collect();
    if chars.next().is_some() {
        head + "…"
    } else {
        head
    }
}

/// Longest title (of the canvas or a phase) or date accepted from a file.
pub const MAX_TITLE_CHARS: usize = 1_000;
/// Longest card text accepted from a file or the clipboard (characters).
pub const MAX_TEXT_CHARS: usize = 20_000;

/// A stable element id, unique in its document. Saved as 16 hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ElementId(pub u64);

impl ElementId {
    /// A fresh random id. Random (not counted) so that ids made on two computers for the same
    /// document do not collide when their edits meet. From the system's random source; should
    /// that fail, from a hash of a counter and the time.
    pub fn random() -> Self {
        if let Ok(v) = getrandom::u64() {
            return Self(v);
        }
        use std::hash::{BuildHasher, Hasher};
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            h.write_u128(t.as_nanos());
        }
        Self(h.finish())
    }
}

impl fmt::Debug for ElementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:016x}", self.0)
    }
}

impl fmt::Display for ElementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl Serialize for ElementId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ElementId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.is_empty() || s.len() > 16 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(serde::de::Error::custom(format!(
                "`{}` is not an element id; expected up to 16 hex digits",
                quote(&s)
            )));
        }
        u64::from_str_radix(&s, 16)
            .map(ElementId)
            .map_err(serde::de::Error::custom)
    }
}

/// The three phases of the story, left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PhaseId {
    #[serde(rename = "nulage")]
    Nulage,
    #[serde(rename = "overgang")]
    Overgang,
    #[serde(rename = "malbild")]
    Malbild,
}

impl PhaseId {
    pub const ALL: [PhaseId; 3] = [PhaseId::Nulage, PhaseId::Overgang, PhaseId::Malbild];

    /// 0, 1, 2 from left to right.
    pub fn index(self) -> usize {
        match self {
            PhaseId::Nulage => 0,
            PhaseId::Overgang => 1,
            PhaseId::Malbild => 2,
        }
    }

    /// The name used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            PhaseId::Nulage => "nulage",
            PhaseId::Overgang => "overgang",
            PhaseId::Malbild => "malbild",
        }
    }

    /// Parses a key, forgiving Swedish letters and case (`Övergång` → övergång).
    pub fn from_key(s: &str) -> Option<Self> {
        let folded: String = s
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'å' | 'ä' => 'a',
                'ö' => 'o',
                c => c,
            })
            .collect();
        PhaseId::ALL.into_iter().find(|p| p.key() == folded)
    }
}

/// One phase: a column of the board with its title, width and background tint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    #[serde(rename = "title")]
    pub title: String,
    #[serde(rename = "width")]
    pub width: f32,
    #[serde(rename = "tint")]
    pub tint: Rgba,
}

/// The three phases, by name, so that a file reads `"phases": {"nulage": …}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phases {
    #[serde(rename = "nulage")]
    pub nulage: Phase,
    #[serde(rename = "overgang")]
    pub overgang: Phase,
    #[serde(rename = "malbild")]
    pub malbild: Phase,
}

impl Phases {
    pub fn get(&self, id: PhaseId) -> &Phase {
        match id {
            PhaseId::Nulage => &self.nulage,
            PhaseId::Overgang => &self.overgang,
            PhaseId::Malbild => &self.malbild,
        }
    }

    pub fn get_mut(&mut self, id: PhaseId) -> &mut Phase {
        match id {
            PhaseId::Nulage => &mut self.nulage,
            PhaseId::Overgang => &mut self.overgang,
            PhaseId::Malbild => &mut self.malbild,
        }
    }

    /// Left to right.
    pub fn iter(&self) -> impl Iterator<Item = (PhaseId, &Phase)> {
        PhaseId::ALL.into_iter().map(|id| (id, self.get(id)))
    }
}

/// The board: the area the phases cover. Phases start at x = 0, the board at y = 0.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    #[serde(rename = "height")]
    pub height: f32,
    /// Whether the canvas's title (and date) is drawn above the phases, in a band of
    /// [`TITLE_BAND`] points. Files before version 3 show it.
    #[serde(rename = "show_title", default = "yes")]
    pub show_title: bool,
}

fn yes() -> bool {
    true
}

/// The whole document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    #[serde(rename = "title")]
    pub title: String,
    /// A date (or any short text) shown beside the title above the board, such as the day of
    /// the workshop.
    #[serde(rename = "date", default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(rename = "board")]
    pub board: Board,
    #[serde(rename = "phases")]
    pub phases: Phases,
    #[serde(rename = "elements")]
    pub elements: Elements,
    /// How the canvas was last exported (absent until it is).
    #[serde(rename = "export", default, skip_serializing_if = "Option::is_none")]
    pub export: Option<ExportSettings>,
    /// The pictures that illustrations and images show (version 5).
    #[serde(rename = "files", default, skip_serializing_if = "Files::is_empty")]
    pub files: Files,
    /// The themes across the phases, top to bottom (version 6).
    #[serde(rename = "lanes", default, skip_serializing_if = "Vec::is_empty")]
    pub lanes: Vec<Lane>,
    /// The dot-voting rounds, oldest first (version 6).
    #[serde(rename = "votes", default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<VoteRound>,
}

impl Default for Document {
    fn default() -> Self {
        Self::new()
    }
}

impl Document {
    /// An empty canvas with the three phases.
    pub fn new() -> Self {
        let phase = |title: &str, tint: Rgba| Phase {
            title: title.to_owned(),
            width: 800.0,
            tint,
        };
        Self {
            title: String::new(),
            date: String::new(),
            board: Board {
                height: 820.0,
                show_title: true,
            },
            phases: Phases {
                nulage: phase("Nuläge", PHASE_TINTS[0]),
                overgang: phase("Övergång", PHASE_TINTS[1]),
                malbild: phase("Målbild", PHASE_TINTS[2]),
            },
            elements: Elements::default(),
            export: None,
            files: Files::default(),
            lanes: Vec::new(),
            votes: Vec::new(),
        }
    }

    /// The band of lane `i` across the board (the title column left of the board excluded).
    pub fn lane_rect(&self, i: usize) -> Option<Rect> {
        let lane = self.lanes.get(i)?;
        let top = HEADER_HEIGHT + self.lanes.iter().take(i).map(|l| l.height).sum::<f32>();
        let board = self.board_rect();
        Some(Rect::new(board.x, top, board.w, lane.height))
    }

    /// The title cell of lane `i`, in the column left of the board.
    pub fn lane_title_rect(&self, i: usize) -> Option<Rect> {
        self.lane_rect(i)
            .map(|r| Rect::new(r.x - LANE_TITLE_WIDTH, r.y, LANE_TITLE_WIDTH, r.h))
    }

    /// Where the lanes end (the header's bottom when there are none).
    pub fn lanes_bottom(&self) -> f32 {
        HEADER_HEIGHT + self.lanes.iter().map(|l| l.height).sum::<f32>()
    }

    /// The lane whose band holds `y`, if any.
    pub fn lane_at_y(&self, y: f32) -> Option<usize> {
        if y < HEADER_HEIGHT {
            return None;
        }
        let mut top = HEADER_HEIGHT;
        for (i, lane) in self.lanes.iter().enumerate() {
            if y < top + lane.height {
                return Some(i);
            }
            top += lane.height;
        }
        None
    }

    /// The point an element is placed by: the middle of its box, or of an arrow's line.
    pub fn anchor_of(&self, e: &Element) -> Point {
        match (e, e.frame()) {
            (Element::Arrow(a), _) => arrow::resolve(self, a).midpoint(),
            (_, Some(f)) => f.rect.center(),
            (_, None) => self.bounds_of(e).center(),
        }
    }

    /// The lane element `e` belongs to: the one its middle lies in (on the board).
    pub fn lane_of(&self, e: &Element) -> Option<usize> {
        let p = self.anchor_of(e);
        self.phase_at_x(p.x).and_then(|_| self.lane_at_y(p.y))
    }

    /// The phase element `e` belongs to: the one its middle lies in.
    pub fn phase_of(&self, e: &Element) -> Option<PhaseId> {
        self.phase_at_x(self.anchor_of(e).x)
    }

    /// The x where a phase starts.
    pub fn phase_x(&self, id: PhaseId) -> f32 {
        self.phases
            .iter()
            .take_while(|(p, _)| *p != id)
            .map(|(_, p)| p.width)
            .sum()
    }

    /// The column of a phase, header included.
    pub fn phase_rect(&self, id: PhaseId) -> Rect {
        Rect::new(
            self.phase_x(id),
            0.0,
            self.phases.get(id).width,
            self.board.height,
        )
    }

    /// The board: all three phases.
    pub fn board_rect(&self) -> Rect {
        let w = self.phases.iter().map(|(_, p)| p.width).sum();
        Rect::new(0.0, 0.0, w, self.board.height)
    }

    /// The phase whose column holds `x`, if any.
    pub fn phase_at_x(&self, x: f32) -> Option<PhaseId> {
        PhaseId::ALL.into_iter().find(|&id| {
            let r = self.phase_rect(id);
            x >= r.x && x < r.right()
        })
    }

    /// The band above the board with the canvas's title (and date), if it is shown and there
    /// is something to show.
    pub fn title_band(&self) -> Option<Rect> {
        let board = self.board_rect();
        let something = !self.title.trim().is_empty() || !self.date.trim().is_empty();
        (self.board.show_title && something)
            .then(|| Rect::new(board.x, board.y - TITLE_BAND, board.w, TITLE_BAND))
    }

    /// The board with its title band.
    pub fn picture_rect(&self) -> Rect {
        let mut board = self.board_rect();
        if !self.lanes.is_empty() {
            board = board.union(&Rect::new(
                board.x - LANE_TITLE_WIDTH,
                board.y,
                LANE_TITLE_WIDTH,
                board.h,
            ));
        }
        match self.title_band() {
            Some(band) => board.union(&band),
            None => board,
        }
    }

    /// Everything there is to see: the board, its title and every element.
    pub fn bounds(&self) -> Rect {
        self.elements
            .iter()
            .fold(self.picture_rect(), |acc, e| acc.union(&self.bounds_of(e)))
    }

    /// `r` moved as little as needed to lie across no phase line: inside the phase that
    /// holds its centre, `margin` points from the edges. A box wider than its phase, or one
    /// whose centre is off the board, is left where it is.
    pub fn keep_in_phase(&self, r: Rect, margin: f32) -> Rect {
        let Some(phase) = self.phase_at_x(r.center().x) else {
            return r;
        };
        let area = self.phase_rect(phase);
        let (lo, hi) = (area.x + margin, area.right() - margin);
        if r.w > hi - lo {
            return r;
        }
        let x = r.x.clamp(lo, hi - r.w);
        Rect { x, ..r }
    }

    /// The box an element's drawing occupies, for the spatial index, hit testing and
    /// framing. An arrow's depends on where the elements it is bound to are.
    pub fn bounds_of(&self, e: &Element) -> Rect {
        e.bounds(self)
    }

    /// Whether `p` touches element `e`, within `slop` world points: a card anywhere on it, an
    /// arrow near its line or on its label.
    pub fn hits(&self, e: &Element, p: Point, slop: f32) -> bool {
        e.hits(self, p, slop)
    }

    /// Every element in the order a reader goes through the picture: phase by phase from
    /// left to right, and within a phase row by row, each row left to right. An arrow is read
    /// where its middle is, so it comes between the cards it joins. Keyboard selection (Tab)
    /// and screen readers follow this order.
    pub fn reading_order(&self) -> Vec<ElementId> {
        struct Place {
            id: ElementId,
            phase: usize,
            span: Rect,
        }
        let phase_of = |x: f32| {
            PhaseId::ALL
                .iter()
                .rposition(|&p| x >= self.phase_x(p))
                .unwrap_or(0)
        };
        let mut places: Vec<Place> = self
            .elements
            .iter()
            .map(|e| {
                let span = match (e, e.frame()) {
                    (Element::Arrow(a), _) => {
                        let m = arrow::resolve(self, a).midpoint();
                        Rect::new(m.x - 10.0, m.y - 10.0, 20.0, 20.0)
                    }
                    (_, Some(f)) => f.bounds(),
                    (_, None) => self.bounds_of(e),
                };
                Place {
                    id: e.id(),
                    phase: phase_of(span.center().x),
                    span,
                }
            })
            .collect();
        places.sort_by(|a, b| {
            (a.phase, a.span.y, a.span.x)
                .partial_cmp(&(b.phase, b.span.y, b.span.x))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        // A row is the first element not yet placed and everything in the same phase whose
        // middle lies beside it.
        let mut order = Vec::with_capacity(places.len());
        let mut rest = places.as_slice();
        while let Some(first) = rest.first() {
            let n = rest
                .iter()
                .take_while(|p| p.phase == first.phase && p.span.center().y <= first.span.bottom())
                .count()
                .max(1);
            let (here, later) = rest.split_at(n.min(rest.len()));
            let mut row: Vec<&Place> = here.iter().collect();
            row.sort_by(|a, b| {
                a.span
                    .x
                    .partial_cmp(&b.span.x)
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            order.extend(row.into_iter().map(|p| p.id));
            rest = later;
        }
        order
    }

    /// The arrows bound to any of `ids`.
    pub fn arrows_bound_to(&self, ids: &std::collections::HashSet<ElementId>) -> Vec<ElementId> {
        if ids.is_empty() {
            return Vec::new();
        }
        self.elements
            .iter()
            .filter_map(Element::as_arrow)
            .filter(|a| {
                [a.start.bind, a.end.bind]
                    .iter()
                    .flatten()
                    .any(|b| ids.contains(&b.element))
            })
            .map(|a| a.id)
            .collect()
    }

    pub fn card(&self, id: ElementId) -> Option<&Card> {
        self.elements.get(id).and_then(Element::as_card)
    }

    pub fn card_count(&self) -> usize {
        self.count(Kind::Card)
    }

    /// How many elements of `kind` the document holds.
    pub fn count(&self, kind: Kind) -> usize {
        self.elements.iter().filter(|e| e.kind() == kind).count()
    }

    pub fn arrow_count(&self) -> usize {
        self.count(Kind::Arrow)
    }

    /// Checks what serde cannot: numbers in range, sizes positive. Returns a message naming
    /// the first problem and where it is.
    pub fn validate(&self) -> Result<(), String> {
        let sane = |v: f32| v.is_finite() && v.abs() <= MAX_COORD;
        if self.title.chars().count() > MAX_TITLE_CHARS {
            return Err(format!("title: longer than {MAX_TITLE_CHARS} characters"));
        }
        if self.date.chars().count() > MAX_TITLE_CHARS {
            return Err(format!("date: longer than {MAX_TITLE_CHARS} characters"));
        }
        if !sane(self.board.height) || self.board.height < MIN_BOARD_HEIGHT {
            return Err(format!(
                "board.height: {} is out of range (at least {MIN_BOARD_HEIGHT})",
                self.board.height
            ));
        }
        for (id, p) in self.phases.iter() {
            if !sane(p.width) || p.width < MIN_PHASE_WIDTH {
                return Err(format!(
                    "phases.{}.width: {} is out of range (at least {MIN_PHASE_WIDTH})",
                    id.key(),
                    p.width
                ));
            }
            if p.title.chars().count() > MAX_TITLE_CHARS {
                return Err(format!(
                    "phases.{}.title: longer than {MAX_TITLE_CHARS} characters",
                    id.key()
                ));
            }
        }
        if let Some(x) = &self.export {
            if !(x.padding.is_finite() && (0.0..=10_000.0).contains(&x.padding)) {
                return Err(format!(
                    "export.padding: {} is out of range (0 to 10000)",
                    x.padding
                ));
            }
            match x.size {
                Size::Scale { scale } if !(scale.is_finite() && scale > 0.0) => {
                    return Err(format!("export.size.scale: {scale} is not a scale"));
                }
                Size::Width { pixels: 0 } => {
                    return Err("export.size.pixels: 0 is not a width".into());
                }
                Size::Paper { dpi, .. } if !(72..=600).contains(&dpi) => {
                    return Err(format!(
                        "export.size.dpi: {dpi} is out of range (72 to 600)"
                    ));
                }
                Size::Frame { width, height }
                    if !FRAME_PIXELS.contains(&width) || !FRAME_PIXELS.contains(&height) =>
                {
                    return Err(format!(
                        "export.size: {width} × {height} pixels is out of range ({} to {} a side)",
                        FRAME_PIXELS.start(),
                        FRAME_PIXELS.end()
                    ));
                }
                _ => {}
            }
        }
        for (i, e) in self.elements.iter().enumerate() {
            e.validate().map_err(|m| format!("elements[{i}].{m}"))?;
        }
        self.validate_workshop()
    }

    fn validate_workshop(&self) -> Result<(), String> {
        if self.lanes.len() > workshop::MAX_LANES {
            return Err(format!("lanes: more than {} lanes", workshop::MAX_LANES));
        }
        let mut ids = std::collections::HashSet::new();
        for (i, lane) in self.lanes.iter().enumerate() {
            lane.validate().map_err(|m| format!("lanes[{i}].{m}"))?;
            if !ids.insert(lane.id) {
                return Err(format!("lanes[{i}].id: {} is used twice", lane.id));
            }
        }
        if self.lanes_bottom() > self.board.height + 0.5 {
            return Err(format!(
                "lanes: together {} high, more than the board below its header ({})",
                self.lanes_bottom() - HEADER_HEIGHT,
                self.board.height - HEADER_HEIGHT
            ));
        }
        if self.votes.len() > workshop::MAX_ROUNDS {
            return Err(format!("votes: more than {} rounds", workshop::MAX_ROUNDS));
        }
        for (i, round) in self.votes.iter().enumerate() {
            round.validate().map_err(|m| format!("votes[{i}].{m}"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_tile_the_board_left_to_right() {
        let doc = Document::new();
        let n = doc.phase_rect(PhaseId::Nulage);
        let o = doc.phase_rect(PhaseId::Overgang);
        let m = doc.phase_rect(PhaseId::Malbild);
        assert_eq!(n.x, 0.0);
        assert_eq!(o.x, n.right());
        assert_eq!(m.x, o.right());
        assert_eq!(doc.board_rect().w, m.right());
        assert_eq!(doc.phase_at_x(o.x + 1.0), Some(PhaseId::Overgang));
        assert_eq!(doc.phase_at_x(-1.0), None);
    }

    #[test]
    fn reading_goes_phase_by_phase_and_row_by_row() {
        let mut doc = Document::new();
        let o = doc.phase_rect(PhaseId::Overgang).x;
        let mut card = |x: f32, y: f32| {
            let id = ElementId::random();
            let rect = Rect::new(x, y, 100.0, 60.0);
            doc.elements
                .push(Element::Card(Card::new(id, rect, "", CardColor::default())));
            id
        };
        // Inserted out of order; the second row's left card sits a little higher than its
        // neighbour but is still in the same row.
        let later_phase = card(o + 20.0, 100.0);
        let row2_right = card(200.0, 260.0);
        let row1_right = card(200.0, 100.0);
        let row2_left = card(40.0, 250.0);
        let row1_left = card(40.0, 110.0);
        let arrow_id = ElementId::random();
        doc.elements.push(Element::Arrow(Arrow::new(
            arrow_id,
            ArrowEnd::bound(Point::new(140.0, 140.0), row1_left, Point::new(1.0, 0.5)),
            ArrowEnd::bound(Point::new(200.0, 130.0), row1_right, Point::new(0.0, 0.5)),
        )));
        assert_eq!(
            doc.reading_order(),
            vec![
                row1_left,
                arrow_id,
                row1_right,
                row2_left,
                row2_right,
                later_phase
            ]
        );
    }

    #[test]
    fn phase_keys_forgive_swedish_letters() {
        assert_eq!(PhaseId::from_key("Övergång"), Some(PhaseId::Overgang));
        assert_eq!(PhaseId::from_key("nuläge"), Some(PhaseId::Nulage));
        assert_eq!(PhaseId::from_key("MALBILD"), Some(PhaseId::Malbild));
        assert_eq!(PhaseId::from_key("later"), None);
    }

    #[test]
    fn element_ids_are_hex_in_files() {
        let id = ElementId(0xab);
        assert_eq!(
            serde_json::to_string(&id).unwrap_or_default(),
            "\"00000000000000ab\""
        );
        let back: Result<ElementId, _> = serde_json::from_str("\"00000000000000ab\"");
        assert_eq!(back.ok(), Some(id));
        for bad in ["\"\"", "\"xyz\"", "\"00000000000000000ab\"", "12"] {
            assert!(serde_json::from_str::<ElementId>(bad).is_err(), "{bad}");
        }
        assert_ne!(ElementId::random(), ElementId::random());
    }

    #[test]
    fn elements_read_with_type_anywhere() {
        let first = r#"{"type":"card","id":"01","rect":{"x":1,"y":2,"w":3,"h":4},"text":"å","color":"red"}"#;
        let last = r#"{"id":"01","rect":{"x":1,"y":2,"w":3,"h":4},"text":"å","color":"red","type":"card"}"#;
        let a: Result<Element, _> = serde_json::from_str(first);
        let b: Result<Element, _> = serde_json::from_str(last);
        assert!(a.is_ok(), "{a:?}");
        assert_eq!(a.ok(), b.ok());
        let bad = r#"{"color":"red","type":"card"}"#;
        let e = serde_json::from_str::<Element>(bad)
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("missing field `id`")));
        let unknown = r#"{"type":"blob"}"#;
        let e = serde_json::from_str::<Element>(unknown)
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("unknown variant `blob`")));
    }

    #[test]
    fn validate_names_the_problem() {
        let mut doc = Document::new();
        doc.phases.overgang.width = 3.0;
        let err = doc.validate().err().unwrap_or_default();
        assert!(err.contains("phases.overgang.width"), "{err}");

        let mut doc = Document::new();
        doc.elements.push(Element::Card(Card::new(
            ElementId(1),
            Rect::new(0.0, 0.0, -5.0, 10.0),
            "x",
            CardColor::Yellow,
        )));
        let err = doc.validate().err().unwrap_or_default();
        assert!(err.contains("elements[0].rect"), "{err}");
    }
}
