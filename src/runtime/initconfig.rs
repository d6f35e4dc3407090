//! The initialization configuration structs of cpython/initconfig.h (PEP 587): `PyStatus`,
//! `PyWideStringList`, `PyPreConfig`, `PyConfig`. Embedding programs allocate them on their
//! stack and set fields directly, so every field of 3.11.7 is here in order. None of them is
//! in the limited API.
use core::ffi::{c_char, c_int, c_ulong};

use crate::pyport::{wchar_t, Py_ssize_t};

/// The kind of a `PyStatus` (CPython's anonymous enum, named here for Rust).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum _PyStatus_type {
    _PyStatus_TYPE_OK = 0,
    _PyStatus_TYPE_ERROR = 1,
    _PyStatus_TYPE_EXIT = 2,
}

/// `PyStatus`: the result of an initialization step: ok, an error message, or an exit code.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyStatus {
    pub _type: _PyStatus_type,
    pub func: *const c_char,
    pub err_msg: *const c_char,
    pub exitcode: c_int,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyStatus, size = 32, _type @ 0, func @ 8, err_msg @ 16, exitcode @ 24);

/// `PyWideStringList`: a list of `wchar_t` strings (argv, sys.path...).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyWideStringList {
    pub length: Py_ssize_t,
    pub items: *mut *mut wchar_t,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyWideStringList, size = 16, length @ 0, items @ 8);

/// `struct PyPreConfig`: what must be decided before anything is decoded (locale, UTF-8
/// mode, allocator). `legacy_windows_fs_encoding` exists only on Windows.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyPreConfig {
    pub _config_init: c_int,
    pub parse_argv: c_int,
    pub isolated: c_int,
    pub use_environment: c_int,
    pub configure_locale: c_int,
    pub coerce_c_locale: c_int,
    pub coerce_c_locale_warn: c_int,
    pub utf8_mode: c_int,
    pub dev_mode: c_int,
    pub allocator: c_int,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyPreConfig, size = 40,
    _config_init @ 0, parse_argv @ 4, isolated @ 8, use_environment @ 12,
    configure_locale @ 16, coerce_c_locale @ 20, coerce_c_locale_warn @ 24, utf8_mode @ 28,
    dev_mode @ 32, allocator @ 36);

/// `struct PyConfig`: the full interpreter configuration. `legacy_windows_stdio` exists
/// only on Windows.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyConfig {
    pub _config_init: c_int,
    pub isolated: c_int,
    pub use_environment: c_int,
    pub dev_mode: c_int,
    pub install_signal_handlers: c_int,
    pub use_hash_seed: c_int,
    pub hash_seed: c_ulong,
    pub faulthandler: c_int,
    pub tracemalloc: c_int,
    pub import_time: c_int,
    pub code_debug_ranges: c_int,
    pub show_ref_count: c_int,
    pub dump_refs: c_int,
    pub dump_refs_file: *mut wchar_t,
    pub malloc_stats: c_int,
    pub filesystem_encoding: *mut wchar_t,
    pub filesystem_errors: *mut wchar_t,
    pub pycache_prefix: *mut wchar_t,
    pub parse_argv: c_int,
    pub orig_argv: PyWideStringList,
    pub argv: PyWideStringList,
    pub xoptions: PyWideStringList,
    pub warnoptions: PyWideStringList,
    pub site_import: c_int,
    pub bytes_warning: c_int,
    pub warn_default_encoding: c_int,
    pub inspect: c_int,
    pub interactive: c_int,
    pub optimization_level: c_int,
    pub parser_debug: c_int,
    pub write_bytecode: c_int,
    pub verbose: c_int,
    pub quiet: c_int,
    pub user_site_directory: c_int,
    pub configure_c_stdio: c_int,
    pub buffered_stdio: c_int,
    pub stdio_encoding: *mut wchar_t,
    pub stdio_errors: *mut wchar_t,
    pub check_hash_pycs_mode: *mut wchar_t,
    pub use_frozen_modules: c_int,
    pub safe_path: c_int,
    pub pathconfig_warnings: c_int,
    pub program_name: *mut wchar_t,
    pub pythonpath_env: *mut wchar_t,
    pub home: *mut wchar_t,
    pub platlibdir: *mut wchar_t,
    pub module_search_paths_set: c_int,
    pub module_search_paths: PyWideStringList,
    pub stdlib_dir: *mut wchar_t,
    pub executable: *mut wchar_t,
    pub base_executable: *mut wchar_t,
    pub prefix: *mut wchar_t,
    pub base_prefix: *mut wchar_t,
    pub exec_prefix: *mut wchar_t,
    pub base_exec_prefix: *mut wchar_t,
    pub skip_source_first_line: c_int,
    pub run_command: *mut wchar_t,
    pub run_module: *mut wchar_t,
    pub run_filename: *mut wchar_t,
    pub _install_importlib: c_int,
    pub _init_main: c_int,
    pub _isolated_interpreter: c_int,
    pub _is_python_build: c_int,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyConfig, size = 424,
    _config_init @ 0, isolated @ 4, use_environment @ 8, dev_mode @ 12,
    install_signal_handlers @ 16, use_hash_seed @ 20, hash_seed @ 24, faulthandler @ 32,
    tracemalloc @ 36, import_time @ 40, code_debug_ranges @ 44, show_ref_count @ 48,
    dump_refs @ 52, dump_refs_file @ 56, malloc_stats @ 64, filesystem_encoding @ 72,
    filesystem_errors @ 80, pycache_prefix @ 88, parse_argv @ 96, orig_argv @ 104,
    argv @ 120, xoptions @ 136, warnoptions @ 152, site_import @ 168, bytes_warning @ 172,
    warn_default_encoding @ 176, inspect @ 180, interactive @ 184, optimization_level @ 188,
    parser_debug @ 192, write_bytecode @ 196, verbose @ 200, quiet @ 204,
    user_site_directory @ 208, configure_c_stdio @ 212, buffered_stdio @ 216,
    stdio_encoding @ 224, stdio_errors @ 232, check_hash_pycs_mode @ 240,
    use_frozen_modules @ 248, safe_path @ 252, pathconfig_warnings @ 256,
    program_name @ 264, pythonpath_env @ 272, home @ 280, platlibdir @ 288,
    module_search_paths_set @ 296, module_search_paths @ 304, stdlib_dir @ 320,
    executable @ 328, base_executable @ 336, prefix @ 344, base_prefix @ 352,
    exec_prefix @ 360, base_exec_prefix @ 368, skip_source_first_line @ 376,
    run_command @ 384, run_module @ 392, run_filename @ 400, _install_importlib @ 408,
    _init_main @ 412, _isolated_interpreter @ 416, _is_python_build @ 420);
