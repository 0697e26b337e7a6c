//! The languages of the UI and every word in them, read from Fluent files
//! (`assets/i18n/CODE/*.ftl`, built into the program; more languages from a folder at run
//! time, see [`add_folder`]). This is below everything, so that any layer — the picture's
//! badges as well as the window's menus — takes its words from the same files.
//!
//! A word missing in a language is taken from English (and a key missing everywhere shows as
//! itself, so it is seen and not hidden). Numbers are written as the language writes them
//! (`number-decimal`, `number-group` and `number-group-from` in its files), plurals follow
//! the language's rules (`{ $n -> [one] … *[other] … }`).

mod catalog;

pub use catalog::{Arg, add_folder, add_language, load_error_count};

use std::sync::atomic::{AtomicU8, Ordering};

/// A language of the UI: an index into the languages loaded (Swedish and English are always
/// the first two).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(u8);

#[allow(non_upper_case_globals)]
impl Lang {
    pub const Sv: Lang = Lang(0);
    pub const En: Lang = Lang(1);
}

impl Lang {
    /// Every language there are words for, Swedish and English first.
    pub fn all() -> Vec<Lang> {
        (0..catalog::count()).map(|i| Lang(i as u8)).collect()
    }

    /// The language's code, as its folder is named ("sv", "en").
    pub fn code(self) -> &'static str {
        catalog::code(self.0 as usize)
    }

    /// The language's name in itself ("Svenska", "English"), for the menu.
    pub fn native_name(self) -> &'static str {
        self.word("language-name")
    }

    /// The language of a code ("sv", "sv-SE", "en_GB"), if there are words for it.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.replace('_', "-");
        let all = Lang::all();
        all.iter()
            .find(|l| l.code().eq_ignore_ascii_case(&code))
            .or_else(|| {
                let main = code.split('-').next().unwrap_or("");
                all.iter().find(|l| l.code().eq_ignore_ascii_case(main))
            })
            .copied()
    }

    /// The language of a locale such as `sv_SE.UTF-8`: Swedish where it is Swedish, another
    /// language there are words for where it is that one, English otherwise.
    pub fn from_locale(locale: &str) -> Lang {
        let code = locale.split(['.', '@']).next().unwrap_or("");
        if code.is_empty() || code == "C" || code == "POSIX" {
            return Lang::En;
        }
        Lang::from_code(code).unwrap_or(Lang::En)
    }

    /// The language the system asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders
    /// them; `LANGUAGE`'s first choice before them where it is set).
    pub fn from_env() -> Self {
        let first = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        if let Some(l) =
            first("LANGUAGE").and_then(|list| list.split(':').find_map(Lang::from_code))
        {
            return l;
        }
        let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| first(k))
            .unwrap_or_default();
        Lang::from_locale(&var)
    }

    /// A text with no values in it ("Ångra"), from the language's files.
    pub fn word(self, key: &'static str) -> &'static str {
        catalog::word(self.0 as usize, key)
    }

    /// A text with values in it ("3 kort markerade"): `args` name the values the text uses.
    pub fn fmt(self, key: &str, args: &[(&str, Arg)]) -> String {
        catalog::fmt(self.0 as usize, key, args)
    }
}

/// `tr!(lang, "key")` or `tr!(lang, "key", name = value, n = count)`: a text of `lang`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal) => { $lang.word($key) };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $lang.fmt($key, &[$((stringify!($name), $crate::lang::Arg::from($value))),+])
    };
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

impl Lang {
    /// The language the program speaks now: the words drawn into the picture (status
    /// badges) in exports follow it. The window sets it when the user switches.
    pub fn current() -> Lang {
        Lang(CURRENT.load(Ordering::Relaxed))
    }

    pub fn set_current(lang: Lang) {
        CURRENT.store(lang.0, Ordering::Relaxed);
    }
}
