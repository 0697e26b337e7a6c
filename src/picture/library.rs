//! The illustration library: colour illustrations (Fluent Emoji Flat), line icons
//! (Phosphor) and a few pieces drawn for Målbild, each with Swedish and English keywords
//! and a category. The catalogue is `assets/illustrations/catalog.tsv`; the files are built
//! into the program (see `build.rs`, and `assets/illustrations/README.md` for their origin).

use crate::lang::Lang;
use crate::model::{FileData, FileId, Mime};
use std::sync::OnceLock;

mod files {
    include!(concat!(env!("OUT_DIR"), "/library_files.rs"));
}

/// Where an item comes from, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Set {
    /// Colour illustrations.
    Illustrations,
    /// One-colour line icons, drawn in a colour from the palette.
    Icons,
}

/// The groups of the library, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    People,
    Places,
    Care,
    Transport,
    Digital,
    Nature,
    Symbols,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::People,
        Category::Places,
        Category::Care,
        Category::Transport,
        Category::Digital,
        Category::Nature,
        Category::Symbols,
    ];

    fn parse(s: &str) -> Option<Category> {
        Some(match s {
            "people" => Category::People,
            "places" => Category::Places,
            "care" => Category::Care,
            "transport" => Category::Transport,
            "digital" => Category::Digital,
            "nature" => Category::Nature,
            "symbols" => Category::Symbols,
            _ => return None,
        })
    }
}

/// One picture of the library.
#[derive(Debug)]
pub struct Item {
    /// `fluent:house`, `phosphor:heart`, `malbild:road`.
    pub id: &'static str,
    pub set: Set,
    pub category: Category,
    /// Keywords; the first is its name.
    pub sv: Vec<&'static str>,
    pub en: Vec<&'static str>,
    /// Drawn in one colour of the palette (icons and the drawn pieces).
    pub tint: bool,
    pub svg: &'static [u8],
    file_id: OnceLock<FileId>,
    data: OnceLock<FileData>,
    size: OnceLock<(f32, f32)>,
    /// Keywords of both languages, lowercased and without accents, for searching.
    words: Vec<String>,
}

impl Item {
    /// Its name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        let words = match lang {
            Lang::Sv => &self.sv,
            _ => &self.en,
        };
        words.first().copied().unwrap_or(self.id)
    }

    /// The id of its bytes in a document's files table.
    pub fn file_id(&self) -> &FileId {
        self.file_id.get_or_init(|| FileId::of(self.svg))
    }

    /// Its own size (its SVG's width and height), for its proportions.
    pub fn size(&self) -> (f32, f32) {
        *self.size.get_or_init(|| {
            super::open(self.file_data())
                .map(|s| s.size())
                .unwrap_or((1.0, 1.0))
        })
    }

    pub fn file_data(&self) -> &FileData {
        self.data.get_or_init(|| FileData::new(Mime::Svg, self.svg))
    }
}

/// Every item, in the catalogue's order.
pub fn items() -> &'static [Item] {
    static ITEMS: OnceLock<Vec<Item>> = OnceLock::new();
    ITEMS.get_or_init(|| {
        let files: std::collections::HashMap<&str, &'static [u8]> =
            files::FILES.iter().copied().collect();
        files::CATALOGUE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let id = cols.next()?;
                let set = match cols.next()? {
                    "phosphor" => Set::Icons,
                    _ => Set::Illustrations,
                };
                let category = Category::parse(cols.next()?)?;
                let _file = cols.next()?;
                let list = |s: &'static str| -> Vec<&'static str> {
                    s.split(',')
                        .map(str::trim)
                        .filter(|w| !w.is_empty())
                        .collect()
                };
                let sv = list(cols.next()?);
                let en = list(cols.next()?);
                let tint = cols.next()? == "yes";
                let svg = files.get(id).copied()?;
                let words = sv.iter().chain(&en).map(|w| fold(w)).collect();
                Some(Item {
                    id,
                    set,
                    category,
                    sv,
                    en,
                    tint,
                    svg,
                    file_id: OnceLock::new(),
                    data: OnceLock::new(),
                    size: OnceLock::new(),
                    words,
                })
            })
            .collect()
    })
}

pub fn get(id: &str) -> Option<&'static Item> {
    items().iter().find(|i| i.id == id)
}

/// Lowercase, with å ä ö é … as their plain letters, so "aldre" finds "äldre".
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            'í' | 'ï' => 'i',
            '-' | '_' => ' ',
            c => c,
        })
        .collect()
}

/// How well `item` fits the folded query words (0: not at all). Every word must match the
/// start of a word of some keyword; the name in the user's language fits best.
fn score(item: &Item, query: &[String], lang: Lang) -> u32 {
    let name = fold(item.name(lang));
    let mut total = 0;
    for q in query {
        let mut best = 0;
        for (i, w) in item.words.iter().enumerate() {
            let s = if *w == *q {
                4
            } else if w.split(' ').any(|part| part.starts_with(q.as_str())) {
                3
            } else if q.chars().count() >= 5 && w.contains(q.as_str()) {
                // Inside a word only for longer words: "hem" must not find "schema".
                1
            } else {
                0
            };
            if s == 0 {
                continue;
            }
            // Keywords nearer the front say more.
            let s = s * 10 + u32::from(i < 3) * 2;
            best = best.max(s);
        }
        if best == 0 {
            return 0;
        }
        total += best;
    }
    if name == query.join(" ") {
        total += 100;
    } else if name.starts_with(&query.join(" ")) {
        total += 20;
    }
    // Between equals, a colour illustration before a line icon.
    if item.set == Set::Illustrations {
        total += 5;
    }
    total
}

/// The items whose keywords (in Swedish or English) fit `query`, best first; with an empty
/// query, all of them in the catalogue's order. Only items `keep` says yes to.
pub fn search(query: &str, lang: Lang, keep: impl Fn(&Item) -> bool) -> Vec<&'static Item> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    let candidates = items().iter().filter(|i| keep(i));
    if words.is_empty() {
        return candidates.collect();
    }
    let mut found: Vec<(u32, usize, &'static Item)> = candidates
        .enumerate()
        .filter_map(|(n, i)| Some((score(i, &words, lang), n, i)).filter(|s| s.0 > 0))
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().map(|(_, _, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_is_large_and_every_item_reads_as_a_picture() {
        let items = items();
        let illustrations = items.iter().filter(|i| i.set == Set::Illustrations).count();
        assert!(illustrations >= 150, "{illustrations} illustrations");
        assert!(items.iter().filter(|i| i.set == Set::Icons).count() > 1000);
        for c in Category::ALL {
            assert!(items.iter().any(|i| i.category == c), "{c:?} is empty");
        }
        for i in items.iter().filter(|i| i.set == Set::Illustrations) {
            assert!(!i.sv.is_empty() && !i.en.is_empty(), "{}", i.id);
            let source = super::super::open(i.file_data());
            assert!(source.is_ok(), "{} does not read: {source:?}", i.id);
        }
    }

    #[test]
    fn search_finds_in_swedish_and_english_with_or_without_accents() {
        for (q, lang) in [
            ("hem", Lang::Sv),
            ("home", Lang::En),
            ("sjukhus", Lang::Sv),
            ("hospital", Lang::En),
            ("äldre", Lang::Sv),
            ("aldre", Lang::Sv),
            ("elderly", Lang::En),
            ("ambulans", Lang::Sv),
            ("barn", Lang::Sv),
            ("video", Lang::Sv),
            ("bro", Lang::Sv),
            ("väg", Lang::Sv),
            ("mål", Lang::Sv),
            ("hjärta", Lang::Sv),
        ] {
            let found = search(q, lang, |i| i.set == Set::Illustrations);
            assert!(!found.is_empty(), "nothing for {q}");
        }
        let first = search("sjukhus", Lang::Sv, |_| true);
        assert!(
            first
                .first()
                .is_some_and(|i| i.sv.iter().any(|w| w.contains("sjukhus")))
        );
        assert!(search("qqqzzz", Lang::Sv, |_| true).is_empty());
        // A short word is not looked for inside others ("hem" is not in "schema"), and
        // the colour illustrations come first.
        let home = search("hem", Lang::Sv, |_| true);
        assert!(home.iter().all(|i| {
            i.words
                .iter()
                .any(|w| w.split(' ').any(|p| p.starts_with("hem")))
        }));
        assert_eq!(home.first().map(|i| i.set), Some(Set::Illustrations));
        assert_eq!(search("", Lang::Sv, |_| true).len(), items().len());
    }
}
