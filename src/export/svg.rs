//! SVG export: the scene painter's shapes written as SVG — rectangles, paths and circles as
//! vectors, text as text (each glyph at its place, in the embedded Inter font), so print shops
//! and Inkscape get exactly the picture, editable.

use super::Plan;
use super::frame;
use crate::model::{Background, Document};
use egui::epaint::{ClippedShape, ColorMode, Mesh, PathShape, RectShape, Shape, TextShape};
use egui::{Color32, FontFamily, Pos2, StrokeKind};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use crate::assets::{INTER_REGULAR, INTER_SEMIBOLD};

/// Text as XML character data, with the characters XML 1.0 does not allow (controls other
/// than tab, line feed and carriage return; U+FFFE, U+FFFF) left out, and the ones it
/// discourages (other non-characters, C1 controls) too.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if !xml_allows(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn xml_allows(c: char) -> bool {
    let u = c as u32;
    let control = (u < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || (0x7f..=0x9f).contains(&u);
    let non_character = (0xfdd0..=0xfdef).contains(&u) || (u & 0xfffe) == 0xfffe;
    !control && !non_character
}

/// `fill="#rrggbb" fill-opacity="…"` (or `none`) for a premultiplied colour.
fn paint(attr: &str, c: Color32) -> String {
    if c.a() == 0 {
        return format!(" {attr}=\"none\"");
    }
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    let mut s = format!(" {attr}=\"#{r:02x}{g:02x}{b:02x}\"");
    if a != 255 {
        let _ = write!(s, " {attr}-opacity=\"{:.3}\"", a as f32 / 255.0);
    }
    s
}

fn num(v: f32) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

fn points(pts: &[Pos2]) -> String {
    pts.iter()
        .map(|p| format!("{},{}", num(p.x), num(p.y)))
        .collect::<Vec<_>>()
        .join(" ")
}

struct Writer<'a> {
    out: String,
    /// The pictures' textures, and the files they show.
    pictures: &'a HashMap<egui::epaint::TextureId, (crate::model::FileId, bool)>,
    files: &'a crate::model::Files,
    /// Blur filters by their width (in hundredths of a point), each written once.
    blurs: BTreeMap<i64, String>,
    clips: usize,
}

impl Writer<'_> {
    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Noop | Shape::Callback(_) => {}
            Shape::Vec(v) => v.iter().for_each(|s| self.shape(s)),
            Shape::Circle(c) => {
                let _ = writeln!(
                    self.out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}{}/>",
                    num(c.center.x),
                    num(c.center.y),
                    num(c.radius),
                    paint("fill", c.fill),
                    stroke(c.stroke.width, c.stroke.color),
                );
            }
            Shape::Ellipse(e) => {
                let _ = writeln!(
                    self.out,
                    "<ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\"{}{}/>",
                    num(e.center.x),
                    num(e.center.y),
                    num(e.radius.x),
                    num(e.radius.y),
                    paint("fill", e.fill),
                    stroke(e.stroke.width, e.stroke.color),
                );
            }
            Shape::LineSegment {
                points: p,
                stroke: s,
            } => {
                let _ = writeln!(
                    self.out,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"{} stroke-linecap=\"round\"/>",
                    num(p[0].x),
                    num(p[0].y),
                    num(p[1].x),
                    num(p[1].y),
                    stroke(s.width, s.color),
                );
            }
            Shape::Path(p) => self.path(p),
            Shape::Rect(r) => self.rect(r),
            Shape::Text(t) => self.text(t),
            Shape::Mesh(m) => match self.pictures.get(&m.texture_id) {
                Some((id, mask)) => self.picture(m, id, *mask),
                None => self.mesh(m),
            },
            Shape::QuadraticBezier(q) => {
                self.bezier('Q', &q.points, q.closed, q.fill, &q.stroke);
            }
            Shape::CubicBezier(q) => {
                self.bezier('C', &q.points, q.closed, q.fill, &q.stroke);
            }
            Shape::Band(_) => {}
        }
    }

    /// A Bézier curve: `command` is `Q` (quadratic) or `C` (cubic), `points` start with the
    /// starting point.
    fn bezier(
        &mut self,
        command: char,
        points: &[Pos2],
        closed: bool,
        fill: Color32,
        stroke: &egui::epaint::PathStroke,
    ) {
        let Some((start, rest)) = points.split_first() else {
            return;
        };
        let mut d = format!("M{} {} {command}", num(start.x), num(start.y));
        for p in rest {
            let _ = write!(d, "{} {} ", num(p.x), num(p.y));
        }
        let d = d.trim_end();
        let _ = writeln!(
            self.out,
            "<path d=\"{d}{}\"{}{}/>",
            if closed { " Z" } else { "" },
            paint("fill", fill),
            path_stroke(stroke),
        );
    }

    fn path(&mut self, p: &PathShape) {
        if p.points.len() < 2 {
            return;
        }
        let tag = if p.closed { "polygon" } else { "polyline" };
        let fill = if p.closed {
            p.fill
        } else {
            Color32::TRANSPARENT
        };
        let _ = writeln!(
            self.out,
            "<{tag} points=\"{}\"{}{} stroke-linejoin=\"round\" stroke-linecap=\"round\"/>",
            points(&p.points),
            paint("fill", fill),
            path_stroke(&p.stroke),
        );
    }

    fn rect(&mut self, r: &RectShape) {
        // Strokes inside or outside the rectangle, as egui draws them.
        let half = r.stroke.width / 2.0;
        let rect = match r.stroke_kind {
            StrokeKind::Inside => r.rect.shrink(half),
            StrokeKind::Outside => r.rect.expand(half),
            StrokeKind::Middle => r.rect,
        };
        let cr = r.corner_radius;
        let radius = (cr.nw as f32 + cr.ne as f32 + cr.sw as f32 + cr.se as f32) / 4.0;
        let mut attrs = paint("fill", r.fill);
        attrs.push_str(&stroke(r.stroke.width, r.stroke.color));
        if r.blur_width > 0.0 {
            let key = (r.blur_width * 100.0).round() as i64;
            let n = self.blurs.len();
            let id = self
                .blurs
                .entry(key)
                .or_insert_with(|| format!("blur{n}"))
                .clone();
            let _ = write!(attrs, " filter=\"url(#{id})\"");
        }
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\"{attrs}/>",
            num(rect.min.x),
            num(rect.min.y),
            num(rect.width()),
            num(rect.height()),
            num(radius),
        );
    }

    fn text(&mut self, t: &TextShape) {
        let galley = &t.galley;
        let Some(format) = galley.job.sections.first().map(|s| &s.format) else {
            return;
        };
        let color = t
            .override_text_color
            .unwrap_or(if format.color == Color32::PLACEHOLDER {
                t.fallback_color
            } else {
                format.color
            });
        let weight = match &format.font_id.family {
            FontFamily::Name(n) if n.as_ref() == "semibold" => 600,
            _ => 400,
        };
        let family = match &format.font_id.family {
            FontFamily::Monospace => "monospace",
            _ => "Inter, sans-serif",
        };
        // A turned text (a turned shape's or free text's) turns about its galley's corner, as
        // epaint turns it.
        let turned = t.angle != 0.0;
        if turned {
            let _ = writeln!(
                self.out,
                "<g transform=\"rotate({} {} {})\">",
                num(t.angle.to_degrees()),
                num(t.pos.x),
                num(t.pos.y)
            );
        }
        for row in &galley.rows {
            let glyphs: Vec<_> = row
                .row
                .glyphs
                .iter()
                .filter(|g| !g.chr.is_control())
                .collect();
            if glyphs.iter().all(|g| g.chr.is_whitespace()) {
                continue;
            }
            let origin = t.pos + row.pos.to_vec2();
            let text: String = glyphs.iter().map(|g| g.chr).collect();
            let xs: Vec<String> = glyphs.iter().map(|g| num(origin.x + g.pos.x)).collect();
            let y = origin.y + glyphs.first().map_or(0.0, |g| g.pos.y);
            let _ = writeln!(
                self.out,
                "<text x=\"{}\" y=\"{}\" font-family=\"{family}\" font-size=\"{}\" font-weight=\"{weight}\"{} xml:space=\"preserve\">{}</text>",
                xs.join(" "),
                num(y),
                num(format.font_id.size),
                paint("fill", color),
                escape(&text),
            );
        }
        if turned {
            let _ = writeln!(self.out, "</g>");
        }
    }

    /// A picture's quad as an `<image>`: an SVG as a vector (a one-colour one in its
    /// tint), a raster picture as PNG or JPEG, inside the file as a data URL; clipped to the
    /// quad (its crop), faded as it is.
    fn picture(&mut self, m: &Mesh, id: &crate::model::FileId, mask: bool) {
        let (Some(data), [a, b, _, d]) = (self.files.get(id), m.vertices.as_slice()) else {
            return;
        };
        // An SVG that points outside itself (only a file written by hand holds one) is not
        // passed on: whoever opens the export would load what it points to.
        if data.is_damaged()
            || (data.mime == crate::model::Mime::Svg && crate::picture::refers_outside(&data.bytes))
        {
            return;
        }
        // The affine map from texture coordinates to the page, from three corners.
        let (du1, dv1) = (b.uv.x - a.uv.x, b.uv.y - a.uv.y);
        let (du2, dv2) = (d.uv.x - a.uv.x, d.uv.y - a.uv.y);
        let det = du1 * dv2 - du2 * dv1;
        if det.abs() < 1e-9 {
            return;
        }
        let (px1, py1) = (b.pos.x - a.pos.x, b.pos.y - a.pos.y);
        let (px2, py2) = (d.pos.x - a.pos.x, d.pos.y - a.pos.y);
        // [ma mc; mb md] · (du, dv) = (dx, dy)
        let ma = (px1 * dv2 - px2 * dv1) / det;
        let mc = (px2 * du1 - px1 * du2) / det;
        let mb = (py1 * dv2 - py2 * dv1) / det;
        let md = (py2 * du1 - py1 * du2) / det;
        let me = a.pos.x - ma * a.uv.x - mc * a.uv.y;
        let mf = a.pos.y - mb * a.uv.x - md * a.uv.y;
        let c = a.color;
        let alpha = c.a() as f32 / 255.0;
        let bytes: std::borrow::Cow<[u8]> = if mask && data.mime == crate::model::Mime::Svg {
            let [r, g, bl, _] = c.to_srgba_unmultiplied();
            let hex = format!("#{r:02x}{g:02x}{bl:02x}");
            let text = String::from_utf8_lossy(&data.bytes)
                .replace("#000000", &hex)
                .replace("#000\"", &format!("{hex}\""));
            std::borrow::Cow::Owned(text.into_bytes())
        } else {
            std::borrow::Cow::Borrowed(&data.bytes)
        };
        let clip = format!("pic{}", self.clips);
        self.clips += 1;
        let quad: Vec<Pos2> = m.vertices.iter().map(|v| v.pos).collect();
        let _ = writeln!(
            self.out,
            "<clipPath id=\"{clip}\"><polygon points=\"{}\"/></clipPath><g clip-path=\"url(#{clip})\"{}><image x=\"0\" y=\"0\" width=\"1\" height=\"1\" preserveAspectRatio=\"none\" transform=\"matrix({} {} {} {} {} {})\" href=\"data:{};base64,{}\"/></g>",
            points(&quad),
            if alpha < 0.999 {
                format!(" opacity=\"{}\"", num(alpha))
            } else {
                String::new()
            },
            num(ma),
            num(mb),
            num(mc),
            num(md),
            num(me),
            num(mf),
            data.mime.as_str(),
            crate::base64::encode(&bytes)
        );
    }

    fn mesh(&mut self, m: &Mesh) {
        // A fan of one colour from its first vertex (as the flow band's chevrons are) is one
        // polygon: its outer vertices in order.
        let n = m.vertices.len() as u32;
        let is_fan = n >= 4
            && m.indices.len() as u32 == (n - 1) * 3
            && m.indices.chunks_exact(3).enumerate().all(|(k, t)| {
                let k = k as u32;
                t[0] == 0 && t[1] == 1 + k && t[2] == 1 + (k + 1) % (n - 1)
            })
            && m.vertices.iter().all(|v| v.color == m.vertices[0].color);
        if is_fan {
            let pts: Vec<Pos2> = m.vertices[1..].iter().map(|v| v.pos).collect();
            let _ = writeln!(
                self.out,
                "<polygon points=\"{}\"{}/>",
                points(&pts),
                paint("fill", m.vertices[0].color),
            );
            return;
        }
        for tri in m.indices.chunks_exact(3) {
            let v: Vec<_> = tri
                .iter()
                .filter_map(|&i| m.vertices.get(i as usize))
                .collect();
            if v.len() != 3 {
                continue;
            }
            // A soft edge (a vertex fading to clear) as its average: as much ink, spread.
            let c = if v.iter().all(|x| x.color == v[0].color) {
                v[0].color
            } else {
                let avg = |f: fn(Color32) -> u8| {
                    ((v.iter().map(|x| u32::from(f(x.color))).sum::<u32>() + 1) / 3) as u8
                };
                Color32::from_rgba_premultiplied(
                    avg(|c| c.r()),
                    avg(|c| c.g()),
                    avg(|c| c.b()),
                    avg(|c| c.a()),
                )
            };
            let pts: Vec<Pos2> = v.iter().map(|v| v.pos).collect();
            // A hairline of the same colour closes the seams renderers leave between
            // triangles.
            let _ = writeln!(
                self.out,
                "<polygon points=\"{}\"{}{}/>",
                points(&pts),
                paint("fill", c),
                stroke(0.4, c),
            );
        }
    }
}

fn stroke(width: f32, color: Color32) -> String {
    if width <= 0.0 || color.a() == 0 {
        return String::new();
    }
    format!("{} stroke-width=\"{}\"", paint("stroke", color), num(width))
}

fn path_stroke(s: &egui::epaint::PathStroke) -> String {
    match &s.color {
        ColorMode::Solid(c) => stroke(s.width, *c),
        ColorMode::UV(_) => String::new(),
    }
}

/// The document as an SVG document, for `plan`'s area.
pub fn render(doc: &Document, plan: &Plan, background: Background) -> String {
    // Laid out at zoom 1: the SVG's units are canvas points.
    let view = frame::View {
        world: plan.world,
        zoom: 1.0,
        phase_tints: background == Background::Phases,
        marks: plan.marks,
    };
    let frame = frame::draw(doc, &view);
    let mut w = Writer {
        out: String::new(),
        blurs: BTreeMap::new(),
        pictures: &frame.pictures,
        files: &doc.files,
        clips: 0,
    };
    if background != Background::Transparent {
        let _ = writeln!(
            w.out,
            "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
            num(plan.world.w),
            num(plan.world.h)
        );
    }
    for ClippedShape { shape, .. } in &frame.shapes {
        w.shape(shape);
    }
    let mut defs = String::new();
    let _ = write!(
        defs,
        "<style>@font-face{{font-family:Inter;font-weight:400;src:url(data:font/otf;base64,{})}} @font-face{{font-family:Inter;font-weight:600;src:url(data:font/otf;base64,{})}}</style>",
        crate::io::base64::encode(INTER_REGULAR),
        crate::io::base64::encode(INTER_SEMIBOLD)
    );
    for (key, id) in &w.blurs {
        let _ = write!(
            defs,
            "<filter id=\"{id}\" x=\"-20%\" y=\"-20%\" width=\"140%\" height=\"140%\"><feGaussianBlur stdDeviation=\"{}\"/></filter>",
            num(*key as f32 / 100.0 / 2.0)
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">\n<title>{}</title>\n<defs>{defs}</defs>\n{}</svg>\n",
        plan.width,
        plan.height,
        num(plan.world.w),
        num(plan.world.h),
        escape(&doc.title),
        w.out
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_holds_only_what_xml_allows() {
        let evil = "a\u{0}b\u{1b}c\u{7f}\u{85}d\u{fffe}\u{ffff}\u{fdd0}\u{1fffe}e<&>\t\n";
        assert_eq!(escape(evil), "abcde&lt;&amp;&gt;\t\n");
    }

    #[test]
    fn curves_are_svg_paths() {
        use egui::epaint::{CubicBezierShape, PathStroke, QuadraticBezierShape};
        use egui::pos2;
        let (pictures, files) = (HashMap::new(), crate::model::Files::default());
        let mut w = Writer {
            out: String::new(),
            blurs: BTreeMap::new(),
            pictures: &pictures,
            files: &files,
            clips: 0,
        };
        let stroke = PathStroke::new(2.0, Color32::BLACK);
        w.shape(&Shape::QuadraticBezier(QuadraticBezierShape {
            points: [pos2(0.0, 0.0), pos2(1.0, 2.0), pos2(3.0, 4.0)],
            closed: false,
            fill: Color32::TRANSPARENT,
            stroke: stroke.clone(),
        }));
        w.shape(&Shape::CubicBezier(CubicBezierShape {
            points: [
                pos2(0.0, 0.0),
                pos2(1.0, 2.0),
                pos2(3.0, 4.0),
                pos2(5.5, 6.0),
            ],
            closed: true,
            fill: Color32::TRANSPARENT,
            stroke,
        }));
        let lines: Vec<&str> = w.out.lines().collect();
        assert!(
            lines[0].starts_with("<path d=\"M0 0 Q1 2 3 4\""),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].starts_with("<path d=\"M0 0 C1 2 3 4 5.5 6 Z\""),
            "{}",
            lines[1]
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("a < b & \"c\" — å"),
            "a &lt; b &amp; &quot;c&quot; — å"
        );
    }
}
