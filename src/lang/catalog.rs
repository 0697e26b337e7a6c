//! The loaded languages: a Fluent bundle each, and the texts without values worked out once.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::Memoizable;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{OnceLock, RwLock};
use unic_langid::LanguageIdentifier;

// The files of `assets/i18n`, put in by build.rs: (code, [(file name, text)]), Swedish and
// English first.
include!(concat!(env!("OUT_DIR"), "/i18n_files.rs"));

/// A value in a text: a number (which picks the plural and is written the language's way) or
/// a string.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Num(f64),
    Str(String),
}

macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Num(n as f64)
            }
        }
    )*};
}
num_arg!(u8, u16, u32, u64, usize, i32, i64, f32, f64);

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}

struct Language {
    /// Its code, kept for the life of the program (languages are only ever added).
    code: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// Every message without values, worked out once (so that a menu's words are a lookup).
    words: HashMap<String, &'static str>,
}

struct Catalog {
    langs: Vec<Language>,
    /// How many messages of the files could not be read (a translator's typo), for the test.
    errors: Vec<String>,
}

fn catalog() -> &'static RwLock<Catalog> {
    static CATALOG: OnceLock<RwLock<Catalog>> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut cat = Catalog {
            langs: Vec::new(),
            errors: Vec::new(),
        };
        for (code, files) in BUILT_IN {
            let texts: Vec<(String, String)> = files
                .iter()
                .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                .collect();
            cat.add(code, &texts);
        }
        RwLock::new(cat)
    })
}

/// How numbers are written in a language: decimal mark, group separator, and from how many
/// digits the integer part is grouped.
#[derive(Clone)]
struct NumberStyle {
    decimal: String,
    group: String,
    group_from: usize,
}

fn number_styles() -> &'static RwLock<HashMap<String, NumberStyle>> {
    static STYLES: OnceLock<RwLock<HashMap<String, NumberStyle>>> = OnceLock::new();
    STYLES.get_or_init(|| RwLock::new(HashMap::new()))
}

/// A language's number style, as the bundle's memoizer keeps it.
struct NumberFormat(NumberStyle);

impl Memoizable for NumberFormat {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let styles = number_styles().read().map_err(|_| ())?;
        styles
            .get(&lang.to_string())
            .cloned()
            .map(NumberFormat)
            .ok_or(())
    }
}

impl NumberFormat {
    fn write(&self, digits: &str) -> String {
        let (sign, digits) = match digits.strip_prefix('-') {
            Some(d) => ("-", d),
            None => ("", digits),
        };
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (digits, None),
        };
        let mut out = String::from(sign);
        if int.len() >= self.0.group_from.max(1) && int.bytes().all(|b| b.is_ascii_digit()) {
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    out.push_str(&self.0.group);
                }
                out.push(c);
            }
        } else {
            out.push_str(int);
        }
        if let Some(f) = frac {
            out.push_str(&self.0.decimal);
            out.push_str(f);
        }
        out
    }
}

fn format_number(
    value: &FluentValue,
    intls: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let digits = n.as_string();
    intls
        .with_try_get::<NumberFormat, _, _>((), |f| f.write(&digits))
        .ok()
}

impl Catalog {
    /// Adds (or replaces) the language `code` made of `files` (name, Fluent text).
    fn add(&mut self, code: &str, files: &[(String, String)]) -> usize {
        let langid: LanguageIdentifier = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid.clone()]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format_number));
        let mut keys = Vec::new();
        for (name, text) in files {
            let res = match FluentResource::try_new(text.clone()) {
                Ok(r) => r,
                Err((r, errs)) => {
                    for e in errs {
                        self.errors.push(format!("{code}/{name}: {e:?}"));
                    }
                    r
                }
            };
            keys.extend(message_keys(&res));
            if let Err(errs) = bundle.add_resource(res) {
                for e in errs {
                    self.errors.push(format!("{code}/{name}: {e}"));
                }
            }
        }
        let mut words = HashMap::new();
        for key in keys {
            if let Some(w) = format(&bundle, &key, None, &mut self.errors, code) {
                words.insert(key, &*Box::leak(w.into_boxed_str()));
            }
        }
        let mut style = NumberStyle {
            decimal: ".".to_owned(),
            group: ",".to_owned(),
            group_from: 4,
        };
        if let Some(d) = words.get("number-decimal") {
            style.decimal = (*d).to_owned();
        }
        if let Some(g) = words.get("number-group") {
            style.group = (*g).to_owned();
        }
        if let Some(n) = words.get("number-group-from").and_then(|n| n.parse().ok()) {
            style.group_from = n;
        }
        if let Ok(mut styles) = number_styles().write() {
            styles.insert(langid.to_string(), style);
        }
        match self.langs.iter().position(|l| l.code == code) {
            Some(i) => {
                let lang = Language {
                    code: self.langs[i].code,
                    bundle,
                    words,
                };
                self.langs[i] = lang;
                i
            }
            None => {
                self.langs.push(Language {
                    code: Box::leak(code.to_owned().into_boxed_str()),
                    bundle,
                    words,
                });
                self.langs.len() - 1
            }
        }
    }
}

/// The ids of the messages (not terms, not attributes) with a value in a Fluent resource.
fn message_keys(res: &FluentResource) -> Vec<String> {
    res.entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) if m.value.is_some() => {
                Some(m.id.name.to_owned())
            }
            _ => None,
        })
        .collect()
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: Option<&FluentArgs>,
    errors: &mut Vec<String>,
    code: &str,
) -> Option<String> {
    let msg = bundle.get_message(key)?;
    let pattern = msg.value()?;
    let mut errs = Vec::new();
    let s = bundle.format_pattern(pattern, args, &mut errs).into_owned();
    // A text that needs values is worked out when it is used; only report what is wrong when
    // values were given.
    if args.is_some() {
        for e in errs {
            errors.push(format!("{code}: {key}: {e}"));
        }
    } else if !errs.is_empty() {
        return None;
    }
    Some(s)
}

pub(super) fn count() -> usize {
    catalog().read().map(|c| c.langs.len()).unwrap_or(2)
}

pub(super) fn code(i: usize) -> &'static str {
    catalog()
        .read()
        .ok()
        .and_then(|c| c.langs.get(i).map(|l| l.code))
        .unwrap_or("en")
}

const ENGLISH: usize = 1;

pub(super) fn word(i: usize, key: &'static str) -> &'static str {
    let Ok(cat) = catalog().read() else {
        return key;
    };
    for l in [i, ENGLISH] {
        if let Some(w) = cat.langs.get(l).and_then(|l| l.words.get(key)) {
            return w;
        }
    }
    // A key no language has: shown as itself, so that it is noticed.
    key
}

pub(super) fn fmt(i: usize, key: &str, args: &[(&str, Arg)]) -> String {
    let mut fa = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => fa.set(*name, FluentValue::from(*n)),
            Arg::Str(s) => fa.set(*name, FluentValue::from(s.clone())),
        }
    }
    let Ok(cat) = catalog().read() else {
        return key.to_owned();
    };
    let mut errors = Vec::new();
    for l in [i, ENGLISH] {
        if let Some(lang) = cat.langs.get(l)
            && let Some(s) = format(&lang.bundle, key, Some(&fa), &mut errors, lang.code)
        {
            return s;
        }
    }
    key.to_owned()
}

/// Reads every folder `CODE` of `dir` that holds `.ftl` files as a language (one already
/// loaded with that code is replaced). Gives the languages read.
pub fn add_folder(dir: &Path) -> Vec<super::Lang> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut folders: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    folders.sort();
    for folder in folders.into_iter().take(64) {
        let Some(code) = folder
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_owned)
        else {
            continue;
        };
        if code.parse::<LanguageIdentifier>().is_err() || !folder.is_dir() {
            continue;
        }
        let mut files = Vec::new();
        let Ok(list) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut paths: Vec<_> = list.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths.into_iter().take(64) {
            if p.extension().and_then(|e| e.to_str()) != Some("ftl") {
                continue;
            }
            // A translation file is small; a larger one is not read whole.
            let Ok(meta) = std::fs::metadata(&p) else {
                continue;
            };
            if !meta.is_file() || meta.len() > 1 << 20 {
                continue;
            }
            if let Ok(text) = std::fs::read_to_string(&p) {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                files.push((name, text));
            }
        }
        if !files.is_empty() {
            found.push(add_language(&code, &files));
        }
    }
    found
}

/// Adds (or replaces) the language `code` made of Fluent `files` (name, text).
pub fn add_language(code: &str, files: &[(String, String)]) -> super::Lang {
    match catalog().write() {
        Ok(mut cat) => {
            let i = cat.add(code, files);
            super::Lang(i.min(u8::MAX as usize) as u8)
        }
        Err(_) => super::Lang::En,
    }
}

/// The problems found in the translation files so far (for the test that they are clean).
pub fn load_error_count() -> Vec<String> {
    catalog()
        .read()
        .map(|c| c.errors.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::Lang;

    #[test]
    fn numbers_are_written_the_language_s_way() {
        assert_eq!(
            crate::tr!(Lang::Sv, "test-number", n = 12345.5),
            "12\u{a0}345,5"
        );
        assert_eq!(crate::tr!(Lang::En, "test-number", n = 12345.5), "12,345.5");
        assert_eq!(crate::tr!(Lang::Sv, "test-number", n = 1234), "1234");
        assert_eq!(crate::tr!(Lang::En, "test-number", n = 1234), "1,234");
    }

    #[test]
    fn a_missing_word_comes_from_english_and_an_unknown_key_shows_itself() {
        let l = super::add_language(
            "qaa",
            &[("a.ftl".into(), "language-name = Partial\n".into())],
        );
        assert_eq!(l.native_name(), "Partial");
        assert_eq!(l.word("undo"), Lang::En.word("undo"));
        assert_eq!(Lang::Sv.word("no-such-key"), "no-such-key");
    }
}
