//! How the builtin static types are declared in Rust: `static_type` gives the C-style
//! initializer CPython's `PyVarObject_HEAD_INIT(&PyType_Type, 0)` plus zeroed slots, and each
//! type fills what it has with struct-update syntax:
//!
//! ```ignore
//! #[no_mangle]
//! pub static mut PyTuple_Type: PyTypeObject = PyTypeObject {
//!     tp_dealloc: Some(tuple_dealloc),
//!     ..static_type(c"tuple", BASICSIZE, ITEMSIZE, FLAGS, DOC)
//! };
//! ```
//!
//! Everything else (bases, MRO, inherited slots, `tp_dict`) is computed by `PyType_Ready`
//! at initialization, as for a static type written in C.
use core::ffi::{c_char, c_ulong, CStr};

use crate::object::object::{PyObject, PyVarObject};
use crate::object::typeobject::PyTypeObject;
use crate::object::typetype::PyType_Type;
use crate::pyport::Py_ssize_t;

/// A static type object whose type is `type`, refcount 1, with the given name, sizes,
/// flags and doc (which may start with a `name(sig)\n--\n\n` signature), every slot empty.
pub(crate) const fn static_type(
    name: &'static CStr,
    basicsize: usize,
    itemsize: usize,
    flags: c_ulong,
    doc: Option<&'static CStr>,
) -> PyTypeObject {
    // SAFETY: every field of a type object is an integer, a raw pointer or an Option of a
    // function pointer, for all of which zero is a valid value (NULL/0), as in C.
    let mut tp: PyTypeObject = unsafe { core::mem::zeroed() };
    tp.ob_base = PyVarObject {
        ob_base: PyObject { ob_refcnt: 1, ob_type: &raw mut PyType_Type },
        ob_size: 0,
    };
    tp.tp_name = name.as_ptr();
    tp.tp_basicsize = basicsize as Py_ssize_t;
    tp.tp_itemsize = itemsize as Py_ssize_t;
    tp.tp_flags = flags;
    tp.tp_doc = match doc {
        Some(d) => d.as_ptr(),
        None => core::ptr::null::<c_char>(),
    };
    tp
}
