//! Colours of the document: an sRGB colour saved as `#rrggbb` (or `#rrggbbaa`), and the card
//! palette, whose entries are saved by name so that a file says what the user chose.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    /// Parses `#rgb`, `#rrggbb` or `#rrggbbaa`.
    pub fn parse_hex(s: &str) -> Option<Self> {
        let hex = s.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        match hex.len() {
            3 => {
                let nib = |i: usize| u8::from_str_radix(hex.get(i..=i)?, 16).ok().map(|v| v * 17);
                Some(Self::rgb(nib(0)?, nib(1)?, nib(2)?))
            }
            6 => Some(Self::rgb(byte(0)?, byte(2)?, byte(4)?)),
            8 => Some(Self {
                r: byte(0)?,
                g: byte(2)?,
                b: byte(4)?,
                a: byte(6)?,
            }),
            _ => None,
        }
    }

    /// Relative luminance as WCAG 2 defines it (0 = black, 1 = white).
    pub fn luminance(&self) -> f32 {
        fn lin(c: u8) -> f32 {
            let c = c as f32 / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// WCAG 2 contrast ratio between two opaque colours (1–21).
    pub fn contrast(&self, other: &Rgba) -> f32 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Mixes towards `other` by `t` (0 = self, 1 = other), in sRGB space.
    pub fn mix(&self, other: Rgba, t: f32) -> Rgba {
        let m = |a: u8, b: u8| {
            (a as f32 + (b as f32 - a as f32) * t)
                .round()
                .clamp(0.0, 255.0) as u8
        };
        Rgba {
            r: m(self.r, other.r),
            g: m(self.g, other.g),
            b: m(self.b, other.b),
            a: m(self.a, other.a),
        }
    }
}

impl fmt::Display for Rgba {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.a == 255 {
            write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
        } else {
            write!(
                f,
                "#{:02x}{:02x}{:02x}{:02x}",
                self.r, self.g, self.b, self.a
            )
        }
    }
}

impl Serialize for Rgba {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rgba {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Rgba::parse_hex(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{}` is not a colour; expected a hex colour such as \"#e8f1fb\"",
                super::quote(&s)
            ))
        })
    }
}

/// The colours a card can have. Saved by name; each has a text colour with a contrast of at
/// least 4.5:1 (WCAG AA) against its background.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CardColor {
    #[default]
    #[serde(rename = "yellow")]
    Yellow,
    #[serde(rename = "orange")]
    Orange,
    #[serde(rename = "pink")]
    Pink,
    #[serde(rename = "red")]
    Red,
    #[serde(rename = "purple")]
    Purple,
    #[serde(rename = "blue")]
    Blue,
    #[serde(rename = "teal")]
    Teal,
    #[serde(rename = "green")]
    Green,
    #[serde(rename = "grey")]
    Grey,
    #[serde(rename = "white")]
    White,
    #[serde(rename = "navy")]
    Navy,
}

/// The tints a phase's background is offered in (the first three are the phases' own).
pub const PHASE_TINTS: [Rgba; 8] = [
    Rgba::rgb(0xec, 0xef, 0xf4),
    Rgba::rgb(0xfb, 0xf1, 0xe0),
    Rgba::rgb(0xe4, 0xf3, 0xe8),
    Rgba::rgb(0xe6, 0xf0, 0xfb),
    Rgba::rgb(0xf6, 0xe8, 0xf3),
    Rgba::rgb(0xfd, 0xea, 0xe6),
    Rgba::rgb(0xe3, 0xf4, 0xf4),
    Rgba::rgb(0xff, 0xff, 0xff),
];

/// Dark text used on the light card colours.
pub const INK: Rgba = Rgba::rgb(0x1f, 0x23, 0x28);

impl CardColor {
    pub const ALL: [CardColor; 11] = [
        CardColor::Yellow,
        CardColor::Orange,
        CardColor::Pink,
        CardColor::Red,
        CardColor::Purple,
        CardColor::Blue,
        CardColor::Teal,
        CardColor::Green,
        CardColor::Grey,
        CardColor::White,
        CardColor::Navy,
    ];

    /// The name used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            CardColor::Yellow => "yellow",
            CardColor::Orange => "orange",
            CardColor::Pink => "pink",
            CardColor::Red => "red",
            CardColor::Purple => "purple",
            CardColor::Blue => "blue",
            CardColor::Teal => "teal",
            CardColor::Green => "green",
            CardColor::Grey => "grey",
            CardColor::White => "white",
            CardColor::Navy => "navy",
        }
    }

    /// The background of the card.
    pub fn fill(self) -> Rgba {
        match self {
            CardColor::Yellow => Rgba::rgb(0xff, 0xf0, 0x9e),
            CardColor::Orange => Rgba::rgb(0xff, 0xd6, 0xa5),
            CardColor::Pink => Rgba::rgb(0xff, 0xcf, 0xe3),
            CardColor::Red => Rgba::rgb(0xff, 0xb8, 0xb0),
            CardColor::Purple => Rgba::rgb(0xe2, 0xd4, 0xff),
            CardColor::Blue => Rgba::rgb(0xc6, 0xe0, 0xff),
            CardColor::Teal => Rgba::rgb(0xb5, 0xec, 0xe4),
            CardColor::Green => Rgba::rgb(0xcd, 0xf2, 0xc2),
            CardColor::Grey => Rgba::rgb(0xe5, 0xe8, 0xec),
            CardColor::White => Rgba::rgb(0xff, 0xff, 0xff),
            CardColor::Navy => Rgba::rgb(0x1f, 0x3a, 0x5f),
        }
    }

    /// The text on the card.
    pub fn text(self) -> Rgba {
        match self {
            CardColor::Navy => Rgba::rgb(0xff, 0xff, 0xff),
            _ => INK,
        }
    }

    /// The colour of a highlighter: a bright, light shade of the hue (drawn see-through).
    pub fn highlight(self) -> Rgba {
        match self {
            CardColor::Yellow => Rgba::rgb(0xff, 0xe6, 0x00),
            CardColor::Orange => Rgba::rgb(0xff, 0xa9, 0x4d),
            CardColor::Pink => Rgba::rgb(0xff, 0x8c, 0xc6),
            CardColor::Red => Rgba::rgb(0xff, 0x6b, 0x6b),
            CardColor::Purple => Rgba::rgb(0xb1, 0x97, 0xfc),
            CardColor::Blue => Rgba::rgb(0x74, 0xc0, 0xfc),
            CardColor::Teal => Rgba::rgb(0x63, 0xe6, 0xbe),
            CardColor::Green => Rgba::rgb(0x8c, 0xe9, 0x9a),
            CardColor::Grey => Rgba::rgb(0xad, 0xb5, 0xbd),
            CardColor::White => Rgba::rgb(0xff, 0xff, 0xff),
            CardColor::Navy => Rgba::rgb(0x4d, 0x7c, 0xc4),
        }
    }

    /// The colour as a line (arrows): a strong shade of the same hue, visible on the light
    /// phase tints.
    pub fn line(self) -> Rgba {
        match self {
            CardColor::Yellow => Rgba::rgb(0xa6, 0x7c, 0x00),
            CardColor::Orange => Rgba::rgb(0xe0, 0x70, 0x00),
            CardColor::Pink => Rgba::rgb(0xd6, 0x33, 0x6c),
            CardColor::Red => Rgba::rgb(0xd9, 0x2b, 0x2b),
            CardColor::Purple => Rgba::rgb(0x6f, 0x42, 0xc1),
            CardColor::Blue => Rgba::rgb(0x1c, 0x6e, 0xd6),
            CardColor::Teal => Rgba::rgb(0x0b, 0x83, 0x8f),
            CardColor::Green => Rgba::rgb(0x2b, 0x8a, 0x3e),
            CardColor::Grey => Rgba::rgb(0x6b, 0x72, 0x80),
            CardColor::White => Rgba::rgb(0xff, 0xff, 0xff),
            CardColor::Navy => Rgba::rgb(0x1f, 0x3a, 0x5f),
        }
    }

    /// A thin outline in a deep shade of the card's hue, with a contrast of at least 3 : 1
    /// (WCAG's for the edges of shapes) against every phase tint offered, so that a green card
    /// on the green Målbild phase still has a visible edge.
    pub fn outline(self) -> Rgba {
        // Worked out once for all colours: it is asked for every card drawn.
        static OUTLINES: std::sync::OnceLock<[Rgba; 11]> = std::sync::OnceLock::new();
        let all = OUTLINES.get_or_init(|| CardColor::ALL.map(CardColor::outline_of));
        CardColor::ALL
            .iter()
            .position(|c| *c == self)
            .and_then(|i| all.get(i).copied())
            .unwrap_or_else(|| self.outline_of())
    }

    fn outline_of(self) -> Rgba {
        let start = match self {
            CardColor::White | CardColor::Grey => Rgba::rgb(0x76, 0x7d, 0x88),
            CardColor::Navy => return Rgba::rgb(0x14, 0x28, 0x44),
            c => c.line(),
        };
        let mut outline = start;
        for step in 1..=20 {
            if PHASE_TINTS.iter().all(|t| outline.contrast(t) >= 3.0) {
                break;
            }
            outline = start.mix(INK, step as f32 * 0.05);
        }
        outline
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        for s in ["#000000", "#e8f1fb", "#ffffff80"] {
            assert_eq!(
                Rgba::parse_hex(s).map(|c| c.to_string()).as_deref(),
                Some(s)
            );
        }
        assert_eq!(Rgba::parse_hex("#abc"), Some(Rgba::rgb(0xaa, 0xbb, 0xcc)));
        for bad in ["", "#", "e8f1fb", "#e8f1f", "#gggggg", "#ååå", "#e8f1fb0"] {
            assert_eq!(Rgba::parse_hex(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_of_black_on_white_is_21() {
        let c = Rgba::rgb(0, 0, 0).contrast(&Rgba::rgb(255, 255, 255));
        assert!((c - 21.0).abs() < 0.01, "{c}");
    }

    #[test]
    fn every_card_colour_is_readable() {
        assert!(CardColor::ALL.len() >= 8);
        for c in CardColor::ALL {
            let ratio = c.text().contrast(&c.fill());
            assert!(ratio >= 4.5, "{c:?}: contrast {ratio:.2} < 4.5");
        }
    }

    #[test]
    fn line_colours_stand_out_on_a_light_phase() {
        let tint = Rgba::rgb(0xec, 0xef, 0xf4);
        for c in CardColor::ALL {
            if c != CardColor::White {
                let ratio = c.line().contrast(&tint);
                assert!(ratio >= 2.5, "{c:?}: {ratio:.2}");
            }
        }
    }

    #[test]
    fn card_edges_show_on_every_phase_tint() {
        for c in CardColor::ALL {
            for t in PHASE_TINTS {
                let ratio = c.outline().contrast(&t);
                assert!(ratio >= 3.0, "{c:?} on {t}: {ratio:.2}");
            }
        }
    }

    #[test]
    fn keys_match_serde_names() {
        for c in CardColor::ALL {
            let json = serde_json::to_string(&c).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", c.key()));
        }
    }
}
