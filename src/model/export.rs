//! Export settings, kept in the document so that a canvas exports the same way next time.

use super::PhaseId;
use serde::{Deserialize, Serialize};

/// What part of the canvas to export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Scope {
    /// Everything: the board and all elements.
    #[default]
    #[serde(rename = "all")]
    All,
    /// One phase's column.
    #[serde(rename = "phase")]
    Phase {
        #[serde(rename = "phase")]
        phase: PhaseId,
    },
    /// The elements selected when exporting.
    #[serde(rename = "selection")]
    Selection,
}

/// ISO 216 paper sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Paper {
    #[serde(rename = "A4")]
    A4,
    #[serde(rename = "A3")]
    A3,
    #[serde(rename = "A2")]
    A2,
    #[serde(rename = "A1")]
    A1,
    #[serde(rename = "A0")]
    A0,
}

impl Paper {
    pub const ALL: [Paper; 5] = [Paper::A4, Paper::A3, Paper::A2, Paper::A1, Paper::A0];

    /// Width and height in millimetres, portrait.
    pub fn millimetres(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
            Paper::A2 => (420.0, 594.0),
            Paper::A1 => (594.0, 841.0),
            Paper::A0 => (841.0, 1189.0),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::A2 => "A2",
            Paper::A1 => "A1",
            Paper::A0 => "A0",
        }
    }

    pub fn from_name(s: &str) -> Option<Self> {
        Paper::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(s.trim()))
    }

    /// The page in pixels at `dpi`, `landscape` or portrait.
    pub fn pixels(self, dpi: u32, landscape: bool) -> (u32, u32) {
        let (w, h) = self.millimetres();
        let px = |mm: f32| (mm / 25.4 * dpi as f32).round() as u32;
        if landscape {
            (px(h), px(w))
        } else {
            (px(w), px(h))
        }
    }
}

/// How large the exported picture is.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Size {
    /// Pixels per canvas point (1 = as at 100 % zoom).
    #[serde(rename = "scale")]
    Scale {
        #[serde(rename = "scale")]
        scale: f32,
    },
    /// This many pixels wide.
    #[serde(rename = "width")]
    Width {
        #[serde(rename = "pixels")]
        pixels: u32,
    },
    /// A picture of exactly this many pixels (a slide: 1920 × 1080); the picture is fitted
    /// into it and centred.
    #[serde(rename = "frame")]
    Frame {
        #[serde(rename = "width")]
        width: u32,
        #[serde(rename = "height")]
        height: u32,
    },
    /// A whole paper page at a resolution; the picture is centred on it.
    #[serde(rename = "paper")]
    Paper {
        #[serde(rename = "paper")]
        paper: Paper,
        #[serde(rename = "landscape")]
        landscape: bool,
        #[serde(rename = "dpi")]
        dpi: u32,
    },
}

/// Sizes offered for a picture of a fixed size, such as a slide.
pub const FRAME_PIXELS: std::ops::RangeInclusive<u32> = 16..=30_000;

impl Default for Size {
    fn default() -> Self {
        Size::Scale { scale: 2.0 }
    }
}

/// What is behind the picture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Background {
    /// The phases' own tints, on white.
    #[default]
    #[serde(rename = "phases")]
    Phases,
    #[serde(rename = "white")]
    White,
    #[serde(rename = "transparent")]
    Transparent,
}

impl Background {
    pub const ALL: [Background; 3] = [
        Background::Phases,
        Background::White,
        Background::Transparent,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Background::Phases => "phases",
            Background::White => "white",
            Background::Transparent => "transparent",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Background::ALL.into_iter().find(|b| b.key() == s.trim())
    }
}

/// How a canvas is exported.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportSettings {
    #[serde(rename = "scope")]
    pub scope: Scope,
    #[serde(rename = "size")]
    pub size: Size,
    #[serde(rename = "background")]
    pub background: Background,
    /// Space around the picture, in canvas points.
    #[serde(rename = "padding")]
    pub padding: f32,
    /// Put the whole document inside the PNG, so that opening the PNG gives back the canvas.
    #[serde(rename = "embed")]
    pub embed: bool,
    /// Draw the cards' follow-up badges and the voting dots (version 6).
    #[serde(rename = "marks", default = "yes", skip_serializing_if = "is_yes")]
    pub marks: bool,
}

fn yes() -> bool {
    true
}

fn is_yes(b: &bool) -> bool {
    *b
}

impl Default for ExportSettings {
    fn default() -> Self {
        Self {
            scope: Scope::All,
            size: Size::default(),
            background: Background::Phases,
            padding: 24.0,
            embed: true,
            marks: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes_in_pixels() {
        assert_eq!(Paper::A2.pixels(300, true), (7016, 4961));
        assert_eq!(Paper::A4.pixels(72, false), (595, 842));
        assert_eq!(Paper::from_name("a3"), Some(Paper::A3));
        assert_eq!(Paper::from_name("B5"), None);
    }
}
