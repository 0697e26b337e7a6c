//! The pictures a document holds: each one's bytes once, keyed by their content hash, so a
//! picture placed ten times is stored once and a canvas opened on another computer shows
//! every picture. Elements refer to an entry by its [`FileId`].
//!
//! Saved as `"files": { "sha256-…": { "mime": "image/png", "data": "<base64>" } }`. An entry
//! whose data is not base64, or does not hash to its key, is kept as it was written (and
//! saved back so) but has no picture: what shows it draws a "missing picture" box.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::Digest;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The content hash of a picture's bytes: `sha256-` and 64 lowercase hex digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(String);

const PREFIX: &str = "sha256-";

impl FileId {
    /// The id of `bytes`.
    pub fn of(bytes: &[u8]) -> FileId {
        let digest = sha2::Sha256::digest(bytes);
        let mut s = String::with_capacity(PREFIX.len() + 64);
        s.push_str(PREFIX);
        for b in digest.iter() {
            s.push_str(&format!("{b:02x}"));
        }
        FileId(s)
    }

    pub fn parse(s: &str) -> Result<FileId, String> {
        let hex = s.strip_prefix(PREFIX).unwrap_or("");
        let ok = hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if ok {
            Ok(FileId(s.to_owned()))
        } else {
            Err(format!(
                "`{}` is not a picture id (`sha256-` and 64 hex digits)",
                super::quote(s)
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for FileId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for FileId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        FileId::parse(&s).map_err(D::Error::custom)
    }
}

/// The kinds of picture a document holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mime {
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/jpeg")]
    Jpeg,
    #[serde(rename = "image/webp")]
    Webp,
    #[serde(rename = "image/gif")]
    Gif,
    #[serde(rename = "image/svg+xml")]
    Svg,
}

impl Mime {
    pub fn as_str(self) -> &'static str {
        match self {
            Mime::Png => "image/png",
            Mime::Jpeg => "image/jpeg",
            Mime::Webp => "image/webp",
            Mime::Gif => "image/gif",
            Mime::Svg => "image/svg+xml",
        }
    }
}

/// One picture's bytes, shared (a document is cloned for undo, saving and export).
#[derive(Clone, Debug, PartialEq)]
pub struct FileData {
    pub mime: Mime,
    pub bytes: Arc<[u8]>,
    /// The data as the file wrote it, for an entry that could not be read (see the module).
    damaged: Option<Arc<str>>,
}

impl FileData {
    pub fn new(mime: Mime, bytes: impl Into<Arc<[u8]>>) -> FileData {
        FileData {
            mime,
            bytes: bytes.into(),
            damaged: None,
        }
    }

    /// Whether the entry could not be read; it has no picture.
    pub fn is_damaged(&self) -> bool {
        self.damaged.is_some()
    }
}

#[derive(Serialize, Deserialize)]
struct FileOut<'a> {
    #[serde(rename = "mime")]
    mime: Mime,
    #[serde(rename = "data")]
    data: std::borrow::Cow<'a, str>,
}

/// The pictures of a document, by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Files(BTreeMap<FileId, FileData>);

impl Files {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn get(&self, id: &FileId) -> Option<&FileData> {
        self.0.get(id)
    }

    pub fn contains(&self, id: &FileId) -> bool {
        self.0.contains_key(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&FileId, &FileData)> {
        self.0.iter()
    }

    /// Adds an entry; whether it was new (an entry of that id stays as it is).
    pub fn insert(&mut self, id: FileId, data: FileData) -> bool {
        if self.0.contains_key(&id) {
            return false;
        }
        self.0.insert(id, data);
        true
    }

    pub fn remove(&mut self, id: &FileId) -> Option<FileData> {
        self.0.remove(id)
    }

    /// Keeps only the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&FileId) -> bool) {
        self.0.retain(|id, _| keep(id));
    }

    /// The bytes of all entries together.
    pub fn total_bytes(&self) -> usize {
        self.0.values().map(|f| f.bytes.len()).sum()
    }
}

impl Serialize for Files {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (id, f) in &self.0 {
            let data = match &f.damaged {
                Some(raw) => std::borrow::Cow::Borrowed(&**raw),
                None => std::borrow::Cow::Owned(crate::base64::encode(&f.bytes)),
            };
            map.serialize_entry(id, &FileOut { mime: f.mime, data })?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Files {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = BTreeMap<FileId, FileOut<'static>>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of pictures by id")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(id) = map.next_key::<FileId>()? {
                    let f: FileOut<'static> = map.next_value()?;
                    // Written twice, one of the two would be dropped unseen.
                    if out.contains_key(&id) {
                        return Err(A::Error::custom(format!(
                            "the picture `{}` is there twice",
                            id.as_str()
                        )));
                    }
                    out.insert(id, f);
                }
                Ok(out)
            }
        }
        let raw = d.deserialize_map(V)?;
        let files = raw
            .into_iter()
            .map(|(id, f)| {
                let bytes = crate::base64::decode(&f.data).filter(|b| FileId::of(b) == id);
                let data = match bytes {
                    Some(b) => FileData::new(f.mime, b),
                    None => FileData {
                        mime: f.mime,
                        bytes: Arc::from(Vec::new()),
                        damaged: Some(Arc::from(f.data.into_owned())),
                    },
                };
                (id, data)
            })
            .collect();
        Ok(Files(files))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_content_hashes_and_checked() {
        let id = FileId::of(b"abc");
        assert_eq!(
            id.as_str(),
            "sha256-ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(FileId::parse(id.as_str()).is_ok());
        assert!(FileId::parse("sha256-BA78").is_err());
        assert!(FileId::parse("md5-00").is_err());
    }

    #[test]
    fn entries_round_trip_and_damaged_ones_are_kept_as_written() {
        let mut files = Files::default();
        let bytes = b"\x89PNG fake".to_vec();
        let id = FileId::of(&bytes);
        assert!(files.insert(id.clone(), FileData::new(Mime::Png, bytes.clone())));
        assert!(!files.insert(id.clone(), FileData::new(Mime::Png, bytes)));
        let json = serde_json::to_string(&files).unwrap();
        let back: Files = serde_json::from_str(&json).unwrap();
        assert_eq!(back, files);

        let other = FileId::of(b"other");
        let bad = format!(
            r#"{{"{}":{{"mime":"image/png","data":"not base64!"}},"{}":{{"mime":"image/gif","data":"AAAA"}}}}"#,
            id.as_str(),
            other.as_str()
        );
        let back: Files = serde_json::from_str(&bad).unwrap();
        assert!(back.get(&id).is_some_and(FileData::is_damaged));
        // Base64, but not the bytes its key names.
        assert!(back.get(&other).is_some_and(FileData::is_damaged));
        let again: serde_json::Value = serde_json::to_value(&back).unwrap();
        assert_eq!(again[id.as_str()]["data"], "not base64!");
        assert!(serde_json::from_str::<Files>(r#"{"x":{"mime":"image/png","data":""}}"#).is_err());
        let twice = format!(
            r#"{{"{0}":{{"mime":"image/png","data":""}},"{0}":{{"mime":"image/png","data":""}}}}"#,
            id.as_str()
        );
        assert!(
            serde_json::from_str::<Files>(&twice).is_err_and(|e| e.to_string().contains("twice"))
        );
        let unknown = format!(r#"{{"{}":{{"mime":"text/html","data":""}}}}"#, id.as_str());
        assert!(serde_json::from_str::<Files>(&unknown).is_err());
    }
}
