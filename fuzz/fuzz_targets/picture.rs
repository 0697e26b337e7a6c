//! Pictures brought in and stored pictures read: any bytes give a picture or a reason, never
//! a panic; what is accepted reads again and draws at a small size within its limits.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = malbild::picture::import(data) {
        match malbild::picture::open(&imported.data) {
            Ok(source) => {
                let (w, h) = source.render_size(64.0, 64.0);
                let px = source.render(w, h);
                assert_eq!(px.rgba.len(), (px.width * px.height * 4) as usize);
            }
            Err(e) => panic!("an accepted picture does not read again: {e}"),
        }
    }
    // A stored entry of any bytes, as a canvas file could hold it.
    let stored = malbild::model::FileData::new(malbild::model::Mime::Png, data.to_vec());
    if let Ok(source) = malbild::picture::open(&stored) {
        let _ = source.render(16, 16);
    }
});
