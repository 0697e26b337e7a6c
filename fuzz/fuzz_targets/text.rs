//! Text from files and the clipboard: what is printed has no control characters and stays
//! short whatever the input; pasted text makes cards or a reason, never a panic; copied
//! elements read back from the clipboard (as JSON text, or inside HTML) are elements that pass
//! the document's checks, or a reason.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let tidy = malbild::i18n::tidy(&text);
    assert!(!tidy.chars().any(char::is_control), "{tidy:?}");
    // At most MAX_LINE characters, and one escape and a mark past it.
    assert!(
        tidy.chars().count() <= malbild::i18n::MAX_LINE + 12,
        "{}",
        tidy.len()
    );
    let doc = malbild::model::Document::new();
    let at = malbild::model::Point::new(400.0, 300.0);
    if let Ok(cards) =
        malbild::edit::clipboard::cards_from_text(&doc, &text, at, Default::default())
    {
        assert!(cards.len() <= malbild::edit::clipboard::MAX_PASTED_CARDS);
    }
    use malbild::edit::clipboard::{from_json, json_in_html, paste};
    let json = json_in_html(&text);
    for t in [Some(text.as_ref()), json.as_deref()].into_iter().flatten() {
        if let Some(Ok(clip)) = from_json(t) {
            let pasted = paste(&doc, &clip, at);
            assert_eq!(pasted.len(), clip.elements.len());
        }
    }
});
