//! Puts the illustration library inside the program: every file the catalogue
//! (`assets/illustrations/catalog.tsv`) names, as bytes beside its id.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The crate's folder, as cargo gives it to this run of the script. (Not `env!`, which is
/// fixed when the script is compiled: a script compiled for a clone elsewhere and reused from
/// a shared target folder would read that clone's assets, or none, and build a program
/// without words or pictures.)
fn crate_dir() -> PathBuf {
    match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(d) => PathBuf::from(d),
        None => panic!("cargo did not say where the crate is (CARGO_MANIFEST_DIR)"),
    }
}

fn main() {
    i18n();
    let dir = crate_dir().join("assets/illustrations");
    let catalogue = dir.join("catalog.tsv");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={}", catalogue.display());
    let text = match std::fs::read_to_string(&catalogue) {
        Ok(t) => t,
        Err(e) => panic!("cannot read {}: {e}", catalogue.display()),
    };
    let mut out = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(id), Some(file)) = (cols.first(), cols.get(3)) else {
            continue;
        };
        let path = dir.join(file);
        if !path.is_file() {
            panic!("the catalogue names {} but it is not there", path.display());
        }
        let _ = writeln!(
            out,
            "    ({id:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let _ = writeln!(out, "pub static CATALOGUE: &str = {text:?};");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("library_files.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}

/// Puts the translation files in: every folder of `assets/i18n` is a language (its code the
/// folder's name), Swedish and English first.
fn i18n() {
    let dir = crate_dir().join("assets/i18n");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut codes: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    codes.sort_by_key(|c| (c != "sv", c != "en", c.clone()));
    if !(codes.iter().any(|c| c == "sv") && codes.iter().any(|c| c == "en")) {
        panic!(
            "{} holds no folders `sv` and `en` of translation files",
            dir.display()
        );
    }
    let mut out = String::from("static BUILT_IN: &[(&str, &[(&str, &str)])] = &[\n");
    for code in codes {
        let folder = dir.join(&code);
        println!("cargo:rerun-if-changed={}", folder.display());
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "ftl"));
        files.sort();
        let _ = writeln!(out, "    ({code:?}, &[");
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "        ({name:?}, include_str!({:?})),",
                f.display().to_string()
            );
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("i18n_files.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
