//! The string hash: SipHash-1-3 (CPython 3.11's `Py_HASH_ALGORITHM` default) keyed by the
//! per-process hash secret, which `PYTHONHASHSEED` controls exactly as in CPython: unset or
//! "random" draws 24 random bytes; 0 disables randomization (all-zero secret); any other
//! integer up to 2**32-1 seeds the same linear congruential generator CPython uses, so a
//! given seed gives the same `hash()` values as CPython.
use std::sync::OnceLock;

use crate::pyport::Py_hash_t;

static SECRET: OnceLock<[u8; 24]> = OnceLock::new();

/// The 24-byte hash secret, made on first use and published in `_Py_HashSecret`.
pub(crate) fn secret() -> &'static [u8; 24] {
    SECRET.get_or_init(|| publish(make_secret()))
}

fn publish(bytes: [u8; 24]) -> [u8; 24] {
    // SAFETY: written once, before any reader can get the secret from us.
    unsafe { (*(&raw mut crate::object::hash::_Py_HashSecret)).uc = bytes };
    bytes
}

/// Makes the secret from an initialization configuration (`PyConfig.use_hash_seed`,
/// `hash_seed`) unless it exists already: as in CPython, the first choice stands for the
/// whole process.
pub(crate) fn init_from_config(use_hash_seed: bool, hash_seed: u64) {
    SECRET.get_or_init(|| {
        let mut bytes = [0u8; 24];
        if !use_hash_seed {
            fill_random(&mut bytes);
        } else if hash_seed != 0 {
            fill_from_seed(hash_seed as u32, &mut bytes);
        }
        publish(bytes)
    });
}

fn make_secret() -> [u8; 24] {
    let mut bytes = [0u8; 24];
    match std::env::var("PYTHONHASHSEED") {
        Ok(v) if !v.is_empty() && v != "random" => match parse_seed(&v) {
            Some(0) => {}
            Some(seed) => fill_from_seed(seed, &mut bytes),
            None => crate::runtime::pystate::fatal_error(
                "_Py_HashRandomization_Init",
                "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]",
            ),
        },
        _ => fill_random(&mut bytes),
    }
    bytes
}

/// A decimal seed in 0..=4294967295, surrounding whitespace allowed (as CPython's strtoul).
fn parse_seed(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<u64>().ok().and_then(|v| u32::try_from(v).ok())
}

/// CPython's reproducible secret: the MSVC-style LCG (x = x * 214013 + 2531011, mod 2**32),
/// one byte per step from bits 16..24.
fn fill_from_seed(seed: u32, bytes: &mut [u8]) {
    let mut x = seed;
    for b in bytes.iter_mut() {
        x = x.wrapping_mul(214013).wrapping_add(2531011);
        *b = ((x >> 16) & 0xff) as u8;
    }
}

fn fill_random(bytes: &mut [u8]) {
    let mut filled = 0;
    while filled < bytes.len() {
        // SAFETY: writes at most the remaining length into `bytes`.
        let n = unsafe {
            libc::getrandom(bytes[filled..].as_mut_ptr().cast(), bytes.len() - filled, 0)
        };
        if n > 0 {
            filled += n as usize;
        } else if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            crate::runtime::pystate::fatal_error(
                "_Py_HashRandomization_Init",
                "failed to get random numbers to initialize Python",
            );
        }
    }
}

#[inline]
fn round(v: &mut [u64; 4]) {
    v[0] = v[0].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(13) ^ v[0];
    v[0] = v[0].rotate_left(32);
    v[2] = v[2].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(16) ^ v[2];
    v[0] = v[0].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(21) ^ v[0];
    v[2] = v[2].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(17) ^ v[2];
    v[2] = v[2].rotate_left(32);
}

/// SipHash-1-3 of `data` under the key (k0, k1).
pub(crate) fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f6d6570736575,
        k1 ^ 0x646f72616e646f6d,
        k0 ^ 0x6c7967656e657261,
        k1 ^ 0x7465646279746573,
    ];
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let m = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        v[3] ^= m;
        round(&mut v);
        v[0] ^= m;
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let m = u64::from_le_bytes(last) | ((data.len() as u64) << 56);
    v[3] ^= m;
    round(&mut v);
    v[0] ^= m;
    v[2] ^= 0xff;
    round(&mut v);
    round(&mut v);
    round(&mut v);
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

/// SipHash-1-3 of `data` under the process secret, as is.
pub(crate) fn hash_raw(data: &[u8]) -> Py_hash_t {
    let key = secret();
    let k0 = u64::from_le_bytes(key[0..8].try_into().unwrap_or([0; 8]));
    let k1 = u64::from_le_bytes(key[8..16].try_into().unwrap_or([0; 8]));
    siphash13(k0, k1, data) as Py_hash_t
}

/// `_Py_HashBytes` of raw bytes: 0 for empty input, never -1.
pub(crate) fn hash_bytes(data: &[u8]) -> Py_hash_t {
    if data.is_empty() {
        return 0;
    }
    match hash_raw(data) {
        -1 => -2,
        h => h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash_with_seed(seed: u32, data: &[u8]) -> i64 {
        let mut key = [0u8; 24];
        if seed != 0 {
            fill_from_seed(seed, &mut key);
        }
        let k0 = u64::from_le_bytes(key[0..8].try_into().unwrap());
        let k1 = u64::from_le_bytes(key[8..16].try_into().unwrap());
        siphash13(k0, k1, data) as i64
    }

    // Expected values printed by CPython 3.11: PYTHONHASHSEED=N python3 -c "print(hash(s))".
    #[test]
    fn matches_cpython_for_fixed_seeds() {
        assert_eq!(hash_with_seed(0, b"abc"), -4594863902769663758);
        assert_eq!(hash_with_seed(1, b"abc"), -4667308735975688587);
        assert_eq!(hash_with_seed(4294967295, b"abc"), -6122489556238538401);
        // 'é' is one latin-1 byte; '€x' two UCS2 units; U+1F600 one UCS4 unit.
        assert_eq!(hash_with_seed(0, &[0xe9]), 6047309291227476195);
        assert_eq!(hash_with_seed(0, &[0xac, 0x20, b'x', 0]), -483395623852268653);
        assert_eq!(hash_with_seed(0, &[0x00, 0xf6, 0x01, 0x00]), -3536540696076613844);
    }

    #[test]
    fn seed_parsing() {
        assert_eq!(parse_seed("0"), Some(0));
        assert_eq!(parse_seed(" 42 "), Some(42));
        assert_eq!(parse_seed("4294967295"), Some(u32::MAX));
        assert_eq!(parse_seed("4294967296"), None);
        assert_eq!(parse_seed("-1"), None);
        assert_eq!(parse_seed("x"), None);
    }
}
