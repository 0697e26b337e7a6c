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
    /// Run the benchmark.
    Bench {
        quick: bool,
    },
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
  malbild bench [--quick] measure frame, open and save times (use a release build)
  malbild --help          show this help
  malbild --version       show the version
";

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
        Some("bench") => match args.get(1).and_then(|a| a.to_str()) {
            None => Ok(Cli::Bench { quick: false }),
            Some("--quick") if args.len() == 2 => Ok(Cli::Bench { quick: true }),
            Some(other) => Err(format!("bench: unknown option `{other}`")),
        },
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
                    "{}: ok: Målbild canvas version {}{upgraded}; title “{}”; 3 phases ({}); {}, {}",
                    path.display(),
                    crate::io::VERSION,
                    doc.title,
                    titles.join(" → "),
                    i18n::cards(doc.card_count(), Lang::En),
                    i18n::arrows(doc.arrow_count(), Lang::En),
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
        assert_eq!(p(&["bench", "--quick"]), Ok(Cli::Bench { quick: true }));
        assert!(p(&["check"]).is_err());
        assert!(p(&["--frobnicate"]).is_err());
        assert!(p(&["a", "b"]).is_err());
    }
}
