//! What recovery and partial opening read: any bytes as a recovery file's meta, and as a
//! canvas read in part (elements that do not fit left out) — never a panic; what is read in
//! part saves and loads again whole.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = serde_json::from_slice::<malbild::recovery::Meta>(data);
    if let Some((loaded, _dropped)) = malbild::io::partial_from_bytes(data) {
        let bytes = malbild::io::to_bytes(&loaded.document);
        match malbild::io::from_bytes(&bytes) {
            Ok(again) => assert_eq!(again.document, loaded.document),
            Err(e) => panic!("what was read in part does not load when saved: {e}"),
        }
    }
});
