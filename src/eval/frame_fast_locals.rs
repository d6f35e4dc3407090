//! `PyFrame_FastToLocalsWithError`, `PyFrame_FastToLocals`, `PyFrame_LocalsToFast`: the
//! locals dict of a function frame refreshed from its fast slots, and written back (what
//! debuggers do to change a variable from outside).
use core::ffi::c_int;

use crate::eval::frame::PyFrameObject;
use crate::eval::frame_object::{check, locals, FrameObject};
use crate::object::object::PyObject;
use crate::objects::code::CO_OPTIMIZED;
use crate::objects::cell::{PyCellObject, PyCell_Type};
use crate::objects::tuple;

/// `int PyFrame_FastToLocalsWithError(PyFrameObject *f)`: 0, or -1 with an exception.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFrame_FastToLocalsWithError(f: *mut PyFrameObject) -> c_int {
    let Some(op) = check(f) else { return -1 };
    match locals(op) {
        Ok(_) => 0,
        Err(_) => -1,
    }
}

/// `void PyFrame_FastToLocals(PyFrameObject *f)`: as above, errors cleared.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFrame_FastToLocals(f: *mut PyFrameObject) {
    if PyFrame_FastToLocalsWithError(f) < 0 {
        crate::errors::pyerr::PyErr_Clear();
    }
}

/// `void PyFrame_LocalsToFast(PyFrameObject *f, int clear)`: the values of the running
/// function frame's locals dict back into its variables (cells get the new content); a
/// name missing from the dict empties its variable only when `clear`. Nothing happens for
/// a frame whose locals were never taken, or that has finished. Errors are cleared.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFrame_LocalsToFast(f: *mut PyFrameObject, clear: c_int) {
    if f.is_null() || (*(f as *mut PyObject)).ob_type != &raw mut crate::eval::frame_object::PyFrame_Type {
        return;
    }
    let frame = (*(f as *mut FrameObject)).frame;
    if frame.is_null() || (*frame).locals.is_null() || (*(*frame).code).co_flags & CO_OPTIMIZED == 0 {
        return;
    }
    // A pending exception (a trace function's) survives the lookups below.
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    locals_to_fast(frame, clear);
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

unsafe fn locals_to_fast(frame: *mut crate::eval::interp_frame::Frame, clear: c_int) {
    let d = (*frame).locals;
    let rt = (*frame).rt();
    let slots = (*frame).slots();
    let names = tuple::items((*(*frame).code).co_localsplusnames);
    for (i, &name) in names.iter().enumerate() {
        let found = match crate::abstract_::item::get_item(d, name) {
            Ok(v) => Some(v),
            Err(_) => {
                crate::errors::pyerr::PyErr_Clear();
                None
            }
        };
        if found.is_none() && clear == 0 {
            continue;
        }
        let new = found.map_or(core::ptr::null_mut(), |v| v.into_ptr());
        let slot = slots.add(i);
        let cur = *slot;
        if i >= rt.nvars as usize && !cur.is_null() && (*cur).ob_type == &raw mut PyCell_Type {
            let cell = cur as *mut PyCellObject;
            crate::object::refcount::Py_DecRef(core::mem::replace(&mut (*cell).ob_ref, new));
        } else if i < rt.nvars as usize && cur.is_null() && rt.cell_arg.contains(&(i as i32)) {
            // A parameter moved into its cell: the cell is written through its own name.
            crate::object::refcount::Py_DecRef(new);
        } else {
            crate::object::refcount::Py_DecRef(core::mem::replace(&mut *slot, new));
        }
    }
}
