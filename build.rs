//! Puts the illustration library inside the program: every file the catalogue
//! (`assets/illustrations/catalog.tsv`) names, as bytes beside its id.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/illustrations");
    let catalogue = dir.join("catalog.tsv");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={}", catalogue.display());
    let text = std::fs::read_to_string(&catalogue).unwrap_or_default();
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
