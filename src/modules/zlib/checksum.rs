//! CRC-32 and Adler-32 by zlib itself (the library CPython's `zlib` and `binascii` use), fed
//! in chunks that fit its `uInt` lengths.
use libz_sys::uInt;

/// The CRC-32 of `data` continuing from `crc`.
pub(crate) fn crc32(mut crc: u32, data: &[u8]) -> u32 {
    // An empty input still goes through zlib, which reduces an out-of-range start value.
    for chunk in data.chunks(uInt::MAX as usize).chain(data.is_empty().then_some(data)) {
        // SAFETY: zlib reads exactly `chunk.len()` bytes from the pointer.
        crc = unsafe { libz_sys::crc32(crc.into(), chunk.as_ptr(), chunk.len() as uInt) } as u32;
    }
    crc
}

/// The Adler-32 of `data` continuing from `adler`.
pub(crate) fn adler32(mut adler: u32, data: &[u8]) -> u32 {
    for chunk in data.chunks(uInt::MAX as usize).chain(data.is_empty().then_some(data)) {
        // SAFETY: as in `crc32`.
        adler = unsafe { libz_sys::adler32(adler.into(), chunk.as_ptr(), chunk.len() as uInt) } as u32;
    }
    adler
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values() {
        assert_eq!(super::crc32(0, b"hello"), 907060870);
        assert_eq!(super::crc32(5, b"hello"), 4277152246);
        assert_eq!(super::adler32(1, b"hello"), 103547413);
        assert_eq!(super::adler32(u32::MAX, b""), 917518);
    }
}
