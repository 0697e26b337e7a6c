//! The story in words: the cards phase by phase and theme by theme, with their follow-up and
//! votes, as Markdown (for minutes) or CSV (for a spreadsheet).

use crate::lang::Lang;
use crate::model::{Card, Document, PhaseId};

/// One card as the summary lists it.
struct Row<'a> {
    phase: Option<PhaseId>,
    lane: Option<usize>,
    card: &'a Card,
    votes: u32,
}

/// The cards phase by phase, theme by theme, each group in reading order, with their votes
/// in the last round.
fn rows(doc: &Document) -> Vec<Row<'_>> {
    let round = doc.votes.last();
    let mut rows: Vec<Row<'_>> = doc
        .reading_order()
        .into_iter()
        .filter_map(|id| doc.elements.get(id))
        .filter_map(|e| {
            let card = e.as_card()?;
            Some(Row {
                phase: doc.phase_of(e),
                lane: doc.lane_of(e),
                card,
                votes: round.map_or(0, |r| r.count(card.id)),
            })
        })
        .collect();
    rows.sort_by_key(|r| {
        (
            r.phase.map_or(PhaseId::ALL.len(), PhaseId::index),
            r.lane.unwrap_or(usize::MAX),
        )
    });
    rows
}

fn words(lang: Lang) -> Words {
    let w = |k: &'static str| lang.word(k);
    Words {
        untitled: w("summary-untitled"),
        no_theme: w("summary-no-theme"),
        outside: w("summary-outside"),
        owner: w("summary-owner"),
        due: w("summary-due"),
        priority: w("summary-priority"),
        votes: w("summary-votes"),
        vote: w("summary-vote"),
        step: w("summary-step"),
        results: w("summary-results"),
        header: [
            w("summary-col-phase"),
            w("summary-col-theme"),
            w("summary-col-text"),
            w("summary-col-status"),
            w("summary-col-owner"),
            w("summary-col-date"),
            w("summary-col-priority"),
            w("summary-col-votes"),
            w("summary-col-step"),
        ],
        empty: w("summary-empty"),
    }
}

struct Words {
    untitled: &'static str,
    no_theme: &'static str,
    outside: &'static str,
    owner: &'static str,
    due: &'static str,
    priority: &'static str,
    votes: &'static str,
    vote: &'static str,
    step: &'static str,
    results: &'static str,
    header: [&'static str; 9],
    empty: &'static str,
}

/// Text with what Markdown would read as markup escaped, on one line per line of the text.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A card's text as a list item: the first line after the marker, the rest as lines of the
/// same item (hard breaks), blank lines dropped. A line starting like a list marker or a
/// heading is escaped.
fn md_item(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let escaped = md(l);
            let starts_list = escaped.starts_with(['-', '+', '='])
                || escaped
                    .split_once(['.', ')'])
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if starts_list {
                format!("\\{escaped}")
            } else {
                escaped
            }
        })
        .collect();
    if lines.is_empty() {
        return "…".into();
    }
    lines.join("\\\n  ")
}

fn phase_title(doc: &Document, phase: Option<PhaseId>, w: &Words) -> String {
    match phase {
        Some(p) => {
            let t = doc.phases.get(p).title.trim();
            if t.is_empty() {
                p.key().to_owned()
            } else {
                t.to_owned()
            }
        }
        None => w.outside.to_owned(),
    }
}

fn lane_title(doc: &Document, lane: Option<usize>, w: &Words) -> String {
    match lane.and_then(|i| doc.lanes.get(i)) {
        Some(l) if !l.title.trim().is_empty() => l.title.trim().to_owned(),
        Some(_) => "…".to_owned(),
        None => w.no_theme.to_owned(),
    }
}

/// The summary as Markdown: a heading per phase, a subheading per theme (in the lanes'
/// order, then cards of no theme), a list item per card with its follow-up, and the results
/// of the last voting round sorted by dots.
pub fn markdown(doc: &Document, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    let title = doc.title.trim();
    out.push_str("# ");
    out.push_str(&md(if title.is_empty() { w.untitled } else { title }));
    out.push('\n');
    if !doc.date.trim().is_empty() {
        out.push('\n');
        out.push_str(&md(doc.date.trim()));
        out.push('\n');
    }
    let rows = rows(doc);
    if rows.is_empty() {
        out.push('\n');
        out.push_str(w.empty);
        out.push('\n');
        return out;
    }
    let phases: Vec<Option<PhaseId>> = PhaseId::ALL.into_iter().map(Some).chain([None]).collect();
    let lanes: Vec<Option<usize>> = (0..doc.lanes.len()).map(Some).chain([None]).collect();
    for &phase in &phases {
        let here: Vec<&Row> = rows.iter().filter(|r| r.phase == phase).collect();
        if here.is_empty() && phase.is_none() {
            continue;
        }
        out.push_str(&format!("\n## {}\n", md(&phase_title(doc, phase, &w))));
        for &lane in &lanes {
            let cards: Vec<&&Row> = here.iter().filter(|r| r.lane == lane).collect();
            if cards.is_empty() {
                continue;
            }
            if !doc.lanes.is_empty() {
                out.push_str(&format!("\n### {}\n", md(&lane_title(doc, lane, &w))));
            }
            out.push('\n');
            for r in cards {
                out.push_str("- ");
                out.push_str(&md_item(&r.card.text));
                let mut facts = Vec::new();
                if let Some(s) = r.card.status {
                    facts.push(format!("*{}*", s.word(lang)));
                }
                if let Some(p) = r.card.priority {
                    facts.push(format!("{} {}", w.priority, p.word(lang).to_lowercase()));
                }
                if !r.card.owner.trim().is_empty() {
                    facts.push(format!("{}: {}", w.owner, md(r.card.owner.trim())));
                }
                if !r.card.due.is_empty() {
                    facts.push(format!("{} {}", w.due, r.card.due));
                }
                if r.votes > 0 {
                    let unit = if r.votes == 1 { w.vote } else { w.votes };
                    facts.push(format!("{} {unit}", r.votes));
                }
                if let Some(step) = r.card.step {
                    facts.push(format!("{} {step}", w.step));
                }
                if !facts.is_empty() {
                    out.push_str(" — ");
                    out.push_str(&facts.join(" · "));
                }
                out.push('\n');
            }
        }
    }
    if let Some(round) = doc.votes.last() {
        let mut voted: Vec<&Row> = rows.iter().filter(|r| r.votes > 0).collect();
        voted.sort_by_key(|r| std::cmp::Reverse(r.votes));
        if !voted.is_empty() {
            let title = round.title.trim();
            out.push_str(&format!("\n## {}", w.results));
            if !title.is_empty() {
                out.push_str(&format!(": {}", md(title)));
            }
            out.push_str("\n\n");
            for (i, r) in voted.iter().enumerate() {
                let first = r
                    .card
                    .text
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("…");
                let unit = if r.votes == 1 { w.vote } else { w.votes };
                out.push_str(&format!(
                    "{}. {} — {} {unit}\n",
                    i + 1,
                    md(first.trim()),
                    r.votes
                ));
            }
        }
    }
    out
}

/// One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled),
/// and made harmless to spreadsheets that would run a field starting with `=`, `+`, `-` or
/// `@` as a formula (an apostrophe goes first).
fn csv_field(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect();
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    };
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The summary as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read
/// å, ä and ö right): one row per card in reading order.
pub fn csv(doc: &Document, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::from("\u{feff}");
    out.push_str(&w.header.join(","));
    out.push_str("\r\n");
    for r in rows(doc) {
        let fields = [
            phase_title(doc, r.phase, &w),
            if doc.lanes.is_empty() {
                String::new()
            } else {
                lane_title(doc, r.lane, &w)
            },
            r.card.text.trim().to_owned(),
            r.card
                .status
                .map(|s| s.word(lang).to_owned())
                .unwrap_or_default(),
            r.card.owner.trim().to_owned(),
            r.card.due.clone(),
            r.card
                .priority
                .map(|p| p.word(lang).to_owned())
                .unwrap_or_default(),
            r.votes.to_string(),
            r.card.step.map(|s| s.to_string()).unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Which summary a file name asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryFormat {
    Markdown,
    Csv,
}

impl SummaryFormat {
    /// By the name's ending: `.md` (or `.markdown`, `.txt`) or `.csv`.
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "txt" => Some(SummaryFormat::Markdown),
            "csv" => Some(SummaryFormat::Csv),
            _ => None,
        }
    }

    pub fn write(self, doc: &Document, lang: Lang) -> String {
        match self {
            SummaryFormat::Markdown => markdown(doc, lang),
            SummaryFormat::Csv => csv(doc, lang),
        }
    }
}
