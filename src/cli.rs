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
    /// Draw the picture library as one PNG: a contact sheet.
    Library {
        output: PathBuf,
        icons: bool,
    },
    /// Write the story as Markdown or CSV.
    Summary {
        input: PathBuf,
        output: PathBuf,
        lang: Option<Lang>,
    },
    /// The crash drill (for the kill test): edit, autosave and save without end.
    Drill {
        dir: PathBuf,
        delay_ms: u64,
    },
    /// Opens FILE as the window would and draws its first frame headlessly (for the
    /// benchmark: time from start and memory).
    FirstFrame {
        file: PathBuf,
    },
    Help,
    Version,
}

/// The command line as clap reads it: its help is made from these declarations, so the help
/// and the parser cannot disagree.
#[derive(clap::Parser, Debug)]
#[command(
    name = "malbild",
    version,
    about = "Målbild — draw the nuläge → övergång → målbild picture for Nära vård",
    args_conflicts_with_subcommands = true,
    disable_help_subcommand = true
)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// A canvas (.malbild, or a PNG exported with the canvas inside) to open in the window;
    /// without it, the Nära vård sample canvas opens
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

#[derive(clap::Subcommand, Debug)]
enum Command {
    /// Print a one-line summary of FILE and exit 0, or what is wrong with it and exit 2
    Check {
        /// The canvas (or PNG) to check
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Export a canvas (or an editable PNG) as a picture. Without size options, the
    /// canvas's own export settings (from the export dialog) are used
    Export(ExportOpts),
    /// Draw the picture library as one PNG, each picture with its name (a contact sheet,
    /// to look the library over)
    Library {
        /// Where the PNG goes
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
        /// The line icons (otherwise the colour illustrations and the drawn pieces)
        #[arg(long)]
        icons: bool,
    },
    /// Write the story of a canvas as Markdown (for minutes) or CSV (for a spreadsheet):
    /// the cards phase by phase and theme by theme, with status, owner, date, priority,
    /// votes and step
    Summary {
        /// The canvas (or editable PNG)
        #[arg(value_name = "IN")]
        input: PathBuf,
        /// Where the summary goes: a name ending in .md or .csv
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
        /// The language of headings and statuses (default: the system's)
        #[arg(long, value_name = "sv|en", value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Edits, autosaves and saves in DIR until killed: what the kill test runs
    #[command(hide = true)]
    Drill(DrillOpts),
    /// Opens FILE and draws the window's first frame without a window: what the benchmark
    /// times from process start
    #[command(hide = true, name = "first-frame")]
    FirstFrame {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// The crash drill's options.
#[derive(clap::Args, Debug)]
struct DrillOpts {
    /// Where the user's file and the recovery folder go
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// The autosave delay, in milliseconds
    #[arg(long, default_value_t = 2000)]
    delay_ms: u64,
}

fn parse_lang(v: &str) -> Result<Lang, String> {
    match v.trim().to_ascii_lowercase().as_str() {
        "sv" | "svenska" | "swedish" => Ok(Lang::Sv),
        "en" | "engelska" | "english" => Ok(Lang::En),
        code => Lang::from_code(code).ok_or_else(|| {
            let codes: Vec<&str> = Lang::all().iter().map(|l| l.code()).collect();
            format!("use one of: {}", codes.join(", "))
        }),
    }
}

#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("sizing").args(["scale", "width", "size", "paper"])))]
struct ExportOpts {
    /// The canvas to export
    #[arg(value_name = "IN")]
    input: PathBuf,
    /// The picture to write: a name ending in .png or .svg
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: PathBuf,
    /// Pixels per canvas point (1 is 100 % zoom; the dialog's default is 2)
    #[arg(long, value_name = "S")]
    scale: Option<f32>,
    /// This many pixels wide
    #[arg(long, value_name = "PX")]
    width: Option<u32>,
    /// Exactly W × H pixels, the picture fitted and centred (a slide: 1920x1080)
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    size: Option<(u32, u32)>,
    /// A whole page, landscape unless --portrait
    #[arg(long, value_name = "A4|A3|A2|A1|A0", value_parser = parse_paper)]
    paper: Option<crate::model::Paper>,
    /// Dots per inch of the page (72–600, default 300)
    #[arg(long, value_name = "N", requires = "paper")]
    dpi: Option<u32>,
    /// The page upright
    #[arg(long, requires = "paper")]
    portrait: bool,
    /// The page on its side (the default)
    #[arg(long, requires = "paper", conflicts_with = "portrait")]
    landscape: bool,
    /// One phase only
    #[arg(long, value_name = "nulage|overgang|malbild", value_parser = parse_phase)]
    phase: Option<crate::model::PhaseId>,
    /// What is behind the picture
    #[arg(long, value_name = "phases|white|transparent", value_parser = parse_background)]
    background: Option<crate::model::Background>,
    /// Space around the picture, in canvas points (0–10000)
    #[arg(long, value_name = "P", value_parser = parse_padding)]
    padding: Option<f32>,
    /// Do not put the editable canvas inside the PNG
    #[arg(long)]
    no_embed: bool,
    /// Leave out the cards' status badges and the voting dots
    #[arg(long)]
    no_marks: bool,
    /// Print how long each stage took
    #[arg(long)]
    timings: bool,
}

fn parse_size(v: &str) -> Result<(u32, u32), String> {
    v.split_once(['x', 'X', '×'])
        .and_then(|(w, h)| Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?)))
        .ok_or_else(|| "give width x height in pixels, such as 1920x1080".to_owned())
}

fn parse_paper(v: &str) -> Result<crate::model::Paper, String> {
    crate::model::Paper::from_name(v).ok_or_else(|| "use A4, A3, A2, A1 or A0".to_owned())
}

fn parse_phase(v: &str) -> Result<crate::model::PhaseId, String> {
    crate::model::PhaseId::from_key(v).ok_or_else(|| "use nulage, overgang or malbild".to_owned())
}

fn parse_background(v: &str) -> Result<crate::model::Background, String> {
    crate::model::Background::from_key(v)
        .ok_or_else(|| "use phases, white or transparent".to_owned())
}

fn parse_padding(v: &str) -> Result<f32, String> {
    v.parse::<f32>()
        .ok()
        .filter(|p| p.is_finite() && (0.0..=10_000.0).contains(p))
        .ok_or_else(|| "not a size from 0 to 10000".to_owned())
}

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
    pub no_marks: bool,
    pub timings: bool,
}

impl From<ExportOpts> for ExportArgs {
    fn from(o: ExportOpts) -> Self {
        use crate::model::Size;
        let size = if let Some(scale) = o.scale {
            Some(Size::Scale { scale })
        } else if let Some(pixels) = o.width {
            Some(Size::Width { pixels })
        } else if let Some((width, height)) = o.size {
            Some(Size::Frame { width, height })
        } else {
            o.paper.map(|paper| Size::Paper {
                paper,
                landscape: !o.portrait,
                dpi: o.dpi.unwrap_or(300),
            })
        };
        ExportArgs {
            input: o.input,
            output: o.output,
            size,
            phase: o.phase,
            background: o.background,
            padding: o.padding,
            no_embed: o.no_embed,
            no_marks: o.no_marks,
            timings: o.timings,
        }
    }
}

/// The help text (as `--help` prints it).
pub fn usage() -> String {
    use clap::CommandFactory;
    let mut cmd = Args::command();
    let main = cmd.render_long_help().to_string();
    let mut subs = String::new();
    for sub in cmd.get_subcommands_mut() {
        let name = sub.get_name().to_owned();
        *sub = sub.clone().bin_name(format!("malbild {name}"));
        let help = sub.render_long_help();
        subs.push_str(&format!("\n\n── malbild {name} ──\n\n{help}"));
    }
    main + &subs
}

/// Parses the arguments after the program name. An error is clap's message (with the usage
/// line), ready to print.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, String> {
    use clap::Parser;
    use clap::error::ErrorKind;
    let all = std::iter::once(OsString::from("malbild")).chain(args);
    match Args::try_parse_from(all) {
        Ok(Args {
            command: Some(Command::Check { file }),
            ..
        }) => Ok(Cli::Check { file }),
        Ok(Args {
            command: Some(Command::Export(o)),
            ..
        }) => Ok(Cli::Export(o.into())),
        Ok(Args {
            command: Some(Command::Library { output, icons }),
            ..
        }) => Ok(Cli::Library { output, icons }),
        Ok(Args {
            command:
                Some(Command::Summary {
                    input,
                    output,
                    lang,
                }),
            ..
        }) => Ok(Cli::Summary {
            input,
            output,
            lang,
        }),
        Ok(Args {
            command: Some(Command::Drill(o)),
            ..
        }) => Ok(Cli::Drill {
            dir: o.dir,
            delay_ms: o.delay_ms,
        }),
        Ok(Args {
            command: Some(Command::FirstFrame { file }),
            ..
        }) => Ok(Cli::FirstFrame { file }),
        Ok(Args {
            command: None,
            file,
        }) => Ok(Cli::Run { file }),
        Err(e) if e.kind() == ErrorKind::DisplayHelp => Ok(Cli::Help),
        Err(e) if e.kind() == ErrorKind::DisplayVersion => Ok(Cli::Version),
        Err(e) => Err(e.render().to_string()),
    }
}

/// `malbild check FILE`: the line to print and the exit code (0 fine, 2 broken).
pub fn check(path: &Path, lang: Lang) -> (String, i32) {
    match crate::io::load(path) {
        Ok(loaded) => {
            let doc = &loaded.document;
            let upgraded = if let Some(v) = loaded.newer {
                crate::tr!(lang, "check-newer", version = v.to_string())
            } else if loaded.version < crate::io::VERSION {
                crate::tr!(lang, "check-upgraded", version = loaded.version.to_string())
            } else {
                String::new()
            };
            let titles: Vec<&str> = doc.phases.iter().map(|(_, p)| p.title.as_str()).collect();
            let others = match i18n::other_elements(doc, lang) {
                s if s.is_empty() => s,
                s => format!(", {s}"),
            };
            (
                crate::tr!(
                    lang,
                    "check-ok",
                    path = path.display().to_string(),
                    version = crate::io::VERSION.to_string(),
                    upgraded = upgraded,
                    title = doc.title.as_str(),
                    phases = titles.join(" → "),
                    cards = i18n::cards(doc.card_count(), lang),
                    arrows = i18n::arrows(doc.arrow_count(), lang),
                    others = others
                ),
                0,
            )
        }
        Err(e) => (
            crate::tr!(
                lang,
                "check-error",
                path = path.display().to_string(),
                why = i18n::load_error(&e, lang)
            ),
            2,
        ),
    }
}

/// `malbild drill DIR`: edits a canvas without end, card by card, with the window's
/// autosave (timing and recovery files) and saves to `DIR/user.malbild` every 100 edits,
/// printing `edit K`, `saved K` and `autosaved K` as it goes. The kill test kills it at
/// random moments and checks what is on disk.
pub fn drill(dir: &Path, delay_ms: u64) -> i32 {
    use crate::edit::{Command, Editor};
    use crate::model::{Card, CardColor, Document, Element, ElementId, Rect};
    use crate::recovery::{Autosave, Meta, Session};
    use std::io::Write;
    let session = Session::new(&dir.join("recovery"));
    let user = dir.join("user.malbild");
    let mut editor = Editor::new(Document::new());
    let mut saved = editor.history().state();
    let mut auto = Autosave::new(saved, delay_ms as f64 / 1000.0);
    let start = std::time::Instant::now();
    let mut out = std::io::stdout().lock();
    for k in 1..=100_000u64 {
        let rect = Rect::new(
            20.0 + (k % 20) as f32 * 30.0,
            120.0 + (k / 20) as f32 * 5.0,
            200.0,
            100.0,
        );
        let card = Card::new(ElementId(k), rect, format!("kort {k}"), CardColor::Yellow);
        let cmd = Command::insert_on_top(editor.doc(), vec![Element::Card(card)]);
        if editor.apply_step(cmd).is_err() {
            return 2;
        }
        let _ = writeln!(out, "edit {k}");
        let state = editor.history().state();
        if k % 100 == 0 {
            if crate::io::save(&user, editor.doc()).is_err() {
                return 2;
            }
            saved = state;
            auto.written(state);
            session.discard();
            let _ = writeln!(out, "saved {k}");
        }
        let dirty = state != saved;
        if auto
            .check(state, dirty, start.elapsed().as_secs_f64())
            .is_ok()
        {
            let meta = Meta::new("drill", Some(&user));
            if session
                .write(&crate::io::to_bytes(editor.doc()), &meta)
                .is_err()
            {
                return 2;
            }
            auto.written(state);
            let _ = writeln!(out, "autosaved {k}");
        }
        let _ = out.flush();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    0
}

/// `malbild summary`: a line to print and the exit code (0 done, 2 not).
pub fn summary(input: &Path, output: &Path, lang: Lang) -> (String, i32) {
    use crate::export::summary::SummaryFormat;
    let fail = |msg: String| (format!("malbild summary: {msg}"), 2);
    let Some(format) = SummaryFormat::from_path(output) else {
        return fail(format!(
            "{}: {}",
            output.display(),
            lang.word("summary-extension")
        ));
    };
    let doc = match crate::io::load(input) {
        Ok(l) => l.document,
        Err(e) => {
            return fail(format!(
                "{}: {}",
                input.display(),
                i18n::load_error(&e, lang)
            ));
        }
    };
    let text = format.write(&doc, lang);
    if let Err(e) = crate::io::write_atomic(output, text.as_bytes()) {
        return fail(format!(
            "{}: {}",
            output.display(),
            i18n::save_error(&e, output, lang)
        ));
    }
    let cards = i18n::cards(doc.card_count(), lang);
    (format!("{}: {cards}", output.display()), 0)
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
    if args.no_marks {
        settings.marks = false;
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

/// The library laid out as a canvas: a grid of pictures, each with its name below it,
/// in the catalogue's order (by category).
pub fn library_sheet(icons: bool, lang: Lang) -> crate::model::Document {
    use crate::model::{
        Align, CardColor, Document, Element, ElementId, FontSize, Picture, Point, Rect, Text,
    };
    use crate::picture::library::{self, Set};
    let want = if icons {
        Set::Icons
    } else {
        Set::Illustrations
    };
    let items: Vec<_> = library::items().iter().filter(|i| i.set == want).collect();
    let (cols, cell_w, cell_h) = (20usize, 150.0f32, 170.0f32);
    let rows = items.len().div_ceil(cols);
    let mut doc = Document::new();
    doc.title = match icons {
        false => crate::tr!(lang, "library-sheet-illustrations", n = items.len()),
        true => crate::tr!(lang, "library-sheet-icons", n = items.len()),
    };
    let width = cols as f32 * cell_w + 40.0;
    for p in crate::model::PhaseId::ALL {
        doc.phases.get_mut(p).width = width / 3.0;
    }
    doc.board.height = (rows as f32 * cell_h + 120.0).max(crate::model::MIN_BOARD_HEIGHT);
    for (n, item) in items.iter().enumerate() {
        let (col, row) = ((n % cols) as f32, (n / cols) as f32);
        let (x, y) = (20.0 + col * cell_w, 100.0 + row * cell_h);
        let side = 88.0;
        let (w, h) = crate::picture::open(item.file_data())
            .map(|s| s.size())
            .unwrap_or((1.0, 1.0));
        let k = side / w.max(h).max(1e-3);
        let rect = Rect::new(
            x + (cell_w - w * k) / 2.0,
            y + (side - h * k) / 2.0,
            w * k,
            h * k,
        );
        let id = ElementId(2 * n as u64 + 1);
        let mut p = Picture::new(id, rect, item.file_id().clone());
        p.source = item.id.to_owned();
        if item.tint {
            p.tint = Some(CardColor::Navy);
        }
        doc.files
            .insert(item.file_id().clone(), item.file_data().clone());
        doc.elements.push(Element::Illustration(p));
        let name = match lang {
            Lang::Sv => item.sv.first(),
            _ => item.en.first(),
        };
        let mut t = Text::new(
            ElementId(2 * n as u64 + 2),
            Point::new(x + 4.0, y + side + 6.0),
            name.copied().unwrap_or(item.id),
        );
        t.size = FontSize::S;
        t.bold = false;
        t.align = Align::Center;
        t.rect = Rect::new(x + 4.0, y + side + 6.0, cell_w - 8.0, 56.0);
        doc.elements.push(Element::Text(t));
    }
    doc
}

/// `malbild library -o OUT.png`: the contact sheet, written.
pub fn library(output: &Path, icons: bool, lang: Lang) -> (String, i32) {
    let fail = |msg: String| (format!("malbild library: {msg}"), 2);
    let doc = library_sheet(icons, lang);
    let settings = crate::model::ExportSettings {
        size: crate::model::Size::Scale { scale: 1.0 },
        background: crate::model::Background::White,
        embed: false,
        ..crate::model::ExportSettings::default()
    };
    let progress = crate::export::raster::Progress::default();
    let bytes = match crate::export::png(&doc, &settings, &[], &progress) {
        Ok((bytes, _)) => bytes,
        Err(e) => return fail(i18n::export_error(&e, lang)),
    };
    if let Err(e) = crate::io::write_atomic(output, &bytes) {
        return fail(format!(
            "{}: {}",
            output.display(),
            i18n::save_error(&e, output, lang)
        ));
    }
    (format!("wrote {}", output.display()), 0)
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
