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

/// Whether `f.fileno()` is the descriptor `fd` and a terminal (errors count as no).
unsafe fn is_terminal(f: *mut PyObject, fd: i32) -> bool {
    let Ok(name) = crate::objects::str::intern("fileno") else {
        crate::errors::pyerr::PyErr_Clear();
        return false;
    };
    let args = [f];
    let r = PyRef::from_owned(crate::abstract_::call_shims::PyObject_VectorcallMethod(name.as_ptr(), args.as_ptr(), 1, core::ptr::null_mut()));
    let ok = match r {
        Some(n) => crate::objects::long_convert::as_i64(n.as_ptr()).ok() == Some(fd as i64) && libc::isatty(fd) == 1,
        None => false,
    };
    if !ok {
        crate::errors::pyerr::PyErr_Clear();
    }
    ok
}

/// `input([prompt])`: writes the prompt to `sys.stdout`, reads a line from `sys.stdin`
/// without its newline; EOFError at the end of input. Interactive terminals get the same
/// plain reading (no readline line editing).
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
        if let Some(p) = prompt {
            let text = crate::abstract_::object::str(p)?;
            crate::modules::sys_stdio::file_write(fout.as_ptr(), text.as_ptr())?;
        }
        flush_quietly(fout.as_ptr());
        if is_terminal(fin.as_ptr(), 0) && is_terminal(fout.as_ptr(), 1) {
            crate::runtime::input_hook::call();
        }
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
