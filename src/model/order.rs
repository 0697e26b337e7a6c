//! Fractional-index order keys for the paint order of elements.
//!
//! Every element carries an order key, a short string. Elements are painted in
//! ascending key order, and plain string comparison (`<` on `&str`, byte by byte)
//! is that order. To put an element between two others we make a new key that
//! sorts between their keys; no other element's key ever has to change. This is
//! the scheme used by Figma and tldraw, described by David Greenspan in
//! "Implementing Fractional Indexing", and the format is the one of the
//! `fractional-indexing` library by rocicorp, so keys are interchangeable with it.
//!
//! # Format
//!
//! A key is written in the base-62 digits `0-9A-Za-z`, whose ASCII order is their
//! numeric order. It has two parts:
//!
//! * An *integer part*. Its first character (the head) tells its length: `a` means
//!   one more digit follows, `b` two, ... `z` twenty-six; `Z` means one digit
//!   follows, `Y` two, ... `A` twenty-six. Heads `A`-`Z` are the negative integers,
//!   `a`-`z` the non-negative ones, so `"Zz" < "a0" < "a1" < "az" < "b00"`.
//!   Appending or prepending only ever bumps this integer, which keeps keys short.
//! * An optional *fraction*: digits after the integer part, read as a base-62
//!   fraction. It never ends in `0` (so that every position has exactly one
//!   spelling and there is always room below it). Inserting between two
//!   neighbours picks a fraction halfway between theirs.
//!
//! The smallest integer, `"A"` followed by twenty-six `0`s, is not itself a valid
//! key, so that a key below every other key can always be made.
//!
//! Keys come from user files, so nothing here panics on bad input: malformed keys,
//! keys longer than [`MAX_KEY_LEN`] bytes and bounds in the wrong order are
//! reported as [`OrderError`].

use std::fmt;

/// The key to give the first element of an empty document.
pub const FIRST: &str = "a0";

/// The longest key accepted, in bytes. Longer keys are refused as invalid, and a
/// new key that would be longer is not made (an error is returned instead; the
/// caller can then renumber with [`keys_between`]`(None, None, n)`).
pub const MAX_KEY_LEN: usize = 1024;

/// Most characters of an offending key kept in an error.
const ERROR_KEY_CHARS: usize = 40;

/// The base-62 digits in ascending order.
const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Number of digits (the base).
const BASE: u8 = 62;

/// Why an order key could not be used or made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrderError {
    /// A key is not a well-formed order key (or a new key would be longer than
    /// [`MAX_KEY_LEN`]). Holds the key, cut to at most 40 characters: a cut key
    /// keeps its first 39 characters followed by `…`.
    Invalid(String),
    /// The lower bound is not strictly below the upper bound.
    NotAscending,
}

impl OrderError {
    /// An `Invalid` error for `key`, keeping at most 40 characters of it.
    fn invalid(key: &str) -> OrderError {
        OrderError::Invalid(shorten(key))
    }
}

/// `key` unchanged if it has at most 40 characters, else its first 39 and `…`.
fn shorten(key: &str) -> String {
    if key.chars().nth(ERROR_KEY_CHARS).is_none() {
        return key.to_owned();
    }
    let mut s: String = key.chars().take(ERROR_KEY_CHARS - 1).collect();
    s.push('…');
    s
}

/// Whether `c` should be shown escaped in a message: control characters and
/// invisible characters that can reorder or hide text.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

impl fmt::Display for OrderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrderError::Invalid(key) => {
                // Shorten again: the variant is public and may hold anything.
                f.write_str("invalid order key \"")?;
                for c in shorten(key).chars() {
                    if c == '"' || c == '\\' {
                        write!(f, "\\{c}")?;
                    } else if needs_escape(c) {
                        write!(f, "\\u{{{:x}}}", u32::from(c))?;
                    } else {
                        write!(f, "{c}")?;
                    }
                }
                f.write_str("\"")
            }
            OrderError::NotAscending => f.write_str("order keys are not in ascending order"),
        }
    }
}

impl std::error::Error for OrderError {}

/// The key for the first element of an empty document (`"a0"`).
pub fn first() -> String {
    FIRST.to_owned()
}

/// Whether `key` is a well-formed order key: non-empty, at most [`MAX_KEY_LEN`]
/// bytes, only base-62 digits, an integer part as long as its head says, a
/// fraction not ending in `0`, and not the reserved smallest integer alone.
pub fn is_valid(key: &str) -> bool {
    parse(key).is_ok()
}

/// A key strictly between `a` and `b`; `None` stands for an open end (before
/// everything, after everything). `key_between(None, None)` is [`FIRST`].
///
/// Appending (`b` = `None`) and prepending (`a` = `None`) step the integer part,
/// so keys made that way stay a few characters long. Inserting between two keys
/// takes the base-62 midpoint of their fractions.
///
/// Errors: [`OrderError::Invalid`] if either key is not valid (or the new key
/// would exceed [`MAX_KEY_LEN`]), [`OrderError::NotAscending`] if `a >= b`.
pub fn key_between(a: Option<&str>, b: Option<&str>) -> Result<String, OrderError> {
    let pa = a.map(parse).transpose()?;
    let pb = b.map(parse).transpose()?;
    if let (Some(x), Some(y)) = (a, b)
        && x >= y
    {
        return Err(OrderError::NotAscending);
    }
    let made: Vec<u8> = match (pa, pb) {
        (None, None) => FIRST.as_bytes().to_vec(),
        (None, Some((ib, fb))) => {
            if is_smallest_integer(ib) {
                // Nothing below this integer: go below inside its fraction.
                join(
                    ib,
                    &midpoint(&[], Some(fb)).ok_or_else(|| invalid_bytes(ib, fb))?,
                )
            } else if !fb.is_empty() {
                // The bare integer part sorts before the key itself.
                ib.to_vec()
            } else {
                decrement_integer(ib).ok_or_else(|| invalid_bytes(ib, fb))?
            }
        }
        (Some((ia, fa)), None) => match increment_integer(ia) {
            Some(next) => next,
            // The largest integer: go above inside its fraction.
            None => join(
                ia,
                &midpoint(fa, None).ok_or_else(|| invalid_bytes(ia, fa))?,
            ),
        },
        (Some((ia, fa)), Some((ib, fb))) => {
            if ia == ib {
                join(ia, &midpoint(fa, Some(fb)).ok_or(OrderError::NotAscending)?)
            } else {
                match increment_integer(ia) {
                    Some(next) if b.is_some_and(|y| next.as_slice() < y.as_bytes()) => next,
                    _ => join(
                        ia,
                        &midpoint(fa, None).ok_or_else(|| invalid_bytes(ia, fa))?,
                    ),
                }
            }
        }
    };
    finish(made, a, b)
}

/// `n` ascending keys strictly between `a` and `b` (`None` = open end).
///
/// With an open end the keys are consecutive integers (short, like appending one
/// at a time). Between two keys the range is split in two recursively (middle key
/// first, then each half), so the keys are spread evenly and even 1,000 of them
/// take only a couple of extra characters. `keys_between(None, None, n)` gives
/// fresh short keys for renumbering a whole document.
///
/// Errors as [`key_between`]; the bounds are checked even when `n` is 0.
pub fn keys_between(a: Option<&str>, b: Option<&str>, n: usize) -> Result<Vec<String>, OrderError> {
    if let Some(x) = a {
        parse(x)?;
    }
    if let Some(y) = b {
        parse(y)?;
    }
    if let (Some(x), Some(y)) = (a, b)
        && x >= y
    {
        return Err(OrderError::NotAscending);
    }
    // Do not trust `n` for a huge up-front allocation.
    let mut out: Vec<String> = Vec::with_capacity(n.min(4096));
    match (a, b) {
        (_, None) => {
            for _ in 0..n {
                let next = key_between(out.last().map(String::as_str).or(a), None)?;
                out.push(next);
            }
        }
        (None, Some(_)) => {
            for _ in 0..n {
                let next = key_between(None, out.last().map(String::as_str).or(b))?;
                out.push(next);
            }
            out.reverse();
        }
        (Some(lo), Some(hi)) => fill_between(lo, hi, n, &mut out)?,
    }
    Ok(out)
}

/// Pushes `n` ascending keys strictly between `lo` and `hi` onto `out`: the middle
/// key, with half of the others on each side (recursion depth is log2 n).
fn fill_between(lo: &str, hi: &str, n: usize, out: &mut Vec<String>) -> Result<(), OrderError> {
    if n == 0 {
        return Ok(());
    }
    let mid = key_between(Some(lo), Some(hi))?;
    let left = n / 2;
    fill_between(lo, &mid, left, out)?;
    out.push(mid.clone());
    fill_between(&mid, hi, n - left - 1, out)
}

/// Splits a valid key into integer part and fraction, or says why it is invalid.
fn parse(key: &str) -> Result<(&[u8], &[u8]), OrderError> {
    let bytes = key.as_bytes();
    let bad = || OrderError::invalid(key);
    if bytes.is_empty() || bytes.len() > MAX_KEY_LEN {
        return Err(bad());
    }
    if !bytes.iter().all(|&c| digit_value(c).is_some()) {
        return Err(bad());
    }
    let head = *bytes.first().ok_or_else(bad)?;
    let int_len = integer_len(head).ok_or_else(bad)?;
    let int = bytes.get(..int_len).ok_or_else(bad)?;
    let frac = bytes.get(int_len..).ok_or_else(bad)?;
    if frac.last() == Some(&b'0') {
        return Err(bad());
    }
    if frac.is_empty() && is_smallest_integer(int) {
        return Err(bad());
    }
    Ok((int, frac))
}

/// The value of a base-62 digit.
fn digit_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'A'..=b'Z' => Some(c - b'A' + 10),
        b'a'..=b'z' => Some(c - b'a' + 36),
        _ => None,
    }
}

/// The base-62 digit for a value below 62.
fn digit_char(v: u8) -> Option<u8> {
    DIGITS.get(usize::from(v)).copied()
}

/// Length of the integer part (head included) announced by its head.
fn integer_len(head: u8) -> Option<usize> {
    match head {
        b'a'..=b'z' => Some(usize::from(head - b'a') + 2),
        b'A'..=b'Z' => Some(usize::from(b'Z' - head) + 2),
        _ => None,
    }
}

/// Whether `int` is `"A"` followed by twenty-six `0`s, the smallest integer.
fn is_smallest_integer(int: &[u8]) -> bool {
    int.len() == 27 && int.first() == Some(&b'A') && int.iter().skip(1).all(|&c| c == b'0')
}

/// The next integer, or `None` after the largest one (`z` and 26 `z`s).
fn increment_integer(int: &[u8]) -> Option<Vec<u8>> {
    let (&head, digits) = int.split_first()?;
    let mut digits = digits.to_vec();
    let mut carry = true;
    for d in digits.iter_mut().rev() {
        let v = digit_value(*d)?.checked_add(1)?;
        if v == BASE {
            *d = b'0';
        } else {
            *d = digit_char(v)?;
            carry = false;
            break;
        }
    }
    if !carry {
        return Some(join(&[head], &digits));
    }
    match head {
        b'Z' => Some(b"a0".to_vec()),
        b'z' => None,
        _ => {
            let new_head = head.checked_add(1)?;
            if new_head > b'a' {
                digits.push(b'0'); // one digit longer: b00 follows az
            } else {
                digits.pop(); // one digit shorter: Zz... shrinking towards Z0
            }
            Some(join(&[new_head], &digits))
        }
    }
}

/// The previous integer, or `None` before the smallest one.
fn decrement_integer(int: &[u8]) -> Option<Vec<u8>> {
    let (&head, digits) = int.split_first()?;
    let mut digits = digits.to_vec();
    let mut borrow = true;
    for d in digits.iter_mut().rev() {
        let v = digit_value(*d)?;
        if v == 0 {
            *d = b'z';
        } else {
            *d = digit_char(v - 1)?;
            borrow = false;
            break;
        }
    }
    if !borrow {
        return Some(join(&[head], &digits));
    }
    match head {
        b'a' => Some(b"Zz".to_vec()),
        b'A' => None,
        _ => {
            let new_head = head.checked_sub(1)?;
            if new_head < b'Z' {
                digits.push(b'z'); // one digit longer: Yzz precedes Z0
            } else {
                digits.pop(); // one digit shorter: az precedes b00
            }
            Some(join(&[new_head], &digits))
        }
    }
}

/// Digits of a fraction strictly between fractions `a` and `b` (`None` = 1),
/// not ending in `0`. Both must be valid fractions with `a < b`; otherwise the
/// answer is `None`. Works left to right: copy the common prefix (reading `a` as
/// padded with `0`s), then take the middle digit if there is room, else keep
/// `a`'s digit and look further right.
fn midpoint(a: &[u8], b: Option<&[u8]>) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(a.len().max(b.map_or(0, <[u8]>::len)) + 1);
    let mut a = a;
    let mut b = b;
    loop {
        if let Some(bb) = b {
            let mut n = 0usize;
            while let Some(&cb) = bb.get(n) {
                if a.get(n).copied().unwrap_or(b'0') != cb {
                    break;
                }
                n += 1;
            }
            if n > 0 {
                out.extend_from_slice(bb.get(..n)?);
                a = a.get(n..).unwrap_or(&[]);
                b = Some(bb.get(n..)?);
            }
        }
        let da = match a.first() {
            Some(&c) => digit_value(c)?,
            None => 0,
        };
        let db = match b {
            Some(bb) => digit_value(*bb.first()?)?,
            None => BASE,
        };
        if db <= da {
            return None;
        }
        if db - da > 1 {
            // Room for a digit strictly between: take the middle (rounded up).
            out.push(digit_char((da + db).div_ceil(2))?);
            return Some(out);
        }
        match b {
            // b's first digit alone is above a and below b.
            Some(bb) if bb.len() > 1 => {
                out.push(*bb.first()?);
                return Some(out);
            }
            // Keep a's digit; anything after it is below b, so b no longer matters.
            _ => {
                out.push(digit_char(da)?);
                a = a.get(1..).unwrap_or(&[]);
                b = None;
            }
        }
    }
}

fn join(left: &[u8], right: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(left.len() + right.len());
    v.extend_from_slice(left);
    v.extend_from_slice(right);
    v
}

/// An `Invalid` error naming the key made of `int` and `frac`.
fn invalid_bytes(int: &[u8], frac: &[u8]) -> OrderError {
    OrderError::invalid(&String::from_utf8_lossy(&join(int, frac)))
}

/// Turns a made key into a `String`, checking that it is valid (in particular
/// not too long) and really between the bounds.
fn finish(made: Vec<u8>, a: Option<&str>, b: Option<&str>) -> Result<String, OrderError> {
    let key = String::from_utf8(made)
        .map_err(|e| OrderError::invalid(&String::from_utf8_lossy(e.as_bytes())))?;
    if !is_valid(&key) {
        return Err(OrderError::invalid(&key));
    }
    if a.is_some_and(|x| x >= key.as_str()) || b.is_some_and(|y| key.as_str() >= y) {
        return Err(OrderError::NotAscending);
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tiny xorshift64 generator, fixed seed, for repeatable "random" tests.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    fn between(a: Option<&str>, b: Option<&str>) -> String {
        let k = key_between(a, b).unwrap_or_else(|e| panic!("{a:?} .. {b:?}: {e}"));
        assert!(is_valid(&k), "{k:?} not valid");
        if let Some(a) = a {
            assert!(a < k.as_str(), "{a:?} < {k:?}");
        }
        if let Some(b) = b {
            assert!(k.as_str() < b, "{k:?} < {b:?}");
        }
        k
    }

    fn assert_strictly_ascending(keys: &[String]) {
        for w in keys.windows(2) {
            assert!(w[0] < w[1], "{:?} !< {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn same_answers_as_the_reference_library() {
        let z26 = "z".repeat(26);
        let zero26 = "0".repeat(26);
        let cases: Vec<(Option<String>, Option<String>, String)> = vec![
            (None, None, "a0".into()),
            (None, Some("a0".into()), "Zz".into()),
            (None, Some("Zz".into()), "Zy".into()),
            (Some("a0".into()), None, "a1".into()),
            (Some("a1".into()), None, "a2".into()),
            (Some("a0".into()), Some("a1".into()), "a0V".into()),
            (Some("a1".into()), Some("a2".into()), "a1V".into()),
            (Some("a0V".into()), Some("a1".into()), "a0l".into()),
            (Some("Zz".into()), Some("a0".into()), "ZzV".into()),
            (Some("Zz".into()), Some("a1".into()), "a0".into()),
            (None, Some("Y00".into()), "Xzzz".into()),
            (Some("bzz".into()), None, "c000".into()),
            (Some("a0".into()), Some("a0V".into()), "a0G".into()),
            (Some("a0".into()), Some("a0G".into()), "a08".into()),
            (Some("b125".into()), Some("b129".into()), "b127".into()),
            (Some("a0".into()), Some("a1V".into()), "a1".into()),
            (Some("Zz".into()), Some("a01".into()), "a0".into()),
            (None, Some("a0V".into()), "a0".into()),
            (None, Some("b999".into()), "b99".into()),
            (None, Some(format!("A{zero26}1")), format!("A{zero26}0V")),
            (
                Some(format!("z{}y", "z".repeat(25))),
                None,
                format!("z{z26}"),
            ),
            (Some(format!("z{z26}")), None, format!("z{z26}V")),
        ];
        for (a, b, want) in cases {
            assert_eq!(between(a.as_deref(), b.as_deref()), want, "{a:?} .. {b:?}");
        }
    }

    #[test]
    fn none_none_gives_the_first_valid_key() {
        let k = key_between(None, None);
        assert_eq!(k, Ok(first()));
        assert_eq!(FIRST, "a0");
        assert!(is_valid(FIRST));
    }

    #[test]
    fn between_any_two_keys_ordering_holds() {
        let mut pool: Vec<String> = vec![
            "Zz", "a0", "a0V", "a0l", "a1", "a1V", "b125", "b127", "b129", "Y00", "Xzzz", "c000",
            "a01", "a0G", "a08", "az", "b00", "Zy", "ZzV", "a0z", "a0zz", "a0zzz1",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        pool.push(format!("A{}1", "0".repeat(26)));
        pool.push(format!("z{}", "z".repeat(26)));
        pool.push(format!("z{}zz", "z".repeat(26)));
        pool.extend(keys_between(None, None, 70).unwrap());
        pool.extend(keys_between(None, Some("a0"), 70).unwrap());
        pool.extend(keys_between(Some("a0"), Some("a1"), 40).unwrap());
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..60 {
            let len = 2 + rng.below(6);
            let mut k = String::from("a");
            for _ in 1..len {
                k.push(DIGITS[rng.below(62)] as char);
            }
            while k.ends_with('0') && k.len() > 2 {
                k.pop();
            }
            assert!(is_valid(&k), "{k:?}");
            pool.push(k);
        }
        pool.sort();
        pool.dedup();
        for k in &pool {
            assert!(is_valid(k), "{k:?}");
        }
        let mut pairs = 0;
        for i in 0..pool.len() {
            between(None, Some(&pool[i]));
            between(Some(&pool[i]), None);
            for j in i + 1..pool.len() {
                between(Some(&pool[i]), Some(&pool[j]));
                assert_eq!(
                    key_between(Some(&pool[j]), Some(&pool[i])),
                    Err(OrderError::NotAscending)
                );
                pairs += 1;
            }
        }
        assert!(pairs > 10_000, "{pairs}");
    }

    #[test]
    fn appending_10000_stays_short() {
        let mut last = first();
        let mut max = 0;
        for _ in 0..10_000 {
            last = between(Some(&last), None);
            max = max.max(last.len());
        }
        println!("append 10000: last {last:?}, max len {max}");
        assert!(max < 10, "{max}");
    }

    #[test]
    fn prepending_10000_stays_short() {
        let mut firstk = first();
        let mut max = 0;
        for _ in 0..10_000 {
            firstk = between(None, Some(&firstk));
            max = max.max(firstk.len());
        }
        println!("prepend 10000: first {firstk:?}, max len {max}");
        assert!(max < 10, "{max}");
    }

    #[test]
    fn random_inserts_10000_never_collide_and_stay_short() {
        let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
        let mut keys: Vec<String> = Vec::new();
        let mut max = 0;
        for _ in 0..10_000 {
            let pos = rng.below(keys.len() + 1);
            let a = pos
                .checked_sub(1)
                .and_then(|i| keys.get(i))
                .map(String::as_str);
            let b = keys.get(pos).map(String::as_str);
            let k = between(a, b);
            max = max.max(k.len());
            keys.insert(pos, k);
        }
        assert_eq!(keys.len(), 10_000);
        assert!(keys.iter().all(|k| is_valid(k)));
        assert_strictly_ascending(&keys);
        println!("random inserts 10000: max key len {max}");
        assert!(max < 16, "{max}");
    }

    #[test]
    fn keys_between_1000_ascending_between_and_short() {
        let bounds: [(Option<&str>, Option<&str>); 6] = [
            (Some("a0"), Some("a1")),
            (Some("a0"), Some("a0V")),
            (Some("Zz"), Some("a0")),
            (None, None),
            (Some("a5"), None),
            (None, Some("a0")),
        ];
        for (a, b) in bounds {
            let keys = keys_between(a, b, 1000).unwrap();
            assert_eq!(keys.len(), 1000);
            assert!(keys.iter().all(|k| is_valid(k)));
            assert_strictly_ascending(&keys);
            if let Some(a) = a {
                assert!(a < keys[0].as_str());
            }
            if let Some(b) = b {
                assert!(keys[999].as_str() < b);
            }
            let max = keys.iter().map(String::len).max().unwrap_or(0);
            println!("keys_between({a:?}, {b:?}, 1000): max len {max}");
            assert!(max <= 6, "{a:?} {b:?}: {max}");
        }
    }

    #[test]
    fn keys_between_same_answers_as_the_reference_library() {
        let check = |a: Option<&str>, b: Option<&str>, n: usize, want: &str| {
            assert_eq!(keys_between(a, b, n).unwrap().join(" "), want);
        };
        check(None, None, 5, "a0 a1 a2 a3 a4");
        check(Some("a4"), None, 10, "a5 a6 a7 a8 a9 aA aB aC aD aE");
        check(None, Some("a0"), 5, "Zv Zw Zx Zy Zz");
        check(
            Some("a0"),
            Some("a2"),
            20,
            "a04 a08 a0G a0K a0O a0V a0Z a0d a0l a0t a1 a14 a18 a1G a1O a1V a1Z a1d a1l a1t",
        );
    }

    #[test]
    fn keys_between_edge_cases() {
        assert_eq!(keys_between(Some("a0"), Some("a1"), 0), Ok(vec![]));
        assert_eq!(
            keys_between(Some("a0"), Some("a1"), 1),
            Ok(vec!["a0V".to_string()])
        );
        assert_eq!(
            keys_between(Some("a1"), Some("a0"), 0),
            Err(OrderError::NotAscending)
        );
        assert_eq!(
            keys_between(Some("a1"), Some("a1"), 3),
            Err(OrderError::NotAscending)
        );
        assert!(matches!(
            keys_between(Some("a00"), None, 0),
            Err(OrderError::Invalid(_))
        ));
        assert!(matches!(
            keys_between(None, Some("é"), 2),
            Err(OrderError::Invalid(_))
        ));
    }

    #[test]
    fn invalid_keys_are_refused_without_panic() {
        let long = format!("a0{}", "1".repeat(1998));
        assert_eq!(long.len(), 2000);
        let at_limit = format!("a0{}", "1".repeat(MAX_KEY_LEN - 2));
        assert!(is_valid(&at_limit));
        let smallest = format!("A{}", "0".repeat(26));
        let bad: Vec<String> = vec![
            "".into(),
            "a".into(),
            "a00".into(),
            "a0 ".into(),
            " a0".into(),
            "é".into(),
            "aé".into(),
            "a0\u{0}".into(),
            "a0\n".into(),
            "0".into(),
            "01".into(),
            "b0".into(),
            "A".into(),
            "zzz".into(),
            "z".repeat(26),
            "Z".into(),
            "a0-".into(),
            "a0_1".into(),
            "a0V0".into(),
            smallest,
            long,
        ];
        for k in &bad {
            assert!(!is_valid(k), "{k:?} accepted");
            assert!(
                matches!(key_between(Some(k), None), Err(OrderError::Invalid(_))),
                "{k:?}"
            );
            assert!(
                matches!(key_between(None, Some(k)), Err(OrderError::Invalid(_))),
                "{k:?}"
            );
            assert!(matches!(
                key_between(Some(k), Some("b00")),
                Err(OrderError::Invalid(_))
            ));
            assert!(matches!(
                key_between(Some("Zz"), Some(k)),
                Err(OrderError::Invalid(_))
            ));
            assert!(matches!(
                key_between(Some(k), Some(k)),
                Err(OrderError::Invalid(_))
            ));
        }
        // 29 'z's: head 'z' means a 27-char integer, so this is integer "z"x27
        // plus fraction "zz" -- a valid key in this format.
        assert!(is_valid("zzzzzzzzzzzzzzzzzzzzzzzzzzzzz"));
        let after = between(Some("zzzzzzzzzzzzzzzzzzzzzzzzzzzzz"), None);
        assert!(after.starts_with("zzzzzzzzzzzzzzzzzzzzzzzzzzzzz"));
        // Valid keys that look odd.
        let near_smallest = format!("A{}1", "0".repeat(26));
        for k in [
            "a0",
            "Zz",
            "a1V",
            "b00",
            "Y001",
            "Y00",
            near_smallest.as_str(),
        ] {
            assert!(is_valid(k), "{k:?}");
        }
    }

    #[test]
    fn equal_or_reversed_bounds_are_not_ascending() {
        for x in ["a0", "a0V", "Zz", "b125"] {
            assert_eq!(key_between(Some(x), Some(x)), Err(OrderError::NotAscending));
        }
        assert_eq!(
            key_between(Some("a1"), Some("a0")),
            Err(OrderError::NotAscending)
        );
        assert_eq!(
            key_between(Some("b00"), Some("az")),
            Err(OrderError::NotAscending)
        );
    }

    #[test]
    fn error_messages_are_short_and_escaped() {
        assert_eq!(
            OrderError::NotAscending.to_string(),
            "order keys are not in ascending order"
        );
        assert_eq!(
            key_between(Some("a00"), None).unwrap_err().to_string(),
            "invalid order key \"a00\""
        );
        let long = format!("a0{}", "1".repeat(1998));
        let err = key_between(Some(&long), None).unwrap_err();
        match &err {
            OrderError::Invalid(k) => {
                assert_eq!(k.chars().count(), 40);
                assert!(k.ends_with('…'));
            }
            other => panic!("{other:?}"),
        }
        let msg = err.to_string();
        assert!(msg.len() < 80, "{msg}");

        let nasty = "a0\u{1b}[31m\r\n\"\\\u{202E}\u{7f}xyz";
        let msg = key_between(Some(nasty), None).unwrap_err().to_string();
        assert_eq!(
            msg,
            "invalid order key \"a0\\u{1b}[31m\\u{d}\\u{a}\\\"\\\\\\u{202e}\\u{7f}xyz\""
        );
        assert!(!msg.chars().any(|c| c.is_control()));

        // A hand-made error with a huge, hostile key still prints short and clean.
        let hand = OrderError::Invalid("\u{7}".repeat(500));
        let msg = hand.to_string();
        assert!(!msg.chars().any(|c| c.is_control()));
        assert_eq!(msg.matches("\\u{7}").count(), 39);

        let as_dyn: Box<dyn std::error::Error> = Box::new(OrderError::NotAscending);
        assert_eq!(as_dyn.to_string(), "order keys are not in ascending order");
    }

    #[test]
    fn exhausting_a_gap_gives_an_error_not_a_panic() {
        // Always inserting right after "a0" grows keys; eventually the new key
        // would pass MAX_KEY_LEN and an error comes back instead.
        let mut upper = String::from("a1");
        let mut made = 0;
        let err = loop {
            match key_between(Some("a0"), Some(&upper)) {
                Ok(k) => {
                    assert!(k.len() <= MAX_KEY_LEN);
                    assert!("a0" < k.as_str() && k < upper);
                    upper = k;
                    made += 1;
                    assert!(made < 100_000, "never ran out");
                }
                Err(e) => break e,
            }
        };
        assert!(matches!(err, OrderError::Invalid(_)), "{err:?}");
        println!("gap after a0 exhausted after {made} inserts");
        // Same going down from the smallest integer.
        let mut lowest = format!("A{}1", "0".repeat(26));
        let err = loop {
            match key_between(None, Some(&lowest)) {
                Ok(k) => {
                    assert!(k < lowest && is_valid(&k));
                    lowest = k;
                }
                Err(e) => break e,
            }
        };
        assert!(matches!(err, OrderError::Invalid(_)), "{err:?}");
        // And going up from the largest integer.
        let mut highest = format!("z{}", "z".repeat(26));
        let err = loop {
            match key_between(Some(&highest), None) {
                Ok(k) => {
                    assert!(k > highest && is_valid(&k));
                    highest = k;
                }
                Err(e) => break e,
            }
        };
        assert!(matches!(err, OrderError::Invalid(_)), "{err:?}");
    }

    #[test]
    fn integer_steps_cross_head_boundaries() {
        assert_eq!(between(Some("az"), None), "b00");
        assert_eq!(between(Some("Zz"), None), "a0");
        assert_eq!(between(Some("Yzz"), None), "Z0");
        assert_eq!(between(None, Some("b00")), "az");
        assert_eq!(between(None, Some("Z0")), "Yzz");
        assert_eq!(between(None, Some("a0")), "Zz");
    }
}
