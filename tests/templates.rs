//! The templates in `assets/templates/`: ordinary canvases, one folder per language. They are
//! made by the builders below (`MALBILD_BLESS=1 cargo test --test templates` writes them
//! again); afterwards they are files anyone may edit without Rust, so this checks what every
//! template must be rather than that it equals its builder.

use malbild::edit::workshop::even_lanes;
use malbild::lang::Lang;
use malbild::model::{
    Arrow, ArrowEnd, Card, CardColor, Document, Element, ElementId, FontSize, HEADER_HEIGHT,
    LineStyle, Outline, PhaseId, Point, Rect, Shape, Status, Text,
};
use std::path::{Path, PathBuf};

struct Ids(u64);
impl Ids {
    fn next(&mut self) -> ElementId {
        self.0 += 1;
        ElementId(0x7e_0000 + self.0)
    }
}

fn base(lang: Lang) -> Document {
    let mut doc = Document::new();
    doc.phases.nulage.title = word(lang, "template-phase-nulage").into();
    doc.phases.overgang.title = word(lang, "template-phase-overgang").into();
    doc.phases.malbild.title = word(lang, "template-phase-malbild").into();
    doc
}

/// A word of the templates, from the translation files (`templates.ftl`).
fn word(lang: Lang, key: &'static str) -> &'static str {
    lang.word(key)
}

fn card(ids: &mut Ids, x: f32, y: f32, text: &str, color: CardColor) -> Card {
    Card::new(ids.next(), Rect::new(x, y, 220.0, 120.0), text, color)
}

/// Lanes with ids that stay the same each time the templates are written.
fn stable(mut lanes: Vec<malbild::model::Lane>) -> Vec<malbild::model::Lane> {
    for (i, l) in lanes.iter_mut().enumerate() {
        l.id = ElementId(0x7a_0001 + i as u64);
    }
    lanes
}

fn blank(lang: Lang) -> Document {
    base(lang)
}

fn matrix(lang: Lang) -> Document {
    let mut doc = base(lang);
    doc.board.height = HEADER_HEIGHT + 4.0 * 220.0;
    let titles = [
        word(lang, "template-matrix-1"),
        word(lang, "template-matrix-2"),
        word(lang, "template-matrix-3"),
        word(lang, "template-matrix-4"),
    ];
    doc.lanes = stable(even_lanes(&doc, &titles));
    doc
}

fn shifts(lang: Lang) -> Document {
    let mut doc = base(lang);
    doc.board.height = HEADER_HEIGHT + 4.0 * 200.0;
    let pairs = [
        (
            word(lang, "template-shifts-1"),
            word(lang, "template-shifts-2"),
            word(lang, "template-shifts-3"),
        ),
        (
            word(lang, "template-shifts-4"),
            word(lang, "template-shifts-5"),
            word(lang, "template-shifts-6"),
        ),
        (
            word(lang, "template-shifts-7"),
            word(lang, "template-shifts-8"),
            word(lang, "template-shifts-9"),
        ),
        (
            word(lang, "template-shifts-10"),
            word(lang, "template-shifts-11"),
            word(lang, "template-shifts-12"),
        ),
    ];
    let titles: Vec<&str> = pairs.iter().map(|p| p.0).collect();
    doc.lanes = stable(even_lanes(&doc, &titles));
    let mut ids = Ids(0);
    let m = doc.phase_rect(PhaseId::Malbild).x;
    for (i, (_, from, to)) in pairs.iter().enumerate() {
        let top = doc.lane_rect(i).map_or(0.0, |r| r.y) + 40.0;
        let a = card(&mut ids, 60.0, top, from, CardColor::Grey);
        let b = card(&mut ids, m + 520.0, top, to, CardColor::Green);
        let arrow = Arrow::new(
            ids.next(),
            ArrowEnd::bound(
                Point::new(a.rect.right(), top + 60.0),
                a.id,
                Point::new(1.0, 0.5),
            ),
            ArrowEnd::bound(Point::new(b.rect.x, top + 60.0), b.id, Point::new(0.0, 0.5)),
        );
        doc.elements.push(Element::Card(a));
        doc.elements.push(Element::Card(b));
        doc.elements.push(Element::Arrow(arrow));
    }
    doc
}

fn roadmap(lang: Lang) -> Document {
    let mut doc = base(lang);
    doc.title = word(lang, "template-roadmap-7").into();
    // Övergång is the timeline: wider, the other two narrower, so that the whole road still
    // fits a projector readably.
    doc.phases.nulage.width = 560.0;
    doc.phases.overgang.width = 1320.0;
    doc.phases.malbild.width = 560.0;
    doc.board.height = HEADER_HEIGHT + 3.0 * 240.0 + 60.0;
    let titles = [
        word(lang, "template-roadmap-1"),
        word(lang, "template-roadmap-2"),
        word(lang, "template-roadmap-3"),
    ];
    doc.lanes = stable(even_lanes(&doc, &titles));
    let mut ids = Ids(0);
    let o = doc.phase_rect(PhaseId::Overgang);
    // The periods of the timeline: headings to edit (quarters here; years are one click of
    // editing away).
    let periods = ["2027 Q1", "2027 Q2", "2027 Q3", "2027 Q4"];
    let w = (o.w - 40.0) / periods.len() as f32;
    for (k, p) in periods.iter().enumerate() {
        let x = o.x + 20.0 + k as f32 * w;
        let mut s = Shape::new(
            ids.next(),
            Rect::new(x + 6.0, HEADER_HEIGHT + 8.0, w - 12.0, 52.0),
            Outline::RoundedRectangle,
        );
        s.text = (*p).into();
        s.text_size = malbild::model::TextSize::L;
        s.bold = true;
        s.fill = Some(CardColor::White);
        s.line_color = CardColor::Grey;
        s.line_style = LineStyle::Dashed;
        doc.elements.push(Element::Shape(s));
    }
    let initiatives = [
        (
            0usize,
            0usize,
            word(lang, "template-roadmap-4"),
            Status::Planned,
        ),
        (1, 1, word(lang, "template-roadmap-5"), Status::Ongoing),
        (2, 2, word(lang, "template-roadmap-6"), Status::Idea),
    ];
    for (lane, period, text, status) in initiatives {
        let top = doc.lane_rect(lane).map_or(0.0, |r| r.y) + 76.0;
        let x = o.x + 26.0 + period as f32 * w;
        let mut c = card(&mut ids, x, top, text, CardColor::Yellow);
        c.status = Some(status);
        c.rect.h = 140.0;
        doc.elements.push(Element::Card(c));
    }
    doc
}

fn workshop(lang: Lang) -> Document {
    let mut doc = base(lang);
    doc.title = word(lang, "template-workshop-4").into();
    let mut ids = Ids(0);
    let board = doc.board_rect();
    // The parking lot: below the board, for what comes up but belongs elsewhere.
    let lot = Rect::new(0.0, board.bottom() + 40.0, board.w, 320.0);
    let mut s = Shape::new(ids.next(), lot, Outline::RoundedRectangle);
    s.fill = Some(CardColor::Grey);
    s.line_color = CardColor::Grey;
    s.line_style = LineStyle::Dashed;
    doc.elements.push(Element::Shape(s));
    let mut title = Text::new(
        ids.next(),
        Point::new(lot.x + 24.0, lot.y + 16.0),
        word(lang, "template-workshop-5"),
    );
    title.size = FontSize::L;
    title.rect = Rect::new(lot.x + 24.0, lot.y + 16.0, 900.0, 48.0);
    doc.elements.push(Element::Text(title));
    let hints = [
        word(lang, "template-workshop-1"),
        word(lang, "template-workshop-2"),
        word(lang, "template-workshop-3"),
    ];
    for (p, hint) in PhaseId::ALL.into_iter().zip(hints) {
        let r = doc.phase_rect(p);
        let mut t = Text::new(
            ids.next(),
            Point::new(r.x + 30.0, HEADER_HEIGHT + 20.0),
            hint,
        );
        t.size = FontSize::M;
        t.color = CardColor::Grey;
        t.rect = Rect::new(r.x + 30.0, HEADER_HEIGHT + 20.0, r.w - 60.0, 36.0);
        doc.elements.push(Element::Text(t));
    }
    doc
}

/// The templates, by file name, as the app lists them.
type Builder = fn(Lang) -> Document;

fn builders() -> Vec<(&'static str, Builder)> {
    vec![
        ("blank", blank),
        ("matrix", matrix),
        ("shifts", shifts),
        ("roadmap", roadmap),
        ("workshop", workshop),
    ]
}

fn file(lang: Lang, name: &str) -> PathBuf {
    let folder = match lang {
        Lang::Sv => "sv",
        _ => "en",
    };
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/templates")
        .join(folder)
        .join(format!("{name}.malbild"))
}

#[test]
fn every_template_is_a_valid_canvas_in_both_languages() {
    for lang in [Lang::Sv, Lang::En] {
        for (name, build) in builders() {
            let path = file(lang, name);
            if std::env::var_os("MALBILD_BLESS").is_some() {
                let doc = build(lang);
                let _ = std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")));
                assert!(malbild::io::save(&path, &doc).is_ok());
            }
            let loaded =
                malbild::io::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let doc = loaded.document;
            assert!(doc.validate().is_ok(), "{name}");
            assert_eq!(
                loaded.version,
                malbild::io::VERSION,
                "{name} is in today's format"
            );
            // What each promises.
            match name {
                "matrix" => assert_eq!(doc.lanes.len(), 4),
                "shifts" => {
                    assert_eq!(doc.lanes.len(), 4);
                    assert_eq!(doc.arrow_count(), 4);
                }
                "roadmap" => assert!(
                    doc.elements
                        .iter()
                        .any(|e| e.as_card().is_some_and(|c| c.status.is_some()))
                ),
                _ => {}
            }
            if lang == Lang::En {
                assert_eq!(doc.phases.malbild.title, "Target picture");
            }
        }
    }
}
