//! The file reader: any bytes give a document or an error, never a panic; a document that
//! loads saves and loads again as the same document.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = malbild::io::from_bytes(data) {
        let bytes = malbild::io::to_bytes(&loaded.document);
        match malbild::io::from_bytes(&bytes) {
            Ok(again) => assert_eq!(again.document, loaded.document),
            Err(e) => panic!("a saved document does not load: {e}"),
        }
    }
});
