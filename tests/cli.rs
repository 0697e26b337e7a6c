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
    assert!(out.contains("malbild check FILE"), "{out}");
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
    assert!(out.contains(": ok: Målbild canvas version 2;"), "{out}");
    assert!(out.contains("Nuläge → Övergång → Målbild"), "{out}");
    assert!(out.contains("15 cards, 6 arrows"), "{out}");
    // A version-1 file is read through the upgrade step.
    let (code, out, _) = malbild(&["check", &path("tests/corpus/v1-minimal.malbild")]);
    assert_eq!(code, 0);
    assert!(out.contains("version 2, upgraded from version 1"), "{out}");
}

#[test]
fn check_explains_a_broken_file_and_exits_2() {
    for (file, want) in [
        (
            "tests/corpus/truncated.malbild",
            "ends too early at line 28",
        ),
        ("tests/corpus/newer-version.malbild", "version 99"),
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
    assert!(err.contains("Filen är tom."), "{err}");
}

#[test]
fn bad_arguments_exit_2_with_usage() {
    let (code, _, err) = malbild(&["--nonsense"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown option `--nonsense`") && err.contains("Usage:"),
        "{err}"
    );
    let (code, _, err) = malbild(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("name the file"), "{err}");
}
