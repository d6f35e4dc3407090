//! `PyImport_GetMagicNumber`: the magic number of CPython 3.11's bytecode files (3495),
//! as the little-endian int of `importlib.util.MAGIC_NUMBER` (`b'\xa7\r\r\n'`). ferropy
//! neither writes nor runs `.pyc` files, but tools that compare the number expect 3.11's.
use core::ffi::c_long;

/// The 3.11 magic: the version's 16-bit number, then `\r\n`.
const MAGIC: c_long = 3495 | ((b'\r' as c_long) << 16) | ((b'\n' as c_long) << 24);

/// `long PyImport_GetMagicNumber(void)`.
#[no_mangle]
pub extern "C" fn PyImport_GetMagicNumber() -> c_long {
    MAGIC
}
