//! The command line: `Py_BytesMain`, called by the tiny C `main` of `build/bin/ferropy`
//! (programs/ferropy.c), as CPython's `python` calls it.
//!
//! The command line is read as CPython reads it (`PyConfig_Read` with `parse_argv`), so
//! `-h`, `--help-*`, `-V`/`--version` and usage errors behave as `python3`'s. Running
//! Python code needs the eval loop (issue 9); until then the command line also knows
//! `--dump-ast [--include-attributes] FILE` (the parser), and says plainly that it cannot
//! run code yet.
use core::ffi::{c_char, c_int, CStr};

/// Exit status for a command line we cannot serve, as CPython uses 2 for usage errors.
const EXIT_USAGE: c_int = 2;

fn collect_args(argc: c_int, argv: *mut *mut c_char) -> Vec<String> {
    let mut args = Vec::new();
    if argv.is_null() {
        return args;
    }
    for i in 0..argc.max(0) as usize {
        // SAFETY: the caller passes argc valid C strings, as C's main receives them.
        let p = unsafe { *argv.add(i) };
        if p.is_null() {
            break;
        }
        let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
        args.push(String::from_utf8_lossy(bytes).into_owned());
    }
    args
}

/// Reads the command line with the configuration API: `Some(status)` when it already
/// decided how the process ends (help, version, usage error).
fn read_command_line(argc: c_int, argv: *mut *mut c_char) -> Option<c_int> {
    use crate::runtime::{config_api, initconfig::PyConfig, pystatus};
    // SAFETY: a fresh configuration owned here; argv holds argc C strings (C's main).
    unsafe {
        let mut config: PyConfig = core::mem::zeroed();
        config_api::PyConfig_InitPythonConfig(&mut config);
        let mut status = config_api::PyConfig_SetBytesArgv(&mut config, argc as _, argv);
        if !pystatus::is_exception(&status) {
            status = config_api::read(&mut config);
        }
        config_api::clear(&mut config);
        if !pystatus::is_exception(&status) {
            return None;
        }
        if status._type == crate::runtime::initconfig::_PyStatus_type::_PyStatus_TYPE_EXIT {
            return Some(status.exitcode);
        }
        let message = if status.err_msg.is_null() { String::new() } else { CStr::from_ptr(status.err_msg).to_string_lossy().into_owned() };
        eprintln!("Fatal Python error: {message}");
        Some(1)
    }
}

fn run(args: &[String], argc: c_int, argv: *mut *mut c_char) -> c_int {
    // `--dump-ast [--include-attributes] FILE` (and the tests' bulk form) live in the
    // parser crate so the parser can be exercised without the runtime.
    if let Some(code) = ferropy_parser::cli::run(args) {
        return code;
    }
    if let Some(code) = read_command_line(argc, argv) {
        return code;
    }
    eprintln!(
        "ferropy: cannot run Python code yet (the eval loop is not built; see docs/STATUS.md): {}",
        args.get(1..).unwrap_or(&[]).join(" ")
    );
    EXIT_USAGE
}

/// `int Py_BytesMain(int argc, char **argv)`.
#[no_mangle]
pub unsafe extern "C" fn Py_BytesMain(argc: c_int, argv: *mut *mut c_char) -> c_int {
    let args = collect_args(argc, argv);
    match std::panic::catch_unwind(|| run(&args, argc, argv)) {
        Ok(code) => code,
        Err(_) => {
            eprintln!("ferropy: internal error (a Rust panic); this is a bug");
            70 // EX_SOFTWARE
        }
    }
}
