//! The legacy `Py_*Flag` globals of `cpython/pydebug.h` (and `Py_GETENV`). As in CPython
//! 3.11: `Py_Initialize`/`Py_InitializeEx` (the compat configuration) read them into the
//! configuration before the environment is applied (`take_into`), and every initialization
//! writes the configuration it ended with back into them (`publish`), so a program reads
//! e.g. `Py_NoSiteFlag == 1` after `-S`. Set by embedders before `Py_Initialize`.
use core::ffi::{c_char, c_int};

use crate::runtime::initconfig::PyConfig;

// Written out one by one: cbindgen does not expand macros.
/// `int Py_DebugFlag`: parser debug output (`-d`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_DebugFlag: c_int = 0;

/// `int Py_VerboseFlag`: `-v`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_VerboseFlag: c_int = 0;

/// `int Py_QuietFlag`: `-q`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_QuietFlag: c_int = 0;

/// `int Py_InteractiveFlag`: `-i`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_InteractiveFlag: c_int = 0;

/// `int Py_InspectFlag`: `-i` / `PYTHONINSPECT`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_InspectFlag: c_int = 0;

/// `int Py_OptimizeFlag`: `-O` level.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_OptimizeFlag: c_int = 0;

/// `int Py_NoSiteFlag`: `-S` (no `import site`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_NoSiteFlag: c_int = 0;

/// `int Py_BytesWarningFlag`: `-b` level.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_BytesWarningFlag: c_int = 0;

/// `int Py_FrozenFlag`: no path-configuration warnings.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_FrozenFlag: c_int = 0;

/// `int Py_IgnoreEnvironmentFlag`: `-E`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_IgnoreEnvironmentFlag: c_int = 0;

/// `int Py_DontWriteBytecodeFlag`: `-B`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_DontWriteBytecodeFlag: c_int = 0;

/// `int Py_NoUserSiteDirectory`: `-s`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_NoUserSiteDirectory: c_int = 0;

/// `int Py_UnbufferedStdioFlag`: `-u`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_UnbufferedStdioFlag: c_int = 0;

/// `int Py_HashRandomizationFlag`: written at initialization (random or non-zero seed).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_HashRandomizationFlag: c_int = 0;

/// `int Py_IsolatedFlag`: `-I`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_IsolatedFlag: c_int = 0;

/// `char *Py_GETENV(const char *name)`: `getenv`, or NULL under `Py_IgnoreEnvironmentFlag`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_GETENV(name: *const c_char) -> *mut c_char {
    if read(&raw const Py_IgnoreEnvironmentFlag) != 0 || name.is_null() {
        return core::ptr::null_mut();
    }
    libc::getenv(name)
}

/// Embedders write the globals from C: read them as memory C may have changed.
fn read(flag: *const c_int) -> c_int {
    // SAFETY: `flag` is one of the statics above.
    unsafe { core::ptr::read_volatile(flag) }
}

fn write(flag: *mut c_int, value: c_int) {
    // SAFETY: as `read`; written by the thread initializing the runtime.
    unsafe { core::ptr::write_volatile(flag, value) }
}

/// The compat configuration's reading of the globals: each one decides its field
/// (negated where the flag says "no ..."), before environment variables add to it.
pub(crate) fn take_into(c: &mut PyConfig) {
    let negated = |flag| (read(flag) == 0) as c_int;
    c.isolated = read(&raw const Py_IsolatedFlag);
    c.use_environment = negated(&raw const Py_IgnoreEnvironmentFlag);
    c.bytes_warning = read(&raw const Py_BytesWarningFlag);
    c.inspect = read(&raw const Py_InspectFlag);
    c.interactive = read(&raw const Py_InteractiveFlag);
    c.optimization_level = read(&raw const Py_OptimizeFlag);
    c.parser_debug = read(&raw const Py_DebugFlag);
    c.verbose = read(&raw const Py_VerboseFlag);
    c.quiet = read(&raw const Py_QuietFlag);
    c.pathconfig_warnings = negated(&raw const Py_FrozenFlag);
    c.buffered_stdio = negated(&raw const Py_UnbufferedStdioFlag);
    c.site_import = negated(&raw const Py_NoSiteFlag);
    c.write_bytecode = negated(&raw const Py_DontWriteBytecodeFlag);
    c.user_site_directory = negated(&raw const Py_NoUserSiteDirectory);
}

/// Writes the configuration an initialization settled on back into the globals (fields
/// left unset, -1, keep their global's value).
pub(crate) fn publish(c: &PyConfig) {
    let set = |flag, value: c_int| {
        if value != -1 {
            write(flag, value);
        }
    };
    let set_not = |flag, value: c_int| {
        if value != -1 {
            write(flag, (value == 0) as c_int);
        }
    };
    set(&raw mut Py_IsolatedFlag, c.isolated);
    set_not(&raw mut Py_IgnoreEnvironmentFlag, c.use_environment);
    set(&raw mut Py_BytesWarningFlag, c.bytes_warning);
    set(&raw mut Py_InspectFlag, c.inspect);
    set(&raw mut Py_InteractiveFlag, c.interactive);
    set(&raw mut Py_OptimizeFlag, c.optimization_level);
    set(&raw mut Py_DebugFlag, c.parser_debug);
    set(&raw mut Py_VerboseFlag, c.verbose);
    set(&raw mut Py_QuietFlag, c.quiet);
    set_not(&raw mut Py_FrozenFlag, c.pathconfig_warnings);
    set_not(&raw mut Py_UnbufferedStdioFlag, c.buffered_stdio);
    set_not(&raw mut Py_NoSiteFlag, c.site_import);
    set_not(&raw mut Py_DontWriteBytecodeFlag, c.write_bytecode);
    set_not(&raw mut Py_NoUserSiteDirectory, c.user_site_directory);
    write(&raw mut Py_HashRandomizationFlag, (c.use_hash_seed == 0 || c.hash_seed != 0) as c_int);
}
