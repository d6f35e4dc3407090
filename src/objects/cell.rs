//! `PyCellObject` (CPython's cpython/cellobject.h): the box of a closure variable.
use crate::object::object::PyObject;

/// `PyCellObject`: `ob_ref` is the contained object, or NULL when empty.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyCellObject {
    pub ob_base: PyObject,
    pub ob_ref: *mut PyObject,
}
assert_layout!(PyCellObject, size = 24, ob_base @ 0, ob_ref @ 16);

// ---- The cell type ------------------------------------------------------------------------
// A cell holds one reference or none. Python sees it as `types.CellType`: `cell_contents`
// (ValueError "Cell is empty" when empty), comparisons by contents (an empty cell is less
// than a full one), unhashable.

use core::ffi::{c_int, c_void};

use crate::abstract_::compare::{bool_ref, ordering_result, rich_compare};
use crate::abstract_::{new_ref, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::descr::PyGetSetDef;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::{bad_internal_call, no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::{dict, tuple};

static mut CELL_GETSETS: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"cell_contents".as_ptr(),
        get: Some(cell_get_contents),
        set: Some(cell_set_contents),
        doc: core::ptr::null(),
        closure: core::ptr::null_mut(),
    },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

/// `PyCell_Type`: CPython names it `cell`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyCell_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(cell_dealloc),
    tp_repr: Some(cell_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(cell_traverse),
    tp_clear: Some(cell_clear),
    tp_richcompare: Some(cell_richcompare),
    tp_getset: &raw mut CELL_GETSETS as *mut PyGetSetDef,
    tp_new: Some(cell_new),
    ..static_type(
        c"cell",
        core::mem::size_of::<PyCellObject>(),
        0,
        Py_TPFLAGS_HAVE_GC,
        Some(c"cell(contents=<NULL>, /)\n--\n\nCreate a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a ValueError."),
    )
};

pub(crate) unsafe fn is_cell(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyCell_Type
}

/// A new cell holding `obj` (NULL: empty), tracked.
unsafe fn new(obj: *mut PyObject) -> PyResult<PyRef> {
    let op = PyRef::from_owned(temp_alloc::gc_new_var(&raw mut PyCell_Type, 0)).ok_or_else(no_memory)?;
    (*(op.as_ptr() as *mut PyCellObject)).ob_ref = if obj.is_null() { obj } else { new_ref(obj).into_ptr() };
    PyObject_GC_Track(op.as_ptr() as *mut c_void);
    Ok(op)
}

/// `PyObject *PyCell_New(PyObject *obj)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCell_New(obj: *mut PyObject) -> *mut PyObject {
    ret_obj(new(obj))
}

/// `PyObject *PyCell_Get(PyObject *cell)`: a new reference, or NULL (no error) when empty.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCell_Get(cell: *mut PyObject) -> *mut PyObject {
    if cell.is_null() || !is_cell(cell) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let v = (*(cell as *mut PyCellObject)).ob_ref;
    if v.is_null() { v } else { new_ref(v).into_ptr() }
}

/// `int PyCell_Set(PyObject *cell, PyObject *value)`: NULL empties the cell.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCell_Set(cell: *mut PyObject, value: *mut PyObject) -> c_int {
    if cell.is_null() || !is_cell(cell) {
        let _ = bad_internal_call();
        return -1;
    }
    let v = if value.is_null() { value } else { new_ref(value).into_ptr() };
    let old = core::mem::replace(&mut (*(cell as *mut PyCellObject)).ob_ref, v);
    drop(PyRef::from_owned(old));
    0
}

unsafe extern "C" fn cell_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    if !kwds.is_null() && dict::len(kwds) != 0 {
        let _ = type_error("cell() takes no keyword arguments");
        return core::ptr::null_mut();
    }
    let items = if args.is_null() { &[][..] } else { tuple::items(args) };
    if let Err(_) = crate::objects::container_methods::check_positional("cell", items.len() as isize, 0, 1) {
        return core::ptr::null_mut();
    }
    ret_obj(new(items.first().copied().unwrap_or(core::ptr::null_mut())))
}

unsafe extern "C" fn cell_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    drop(PyRef::from_owned((*(op as *mut PyCellObject)).ob_ref));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn cell_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let v = (*(op as *mut PyCellObject)).ob_ref;
    match visit {
        Some(f) if !v.is_null() => f(v, arg),
        _ => 0,
    }
}

unsafe extern "C" fn cell_clear(op: *mut PyObject) -> c_int {
    let old = core::mem::replace(&mut (*(op as *mut PyCellObject)).ob_ref, core::ptr::null_mut());
    drop(PyRef::from_owned(old));
    0
}

unsafe extern "C" fn cell_repr(op: *mut PyObject) -> *mut PyObject {
    let v = (*(op as *mut PyCellObject)).ob_ref;
    let text = if v.is_null() {
        format!("<cell at {op:p}: empty>")
    } else {
        format!("<cell at {op:p}: {} object at {v:p}>", tp_name(v))
    };
    ret_obj(crate::objects::str::from_utf8(&text))
}

unsafe extern "C" fn cell_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_cell(a) || !is_cell(b) {
        return new_ref(not_implemented()).into_ptr();
    }
    let (va, vb) = ((*(a as *mut PyCellObject)).ob_ref, (*(b as *mut PyCellObject)).ob_ref);
    if !va.is_null() && !vb.is_null() {
        let (_ha, _hb) = (new_ref(va), new_ref(vb));
        return ret_obj(rich_compare(va, vb, op));
    }
    // At least one is empty: order by fullness.
    ret_obj(Ok(bool_ref(ordering_result((!va.is_null()).cmp(&!vb.is_null()), op))))
}

unsafe extern "C" fn cell_get_contents(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let v = (*(op as *mut PyCellObject)).ob_ref;
    if v.is_null() {
        let _ = raise_type(&raw mut exc::_PyExc_ValueError, "Cell is empty");
        return core::ptr::null_mut();
    }
    new_ref(v).into_ptr()
}

unsafe extern "C" fn cell_set_contents(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    PyCell_Set(op, value)
}
