//! The ready sample canvas a newcomer sees first: a short Nära vård story, in the language of
//! the window (its words in `assets/i18n/*/sample.ftl`).

use super::{
    Arrow, ArrowEnd, Card, CardColor, Document, Element, ElementId, FileData, FileId, FontSize,
    LineStyle, LineWidth, Mime, Outline, PenWidth, PhaseId, Picture, Point, Rect, Route, Shape,
    Stroke, Text,
};
use crate::lang::Lang;

/// A short Nära vård story in Swedish: a few cards in each phase.
pub fn nara_vard() -> Document {
    nara_vard_in(Lang::Sv)
}

/// The sample in `lang`: its words from the translation files (`sample.ftl`).
pub fn nara_vard_in(lang: Lang) -> Document {
    let w = |key: &'static str| lang.word(key);
    let mut doc = Document::new();
    doc.title = w("sample-title").to_owned();
    doc.board.height = 840.0;
    for id in PhaseId::ALL {
        doc.phases.get_mut(id).width = 620.0;
    }

    let stories: [(PhaseId, [(&str, CardColor); 5]); 3] = [
        (
            PhaseId::Nulage,
            [
                (w("sample-nulage-1"), CardColor::Grey),
                (w("sample-nulage-2"), CardColor::Orange),
                (w("sample-nulage-3"), CardColor::Red),
                (w("sample-nulage-4"), CardColor::Grey),
                (w("sample-nulage-5"), CardColor::Pink),
            ],
        ),
        (
            PhaseId::Overgang,
            [
                (w("sample-overgang-1"), CardColor::Yellow),
                (w("sample-overgang-2"), CardColor::Blue),
                (w("sample-overgang-3"), CardColor::Yellow),
                (w("sample-overgang-4"), CardColor::Teal),
                (w("sample-overgang-5"), CardColor::Purple),
            ],
        ),
        (
            PhaseId::Malbild,
            [
                (w("sample-malbild-1"), CardColor::Navy),
                (w("sample-malbild-2"), CardColor::Green),
                (w("sample-malbild-3"), CardColor::Green),
                (w("sample-malbild-4"), CardColor::Teal),
                (w("sample-malbild-5"), CardColor::White),
            ],
        ),
    ];
    // Two columns of two and one card centred below, as a facilitator might place them:
    // large enough that every text is readable from the back of the room when the whole
    // board is on a projector.
    let slots = [
        (24.0, 118.0),
        (326.0, 132.0),
        (20.0, 294.0),
        (330.0, 308.0),
        (175.0, 478.0),
    ];
    let mut next_id = 0x5a_0001_u64;
    for (phase, cards) in stories {
        let x0 = doc.phase_x(phase);
        for ((text, color), (dx, dy)) in cards.into_iter().zip(slots) {
            let rect = Rect::new(x0 + dx, dy, 270.0, 150.0);
            doc.elements.push(Element::Card(Card::new(
                ElementId(next_id),
                rect,
                text,
                color,
            )));
            next_id += 1;
        }
    }
    // The story's lines: what leads to what, across the phases.
    let card = |n: u64| ElementId(0x5a_0000 + n);
    let centre = Point::new(0.5, 0.5);
    // Each from a card to one beside it in the next phase, so that no line crosses a card.
    let arrows: [(u64, u64, Route, f32, LineStyle, &str); 6] = [
        (2, 6, Route::Straight, 0.0, LineStyle::Solid, ""),
        (4, 8, Route::Straight, 0.0, LineStyle::Dashed, ""),
        (7, 11, Route::Curved, 30.0, LineStyle::Solid, ""),
        (9, 13, Route::Straight, 0.0, LineStyle::Solid, ""),
        (
            5,
            10,
            Route::Straight,
            0.0,
            LineStyle::Solid,
            w("sample-label-skills"),
        ),
        (
            10,
            15,
            Route::Straight,
            0.0,
            LineStyle::Dashed,
            w("sample-label-together"),
        ),
    ];
    for (i, (from, to, route, bend, style, label)) in arrows.into_iter().enumerate() {
        let at = |id: ElementId| doc.card(id).map(|c| c.rect.center()).unwrap_or_default();
        let mut a = Arrow::new(
            ElementId(0x5a_0100 + i as u64),
            ArrowEnd::bound(at(card(from)), card(from), centre),
            ArrowEnd::bound(at(card(to)), card(to), centre),
        );
        a.route = route;
        a.bend = bend;
        a.style = style;
        a.label = label.to_owned();
        doc.elements.push(Element::Arrow(a));
    }
    // Below the cards, drawn as a facilitator sketches: a caption underlined by hand, a block
    // arrow for the way, and a cloud round the vision.
    let xs = PhaseId::ALL.map(|p| doc.phase_x(p));
    let x = |p: PhaseId| match p {
        PhaseId::Nulage => xs[0],
        PhaseId::Overgang => xs[1],
        PhaseId::Malbild => xs[2],
    };
    let mut caption = Text::new(
        ElementId(0x5a_0201),
        Point::new(x(PhaseId::Nulage) + 30.0, 680.0),
        w("sample-subtitle"),
    );
    caption.rect.w = 540.0;
    caption.size = FontSize::M;
    caption.rect = Rect {
        h: FontSize::M.points() * 1.3,
        ..caption.rect
    };
    doc.elements.push(Element::Text(caption));
    let wave: Vec<Point> = (0..=48)
        .map(|i| {
            let t = i as f32 / 48.0;
            Point::new(
                x(PhaseId::Nulage) + 34.0 + t * 300.0,
                742.0 + (t * std::f32::consts::TAU * 2.0).sin() * 7.0,
            )
        })
        .collect();
    if let Some(line) = Stroke::from_drawn(
        ElementId(0x5a_0202),
        &wave,
        0.5,
        CardColor::Red,
        PenWidth::Medium,
        false,
    ) {
        doc.elements.push(Element::Stroke(line));
    }
    let mut way = Shape::new(
        ElementId(0x5a_0203),
        Rect::new(x(PhaseId::Overgang) + 150.0, 682.0, 320.0, 120.0),
        Outline::BlockArrow,
    );
    way.text = w("sample-step-by-step").to_owned();
    way.fill = Some(CardColor::Orange);
    way.line_color = CardColor::Orange;
    way.line_width = LineWidth::Thin;
    doc.elements.push(Element::Shape(way));
    let mut vision = Shape::new(
        ElementId(0x5a_0204),
        Rect::new(x(PhaseId::Malbild) + 150.0, 664.0, 320.0, 160.0),
        Outline::Cloud,
    );
    vision.text = w("sample-vision").to_owned();
    vision.fill = Some(CardColor::Green);
    vision.line_color = CardColor::Green;
    vision.bold = true;
    doc.elements.push(Element::Shape(vision));
    // Pictures from the library beside the cards: the hospital today, the health worker who
    // comes home and the digital meeting on the way, home and the older person in the vision.
    type Placed<'a> = (&'a str, &'a str, &'a [u8], PhaseId, Rect, Option<CardColor>);
    let pictures: [Placed; 5] = [
        (
            "fluent:hospital",
            w("sample-picture-hospital"),
            include_bytes!("../../assets/illustrations/fluent/hospital.svg"),
            PhaseId::Nulage,
            Rect::new(480.0, 680.0, 128.0, 128.0),
            None,
        ),
        (
            "fluent:woman-health-worker-medium-light",
            w("sample-picture-health-worker"),
            include_bytes!(
                "../../assets/illustrations/fluent/woman-health-worker-medium-light.svg"
            ),
            PhaseId::Overgang,
            Rect::new(22.0, 690.0, 116.0, 116.0),
            None,
        ),
        (
            "phosphor:video-camera",
            w("sample-picture-video"),
            include_bytes!("../../assets/illustrations/phosphor/video-camera.svg"),
            PhaseId::Overgang,
            Rect::new(490.0, 700.0, 100.0, 100.0),
            Some(CardColor::Blue),
        ),
        (
            "fluent:old-woman-light",
            w("sample-picture-old-woman"),
            include_bytes!("../../assets/illustrations/fluent/old-woman-light.svg"),
            PhaseId::Malbild,
            Rect::new(22.0, 690.0, 116.0, 116.0),
            None,
        ),
        (
            "fluent:house-with-garden",
            w("sample-picture-house"),
            include_bytes!("../../assets/illustrations/fluent/house-with-garden.svg"),
            PhaseId::Malbild,
            Rect::new(480.0, 680.0, 130.0, 130.0),
            None,
        ),
    ];
    for (n, (source, name, svg, phase, r, tint)) in pictures.into_iter().enumerate() {
        let file = FileId::of(svg);
        doc.files
            .insert(file.clone(), FileData::new(Mime::Svg, svg.to_vec()));
        let mut p = Picture::new(
            ElementId(0x5a_0301 + n as u64),
            r.translated(x(phase), 0.0),
            file,
        );
        p.source = source.to_owned();
        p.name = name.to_owned();
        p.tint = tint;
        doc.elements.push(Element::Illustration(p));
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_has_cards_in_every_phase() {
        let doc = nara_vard();
        assert!(doc.validate().is_ok());
        for id in PhaseId::ALL {
            let r = doc.phase_rect(id);
            let n = doc
                .elements
                .iter()
                .filter(|e| e.as_card().is_some() && r.contains(doc.bounds_of(e).center()))
                .count();
            assert!(n >= 3, "{id:?} has {n} cards");
        }
    }
}
