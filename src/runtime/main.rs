//! The command line: `Py_BytesMain`, called by the tiny C `main` of `build/bin/ferropy`
//! (programs/ferropy.c), as CPython's `python` calls it.
//!
//! The command line is read as CPython reads it (`PyConfig_Read` with `parse_argv`), so
//! `-h`, `--help-*`, `-V`/`--version` and usage errors behave as `python3`'s; the runtime
//! is initialized from it and `Py_RunMain` (run_main.rs) runs `-c`, a script or stdin. The
//! command line also knows `--dump-ast [--include-attributes] FILE` (the parser).
use core::ffi::{c_char, c_int, CStr};

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

fn run(args: &[String], argc: c_int, argv: *mut *mut c_char) -> c_int {
    // `--dump-ast [--include-attributes] FILE` (and the tests' bulk form) live in the
    // parser crate so the parser can be exercised without the runtime.
    if let Some(code) = ferropy_parser::cli::run(args) {
        return code;
    }
    // SAFETY: argv holds argc C strings, as C's main receives them.
    unsafe { crate::runtime::run_main::main_with_config(|c| crate::runtime::config_api::PyConfig_SetBytesArgv(c, argc as _, argv)) }
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
