//! `PyOS_strtoul` and `PyOS_strtol` (CPython's mystrtoul.c behaviour, checked against it
//! in c-tests/int_strtoul.c): leading whitespace, base 0 with 0x/0o/0b prefixes (a leading
//! 0 followed by anything else parses as 0), explicit bases 2..36 (their own prefix is
//! skipped), saturation with ERANGE on overflow. errno is set only on overflow.
use core::ffi::{c_char, c_int, c_long, c_ulong};

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 99,
    }
}

fn set_erange() {
    // SAFETY: errno is thread-local storage owned by libc.
    unsafe { *libc_errno() = 34 } // ERANGE
}

extern "C" {
    #[link_name = "__errno_location"]
    fn libc_errno() -> *mut c_int;
}

/// The parse: value, overflowed, and the offset where parsing stopped.
unsafe fn parse(s: *const u8, base: c_int) -> (c_ulong, bool, usize) {
    let at = |i: usize| *s.add(i);
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let mut base = base as i64;
    let prefix = |c: u8| match c {
        b'x' | b'X' => 16,
        b'o' | b'O' => 8,
        b'b' | b'B' => 2,
        _ => 0,
    };
    if base == 0 {
        if at(i) == b'0' {
            let p = prefix(at(i + 1));
            if p == 0 {
                // A leading zero not followed by a prefix: only zeros (and spaces) are read.
                while at(i) == b'0' {
                    i += 1;
                }
                while is_space(at(i)) {
                    i += 1;
                }
                return (0, false, i);
            }
            base = p;
            if digit_value(at(i + 2)) as i64 >= base {
                return (0, false, i + 1);
            }
            i += 2;
        } else {
            base = 10;
        }
    } else if !(2..=36).contains(&base) {
        return (0, false, i);
    } else if at(i) == b'0' && prefix(at(i + 1)) == base {
        if digit_value(at(i + 2)) as i64 >= base {
            return (0, false, i + 1);
        }
        i += 2;
    }
    let start = i;
    let mut value: c_ulong = 0;
    let mut overflow = false;
    while (digit_value(at(i)) as i64) < base {
        let d = digit_value(at(i)) as c_ulong;
        match value.checked_mul(base as c_ulong).and_then(|v| v.checked_add(d)) {
            Some(v) if !overflow => value = v,
            _ => overflow = true,
        }
        i += 1;
    }
    if i == start {
        // No digits: the end is where the digits should have started (after whitespace).
        return (0, false, start);
    }
    if overflow {
        return (c_ulong::MAX, true, i);
    }
    (value, false, i)
}

/// `unsigned long PyOS_strtoul(const char *str, char **ptr, int base)`.
#[no_mangle]
pub unsafe extern "C" fn PyOS_strtoul(s: *const c_char, ptr: *mut *mut c_char, base: c_int) -> c_ulong {
    let (v, overflow, end) = parse(s as *const u8, base);
    if overflow {
        set_erange();
    }
    if !ptr.is_null() {
        *ptr = s.add(end) as *mut c_char;
    }
    v
}

/// `long PyOS_strtol(const char *str, char **ptr, int base)`: an optional sign, then
/// `PyOS_strtoul`; out of range is LONG_MAX with ERANGE (LONG_MIN itself is allowed).
#[no_mangle]
pub unsafe extern "C" fn PyOS_strtol(s: *const c_char, ptr: *mut *mut c_char, base: c_int) -> c_long {
    let b = s as *const u8;
    let mut i = 0;
    while is_space(*b.add(i)) {
        i += 1;
    }
    let negative = *b.add(i) == b'-';
    if negative || *b.add(i) == b'+' {
        i += 1;
    }
    let (u, overflow, end) = parse(b.add(i), base);
    if !ptr.is_null() {
        *ptr = s.add(i + end) as *mut c_char;
    }
    if !overflow && u <= c_long::MAX as c_ulong {
        let v = u as c_long;
        return if negative { -v } else { v };
    }
    if !overflow && negative && u == c_long::MIN.unsigned_abs() {
        return c_long::MIN;
    }
    set_erange();
    c_long::MAX
}
