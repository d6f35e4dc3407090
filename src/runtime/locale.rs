//! Bytes <-> wide strings the way CPython's `Py_DecodeLocale`/`Py_EncodeLocale` do it: the
//! locale's encoding (UTF-8, or ASCII for the C/POSIX locale, or whatever the C library's
//! multibyte functions know) with the `surrogateescape` error handler, so that any byte
//! string survives a round trip: an undecodable byte B becomes U+DC00+B and back.
//!
//! Also the small wide-string helpers the configuration code uses (`wchar_t` is a 32-bit
//! code point on Linux).
use core::ffi::{c_char, CStr};

use crate::object::pymem::{PyMem_Malloc, PyMem_RawFree, PyMem_RawMalloc};
use crate::pyport::wchar_t;

extern "C" {
    fn mbrtowc(pwc: *mut libc::wchar_t, s: *const c_char, n: usize, ps: *mut libc::mbstate_t) -> usize;
    fn wcrtomb(s: *mut c_char, wc: libc::wchar_t, ps: *mut libc::mbstate_t) -> usize;
}

/// The encodings the conversions distinguish.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum LocaleEncoding {
    Utf8,
    /// The C/POSIX locale: 7-bit ASCII, every other byte escaped (CPython's "force ASCII").
    Ascii,
    /// Any other locale: the C library's `mbrtowc`/`wcrtomb`.
    Libc,
}

/// The encoding of the current `LC_CTYPE` locale, or UTF-8 in UTF-8 mode.
pub(crate) fn current_encoding() -> LocaleEncoding {
    if crate::runtime::preinit::utf8_mode_enabled() {
        return LocaleEncoding::Utf8;
    }
    // SAFETY: nl_langinfo returns a pointer to a static NUL-terminated string.
    let codeset = unsafe { CStr::from_ptr(libc::nl_langinfo(libc::CODESET)) };
    let name = codeset.to_bytes().to_ascii_lowercase();
    match name.as_slice() {
        b"utf-8" | b"utf8" => LocaleEncoding::Utf8,
        b"ansi_x3.4-1968" | b"ascii" | b"us-ascii" | b"" => LocaleEncoding::Ascii,
        _ => LocaleEncoding::Libc,
    }
}

/// The escape of an undecodable byte (`surrogateescape`).
fn escape(byte: u8) -> u32 {
    0xDC00 + byte as u32
}

/// Decodes bytes with `surrogateescape`: never fails.
pub(crate) fn decode(bytes: &[u8], encoding: LocaleEncoding) -> Vec<u32> {
    let mut out = Vec::with_capacity(bytes.len());
    match encoding {
        LocaleEncoding::Utf8 => {
            for chunk in bytes.utf8_chunks() {
                out.extend(chunk.valid().chars().map(|c| c as u32));
                out.extend(chunk.invalid().iter().map(|&b| escape(b)));
            }
        }
        LocaleEncoding::Ascii => {
            out.extend(bytes.iter().map(|&b| if b < 0x80 { b as u32 } else { escape(b) }));
        }
        LocaleEncoding::Libc => decode_libc(bytes, &mut out),
    }
    out
}

fn decode_libc(bytes: &[u8], out: &mut Vec<u32>) {
    // SAFETY: an all-zero mbstate_t is the initial conversion state.
    let mut state: libc::mbstate_t = unsafe { core::mem::zeroed() };
    let mut i = 0;
    while i < bytes.len() {
        let mut wc: libc::wchar_t = 0;
        // SAFETY: reads at most the remaining bytes.
        let n = unsafe {
            mbrtowc(&mut wc, bytes[i..].as_ptr().cast(), bytes.len() - i, &mut state)
        };
        if n == usize::MAX || n == usize::MAX - 1 || (0xD800..0xE000).contains(&(wc as u32)) {
            out.push(escape(bytes[i]));
            state = unsafe { core::mem::zeroed() };
            i += 1;
        } else {
            out.push(wc as u32);
            i += n.max(1);
        }
    }
}

/// Encodes code points with `surrogateescape`; on an unencodable character, its index.
pub(crate) fn encode(text: &[u32], encoding: LocaleEncoding) -> Result<Vec<u8>, usize> {
    let mut out = Vec::with_capacity(text.len());
    for (pos, &c) in text.iter().enumerate() {
        if (0xDC80..=0xDCFF).contains(&c) {
            out.push((c - 0xDC00) as u8);
            continue;
        }
        match encoding {
            LocaleEncoding::Utf8 => match char::from_u32(c) {
                Some(ch) => {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                None => return Err(pos),
            },
            LocaleEncoding::Ascii => {
                if c < 0x80 {
                    out.push(c as u8)
                } else {
                    return Err(pos);
                }
            }
            LocaleEncoding::Libc => {
                if (0xD800..0xE000).contains(&c) {
                    return Err(pos);
                }
                let mut buf = [0u8; 16];
                // SAFETY: MB_LEN_MAX is 16 on glibc; a NULL state is the initial state.
                let n = unsafe { wcrtomb(buf.as_mut_ptr().cast(), c as libc::wchar_t, core::ptr::null_mut()) };
                if n == usize::MAX {
                    return Err(pos);
                }
                out.extend_from_slice(&buf[..n]);
            }
        }
    }
    Ok(out)
}

/// The code points of a NUL-terminated wide string (empty for NULL).
///
/// # Safety
/// `w` is NULL or a NUL-terminated `wchar_t` string.
pub(crate) unsafe fn wide_to_vec(w: *const wchar_t) -> Vec<u32> {
    let mut out = Vec::new();
    if w.is_null() {
        return out;
    }
    let mut p = w;
    while *p != 0 {
        out.push(*p as u32);
        p = p.add(1);
    }
    out
}

/// A wide string as Rust text; unpaired surrogates become U+FFFD (for messages and
/// comparisons of option names, never for round trips).
///
/// # Safety
/// As `wide_to_vec`.
pub(crate) unsafe fn wide_to_string(w: *const wchar_t) -> String {
    wide_to_vec(w).into_iter().map(|c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect()
}

/// A new NUL-terminated wide string in the raw domain (`PyMem_RawFree` frees it), or NULL
/// when memory runs out.
pub(crate) fn raw_wide_from_units(units: &[u32]) -> *mut wchar_t {
    // SAFETY: allocates room for the units and the NUL, then fills all of it.
    unsafe {
        let p = PyMem_RawMalloc((units.len() + 1) * core::mem::size_of::<wchar_t>()) as *mut wchar_t;
        if p.is_null() {
            return p;
        }
        for (i, &u) in units.iter().enumerate() {
            *p.add(i) = u as wchar_t;
        }
        *p.add(units.len()) = 0;
        p
    }
}

/// `raw_wide_from_units` of Rust text.
pub(crate) fn raw_wide_from_str(text: &str) -> *mut wchar_t {
    let units: Vec<u32> = text.chars().map(|c| c as u32).collect();
    raw_wide_from_units(&units)
}

/// A raw-domain copy of a wide string (NULL for NULL or when memory runs out).
///
/// # Safety
/// As `wide_to_vec`.
pub(crate) unsafe fn raw_wide_dup(w: *const wchar_t) -> *mut wchar_t {
    if w.is_null() {
        return core::ptr::null_mut();
    }
    raw_wide_from_units(&wide_to_vec(w))
}

/// `wchar_t *Py_DecodeLocale(const char *arg, size_t *size)`: a `PyMem_RawMalloc`'d wide
/// string; `*size` (if given) receives its length. With `surrogateescape` decoding cannot
/// fail, so NULL means no memory (`*size` = (size_t)-1) or a NULL `arg` (`(size_t)-2`).
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn Py_DecodeLocale(arg: *const c_char, size: *mut usize) -> *mut wchar_t {
    if arg.is_null() {
        if !size.is_null() {
            *size = usize::MAX - 1;
        }
        return core::ptr::null_mut();
    }
    let units = decode(CStr::from_ptr(arg).to_bytes(), current_encoding());
    let w = raw_wide_from_units(&units);
    if !size.is_null() {
        *size = if w.is_null() { usize::MAX } else { units.len() };
    }
    w
}

/// `char *Py_EncodeLocale(const wchar_t *text, size_t *error_pos)`: a `PyMem_Malloc`'d
/// byte string (free it with `PyMem_Free`). `*error_pos` is (size_t)-1 on success, the
/// index of the first unencodable character on failure (then NULL is returned).
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn Py_EncodeLocale(text: *const wchar_t, error_pos: *mut usize) -> *mut c_char {
    if !error_pos.is_null() {
        *error_pos = usize::MAX;
    }
    if text.is_null() {
        return core::ptr::null_mut();
    }
    match encode(&wide_to_vec(text), current_encoding()) {
        Ok(bytes) => {
            let p = PyMem_Malloc(bytes.len() + 1) as *mut u8;
            if !p.is_null() {
                core::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
                *p.add(bytes.len()) = 0;
            }
            p.cast()
        }
        Err(pos) => {
            if !error_pos.is_null() {
                *error_pos = pos;
            }
            core::ptr::null_mut()
        }
    }
}

/// Frees a raw-domain wide string (NULL is fine).
pub(crate) unsafe fn raw_wide_free(w: *mut wchar_t) {
    PyMem_RawFree(w.cast());
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogateescape_round_trips() {
        let bytes = b"\xe9t\xc3\xa9\xed\xa0\x80x";
        for enc in [LocaleEncoding::Utf8, LocaleEncoding::Ascii] {
            let text = decode(bytes, enc);
            assert_eq!(encode(&text, enc).unwrap(), bytes);
        }
        assert_eq!(decode(b"\xe9t\xc3\xa9", LocaleEncoding::Utf8), vec![0xdce9, 0x74, 0xe9]);
        assert_eq!(encode(&[0x61, 0x62, 0xd800], LocaleEncoding::Utf8), Err(2));
        assert_eq!(encode(&[0xdc7f], LocaleEncoding::Utf8), Err(0));
        assert_eq!(encode(&[0xe9], LocaleEncoding::Ascii), Err(0));
    }
}
