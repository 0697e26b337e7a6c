//! The `malbild` program: parse the command line, then run the window or a headless command.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use malbild::cli::{self, Cli};
use malbild::i18n::{self, Lang, Msg};
use malbild::ui::{App, desktop::NativeDesktop};
use std::process::ExitCode;

/// mimalloc keeps freed memory for reuse, where the system allocator hands the large buffers
/// of each frame (meshes of thousands of cards) back to the kernel and takes them again,
/// paying page faults every frame: with 10,000 cards in view that was 3/4 of the frame time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Languages the user added: a folder of .ftl files each, in `i18n` of the data folder.
    if let Some(dir) = malbild::recovery::data_dir() {
        malbild::lang::add_folder(&dir.join("i18n"));
    }
    Lang::set_current(Lang::from_env());
    let cli = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli) => cli,
        Err(e) => {
            // clap's message, with the usage line and a pointer to --help; what the user typed
            // in it made safe to print, line by line.
            for line in e.lines() {
                eprintln!("{}", i18n::tidy(line));
            }
            return ExitCode::from(2);
        }
    };
    match cli {
        Cli::Help => {
            print!("{}", cli::usage());
            ExitCode::SUCCESS
        }
        Cli::Version => {
            println!("malbild {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Cli::Check { file } => report(cli::check(&file, Lang::from_env())),
        Cli::Export(args) => report(cli::export(&args, Lang::from_env())),
        Cli::Library { output, icons } => report(cli::library(&output, icons, Lang::from_env())),
        Cli::Summary {
            input,
            output,
            lang,
        } => report(cli::summary(
            &input,
            &output,
            lang.unwrap_or_else(Lang::from_env),
        )),
        Cli::Drill { dir, delay_ms } => ExitCode::from(cli::drill(&dir, delay_ms) as u8),
        Cli::FirstFrame { file } => first_frame(&file),
        Cli::Run { file } => run_window(file),
    }
}

/// Prints a headless command's line (on stdout when it succeeded, else on stderr), made safe
/// to print (names and values from files carry no escape sequences), and exits with its code.
fn report((line, code): (String, i32)) -> ExitCode {
    let line = i18n::tidy(&line);
    if code == 0 {
        println!("{line}");
    } else {
        eprintln!("{line}");
    }
    ExitCode::from(code as u8)
}

fn run_window(file: Option<std::path::PathBuf>) -> ExitCode {
    // The language the user chose last time, else the system's.
    let settings_file = malbild::settings::default_file();
    let lang = settings_file
        .as_deref()
        .map(malbild::settings::Settings::load)
        .and_then(|s| s.language)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_else(Lang::from_env);
    // The file open in another window already: that window comes to the front instead.
    if let (Some(f), Some(dir)) = (&file, malbild::recovery::data_dir())
        && malbild::instance::hand_over(&dir, f)
    {
        println!("{}", i18n::tidy(Msg::OpenElsewhere.text(lang)));
        return ExitCode::SUCCESS;
    }
    let app = match &file {
        Some(path) => App::open_at_start(path, Box::new(NativeDesktop::default()), lang),
        None => App::with_sample_in(lang, Box::new(NativeDesktop::default())),
    };
    let mut app = app;
    // Unsaved work is kept in the data folder; what a crash left there is offered now.
    if let Some(dir) = malbild::recovery::default_dir() {
        app.enable_recovery(dir);
    }
    if let Some(dir) = malbild::recovery::data_dir() {
        app.instance_dir = Some(dir.clone());
        app.enable_recent(dir.join("recent.json"));
        if let (Some(p), Some(_)) = (&file, &app.path) {
            app.recent_used(p);
        }
    }
    // Language, theme, panel widths and where the window was, as the user left them.
    let window = settings_file.and_then(|f| app.enable_settings(f));
    // Started without a file: the recent ones are offered (the example stays beneath).
    if file.is_none() {
        app.show_start();
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(app.window_title())
        // The desktop file's name, so that the desktop shows the window under its icon.
        .with_app_id("se.malbild.Malbild")
        .with_min_inner_size([
            malbild::settings::MIN_WINDOW.0,
            malbild::settings::MIN_WINDOW.1,
        ])
        .with_drag_and_drop(true);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    viewport = match window {
        Some(w) => viewport
            .with_inner_size([w.width, w.height])
            .with_position([w.x, w.y])
            .with_maximized(w.maximized),
        None => viewport
            .with_inner_size([1280.0, 800.0])
            .with_maximized(true),
    };
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    match eframe::run_native("Målbild", options, Box::new(|_cc| Ok(Box::new(app)))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("malbild: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The app's icon for the window (the desktop's own, from the installed icon theme, wins
/// where there is one).
fn window_icon() -> Option<egui::IconData> {
    let png = include_bytes!("../assets/icons/hicolor/256x256/apps/malbild.png");
    let image = image::load_from_memory(png).ok()?.into_rgba8();
    Some(egui::IconData {
        width: image.width(),
        height: image.height(),
        rgba: image.into_raw(),
    })
}

/// `malbild first-frame FILE`: the file opened as the window opens it, and its first frame
/// drawn and tessellated in a 1600 × 900 window without a display; prints the time since the
/// process started and the resident memory (for the benchmark).
fn first_frame(file: &std::path::Path) -> ExitCode {
    let mut app = App::open_at_start(file, Box::new(NativeDesktop::default()), Lang::from_env());
    let ctx = egui::Context::default();
    let raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 900.0),
        )),
        ..Default::default()
    };
    let out = ctx.run_ui(raw, |ui| app.ui(ui));
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    std::hint::black_box(prims);
    let rss = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(0.0, |kb| kb / 1024.0);
    println!(
        "first frame {:.0} ms after start, {} cards in view, peak memory {rss:.0} MB",
        process_age_ms(),
        app.view.visible_count()
    );
    ExitCode::SUCCESS
}

/// How long the process has run, in milliseconds (from /proc on Linux; 0 elsewhere).
fn process_age_ms() -> f64 {
    #[cfg(target_os = "linux")]
    {
        // Field 22 of /proc/self/stat: the start time in clock ticks after boot.
        let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
        let after = stat.rsplit(')').next().unwrap_or("");
        let start: f64 = after
            .split_whitespace()
            .nth(19)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        let uptime: f64 = std::fs::read_to_string("/proc/uptime")
            .ok()
            .and_then(|u| u.split_whitespace().next()?.parse().ok())
            .unwrap_or(0.0);
        // SAFETY: sysconf only reads a system constant.
        let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
        if ticks > 0.0 {
            return (uptime - start / ticks) * 1000.0;
        }
    }
    0.0
}
