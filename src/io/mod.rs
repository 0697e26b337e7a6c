//! The file format: JSON with a `format` name and a `version`, read through explicit upgrade
//! steps from every earlier version, and saved atomically.
//!
//! See `docs/file-format.md` for the format itself.

mod atomic;
pub use crate::base64;
pub mod png;

pub use atomic::{BackgroundWriter, NotRegular, check_writable, write_atomic};

use crate::model::Document;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The `format` name every Målbild file carries.
pub const FORMAT: &str = "malbild";
/// The version this build writes. It reads this one and every earlier one.
///
/// 1. Cards on three phases.
/// 2. Arrows (elements of `type` `"arrow"`).
/// 3. Card text size and bold; the canvas's title shown above the board, and a date.
/// 4. Shapes, free text and pen strokes; every element has an order key (its place in the
///    paint order), and may be grouped, locked and (some kinds) turned.
/// 5. Illustrations and images, showing pictures kept once each in the document's `files`
///    table (keyed by their content hash).
/// 6. The workshop: themes, voting rounds, presentation steps, a card's follow-up.
/// 7. A stroke's points as one string (base64 of varints, see
///    [`crate::model::elements::stroke_points`]) rather than a list of numbers.
pub const VERSION: u32 = 7;
/// The file name extension.
pub const EXTENSION: &str = "malbild";
/// The first bytes of every PNG file.
pub const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Whether `bytes` are a PNG image.
pub fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(PNG_SIGNATURE)
}
/// Files larger than this are refused before they are read (a canvas of 50,000 cards is
/// about 15 MB).
pub const MAX_FILE_BYTES: u64 = 512 * MB;
/// A canvas inside an exported PNG may unpack to at most this many bytes: a compressed chunk
/// a few megabytes long could otherwise ask for gigabytes (a decompression bomb).
pub const MAX_EMBEDDED_BYTES: u64 = 128 * MB;
/// A megabyte as sizes are given in messages (2^20 bytes).
pub const MB: u64 = 1024 * 1024;

/// Upgrade steps: `UPGRADES[n - 1]` turns a version-`n` document into a version-`n + 1` one. A
/// format change adds its step here and bumps [`VERSION`].
///
/// Every change so far only added fields and kinds (with defaults), so a file of any version
/// is read straight into today's types (no `Value` tree in between, which would cost memory
/// and hide duplicate keys), and each step then checks or changes what it has to.
type Upgrade = fn(&mut Document) -> Result<(), String>;
const UPGRADES: [Upgrade; VERSION as usize - 1] =
    [v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7];

/// Version 2 added arrows and changed nothing else: a version-1 document is a version-2
/// document with no arrows. An arrow in a file that says version 1 is a contradiction.
fn v1_to_v2(doc: &mut Document) -> Result<(), String> {
    match doc.elements.iter().position(|e| e.as_arrow().is_some()) {
        Some(i) => Err(format!(
            "elements[{i}] is an arrow, which version 1 did not have"
        )),
        None => Ok(()),
    }
}

/// Version 3 added fields with defaults that keep a version-2 canvas as it was (card text is
/// now fitted to its card, and the title, if any, is shown above the board).
fn v2_to_v3(_doc: &mut Document) -> Result<(), String> {
    Ok(())
}

/// Version 4 added shapes, free text and strokes, and gave every element an order key: the
/// paint order of earlier files was the order of the list, and stays so.
fn v3_to_v4(doc: &mut Document) -> Result<(), String> {
    use crate::model::Kind;
    let newer = doc
        .elements
        .iter()
        .position(|e| matches!(e.kind(), Kind::Shape | Kind::Text | Kind::Stroke));
    if let Some(i) = newer {
        return Err(format!(
            "elements[{i}] is of a kind that version 3 did not have"
        ));
    }
    doc.elements.renumber();
    Ok(())
}

/// Version 5 added pictures (illustrations, images and the files table they show).
fn v4_to_v5(doc: &mut Document) -> Result<(), String> {
    use crate::model::Kind;
    let newer = doc
        .elements
        .iter()
        .position(|e| matches!(e.kind(), Kind::Illustration | Kind::Image));
    if let Some(i) = newer {
        return Err(format!(
            "elements[{i}] is a picture, which version 4 did not have"
        ));
    }
    if !doc.files.is_empty() {
        return Err("it has `files`, which version 4 did not have".into());
    }
    Ok(())
}

/// Version 6 added the workshop: themes (lanes), voting rounds, presentation steps and the
/// follow-up of cards (status, owner, due date, priority, the day changed).
fn v5_to_v6(doc: &mut Document) -> Result<(), String> {
    if !doc.lanes.is_empty() {
        return Err("it has `lanes`, which version 5 did not have".into());
    }
    if !doc.votes.is_empty() {
        return Err("it has `votes`, which version 5 did not have".into());
    }
    let newer = doc.elements.iter().position(|e| {
        e.step().is_some()
            || e.as_card().is_some_and(|c| {
                c.status.is_some()
                    || c.priority.is_some()
                    || !c.owner.is_empty()
                    || !c.due.is_empty()
                    || !c.changed.is_empty()
            })
    });
    match newer {
        Some(i) => Err(format!(
            "elements[{i}] has a step or a follow-up, which version 5 did not have"
        )),
        None => Ok(()),
    }
}

/// Version 7 writes a stroke's points as one string; the list earlier versions wrote is read
/// as it was (each coordinate kept to a hundredth of a point, as strokes keep them), so
/// nothing is left to change.
fn v6_to_v7(_doc: &mut Document) -> Result<(), String> {
    Ok(())
}

/// Why a file could not be opened. Every variant says what is wrong and, where it can, where.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read the file: {}", io_message(.0, .1))]
    Io(std::io::ErrorKind, String),
    #[error("the file is too large ({} MB; at most {} MB)", .bytes.div_ceil(MB), MAX_FILE_BYTES / MB)]
    TooLarge { bytes: u64 },
    #[error("the file is empty")]
    Empty,
    #[error("the folder “{0}” does not exist")]
    MissingFolder(String),
    #[error("“{0}” is a file, not a folder")]
    NotAFolder(String),
    #[error("it is not a regular file but {0}, and is not read")]
    NotAFile(&'static str),
    #[error("this is {0}, not a Målbild canvas")]
    OtherFormat(&'static str),
    #[error("the canvas inside this image (PNG) is larger than {} MB, and is not unpacked", MAX_EMBEDDED_BYTES / MB)]
    EmbeddedTooLarge,
    #[error("the canvas inside this image (PNG) is empty")]
    EmbeddedEmpty,
    #[error(
        "this image (PNG) holds no Målbild canvas (only PNGs exported with the canvas inside do)"
    )]
    Image,
    #[error("this image (PNG) is damaged and cannot be read")]
    BrokenImage,
    #[error("the file ends too early at line {line}, column {column}: it is cut off or incomplete")]
    Truncated { line: usize, column: usize },
    #[error("the file is not valid JSON: {detail} at line {line}, column {column}")]
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("this is not a Målbild canvas: {0}")]
    NotMalbild(String),
    #[error(
        "the file says it is version {found}, made by a newer Målbild; this one reads versions 1 to {VERSION}"
    )]
    Newer { found: u64 },
    #[error("the file has an invalid version: {0}")]
    BadVersion(String),
    #[error("the file does not fit the format at `{path}`: {detail}")]
    Invalid { path: String, detail: String },
}

/// What a successful load gives.
#[derive(Debug)]
pub struct Loaded {
    pub document: Document,
    /// The version the file was written in (lower than [`VERSION`] if it was upgraded).
    pub version: u32,
    /// It came out of a picture (a PNG with the canvas inside), whatever the file's name: a
    /// save must not write a canvas over the picture.
    pub from_picture: bool,
    /// Made by a newer Målbild (this version): read as far as this one understands, so it
    /// must not be saved over (what this version does not know would be lost).
    pub newer: Option<u64>,
}

/// The `format` and `version` of a file, read without building the rest of it (nor the
/// whole of a hostile value in their place: a list of millions of numbers is only named).
#[derive(Default)]
struct Header {
    format: Option<Peek>,
    version: Option<Peek>,
}

/// A JSON value seen only as far as a message needs: a short text, a whole number, or the
/// kind of anything else.
#[derive(Debug)]
enum Peek {
    /// Text, cut to [`crate::model::MAX_QUOTED`] characters (and whether it was).
    Text(String, bool),
    Whole(u64),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Peek {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, IgnoredAny, MapAccess, SeqAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Peek;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Peek, E> {
                let cut: String = v.chars().take(crate::model::MAX_QUOTED).collect();
                let whole = cut.len() == v.len();
                Ok(Peek::Text(cut, !whole))
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<Peek, E> {
                Ok(Peek::Whole(v))
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<Peek, E> {
                Ok(u64::try_from(v).map_or(Peek::Other("a negative number"), Peek::Whole))
            }
            fn visit_f64<E: Error>(self, _: f64) -> Result<Peek, E> {
                Ok(Peek::Other("a number that is not whole"))
            }
            fn visit_bool<E: Error>(self, _: bool) -> Result<Peek, E> {
                Ok(Peek::Other("true or false"))
            }
            fn visit_unit<E: Error>(self) -> Result<Peek, E> {
                Ok(Peek::Other("null"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Peek, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Peek::Other("a list"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Peek, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Peek::Other("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Header;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Header, A::Error> {
                use serde::de::Error;
                let mut h = Header::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match key.as_ref() {
                        "format" if h.format.is_some() => {
                            return Err(A::Error::duplicate_field("format"));
                        }
                        "version" if h.version.is_some() => {
                            return Err(A::Error::duplicate_field("version"));
                        }
                        "format" => h.format = Some(map.next_value()?),
                        "version" => h.version = Some(map.next_value()?),
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(h)
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Serialize)]
struct FileOut<'a> {
    #[serde(rename = "format")]
    format: &'static str,
    #[serde(rename = "version")]
    version: u32,
    #[serde(rename = "document")]
    document: &'a Document,
}

#[derive(Deserialize)]
struct FileIn {
    #[serde(rename = "document")]
    document: Document,
}

/// The document as file bytes: pretty JSON, fields in a fixed order, ending in a newline.
/// Saving the same document twice gives the same bytes.
pub fn to_bytes(doc: &Document) -> Vec<u8> {
    // Pictures no element shows any more (deleted, or undone) are not saved.
    let used: std::collections::HashSet<&crate::model::FileId> = doc
        .elements
        .iter()
        .filter_map(|e| e.as_picture().map(|p| &p.file))
        .collect();
    let pruned;
    let doc = if doc.files.iter().all(|(id, _)| used.contains(id)) {
        doc
    } else {
        let mut d = doc.clone();
        d.files.retain(|id| used.contains(id));
        pruned = d;
        &pruned
    };
    if doc.elements.len() < PARALLEL_FROM {
        return write_whole(doc);
    }
    // A large canvas: its elements written on all cores, each part at the depth it has in
    // the file, and put in place of the empty list in the rest (the same bytes as writing
    // it whole, which `parts_make_the_whole` checks).
    let rest = Document {
        title: doc.title.clone(),
        date: doc.date.clone(),
        board: doc.board.clone(),
        phases: doc.phases.clone(),
        elements: Default::default(),
        export: doc.export,
        files: doc.files.clone(),
        lanes: doc.lanes.clone(),
        votes: doc.votes.clone(),
    };
    let mut out = write_whole(&rest);
    const EMPTY: &[u8] = b"\n    \"elements\": []";
    // JSON strings hold no line breaks: the first one is the list itself.
    let Some(at) = out.windows(EMPTY.len()).position(|w| w == EMPTY) else {
        return write_whole(doc);
    };
    let tail = out.split_off(at + EMPTY.len() - 1);
    let els = doc.elements.as_slice();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = els.len().div_ceil(threads).max(1);
    let parts: Vec<Vec<u8>> = std::thread::scope(|s| {
        let handles: Vec<_> = els
            .chunks(chunk)
            .map(|part| s.spawn(move || write_elements(part)))
            .collect();
        handles
            .into_iter()
            .zip(els.chunks(chunk))
            .map(|(h, part)| h.join().unwrap_or_else(|_| write_elements(part)))
            .collect()
    });
    out.reserve(parts.iter().map(Vec::len).sum::<usize>() + tail.len() + 16);
    out.extend_from_slice(b"\n      ");
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n      ");
        }
        out.extend_from_slice(part);
    }
    out.extend_from_slice(b"\n    ");
    out.extend_from_slice(&tail);
    out
}

/// From this many elements a file is written on all cores.
const PARALLEL_FROM: usize = 2_000;

/// `doc` as a file, written in one piece.
fn write_whole(doc: &Document) -> Vec<u8> {
    let file = FileOut {
        format: FORMAT,
        version: VERSION,
        document: doc,
    };
    // Serializing plain structs, strings and finite numbers into memory cannot fail. Room
    // for about what it takes (a buffer grown from nothing copied a large canvas many times).
    let mut out = Vec::with_capacity(estimate(doc.elements.as_slice()) + files_size(doc));
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Layout::default());
    let _ = serde::Serialize::serialize(&file, &mut ser); // ok: infallible
    out.push(b'\n');
    out
}

/// Elements as they are written in a file's list (at its depth), one after another, each
/// but the first after a comma and a line break.
fn write_elements(els: &[crate::model::Element]) -> Vec<u8> {
    let mut out = Vec::with_capacity(estimate(els));
    for (i, e) in els.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n      ");
        }
        // Inside the file, the document and its list of elements.
        let layout = Layout {
            open: vec![
                Open::Object { one_line: false },
                Open::Object { one_line: false },
                Open::List { one_line: false },
            ],
            has_value: true,
        };
        let mut ser = serde_json::Serializer::with_formatter(&mut out, layout);
        let _ = serde::Serialize::serialize(e, &mut ser); // ok: infallible
    }
    out
}

/// About how many bytes `els` take in a file.
fn estimate(els: &[crate::model::Element]) -> usize {
    let points: usize = els
        .iter()
        .filter_map(|e| match e {
            crate::model::Element::Stroke(s) => Some(s.points.len()),
            _ => None,
        })
        .sum();
    (els.len() * 512 + points * 6 + 4096).min(1 << 30)
}

/// About how many bytes `doc`'s pictures take in a file.
fn files_size(doc: &Document) -> usize {
    let bytes: usize = doc.files.iter().map(|(_, f)| f.bytes.len()).sum();
    (bytes / 3 * 4 + 256 * doc.files.len()).min(1 << 30)
}

/// Pretty JSON (two spaces), except that a list inside a list, and whatever is inside an
/// element (its box, an arrow's ends), is written on one line (`"rect": {"x": 40.0, "y":
/// 120.0, "w": 200.0, "h": 120.0}`), as a person would: an element takes a few lines rather
/// than a dozen, and the file a quarter less room. The same JSON, read the same way.
#[derive(Default)]
struct Layout {
    /// The lists and objects open, innermost last.
    open: Vec<Open>,
    /// Whether the innermost container written over lines has a value yet.
    has_value: bool,
}

/// A list or object open, and whether it is written on one line.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    List { one_line: bool },
    Object { one_line: bool },
}

/// From this depth on (inside an element: the file, the document, its list of elements and
/// the element), lists and objects are written on one line: a box, an arrow's end.
const ONE_LINE_FROM: usize = 4;

impl Layout {
    fn one_line(&self) -> bool {
        matches!(
            self.open.last(),
            Some(Open::List { one_line: true } | Open::Object { one_line: true })
        )
    }

    /// Whether a list or object opened now is written on one line: inside one that is, a list
    /// inside a list, or deep inside an element.
    fn opens_one_line(&self, list: bool) -> bool {
        self.one_line()
            || (list && matches!(self.open.last(), Some(Open::List { .. })))
            || self.open.len() >= ONE_LINE_FROM
    }

    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        // A line break and two spaces a level, in one write for the levels there usually are.
        const INDENT: &[u8; 33] = b"\n                                ";
        let depth = self.open.len();
        match INDENT.get(..1 + 2 * depth) {
            Some(line) => w.write_all(line),
            None => {
                w.write_all(b"\n")?;
                for _ in 0..depth {
                    w.write_all(b"  ")?;
                }
                Ok(())
            }
        }
    }
}

impl Layout {
    /// Opens a list or an object with `bracket`.
    fn open_with<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        list: bool,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        let one_line = self.opens_one_line(list);
        self.open.push(if list {
            Open::List { one_line }
        } else {
            Open::Object { one_line }
        });
        if !one_line {
            self.has_value = false;
        }
        w.write_all(bracket)
    }

    /// Closes the innermost list or object with `bracket`.
    fn close_with<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        let one_line = self.one_line();
        self.open.pop();
        if !one_line && self.has_value {
            self.newline(w)?;
        }
        w.write_all(bracket)
    }

    /// Before a value of a list, or a key of an object.
    fn before_item<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if self.one_line() {
            return w.write_all(if first { b"" } else { b", " });
        }
        w.write_all(if first { b"" } else { b"," })?;
        self.newline(w)
    }

    /// After a value of a list or an object.
    fn after_item(&mut self) {
        if !self.one_line() {
            self.has_value = true;
        }
    }
}

impl serde_json::ser::Formatter for Layout {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open_with(w, true, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close_with(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.before_item(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.after_item();
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open_with(w, false, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close_with(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.before_item(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.after_item();
        Ok(())
    }
}

/// Reads a document from file bytes, upgrading older versions.
pub fn from_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    if bytes.starts_with(PNG_SIGNATURE) {
        // An exported picture with the canvas inside opens as that canvas.
        use png::Embedded;
        return match png::embedded_document(bytes, MAX_EMBEDDED_BYTES as usize) {
            Embedded::Document(json) if json.trim().is_empty() => Err(LoadError::EmbeddedEmpty),
            // (A canvas inside a canvas inside a picture is not read.)
            Embedded::Document(json) if json.as_bytes().starts_with(PNG_SIGNATURE) => {
                Err(LoadError::Image)
            }
            Embedded::Document(json) => from_bytes(json.as_bytes()).map(|loaded| Loaded {
                from_picture: true,
                ..loaded
            }),
            Embedded::None => Err(LoadError::Image),
            Embedded::TooLarge => Err(LoadError::EmbeddedTooLarge),
            Embedded::Damaged => Err(LoadError::BrokenImage),
        };
    }
    if let Some(kind) = other_format(bytes) {
        return Err(LoadError::OtherFormat(kind));
    }
    if let Some(loaded) = read_fast(bytes) {
        return Ok(loaded);
    }
    let header: Header = match serde_json::from_slice(bytes) {
        Ok(h) => h,
        Err(e) => return Err(syntax_error(&e)),
    };
    match &header.format {
        Some(Peek::Text(f, false)) if f == FORMAT => {}
        Some(Peek::Text(f, cut)) => {
            let more = if *cut { "…" } else { "" };
            return Err(LoadError::NotMalbild(format!(
                "its format is \"{f}{more}\", not \"{FORMAT}\""
            )));
        }
        Some(_) => return Err(LoadError::NotMalbild("its `format` is not text".into())),
        None => return Err(LoadError::NotMalbild("it has no `format` field".into())),
    }
    let version = match &header.version {
        Some(Peek::Whole(0)) => return Err(LoadError::BadVersion("0".into())),
        Some(Peek::Whole(v)) if *v > VERSION as u64 => {
            // Read as today's format, if it is one still: then it opens, not to be saved
            // over. Anything this version cannot read says which version made it.
            return read_current(bytes)
                .map(|document| Loaded {
                    document,
                    version: VERSION,
                    from_picture: false,
                    newer: Some(*v),
                })
                .map_err(|_| LoadError::Newer { found: *v });
        }
        Some(Peek::Whole(v)) => *v as u32,
        Some(Peek::Text(v, cut)) => {
            let more = if *cut { "…" } else { "" };
            return Err(LoadError::BadVersion(format!(
                "\"{v}{more}\" (text, not a whole number)"
            )));
        }
        Some(Peek::Other(kind)) => return Err(LoadError::BadVersion((*kind).into())),
        None => {
            return Err(LoadError::BadVersion(
                "the `version` field is missing".into(),
            ));
        }
    };

    let mut de = serde_json::Deserializer::from_slice(bytes);
    let file: FileIn = serde_path_to_error::deserialize(&mut de).map_err(invalid)?;
    de.end().map_err(|e| syntax_error(&e))?;
    finish(file, version)
}

/// A well-formed file of a version this one reads, read in one pass: the usual case, taken
/// first. Anything else (`None`) is read again the careful way, which says what is wrong.
fn read_fast(bytes: &[u8]) -> Option<Loaded> {
    #[derive(Deserialize)]
    struct Fast {
        #[serde(rename = "format")]
        format: String,
        #[serde(rename = "version")]
        version: u32,
        #[serde(rename = "document")]
        document: Document,
    }
    let fast: Fast = serde_json::from_slice(bytes).ok()?;
    if fast.format != FORMAT || !(1..=VERSION).contains(&fast.version) {
        return None;
    }
    finish(
        FileIn {
            document: fast.document,
        },
        fast.version,
    )
    .ok()
}

/// A document as read from a file of `version`: upgraded, checked, its order keys and files
/// table put right.
fn finish(mut file: FileIn, version: u32) -> Result<Loaded, LoadError> {
    for (i, step) in UPGRADES.iter().enumerate().skip(version as usize - 1) {
        step(&mut file.document).map_err(|detail| LoadError::Invalid {
            path: "document".into(),
            detail: format!("cannot upgrade from version {}: {detail}", i + 1),
        })?;
    }
    file.document
        .validate()
        .map_err(|detail| match detail.split_once(": ") {
            Some((path, rest)) => LoadError::Invalid {
                path: format!("document.{path}"),
                detail: rest.to_owned(),
            },
            None => LoadError::Invalid {
                path: "document".into(),
                detail,
            },
        })?;
    // Two elements with one key (a file merged by hand, say) are painted in the order the
    // file lists them; they are given keys of their own, so that every later edit places
    // them exactly.
    let keys = file.document.elements.iter().map(|e| e.order());
    let tied = keys.clone().zip(keys.skip(1)).any(|(a, b)| a == b);
    if tied {
        file.document.elements.renumber();
    }
    // Pictures no element shows are left out, as a save leaves them out: what is read is
    // what would be written (found by the fuzzer, with a damaged entry nothing used).
    prune_files(&mut file.document);
    Ok(Loaded {
        document: file.document,
        version,
        from_picture: false,
        newer: None,
    })
}

/// Drops the entries of the files table that no element shows.
fn prune_files(doc: &mut Document) {
    let used: std::collections::HashSet<crate::model::FileId> = doc
        .elements
        .iter()
        .filter_map(|e| e.as_picture().map(|p| p.file.clone()))
        .collect();
    if doc.files.iter().any(|(id, _)| !used.contains(id)) {
        doc.files.retain(|id| used.contains(id));
    }
}

/// A file of a newer version read as today's format (its unknown fields left out), checked.
fn read_current(bytes: &[u8]) -> Result<Document, LoadError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut file: FileIn = serde_path_to_error::deserialize(&mut de).map_err(invalid)?;
    de.end().map_err(|e| syntax_error(&e))?;
    if file
        .document
        .elements
        .iter()
        .any(|e| e.order().is_missing())
    {
        file.document.elements.renumber();
    }
    prune_files(&mut file.document);
    file.document
        .validate()
        .map_err(|detail| LoadError::Invalid {
            path: "document".into(),
            detail,
        })?;
    Ok(file.document)
}

/// Reads what can be read of a canvas some of whose elements are not valid: the rest of the
/// document must be whole; each element that does not fit is left out, and listed (its
/// place, what is wrong). `None` when the file is not such a case (it reads whole, or more
/// than its elements is wrong).
pub fn load_partial(path: &Path) -> Option<(Loaded, Vec<(usize, String)>)> {
    partial_from_bytes(&read_limited(path).ok()?)
}

/// [`load_partial`] of bytes already read.
pub fn partial_from_bytes(bytes: &[u8]) -> Option<(Loaded, Vec<(usize, String)>)> {
    if from_bytes(bytes).is_ok() || is_png(bytes) || bytes.len() as u64 > MAX_FILE_BYTES {
        return None;
    }
    let mut value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let version = value
        .get("version")?
        .as_u64()
        .filter(|v| (1..=VERSION as u64).contains(v))?;
    let elements = match value.get_mut("document")?.get_mut("elements")? {
        serde_json::Value::Array(list) => std::mem::take(list),
        _ => return None,
    };
    // The rest, with no elements, must read (and be upgraded) as any file.
    let rest = serde_json::to_vec(&value).ok()?;
    let mut loaded = from_bytes(&rest).ok()?;
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, v) in elements.into_iter().enumerate() {
        match serde_json::from_value::<crate::model::Element>(v) {
            // (An element of a file before version 4 gets its order key below.)
            Ok(e) => match if e.order().is_missing() {
                e.with_order(crate::model::OrderKey::between(None, None))
                    .validate()
            } else {
                e.validate()
            } {
                Ok(()) if seen.insert(e.id()) => kept.push(e),
                Ok(()) => dropped.push((i, format!("the id {} is used twice", e.id()))),
                Err(m) => dropped.push((i, m.replace(crate::model::INNER_PATH, ""))),
            },
            Err(e) => dropped.push((i, e.to_string().replace(crate::model::INNER_PATH, ""))),
        }
    }
    if dropped.is_empty() {
        return None;
    }
    let mut doc = loaded.document;
    let mut els = crate::model::Elements::from_vec(kept).ok()?;
    // Keys missing (before version 4) or tied (as `from_bytes` does: found by the fuzzer,
    // a tie kept here was renumbered when the saved canvas was read again).
    let keys = els.iter().map(|e| e.order());
    let tied = keys.clone().zip(keys.skip(1)).any(|(a, b)| a == b);
    if version < 4 || tied || els.iter().any(|e| e.order().is_missing()) {
        els.renumber();
    }
    doc.elements = els;
    // Pictures only the left-out elements showed go with them (as a save would drop them).
    prune_files(&mut doc);
    doc.validate().ok()?;
    loaded.document = doc;
    loaded.version = version as u32;
    Some((loaded, dropped))
}

/// What a file is, by its first bytes, when it is a common kind that is not a canvas.
fn other_format(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: [(&[u8], &str); 9] = [
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"BM", "a BMP image"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"%PDF", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive (such as a Word or PowerPoint file)",
        ),
        (b"\x1F\x8B", "a gzip archive"),
    ];
    if bytes.get(..4) == Some(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some("a WebP image");
    }
    let text_start = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if text_start == Some(&b'<') {
        return Some("an SVG or other XML document");
    }
    KINDS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

fn syntax_error(e: &serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        Category::Eof => LoadError::Truncated { line, column },
        Category::Syntax => LoadError::Syntax {
            line,
            column,
            detail: strip_position(&e.to_string()),
        },
        // The header only asks for an object with two optional fields, so a type error means
        // the top level is not an object at all (or names a field twice).
        Category::Data if e.to_string().starts_with("duplicate field") => LoadError::Invalid {
            path: ".".into(),
            detail: strip_position(&e.to_string()),
        },
        Category::Data => LoadError::NotMalbild("the file does not hold a JSON object".into()),
        Category::Io => LoadError::Io(std::io::ErrorKind::Other, e.to_string()),
    }
}

fn invalid<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> LoadError {
    let mut path = e.path().to_string();
    let mut detail = strip_position(&e.inner().to_string());
    // An error inside an element read by the slow path carries its inner place, marked.
    let mark = crate::model::INNER_PATH;
    if let Some(rest) = detail.strip_prefix(mark)
        && let Some((inner, msg)) = rest.split_once(mark)
    {
        if inner != "." {
            path = format!("{path}.{inner}");
        }
        detail = msg.to_owned();
    }
    LoadError::Invalid { path, detail }
}

/// serde_json appends " at line L column C"; we say where ourselves.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// Opens a document file. Only a regular file is read (after following links): a pipe would
/// wait forever and a device such as `/dev/zero` never ends. It is read through a limit in
/// any case, so a file that grows while it is read cannot take more memory than that.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    read_limited(path).and_then(|bytes| from_bytes(&bytes))
}

/// The bytes of the regular file at `path`, at most [`MAX_FILE_BYTES`] of them.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => match path_problem(path) {
            Some(PathProblem::MissingFolder(d)) => {
                LoadError::MissingFolder(d.display().to_string())
            }
            Some(PathProblem::NotAFolder(d)) => LoadError::NotAFolder(d.display().to_string()),
            None => LoadError::Io(e.kind(), e.to_string()),
        },
        _ => LoadError::Io(e.kind(), e.to_string()),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if let Some(kind) = not_a_file(&meta) {
        return Err(LoadError::NotAFile(kind));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes: meta.len() });
    }
    let file = open_no_wait(path).map_err(io)?;
    // Checked again on what was opened: the path may have been swapped in between.
    let meta = file.metadata().map_err(io)?;
    if let Some(kind) = not_a_file(&meta) {
        return Err(LoadError::NotAFile(kind));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_FILE_BYTES) as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// What a file that is not a regular one is, in words, or `None` for a regular file.
pub fn not_a_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a pipe");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

/// Opens a file for reading without waiting: a pipe with no writer would otherwise block the
/// open itself.
fn open_no_wait(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Nor may a terminal device become the program's own by being opened.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// Saves a document atomically: the file on disk is the old one or the new one, never a mix.
/// Where the version a save replaces is kept: `NAME.malbild~` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push("~");
    path.with_file_name(name)
}

/// Keeps the file at `path` (if it is a regular file that can be read whole) as its
/// backup, written atomically; the backup before it goes. A backup that cannot be made
/// (the folder is read-only, the disk full) does not stop the save, which then says why
/// itself.
pub fn keep_backup(path: &Path) {
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return;
    }
    if let Ok(bytes) = read_limited(path) {
        let _ = write_atomic(&backup_path(path), &bytes);
    }
}

pub fn save(path: &Path, doc: &Document) -> std::io::Result<()> {
    write_atomic(path, &to_bytes(doc))
}

/// What is wrong with the folders on the way to a file that could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathProblem {
    /// This folder does not exist (the first one on the way that is missing).
    MissingFolder(std::path::PathBuf),
    /// This is a file where a folder should be.
    NotAFolder(std::path::PathBuf),
}

/// Why the folder of `path` cannot hold it, if that is the reason: which part of the way is
/// missing or is not a folder.
pub fn path_problem(path: &Path) -> Option<PathProblem> {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty())?;
    let mut missing = None;
    for dir in parent.ancestors().filter(|p| !p.as_os_str().is_empty()) {
        match std::fs::metadata(dir) {
            Ok(m) if m.is_dir() => break,
            Ok(_) => return Some(PathProblem::NotAFolder(dir.to_path_buf())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => missing = Some(dir.to_path_buf()),
            // Not allowed to look, or a loop of links: that is not a missing folder.
            Err(_) => return None,
        }
    }
    missing.map(PathProblem::MissingFolder)
}

/// A short, plain description of an I/O error of `kind` (the system's `detail` where there
/// is nothing plainer to say).
pub fn io_message(kind: &std::io::ErrorKind, detail: &str) -> String {
    use std::io::ErrorKind;
    match kind {
        ErrorKind::NotFound => "the file does not exist".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::IsADirectory => "it is a folder".into(),
        _ => detail.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample;

    #[test]
    fn lists_in_lists_take_one_line_and_the_rest_is_pretty_json() {
        let write = |v: &serde_json::Value| {
            let mut out = Vec::new();
            let mut ser = serde_json::Serializer::with_formatter(&mut out, Layout::default());
            serde::Serialize::serialize(v, &mut ser).unwrap();
            String::from_utf8(out).unwrap()
        };
        let value = serde_json::json!({
            "a": [[1.5, -2000.0], [3, 4]],
            "e": [],
            "o": {},
            "m": [1, "x", {"k": [[true]]}],
            "s": "[1,\" 2]"
        });
        let text = write(&value);
        assert!(
            text.contains("\"a\": [\n    [1.5, -2000.0],\n    [3, 4]\n  ]"),
            "{text}"
        );
        assert!(
            text.contains("\"e\": []") && text.contains("\"o\": {}"),
            "{text}"
        );
        assert!(text.contains("\"k\": [\n        [true]\n      ]"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
        // Without a list in a list, exactly serde_json's pretty printing.
        let plain = serde_json::json!({"x": [1, {"y": 2, "z": []}], "w": {}});
        assert_eq!(write(&plain), serde_json::to_string_pretty(&plain).unwrap());
        // Inside an element, one line: a box, an arrow's end.
        let text = String::from_utf8(to_bytes(&sample::nara_vard())).unwrap();
        assert!(
            text.lines()
                .any(|l| l.trim().starts_with("\"rect\": {\"x\": ") && l.trim().ends_with("},")),
            "{text}"
        );
        assert!(
            text.lines()
                .any(|l| l.trim().starts_with("\"start\": {\"point\": {\"x\": ")),
            "{text}"
        );
        // A stroke's points: one string.
        let points = text
            .lines()
            .find(|l| l.trim().starts_with("\"points\": \""));
        assert!(points.is_some_and(|l| l.len() < 400), "points");
    }

    #[test]
    fn parts_make_the_whole() {
        // A canvas large enough to be written on all cores, with every kind (the sample's
        // elements over and over, moved apart), is written as in one piece.
        let sample = sample::nara_vard();
        let mut doc = sample.clone();
        let mut n = 0u64;
        while doc.elements.len() < PARALLEL_FROM * 2 + 7 {
            n += 1;
            for e in sample.elements.iter() {
                let id = crate::model::ElementId(e.id().0 ^ (n << 40));
                let moved = e.translated(0.0, n as f32 * 900.0);
                let moved = match moved {
                    crate::model::Element::Arrow(mut a) => {
                        // Bound to the copies of its ends.
                        for end in [&mut a.start, &mut a.end] {
                            if let Some(b) = &mut end.bind {
                                b.element = crate::model::ElementId(b.element.0 ^ (n << 40));
                            }
                        }
                        a.id = id;
                        crate::model::Element::Arrow(a)
                    }
                    other => other.with_id(id),
                };
                doc.elements.push(moved);
            }
        }
        assert!(doc.elements.len() >= PARALLEL_FROM);
        let parts = to_bytes(&doc);
        assert_eq!(
            String::from_utf8_lossy(&parts),
            String::from_utf8_lossy(&write_whole(&doc))
        );
        assert_eq!(from_bytes(&parts).map(|l| l.document).ok(), Some(doc));
    }

    #[test]
    fn round_trip_is_equal_and_stable() {
        let doc = sample::nara_vard();
        let bytes = to_bytes(&doc);
        let back = from_bytes(&bytes).map(|l| l.document);
        assert_eq!(back.as_ref().ok(), Some(&doc));
        assert_eq!(back.map(|d| to_bytes(&d)).ok(), Some(bytes));
    }

    #[test]
    fn file_starts_with_format_and_version() {
        let text = String::from_utf8(to_bytes(&Document::new())).unwrap_or_default();
        assert!(
            text.starts_with(&format!(
                "{{\n  \"format\": \"malbild\",\n  \"version\": {VERSION},\n"
            )),
            "{text}"
        );
    }

    #[test]
    fn errors_say_what_and_where() {
        let cases: [(&str, &str); 8] = [
            ("", "empty"),
            (
                "{\"format\": \"malbild\", \"vers",
                "ends too early at line 1",
            ),
            ("hello", "not valid JSON"),
            ("[1, 2]", "does not hold a JSON object"),
            ("{\"type\": \"excalidraw\"}", "no `format` field"),
            ("{\"format\": \"malbild\", \"version\": 99}", "version 99"),
            (
                "{\"format\": \"malbild\", \"version\": \"1\"}",
                "invalid version",
            ),
            (
                "{\"format\": \"malbild\", \"version\": 1, \"document\": {\"title\": 5}}",
                "`document.title`",
            ),
        ];
        for (input, want) in cases {
            let msg = from_bytes(input.as_bytes())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(
                msg.contains(want),
                "{input:?} gave {msg:?}, wanted {want:?}"
            );
        }
    }

    #[test]
    fn bad_numbers_are_caught_with_their_path() {
        let mut doc = sample::nara_vard();
        doc.phases.malbild.width = 10.0;
        let msg = from_bytes(&to_bytes(&doc))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(msg.contains("document.phases.malbild.width"), "{msg}");
    }
}
