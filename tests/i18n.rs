//! The translation files: every key in every language and used, plurals, numbers, a third
//! language added as a folder, and no UI words written in the window's code.

use malbild::i18n::{self, Lang, Msg};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The messages of one language's folder: key → the variables it uses.
fn messages(code: &str) -> BTreeMap<String, BTreeSet<String>> {
    use fluent_syntax::ast;
    let dir = root().join("assets/i18n").join(code);
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{dir:?} has no .ftl files");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let res = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errs)| panic!("{f:?}: {errs:?}"));
        for e in res.body {
            if let ast::Entry::Message(m) = e {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                let key = m.id.name.to_owned();
                assert!(
                    out.insert(key.clone(), vars).is_none(),
                    "{code}: {key} is there twice"
                );
            }
        }
    }
    out
}

fn pattern_vars(p: &fluent_syntax::ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_owned());
            }
            InlineExpression::Placeable { expression } => expr(expression, vars),
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, vars),
            Expression::Select { selector, variants } => {
                inline(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
        }
    }
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, vars);
        }
    }
}

#[test]
fn every_key_is_in_every_language_with_the_same_values() {
    let sv = messages("sv");
    let en = messages("en");
    let sv_keys: BTreeSet<_> = sv.keys().collect();
    let en_keys: BTreeSet<_> = en.keys().collect();
    assert_eq!(
        sv_keys.difference(&en_keys).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in Swedish only"
    );
    assert_eq!(
        en_keys.difference(&sv_keys).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in English only"
    );
    // A language may leave a value out (Swedish does not repeat the JSON reader's English
    // words), never ask for one the program does not give (English uses them all).
    for (key, vars) in &sv {
        let extra: Vec<_> = vars.difference(&en[key]).collect();
        assert!(
            extra.is_empty(),
            "sv {key} uses {extra:?}, which English does not"
        );
    }
    assert!(
        malbild::lang::load_error_count().is_empty(),
        "{:?}",
        malbild::lang::load_error_count()
    );
    for m in Msg::ALL {
        assert!(sv.contains_key(m.key()), "{m:?}: {} missing", m.key());
    }
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The string literals of Rust source, without its comments, up to its first `#[cfg(test)]`
/// (the tests at the end of a file).
fn literals(src: &str) -> Vec<String> {
    let src = src.split("\n#[cfg(test)]").next().unwrap_or(src);
    let b: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == '\'' {
            // A char literal ('"', '\'', 'x') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == 'r'
            && (next == Some('#') || next == Some('"'))
            && !is_ident(b.get(i.wrapping_sub(1)))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                i += 1;
                continue;
            }
            j += 1;
            let start = j;
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let close: Vec<char> = close.chars().collect();
            while j < b.len() && b[j..].iter().take(close.len()).ne(close.iter()) {
                j += 1;
            }
            out.push(b[start..j.min(b.len())].iter().collect());
            i = j + close.len();
        } else if c == '"' {
            let mut j = i + 1;
            let mut s = String::new();
            while j < b.len() && b[j] != '"' {
                if b[j] == '\\' {
                    j += 1;
                }
                if let Some(&ch) = b.get(j) {
                    s.push(ch);
                }
                j += 1;
            }
            out.push(s);
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Whether a literal of the window's code reads as words for the user (rather than an id, a
/// key, a file extension, a format of values or a key's name).
fn is_ui_words(lit: &str) -> bool {
    // Placeholders of format strings are not words.
    let mut text = String::new();
    let mut depth = 0;
    for c in lit.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    if !text.chars().any(char::is_alphabetic) {
        return false;
    }
    // An id, a key of the translation files, an extension, a MIME type: lower case, no spaces.
    if text
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.:/#+*[]".contains(c))
    {
        return false;
    }
    // An environment variable.
    if text.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
        return false;
    }
    // The names of keys, which egui writes the same in every language.
    const KEYS: &[&str] = &["Ctrl+", "Shift+", "Alt+", "Cmd+", "Plus", "Minus", "Delete"];
    !KEYS.contains(&text.as_str())
}

#[test]
fn the_window_s_code_writes_no_words_of_its_own() {
    let mut files = Vec::new();
    sources(&root().join("src/ui"), &mut files);
    files.sort();
    let mut found = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        for lit in literals(&src) {
            if is_ui_words(&lit) {
                found.push(format!(
                    "{}: {lit:?}",
                    f.strip_prefix(root()).unwrap().display()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words for the user belong in assets/i18n/*/*.ftl:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_words_and_leaves_ids() {
    let lits = literals(
        "fn a() { let x = \"Spara som…\"; // \"not this\"\n let y = \"card-editor\"; let c = '\"'; let r = r#\"Hej \"där\"\"#; }\n#[cfg(test)]\nmod tests { \"Test words\" }",
    );
    assert_eq!(lits, ["Spara som…", "card-editor", "Hej \"där\""]);
    assert!(is_ui_words("Spara som…"));
    assert!(is_ui_words("{n} min"));
    assert!(!is_ui_words("card-editor"));
    assert!(!is_ui_words("{name}.{}"));
    assert!(!is_ui_words("Ctrl+"));
}

#[test]
fn plurals_numbers_and_dates_follow_the_language() {
    assert_eq!(i18n::cards(1, Lang::Sv), "1 kort");
    assert_eq!(i18n::cards(2, Lang::Sv), "2 kort");
    assert_eq!(i18n::cards(1, Lang::En), "1 card");
    assert_eq!(i18n::cards(2, Lang::En), "2 cards");
    assert_eq!(i18n::arrows(1, Lang::Sv), "1 pil");
    assert_eq!(i18n::arrows(3, Lang::Sv), "3 pilar");
    assert_eq!(i18n::cards_selected(1, Lang::Sv), "1 kort markerat");
    assert_eq!(i18n::cards_selected(12, Lang::Sv), "12 kort markerade");
    assert_eq!(i18n::cards(12_000, Lang::Sv), "12\u{a0}000 kort");
    assert_eq!(i18n::cards(12_000, Lang::En), "12,000 cards");
    assert_eq!(i18n::cards(1_000, Lang::Sv), "1000 kort");
    assert_eq!(i18n::ago(60, Lang::Sv), "för 1 minut sedan");
    assert_eq!(i18n::ago(7200, Lang::Sv), "för 2 timmar sedan");
    assert_eq!(i18n::ago(7200, Lang::En), "2 hours ago");
    assert_eq!(i18n::date_in_words(20_792, Lang::Sv), "5 december 2026");
    assert_eq!(i18n::date_in_words(20_792, Lang::En), "5 December 2026");
    // Years and pixel sizes are not grouped.
    assert_eq!(i18n::pixels(3840, 2160, Lang::En), "3840 × 2160 pixels");
}

#[test]
fn the_language_follows_the_system_locale() {
    assert_eq!(Lang::from_locale("sv_SE.UTF-8"), Lang::Sv);
    assert_eq!(Lang::from_locale("sv_FI"), Lang::Sv);
    assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
    assert_eq!(Lang::from_locale("de_DE.UTF-8"), Lang::En);
    assert_eq!(Lang::from_locale("C.UTF-8"), Lang::En);
    assert_eq!(Lang::from_locale(""), Lang::En);
    assert_eq!(Lang::Sv.native_name(), "Svenska");
    assert_eq!(Lang::En.native_name(), "English");
}

#[test]
fn every_key_is_used() {
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    // The templates are built from their words by this test file.
    files.push(root().join("tests/templates.rs"));
    let code: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let unused: Vec<_> = messages("en")
        .into_keys()
        .filter(|k| !code.contains(&format!("\"{k}\"")))
        .collect();
    assert!(unused.is_empty(), "keys nothing uses: {unused:?}");
}

#[test]
fn a_third_language_is_a_folder_of_ftl_files() {
    let added = malbild::lang::add_folder(&root().join("tests/i18n"));
    assert_eq!(added.len(), 1);
    let xa = Lang::from_code("en-XA").unwrap();
    assert_eq!(added[0], xa);
    assert!(Lang::all().contains(&xa));
    assert_eq!(xa.code(), "en-XA");
    assert_eq!(xa.native_name(), "Ëñğłîšħ (ţéšţ)");
    assert_eq!(Msg::Undo.text(xa), "[Ûñðö]");
    // What it does not have comes from English.
    assert_eq!(Msg::Redo.text(xa), Msg::Redo.text(Lang::En));
    // Its own plurals and numbers.
    assert_eq!(i18n::cards(1, xa), "[1 çåŕð]");
    assert_eq!(i18n::cards(1234, xa), "[1'234 çåŕðš]");
    // The system's locale picks it.
    assert_eq!(Lang::from_locale("en_XA.UTF-8"), xa);
    assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
}
