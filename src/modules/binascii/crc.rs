//! `crc_hqx`: the CRC-CCITT (XMODEM) of BinHex 4, polynomial 0x1021, most significant bit
//! first. (`crc32` is zlib's, shared with the `zlib` module.)

const fn table() -> [u16; 256] {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = (i as u16) << 8;
        let mut k = 0;
        while k < 8 {
            crc = if crc & 0x8000 != 0 { crc << 1 ^ 0x1021 } else { crc << 1 };
            k += 1;
        }
        t[i] = crc;
        i += 1;
    }
    t
}

static TABLE: [u16; 256] = table();

pub(crate) fn crc_hqx(data: &[u8], mut crc: u16) -> u16 {
    for &b in data {
        crc = crc << 8 ^ TABLE[((crc >> 8) as u8 ^ b) as usize];
    }
    crc
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values() {
        assert_eq!(super::crc_hqx(b"hello", 0), 50018);
        assert_eq!(super::crc_hqx(b"123456789", 0), 0x31c3);
    }
}
