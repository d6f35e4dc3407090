//! str's `tp_methods`: the concatenation of the method tables of the files that implement
//! str's methods, one table per concept. To add methods, define a
//! `pub(crate) const METHODS: &[PyMethodDef]` in your file and append one line to `TABLES`.
use crate::object::methods::PyMethodDef;

const TABLES: &[&[PyMethodDef]] = &[
    crate::objects::str_slots::METHODS,
    crate::objects::str_search::METHODS,
    crate::objects::str_split::METHODS,
    crate::objects::str_join::METHODS,
    crate::objects::str_replace::METHODS,
    &crate::objects::str_methods_unicode::UNICODE_METHODS,
];

/// A `PyMethodDef` for a `METH_FASTCALL` function.
macro_rules! fast {
    ($name:literal, $f:expr) => {
        $crate::object::methods::PyMethodDef {
            ml_name: $name.as_ptr(),
            // SAFETY: METH_FASTCALL methods are called with (self, args, nargs).
            ml_meth: Some(unsafe {
                core::mem::transmute::<
                    unsafe extern "C" fn(*mut $crate::object::object::PyObject, *const *mut $crate::object::object::PyObject, $crate::pyport::Py_ssize_t) -> *mut $crate::object::object::PyObject,
                    unsafe extern "C" fn(*mut $crate::object::object::PyObject, *mut $crate::object::object::PyObject) -> *mut $crate::object::object::PyObject,
                >($f)
            }),
            ml_flags: $crate::object::methods::METH_FASTCALL,
            ml_doc: core::ptr::null(),
        }
    };
}

/// A `PyMethodDef` for a `METH_FASTCALL | METH_KEYWORDS` function.
macro_rules! fast_kw {
    ($name:literal, $f:expr) => {
        $crate::object::methods::PyMethodDef {
            ml_name: $name.as_ptr(),
            // SAFETY: called with (self, args, nargs, kwnames).
            ml_meth: Some(unsafe {
                core::mem::transmute::<
                    unsafe extern "C" fn(*mut $crate::object::object::PyObject, *const *mut $crate::object::object::PyObject, $crate::pyport::Py_ssize_t, *mut $crate::object::object::PyObject) -> *mut $crate::object::object::PyObject,
                    unsafe extern "C" fn(*mut $crate::object::object::PyObject, *mut $crate::object::object::PyObject) -> *mut $crate::object::object::PyObject,
                >($f)
            }),
            ml_flags: $crate::object::methods::METH_FASTCALL | $crate::object::methods::METH_KEYWORDS,
            ml_doc: core::ptr::null(),
        }
    };
}

/// A `PyMethodDef` for a `METH_O` or `METH_NOARGS` function.
macro_rules! plain {
    ($name:literal, $f:expr, $flags:expr) => {
        $crate::object::methods::PyMethodDef { ml_name: $name.as_ptr(), ml_meth: Some($f), ml_flags: $flags, ml_doc: core::ptr::null() }
    };
}
pub(crate) use {fast, fast_kw, plain};

const fn count(tables: &[&[PyMethodDef]]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < tables.len() {
        n += tables[i].len();
        i += 1;
    }
    n
}

const COUNT: usize = count(TABLES);

const fn concat(tables: &[&[PyMethodDef]]) -> [PyMethodDef; COUNT + 1] {
    const END: PyMethodDef =
        PyMethodDef { ml_name: core::ptr::null(), ml_meth: None, ml_flags: 0, ml_doc: core::ptr::null() };
    let mut out = [END; COUNT + 1];
    let (mut k, mut i) = (0, 0);
    while i < tables.len() {
        let mut j = 0;
        while j < tables[i].len() {
            let m = &tables[i][j];
            out[k] = PyMethodDef { ml_name: m.ml_name, ml_meth: m.ml_meth, ml_flags: m.ml_flags, ml_doc: m.ml_doc };
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// str's `tp_methods` (NULL-name terminated).
pub(crate) static mut STR_METHODS: [PyMethodDef; COUNT + 1] = concat(TABLES);

