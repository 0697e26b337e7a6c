//! A stroke's points in a file (version 7 on): one string, the standard base64 of the points
//! as whole hundredths of a point, each coordinate the difference from the one before it (the
//! first from 0) as a zigzag LEB128 varint — `x₀ y₀ x₁ y₁ …`. A pen's points lie about two
//! points apart, so most take two bytes a coordinate: a sixth of the size of a list of
//! numbers, and read without parsing a number. A stroke's points are kept to a hundredth of
//! a point in memory too ([`quantize`]), so that what is saved is what was there.

use crate::model::MAX_COORD;

/// `v` to the nearest hundredth of a point (the nearest `f32` to it): finer does not show
/// even at the highest zoom. Idempotent; a value that is not finite is left as it is.
pub fn quantize(v: f32) -> f32 {
    if !v.is_finite() {
        return v;
    }
    ((f64::from(v) * 100.0).round() / 100.0) as f32
}

/// Hundredths of a point, kept within what a valid file can hold (twice the coordinate
/// limit), so that differences never overflow.
fn hundredths(v: f32) -> i64 {
    let limit = f64::from(MAX_COORD) * 200.0;
    if v.is_finite() {
        (f64::from(v) * 100.0).round().clamp(-limit, limit) as i64
    } else {
        0
    }
}

fn push_varint(out: &mut Vec<u8>, v: i64) {
    let mut z = ((v << 1) ^ (v >> 63)) as u64;
    loop {
        let byte = (z & 0x7f) as u8;
        z >>= 7;
        if z == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// The points as the string a file holds.
pub fn encode(points: &[[f32; 2]]) -> String {
    let mut bytes = Vec::with_capacity(points.len() * 4);
    let mut prev = [0i64; 2];
    for p in points {
        for (c, last) in p.iter().zip(prev.iter_mut()) {
            let h = hundredths(*c);
            push_varint(&mut bytes, h - *last);
            *last = h;
        }
    }
    crate::base64::encode(&bytes)
}

/// The points of a file's string: at most `max` of them. The message says what is wrong.
pub fn decode(s: &str, max: usize) -> Result<Vec<[f32; 2]>, String> {
    // Checked before anything is decoded: ten bytes a coordinate at the very most.
    if s.len() > (max * 2 * 10).div_ceil(3) * 4 + 4 {
        return Err(format!("more than {max} points"));
    }
    let bytes = crate::base64::decode(s).ok_or("the points are not base64")?;
    let limit = i64::from(MAX_COORD as i32) * 200;
    let mut out: Vec<[f32; 2]> = Vec::with_capacity((bytes.len() / 4).min(max));
    let mut prev = [0i64; 2];
    let mut point = [0f32; 2];
    let mut k = 0usize;
    let mut it = bytes.iter();
    loop {
        // One varint, or the end.
        let mut z = 0u64;
        let mut shift = 0u32;
        let mut read = false;
        loop {
            let Some(&b) = it.next() else {
                if read {
                    return Err("the points end in the middle of a number".into());
                }
                if k % 2 == 1 {
                    return Err("the last point has no y".into());
                }
                return Ok(out);
            };
            read = true;
            if shift >= 64 {
                return Err("a number of the points is too long".into());
            }
            z |= u64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        let d = (z >> 1) as i64 ^ -((z & 1) as i64);
        let axis = k % 2;
        let v = prev[axis]
            .checked_add(d)
            .filter(|v| v.abs() <= limit)
            .ok_or_else(|| format!("points[{}]: a coordinate is out of range", k / 2))?;
        prev[axis] = v;
        point[axis] = (v as f64 / 100.0) as f32;
        if axis == 1 {
            if out.len() == max {
                return Err(format!("more than {max} points"));
            }
            out.push(point);
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_come_back_as_they_were_kept() {
        let pts: Vec<[f32; 2]> = vec![
            [0.0, 0.0],
            [5.04, 22.88],
            [-3.5, 1e6],
            [131_072.02, -65_536.01],
            [0.01, -0.01],
        ]
        .into_iter()
        .map(|[x, y]| [quantize(x), quantize(y)])
        .collect();
        let s = encode(&pts);
        assert_eq!(decode(&s, 100), Ok(pts.clone()));
        // Saved again: the same string.
        assert_eq!(encode(&decode(&s, 100).unwrap_or_default()), s);
        // Kept to a hundredth: quantizing twice changes nothing, anywhere in range.
        for v in [0.123_456, 37.281_25, 65_536.01, 131_072.0, -9_999_999.0] {
            assert_eq!(quantize(quantize(v)), quantize(v), "{v}");
            let one = [[quantize(v), 0.0]];
            assert_eq!(decode(&encode(&one), 1), Ok(one.to_vec()), "{v}");
        }
    }

    #[test]
    fn a_pen_line_takes_about_two_bytes_a_coordinate() {
        let pts: Vec<[f32; 2]> = (0..1000)
            .map(|k| {
                [
                    quantize(k as f32 * 1.7),
                    quantize((k as f32 / 9.0).sin() * 40.0),
                ]
            })
            .collect();
        let s = encode(&pts);
        assert!(s.len() < 1000 * 2 * 2 * 4 / 3 + 8, "{} characters", s.len());
    }

    #[test]
    fn broken_points_are_refused_with_a_reason() {
        let cases: Vec<(String, &str)> = vec![
            ("not base64!".into(), "base64"),
            (crate::base64::encode(&[0x80]), "middle of a number"),
            (crate::base64::encode(&[2]), "no y"),
            (crate::base64::encode(&[0xff; 12]), "too long"),
            // A first x of 2^62 hundredths.
            (
                crate::base64::encode(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40, 0]),
                "out of range",
            ),
            ("A".repeat(1_000_000), "more than"),
        ];
        for (s, why) in cases {
            match decode(&s, 10_000) {
                Err(m) => assert!(m.contains(why), "{m} for {why}"),
                Ok(p) => panic!("{} points read from a broken string ({why})", p.len()),
            }
        }
        // Too many points, counted as they come.
        let many = encode(&[[1.0, 1.0]; 20]);
        assert!(decode(&many, 19).is_err_and(|m| m.contains("more than 19")));
        assert_eq!(decode("", 10), Ok(Vec::new()));
    }
}
