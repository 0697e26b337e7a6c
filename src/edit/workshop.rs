//! The workshop's changes worked out as commands: lanes added, resized, reordered and removed
//! with their elements, dots given, steps numbered, and the day a card changed.

use super::Command;
use crate::model::workshop::{DEFAULT_LANE_HEIGHT, MAX_LANES, MAX_STEP};
use crate::model::{
    CardColor, Document, Element, ElementId, HEADER_HEIGHT, Lane, MIN_LANE_HEIGHT, VoteRound,
};

/// The colours new lanes take in turn.
const LANE_COLORS: [CardColor; 6] = [
    CardColor::Blue,
    CardColor::Green,
    CardColor::Orange,
    CardColor::Purple,
    CardColor::Pink,
    CardColor::Yellow,
];

/// A colour for the next lane: the first of the palette's turn no lane has yet.
pub fn next_lane_color(doc: &Document) -> CardColor {
    LANE_COLORS
        .into_iter()
        .find(|c| doc.lanes.iter().all(|l| l.color != *c))
        .unwrap_or(LANE_COLORS[doc.lanes.len() % LANE_COLORS.len()])
}

/// A new lane under the others, the board made taller if it has no room for it. `None` when
/// the document holds as many lanes as it may.
pub fn add_lane(doc: &Document, title: &str) -> Option<(Command, ElementId)> {
    if doc.lanes.len() >= MAX_LANES {
        return None;
    }
    let mut lane = Lane::new(title, next_lane_color(doc));
    let room = doc.board.height - doc.lanes_bottom();
    // The first lane takes the whole board, later ones what is left (if enough).
    let enough = if doc.lanes.is_empty() {
        MIN_LANE_HEIGHT
    } else {
        DEFAULT_LANE_HEIGHT
    };
    lane.height = if room >= enough {
        room
    } else {
        DEFAULT_LANE_HEIGHT
    };
    let id = lane.id;
    let mut lanes = doc.lanes.clone();
    lanes.push(lane);
    let bottom = HEADER_HEIGHT + lanes.iter().map(|l| l.height).sum::<f32>();
    let mut cmds = vec![Command::SetLanes(lanes)];
    if bottom > doc.board.height {
        cmds.push(Command::SetBoardHeight(bottom));
    }
    Some((Command::Batch(cmds), id))
}

/// The lanes split evenly over the board below the header: what a template starts with.
pub fn even_lanes(doc: &Document, titles: &[&str]) -> Vec<Lane> {
    let n = titles.len().max(1) as f32;
    let h = ((doc.board.height - HEADER_HEIGHT) / n).max(MIN_LANE_HEIGHT);
    titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut l = Lane::new(*t, LANE_COLORS[i % LANE_COLORS.len()]);
            l.height = h;
            l
        })
        .collect()
}

/// Lane `i` with another title or colour (a rename or a recolour).
pub fn set_lane(doc: &Document, i: usize, lane: Lane) -> Option<Command> {
    let mut lanes = doc.lanes.clone();
    *lanes.get_mut(i)? = lane;
    Some(Command::SetLanes(lanes))
}

/// The elements of every lane, by lane (as they are in `doc`).
fn members(doc: &Document) -> Vec<Vec<&Element>> {
    let mut by_lane = vec![Vec::new(); doc.lanes.len()];
    for e in doc.elements.iter() {
        if let Some(list) = doc.lane_of(e).and_then(|i| by_lane.get_mut(i)) {
            list.push(e);
        }
    }
    by_lane
}

/// Lane `from` moved to place `to` (both indices into the lanes as they are); every lane's
/// elements move with it.
pub fn move_lane(doc: &Document, from: usize, to: usize) -> Option<Command> {
    let n = doc.lanes.len();
    if from >= n || to >= n || from == to {
        return None;
    }
    let mut order: Vec<usize> = (0..n).collect();
    let moved = order.remove(from);
    order.insert(to, moved);
    Some(reorder(doc, &order))
}

/// The lanes in a new `order` (old indices, top to bottom), their elements moved along.
fn reorder(doc: &Document, order: &[usize]) -> Command {
    let by_lane = members(doc);
    let old_top: Vec<f32> = (0..doc.lanes.len())
        .map(|i| doc.lane_rect(i).map_or(0.0, |r| r.y))
        .collect();
    let mut lanes = Vec::with_capacity(order.len());
    let mut moved = Vec::new();
    let mut top = HEADER_HEIGHT;
    for &i in order {
        let (Some(lane), Some(&was)) = (doc.lanes.get(i), old_top.get(i)) else {
            continue;
        };
        let dy = top - was;
        if dy != 0.0 {
            for e in by_lane.get(i).into_iter().flatten() {
                moved.push(e.translated(0.0, dy));
            }
        }
        lanes.push(lane.clone());
        top += lane.height;
    }
    let mut cmds = vec![Command::SetLanes(lanes)];
    if !moved.is_empty() {
        cmds.push(Command::Update(moved));
    }
    Command::Batch(cmds)
}

/// Lane `i` removed. Its elements stay, belonging to no theme: the lanes under it move up
/// with theirs, and its elements go below the last lane, where the unassigned ones are. The
/// board keeps its height.
pub fn remove_lane(doc: &Document, i: usize) -> Option<Command> {
    let n = doc.lanes.len();
    if i >= n {
        return None;
    }
    let mut order: Vec<usize> = (0..n).filter(|&k| k != i).collect();
    order.push(i);
    let Command::Batch(mut cmds) = reorder(doc, &order) else {
        return None;
    };
    if let Some(Command::SetLanes(lanes)) = cmds.first_mut() {
        lanes.pop();
    }
    Some(Command::Batch(cmds))
}

/// What dragging the bottom edge of lane `i` takes along: the elements below it (their
/// middle under the edge), which move with it, and the lane's own, which the edge pushes up
/// rather than cuts through.
pub fn lane_drag(doc: &Document, i: usize) -> (Vec<Element>, Vec<Element>) {
    let Some(rect) = doc.lane_rect(i) else {
        return (Vec::new(), Vec::new());
    };
    let mut below = Vec::new();
    let mut inside = Vec::new();
    for e in doc.elements.iter() {
        let y = doc.anchor_of(e).y;
        if y >= rect.bottom() {
            below.push(e.clone());
        } else if y >= rect.y && e.frame().is_some() {
            inside.push(e.clone());
        }
    }
    (below, inside)
}

/// The lanes and the board's height as they were when a lane's edge was grabbed.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneStart {
    pub lanes: Vec<Lane>,
    pub board_height: f32,
}

impl LaneStart {
    pub fn of(doc: &Document) -> Self {
        Self {
            lanes: doc.lanes.clone(),
            board_height: doc.board.height,
        }
    }
}

/// Lane `i` made `height` high by dragging its bottom edge (`start` as it was when the drag
/// began, `below` and `inside` from [`lane_drag`] then). The lanes and elements under it move
/// with the edge, the board grows or shrinks as much, and the lane's own elements the edge
/// would cut are pushed up inside it.
pub fn resize_lane(
    start: &LaneStart,
    i: usize,
    height: f32,
    below: &[Element],
    inside: &[Element],
) -> Option<Command> {
    let top = HEADER_HEIGHT + start.lanes.iter().take(i).map(|l| l.height).sum::<f32>();
    let was = start.lanes.get(i)?.height;
    let height = height.max(MIN_LANE_HEIGHT);
    let dy = height - was;
    let mut lanes = start.lanes.clone();
    lanes.get_mut(i)?.height = height;
    let bottom = top + height;
    let mut moved: Vec<Element> = below.iter().map(|e| e.translated(0.0, dy)).collect();
    for e in inside {
        if let Some(b) = e.frame().map(|f| f.bounds()) {
            let y = (bottom - super::layout::PHASE_MARGIN - b.h).min(b.y);
            let pushed = if y >= top { y } else { b.y };
            // Always listed, so the command keeps its shape during the drag (one undo step).
            moved.push(e.translated(0.0, pushed - b.y));
        }
    }
    let mut cmds = vec![
        Command::SetLanes(lanes),
        Command::SetBoardHeight((start.board_height + dy).max(crate::model::MIN_BOARD_HEIGHT)),
    ];
    if !moved.is_empty() {
        cmds.push(Command::Update(moved));
    }
    Some(Command::Batch(cmds))
}

/// A new voting round (with `dots` per person, or as many as they like), after the others;
/// the rounds still open are closed.
pub fn start_round(doc: &Document, title: &str, dots: Option<u32>) -> Command {
    let mut votes: Vec<VoteRound> = doc
        .votes
        .iter()
        .map(|r| VoteRound {
            open: false,
            ..r.clone()
        })
        .collect();
    if votes.len() >= crate::model::workshop::MAX_ROUNDS {
        votes.remove(0);
    }
    votes.push(VoteRound::new(title, dots));
    Command::SetVotes(votes)
}

/// The round shown and voted in: the last one.
pub fn current_round(doc: &Document) -> Option<(usize, &VoteRound)> {
    doc.votes.iter().enumerate().next_back()
}

/// One dot more (`delta` 1) or less (-1) for `id` in round `round`.
pub fn vote(doc: &Document, round: usize, id: ElementId, delta: i32) -> Option<Command> {
    let mut votes = doc.votes.clone();
    let r = votes.get_mut(round)?;
    let next = r.with_dot(id, delta);
    if next == *r {
        return None;
    }
    *r = next;
    Some(Command::SetVotes(votes))
}

/// Round `round` changed by `f` (cleared, hidden, closed).
pub fn change_round(
    doc: &Document,
    round: usize,
    f: impl FnOnce(&mut VoteRound),
) -> Option<Command> {
    let mut votes = doc.votes.clone();
    f(votes.get_mut(round)?);
    Some(Command::SetVotes(votes))
}

/// Steps 1, 2, 3 … for `ids` in reading order (the phase, then row by row).
pub fn number_steps(doc: &Document, ids: &[ElementId]) -> Option<Command> {
    let wanted: std::collections::HashSet<ElementId> = ids.iter().copied().collect();
    let updated: Vec<Element> = doc
        .reading_order()
        .into_iter()
        .filter(|id| wanted.contains(id))
        .filter_map(|id| doc.elements.get(id))
        .zip(1..=MAX_STEP)
        .map(|(e, n)| e.with_step(Some(n)))
        .collect();
    (!updated.is_empty()).then_some(Command::Update(updated))
}

/// `cmd` with the cards it adds or whose words or follow-up it changes marked as changed on
/// `today` (`YYYY-MM-DD`), so that "what changed since" finds them.
pub fn stamp_changed(doc: &Document, cmd: Command, today: &str) -> Command {
    let stamp = |e: Element, old: Option<&Element>| match e {
        Element::Card(mut c) => {
            let differs = match old.and_then(Element::as_card) {
                Some(o) => {
                    o.text != c.text
                        || o.status != c.status
                        || o.owner != c.owner
                        || o.due != c.due
                        || o.priority != c.priority
                }
                None => true,
            };
            if differs && c.changed != today {
                c.changed = today.to_owned();
            }
            Element::Card(c)
        }
        other => other,
    };
    match cmd {
        Command::Insert(items) => {
            Command::Insert(items.into_iter().map(|e| stamp(e, None)).collect())
        }
        Command::Update(items) => Command::Update(
            items
                .into_iter()
                .map(|e| {
                    let old = doc.elements.get(e.id());
                    match old {
                        Some(o) => stamp(e, Some(o)),
                        None => e,
                    }
                })
                .collect(),
        ),
        Command::Batch(cmds) => Command::Batch(
            cmds.into_iter()
                .map(|c| stamp_changed(doc, c, today))
                .collect(),
        ),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::model::{Card, Rect};

    fn card(doc: &mut Document, y: f32) -> ElementId {
        let id = ElementId::random();
        let c = Card::new(
            id,
            Rect::new(100.0, y, 200.0, 100.0),
            "x",
            CardColor::Yellow,
        );
        let cmd = Command::insert_on_top(doc, vec![Element::Card(c)]);
        assert!(apply(doc, cmd).is_ok());
        id
    }

    fn y_of(doc: &Document, id: ElementId) -> f32 {
        doc.elements
            .get(id)
            .and_then(Element::rect)
            .map_or(f32::NAN, |r| r.y)
    }

    fn three_lanes() -> Document {
        let mut doc = Document::new();
        doc.lanes = even_lanes(&doc, &["A", "B", "C"]);
        doc
    }

    #[test]
    fn the_first_lane_fills_the_board_and_later_ones_make_it_taller() {
        let mut doc = Document::new();
        let (cmd, _) = add_lane(&doc, "Ett").unwrap_or((Command::Batch(vec![]), ElementId(0)));
        assert!(apply(&mut doc, cmd).is_ok());
        assert_eq!(doc.lanes_bottom(), doc.board.height);
        let before = doc.board.height;
        let (cmd, _) = add_lane(&doc, "Två").unwrap_or((Command::Batch(vec![]), ElementId(0)));
        assert!(apply(&mut doc, cmd).is_ok());
        assert_eq!(doc.board.height, before + DEFAULT_LANE_HEIGHT);
        assert_eq!(doc.lanes_bottom(), doc.board.height);
        assert_ne!(doc.lanes[0].color, doc.lanes[1].color);
        assert!(doc.validate().is_ok());
    }

    #[test]
    fn cards_follow_their_lane_when_lanes_are_reordered() {
        let mut doc = three_lanes();
        let h = doc.lanes[0].height;
        let a = card(&mut doc, HEADER_HEIGHT + 20.0);
        let c = card(&mut doc, HEADER_HEIGHT + 2.0 * h + 20.0);
        let cmd = move_lane(&doc, 2, 0);
        assert!(cmd.is_some());
        let before = doc.clone();
        let inv = apply(&mut doc, cmd.unwrap_or(Command::Batch(vec![])));
        let titles: Vec<&str> = doc.lanes.iter().map(|l| l.title.as_str()).collect();
        assert_eq!(titles, ["C", "A", "B"]);
        assert_eq!(y_of(&doc, c), HEADER_HEIGHT + 20.0);
        assert_eq!(y_of(&doc, a), HEADER_HEIGHT + h + 20.0);
        assert_eq!(
            doc.lane_of(doc.elements.get(c).unwrap_or_else(|| panic!())),
            Some(0)
        );
        assert!(apply(&mut doc, inv.unwrap_or(Command::Batch(vec![]))).is_ok());
        assert_eq!(doc, before);
    }

    #[test]
    fn a_removed_lane_keeps_its_cards_below_the_others() {
        let mut doc = three_lanes();
        let h = doc.lanes[0].height;
        let a = card(&mut doc, HEADER_HEIGHT + 20.0);
        let b = card(&mut doc, HEADER_HEIGHT + h + 20.0);
        let height = doc.board.height;
        let cmd = remove_lane(&doc, 0).unwrap_or(Command::Batch(vec![]));
        assert!(apply(&mut doc, cmd).is_ok());
        assert_eq!(doc.lanes.len(), 2);
        assert_eq!(doc.elements.len(), 2);
        assert_eq!(y_of(&doc, b), HEADER_HEIGHT + 20.0);
        let ea = doc.elements.get(a).cloned();
        assert_eq!(ea.as_ref().and_then(|e| doc.lane_of(e)), None);
        assert_eq!(y_of(&doc, a), HEADER_HEIGHT + 2.0 * h + 20.0);
        assert_eq!(doc.board.height, height);
        assert!(doc.validate().is_ok());
    }

    #[test]
    fn resizing_a_lane_moves_what_is_below_and_pushes_its_own_inside() {
        let mut doc = three_lanes();
        let h = doc.lanes[0].height;
        let own = card(&mut doc, HEADER_HEIGHT + h - 110.0);
        let below = card(&mut doc, HEADER_HEIGHT + h + 20.0);
        let (b, i) = lane_drag(&doc, 0);
        let start = doc.clone();
        let cmd = resize_lane(&LaneStart::of(&doc), 0, h - 50.0, &b, &i)
            .unwrap_or(Command::Batch(vec![]));
        assert!(apply(&mut doc, cmd).is_ok());
        assert_eq!(doc.lanes[0].height, h - 50.0);
        assert_eq!(y_of(&doc, below), HEADER_HEIGHT + h - 30.0);
        let own_rect = doc.elements.get(own).and_then(Element::rect);
        assert!(own_rect.is_some_and(|r| r.bottom() <= HEADER_HEIGHT + h - 50.0));
        assert_eq!(doc.board.height, start.board.height - 50.0);
        assert!(doc.validate().is_ok());
    }

    #[test]
    fn steps_are_numbered_in_reading_order() {
        let mut doc = Document::new();
        let lower = card(&mut doc, 400.0);
        let upper = card(&mut doc, 150.0);
        let cmd = number_steps(&doc, &[lower, upper]).unwrap_or(Command::Batch(vec![]));
        assert!(apply(&mut doc, cmd).is_ok());
        let step = |id| doc.elements.get(id).and_then(Element::step);
        assert_eq!(step(upper), Some(1));
        assert_eq!(step(lower), Some(2));
    }

    #[test]
    fn changed_words_are_stamped_and_moves_are_not() {
        let mut doc = Document::new();
        let id = card(&mut doc, 150.0);
        let Some(Element::Card(c)) = doc.elements.get(id).cloned() else {
            panic!()
        };
        let moved = Element::Card(Card {
            rect: Rect::new(c.rect.x + 5.0, c.rect.y, c.rect.w, c.rect.h),
            ..c.clone()
        });
        let cmd = stamp_changed(&doc, Command::Update(vec![moved.clone()]), "2026-12-06");
        assert_eq!(cmd, Command::Update(vec![moved]));
        let renamed = Element::Card(Card {
            text: "ny".into(),
            ..c
        });
        let Command::Update(out) =
            stamp_changed(&doc, Command::Update(vec![renamed]), "2026-12-06")
        else {
            panic!()
        };
        assert_eq!(
            out[0].as_card().map(|c| c.changed.as_str()),
            Some("2026-12-06")
        );
    }

    #[test]
    fn voting_adds_and_takes_dots() {
        let mut doc = Document::new();
        let id = card(&mut doc, 150.0);
        let cmd = start_round(&doc, "Prio", Some(3));
        assert!(apply(&mut doc, cmd).is_ok());
        for _ in 0..2 {
            let cmd = vote(&doc, 0, id, 1).unwrap_or(Command::Batch(vec![]));
            assert!(apply(&mut doc, cmd).is_ok());
        }
        assert_eq!(doc.votes[0].count(id), 2);
        let cmd = vote(&doc, 0, id, -1).unwrap_or(Command::Batch(vec![]));
        assert!(apply(&mut doc, cmd).is_ok());
        assert_eq!(doc.votes[0].count(id), 1);
        assert!(vote(&doc, 0, ElementId(5), -1).is_none());
        let cmd = start_round(&doc, "Två", None);
        assert!(apply(&mut doc, cmd).is_ok());
        assert!(!doc.votes[0].open && doc.votes[1].open);
        assert!(doc.validate().is_ok());
    }
}
