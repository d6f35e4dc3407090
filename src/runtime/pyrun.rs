//! Compiling and running source text: `Py_CompileString*`, `PyRun_String*`,
//! `PyRun_SimpleString*`, `PyRun_File*`, `PyRun_SimpleFile*`, `PyRun_AnyFile*`,
//! `PyRun_Interactive*`, and the shared `compile_source` that `compile()`/`exec()` use.
use core::ffi::{c_char, c_int, CStr};

use ferropy_compiler::compile::Options;

use crate::abstract_::{new_ref, none};
use crate::compiler::flags::{PyCompilerFlags, PyCF_MASK, PyCF_ONLY_AST, Py_eval_input, Py_file_input, Py_single_input};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::{dict, str as pystr, tuple};

/// Raises the parser's/compiler's SyntaxError (or IndentationError, TabError, ...) as the
/// Python exception CPython would raise, with its location tuple.
pub(crate) unsafe fn raise_syntax_error(e: &ferropy_parser::SyntaxError) -> Raised {
    use ferropy_parser::ErrorKind;
    let tp = match e.kind {
        ErrorKind::SyntaxError => &raw mut exc::_PyExc_SyntaxError,
        ErrorKind::IndentationError => &raw mut exc::_PyExc_IndentationError,
        ErrorKind::TabError => &raw mut exc::_PyExc_TabError,
        ErrorKind::RecursionError => &raw mut exc::_PyExc_RecursionError,
        ErrorKind::MemoryError => &raw mut exc::_PyExc_MemoryError,
    };
    if !matches!(e.kind, ErrorKind::SyntaxError | ErrorKind::IndentationError | ErrorKind::TabError) {
        return raise_type(tp, e.msg.clone());
    }
    let built = (|| -> PyResult<PyRef> {
        let opt_int = |v: Option<i64>| -> PyResult<PyRef> {
            match v {
                Some(n) => crate::objects::int::from_i64(n),
                None => Ok(new_ref(none())),
            }
        };
        // Errors found after parsing carry no line: CPython reads it from the file, if any.
        let file_text = if e.text.is_none() {
            e.lineno.and_then(|l| crate::errors::syntaxerror::program_text(&e.filename, l as c_int))
        } else {
            None
        };
        let text = match e.text.as_ref().or(file_text.as_ref()) {
            Some(t) => pystr::from_utf8(t)?,
            None => new_ref(none()),
        };
        let loc = tuple::from_vec(vec![
            pystr::from_utf8(&e.filename)?,
            opt_int(e.lineno)?,
            opt_int(e.offset)?,
            text,
            opt_int(e.end_lineno)?,
            opt_int(e.end_offset)?,
        ])?;
        let args = tuple::from_vec(vec![pystr::from_utf8(&e.msg)?, loc])?;
        crate::errors::normalize::instantiate(tp, args.as_ptr())
    })();
    match built {
        Ok(v) => {
            crate::errors::pyerr::PyErr_SetObject(tp as *mut PyObject, v.as_ptr());
            Raised::assume_set()
        }
        Err(r) => r,
    }
}

/// The interpreter's `-O` level, for `optimize == -1`.
pub(crate) fn default_optimize() -> u8 {
    crate::runtime::interpreter::current().map_or(0, |i| i.config.optimization_level.clamp(0, 2) as u8)
}

/// Compiles `source` to a code object. `start` is `Py_file_input`, `Py_eval_input` or
/// `Py_single_input`; `flags` are `PyCF_*` and inherited `CO_FUTURE_*` bits; `optimize` -1
/// means the interpreter's level. Also returns the future flags in effect. With
/// `PyCF_ONLY_AST` the result is the `ast` tree instead (src/modules/ast/parse.rs).
pub(crate) unsafe fn compile_source(source: &[u8], filename: &str, start: c_int, flags: c_int, optimize: c_int) -> PyResult<(PyRef, c_int)> {
    if flags & PyCF_ONLY_AST != 0 {
        return Ok((crate::modules::ast::parse::parse_to_ast(source, filename, start, flags)?, 0));
    }
    let (unit, future) = compile_unit(source, filename, start, flags, optimize)?;
    Ok((crate::objects::code_type::from_unit(unit)?, future))
}

/// What `compile_source` does before the code object is made: the compiler's `CodeUnit`
/// (compile-time warnings issued) and the future flags.
pub(crate) unsafe fn compile_unit(source: &[u8], filename: &str, start: c_int, flags: c_int, optimize: c_int) -> PyResult<(ferropy_compiler::code::CodeUnit, c_int)> {
    use ferropy_compiler::compile::Mode;
    let mode = match start {
        s if s == Py_file_input => Mode::Exec,
        s if s == Py_single_input => Mode::Single,
        s if s == Py_eval_input => Mode::Eval,
        _ => {
            return Err(raise_type(
                &raw mut exc::_PyExc_ValueError,
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
    };
    if source.contains(&0) {
        return Err(raise_type(&raw mut exc::_PyExc_SyntaxError, "source code string cannot contain null bytes"));
    }
    let optimize = if optimize < 0 { default_optimize() } else { optimize.min(2) as u8 };
    let opts = Options { mode, flags: flags as u32, optimize };
    match ferropy_compiler::compile(source, filename, opts) {
        // Warnings are issued once the source compiled, as CPython does.
        Ok(compiled) => match crate::compiler::warnings::issue(&compiled.warnings, filename, source) {
            Ok(()) => Ok((compiled.code, compiled.future_flags as c_int)),
            Err(crate::compiler::warnings::Stop::Raised(r)) => Err(r),
            Err(crate::compiler::warnings::Stop::SyntaxError(e)) => Err(raise_syntax_error(&e)),
        },
        Err(e) => Err(raise_syntax_error(&e)),
    }
}

/// `int PyEval_MergeCompilerFlags(PyCompilerFlags *cf)`: adds the running code's future
/// flags to `cf`; whether any flag is set.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyEval_MergeCompilerFlags(cf: *mut PyCompilerFlags) -> c_int {
    let f = crate::eval::interp_frame::current(crate::runtime::pystate::current());
    if cf.is_null() {
        return 0;
    }
    if !f.is_null() {
        (*cf).cf_flags |= (*(*f).code).co_flags & PyCF_MASK;
    }
    ((*cf).cf_flags != 0) as c_int
}

/// Records the future features in effect in the caller's flags.
unsafe fn merge_flags(flags: *mut PyCompilerFlags, future: c_int) {
    if !flags.is_null() {
        (*flags).cf_flags |= future & PyCF_MASK;
    }
}

unsafe fn c_flags(flags: *mut PyCompilerFlags) -> c_int {
    if flags.is_null() { 0 } else { (*flags).cf_flags }
}

/// Puts `__builtins__` into a globals dict that lacks it, as CPython's `exec()` and
/// `run_eval_code_obj` do: the builtins *dict* (the current frame's, else the interpreter's).
pub(crate) unsafe fn ensure_builtins(globals: *mut PyObject) -> PyResult<()> {
    if dict::get_item_str(globals, "__builtins__")?.is_none() {
        let builtins = crate::eval::frame_api::current_builtins();
        if !builtins.is_null() {
            dict::set_item(globals, pystr::intern("__builtins__")?.as_ptr(), builtins)?;
        }
    }
    Ok(())
}

/// `__main__`'s `__builtins__` is the builtins *module* (CPython sets it when it makes
/// `__main__`), where other namespaces get the dict.
pub(crate) unsafe fn ensure_main_builtins(globals: *mut PyObject) -> PyResult<()> {
    if dict::get_item_str(globals, "__builtins__")?.is_none() {
        if let Some(i) = crate::runtime::interpreter::current() {
            let key = pystr::intern("__builtins__")?;
            let m = dict::get_item_str(i.modules, "builtins")?.unwrap_or(i.builtins);
            dict::set_item(globals, key.as_ptr(), m)?;
        }
    }
    Ok(())
}

pub(crate) unsafe fn run_source(source: &[u8], filename: &str, start: c_int, globals: *mut PyObject, locals: *mut PyObject, flags: *mut PyCompilerFlags) -> PyResult<PyRef> {
    if globals.is_null() || !dict::is_dict(globals) {
        return Err(raise_type(&raw mut exc::_PyExc_SystemError, "globals must be a dict"));
    }
    let (code, future) = compile_source(source, filename, start, c_flags(flags), -1)?;
    merge_flags(flags, future);
    ensure_builtins(globals)?;
    crate::eval::eval_code::eval_code(code.as_ptr(), globals, locals)
}

unsafe fn c_text<'a>(s: *const c_char) -> &'a [u8] {
    CStr::from_ptr(s).to_bytes()
}

/// The `__main__` module's dict (borrowed), made on first use.
unsafe fn main_dict() -> PyResult<*mut PyObject> {
    let m = crate::runtime::module_table::PyImport_AddModule(c"__main__".as_ptr());
    if m.is_null() {
        return Err(Raised::assume_set());
    }
    let d = crate::objects::module::PyModule_GetDict(m);
    ensure_builtins(d)?;
    Ok(d)
}

/// `PyObject *PyRun_StringFlags(const char *str, int start, PyObject *globals, PyObject
/// *locals, PyCompilerFlags *flags)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_StringFlags(
    str: *const c_char,
    start: c_int,
    globals: *mut PyObject,
    locals: *mut PyObject,
    flags: *mut PyCompilerFlags,
) -> *mut PyObject {
    if str.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    crate::abstract_::ret_obj(run_source(c_text(str), "<string>", start, globals, locals, flags))
}

/// `PyObject *PyRun_String(const char *str, int start, PyObject *globals, PyObject *locals)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_String(str: *const c_char, start: c_int, globals: *mut PyObject, locals: *mut PyObject) -> *mut PyObject {
    PyRun_StringFlags(str, start, globals, locals, core::ptr::null_mut())
}

/// `int PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags)`: runs in
/// `__main__`; on an exception prints it and returns -1.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_SimpleStringFlags(command: *const c_char, flags: *mut PyCompilerFlags) -> c_int {
    if command.is_null() {
        let _ = bad_internal_call();
        crate::errors::print::PyErr_Print();
        return -1;
    }
    let r = main_dict().and_then(|d| run_source(c_text(command), "<string>", Py_file_input, d, d, flags));
    match r {
        Ok(_) => 0,
        Err(_) => {
            crate::errors::print::PyErr_Print();
            -1
        }
    }
}

/// `int PyRun_SimpleString(const char *command)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_SimpleString(command: *const c_char) -> c_int {
    PyRun_SimpleStringFlags(command, core::ptr::null_mut())
}

/// Reads the rest of a C stream.
unsafe fn read_all(fp: *mut libc::FILE) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = libc::fread(buf.as_mut_ptr() as *mut libc::c_void, 1, buf.len(), fp);
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    out
}

unsafe fn c_name(filename: *const c_char) -> String {
    if filename.is_null() { "???".into() } else { CStr::from_ptr(filename).to_string_lossy().into_owned() }
}

/// `PyObject *PyRun_FileExFlags(FILE *fp, const char *filename, int start, PyObject
/// *globals, PyObject *locals, int closeit, PyCompilerFlags *flags)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_FileExFlags(
    fp: *mut libc::FILE,
    filename: *const c_char,
    start: c_int,
    globals: *mut PyObject,
    locals: *mut PyObject,
    closeit: c_int,
    flags: *mut PyCompilerFlags,
) -> *mut PyObject {
    if fp.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let source = read_all(fp);
    if closeit != 0 {
        libc::fclose(fp);
    }
    crate::abstract_::ret_obj(run_source(&source, &c_name(filename), start, globals, locals, flags))
}

/// `PyObject *PyRun_File(FILE *fp, const char *p, int s, PyObject *g, PyObject *l)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_File(fp: *mut libc::FILE, p: *const c_char, s: c_int, g: *mut PyObject, l: *mut PyObject) -> *mut PyObject {
    PyRun_FileExFlags(fp, p, s, g, l, 0, core::ptr::null_mut())
}

/// `PyObject *PyRun_FileEx(FILE *fp, const char *p, int s, PyObject *g, PyObject *l, int c)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_FileEx(fp: *mut libc::FILE, p: *const c_char, s: c_int, g: *mut PyObject, l: *mut PyObject, c: c_int) -> *mut PyObject {
    PyRun_FileExFlags(fp, p, s, g, l, c, core::ptr::null_mut())
}

/// `PyObject *PyRun_FileFlags(FILE *fp, const char *p, int s, PyObject *g, PyObject *l,
/// PyCompilerFlags *flags)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_FileFlags(
    fp: *mut libc::FILE,
    p: *const c_char,
    s: c_int,
    g: *mut PyObject,
    l: *mut PyObject,
    flags: *mut PyCompilerFlags,
) -> *mut PyObject {
    PyRun_FileExFlags(fp, p, s, g, l, 0, flags)
}

/// `int PyRun_SimpleFileExFlags(FILE *fp, const char *filename, int closeit,
/// PyCompilerFlags *flags)`: runs a file in `__main__` (with `__file__` set while it runs,
/// if it was not), printing an exception and returning -1 on failure.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_SimpleFileExFlags(fp: *mut libc::FILE, filename: *const c_char, closeit: c_int, flags: *mut PyCompilerFlags) -> c_int {
    let name = c_name(filename);
    let r = (|| -> PyResult<()> {
        let d = main_dict()?;
        let set_file = dict::get_item_str(d, "__file__")?.is_none();
        if set_file {
            dict::set_item(d, pystr::intern("__file__")?.as_ptr(), pystr::from_utf8(&name)?.as_ptr())?;
            dict::set_item(d, pystr::intern("__cached__")?.as_ptr(), none())?;
        }
        let source = if fp.is_null() { Vec::new() } else { read_all(fp) };
        if closeit != 0 && !fp.is_null() {
            libc::fclose(fp);
        }
        let r = run_source(&source, &name, Py_file_input, d, d, flags);
        if set_file {
            // Failures to remove them do not hide the script's own outcome.
            let saved = crate::errors::pyerr::PyErr_Occurred();
            if saved.is_null() {
                let _ = dict::del_item(d, pystr::intern("__file__")?.as_ptr());
                let _ = dict::del_item(d, pystr::intern("__cached__")?.as_ptr());
            }
        }
        r.map(drop)
    })();
    match r {
        Ok(()) => 0,
        Err(_) => {
            crate::errors::print::PyErr_Print();
            -1
        }
    }
}

/// `int PyRun_SimpleFile(FILE *f, const char *p)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_SimpleFile(f: *mut libc::FILE, p: *const c_char) -> c_int {
    PyRun_SimpleFileExFlags(f, p, 0, core::ptr::null_mut())
}

/// `int PyRun_SimpleFileEx(FILE *f, const char *p, int c)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_SimpleFileEx(f: *mut libc::FILE, p: *const c_char, c: c_int) -> c_int {
    PyRun_SimpleFileExFlags(f, p, c, core::ptr::null_mut())
}

/// `int PyRun_AnyFileExFlags(FILE *fp, const char *filename, int closeit, PyCompilerFlags
/// *flags)`: the interactive loop for a terminal named `<stdin>` or `???`, else the file.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_AnyFileExFlags(fp: *mut libc::FILE, filename: *const c_char, closeit: c_int, flags: *mut PyCompilerFlags) -> c_int {
    if !fp.is_null() && Py_FdIsInteractive(fp, filename) != 0 {
        let r = crate::runtime::pyrun_interactive::PyRun_InteractiveLoopFlags(fp, filename, flags);
        if closeit != 0 {
            libc::fclose(fp);
        }
        return r;
    }
    PyRun_SimpleFileExFlags(fp, filename, closeit, flags)
}

/// Whether the interpreter runs interactively (`-i`: the `interactive` configuration).
unsafe fn interactive_flag() -> bool {
    crate::runtime::interpreter::current().is_some_and(|i| i.config.interactive > 0)
}

/// Whether `name` is one of the names CPython gives standard input.
fn names_stdin(name: Option<&str>) -> bool {
    matches!(name, None | Some("<stdin>") | Some("???"))
}

/// `int Py_FdIsInteractive(FILE *fp, const char *filename)`: a terminal, or standard
/// input under `-i`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_FdIsInteractive(fp: *mut libc::FILE, filename: *const c_char) -> c_int {
    if libc::isatty(libc::fileno(fp)) != 0 {
        return 1;
    }
    let name = (!filename.is_null()).then(|| c_name(filename));
    (interactive_flag() && names_stdin(name.as_deref())) as c_int
}

/// `int _Py_FdIsInteractive(FILE *fp, PyObject *filename)`: the same with a str name.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_FdIsInteractive(fp: *mut libc::FILE, filename: *mut PyObject) -> c_int {
    if libc::isatty(libc::fileno(fp)) != 0 {
        return 1;
    }
    let name = (!filename.is_null() && pystr::is_str(filename)).then(|| pystr::to_string(filename));
    (interactive_flag() && names_stdin(name.as_deref())) as c_int
}

/// `int PyRun_AnyFile(FILE *fp, const char *name)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_AnyFile(fp: *mut libc::FILE, name: *const c_char) -> c_int {
    PyRun_AnyFileExFlags(fp, name, 0, core::ptr::null_mut())
}

/// `int PyRun_AnyFileEx(FILE *fp, const char *name, int closeit)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_AnyFileEx(fp: *mut libc::FILE, name: *const c_char, closeit: c_int) -> c_int {
    PyRun_AnyFileExFlags(fp, name, closeit, core::ptr::null_mut())
}

/// `int PyRun_AnyFileFlags(FILE *fp, const char *name, PyCompilerFlags *flags)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyRun_AnyFileFlags(fp: *mut libc::FILE, name: *const c_char, flags: *mut PyCompilerFlags) -> c_int {
    PyRun_AnyFileExFlags(fp, name, 0, flags)
}

/// `PyObject *Py_CompileStringObject(const char *str, PyObject *filename, int start,
/// PyCompilerFlags *flags, int optimize)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_CompileStringObject(
    str: *const c_char,
    filename: *mut PyObject,
    start: c_int,
    flags: *mut PyCompilerFlags,
    optimize: c_int,
) -> *mut PyObject {
    if str.is_null() || filename.is_null() || !pystr::is_str(filename) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    crate::abstract_::ret_obj((|| {
        let (code, future) = compile_source(c_text(str), &pystr::to_string(filename), start, c_flags(flags), optimize)?;
        merge_flags(flags, future);
        Ok(code)
    })())
}

/// `PyObject *Py_CompileStringExFlags(const char *str, const char *filename, int start,
/// PyCompilerFlags *flags, int optimize)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_CompileStringExFlags(
    str: *const c_char,
    filename: *const c_char,
    start: c_int,
    flags: *mut PyCompilerFlags,
    optimize: c_int,
) -> *mut PyObject {
    let name = match pystr::from_utf8(&c_name(filename)) {
        Ok(n) => n,
        Err(_) => return core::ptr::null_mut(),
    };
    Py_CompileStringObject(str, name.as_ptr(), start, flags, optimize)
}

/// `PyObject *Py_CompileString(const char *str, const char *filename, int start)`.
#[no_mangle]
pub unsafe extern "C" fn Py_CompileString(str: *const c_char, filename: *const c_char, start: c_int) -> *mut PyObject {
    Py_CompileStringExFlags(str, filename, start, core::ptr::null_mut(), -1)
}
