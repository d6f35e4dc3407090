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
    // The tail byte by byte: a copy of a variable length was a call to memcpy per hash.
    let mut tail = 0u64;
    for (i, &b) in chunks.remainder().iter().enumerate() {
        tail |= (b as u64) << (8 * i);
    }
    let m = tail | ((data.len() as u64) << 56);
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

/// Longest name `hash_name` remembers.
const NAME_MAX: usize = 32;
const NAME_SLOTS: usize = 64;

/// A remembered name hash: the name's bytes (not only its address: a buffer can be freed
/// and its address reused for other text) and its `hash_bytes`.
#[derive(Clone, Copy)]
struct NameHash {
    len: u8,
    bytes: [u8; NAME_MAX],
    hash: Py_hash_t,
}

#[cfg(test)]
static NAME_TEST_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

static mut NAME_HASHES: [NameHash; NAME_SLOTS] = [NameHash { len: 0, bytes: [0; NAME_MAX], hash: 0 }; NAME_SLOTS];

/// `hash_bytes` of a name looked up by its text (`dict::get_item_str`: `__name__` and
/// `__builtins__` at every function creation, slot names at every class creation): the
/// last hash per slot is kept, the slot chosen by the text's address, so a literal hashes
/// once per process. A hit compares the text, which costs a fraction of SipHash.
///
/// # Safety
/// The GIL is held (the table is process-wide and unsynchronised).
pub(crate) unsafe fn hash_name(name: &[u8]) -> Py_hash_t {
    if name.is_empty() || name.len() > NAME_MAX {
        return hash_bytes(name);
    }
    // Rust tests run on several threads at once; the interpreter has the GIL.
    #[cfg(test)]
    let _serial = NAME_TEST_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let slot = ((name.as_ptr() as usize >> 3) ^ name.len()) % NAME_SLOTS;
    let e = &mut (*(&raw mut NAME_HASHES))[slot];
    if e.len as usize == name.len() && &e.bytes[..name.len()] == name {
        return e.hash;
    }
    let hash = hash_bytes(name);
    e.len = name.len() as u8;
    e.bytes[..name.len()].copy_from_slice(name);
    e.hash = hash;
    hash
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

    // Every tail length, 0 to 7 bytes after whole words (values from CPython 3.11,
    // PYTHONHASHSEED=0: hash(b"abcdefghijklmnop"[:n])).
    #[test]
    fn every_tail_length_matches_cpython() {
        let expected: [i64; 16] = [
            4644417185603328019, 6148830537548944441, -4594863902769663758, -2030606670787596663,
            2674923165546153122, 7070790388344807208, 7904145750247929094, 4574395652268504554,
            -532774252720507163, -829746140550000655, 1450545860578130900, -8996131201539021375,
            -7689147164244908826, -162833645092072998, 2293029479765367930, -7712962755478248686,
        ];
        for (n, &want) in expected.iter().enumerate() {
            assert_eq!(hash_with_seed(0, &b"abcdefghijklmnop"[..n + 1]), want, "length {}", n + 1);
        }
    }

    /// The remembered hash is the text's, whatever buffer holds it.
    #[test]
    fn hash_name_follows_the_text() {
        let mut buf = *b"__name__";
        unsafe {
            assert_eq!(hash_name(&buf), hash_bytes(b"__name__"));
            buf.copy_from_slice(b"__func__");
            assert_eq!(hash_name(&buf), hash_bytes(b"__func__"));
            assert_eq!(hash_name(b"__name__"), hash_bytes(b"__name__"));
            let long = [b'x'; 40];
            assert_eq!(hash_name(&long), hash_bytes(&long));
        }
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
