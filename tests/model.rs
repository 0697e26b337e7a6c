//! Property tests over random edit sequences of every element kind (cards, shapes, free text,
//! strokes, arrows) and the arranging commands: undo all returns the start,
//! redo all returns the end, save → load returns an equal document, saving twice gives the
//! same bytes, and the spatial index kept up to date edit by edit equals one built from
//! scratch (arrows bound to moved cards included).

use malbild::edit::arrange::{self, Alignment, Depth};
use malbild::edit::{Command, Editor, workshop};
use malbild::io;
use malbild::model::{
    Arrow, ArrowEnd, Card, CardColor, Document, Element, ElementId, Frame, Head, LineStyle,
    LineWidth, MIN_BOARD_HEIGHT, MIN_PHASE_WIDTH, Outline, PenWidth, Phase, PhaseId, Point,
    Priority, Rect, Rgba, Route, Shape, Status, Stroke, Text, sample,
};
use malbild::spatial::SpatialIndex;
use proptest::prelude::*;
use std::collections::HashSet;

/// How an arrow looks: route, start head, end head, line style, width (indices).
type Look = (usize, usize, usize, usize, usize);

/// An edit described without knowing the document; turned into a command against the
/// document as it is when the edit comes.
#[derive(Clone, Debug)]
enum Op {
    Add {
        at: usize,
        rect: Rect,
        text: String,
        color: usize,
    },
    /// A shape, free text, stroke or picture (kind 0, 1, 2, 3–4) in `rect`.
    AddOther {
        kind: usize,
        rect: Rect,
        text: String,
        outline: usize,
        turn: f32,
        points: Vec<Point>,
    },
    /// Paint order (0 forward, 1 front, 2 backward, 3 back).
    Reorder {
        pick: Vec<usize>,
        depth: usize,
    },
    /// Group (0), ungroup (1), lock (2), unlock (3), align (4..10), distribute (10, 11).
    Arrange {
        pick: Vec<usize>,
        what: usize,
    },
    Turn {
        pick: usize,
        deg: f32,
    },
    /// An arrow between elements picked by index (`None`: a free end at the point).
    AddArrow {
        from: Option<usize>,
        to: Option<usize>,
        p: Point,
        q: Point,
        look: Look,
        bend: f32,
        label: String,
    },
    /// Binds an arrow's end elsewhere, or frees it.
    Rebind {
        pick: usize,
        start: bool,
        to: Option<usize>,
        at: Point,
    },
    Remove {
        pick: Vec<usize>,
    },
    Move {
        pick: Vec<usize>,
        dx: f32,
        dy: f32,
    },
    Resize {
        pick: usize,
        w: f32,
        h: f32,
    },
    Text {
        pick: usize,
        text: String,
    },
    Recolour {
        pick: Vec<usize>,
        color: usize,
    },
    Phase {
        phase: usize,
        title: String,
        width: f32,
        tint: (u8, u8, u8),
    },
    Board {
        height: f32,
    },
    Title {
        title: String,
    },
    /// A phase-width drag: phase and elements in one batch.
    Widen {
        phase: usize,
        width: f32,
        dx: f32,
    },
    /// A theme: added, moved, removed, resized or renamed.
    Lane {
        what: usize,
        a: usize,
        b: usize,
        height: f32,
        title: String,
    },
    /// A dot given or taken, or a new round.
    Vote {
        pick: usize,
        what: usize,
    },
    /// A card's follow-up and step.
    FollowUp {
        pick: usize,
        status: usize,
        owner: String,
        day: u32,
        step: u32,
    },
    /// End the gesture here (an undo step boundary).
    Commit,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zåäöA-ZÅÄÖ ]{0,30}",
        "\\PC{0,40}",
        Just("Rätt vård på rätt nivå – nära\n\"citat\" \\ snedstreck\t😀".to_owned()),
    ]
}

fn coord() -> impl Strategy<Value = f32> {
    // Quarter points, as from real drags at various zooms, plus awkward fractions.
    prop_oneof![
        (-20_000i32..20_000).prop_map(|v| v as f32 / 4.0),
        -5000.0f32..5000.0
    ]
}

fn point() -> impl Strategy<Value = Point> {
    (coord(), coord()).prop_map(|(x, y)| Point::new(x, y))
}

fn op() -> impl Strategy<Value = Op> {
    let pick = prop::collection::vec(any::<usize>(), 1..5);
    let other = (
        0usize..5,
        (coord(), coord(), 20.0f32..600.0, 20.0f32..400.0),
        text(),
        0usize..8,
        prop_oneof![Just(0.0f32), 0.0f32..360.0],
        prop::collection::vec(point(), 1..40),
    )
        .prop_map(
            |(kind, (x, y, w, h), text, outline, turn, points)| Op::AddOther {
                kind,
                rect: Rect::new(x, y, w, h),
                text,
                outline,
                turn,
                points,
            },
        );
    let look = (0usize..3, 0usize..4, 0usize..4, 0usize..3, 0usize..3);
    let unit = (0.0f32..=1.0, 0.0f32..=1.0).prop_map(|(x, y)| Point::new(x, y));
    prop_oneof![
        3 => (any::<usize>(), coord(), coord(), 60.0f32..600.0, 40.0f32..400.0, text(), 0usize..11)
            .prop_map(|(at, x, y, w, h, text, color)| Op::Add { at, rect: Rect::new(x, y, w, h), text, color }),
        3 => other,
        1 => (pick.clone(), 0usize..4).prop_map(|(pick, depth)| Op::Reorder { pick, depth }),
        1 => (pick.clone(), 0usize..12).prop_map(|(pick, what)| Op::Arrange { pick, what }),
        1 => (any::<usize>(), -720.0f32..720.0).prop_map(|(pick, deg)| Op::Turn { pick, deg }),
        3 => (prop::option::of(any::<usize>()), prop::option::of(any::<usize>()), point(), point(), look, -300.0f32..300.0, text())
            .prop_map(|(from, to, p, q, look, bend, label)| Op::AddArrow { from, to, p, q, look, bend, label }),
        1 => (any::<usize>(), any::<bool>(), prop::option::of(any::<usize>()), unit)
            .prop_map(|(pick, start, to, at)| Op::Rebind { pick, start, to, at }),
        1 => pick.clone().prop_map(|pick| Op::Remove { pick }),
        3 => (pick.clone(), coord(), coord()).prop_map(|(pick, dx, dy)| Op::Move { pick, dx, dy }),
        1 => (any::<usize>(), 60.0f32..900.0, 40.0f32..700.0).prop_map(|(pick, w, h)| Op::Resize { pick, w, h }),
        2 => (any::<usize>(), text()).prop_map(|(pick, text)| Op::Text { pick, text }),
        1 => (pick, 0usize..11).prop_map(|(pick, color)| Op::Recolour { pick, color }),
        1 => (0usize..3, text(), MIN_PHASE_WIDTH..4000.0, any::<(u8, u8, u8)>())
            .prop_map(|(phase, title, width, tint)| Op::Phase { phase, title, width, tint }),
        1 => (MIN_BOARD_HEIGHT..5000.0f32).prop_map(|height| Op::Board { height }),
        1 => text().prop_map(|title| Op::Title { title }),
        1 => (0usize..3, MIN_PHASE_WIDTH..3000.0f32, coord()).prop_map(|(phase, width, dx)| Op::Widen { phase, width, dx }),
        1 => (0usize..5, any::<usize>(), any::<usize>(), 40.0f32..600.0, text())
            .prop_map(|(what, a, b, height, title)| Op::Lane { what, a, b, height, title }),
        1 => (any::<usize>(), 0usize..4).prop_map(|(pick, what)| Op::Vote { pick, what }),
        1 => (any::<usize>(), 0usize..6, text(), 0u32..400, 0u32..20)
            .prop_map(|(pick, status, owner, day, step)| Op::FollowUp { pick, status, owner, day, step }),
        2 => Just(Op::Commit),
    ]
}

fn to_command(doc: &Document, op: &Op, serial: &mut u64) -> Option<Command> {
    let els = doc.elements.as_slice();
    let cards: Vec<ElementId> = els
        .iter()
        .filter_map(Element::as_card)
        .map(|c| c.id)
        .collect();
    let pick_one = |i: usize| els.get(i % els.len().max(1)).cloned();
    let pick_many = |p: &[usize]| {
        let mut v: Vec<Element> = p.iter().filter_map(|&i| pick_one(i)).collect();
        v.sort_by_key(Element::id);
        v.dedup_by_key(|e| e.id());
        v
    };
    let end = |pick: &Option<usize>, pt: Point, at: Point| match pick {
        Some(i) if !cards.is_empty() => ArrowEnd::bound(pt, cards[i % cards.len()], at),
        _ => ArrowEnd::free(pt),
    };
    Some(match op {
        Op::Add {
            at,
            rect,
            text,
            color,
        } => {
            *serial += 1;
            let card = Card::new(
                ElementId(*serial),
                *rect,
                text.clone(),
                CardColor::ALL[*color],
            );
            Command::insert_at(doc, at % (els.len() + 1), vec![Element::Card(card)])
        }
        Op::AddOther {
            kind,
            rect,
            text,
            outline,
            turn,
            points,
        } => {
            *serial += 1;
            let id = ElementId(*serial);
            let e = match kind {
                0 => {
                    let mut s = Shape::new(id, *rect, Outline::ALL[*outline]);
                    s.text = text.clone();
                    s.rotation = *turn;
                    Element::Shape(s)
                }
                1 => {
                    let mut t = Text::new(id, Point::new(rect.x, rect.y), text.clone());
                    t.rotation = *turn;
                    Element::Text(t)
                }
                3 | 4 => {
                    // A picture (one of two, so that the same one is placed again), its
                    // bytes added with it, cropped, flipped, faded, tinted as it happens.
                    let bytes = format!(
                        "<svg xmlns='http://www.w3.org/2000/svg' width='{}' height='10'/>",
                        outline % 2 + 1
                    )
                    .into_bytes();
                    let file = malbild::model::FileId::of(&bytes);
                    let data = malbild::model::FileData::new(malbild::model::Mime::Svg, bytes);
                    let mut p = malbild::model::Picture::new(id, *rect, file.clone());
                    p.rotation = *turn;
                    p.name = text.chars().take(40).collect();
                    p.flip_x = outline % 2 == 0;
                    p.opacity = 0.2 + (*outline as f32) / 10.0;
                    p.crop = malbild::model::Crop {
                        x: 0.1,
                        y: 0.0,
                        w: 0.5,
                        h: 1.0,
                    };
                    p.tint = (*kind == 3).then_some(CardColor::ALL[*outline]);
                    let e = if *kind == 3 {
                        Element::Illustration(p)
                    } else {
                        Element::Image(p)
                    };
                    let insert = Command::insert_on_top(doc, vec![e]);
                    return Some(Command::Batch(vec![
                        Command::AddFiles(vec![(file, data)]),
                        insert,
                    ]));
                }
                _ => {
                    let s = Stroke::from_drawn(
                        id,
                        points,
                        0.5,
                        CardColor::ALL[*outline],
                        PenWidth::ALL[*outline % 3],
                        *outline % 2 == 0,
                    )?;
                    Element::Stroke(s)
                }
            };
            Command::insert_on_top(doc, vec![e])
        }
        Op::Reorder { pick, depth } => {
            let ids: HashSet<ElementId> = pick_many(pick).iter().map(Element::id).collect();
            let depth = [Depth::Forward, Depth::Front, Depth::Backward, Depth::Back][*depth];
            arrange::reorder(doc, &ids, depth)?
        }
        Op::Arrange { pick, what } => {
            let ids: HashSet<ElementId> = pick_many(pick).iter().map(Element::id).collect();
            let aligns = [
                Alignment::Left,
                Alignment::Center,
                Alignment::Right,
                Alignment::Top,
                Alignment::Middle,
                Alignment::Bottom,
            ];
            match what {
                0 => arrange::group(doc, &ids)?,
                1 => arrange::ungroup(doc, &ids)?,
                2 => arrange::set_locked(doc, &ids, true)?,
                3 => arrange::set_locked(doc, &ids, false)?,
                4..10 => arrange::align(doc, &ids, aligns[what - 4])?,
                _ => arrange::distribute(doc, &ids, *what == 10)?,
            }
        }
        Op::Turn { pick, deg } => {
            let e = pick_one(*pick)?;
            let f = e.frame()?;
            Command::Update(vec![e.with_frame(Frame::new(f.rect, *deg))])
        }
        Op::AddArrow {
            from,
            to,
            p,
            q,
            look,
            bend,
            label,
        } => {
            *serial += 1;
            let centre = Point::new(0.5, 0.5);
            let mut a = Arrow::new(
                ElementId(*serial),
                end(from, *p, centre),
                end(to, *q, centre),
            );
            a.route = Route::ALL[look.0];
            a.start_head = Head::ALL[look.1];
            a.end_head = Head::ALL[look.2];
            a.style = LineStyle::ALL[look.3];
            a.width = LineWidth::ALL[look.4];
            a.bend = *bend;
            a.label = label.clone();
            Command::insert_on_top(doc, vec![Element::Arrow(a)])
        }
        Op::Rebind {
            pick,
            start,
            to,
            at,
        } => {
            let arrows: Vec<&Arrow> = els.iter().filter_map(Element::as_arrow).collect();
            let mut a = (*arrows.get(pick % arrows.len().max(1))?).clone();
            let e = if *start { &mut a.start } else { &mut a.end };
            *e = end(to, Point::new(at.x * 1000.0, at.y * 1000.0), *at);
            Command::Update(vec![Element::Arrow(a)])
        }
        Op::Remove { pick } => {
            let v = pick_many(pick);
            if v.is_empty() {
                return None;
            }
            Command::Remove(v.iter().map(Element::id).collect())
        }
        Op::Move { pick, dx, dy } => {
            let v = pick_many(pick);
            if v.is_empty() {
                return None;
            }
            Command::Update(v.iter().map(|e| e.translated(*dx, *dy)).collect())
        }
        Op::Resize { pick, w, h } => {
            let e = pick_one(*pick)?;
            let f = e.frame()?;
            let rect = Rect::new(f.rect.x, f.rect.y, *w, *h);
            Command::Update(vec![e.with_frame(Frame { rect, ..f })])
        }
        Op::Text { pick, text } => {
            let e = pick_one(*pick)?;
            e.text()?;
            Command::Update(vec![e.with_text(text.clone())])
        }
        Op::Recolour { pick, color } => {
            let color = CardColor::ALL[*color];
            let ids: HashSet<ElementId> = pick_many(pick).iter().map(Element::id).collect();
            arrange::recolor(doc, &ids, color)?
        }
        Op::Phase {
            phase,
            title,
            width,
            tint,
        } => Command::SetPhase(
            PhaseId::ALL[*phase],
            Phase {
                title: title.clone(),
                width: *width,
                tint: Rgba::rgb(tint.0, tint.1, tint.2),
            },
        ),
        // The board is never made shorter than its lanes (the UI holds it there).
        Op::Board { height } => Command::SetBoardHeight(height.max(doc.lanes_bottom())),
        Op::Lane {
            what,
            a,
            b,
            height,
            title,
        } => {
            let n = doc.lanes.len().max(1);
            match what {
                0 => workshop::add_lane(doc, title)?.0,
                1 => workshop::move_lane(doc, a % n, b % n)?,
                2 => workshop::remove_lane(doc, a % n)?,
                3 => {
                    let (below, inside) = workshop::lane_drag(doc, a % n);
                    let start = workshop::LaneStart::of(doc);
                    workshop::resize_lane(&start, a % n, *height, &below, &inside)?
                }
                _ => {
                    let mut lane = doc.lanes.get(a % n)?.clone();
                    lane.title = title.clone();
                    workshop::set_lane(doc, a % n, lane)?
                }
            }
        }
        Op::Vote { pick, what } => {
            let e = pick_one(*pick)?;
            match (what, workshop::current_round(doc)) {
                (0, _) | (_, None) => workshop::start_round(doc, "Omröstning", Some(3)),
                (1, Some((i, _))) => workshop::vote(doc, i, e.id(), -1)?,
                (_, Some((i, _))) => workshop::vote(doc, i, e.id(), 1)?,
            }
        }
        Op::FollowUp {
            pick,
            status,
            owner,
            day,
            step,
        } => {
            let e = pick_one(*pick)?;
            let mut out = e.with_step((*step > 0).then_some(*step));
            if let Element::Card(c) = &mut out {
                c.status = Status::ALL.get(*status).copied();
                c.owner = owner.chars().take(200).collect();
                c.due = format!("2027-{:02}-{:02}", day % 12 + 1, day % 28 + 1);
                c.priority = Priority::ALL.get(*status % 4).copied();
            }
            Command::Update(vec![out])
        }
        Op::Title { title } => Command::SetTitle(title.clone()),
        Op::Widen { phase, width, dx } => {
            let id = PhaseId::ALL[*phase];
            let p = Phase {
                width: *width,
                ..doc.phases.get(id).clone()
            };
            let moved = els.iter().map(|e| e.translated(*dx, 0.0)).collect();
            Command::Batch(vec![Command::SetPhase(id, p), Command::Update(moved)])
        }
        Op::Commit => return None,
    })
}

/// Runs the ops through an editor, as the UI does; returns the editor.
fn run(start: Document, ops: &[Op]) -> Editor {
    let mut editor = Editor::new(start);
    let mut serial = 1 << 40;
    for op in ops {
        if matches!(op, Op::Commit) {
            editor.commit();
            continue;
        }
        if let Some(cmd) = to_command(editor.doc(), op, &mut serial) {
            let ok = editor.apply(cmd).is_ok();
            assert!(ok, "a well-formed command applies");
        }
    }
    editor.commit();
    editor
}

fn start_doc() -> impl Strategy<Value = Document> {
    prop_oneof![Just(Document::new()), Just(sample::nara_vard())]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn undo_all_returns_the_start_and_redo_all_the_end(
        start in start_doc(),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let mut editor = run(start.clone(), &ops);
        let end = editor.doc().clone();
        let steps = editor.history().undo_len();
        for _ in 0..steps {
            prop_assert!(editor.undo());
        }
        prop_assert!(!editor.undo());
        prop_assert_eq!(editor.doc(), &start);
        for _ in 0..steps {
            prop_assert!(editor.redo());
        }
        prop_assert_eq!(editor.doc(), &end);
    }

    #[test]
    fn save_then_load_gives_an_equal_document_and_the_same_bytes(
        start in start_doc(),
        ops in prop::collection::vec(op(), 0..30),
    ) {
        let editor = run(start, &ops);
        let doc = editor.doc();
        let bytes = io::to_bytes(doc);
        prop_assert_eq!(&io::to_bytes(doc), &bytes, "saving twice gives the same bytes");
        let loaded = io::from_bytes(&bytes).map(|l| l.document);
        prop_assert!(loaded.is_ok(), "{:?}", loaded.as_ref().err());
        let loaded = loaded.unwrap_or_default();
        // Saved without the pictures no element shows any more.
        let mut kept = doc.clone();
        let used: std::collections::HashSet<_> = doc
            .elements
            .iter()
            .filter_map(|e| e.as_picture().map(|p| p.file.clone()))
            .collect();
        kept.files.retain(|id| used.contains(id));
        prop_assert_eq!(&loaded, &kept);
        prop_assert_eq!(io::to_bytes(&loaded), bytes, "and saving the loaded one too");
    }

    #[test]
    fn the_spatial_index_follows_every_edit(
        start in start_doc(),
        ops in prop::collection::vec(op(), 1..30),
        undos in 0usize..10,
    ) {
        let mut editor = run(start, &ops);
        for _ in 0..undos {
            editor.undo();
        }
        let doc = editor.doc();
        let fresh = SpatialIndex::build(doc);
        let area = doc.bounds();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        editor.index().query(doc, area, &mut a);
        fresh.query(doc, area, &mut b);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.len(), doc.elements.len());
        prop_assert_eq!(editor.index().len(), doc.elements.len());
        // And a small window finds exactly what meets it.
        let win = Rect::new(area.x + area.w / 3.0, area.y + area.h / 3.0, area.w / 4.0, area.h / 4.0);
        editor.index().query(doc, win, &mut a);
        let want: Vec<usize> = doc.elements.iter().enumerate()
            .filter(|(_, e)| doc.bounds_of(e).intersects(&win)).map(|(i, _)| i).collect();
        prop_assert_eq!(a, want);
    }
}

#[test]
fn a_saved_file_survives_a_round_trip_through_the_disk() {
    let dir = std::env::temp_dir().join(format!("malbild-model-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("rund tur å ä ö.malbild");
    let doc = sample::nara_vard();
    assert!(io::save(&path, &doc).is_ok());
    let first = std::fs::read(&path).unwrap_or_default();
    assert!(io::save(&path, &doc).is_ok());
    assert_eq!(std::fs::read(&path).unwrap_or_default(), first);
    assert_eq!(io::load(&path).map(|l| l.document).ok(), Some(doc));
    let _ = std::fs::remove_dir_all(&dir);
}
