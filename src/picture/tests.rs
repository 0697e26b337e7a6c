//! The hostile pictures of `tests/corpus/images` (see its README): each is refused with the
//! right message or drawn without what it refers to; none panics.

use super::*;

fn corpus(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/corpus/images/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn pixel(p: &Pixels, x: u32, y: u32) -> [u8; 4] {
    let i = ((y * p.width + x) * 4) as usize;
    [p.rgba[i], p.rgba[i + 1], p.rgba[i + 2], p.rgba[i + 3]]
}

fn drawn(name: &str) -> Pixels {
    let imported = import(&corpus(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let source = open(&imported.data).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (w, h) = source.render_size(imported.size.0, imported.size.1);
    source.render(w, h)
}

/// As a canvas file written by hand could hold it, without the check on import.
fn drawn_unchecked(name: &str) -> Pixels {
    let bytes = corpus(name);
    let source = open(&FileData::new(Mime::Svg, bytes)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (w, h) = source.size();
    let (w, h) = source.render_size(w, h);
    source.render(w, h)
}

#[test]
fn good_pictures_load_by_their_content() {
    for (name, mime) in [
        ("ok.png", Mime::Png),
        ("ok.jpg", Mime::Jpeg),
        ("ok.webp", Mime::Webp),
        ("animated.gif", Mime::Png),
        ("ok.svg", Mime::Svg),
        ("jpeg-named.png", Mime::Jpeg),
        ("tall.png", Mime::Png),
        ("side-at-limit.png", Mime::Png),
        ("with-data-image.svg", Mime::Svg),
    ] {
        let got = import(&corpus(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got.data.mime, mime, "{name}");
        assert!(open(&got.data).is_ok(), "{name}");
    }
    let png = drawn("ok.png");
    assert_eq!((png.width, png.height), (64, 48));
    // A GIF shows its first frame, which is red.
    let gif = drawn("animated.gif");
    let [r, g, b, a] = pixel(&gif, 16, 16);
    assert!(
        r > 200 && g < 50 && b < 50 && a == 255,
        "{:?}",
        [r, g, b, a]
    );
    // The picture inside an SVG as a data URL is drawn.
    let svg = drawn("with-data-image.svg");
    assert!(svg.rgba.chunks(4).any(|p| p[1] > 100 && p[3] > 0));
}

#[test]
fn hostile_pictures_are_refused_with_the_reason() {
    use PictureError::*;
    for (name, want) in [
        ("huge-declared.png", "large"),
        ("side-too-big.png", "large"),
        ("bomb.png", "large"),
        ("just-over-limit.png", "large"),
        ("truncated.png", "damaged"),
        ("truncated.jpg", "damaged"),
        ("bad-crc.png", "damaged"),
        ("zip-named.png", "not"),
        ("text-named.jpg", "not"),
        ("empty.png", "not"),
        ("svg-entity-bomb.svg", "damaged"),
        ("svg-deep-nesting.svg", "damaged"),
        ("svg-not-xml.svg", "not-or-damaged"),
        ("svg-zero-size.svg", "empty-or-damaged"),
    ] {
        let got = import(&corpus(name));
        let ok = matches!(
            (&got, want),
            (Err(TooLarge { .. }), "large")
                | (
                    Err(Damaged),
                    "damaged" | "not-or-damaged" | "empty-or-damaged"
                )
                | (Err(NotAPicture), "not" | "not-or-damaged")
                | (Err(Empty), "empty-or-damaged")
        );
        assert!(ok, "{name}: {got:?}");
        // Every refusal says why, in words.
        if let Err(e) = got {
            assert!(e.to_string().len() > 20);
        }
    }
}

#[test]
fn svgs_never_load_what_they_point_to() {
    // Each draws a red rectangle on its left half; anything it refers to would land on the
    // right half, which must stay empty.
    for name in [
        "svg-file-image.svg",
        "svg-url-image.svg",
        "svg-external-use.svg",
    ] {
        // Refused when brought in, with the reason …
        assert_eq!(
            import(&corpus(name)).err(),
            Some(PictureError::RefersOutside),
            "{name}"
        );
        // … and drawn without them when a file holds one anyway.
        let p = drawn_unchecked(name);
        assert!(p.width >= 4, "{name}");
        assert!(
            pixel(&p, p.width / 4, p.height / 2)[0] > 200,
            "{name}: no red"
        );
        for y in 0..p.height {
            for x in p.width / 2 + 1..p.width {
                assert_eq!(pixel(&p, x, y)[3], 0, "{name}: something at {x},{y}");
            }
        }
    }
}

#[test]
fn an_svg_gets_no_font_but_ours() {
    // Its text is drawn in the app's own font: the fonts it names by path or URL are not
    // loaded.
    assert_eq!(
        import(&corpus("svg-external-font.svg")).err(),
        Some(PictureError::RefersOutside)
    );
    let data = FileData::new(Mime::Svg, corpus("svg-external-font.svg"));
    let Ok(Source::Svg(tree, _)) = open(&data) else {
        panic!("not an SVG");
    };
    assert_eq!(tree.fontdb().len(), 2);
    assert!(
        tree.fontdb()
            .faces()
            .all(|f| f.families.iter().any(|(n, _)| n == "Inter"))
    );
}

#[test]
fn a_huge_svg_is_drawn_at_a_bounded_size() {
    let got = import(&corpus("svg-huge-size.svg"));
    if let Ok(i) = got {
        let source = open(&i.data).unwrap();
        let (w, h) = source.render_size(i.size.0, i.size.1);
        assert!(w <= MAX_RENDER_SIDE && h <= MAX_RENDER_SIDE);
    }
}

#[test]
fn a_large_photo_is_stored_at_most_4096_pixels_wide() {
    let img = image::RgbImage::from_fn(5000, 3000, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut jpeg = Vec::new();
    let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80);
    img.write_with_encoder(enc).unwrap();
    let got = import(&jpeg).unwrap();
    assert_eq!(got.size, (4096.0, 2458.0));
    assert_eq!(got.data.mime, Mime::Jpeg);
    // What is stored reads again, at the stored size.
    assert_eq!(open(&got.data).unwrap().size(), (4096.0, 2458.0));
}

#[test]
fn clipboard_pixels_become_a_png_and_the_mask_keeps_only_ink() {
    let got = import_rgba(2, 1, vec![0, 0, 0, 255, 255, 255, 255, 255]).unwrap();
    assert_eq!(got.data.mime, Mime::Png);
    assert!(import_rgba(3, 1, vec![0; 4]).is_err());
    assert!(import_rgba(0, 0, vec![]).is_err());
    let p = open(&got.data).unwrap().render(2, 1).into_mask();
    assert_eq!(pixel(&p, 0, 0), [255; 4]);
    assert_eq!(pixel(&p, 1, 0), [0; 4]);
}

#[test]
fn sizes_go_in_powers_of_two_and_a_raster_picture_is_never_enlarged() {
    let svg = open(&import(&corpus("ok.svg")).unwrap().data).unwrap();
    assert_eq!(svg.step_size(10.0, 5.0, 4096), (32, (32, 16)));
    assert_eq!(svg.step_size(300.0, 150.0, 4096), (512, (512, 256)));
    assert_eq!(svg.step_size(1e9, 1.0, 4096).0, 4096);
    let png = open(&import(&corpus("ok.png")).unwrap().data).unwrap();
    assert_eq!(png.step_size(640.0, 480.0, 4096).1, (64, 48));
}

#[test]
fn area_averaging_keeps_the_mean_of_each_block() {
    // A 4 × 2 RGB picture, left half black and right half white, to 2 × 1.
    let src = [0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255].repeat(2);
    assert_eq!(
        area_average(&src, (4, 2), 3, (2, 1)),
        vec![0, 0, 0, 255, 255, 255]
    );
    // Uneven: 5 wide to 2, every pixel is counted in one block.
    let src: Vec<u8> = (0..5).collect();
    assert_eq!(area_average(&src, (5, 1), 1, (2, 1)), vec![1, 3]);
    // Too few bytes: nothing drawn, nothing read out of range.
    assert_eq!(area_average(&[1, 2], (4, 4), 3, (2, 2)), vec![0; 12]);
}

#[test]
fn links_outside_an_svg_are_found() {
    assert!(!refers_outside(
        b"<svg><use href='#a'/><rect fill='url(#g)'/></svg>"
    ));
    assert!(!refers_outside(
        b"<svg><image href=\"data:image/png;base64,AA\"/></svg>"
    ));
    assert!(refers_outside(
        b"<svg><image xlink:href = 'logo.png'/></svg>"
    ));
    assert!(refers_outside(
        b"<svg><rect fill=\"url( http://x/y#z )\"/></svg>"
    ));
    assert!(refers_outside(
        b"<svg><style>@import 'a.css';</style></svg>"
    ));
}

#[test]
fn nesting_is_counted() {
    assert_eq!(nesting_depth(b"<svg><g><g/></g><g></g></svg>"), 2);
    assert_eq!(nesting_depth(b"<?xml?><!-- x --><svg/>"), 0);
    // Not fooled by a `/>` inside an attribute, or end tags inside comments and CDATA.
    assert_eq!(nesting_depth(b"<svg><g id=\"/>\"><g a='>'>"), 3);
    assert_eq!(
        nesting_depth(b"<svg><!-- </svg></svg> --><![CDATA[</g></g>]]><g>"),
        2
    );
    assert_eq!(
        nesting_depth(b"<!DOCTYPE svg [<!ENTITY a \"<g>\">]><svg><g></g></svg>"),
        2
    );
}

#[test]
fn many_layers_are_drawn_smaller_and_pictures_inside_share_one_budget() {
    // Groups with opacity nested 40 deep around a huge rectangle.
    let mut svg = String::from("<svg xmlns='http://www.w3.org/2000/svg' width='100' height='100'>");
    for _ in 0..40 {
        svg.push_str("<g opacity='0.9'>");
    }
    svg.push_str("<rect x='-1000000' y='0' width='2000000' height='100' fill='red'/>");
    for _ in 0..40 {
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    let source = open(&import(svg.as_bytes()).unwrap().data).unwrap();
    let (w, h) = source.render_size(8192.0, 8192.0);
    assert!(w <= 600 && h <= 600, "{w} × {h}");
    // A bomb used a thousand times inside one SVG is read at most once, within the budget.
    let bomb = std::fs::read(format!(
        "{}/tests/corpus/images/just-over-limit.png",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let href = format!("data:image/png;base64,{}", crate::base64::encode(&bomb));
    let mut svg = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'><defs><image id='b' width='10' height='10' href='{href}'/></defs>"
    );
    for _ in 0..1000 {
        svg.push_str("<use xlink:href='#b'/>");
    }
    svg.push_str("</svg>");
    let start = std::time::Instant::now();
    let got = import(svg.as_bytes());
    assert!(got.is_ok(), "{got:?}");
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
}

#[test]
fn every_file_of_the_corpus_is_read_or_refused_never_a_panic() {
    // Including what the fuzzer found (`fuzz-*`): an SVG whose data: PNG is damaged made
    // the budget's sum overflow.
    let dir = format!("{}/tests/corpus/images", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        if let Ok(imported) = import(&bytes) {
            let source = open(&imported.data).unwrap();
            let (w, h) = source.render_size(64.0, 64.0);
            let _ = source.render(w, h);
        }
        let _ = open(&FileData::new(Mime::Png, bytes));
        n += 1;
    }
    assert!(n >= 29, "{n} files");
}
