//! The languages of the UI (every word is in `i18n`; this is below everything, so that any
//! layer can say which language it means).

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    /// Swedish unless the environment asks for another language.
    pub fn from_env() -> Self {
        let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
            .unwrap_or_default();
        if var.is_empty() || var.starts_with("sv") || var == "C" || var.starts_with("C.") {
            Lang::Sv
        } else {
            Lang::En
        }
    }
}

static CURRENT: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

impl Lang {
    /// The language the program speaks now: the words drawn into the picture (status
    /// badges) in exports follow it. The window sets it when the user switches.
    pub fn current() -> Lang {
        match CURRENT.load(std::sync::atomic::Ordering::Relaxed) {
            1 => Lang::En,
            _ => Lang::Sv,
        }
    }

    pub fn set_current(lang: Lang) {
        let v = match lang {
            Lang::Sv => 0,
            Lang::En => 1,
        };
        CURRENT.store(v, std::sync::atomic::Ordering::Relaxed);
    }
}
