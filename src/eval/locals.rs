//! `locals()` of a running frame: module and class bodies have a real namespace; a
//! function's fast locals, cells and free variables are copied into a dict the frame keeps
//! (refreshed at each request), as CPython's `PyFrame_FastToLocals` does.
use crate::errors::raised::PyResult;
use crate::eval::interp_frame::Frame;
use crate::object::object::PyObject;
use crate::objects::code::CO_OPTIMIZED;
use crate::objects::{dict, tuple};

/// The locals mapping of `f` (borrowed; owned by the frame).
pub(crate) unsafe fn frame_locals(f: *mut Frame) -> PyResult<*mut PyObject> {
    let optimized = (*(*f).code).co_flags & CO_OPTIMIZED != 0;
    if !optimized && !(*f).locals.is_null() {
        return Ok((*f).locals);
    }
    if (*f).locals.is_null() {
        (*f).locals = dict::new()?.into_ptr();
    }
    let d = (*f).locals;
    let rt = (*f).rt();
    let slots = (*f).slots();
    let names = tuple::items((*(*f).code).co_localsplusnames);
    for (i, &name) in names.iter().enumerate() {
        let mut v = *slots.add(i);
        if i >= rt.nvars as usize && !v.is_null() && (*v).ob_type == &raw mut crate::objects::cell::PyCell_Type {
            v = (*(v as *mut crate::objects::cell::PyCellObject)).ob_ref;
        }
        // A parameter that became a cell shows through its cell.
        if i < rt.nvars as usize && v.is_null() && rt.cell_arg.contains(&(i as i32)) {
            continue;
        }
        if v.is_null() {
            dict::del_item(d, name)?;
        } else {
            dict::set_item(d, name, v)?;
        }
    }
    Ok(d)
}
