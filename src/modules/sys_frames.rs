//! `sys._getframe([depth])`: the frame object of the Python code `depth` calls up the stack.
use crate::abstract_::{new_ref, type_error};
use crate::errors::exception_types as exc;
use crate::modules::{args_slice, ret};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::errors::raised::PyResult;

unsafe fn frame_at(depth: i32) -> PyResult<PyRef> {
    let mut f = crate::eval::interp_frame::current(crate::runtime::pystate::current());
    // A negative depth is the running frame, as CPython treats it.
    let mut left = depth.max(0);
    while left > 0 && !f.is_null() {
        f = (*f).previous;
        left -= 1;
    }
    if f.is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "call stack is not deep enough"));
    }
    Ok(new_ref(crate::eval::frame_object::materialize(f)?))
}

pub(crate) unsafe extern "C" fn getframe(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if a.len() > 1 {
        return ret(Err(type_error(format!("_getframe expected at most 1 argument, got {}", a.len()))));
    }
    let depth = match a.first() {
        Some(&d) => match crate::modules::sys_functions::as_c_int(d) {
            Ok(n) => n,
            Err(e) => return ret(Err(e)),
        },
        None => 0,
    };
    ret(frame_at(depth))
}
