//! Pre-initialization (PEP 587): the decisions that come before any text is decoded —
//! the `LC_CTYPE` locale, UTF-8 mode, development mode, the memory allocator.
//! `Py_PreInitialize*` makes them once per process (later calls change nothing, as in
//! CPython); the configuration setters that decode bytes and `Py_InitializeFromConfig`
//! pre-initialize implicitly.
use core::ffi::{c_char, c_int, CStr};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use crate::object::alloc::PyMemAllocatorName;
use crate::pyport::{wchar_t, Py_ssize_t};
use crate::runtime::initconfig::{PyPreConfig, PyStatus};
use crate::runtime::locale;
use crate::runtime::pystatus;

/// `_PyConfig_INIT_COMPAT`/`_PYTHON`/`_ISOLATED`: the `_config_init` markers.
pub(crate) const CONFIG_INIT_COMPAT: c_int = 1;
pub(crate) const CONFIG_INIT_PYTHON: c_int = 2;
pub(crate) const CONFIG_INIT_ISOLATED: c_int = 3;

static PREINITIALIZED: AtomicBool = AtomicBool::new(false);
static UTF8_MODE: AtomicI32 = AtomicI32::new(0);
static DEV_MODE: AtomicI32 = AtomicI32::new(0);
static ALLOCATOR_CHOSEN: AtomicBool = AtomicBool::new(false);

pub(crate) fn is_preinitialized() -> bool {
    PREINITIALIZED.load(Ordering::Acquire)
}

pub(crate) fn utf8_mode_enabled() -> bool {
    UTF8_MODE.load(Ordering::Relaxed) > 0
}

/// The development mode pre-initialization decided (`PyConfig.dev_mode` defaults to it).
pub(crate) fn dev_mode() -> c_int {
    DEV_MODE.load(Ordering::Relaxed)
}

fn python_defaults() -> PyPreConfig {
    PyPreConfig {
        _config_init: CONFIG_INIT_PYTHON,
        parse_argv: 1,
        isolated: 0,
        use_environment: 1,
        configure_locale: 1,
        coerce_c_locale: -1,
        coerce_c_locale_warn: -1,
        utf8_mode: -1,
        dev_mode: -1,
        allocator: PyMemAllocatorName::PYMEM_ALLOCATOR_NOT_SET as c_int,
    }
}

/// `void PyPreConfig_InitPythonConfig(PyPreConfig *preconfig)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyPreConfig_InitPythonConfig(preconfig: *mut PyPreConfig) {
    if let Some(p) = preconfig.as_mut() {
        *p = python_defaults();
    }
}

/// `void PyPreConfig_InitIsolatedConfig(PyPreConfig *preconfig)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyPreConfig_InitIsolatedConfig(preconfig: *mut PyPreConfig) {
    if let Some(p) = preconfig.as_mut() {
        *p = PyPreConfig {
            _config_init: CONFIG_INIT_ISOLATED,
            parse_argv: 0,
            isolated: 1,
            use_environment: 0,
            configure_locale: 0,
            coerce_c_locale: 0,
            coerce_c_locale_warn: 0,
            utf8_mode: 0,
            dev_mode: 0,
            allocator: PyMemAllocatorName::PYMEM_ALLOCATOR_NOT_SET as c_int,
        };
    }
}

/// A non-empty environment variable (CPython ignores empty ones).
pub(crate) fn env_var(name: &str) -> Option<String> {
    std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()).filter(|v| !v.is_empty())
}

/// Whether the current `LC_CTYPE` locale is C or POSIX.
fn locale_is_c() -> bool {
    // SAFETY: setlocale with NULL only queries.
    let name = unsafe { libc::setlocale(libc::LC_CTYPE, core::ptr::null()) };
    if name.is_null() {
        return false;
    }
    // SAFETY: setlocale returns a NUL-terminated string.
    matches!(unsafe { CStr::from_ptr(name) }.to_bytes(), b"C" | b"POSIX")
}

/// What the command line says to pre-initialization: `-E`, `-I`, `-X utf8[=0|1]`, `-X dev`.
fn scan_args(pre: &mut PyPreConfig, args: &[String]) {
    let mut i = 1;
    while i < args.len() {
        let a = &args[i];
        if a == "--" || !a.starts_with('-') || a == "-" || a.starts_with("-c") || a.starts_with("-m") {
            break;
        }
        if a == "-X" || a.starts_with("-X") {
            let opt = if a == "-X" {
                i += 1;
                args.get(i).cloned().unwrap_or_default()
            } else {
                a[2..].to_string()
            };
            match opt.as_str() {
                "utf8" | "utf8=1" => pre.utf8_mode = 1,
                "utf8=0" => pre.utf8_mode = 0,
                "dev" => pre.dev_mode = 1,
                _ => {}
            }
        } else if !a.starts_with("--") {
            for flag in a[1..].chars() {
                match flag {
                    'E' => pre.use_environment = 0,
                    'I' => {
                        pre.isolated = 1;
                        pre.use_environment = 0
                    }
                    _ => {}
                }
            }
        }
        i += 1;
    }
}

/// Pre-initializes from `preconfig` (plus the command line when it parses argv), once.
pub(crate) fn preinitialize(preconfig: &PyPreConfig, args: Option<&[String]>) -> PyStatus {
    if is_preinitialized() {
        return pystatus::ok();
    }
    let mut pre = PyPreConfig { ..*preconfig };
    if pre.parse_argv == 1 {
        if let Some(args) = args {
            scan_args(&mut pre, args);
        }
    }
    if pre.isolated > 0 {
        pre.use_environment = 0;
    }
    if pre.configure_locale != 0 {
        // SAFETY: an empty name selects the locale of the environment.
        unsafe { libc::setlocale(libc::LC_CTYPE, c"".as_ptr()) };
    }
    let env = pre.use_environment > 0;
    if pre.utf8_mode < 0 && pre._config_init == CONFIG_INIT_COMPAT && crate::runtime::legacy_fs_globals::utf8_mode_requested() {
        pre.utf8_mode = 1;
    }
    if pre.utf8_mode < 0 {
        pre.utf8_mode = match env.then(|| env_var("PYTHONUTF8")).flatten().as_deref() {
            Some("1") => 1,
            Some("0") => 0,
            Some(_) => return pystatus::error(c"invalid PYTHONUTF8 environment variable value"),
            // The C/POSIX locale turns UTF-8 mode on (PEP 540).
            None => locale_is_c() as c_int,
        };
    }
    if pre.dev_mode < 0 {
        pre.dev_mode = env.then(|| env_var("PYTHONDEVMODE")).flatten().is_some() as c_int;
    }
    if pre.allocator == PyMemAllocatorName::PYMEM_ALLOCATOR_NOT_SET as c_int && env {
        if let Some(name) = env_var("PYTHONMALLOC") {
            pre.allocator = match name.as_str() {
                "default" => PyMemAllocatorName::PYMEM_ALLOCATOR_DEFAULT as c_int,
                "malloc" => PyMemAllocatorName::PYMEM_ALLOCATOR_MALLOC as c_int,
                _ => return pystatus::error(c"PYTHONMALLOC: unknown allocator"),
            };
        }
    }
    let allocator = match pre.allocator {
        a if a == PyMemAllocatorName::PYMEM_ALLOCATOR_DEFAULT as c_int => Some(PyMemAllocatorName::PYMEM_ALLOCATOR_DEFAULT),
        a if a == PyMemAllocatorName::PYMEM_ALLOCATOR_MALLOC as c_int => Some(PyMemAllocatorName::PYMEM_ALLOCATOR_MALLOC),
        a if a == PyMemAllocatorName::PYMEM_ALLOCATOR_NOT_SET as c_int => None,
        _ => return pystatus::error(c"unknown memory allocator"),
    };
    // Only the process' first pre-initialization may switch allocators: after a
    // finalization, blocks of the old allocator may still be alive (static objects).
    if let Some(name) = allocator.filter(|_| !ALLOCATOR_CHOSEN.swap(true, Ordering::AcqRel)) {
        if crate::object::pymem::setup_allocators(name).is_err() {
            return pystatus::error(c"unknown memory allocator");
        }
    }
    UTF8_MODE.store(pre.utf8_mode, Ordering::Relaxed);
    crate::runtime::legacy_fs_globals::set_utf8_mode(pre.utf8_mode);
    DEV_MODE.store(pre.dev_mode.max(0), Ordering::Relaxed);
    PREINITIALIZED.store(true, Ordering::Release);
    pystatus::ok()
}

/// Finalization forgets pre-initialization, as CPython resets its runtime state.
pub(crate) fn reset() {
    PREINITIALIZED.store(false, Ordering::Release);
}

/// `PyStatus Py_PreInitialize(const PyPreConfig *src_config)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_PreInitialize(src_config: *const PyPreConfig) -> PyStatus {
    match src_config.as_ref() {
        Some(pre) => preinitialize(pre, None),
        None => pystatus::error(c"preinitialization config is NULL"),
    }
}

/// `PyStatus Py_PreInitializeFromBytesArgs(const PyPreConfig *src_config, Py_ssize_t argc,
/// char **argv)`: as `Py_PreInitialize`, also reading `-E -I -X utf8 -X dev` from argv
/// when `parse_argv` is set.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_PreInitializeFromBytesArgs(
    src_config: *const PyPreConfig,
    argc: Py_ssize_t,
    argv: *mut *mut c_char,
) -> PyStatus {
    let Some(pre) = src_config.as_ref() else { return pystatus::error(c"preinitialization config is NULL") };
    let mut args = Vec::new();
    for i in 0..argc.max(0) as usize {
        let p = *argv.add(i);
        if !p.is_null() {
            args.push(String::from_utf8_lossy(CStr::from_ptr(p).to_bytes()).into_owned());
        }
    }
    preinitialize(pre, Some(&args))
}

/// `PyStatus Py_PreInitializeFromArgs(const PyPreConfig *src_config, Py_ssize_t argc,
/// wchar_t **argv)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_PreInitializeFromArgs(
    src_config: *const PyPreConfig,
    argc: Py_ssize_t,
    argv: *mut *mut wchar_t,
) -> PyStatus {
    let Some(pre) = src_config.as_ref() else { return pystatus::error(c"preinitialization config is NULL") };
    let args: Vec<String> = (0..argc.max(0) as usize).map(|i| locale::wide_to_string(*argv.add(i))).collect();
    preinitialize(pre, Some(&args))
}
