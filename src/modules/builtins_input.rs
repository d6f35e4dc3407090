//! `input` and `breakpoint`: builtins that talk to `sys` (its streams and its breakpoint
//! hook), with CPython's messages and audit events.
use crate::abstract_::{new_ref, none};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::{args_slice, owned, ret};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::tuple;

/// `sys.<name>` for input(): RuntimeError "input(): lost sys.<name>" when missing or None.
unsafe fn stream(name: &str) -> PyResult<PyRef> {
    let f = crate::modules::sys_stdio::sys_attr(name);
    if f.is_null() || f == none() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, format!("input(): lost sys.{name}")));
    }
    Ok(new_ref(f))
}

unsafe fn audit(event: &core::ffi::CStr, arg: *mut PyObject) -> PyResult<()> {
    let args = tuple::from_slice(&[new_ref(arg)])?;
    crate::modules::sys_audit::audit_tuple(event, args.as_ptr())
}

/// Flushes `f`, dropping any error (as CPython does around the prompt).
unsafe fn flush_quietly(f: *mut PyObject) {
    if crate::modules::sys_stdio::file_flush(f).is_err() {
        crate::errors::pyerr::PyErr_Clear();
    }
}

/// Whether stream `f` is the process's file descriptor `fd` and a terminal.
unsafe fn is_console(f: *mut PyObject, fd: i32) -> bool {
    let name = crate::objects::str::intern("fileno");
    let Ok(name) = name else {
        crate::errors::pyerr::PyErr_Clear();
        return false;
    };
    let args = [f];
    let r = crate::abstract_::call_shims::PyObject_VectorcallMethod(name.as_ptr(), args.as_ptr(), 1 | crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET, core::ptr::null_mut());
    let Ok(r) = owned(r) else {
        crate::errors::pyerr::PyErr_Clear();
        return false;
    };
    let same = crate::objects::long_convert::as_i64(r.as_ptr()).map(|n| n == fd as i64).unwrap_or_else(|_| {
        crate::errors::pyerr::PyErr_Clear();
        false
    });
    same && libc::isatty(fd) != 0
}

/// A line typed at the terminal through `PyOS_Readline` (line editing and history), without
/// its newline; EOFError at end of input.
unsafe fn read_console_line(prompt: Option<*mut PyObject>) -> PyResult<PyRef> {
    let prompt_text = match prompt {
        Some(p) => crate::objects::str::to_string(crate::abstract_::object::str(p)?.as_ptr()),
        None => String::new(),
    };
    let c_prompt = std::ffi::CString::new(prompt_text)
        .map_err(|_| raise_type(&raw mut exc::_PyExc_ValueError, "input: prompt string cannot contain null characters"))?;
    let line = crate::runtime::readline::PyOS_Readline(
        crate::runtime::lifecycle::stdin_stream(),
        crate::runtime::lifecycle::stdout_stream(),
        c_prompt.as_ptr(),
    );
    if line.is_null() {
        return Err(crate::errors::raised::Raised::assume_set());
    }
    let mut bytes = core::ffi::CStr::from_ptr(line).to_bytes().to_vec();
    crate::object::pymem::PyMem_Free(line.cast());
    if bytes.is_empty() {
        return Err(raise_type(&raw mut exc::_PyExc_EOFError, "EOF when reading a line"));
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
    }
    owned(crate::codecs::utf8::PyUnicode_DecodeUTF8(bytes.as_ptr().cast(), bytes.len() as isize, core::ptr::null()))
}

/// `input([prompt])`: writes the prompt to `sys.stdout`, reads a line from `sys.stdin`
/// without its newline; EOFError at the end of input. When both are the process's terminal,
/// the line is read through `PyOS_Readline` (line editing and history), as CPython does.
pub(crate) unsafe extern "C" fn input(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret((|| {
        crate::objects::container_methods::check_positional("input", a.len() as isize, 0, 1)?;
        let prompt = a.first().copied();
        let fin = stream("stdin")?;
        let fout = stream("stdout")?;
        let ferr = stream("stderr")?;
        audit(c"builtins.input", prompt.unwrap_or(none()))?;
        flush_quietly(ferr.as_ptr());
        if is_console(fin.as_ptr(), 0) && is_console(fout.as_ptr(), 1) {
            flush_quietly(fout.as_ptr());
            let line = read_console_line(prompt)?;
            audit(c"builtins.input/result", line.as_ptr())?;
            return Ok(line);
        }
        if let Some(p) = prompt {
            let text = crate::abstract_::object::str(p)?;
            crate::modules::sys_stdio::file_write(fout.as_ptr(), text.as_ptr())?;
        }
        flush_quietly(fout.as_ptr());
        let line = crate::objects::fileobject::get_line(fin.as_ptr(), -1)?;
        audit(c"builtins.input/result", line.as_ptr())?;
        Ok(line)
    })())
}

/// `breakpoint(*args, **kws)`: `sys.breakpointhook(*args, **kws)`.
pub(crate) unsafe extern "C" fn breakpoint(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let hook = crate::modules::sys_stdio::sys_attr("breakpointhook");
        if hook.is_null() {
            return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "lost sys.breakpointhook"));
        }
        let hook = new_ref(hook);
        audit(c"builtins.breakpoint", hook.as_ptr())?;
        owned(crate::abstract_::call::vectorcall(hook.as_ptr(), args, nargs as usize, kwnames))
    })())
}
