//! The command line, run as a script would run it.

use std::path::Path;
use std::process::Command;

fn malbild(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_malbild"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output();
    match out {
        Ok(o) => (
            o.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        ),
        Err(e) => (-1, String::new(), e.to_string()),
    }
}

fn path(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .display()
        .to_string()
}

#[test]
fn help_and_version() {
    let (code, out, _) = malbild(&["--help"]);
    assert_eq!(code, 0);
    // Every command and option is in the help, which is made from the parser itself.
    for want in [
        "Usage: malbild [FILE]",
        "Usage: malbild check <FILE>",
        "Usage: malbild export [OPTIONS] --output <OUT> <IN>",
        "--paper <A4|A3|A2|A1|A0>",
        "--no-embed",
    ] {
        assert!(out.contains(want), "{want}: {out}");
    }
    let (code, out, _) = malbild(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("malbild {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn check_summarises_a_good_file_in_one_line() {
    let file = path("assets/samples/nara-vard.malbild");
    let (code, out, err) = malbild(&["check", &file]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains(": ok: Målbild canvas version 7;"), "{out}");
    assert!(out.contains("Nuläge → Övergång → Målbild"), "{out}");
    assert!(out.contains("15 cards, 6 arrows"), "{out}");
    // Every kind is counted.
    let (code, out, _) = malbild(&["check", &path("tests/corpus/v4-kinds.malbild")]);
    assert_eq!(code, 0);
    assert!(
        out.contains("1 card, 1 arrow, 1 shape, 1 text, 1 stroke"),
        "{out}"
    );
    // A version-1 file is read through the upgrade step.
    let (code, out, _) = malbild(&["check", &path("tests/corpus/v1-minimal.malbild")]);
    assert_eq!(code, 0);
    assert!(out.contains("version 7, upgraded from version 1"), "{out}");
}

#[test]
fn check_explains_a_broken_file_and_exits_2() {
    for (file, want) in [
        (
            "tests/corpus/truncated.malbild",
            "ends too early at line 28",
        ),
        ("tests/corpus/newer-unreadable.malbild", "version 99"),
        ("tests/corpus/no-such.malbild", "does not exist"),
        ("tests/corpus/image.png", "image (PNG) is damaged"),
        ("tests/corpus/plain.png", "holds no Målbild canvas"),
    ] {
        let (code, out, err) = malbild(&["check", &path(file)]);
        assert_eq!(code, 2, "{file}");
        assert!(out.is_empty());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(": error: ") && err.contains(want),
            "{file}: {err}"
        );
    }
}

#[test]
fn check_speaks_swedish_when_asked() {
    let out = Command::new(env!("CARGO_BIN_EXE_malbild"))
        .args(["check", &path("tests/corpus/empty.malbild")])
        .env("LANG", "sv_SE.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output();
    let err = out
        .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
        .unwrap_or_default();
    assert!(err.contains(": fel: Filen är tom."), "{err}");
    // And when all is well, in Swedish too, counted the Swedish way.
    let out = Command::new(env!("CARGO_BIN_EXE_malbild"))
        .args(["check", &path("assets/samples/nara-vard.malbild")])
        .env("LANG", "sv_SE.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output();
    let out = out
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    assert!(out.contains(": ok: Målbild-arbetsyta version 7"), "{out}");
    assert!(out.contains("15 kort, 6 pilar"), "{out}");
}

#[test]
fn bad_arguments_exit_2_with_usage() {
    let (code, _, err) = malbild(&["--nonsense"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unexpected argument '--nonsense'") && err.contains("Usage:"),
        "{err}"
    );
    let (code, _, err) = malbild(&["check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("required arguments were not provided"),
        "{err}"
    );
    assert!(err.contains("Usage: malbild check <FILE>"), "{err}");
}

fn out_dir(tag: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("malbild-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&d);
    d
}

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_default();
    malbild::export::png::decode_rgba(&bytes)
        .map(|(w, h, _)| (w, h))
        .unwrap_or((0, 0))
}

#[test]
fn export_writes_pictures_of_the_asked_size() {
    let dir = out_dir("export");
    let sample = path("assets/samples/nara-vard.malbild");
    let png = dir.join("bild.png");
    let (code, out, err) = malbild(&[
        "export",
        &sample,
        "-o",
        &png.display().to_string(),
        "--width",
        "800",
        "--timings",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("wrote ") && out.contains("800 × ") && out.contains("raster"),
        "{out}"
    );
    assert_eq!(png_size(&png).0, 800);
    // The picture holds the canvas: it exports again, and checks as a canvas.
    let (code, out, _) = malbild(&["check", &png.display().to_string()]);
    assert_eq!(code, 0);
    assert!(out.contains("15 cards, 6 arrows"), "{out}");

    let a4 = dir.join("a4.png");
    let (code, _, err) = malbild(&[
        "export",
        &png.display().to_string(),
        "-o",
        &a4.display().to_string(),
        "--paper",
        "A4",
        "--dpi",
        "72",
        "--no-embed",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(png_size(&a4), (842, 595));
    let (code, _, err) = malbild(&["check", &a4.display().to_string()]);
    assert_eq!(code, 2);
    assert!(err.contains("holds no Målbild canvas"), "{err}");

    let phase = dir.join("fas.png");
    let (code, _, err) = malbild(&[
        "export",
        &sample,
        "-o",
        &phase.display().to_string(),
        "--phase",
        "malbild",
        "--scale",
        "1",
        "--padding",
        "0",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(png_size(&phase), (620, 840), "one phase's column at 100 %");

    let svg = dir.join("bild.svg");
    let (code, _, err) = malbild(&["export", &sample, "-o", &svg.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap_or_default();
    assert!(text.starts_with("<?xml") && text.contains(">Målbild</text>"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_errors_are_one_line_and_exit_2() {
    let dir = out_dir("export-errors");
    let sample = path("assets/samples/nara-vard.malbild");
    let out = dir.join("x.png").display().to_string();
    for (args, want) in [
        (
            vec!["export", "nowhere.malbild", "-o", &out],
            "does not exist",
        ),
        (
            vec!["export", &sample, "-o", "x.jpg"],
            "must end in .png or .svg",
        ),
        (
            vec!["export", &sample, "-o", &out, "--scale", "16"],
            "more than the limit",
        ),
        (
            vec!["export", &sample, "-o", &out, "--scale", "0"],
            "outside",
        ),
        (
            vec!["export", &sample, "-o", &out, "--paper", "B5"],
            "use A4, A3, A2, A1 or A0",
        ),
        (
            vec!["export", &sample, "-o", &out, "--phase", "imorgon"],
            "use nulage, overgang or malbild",
        ),
        (vec!["export", &sample], "--output <OUT>"),
    ] {
        let (code, stdout, err) = malbild(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty());
        assert!(err.contains(want), "{args:?}: {err}");
        // One line, or the command line's own message pointing to --help.
        assert!(
            err.lines().count() == 1 || err.contains("try '--help'"),
            "{err}"
        );
    }
    assert!(!Path::new(&out).exists(), "nothing was written");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn library_draws_a_contact_sheet() {
    let out = std::env::temp_dir().join(format!("malbild-sheet-{}.png", std::process::id()));
    let (code, text, err) = malbild(&["library", "-o", &out.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("wrote"), "{text}");
    let bytes = std::fs::read(&out).unwrap_or_default();
    assert!(bytes.starts_with(b"\x89PNG"));
    // Wide enough for a grid of twenty pictures a row.
    let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    assert!(w > 2500, "{w}");
    let _ = std::fs::remove_file(&out);
}

#[test]
fn summary_writes_markdown_or_csv_and_refuses_other_names() {
    let dir = std::env::temp_dir().join(format!("malbild-cli-summary-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let input = path("tests/corpus/v6-workshop.malbild");
    let md = dir.join("story.md");
    let md_s = md.display().to_string();
    let (code, out, err) = malbild(&["summary", &input, "-o", &md_s, "--lang", "sv"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 kort"), "{out}");
    let text = std::fs::read_to_string(&md).unwrap_or_default();
    assert!(text.starts_with("# Workshop"), "{text}");
    assert!(
        text.contains("### Hälsa") && text.contains("*Pågår*"),
        "{text}"
    );
    assert!(text.contains("ansvarig: Åsa Öberg"), "{text}");
    let csv = dir.join("story.csv");
    let csv_s = csv.display().to_string();
    let (code, _, err) = malbild(&["summary", &input, "-o", &csv_s]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&csv).unwrap_or_default();
    assert!(
        text.starts_with("\u{feff}phase,theme,text,status"),
        "English from the system: {text}"
    );
    assert!(text.contains("Ongoing"), "{text}");
    // A name that is neither, a missing input, a folder that is not there: exit 2, said why.
    let (code, _, err) = malbild(&["summary", &input, "-o", "story.pdf"]);
    assert_eq!(code, 2);
    assert!(err.contains("must end in .md or .csv"), "{err}");
    let (code, _, err) = malbild(&["summary", "/nowhere/x.malbild", "-o", &md_s]);
    assert_eq!(code, 2);
    assert!(err.contains("/nowhere/x.malbild"), "{err}");
    let (code, _, err) = malbild(&["summary", &input, "-o", "/nowhere/at/all.md"]);
    assert_eq!(code, 2, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_says_a_newer_file_it_can_read_opens_read_only() {
    let (code, out, err) = malbild(&["check", &path("tests/corpus/newer-version.malbild")]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("made by a newer Målbild (format 99): opens read-only"),
        "{out}"
    );
}
