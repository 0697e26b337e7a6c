//! What a workshop adds to the picture: themes (lanes) across the phases, the follow-up of a
//! card (status, owner, due date, priority), and dot-voting rounds. Plain data (version 6).

use crate::lang::Lang;
use crate::model::{CardColor, ElementId, MAX_COORD, MAX_TITLE_CHARS, quote};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The narrowest a lane can be made.
pub const MIN_LANE_HEIGHT: f32 = 80.0;
/// The height of a new lane.
pub const DEFAULT_LANE_HEIGHT: f32 = 240.0;
/// The width of the column left of the board that holds the lanes' titles.
pub const LANE_TITLE_WIDTH: f32 = 200.0;
/// Most lanes a document holds.
pub const MAX_LANES: usize = 50;
/// Most voting rounds a document holds.
pub const MAX_ROUNDS: usize = 100;
/// Most dots one element can get in a round.
pub const MAX_DOTS: u32 = 100_000;
/// The longest owner name.
pub const MAX_OWNER_CHARS: usize = 200;
/// The highest step number of the presentation.
pub const MAX_STEP: u32 = 9_999;

/// A theme: a horizontal band across all three phases, under the header. Lanes are stacked
/// from the header down in the order of [`crate::model::Document::lanes`]; an element belongs
/// to the lane its middle lies in. Below the last lane the board has room for what belongs
/// to no theme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    #[serde(rename = "id")]
    pub id: ElementId,
    #[serde(rename = "title")]
    pub title: String,
    #[serde(rename = "height")]
    pub height: f32,
    #[serde(rename = "color")]
    pub color: CardColor,
}

impl Lane {
    pub fn new(title: impl Into<String>, color: CardColor) -> Self {
        Self {
            id: ElementId::random(),
            title: title.into(),
            height: DEFAULT_LANE_HEIGHT,
            color,
        }
    }

    pub fn validate(&self) -> Result<(), String> {
        if !(self.height.is_finite() && (MIN_LANE_HEIGHT..=MAX_COORD).contains(&self.height)) {
            return Err(format!(
                "height: {} is out of range (at least {MIN_LANE_HEIGHT})",
                self.height
            ));
        }
        if self.title.chars().count() > MAX_TITLE_CHARS {
            return Err(format!("title: longer than {MAX_TITLE_CHARS} characters"));
        }
        Ok(())
    }
}

/// Where a card's initiative stands. Shown as a badge with an icon and a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    #[serde(rename = "idea")]
    Idea,
    #[serde(rename = "planned")]
    Planned,
    #[serde(rename = "ongoing")]
    Ongoing,
    #[serde(rename = "done")]
    Done,
    #[serde(rename = "paused")]
    Paused,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Idea,
        Status::Planned,
        Status::Ongoing,
        Status::Done,
        Status::Paused,
    ];

    /// The name used in files, summaries and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Status::Idea => "idea",
            Status::Planned => "planned",
            Status::Ongoing => "ongoing",
            Status::Done => "done",
            Status::Paused => "paused",
        }
    }

    /// Its word on a card's badge and in summaries.
    pub fn word(self, lang: Lang) -> &'static str {
        lang.word(match self {
            Status::Idea => "status-idea",
            Status::Planned => "status-planned",
            Status::Ongoing => "status-ongoing",
            Status::Done => "status-done",
            Status::Paused => "status-paused",
        })
    }
}

/// How much an initiative matters now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Priority {
    #[serde(rename = "high")]
    High,
    #[serde(rename = "medium")]
    Medium,
    #[serde(rename = "low")]
    Low,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];

    pub fn key(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        lang.word(match self {
            Priority::High => "priority-high",
            Priority::Medium => "priority-medium",
            Priority::Low => "priority-low",
        })
    }
}

/// A calendar day as written in files: `YYYY-MM-DD`. Compared as text, which orders days.
pub fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let all_digits = s
        .bytes()
        .enumerate()
        .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    all_digits
        && (1..=9999).contains(&y)
        && (1..=12).contains(&m)
        && (1..=days_in(y, m)).contains(&d)
}

fn days_in(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day a point in time falls on (UTC), as `YYYY-MM-DD`.
pub fn day_of(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Checks a day field (`due`, `changed`): empty or a real day.
pub(crate) fn validate_day(field: &str, s: &str) -> Result<(), String> {
    if s.is_empty() || is_day(s) {
        Ok(())
    } else {
        Err(format!("{field}: `{}` is not a day (YYYY-MM-DD)", quote(s)))
    }
}

/// One round of dot voting: how many dots each person has, and the dots each element got.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VoteRound {
    #[serde(rename = "id")]
    pub id: ElementId,
    #[serde(rename = "title")]
    pub title: String,
    /// Dots per person; `None`: as many as they like.
    #[serde(rename = "dots", default, skip_serializing_if = "Option::is_none")]
    pub dots: Option<u32>,
    /// Dots by element. Elements removed later keep their count here (so undoing the removal
    /// brings their dots back); summaries count only elements that are there.
    #[serde(rename = "counts", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub counts: BTreeMap<ElementId, u32>,
    /// Whether clicking a card still adds a dot.
    #[serde(rename = "open", default)]
    pub open: bool,
    /// Dots are not drawn (the totals are kept).
    #[serde(
        rename = "hidden",
        default,
        skip_serializing_if = "super::elements::frame::is_false"
    )]
    pub hidden: bool,
}

impl VoteRound {
    pub fn new(title: impl Into<String>, dots: Option<u32>) -> Self {
        Self {
            id: ElementId::random(),
            title: title.into(),
            dots,
            counts: BTreeMap::new(),
            open: true,
            hidden: false,
        }
    }

    /// The dots `id` got.
    pub fn count(&self, id: ElementId) -> u32 {
        self.counts.get(&id).copied().unwrap_or(0)
    }

    /// All dots given in this round.
    pub fn total(&self) -> u64 {
        self.counts.values().map(|&n| u64::from(n)).sum()
    }

    /// The round with one dot more (`delta` 1) or less (-1) for `id`, never below zero.
    pub fn with_dot(&self, id: ElementId, delta: i32) -> VoteRound {
        let mut r = self.clone();
        let n = r.count(id).saturating_add_signed(delta).min(MAX_DOTS);
        if n == 0 {
            r.counts.remove(&id);
        } else {
            r.counts.insert(id, n);
        }
        r
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.title.chars().count() > MAX_TITLE_CHARS {
            return Err(format!("title: longer than {MAX_TITLE_CHARS} characters"));
        }
        if let Some(d) = self.dots
            && !(1..=1000).contains(&d)
        {
            return Err(format!("dots: {d} is out of range (1 to 1000)"));
        }
        if self.counts.len() > 1_000_000 {
            return Err("counts: more than 1000000 entries".into());
        }
        for (id, &n) in &self.counts {
            if n == 0 || n > MAX_DOTS {
                return Err(format!(
                    "counts.{id}: {n} is out of range (1 to {MAX_DOTS})"
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_real_days() {
        for ok in ["2026-12-06", "2024-02-29", "0001-01-01", "2000-02-29"] {
            assert!(is_day(ok), "{ok}");
        }
        for bad in [
            "2026-13-01",
            "2026-02-30",
            "2023-02-29",
            "1900-02-29",
            "26-12-06",
            "2026-1-06",
            "2026/12/06",
            "2026-12-6 ",
            "+026-12-06",
            "2026-12-0٦",
            "",
        ] {
            assert!(!is_day(bad), "{bad}");
        }
    }

    #[test]
    fn a_point_in_time_gives_its_day() {
        use std::time::{Duration, UNIX_EPOCH};
        assert_eq!(day_of(UNIX_EPOCH), "1970-01-01");
        assert_eq!(
            day_of(UNIX_EPOCH + Duration::from_secs(1_796_515_200)),
            "2026-12-06"
        );
        assert_eq!(
            day_of(UNIX_EPOCH + Duration::from_secs(951_782_400)),
            "2000-02-29"
        );
    }

    #[test]
    fn dots_never_go_below_zero() {
        let r = VoteRound::new("R", Some(3));
        let id = ElementId(7);
        let r = r.with_dot(id, 1).with_dot(id, 1);
        assert_eq!(r.count(id), 2);
        let r = r.with_dot(id, -1).with_dot(id, -1).with_dot(id, -1);
        assert_eq!(r.count(id), 0);
        assert!(r.counts.is_empty());
        assert_eq!(r.total(), 0);
    }
}
