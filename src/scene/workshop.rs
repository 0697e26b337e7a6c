//! What the workshop adds to the picture: the themes (lanes) across the board with their
//! titles at the left, a card's follow-up (status badge with an icon and a word, priority,
//! owner, due date) along its bottom, and the dots of the voting round on the elements.

use super::{GREEK_BELOW, PaintOptions, Transform, color32, font_step, fonts, hairline};
use crate::lang::Lang;
use crate::model::{Card, Document, Element, Point, Priority, Rect, Rgba, Status};
use egui::epaint::{CircleShape, PathShape, PathStroke, RectShape};
use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, Painter, Pos2, Stroke, StrokeKind, pos2, vec2};

/// Size of a lane's title, in world points.
pub const LANE_TITLE_FONT_SIZE: f32 = 26.0;
/// Height of the row along a card's bottom that shows its follow-up, in world points.
pub const MARK_ROW: f32 = 28.0;
/// Size of the words in that row.
const MARK_FONT_SIZE: f32 = 13.0;
/// Radius of the voting badge.
const VOTE_RADIUS: f32 = 15.0;

/// Whether a card shows a follow-up row.
pub fn has_marks(card: &Card) -> bool {
    card.status.is_some()
        || card.priority.is_some()
        || !card.owner.is_empty()
        || !card.due.is_empty()
}

/// The part of a card its text is fitted in: above the follow-up row, if it has one.
pub fn card_text_rect(card: &Card) -> Rect {
    let r = card.rect;
    if has_marks(card) && r.h > 2.0 * MARK_ROW {
        Rect::new(r.x, r.y, r.w, r.h - MARK_ROW + super::CARD_PADDING / 2.0)
    } else {
        r
    }
}

/// The colour of a status's icon (its word is always beside it: never colour alone).
pub fn status_color(s: Status) -> Rgba {
    match s {
        Status::Idea => Rgba::rgb(0x8a, 0x5a, 0x00),
        Status::Planned => Rgba::rgb(0x5b, 0x3f, 0xa8),
        Status::Ongoing => Rgba::rgb(0x0b, 0x5c, 0xad),
        Status::Done => Rgba::rgb(0x1a, 0x7f, 0x37),
        Status::Paused => Rgba::rgb(0x5c, 0x63, 0x6e),
    }
}

/// Paints a status's icon in a circle of radius `r` about `c`.
pub fn paint_status_icon(painter: &Painter, s: Status, c: Pos2, r: f32) {
    let col = color32(status_color(s));
    let w = (r * 0.22).max(1.0);
    match s {
        Status::Idea => {
            painter.add(CircleShape::stroke(c, r - w / 2.0, Stroke::new(w, col)));
        }
        Status::Planned => {
            painter.add(CircleShape::stroke(c, r - w / 2.0, Stroke::new(w, col)));
            painter.add(CircleShape::filled(c, r * 0.35, col));
        }
        Status::Ongoing => {
            painter.add(CircleShape::stroke(c, r - w / 2.0, Stroke::new(w, col)));
            // The left half filled.
            let n = 16;
            let pts: Vec<Pos2> = (0..=n)
                .map(|k| {
                    let a =
                        std::f32::consts::FRAC_PI_2 + std::f32::consts::PI * k as f32 / n as f32;
                    c + vec2(a.cos(), a.sin()) * (r - w / 2.0)
                })
                .collect();
            painter.add(PathShape::convex_polygon(pts, col, Stroke::NONE));
        }
        Status::Done => {
            painter.add(CircleShape::filled(c, r, col));
            let pts = vec![
                c + vec2(-0.45, 0.02) * r,
                c + vec2(-0.12, 0.36) * r,
                c + vec2(0.48, -0.32) * r,
            ];
            painter.add(PathShape::line(
                pts,
                PathStroke::new(r * 0.26, Color32::WHITE),
            ));
        }
        Status::Paused => {
            painter.add(CircleShape::stroke(c, r - w / 2.0, Stroke::new(w, col)));
            for dx in [-0.22, 0.22] {
                let bar =
                    egui::Rect::from_center_size(c + vec2(dx * r, 0.0), vec2(0.2 * r, 0.9 * r));
                painter.rect_filled(bar, 0.0, col);
            }
        }
    }
}

/// The lanes: a title cell for each in the column left of the board, every other band a
/// shade darker, and a line between them.
pub(super) fn paint_lanes(painter: &Painter, doc: &Document, xf: &Transform, view: Rect) {
    if doc.lanes.is_empty() {
        return;
    }
    let z = xf.zoom;
    let line = Color32::from_rgba_unmultiplied(0x40, 0x50, 0x60, 70);
    for (i, lane) in doc.lanes.iter().enumerate() {
        let (Some(band), Some(cell)) = (doc.lane_rect(i), doc.lane_title_rect(i)) else {
            continue;
        };
        if !band.union(&cell).intersects(&view) {
            continue;
        }
        if i % 2 == 1 {
            painter.rect_filled(
                xf.rect_to_screen(&band),
                0.0,
                Color32::from_rgba_unmultiplied(0x20, 0x30, 0x40, 10),
            );
        }
        let cell_s = xf.rect_to_screen(&cell);
        painter.add(RectShape::new(
            cell_s,
            0.0,
            color32(lane.color.fill()),
            Stroke::new(hairline(z), color32(lane.color.outline())),
            StrokeKind::Inside,
        ));
        // A bar of the lane's colour along the board's left edge ties the band to its title.
        let bar = Rect::new(band.x, band.y, 6.0, band.h);
        painter.rect_filled(xf.rect_to_screen(&bar), 0.0, color32(lane.color.outline()));
        let bottom = band.bottom();
        painter.line_segment(
            [
                xf.to_screen(Point::new(cell.x, bottom)),
                xf.to_screen(Point::new(band.right(), bottom)),
            ],
            Stroke::new(hairline(z), line),
        );
        // As large as fits the cell (words whole), at most the title size: laid out as a
        // card's text is, the same at every zoom.
        let size = super::fitted_size_of(&lane.title, cell, crate::model::TextSize::Auto, true)
            .min(LANE_TITLE_FONT_SIZE);
        if font_step(size * z) >= GREEK_BELOW && !lane.title.is_empty() {
            let ink = lane.color.text();
            let job = super::card_text_job_for(&lane.title, cell, ink, size, true, z, true);
            let galley = painter.layout_job(job);
            let pos = cell_s.center() - galley.rect.center().to_vec2();
            painter.galley(pos, galley, color32(ink));
        }
    }
}

/// A card's follow-up along its bottom: the status (icon and word), the priority, the owner
/// and the due date, as many as fit, left to right.
pub(super) fn paint_card_marks(painter: &Painter, card: &Card, xf: &Transform, lang: Lang) {
    if !has_marks(card) {
        return;
    }
    let z = xf.zoom;
    let size = font_step(MARK_FONT_SIZE * z);
    if size < GREEK_BELOW {
        // Too small for words: the status's icon alone, its shape telling it apart.
        if let Some(s) = card.status {
            let r = (MARK_FONT_SIZE * 0.5 * z).max(3.5);
            let c = xf.to_screen(Point::new(card.rect.x + 8.0, card.rect.bottom() - 8.0));
            if xf.rect_to_screen(&card.rect).width() > 6.0 * r {
                paint_status_icon(painter, s, c + vec2(r, -r), r);
            }
        }
        return;
    }
    let r = card.rect;
    let row = Rect::new(r.x + 8.0, r.bottom() - MARK_ROW, r.w - 16.0, MARK_ROW - 6.0);
    let row_s = xf.rect_to_screen(&row);
    let ink = color32(card.color.text());
    let mut x = row_s.left();
    let right = row_s.right();
    let cy = row_s.center().y;
    let pill_fill = Color32::from_rgba_unmultiplied(255, 255, 255, 200);
    let font = fonts::card(size);
    let mut item = |painter: &Painter, icon: Option<Status>, prio: Option<Priority>, text: &str| {
        if x >= right - size {
            return;
        }
        let icon_w = if icon.is_some() || prio.is_some() {
            size * 1.25
        } else {
            0.0
        };
        let pad = size * 0.45;
        let mut job = LayoutJob::simple_singleline(text.to_owned(), font.clone(), ink);
        job.wrap = TextWrapping::truncate_at_width((right - x - icon_w - 2.0 * pad).max(1.0));
        let galley = painter.layout_job(job);
        let w = galley.rect.width() + icon_w + 2.0 * pad;
        let pill = egui::Rect::from_min_size(pos2(x, cy - size * 0.8), vec2(w, size * 1.6));
        painter.rect_filled(pill, size * 0.8, pill_fill);
        if let Some(s) = icon {
            paint_status_icon(painter, s, pos2(x + pad + size * 0.5, cy), size * 0.5);
        }
        if let Some(p) = prio {
            paint_priority_icon(painter, p, pos2(x + pad + size * 0.5, cy), size * 0.5, ink);
        }
        let pos = pos2(x + pad + icon_w, cy - galley.rect.height() / 2.0);
        painter.galley(pos, galley, ink);
        x += w + size * 0.4;
    };
    if let Some(s) = card.status {
        item(painter, Some(s), None, s.word(lang));
    }
    if let Some(p) = card.priority {
        item(painter, None, Some(p), p.word(lang));
    }
    if !card.due.is_empty() {
        item(painter, None, None, &card.due);
    }
    if !card.owner.is_empty() {
        item(painter, None, None, card.owner.trim());
    }
}

/// A priority's icon: one, two or three rising bars (low, medium, high).
pub fn paint_priority_icon(painter: &Painter, p: Priority, c: Pos2, r: f32, ink: Color32) {
    let filled = match p {
        Priority::High => 3,
        Priority::Medium => 2,
        Priority::Low => 1,
    };
    let faint = ink.gamma_multiply(0.25);
    for k in 0..3 {
        let h = r * (0.7 + 0.5 * k as f32);
        let x = c.x - r * 0.8 + k as f32 * r * 0.6;
        let bar = egui::Rect::from_min_max(
            pos2(x, c.y + r * 0.85 - h),
            pos2(x + r * 0.42, c.y + r * 0.85),
        );
        painter.rect_filled(bar, 0.0, if k < filled { ink } else { faint });
    }
}

/// A soft amber ring behind an element: changed since the day asked about.
pub(super) fn paint_highlight(painter: &Painter, doc: &Document, e: &Element, xf: &Transform) {
    let b = doc.bounds_of(e);
    let r = xf.rect_to_screen(&b).expand(6.0 * xf.zoom.max(0.5));
    painter.add(RectShape::new(
        r,
        (14.0 * xf.zoom).min(255.0),
        Color32::from_rgba_unmultiplied(0xf5, 0x9e, 0x0b, 50),
        Stroke::new(
            (3.0 * xf.zoom).max(1.5),
            Color32::from_rgb(0xe0, 0x8a, 0x00),
        ),
        StrokeKind::Outside,
    ));
}

/// The dots of the last voting round (unless it is hidden) on the elements in `visible`.
pub(super) fn paint_votes<'a>(
    painter: &Painter,
    doc: &Document,
    visible: impl Iterator<Item = &'a Element>,
    xf: &Transform,
    options: &PaintOptions,
) {
    if !options.marks {
        return;
    }
    let Some(round) = doc
        .votes
        .last()
        .filter(|r| !r.hidden && !r.counts.is_empty())
    else {
        return;
    };
    let z = xf.zoom;
    // Never smaller than a readable badge: the dots are what a facilitator looks at with the
    // whole board in view.
    let size = font_step((MARK_FONT_SIZE * 1.1 * z).max(10.0));
    let fill = Color32::from_rgb(0xc0, 0x1f, 0x4e);
    let dim = options.faded.map(|f| (f, super::faded(painter)));
    for e in visible {
        let n = round.count(e.id());
        let Some(frame) = e.frame().filter(|_| n > 0) else {
            continue;
        };
        let painter = match &dim {
            Some((f, dim)) if f.contains(&e.id()) => dim,
            _ => painter,
        };
        let b = frame.bounds();
        let c = xf.to_screen(Point::new(b.right() - 6.0, b.y + 6.0));
        let galley = painter.layout_job(LayoutJob::simple_singleline(
            n.to_string(),
            fonts::title(size),
            Color32::WHITE,
        ));
        let r = (VOTE_RADIUS * z).max(size * 0.9);
        let w = (galley.rect.width() + r).max(2.0 * r);
        let pill = egui::Rect::from_center_size(c, vec2(w, 2.0 * r));
        painter.add(RectShape::new(
            pill,
            r,
            fill,
            Stroke::new((2.0 * z).max(1.0), Color32::WHITE),
            StrokeKind::Outside,
        ));
        painter.galley(c - galley.rect.center().to_vec2(), galley, Color32::WHITE);
    }
}
