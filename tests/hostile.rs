//! Hostile and huge input, as an attacker would make it: each case is refused with one clear
//! line and exit code 2 — no panic, no hang, memory bounded, nothing left behind, an output
//! that was there before untouched. The big cases are made here, at test time.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a run of the program gave.
struct Run {
    code: Option<i32>,
    out: String,
    err: String,
    took: Duration,
}

impl Run {
    /// The one line said (on stderr for errors).
    fn line(&self) -> &str {
        if self.err.trim().is_empty() {
            self.out.trim_end()
        } else {
            self.err.trim_end()
        }
    }

    /// Refused as it should be: exit 2, one line, nothing that is not printable, no panic or
    /// abort, and the line says `want`.
    fn refused(&self, want: &str) {
        assert_eq!(self.code, Some(2), "exit code, with: {}", self.line());
        let line = self.line();
        assert_eq!(line.lines().count(), 1, "one line: {line:?}");
        assert!(line.len() < 600, "a short line: {} bytes", line.len());
        assert!(
            !line.chars().any(char::is_control),
            "no control characters: {line:?}"
        );
        for bad in ["panicked", "memory allocation", "RUST_BACKTRACE"] {
            assert!(!self.err.contains(bad), "{bad}: {}", self.err);
        }
        assert!(
            line.to_lowercase().contains(&want.to_lowercase()),
            "{line:?} lacks {want:?}"
        );
    }
}

/// Runs `malbild ARGS` with its address space limited to `mem_mb` megabytes and killed after
/// `timeout`: a crash, a hang or a memory blow-up shows as a failed run.
fn run(args: &[&OsStr], mem_mb: u64, timeout: Duration) -> Run {
    let start = Instant::now();
    let child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {}; exec \"$0\" \"$@\"", mem_mb * 1024))
        .arg(env!("CARGO_BIN_EXE_malbild"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = child.unwrap_or_else(|e| panic!("cannot run the program: {e}"));
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("no answer within {timeout:?}: {args:?}");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => panic!("{e}"),
        }
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    Run {
        code: out.status.code(),
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
        took: start.elapsed(),
    }
}

fn s(p: &Path) -> &OsStr {
    p.as_os_str()
}

/// A folder of its own for a test, empty.
fn dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("malbild-hostile-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    let _ = std::fs::create_dir_all(&d);
    d
}

fn listing(d: &Path) -> Vec<OsString> {
    let mut names: Vec<OsString> = std::fs::read_dir(d)
        .map(|r| r.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

const MEM_MB: u64 = 1500;
const SOON: Duration = Duration::from_secs(60);

fn check(file: &Path) -> Run {
    run(&[OsStr::new("check"), s(file)], MEM_MB, SOON)
}

// ------------------------------------------------------------------ PNG chunks

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut h = crc32fast::Hasher::new();
    h.update(kind);
    h.update(data);
    out.extend_from_slice(&h.finalize().to_be_bytes());
    out
}

/// A 1 × 1 PNG with `itxt` (the canvas chunk's data after its keyword) before the picture.
fn png_with(itxt: Option<&[u8]>) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
    png.extend(chunk(b"IHDR", &ihdr));
    if let Some(itxt) = itxt {
        let mut data = b"application/vnd.malbild+json\0".to_vec();
        data.extend_from_slice(itxt);
        png.extend(chunk(b"iTXt", &data));
    }
    // zlib of one filtered row: filter 0 and four bytes.
    let idat = [
        0x78, 0x01, 0x01, 0x05, 0x00, 0xfa, 0xff, 0, 0, 0, 0, 0, 0x00, 0x05, 0x00, 0x01,
    ];
    png.extend(chunk(b"IDAT", &idat));
    png.extend(chunk(b"IEND", &[]));
    png
}

/// zlib data that unpacks to `mb` megabytes of zero bytes.
fn bomb(mb: usize) -> Vec<u8> {
    let mut c = fdeflate::Compressor::new(Vec::new()).unwrap_or_else(|e| panic!("{e}"));
    let block = vec![0_u8; 1 << 20];
    for _ in 0..mb {
        let _ = c.write_data(&block);
    }
    c.finish().unwrap_or_default()
}

#[test]
fn a_png_decompression_bomb_is_refused_without_unpacking_it() {
    let d = dir("bomb");
    // Compressed (flag 1, method 0), no language, no translated keyword.
    for mb in [300, 2300] {
        let mut itxt = vec![1, 0, 0, 0];
        itxt.extend(bomb(mb));
        let file = d.join(format!("bomb-{mb}.png"));
        assert!(std::fs::write(&file, png_with(Some(&itxt))).is_ok());
        let r = check(&file);
        r.refused("the canvas inside this image (PNG) is larger than 128 MB");
        let out = d.join("out.png");
        let r = run(
            &[OsStr::new("export"), s(&file), OsStr::new("-o"), s(&out)],
            MEM_MB,
            SOON,
        );
        r.refused("larger than 128 MB");
        assert!(!out.exists());
    }
    // An empty canvas chunk, a damaged one (checksum), and a picture with none.
    let empty = d.join("empty.png");
    let _ = std::fs::write(&empty, png_with(Some(&[0, 0, 0, 0])));
    check(&empty).refused("the canvas inside this image (PNG) is empty");
    let mut damaged = png_with(Some(&[0, 0, 0, 0, b'{', b'}']));
    let at = damaged.len() - 12 - 28 - 5; // a byte inside the iTXt data
    damaged[at] ^= 0xff;
    let file = d.join("damaged.png");
    let _ = std::fs::write(&file, &damaged);
    check(&file).refused("is damaged");
    let plain = d.join("plain.png");
    let _ = std::fs::write(&plain, png_with(None));
    check(&plain).refused("holds no Målbild canvas");
    let _ = std::fs::remove_dir_all(&d);
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_at_once() {
    let d = dir("special");
    let fifo = d.join("pipe.malbild");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let link = d.join("zero.malbild");
    let _ = std::os::unix::fs::symlink("/dev/zero", &link);
    for (file, kind) in [
        (fifo.as_path(), "a pipe"),
        (Path::new("/dev/zero"), "a device"),
        (Path::new("/dev/urandom"), "a device"),
        (link.as_path(), "a device"),
        (d.as_path(), "a folder"),
    ] {
        let r = run(
            &[OsStr::new("check"), s(file)],
            300,
            Duration::from_secs(20),
        );
        r.refused(kind);
        assert!(
            r.took < Duration::from_secs(10),
            "{file:?} took {:?}",
            r.took
        );
    }
    let _ = std::fs::remove_dir_all(&d);
}

/// A version-3 canvas with `title` and one card with `text`, written by hand.
fn canvas_json(title: &str, text: &str) -> String {
    let q = |v: &str| serde_json::to_string(v).unwrap_or_default();
    format!(
        r##"{{"format":"malbild","version":3,"document":{{"title":{},"board":{{"height":720}},
"phases":{{"nulage":{{"title":"Nuläge","width":620,"tint":"#eceff4"}},
"overgang":{{"title":"Övergång","width":620,"tint":"#fbf1e0"}},
"malbild":{{"title":"Målbild","width":620,"tint":"#e4f3e8"}}}},
"elements":[{{"type":"card","id":"1","rect":{{"x":40,"y":140,"w":240,"h":130}},"text":{},"color":"yellow"}}]}}}}"##,
        q(title),
        q(text)
    )
}

#[test]
fn text_from_a_file_never_reaches_the_terminal_raw() {
    let d = dir("escape");
    let evil = "Titel\u{1b}]0;pwned\u{7}\u{1b}[2J\r\nrad två\u{0}\u{202e}gnålfrab";
    let file = d.join("evil.malbild");
    let _ = std::fs::write(&file, canvas_json(evil, "kort"));
    let r = check(&file);
    assert_eq!(r.code, Some(0), "{}", r.err);
    let line = r.line();
    assert_eq!(line.lines().count(), 1, "{line:?}");
    assert!(
        !line.chars().any(|c| c.is_control() || c == '\u{202e}'),
        "{line:?}"
    );
    assert!(
        line.contains("\\u{1b}") && line.contains("\\u{202e}"),
        "{line}"
    );
    // A bad value 600 KB long is quoted short.
    let huge = format!("#{}", "f".repeat(600_000));
    let bad = canvas_json("x", "y").replace("\"#eceff4\"", &format!("\"{huge}\""));
    let file = d.join("colour.malbild");
    let _ = std::fs::write(&file, bad);
    check(&file).refused("is not a colour");
    // A control character inside a bad value, too.
    let bad = canvas_json("x", "y").replace("\"yellow\"", "\"\\u001b[31mred\"");
    let _ = std::fs::write(&file, bad);
    check(&file).refused("unknown variant `\\u{1b}[31mred`");
    let _ = std::fs::remove_dir_all(&d);
}

#[cfg(unix)]
#[test]
fn an_export_never_replaces_what_is_not_a_regular_file() {
    let d = dir("links");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/nara-vard.malbild");
    let fifo = d.join("pipe");
    let _ = Command::new("mkfifo").arg(&fifo).status();
    let folder = d.join("folder");
    let _ = std::fs::create_dir(&folder);
    for (name, target) in [("to-pipe.png", &fifo), ("to-folder.png", &folder)] {
        let link = d.join(name);
        let _ = std::os::unix::fs::symlink(target, &link);
        let before = listing(&d);
        let r = run(
            &[OsStr::new("export"), s(&sample), OsStr::new("-o"), s(&link)],
            MEM_MB,
            SOON,
        );
        r.refused("not a regular file, and is not replaced");
        assert_eq!(listing(&d), before, "nothing left behind");
    }
    assert!(std::fs::symlink_metadata(&fifo).is_ok_and(|m| {
        use std::os::unix::fs::FileTypeExt;
        m.file_type().is_fifo()
    }));
    assert!(folder.is_dir());
    // The output's folder is checked before any work; a file already there stays as it was.
    let missing = d.join("saknas").join("bild.png");
    let r = run(
        &[
            OsStr::new("export"),
            s(&sample),
            OsStr::new("-o"),
            s(&missing),
        ],
        MEM_MB,
        SOON,
    );
    r.refused(&format!(
        "the folder “{}” does not exist",
        d.join("saknas").display()
    ));
    let kept = d.join("kept.png");
    let _ = std::fs::write(&kept, b"earlier picture");
    let broken = d.join("broken.malbild");
    let _ = std::fs::write(&broken, b"{");
    let r = run(
        &[OsStr::new("export"), s(&broken), OsStr::new("-o"), s(&kept)],
        MEM_MB,
        SOON,
    );
    r.refused("ends too early");
    assert_eq!(
        std::fs::read(&kept).ok().as_deref(),
        Some(&b"earlier picture"[..])
    );
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn svg_text_holds_only_characters_xml_allows() {
    let d = dir("svg");
    let file = d.join("odd.malbild");
    let text = "ok\u{1}\u{fffe}\u{ffff}\u{fdd0}\u{8}slut";
    let _ = std::fs::write(&file, canvas_json("titel\u{ffff}", text));
    let out = d.join("odd.svg");
    let r = run(
        &[OsStr::new("export"), s(&file), OsStr::new("-o"), s(&out)],
        MEM_MB,
        SOON,
    );
    assert_eq!(r.code, Some(0), "{}", r.err);
    let svg = std::fs::read_to_string(&out).unwrap_or_default();
    let forbidden = |c: char| {
        let u = c as u32;
        (u < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || (u & 0xfffe) == 0xfffe
    };
    assert!(!svg.chars().any(forbidden), "the SVG is well-formed XML");
    assert!(svg.contains("titel"));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_tiny_file_cannot_demand_gigabytes() {
    let d = dir("dashes");
    // Two dotted and dashed arrows twenty million points long, in 2 KB.
    let arrow = |id: &str, style: &str, y: f32| {
        format!(
            r#"{{"type":"arrow","id":"{id}","start":{{"point":{{"x":-9999999,"y":{y}}}}},"end":{{"point":{{"x":9999999,"y":{y}}}}},"route":"straight","bend":0,"start_head":"none","end_head":"triangle","style":"{style}","width":"thin","color":"navy","label":""}}"#
        )
    };
    let json = canvas_json("Långa linjer", "kort").replace(
        r#""color":"yellow"}]"#,
        &format!(
            r#""color":"yellow"}},{},{}]"#,
            arrow("2", "dotted", 300.0),
            arrow("3", "dashed", 400.0)
        ),
    );
    let file = d.join("long.malbild");
    let _ = std::fs::write(&file, &json);
    assert!(json.len() < 3000);
    // One phase, as PNG and as SVG: quick, small, within the memory limit.
    for name in ["fas.png", "fas.svg"] {
        let out = d.join(name);
        let args = [
            OsStr::new("export"),
            s(&file),
            OsStr::new("-o"),
            s(&out),
            OsStr::new("--phase"),
            OsStr::new("overgang"),
        ];
        let r = run(&args, MEM_MB, SOON);
        assert_eq!(r.code, Some(0), "{name}: {}", r.err);
        assert!(r.took < Duration::from_secs(20), "{name} took {:?}", r.took);
    }
    // The whole picture as SVG at a small scale is refused: an SVG draws at 1 point a unit.
    let whole = d.join("allt.svg");
    let args = [
        OsStr::new("export"),
        s(&file),
        OsStr::new("-o"),
        s(&whole),
        OsStr::new("--scale"),
        OsStr::new("0.1"),
    ];
    run(&args, MEM_MB, SOON).refused("holds too much to draw at once");
    assert!(!whole.exists());
    let svg = d.join("fas.svg");
    let size = std::fs::metadata(&svg).map(|m| m.len()).unwrap_or(u64::MAX);
    assert!(size < 2_000_000, "the SVG is {size} bytes");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn duplicate_keys_are_refused_wherever_they_are() {
    let d = dir("dupes");
    let good = canvas_json("t", "kort");
    let cases = [
        (
            good.replace(r#""version":3,"#, r#""version":3,"version":1,"#),
            "duplicate field `version`",
        ),
        (
            good.replace(
                r#""format":"malbild","#,
                r#""format":"malbild","format":"malbild","#,
            ),
            "duplicate field `format`",
        ),
        (
            good.replace(r#""text":"kort","#, r#""text":"kort","text":"annan","#),
            "duplicate field `text`",
        ),
        (
            // `type` last: read by the other path.
            good.replace(r#""type":"card","id":"1","#, r#""id":"1","text":"x","#)
                .replace(r#""color":"yellow"}"#, r#""color":"yellow","type":"card"}"#),
            "duplicate field `text`",
        ),
        (
            good.replace(
                r#""color":"yellow"}"#,
                r#""color":"yellow","type":"arrow"}"#,
            ),
            "duplicate field `type`",
        ),
        (
            good.replace(r#""x":40,"#, r#""x":40,"x":41,"#),
            "duplicate field `x`",
        ),
        (
            // Nested, with `type` last.
            good.replace(r#""type":"card","id":"1","#, r#""id":"1","#)
                .replace(r#""x":40,"#, r#""x":40,"x":41,"#)
                .replace(r#""color":"yellow"}"#, r#""color":"yellow","type":"card"}"#),
            "duplicate field `x`",
        ),
    ];
    for (i, (json, want)) in cases.iter().enumerate() {
        let file = d.join(format!("dup-{i}.malbild"));
        let _ = std::fs::write(&file, json);
        check(&file).refused(want);
    }
    let _ = std::fs::remove_dir_all(&d);
}

/// A canvas of `n` cards in version `version`'s format.
fn many_cards(n: usize, version: u32) -> String {
    let mut json = String::with_capacity(n * 120);
    json.push_str(&format!(
        r##"{{"format":"malbild","version":{version},"document":{{"title":"Många","board":{{"height":720}},"phases":{{"nulage":{{"title":"Nuläge","width":620,"tint":"#eceff4"}},"overgang":{{"title":"Övergång","width":620,"tint":"#fbf1e0"}},"malbild":{{"title":"Målbild","width":620,"tint":"#e4f3e8"}}}},"elements":["##
    ));
    for i in 0..n {
        if i > 0 {
            json.push(',');
        }
        let (x, y) = ((i % 900) as f32 * 2.0, 100.0 + (i / 900) as f32 * 2.0);
        json.push_str(&format!(
            r#"{{"type":"card","id":"{:x}","rect":{{"x":{x},"y":{y},"w":200,"h":120}},"text":"Kort {i}","color":"yellow"}}"#,
            i + 1
        ));
    }
    json.push_str("]}}\n");
    json
}

#[test]
fn a_huge_canvas_is_checked_and_its_export_refused_within_bounded_memory() {
    let d = dir("huge");
    for version in [1, 3] {
        let file = d.join(format!("v{version}.malbild"));
        let _ = std::fs::write(&file, many_cards(200_000, version));
        let r = run(
            &[OsStr::new("check"), s(&file)],
            MEM_MB,
            Duration::from_secs(120),
        );
        assert_eq!(r.code, Some(0), "{}", r.err);
        assert!(r.out.contains("200,000 cards"), "{}", r.out);
        let out = d.join(format!("v{version}.png"));
        let r = run(
            &[OsStr::new("export"), s(&file), OsStr::new("-o"), s(&out)],
            MEM_MB,
            Duration::from_secs(120),
        );
        r.refused("holds too much to draw at once");
        assert!(!out.exists());
    }
    let _ = std::fs::remove_dir_all(&d);
}

#[cfg(unix)]
#[test]
fn an_output_path_that_is_not_utf8_is_taken_as_it_is() {
    use std::os::unix::ffi::OsStrExt;
    let d = dir("bytes");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/nara-vard.malbild");
    let out = d.join(OsStr::from_bytes(b"bild-\xff.png"));
    let r = run(
        &[
            OsStr::new("export"),
            s(&sample),
            OsStr::new("-o"),
            s(&out),
            OsStr::new("--scale"),
            OsStr::new("0.5"),
        ],
        MEM_MB,
        SOON,
    );
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(out.exists());
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn other_files_and_settings_are_named_for_what_they_are() {
    let d = dir("named");
    for (name, bytes, want) in [
        (
            "foto.malbild",
            &b"\xff\xd8\xff\xe0\0\x10JFIF"[..],
            "this is a JPEG image",
        ),
        ("doc.malbild", &b"%PDF-1.7\n"[..], "this is a PDF document"),
        (
            "bild.svg",
            &b"<?xml version=\"1.0\"?><svg/>"[..],
            "an SVG or other XML",
        ),
    ] {
        let file = d.join(name);
        let _ = std::fs::write(&file, bytes);
        check(&file).refused(want);
    }
    // A folder that does not exist is named as such.
    let missing = d.join("saknas").join("karta.malbild");
    check(&missing).refused(&format!(
        "the folder “{}” does not exist",
        d.join("saknas").display()
    ));
    // Export settings `export` would refuse are refused by `check` too.
    let json = canvas_json("t", "k").replace(
        r#""elements""#,
        r#""export":{"scope":{"kind":"all"},"size":{"kind":"paper","paper":"A3","landscape":true,"dpi":2400},"background":"phases","padding":24,"embed":true},"elements""#,
    );
    let file = d.join("dpi.malbild");
    let _ = std::fs::write(&file, json);
    check(&file).refused("export.size.dpi");
    let _ = std::fs::remove_dir_all(&d);
}

mod common;

/// Every case, opened in the window at 1280 × 720: the window stays up with its document,
/// and says why in a dialog that fits the window and closes with Esc.
#[test]
fn the_window_stays_up_and_says_why_in_a_dialog_that_fits() {
    use egui::Key;
    use egui_kittest::kittest::Queryable;
    use malbild::model::sample;
    use malbild::ui::App;
    use malbild::ui::desktop::ScriptedDesktop;

    let d = dir("window");
    let mut itxt = vec![1, 0, 0, 0];
    itxt.extend(bomb(200));
    let bomb_file = d.join("bomb.png");
    let _ = std::fs::write(&bomb_file, png_with(Some(&itxt)));
    let evil = d.join("evil.malbild");
    let bad = canvas_json("x", "y").replace(
        "\"#eceff4\"",
        &format!("\"#{}\\u001b[2J\"", "f".repeat(600_000)),
    );
    let _ = std::fs::write(&evil, bad);
    let dupes = d.join("dupes.malbild");
    let _ = std::fs::write(
        &dupes,
        canvas_json("t", "k").replace(r#""version":3,"#, r#""version":3,"version":1,"#),
    );
    let mut cases: Vec<(PathBuf, &str)> = vec![
        (bomb_file, "större än 128 MB"),
        (evil, "är ingen färg"),
        (dupes, "fältet `version` står två gånger"),
        (PathBuf::from("/dev/zero"), "ingen vanlig fil utan en enhet"),
    ];
    #[cfg(unix)]
    {
        let fifo = d.join("pipe.malbild");
        let _ = Command::new("mkfifo").arg(&fifo).status();
        cases.push((fifo, "en rörledning"));
    }
    let desktop = ScriptedDesktop::default();
    let app = App::new(sample::nara_vard(), None, Box::new(desktop));
    let mut h = common::harness_sized(app, egui::vec2(1280.0, 720.0));
    let before = h.state().doc().clone();
    for (file, want) in cases {
        let start = Instant::now();
        let ctx = h.ctx.clone();
        h.state_mut().open_path(&file, &ctx);
        h.run();
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{file:?} took long"
        );
        let text = h.state().modal_text().unwrap_or_default();
        assert!(text.contains(want), "{file:?}: {text}");
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        let ok = h.get_by_label("OK").rect();
        assert!(ok.top() >= 0.0 && ok.bottom() <= 720.0, "OK at {ok:?}");
        assert_eq!(h.state().doc(), &before, "the open canvas is kept");
        common::key(&mut h, Key::Escape);
        assert_eq!(h.state().modal_text(), None, "Esc closes it");
    }
    let _ = std::fs::remove_dir_all(&d);
}

// ------------------------------------------------------------------ pictures

/// A canvas file whose pictures are attacks: a PNG bomb, an SVG of many layers around a
/// huge shape, an SVG that uses a PNG bomb a thousand times, an SVG nested deeper than
/// allowed, and an SVG that points at files and URLs.
fn hostile_pictures() -> String {
    use malbild::base64::encode;
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/images");
    let read = |n: &str| std::fs::read(corpus.join(n)).unwrap_or_default();
    let bomb = read("bomb.png");
    let mut layers =
        String::from("<svg xmlns='http://www.w3.org/2000/svg' width='100' height='100'>");
    layers.push_str(&"<g opacity='0.9'>".repeat(200));
    layers.push_str("<rect x='-1000000' y='0' width='2000000' height='100' fill='red'/>");
    layers.push_str(&"</g>".repeat(200));
    layers.push_str("</svg>");
    let mut uses = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'><defs><image id='b' width='10' height='10' href='data:image/png;base64,{}'/></defs>",
        encode(&read("just-over-limit.png"))
    );
    uses.push_str(&"<use xlink:href='#b'/>".repeat(1000));
    uses.push_str("</svg>");
    let files: Vec<(String, &str, Vec<u8>)> = vec![
        ("image".into(), "image/png", bomb),
        ("illustration".into(), "image/svg+xml", layers.into_bytes()),
        ("illustration".into(), "image/svg+xml", uses.into_bytes()),
        (
            "illustration".into(),
            "image/svg+xml",
            read("svg-deep-nesting.svg"),
        ),
        (
            "illustration".into(),
            "image/svg+xml",
            read("svg-file-image.svg"),
        ),
        (
            "illustration".into(),
            "image/svg+xml",
            read("svg-entity-bomb.svg"),
        ),
    ];
    let mut elements = Vec::new();
    let mut table = Vec::new();
    for (n, (kind, mime, bytes)) in files.iter().enumerate() {
        let id = malbild::model::FileId::of(bytes);
        elements.push(format!(
            r#"{{"type":"{kind}","id":"{:x}","order":"a{n}","rect":{{"x":{},"y":200,"w":400,"h":400}},"file":"{}"}}"#,
            n + 1,
            40 + n * 420,
            id.as_str()
        ));
        table.push(format!(
            r#""{}":{{"mime":"{mime}","data":"{}"}}"#,
            id.as_str(),
            encode(bytes)
        ));
    }
    format!(
        r##"{{"format":"malbild","version":5,"document":{{"title":"Bilder","board":{{"height":820}},
"phases":{{"nulage":{{"title":"Nuläge","width":900,"tint":"#eceff4"}},
"overgang":{{"title":"Övergång","width":900,"tint":"#fbf1e0"}},
"malbild":{{"title":"Målbild","width":900,"tint":"#e4f3e8"}}}},
"elements":[{}],"files":{{{}}}}}}}"##,
        elements.join(","),
        table.join(",")
    )
}

#[test]
fn hostile_pictures_in_a_canvas_export_as_missing_or_bounded_pictures() {
    let d = dir("pictures");
    let file = d.join("bilder.malbild");
    assert!(std::fs::write(&file, hostile_pictures()).is_ok());
    // The poster of it, at 300 dpi: every attack is drawn small, as missing, or without
    // what it points to — within the memory limit and in time.
    let out = d.join("affisch.png");
    let r = run(
        &[
            OsStr::new("export"),
            s(&file),
            OsStr::new("-o"),
            s(&out),
            OsStr::new("--paper"),
            OsStr::new("A2"),
            OsStr::new("--dpi"),
            OsStr::new("300"),
        ],
        MEM_MB,
        SOON,
    );
    assert_eq!(r.code, Some(0), "{}", r.line());
    assert!(r.took < SOON);
    assert!(std::fs::read(&out).is_ok_and(|b| b.starts_with(b"\x89PNG")));
    // And as SVG: the SVG that points outside is not passed on.
    let svg = d.join("bild.svg");
    let r = run(
        &[OsStr::new("export"), s(&file), OsStr::new("-o"), s(&svg)],
        MEM_MB,
        SOON,
    );
    assert_eq!(r.code, Some(0), "{}", r.line());
    let text = std::fs::read_to_string(&svg).unwrap_or_default();
    let inside: Vec<String> = text
        .split("data:image/svg+xml;base64,")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter_map(malbild::base64::decode)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    assert!(
        inside.iter().all(|s| !s.contains("/etc/passwd")),
        "a link passed on"
    );
}
