//! The summary of a workshop as Markdown and CSV, checked against the exact text.

use malbild::edit::{Command, apply, workshop};
use malbild::export::summary::{SummaryFormat, csv, markdown};
use malbild::lang::Lang;
use malbild::model::{
    Card, CardColor, Document, Element, ElementId, HEADER_HEIGHT, PhaseId, Priority, Rect, Status,
};

fn board() -> (Document, [ElementId; 4]) {
    let mut doc = Document::new();
    doc.title = "Nära vård i Åre".into();
    doc.date = "2026-12-06".into();
    doc.lanes = workshop::even_lanes(&doc, &["Hälsa & prevention", "Digitala möten"]);
    let lane_h = doc.lanes[0].height;
    let add = |doc: &mut Document, x: f32, y: f32, text: &str, f: &dyn Fn(&mut Card)| {
        let id = ElementId::random();
        let mut c = Card::new(id, Rect::new(x, y, 200.0, 120.0), text, CardColor::Yellow);
        f(&mut c);
        let cmd = Command::insert_on_top(doc, vec![Element::Card(c)]);
        assert!(apply(doc, cmd).is_ok());
        id
    };
    let o = doc.phase_rect(PhaseId::Overgang).x;
    let a = add(
        &mut doc,
        40.0,
        HEADER_HEIGHT + 20.0,
        "Äldre åker till akuten",
        &|_| {},
    );
    let b = add(
        &mut doc,
        o + 40.0,
        HEADER_HEIGHT + 20.0,
        "Mobilt team, \"hemma\"",
        &|c| {
            c.status = Some(Status::Ongoing);
            c.owner = "Åsa Öberg".into();
            c.due = "2027-03-31".into();
            c.priority = Some(Priority::High);
            c.step = Some(2);
        },
    );
    let c = add(
        &mut doc,
        o + 300.0,
        HEADER_HEIGHT + lane_h + 20.0,
        "=SUMMA(A1)\nvideo, chatt",
        &|c| c.status = Some(Status::Idea),
    );
    let d = add(&mut doc, -600.0, 300.0, "# *ej* placerad", &|_| {});
    let cmd = workshop::start_round(&doc, "Vad är viktigast?", Some(3));
    assert!(apply(&mut doc, cmd).is_ok());
    for (id, n) in [(b, 3), (c, 1)] {
        for _ in 0..n {
            let cmd = workshop::vote(&doc, 0, id, 1).unwrap_or(Command::Batch(vec![]));
            assert!(apply(&mut doc, cmd).is_ok());
        }
    }
    (doc, [a, b, c, d])
}

#[test]
fn markdown_tells_the_story_phase_by_phase_and_theme_by_theme() {
    let (doc, _) = board();
    let expected = "# Nära vård i Åre

2026-12-06

## Nuläge

### Hälsa & prevention

- Äldre åker till akuten

## Övergång

### Hälsa & prevention

- Mobilt team, \"hemma\" — *Pågår* · prioritet hög · ansvarig: Åsa Öberg · klart 2027-03-31 · 3 röster · steg 2

### Digitala möten

- \\=SUMMA(A1)\\
  video, chatt — *Idé* · 1 röst

## Målbild

## Utanför faserna

### Utan tema

- \\# \\*ej\\* placerad

## Röstning: Vad är viktigast?

1. Mobilt team, \"hemma\" — 3 röster
2. =SUMMA(A1) — 1 röst
";
    assert_eq!(markdown(&doc, Lang::Sv), expected);
    let en = markdown(&doc, Lang::En);
    assert!(
        en.contains(
            "*Ongoing* · priority high · owner: Åsa Öberg · due 2027-03-31 · 3 votes · step 2"
        ),
        "{en}"
    );
    assert!(en.contains("## Voting: Vad är viktigast?"), "{en}");
}

#[test]
fn csv_is_read_by_a_spreadsheet_with_quotes_commas_and_line_breaks() {
    let (doc, _) = board();
    let expected = "\u{feff}fas,tema,text,status,ansvarig,datum,prioritet,röster,steg\r
Nuläge,Hälsa & prevention,Äldre åker till akuten,,,,,0,\r
Övergång,Hälsa & prevention,\"Mobilt team, \"\"hemma\"\"\",Pågår,Åsa Öberg,2027-03-31,Hög,3,2\r
Övergång,Digitala möten,\"'=SUMMA(A1)\nvideo, chatt\",Idé,,,,1,\r
Utanför faserna,Utan tema,# *ej* placerad,,,,,0,\r
";
    let got = csv(&doc, Lang::Sv);
    assert_eq!(got, expected);
    // Read back as a spreadsheet would: every row has nine fields, the text intact.
    let records = parse_csv(got.trim_start_matches('\u{feff}'));
    assert_eq!(records.len(), 5);
    assert!(records.iter().all(|r| r.len() == 9), "{records:?}");
    assert_eq!(records[2][2], "Mobilt team, \"hemma\"");
    assert_eq!(records[3][2], "'=SUMMA(A1)\nvideo, chatt");
}

#[test]
fn an_empty_canvas_says_so_and_the_format_follows_the_name() {
    let doc = Document::new();
    assert_eq!(markdown(&doc, Lang::Sv), "# Målbild\n\nInga kort ännu.\n");
    assert_eq!(csv(&doc, Lang::En).lines().count(), 1);
    use std::path::Path;
    assert_eq!(
        SummaryFormat::from_path(Path::new("a.MD")),
        Some(SummaryFormat::Markdown)
    );
    assert_eq!(
        SummaryFormat::from_path(Path::new("a.csv")),
        Some(SummaryFormat::Csv)
    );
    assert_eq!(SummaryFormat::from_path(Path::new("a.png")), None);
}

/// A small RFC 4180 reader, as a spreadsheet reads.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                c => field.push(c),
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {}
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                c => field.push(c),
            }
        }
    }
    rows
}
