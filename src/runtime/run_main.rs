//! `Py_RunMain`: what `python` does once the runtime is initialized from its command line
//! (`Py_BytesMain`/`Py_Main` in main.rs): run `-c COMMAND`, a script file, or a script read
//! from a non-terminal stdin (`ferropy < file`, `ferropy -`), then finalize. The exit code
//! is CPython's: 0, 1 for an uncaught exception (printed by `PyErr_Print`), the code of an
//! uncaught SystemExit (`PyErr_Print` ends the process itself), 2 for a script that cannot
//! be opened, 120 when finalization fails, and death by SIGINT for an uncaught
//! KeyboardInterrupt. `-m MODULE` is run_module.rs.
use core::ffi::c_int;
use std::ffi::CString;

use crate::compiler::flags::PyCompilerFlags;
use crate::runtime::initconfig::PyConfig;

/// Exit status when something cannot be run (CPython's usage/"can't open file" status).
const EXIT_CANNOT_RUN: c_int = 2;

unsafe fn wide_to_string(w: *const libc::wchar_t) -> Option<String> {
    if w.is_null() {
        return None;
    }
    let mut units = Vec::new();
    let mut p = w;
    while *p != 0 {
        units.push(*p as u32);
        p = p.add(1);
    }
    Some(units.iter().map(|&u| char::from_u32(u).unwrap_or('\u{FFFD}')).collect())
}

/// The program name for messages (`python3: can't open file ...`).
unsafe fn program_name(config: &PyConfig) -> String {
    wide_to_string(config.program_name).unwrap_or_else(|| "ferropy".to_string())
}

/// `sys.path[0]`: the script's directory, or '' for `-c` and stdin (CPython's
/// `pymain_run_python`), unless `-P`/`safe_path`.
unsafe fn prepend_sys_path(config: &PyConfig, entry: &str) {
    if config.safe_path > 0 {
        return;
    }
    let path = crate::modules::sys_api::PySys_GetObject(c"path".as_ptr());
    if path.is_null() || !crate::objects::list::is_list(path) {
        return;
    }
    match crate::objects::str::from_utf8(entry) {
        Ok(s) => {
            if crate::objects::list::PyList_Insert(path, 0, s.as_ptr()) < 0 {
                crate::errors::pyerr::PyErr_Clear();
            }
        }
        Err(_) => crate::errors::pyerr::PyErr_Clear(),
    }
}

/// Whether the exception `PyErr_Print` reported last was a KeyboardInterrupt
/// (`sys.last_type`), which makes the process die by SIGINT as CPython's does.
unsafe fn last_was_keyboard_interrupt() -> bool {
    let t = crate::modules::sys_api::PySys_GetObject(c"last_type".as_ptr());
    !t.is_null()
        && crate::errors::pyerr::PyErr_GivenExceptionMatches(t, &raw mut crate::errors::exception_types::_PyExc_KeyboardInterrupt as *mut crate::object::object::PyObject) != 0
}

/// Dies by SIGINT (so the parent sees the signal), or 130 if that fails.
unsafe fn exit_by_sigint() -> c_int {
    libc::signal(libc::SIGINT, libc::SIG_DFL);
    libc::kill(libc::getpid(), libc::SIGINT);
    130
}

unsafe fn run_command(command: &str, flags: *mut PyCompilerFlags) -> c_int {
    let Ok(c) = CString::new(command) else {
        crate::errors::print::write_stderr("ValueError: source code string cannot contain null bytes\n");
        return 1;
    };
    (crate::runtime::pyrun::PyRun_SimpleStringFlags(c.as_ptr(), flags) != 0) as c_int
}

unsafe fn run_file(config: &PyConfig, filename: &str, flags: *mut PyCompilerFlags) -> c_int {
    let Ok(cname) = CString::new(filename) else { return EXIT_CANNOT_RUN };
    let fp = libc::fopen(cname.as_ptr(), c"rb".as_ptr());
    let is_dir = std::fs::metadata(filename).map(|m| m.is_dir()).unwrap_or(false);
    if fp.is_null() || is_dir {
        if !fp.is_null() {
            libc::fclose(fp);
        }
        let err = if is_dir { std::io::Error::from_raw_os_error(libc::EISDIR) } else { std::io::Error::last_os_error() };
        let errno = err.raw_os_error().unwrap_or(0);
        let text = err.to_string();
        let text = text.split(" (os error").next().unwrap_or(&text);
        let repr = crate::objects::str::from_utf8(filename).ok().and_then(|s| crate::errors::objtext::repr_string(s.as_ptr()).ok()).unwrap_or_else(|| format!("'{filename}'"));
        crate::errors::print::write_stderr(&format!("{}: can't open file {}: [Errno {}] {}\n", program_name(config), repr, errno, text));
        return EXIT_CANNOT_RUN;
    }
    (crate::runtime::pyrun::PyRun_AnyFileExFlags(fp, cname.as_ptr(), 1, flags) != 0) as c_int
}

unsafe fn run_stdin(flags: *mut PyCompilerFlags) -> c_int {
    let stdin = crate::runtime::lifecycle::stdin_stream();
    (crate::runtime::pyrun::PyRun_AnyFileExFlags(stdin, c"<stdin>".as_ptr(), 0, flags) != 0) as c_int
}

/// CPython's `stdin_is_interactive`: a terminal, or `-i`.
unsafe fn stdin_is_interactive(config: &PyConfig) -> bool {
    libc::isatty(0) != 0 || config.interactive > 0
}

/// The start-up banner of the interactive prompt, on stderr.
unsafe fn print_banner() {
    let version = core::ffi::CStr::from_ptr(crate::runtime::version::Py_GetVersion()).to_string_lossy();
    let platform = core::ffi::CStr::from_ptr(crate::runtime::version::Py_GetPlatform()).to_string_lossy();
    crate::errors::print::write_stderr(&format!(
        "Python {version} on {platform}\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n"
    ));
}

/// Runs the file named by `PYTHONSTARTUP` (not under `-E`/`-I`) before the first prompt;
/// its errors are printed and the session goes on.
unsafe fn run_startup_file(config: &PyConfig, flags: *mut PyCompilerFlags) {
    if config.use_environment == 0 || config.isolated > 0 {
        return;
    }
    let Some(path) = std::env::var_os("PYTHONSTARTUP").filter(|p| !p.is_empty()) else { return };
    let Ok(cpath) = CString::new(path.as_encoded_bytes()) else { return };
    let fp = libc::fopen(cpath.as_ptr(), c"rb".as_ptr());
    if fp.is_null() {
        let err = std::io::Error::last_os_error();
        crate::errors::print::write_stderr(&format!("Could not open PYTHONSTARTUP\nFileNotFoundError: [Errno {}] {}: '{}'\n",
            err.raw_os_error().unwrap_or(0), err.to_string().split(" (os error").next().unwrap_or(""), path.to_string_lossy()));
        return;
    }
    crate::runtime::pyrun::PyRun_SimpleFileExFlags(fp, cpath.as_ptr(), 1, flags);
}

/// From here on a SystemExit ends the process again (CPython's "no -i after the prompt").
unsafe fn stop_inspecting() {
    if let Some(interp) = crate::runtime::interpreter::current() {
        interp.config.inspect = 0;
    }
}

/// Calls `sys.__interactivehook__` (which `site` sets: tab completion and history when the
/// `readline` module loads) before an interactive session; a failure is printed.
unsafe fn run_interactive_hook() {
    let hook = crate::modules::sys_stdio::sys_attr("__interactivehook__");
    let Some(hook) = crate::object::ptr::PyRef::from_borrowed(hook) else { return };
    let called = crate::objects::tuple::from_slice(&[hook.clone()])
        .and_then(|args| crate::modules::sys_audit::audit_tuple(c"cpython.run_interactivehook", args.as_ptr()))
        .and_then(|()| crate::modules::owned(crate::abstract_::call::vectorcall(hook.as_ptr(), core::ptr::null(), 0, core::ptr::null_mut())));
    if called.is_err() {
        crate::errors::print::write_stderr("Failed calling sys.__interactivehook__\n");
        crate::errors::print::PyErr_Print();
    }
}

/// The interactive prompt after `-i` ran its code.
unsafe fn run_repl(flags: *mut PyCompilerFlags) -> c_int {
    stop_inspecting();
    run_interactive_hook();
    let stdin = crate::runtime::lifecycle::stdin_stream();
    (crate::runtime::pyrun::PyRun_AnyFileExFlags(stdin, c"<stdin>".as_ptr(), 0, flags) != 0) as c_int
}

/// Runs what the configuration asks for; the exit status.
unsafe fn run(config: &PyConfig) -> c_int {
    let mut cf = PyCompilerFlags { cf_flags: 0, cf_feature_version: 11 };
    let flags: *mut PyCompilerFlags = &mut cf;
    let runs_code = !config.run_command.is_null() || !config.run_module.is_null() || !config.run_filename.is_null();
    if config.quiet == 0 && !runs_code && stdin_is_interactive(config) {
        print_banner();
    }
    let mut status = if let Some(command) = wide_to_string(config.run_command) {
        prepend_sys_path(config, "");
        run_command(&command, flags)
    } else if let Some(module) = wide_to_string(config.run_module) {
        let cwd = std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
        prepend_sys_path(config, &cwd);
        crate::runtime::run_module::run_module(&module)
    } else if let Some(filename) = wide_to_string(config.run_filename) {
        let dir = std::path::Path::new(&filename).parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        prepend_sys_path(config, &dir);
        run_file(config, &filename, flags)
    } else {
        prepend_sys_path(config, "");
        if stdin_is_interactive(config) {
            stop_inspecting();
            run_startup_file(config, flags);
            run_interactive_hook();
        }
        run_stdin(flags)
    };
    let inspect = config.inspect > 0 || (config.use_environment > 0 && std::env::var_os("PYTHONINSPECT").is_some_and(|v| !v.is_empty()));
    if inspect && runs_code && stdin_is_interactive(config) {
        status = run_repl(flags);
    }
    if status != 0 && last_was_keyboard_interrupt() {
        crate::runtime::lifecycle::Py_FinalizeEx();
        return exit_by_sigint();
    }
    status
}

/// `int Py_RunMain(void)`: runs the command line of the initialized runtime, then
/// finalizes it; the process exit status.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_RunMain() -> c_int {
    let Some(interp) = crate::runtime::interpreter::current() else {
        crate::errors::print::write_stderr("Fatal Python error: Py_RunMain: the runtime is not initialized\n");
        return 1;
    };
    let config: *const PyConfig = &interp.config;
    let mut status = run(&*config);
    if crate::runtime::lifecycle::Py_FinalizeEx() < 0 {
        status = 120;
    }
    status
}

/// Reads `argv` into a configuration, initializes the runtime from it and runs it
/// (`Py_BytesMain` and `Py_Main` differ only in how argv is given).
pub(crate) unsafe fn main_with_config(set_argv: impl FnOnce(*mut PyConfig) -> crate::runtime::initconfig::PyStatus) -> c_int {
    use crate::runtime::{config_api, initconfig::_PyStatus_type, pystatus};
    let mut config: PyConfig = core::mem::zeroed();
    config_api::PyConfig_InitPythonConfig(&mut config);
    let mut status = set_argv(&mut config);
    if !pystatus::is_exception(&status) {
        status = crate::runtime::lifecycle::Py_InitializeFromConfig(&config);
    }
    config_api::clear(&mut config);
    if pystatus::is_exception(&status) {
        if status._type == _PyStatus_type::_PyStatus_TYPE_EXIT {
            return status.exitcode;
        }
        // Py_ExitStatusException's report; returning lets Py_BytesMain's caller exit with 1.
        pystatus::report_fatal(status.func, status.err_msg);
        return 1;
    }
    Py_RunMain()
}

/// `int Py_Main(int argc, wchar_t **argv)`.
#[no_mangle]
pub unsafe extern "C" fn Py_Main(argc: c_int, argv: *mut *mut libc::wchar_t) -> c_int {
    let run = || main_with_config(|c| crate::runtime::config_api::PyConfig_SetArgv(c, argc as _, argv));
    std::panic::catch_unwind(run).unwrap_or_else(|_| {
        crate::errors::print::write_stderr("ferropy: internal error (a Rust panic); this is a bug\n");
        70 // EX_SOFTWARE, as Py_BytesMain
    })
}
