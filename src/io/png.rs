//! The canvas inside an exported PNG: the one chunk that holds it, found and unpacked with a
//! limit, without decoding the picture. (Writing it is the exporter's, `export::png`.)

/// The keyword of the text chunk holding the document (a media type, as Excalidraw does).
pub const KEYWORD: &str = "application/vnd.malbild+json";

/// What a PNG holds of a canvas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Embedded {
    /// The canvas's file text.
    Document(String),
    /// A picture without a canvas inside.
    None,
    /// A canvas that unpacks to more than the limit (a decompression bomb, or too large).
    TooLarge,
    /// The picture or its canvas chunk is damaged.
    Damaged,
}

/// The document embedded in PNG bytes, if there is one, unpacked to at most `limit` bytes.
///
/// The chunks are walked here (not by a PNG decoder) so that nothing is unpacked but the one
/// chunk, and that chunk only up to the limit: a chunk of a few megabytes can unpack to
/// gigabytes. A canvas chunk whose checksum is wrong is damaged, not missing.
pub fn embedded_document(bytes: &[u8], limit: usize) -> Embedded {
    let Some(mut rest) = bytes.strip_prefix(super::PNG_SIGNATURE) else {
        return Embedded::Damaged;
    };
    loop {
        if rest.is_empty() {
            // No end marker: cut off; but without the canvas chunk there is nothing to say.
            return Embedded::None;
        }
        let Some(Chunk {
            kind,
            data,
            crc,
            after,
        }) = next_chunk(rest)
        else {
            return Embedded::Damaged;
        };
        if kind == b"iTXt"
            && data.starts_with(KEYWORD.as_bytes())
            && data.get(KEYWORD.len()) == Some(&0)
        {
            let mut hasher = crc32fast::Hasher::new();
            hasher.update(kind);
            hasher.update(data);
            if hasher.finalize() != crc {
                return Embedded::Damaged;
            }
            return match data.get(KEYWORD.len() + 1..) {
                Some(text) => itxt_text(text, limit),
                None => Embedded::Damaged,
            };
        }
        if kind == b"IEND" {
            return Embedded::None;
        }
        rest = after;
    }
}

/// A chunk of a PNG: its type, data, stored checksum, and what follows it.
struct Chunk<'a> {
    kind: &'a [u8],
    data: &'a [u8],
    crc: u32,
    after: &'a [u8],
}

fn next_chunk(b: &[u8]) -> Option<Chunk<'_>> {
    let len = u32::from_be_bytes(b.get(..4)?.try_into().ok()?) as usize;
    let kind = b.get(4..8)?;
    let data = b.get(8..8usize.checked_add(len)?)?;
    let crc_at = 8 + len;
    let crc = u32::from_be_bytes(b.get(crc_at..crc_at + 4)?.try_into().ok()?);
    Some(Chunk {
        kind,
        data,
        crc,
        after: b.get(crc_at + 4..)?,
    })
}

/// The text of an iTXt chunk after its keyword: compression flag and method, language tag,
/// translated keyword, then the text (zlib-compressed if flagged).
fn itxt_text(b: &[u8], limit: usize) -> Embedded {
    let (Some(&compressed), Some(&method)) = (b.first(), b.get(1)) else {
        return Embedded::Damaged;
    };
    let mut rest = b.get(2..).unwrap_or_default();
    for _ in 0..2 {
        match rest.iter().position(|&c| c == 0) {
            Some(i) => rest = rest.get(i + 1..).unwrap_or_default(),
            None => return Embedded::Damaged,
        }
    }
    let raw = match (compressed, method) {
        (0, _) if rest.len() > limit => return Embedded::TooLarge,
        (0, _) => rest.to_vec(),
        (1, 0) => match fdeflate::decompress_to_vec_bounded(rest, limit) {
            Ok(raw) => raw,
            Err(fdeflate::BoundedDecompressionError::OutputTooLarge { .. }) => {
                return Embedded::TooLarge;
            }
            Err(_) => return Embedded::Damaged,
        },
        _ => return Embedded::Damaged,
    };
    match String::from_utf8(raw) {
        Ok(text) => Embedded::Document(text),
        Err(_) => Embedded::Damaged,
    }
}
