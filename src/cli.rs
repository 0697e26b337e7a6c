//! The command line: open a file in the window, or run a headless command.

use crate::i18n::{self, Lang};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub enum Cli {
    /// Open the window, with a file or the sample canvas.
    Run {
        file: Option<PathBuf>,
    },
    /// Check a file and print a one-line summary.
    Check {
        file: PathBuf,
    },
    /// Export a document (or editable PNG) to PNG or SVG.
    Export(ExportArgs),
    Help,
    Version,
}

pub const USAGE: &str = "\
Målbild — draw the nuläge → övergång → målbild picture for Nära vård

Usage:
  malbild [FILE]          open FILE (a .malbild canvas) in the window;
                          without FILE, open the Nära vård sample canvas
  malbild check FILE      print a one-line summary of FILE and exit 0,
                          or print what is wrong with it and exit 2
  malbild export IN -o OUT.png|OUT.svg [options]
                          export a canvas (or an editable PNG) as a picture
      --scale S             pixels per canvas point (default 2; 1 is 100 % zoom)
      --width PX            this many pixels wide
      --size WxH            exactly W × H pixels, the picture fitted and centred
                            (a slide: --size 1920x1080 or 3840x2160)
      --paper A4|A3|A2|A1|A0 [--portrait] [--dpi N]
                            a whole page, landscape unless --portrait, at N dpi
                            (72–600, default 300)
      --phase nulage|overgang|malbild
                            one phase only
      --background phases|white|transparent
      --padding P           space around the picture, in canvas points
      --no-embed            do not put the editable canvas inside the PNG
      --timings             print how long each stage took
                          Without options, the canvas's own export settings
                          (from the export dialog) are used.
  malbild --help          show this help
  malbild --version       show the version
";

/// The options of `malbild export`. Unset ones come from the document's export settings.
#[derive(Debug, Default, PartialEq)]
pub struct ExportArgs {
    pub input: PathBuf,
    pub output: PathBuf,
    pub size: Option<crate::model::Size>,
    pub phase: Option<crate::model::PhaseId>,
    pub background: Option<crate::model::Background>,
    pub padding: Option<f32>,
    pub no_embed: bool,
    pub timings: bool,
}

fn parse_export(args: &[OsString]) -> Result<ExportArgs, String> {
    use crate::model::{Background, Paper, PhaseId, Size};
    let mut a = ExportArgs::default();
    let mut input = None;
    let mut output = None;
    let (mut scale, mut width, mut paper, mut dpi, mut portrait) = (None, None, None, None, false);
    let mut frame = None;
    let mut it = args.iter();
    let value = |it: &mut std::slice::Iter<'_, OsString>, opt: &str| -> Result<String, String> {
        it.next()
            .and_then(|v| v.to_str())
            .map(str::to_owned)
            .ok_or_else(|| format!("export: {opt} needs a value"))
    };
    while let Some(arg) = it.next() {
        match arg.to_str() {
            // A path is taken as it is, even where it is not UTF-8.
            Some("-o" | "--output") => {
                output = Some(PathBuf::from(it.next().ok_or("export: -o needs a value")?))
            }
            Some("--scale") => {
                let v = value(&mut it, "--scale")?;
                scale = Some(
                    v.parse::<f32>()
                        .map_err(|_| format!("export: --scale {v} is not a number"))?,
                );
            }
            Some("--width") => {
                let v = value(&mut it, "--width")?;
                width =
                    Some(v.parse::<u32>().map_err(|_| {
                        format!("export: --width {v} is not a whole number of pixels")
                    })?);
            }
            Some("--size") => {
                let v = value(&mut it, "--size")?;
                let parsed = v.split_once(['x', 'X', '×']).and_then(|(w, h)| {
                    Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?))
                });
                frame = Some(parsed.ok_or_else(|| {
                    format!("export: --size {v}: give width x height in pixels, such as 1920x1080")
                })?);
            }
            Some("--paper") => {
                let v = value(&mut it, "--paper")?;
                paper = Some(
                    Paper::from_name(&v)
                        .ok_or_else(|| format!("export: --paper {v}: use A4, A3, A2, A1 or A0"))?,
                );
            }
            Some("--dpi") => {
                let v = value(&mut it, "--dpi")?;
                dpi = Some(
                    v.parse::<u32>()
                        .map_err(|_| format!("export: --dpi {v} is not a whole number"))?,
                );
            }
            Some("--portrait") => portrait = true,
            Some("--landscape") => portrait = false,
            Some("--phase") => {
                let v = value(&mut it, "--phase")?;
                a.phase = Some(PhaseId::from_key(&v).ok_or_else(|| {
                    format!("export: --phase {v}: use nulage, overgang or malbild")
                })?);
            }
            Some("--background") => {
                let v = value(&mut it, "--background")?;
                a.background = Some(Background::from_key(&v).ok_or_else(|| {
                    format!("export: --background {v}: use phases, white or transparent")
                })?);
            }
            Some("--padding") => {
                let v = value(&mut it, "--padding")?;
                a.padding = Some(
                    v.parse::<f32>()
                        .ok()
                        .filter(|p| p.is_finite() && (0.0..=10_000.0).contains(p))
                        .ok_or_else(|| {
                            format!("export: --padding {v} is not a size from 0 to 10000")
                        })?,
                );
            }
            Some("--no-embed") => a.no_embed = true,
            Some("--timings") => a.timings = true,
            Some(opt) if opt.starts_with('-') && opt.len() > 1 => {
                return Err(format!("export: unknown option `{opt}`"));
            }
            _ if input.is_none() => input = Some(PathBuf::from(arg)),
            _ => return Err("export: give one input file (and the output with -o)".into()),
        }
    }
    a.input = input.ok_or("export: name the canvas to export")?;
    a.output = output.ok_or("export: name the picture to write with -o OUT.png or -o OUT.svg")?;
    let given = [
        scale.is_some(),
        width.is_some(),
        paper.is_some(),
        frame.is_some(),
    ];
    if given.iter().filter(|g| **g).count() > 1 {
        return Err("export: give only one of --scale, --width, --size and --paper".into());
    }
    if dpi.is_some() && paper.is_none() {
        return Err("export: --dpi goes with --paper".into());
    }
    a.size = if let Some(scale) = scale {
        Some(Size::Scale { scale })
    } else if let Some(pixels) = width {
        Some(Size::Width { pixels })
    } else if let Some((width, height)) = frame {
        Some(Size::Frame { width, height })
    } else {
        paper.map(|paper| Size::Paper {
            paper,
            landscape: !portrait,
            dpi: dpi.unwrap_or(300),
        })
    };
    Ok(a)
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, String> {
    let args: Vec<OsString> = args.into_iter().collect();
    let first = args.first().and_then(|a| a.to_str());
    match first {
        None => Ok(Cli::Run { file: None }),
        Some("-h" | "--help" | "help") => Ok(Cli::Help),
        Some("-V" | "--version") => Ok(Cli::Version),
        Some("check") => match &args[1..] {
            [file] => Ok(Cli::Check {
                file: PathBuf::from(file),
            }),
            [] => Err("check: name the file to check".into()),
            _ => Err("check: give exactly one file".into()),
        },
        Some("export") => parse_export(&args[1..]).map(Cli::Export),
        Some(opt) if opt.starts_with('-') && opt.len() > 1 => {
            Err(format!("unknown option `{opt}`"))
        }
        _ => match &args[..] {
            [file] => Ok(Cli::Run {
                file: Some(PathBuf::from(file)),
            }),
            _ => Err("give at most one file to open".into()),
        },
    }
}

/// `malbild check FILE`: the line to print and the exit code (0 fine, 2 broken).
pub fn check(path: &Path, lang: Lang) -> (String, i32) {
    match crate::io::load(path) {
        Ok(loaded) => {
            let doc = &loaded.document;
            let upgraded = if loaded.version < crate::io::VERSION {
                format!(", upgraded from version {}", loaded.version)
            } else {
                String::new()
            };
            let titles: Vec<&str> = doc.phases.iter().map(|(_, p)| p.title.as_str()).collect();
            (
                format!(
                    "{}: ok: Målbild canvas version {}{upgraded}; title “{}”; 3 phases ({}); {}, {}{}",
                    path.display(),
                    crate::io::VERSION,
                    doc.title,
                    titles.join(" → "),
                    i18n::cards(doc.card_count(), Lang::En),
                    i18n::arrows(doc.arrow_count(), Lang::En),
                    match i18n::other_elements(doc, Lang::En) {
                        s if s.is_empty() => s,
                        s => format!(", {s}"),
                    },
                ),
                0,
            )
        }
        Err(e) => (
            format!("{}: error: {}", path.display(), i18n::load_error(&e, lang)),
            2,
        ),
    }
}

/// `malbild export`: a line to print and the exit code (0 done, 2 not).
pub fn export(args: &ExportArgs, lang: Lang) -> (String, i32) {
    let fail = |msg: String| (format!("malbild export: {msg}"), 2);
    let doc = match crate::io::load(&args.input) {
        Ok(l) => l.document,
        Err(e) => {
            return fail(format!(
                "{}: {}",
                args.input.display(),
                i18n::load_error(&e, lang)
            ));
        }
    };
    let mut settings = doc.export.unwrap_or_default();
    if let Some(size) = args.size {
        settings.size = size;
    }
    if let Some(phase) = args.phase {
        settings.scope = crate::model::Scope::Phase { phase };
    } else if settings.scope == crate::model::Scope::Selection {
        // There is no selection on the command line.
        settings.scope = crate::model::Scope::All;
    }
    if let Some(b) = args.background {
        settings.background = b;
    }
    if let Some(p) = args.padding {
        settings.padding = p;
    }
    if args.no_embed {
        settings.embed = false;
    }
    let ext = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(ext.as_deref(), Some("png" | "svg")) {
        return fail(format!(
            "{}: the picture must end in .png or .svg",
            args.output.display()
        ));
    }
    // Before any work: the output can be written there.
    if let Err(e) = crate::io::check_writable(&args.output) {
        return fail(format!(
            "{}: {}",
            args.output.display(),
            i18n::save_error(&e, &args.output, lang)
        ));
    }
    let start = std::time::Instant::now();
    let (bytes, detail) = match ext.as_deref() {
        Some("png") => {
            let progress = crate::export::raster::Progress::default();
            match crate::export::png(&doc, &settings, &[], &progress) {
                Ok((bytes, t)) => {
                    let plan = crate::export::plan(&doc, &settings, &[]).ok();
                    let size = plan
                        .map(|p| format!("{} × {} px", p.width, p.height))
                        .unwrap_or_default();
                    let stages = if args.timings {
                        format!(
                            "; scene {:.1} ms, tessellate {:.1} ms, raster {:.1} ms, encode {:.1} ms",
                            ms(t.scene),
                            ms(t.tessellate),
                            ms(t.raster),
                            ms(t.encode)
                        )
                    } else {
                        String::new()
                    };
                    (bytes, format!("{size}{stages}"))
                }
                Err(e) => return fail(i18n::export_error(&e, lang)),
            }
        }
        Some("svg") => match crate::export::svg(&doc, &settings, &[]) {
            Ok(s) => (s.into_bytes(), "SVG".to_owned()),
            Err(e) => return fail(i18n::export_error(&e, lang)),
        },
        _ => {
            return fail(format!(
                "{}: the picture must end in .png or .svg",
                args.output.display()
            ));
        }
    };
    if let Err(e) = crate::io::write_atomic(&args.output, &bytes) {
        return fail(format!(
            "{}: {}",
            args.output.display(),
            i18n::save_error(&e, &args.output, lang)
        ));
    }
    (
        format!(
            "wrote {} ({detail}, {:.1} MB) in {:.0} ms",
            args.output.display(),
            bytes.len() as f64 / 1e6,
            ms(start.elapsed())
        ),
        0,
    )
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Cli, String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn parses_the_documented_forms() {
        assert_eq!(p(&[]), Ok(Cli::Run { file: None }));
        assert_eq!(
            p(&["a.malbild"]),
            Ok(Cli::Run {
                file: Some("a.malbild".into())
            })
        );
        assert_eq!(p(&["--help"]), Ok(Cli::Help));
        assert_eq!(p(&["--version"]), Ok(Cli::Version));
        assert_eq!(p(&["check", "x"]), Ok(Cli::Check { file: "x".into() }));
        assert!(p(&["check"]).is_err());
        assert!(p(&["--frobnicate"]).is_err());
        assert!(p(&["a", "b"]).is_err());
        let e = p(&[
            "export",
            "in.malbild",
            "-o",
            "out.png",
            "--paper",
            "a2",
            "--dpi",
            "150",
            "--phase",
            "Övergång",
            "--no-embed",
        ]);
        let Ok(Cli::Export(e)) = e else {
            panic!("{e:?}")
        };
        assert_eq!(
            e.size,
            Some(crate::model::Size::Paper {
                paper: crate::model::Paper::A2,
                landscape: true,
                dpi: 150
            })
        );
        assert_eq!(e.phase, Some(crate::model::PhaseId::Overgang));
        assert!(e.no_embed);
        for bad in [
            &["export", "in"][..],
            &["export", "-o", "x.png"],
            &[
                "export", "in", "-o", "x.png", "--scale", "2", "--width", "100",
            ],
            &["export", "in", "-o", "x.png", "--paper", "B5"],
            &["export", "in", "-o", "x.png", "--background", "plaid"],
            &["export", "in", "-o", "x.png", "--dpi", "300"],
        ] {
            assert!(p(bad).is_err(), "{bad:?}");
        }
    }
}
