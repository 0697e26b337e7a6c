//! Text from files and the clipboard: what is printed has no control characters and stays
//! short whatever the input; pasted text makes cards or a reason, never a panic.
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
});
