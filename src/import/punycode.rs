//! Punycode (RFC 3492) encoding, for the `PyInitU_...` export names of extension modules
//! whose names are not ASCII (PEP 489).

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 0x80;

fn digit(d: u32) -> char {
    // 0..25 are 'a'..'z', 26..35 are '0'..'9'.
    if d < 26 { (b'a' + d as u8) as char } else { (b'0' + (d - 26) as u8) as char }
}

fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
    delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
}

/// The Punycode form of `text` (basic characters, then `-` when there were any, then the
/// encoded insertions), as Python's `punycode` codec gives it.
pub(crate) fn encode(text: &str) -> String {
    let points: Vec<u32> = text.chars().map(|c| c as u32).collect();
    let mut out: String = text.chars().filter(char::is_ascii).collect();
    let basic = out.len() as u32;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias, mut handled) = (INITIAL_N, 0u32, INITIAL_BIAS, basic);
    while (handled as usize) < points.len() {
        let m = points.iter().copied().filter(|&c| c >= n).min().unwrap_or(n);
        delta = delta.wrapping_add((m - n).wrapping_mul(handled + 1));
        n = m;
        for &c in &points {
            if c < n {
                delta = delta.wrapping_add(1);
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias { T_MIN } else if k >= bias + T_MAX { T_MAX } else { k - bias };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.wrapping_add(1);
        n += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn matches_python_codec() {
        // Values from CPython's `str.encode('punycode')`.
        assert_eq!(encode("café"), "caf-dma");
        assert_eq!(encode("ü"), "tda");
        assert_eq!(encode("ascii"), "ascii-");
        assert_eq!(encode("日本語"), "wgv71a119e");
        assert_eq!(encode("bücher"), "bcher-kva");
    }
}
