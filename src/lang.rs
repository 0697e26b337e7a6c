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
