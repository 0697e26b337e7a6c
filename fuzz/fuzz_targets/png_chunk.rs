//! The PNG chunk walker and the canvas inside a PNG: any bytes after the PNG signature give
//! a canvas, none, "too large" or "damaged" — never a panic, never more than the limit.
#![no_main]
use libfuzzer_sys::fuzz_target;
use malbild::io::png::{Embedded, embedded_document};

fuzz_target!(|data: &[u8]| {
    let mut png = malbild::io::PNG_SIGNATURE.to_vec();
    png.extend_from_slice(data);
    if let Embedded::Document(text) = embedded_document(&png, 1 << 16) {
        assert!(text.len() <= 1 << 16);
    }
    let _ = malbild::io::from_bytes(&png);
});
