//! Templates: canvases to start from. The built-in ones are ordinary canvas files in
//! `assets/templates/{sv,en}/`, built into the program; the user's own ("Save as template")
//! are canvas files in the user's data folder. Reading them goes through the same checks as
//! opening any file.

use crate::io;
use crate::lang::Lang;
use crate::model::Document;
use std::path::{Path, PathBuf};

/// A canvas to start from.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    /// Its name in the list.
    pub name: String,
    pub doc: Document,
    /// Where the user's own template is saved (`None`: built in).
    pub path: Option<PathBuf>,
}

/// Most of the user's own templates listed.
pub const MAX_OWN: usize = 200;
/// Longest template name.
pub const MAX_NAME_CHARS: usize = 80;

struct Builtin {
    sv_name: &'static str,
    en_name: &'static str,
    sv: &'static [u8],
    en: &'static [u8],
}

macro_rules! builtin {
    ($key:literal, $sv_name:literal, $en_name:literal) => {
        Builtin {
            sv_name: $sv_name,
            en_name: $en_name,
            sv: include_bytes!(concat!("../assets/templates/sv/", $key, ".malbild")),
            en: include_bytes!(concat!("../assets/templates/en/", $key, ".malbild")),
        }
    };
}

const BUILTIN: [Builtin; 5] = [
    builtin!("blank", "Tom målbild", "Blank målbild"),
    builtin!(
        "matrix",
        "Tre faser × fyra teman",
        "Three phases × four themes"
    ),
    builtin!("shifts", "Fyra förflyttningar", "Four shifts"),
    builtin!("roadmap", "Färdplan", "Roadmap"),
    builtin!(
        "workshop",
        "Workshop med parkering",
        "Workshop with a parking lot"
    ),
];

/// The built-in templates in `lang`, the blank canvas first.
pub fn builtin(lang: Lang) -> Vec<Template> {
    BUILTIN
        .iter()
        .filter_map(|b| {
            let (name, bytes) = match lang {
                Lang::Sv => (b.sv_name, b.sv),
                _ => (b.en_name, b.en),
            };
            // Checked by the tests: a built-in template always reads.
            let doc = io::from_bytes(bytes).ok()?.document;
            Some(Template {
                name: name.to_owned(),
                doc,
                path: None,
            })
        })
        .collect()
}

/// The folder of the user's own templates: `templates` in the program's data folder
/// ([`crate::recovery::data_dir`]).
pub fn own_dir() -> Option<PathBuf> {
    crate::recovery::data_dir().map(|d| d.join("templates"))
}

/// The user's own templates in `dir`, by name; files that do not open are left out (at
/// most [`MAX_OWN`] are looked at).
pub fn own(dir: &Path) -> Vec<Template> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<Template> = entries
        .flatten()
        .take(MAX_OWN * 4)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == io::EXTENSION))
        .take(MAX_OWN)
        .filter_map(|path| {
            let doc = io::load(&path).ok()?.document;
            let name = path.file_stem()?.to_string_lossy().into_owned();
            Some(Template {
                name,
                doc,
                path: Some(path),
            })
        })
        .collect();
    out.sort_by_key(|t| t.name.to_lowercase());
    out
}

/// A template name made safe as a file name: no separators, control characters or dots at
/// the start, not too long, not empty; `None` when nothing is left.
pub fn file_name(name: &str) -> Option<String> {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .take(MAX_NAME_CHARS)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_owned();
    // Names Windows keeps for devices.
    let upper = cleaned.to_uppercase();
    let reserved = ["CON", "PRN", "AUX", "NUL"].contains(&upper.as_str())
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.chars().last().is_some_and(|c| c.is_ascii_digit()));
    (!cleaned.is_empty() && !reserved).then(|| format!("{cleaned}.{}", io::EXTENSION))
}

/// Saves `doc` as the user's template `name` in `dir` (made if missing), replacing one of
/// the same name. Returns where.
pub fn save_own(dir: &Path, name: &str, doc: &Document) -> std::io::Result<PathBuf> {
    let file =
        file_name(name).ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    std::fs::create_dir_all(dir)?;
    let path = dir.join(file);
    let mut doc = doc.clone();
    // A template starts a new canvas: no export settings of the old one.
    doc.export = None;
    io::save(&path, &doc)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_reads_in_both_languages() {
        for lang in [Lang::Sv, Lang::En] {
            let all = builtin(lang);
            assert_eq!(all.len(), BUILTIN.len());
            assert!(all.iter().all(|t| t.doc.validate().is_ok()));
        }
        assert_eq!(
            builtin(Lang::En)[0].doc.phases.nulage.title,
            "Current state"
        );
    }

    #[test]
    fn names_become_safe_file_names() {
        assert_eq!(file_name("Vår mall").as_deref(), Some("Vår mall.malbild"));
        assert_eq!(
            file_name("../../etc/passwd").as_deref(),
            Some("-..-etc-passwd.malbild")
        );
        assert_eq!(
            file_name("a\u{1b}[31mb").as_deref(),
            Some("a [31mb.malbild")
        );
        assert_eq!(file_name("   "), None);
        assert_eq!(file_name("..."), None);
        assert_eq!(file_name("con"), None);
        assert_eq!(file_name("COM1"), None);
        assert!(file_name(&"å".repeat(500)).is_some_and(|n| n.chars().count() == 80 + 8));
    }

    #[test]
    fn own_templates_are_saved_and_listed_and_broken_files_left_out() {
        let dir = std::env::temp_dir().join(format!("malbild-templates-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut doc = Document::new();
        doc.title = "Vår workshop".into();
        let saved = save_own(&dir, "Vår mall", &doc);
        assert!(saved.is_ok(), "{saved:?}");
        assert!(std::fs::write(dir.join("trasig.malbild"), b"{not json").is_ok());
        assert!(std::fs::write(dir.join("annat.txt"), b"x").is_ok());
        let list = own(&dir);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].name, "Vår mall");
        assert_eq!(list[0].doc.title, "Vår workshop");
        assert!(save_own(&dir, "///", &doc).is_ok(), "made safe: ---");
        assert!(save_own(&dir, "  ", &doc).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
