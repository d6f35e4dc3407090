//! Version and build facts: `Py_GetVersion`, `Py_GetPlatform`, `Py_GetCompiler`,
//! `Py_GetBuildInfo`, `Py_GetCopyright`. The language version is CPython's (3.11.7), the
//! build info names ferropy so that `sys.version` tells the two apart.
use core::ffi::c_char;

/// The CPython release whose behaviour and ABI we reproduce (`PY_VERSION`).
pub(crate) const PY_VERSION: &str = "3.11.7";

macro_rules! c_str_static {
    ($name:ident = $($part:expr),+) => {
        static $name: &str = concat!($($part),+, "\0");
    };
}

c_str_static!(BUILD_INFO = "ferropy ", env!("CARGO_PKG_VERSION"));
c_str_static!(COMPILER = "[", env!("FERROPY_RUSTC_VERSION"), "]");
c_str_static!(
    VERSION = "3.11.7 (ferropy ",
    env!("CARGO_PKG_VERSION"),
    ") [",
    env!("FERROPY_RUSTC_VERSION"),
    "]"
);
c_str_static!(PLATFORM = "linux");
c_str_static!(
    COPYRIGHT = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n",
    "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n",
    "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n",
    "All Rights Reserved.\n\n",
    "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved."
);

/// The Rust form of `Py_GetVersion()`, without the trailing NUL.
pub(crate) fn version_str() -> &'static str {
    &VERSION[..VERSION.len() - 1]
}

#[no_mangle]
pub extern "C" fn Py_GetVersion() -> *const c_char {
    VERSION.as_ptr().cast()
}

#[no_mangle]
pub extern "C" fn Py_GetPlatform() -> *const c_char {
    PLATFORM.as_ptr().cast()
}

#[no_mangle]
pub extern "C" fn Py_GetCompiler() -> *const c_char {
    COMPILER.as_ptr().cast()
}

#[no_mangle]
pub extern "C" fn Py_GetBuildInfo() -> *const c_char {
    BUILD_INFO.as_ptr().cast()
}

#[no_mangle]
pub extern "C" fn Py_GetCopyright() -> *const c_char {
    COPYRIGHT.as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_starts_with_the_language_version() {
        assert!(version_str().starts_with(PY_VERSION));
        assert!(!version_str().contains('\0'));
    }
}
