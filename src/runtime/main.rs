//! The command line: `Py_BytesMain`, called by the tiny C `main` of `build/bin/ferropy`
//! (programs/ferropy.c), as CPython's `python` calls it.
//!
//! Running Python code needs the eval loop (issue 9); until then the command line knows
//! `-V`/`--version` and `--dump-ast [--include-attributes] FILE` (the parser), and says
//! plainly that it cannot run code yet.
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

/// What the command line was asked to do.
enum Command {
    Version { verbose: bool },
    Unsupported(String),
}

fn parse_command(args: &[String]) -> Command {
    let rest = args.get(1..).unwrap_or(&[]);
    let versions = rest.iter().filter(|a| *a == "-V" || *a == "--version").count();
    if versions > 0 && rest.len() == versions {
        return Command::Version { verbose: versions > 1 };
    }
    Command::Unsupported(rest.join(" "))
}

fn run(args: &[String]) -> c_int {
    // `--dump-ast [--include-attributes] FILE` (and the tests' bulk form) live in the
    // parser crate so the parser can be exercised without the runtime.
    if let Some(code) = ferropy_parser::cli::run(args) {
        return code;
    }
    match parse_command(args) {
        Command::Version { verbose: false } => {
            println!("Python {}", super::version::PY_VERSION);
            0
        }
        Command::Version { verbose: true } => {
            println!("Python {}", super::version::version_str());
            0
        }
        Command::Unsupported(what) => {
            eprintln!(
                "ferropy: cannot run Python code yet (the eval loop is not built; see docs/STATUS.md): {what}"
            );
            EXIT_USAGE
        }
    }
}

/// `int Py_BytesMain(int argc, char **argv)`.
#[no_mangle]
pub unsafe extern "C" fn Py_BytesMain(argc: c_int, argv: *mut *mut c_char) -> c_int {
    let args = collect_args(argc, argv);
    match std::panic::catch_unwind(|| run(&args)) {
        Ok(code) => code,
        Err(_) => {
            eprintln!("ferropy: internal error (a Rust panic); this is a bug");
            70 // EX_SOFTWARE
        }
    }
}
