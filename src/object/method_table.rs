//! Building `PyMethodDef` tables in Rust: one constructor per calling convention (the
//! function pointer is stored as `PyCFunction`, as C stores every convention, and cast back
//! by the caller according to `ml_flags`), an optional docstring, the terminator, and the
//! concatenation of several tables into one `tp_methods` array. Every builtin type's
//! method table is written with these.
use core::ffi::{c_int, CStr};

use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::pyport::Py_ssize_t;

/// `METH_NOARGS` / `METH_O` / `METH_VARARGS`: `(self, arg)`.
pub(crate) type Plain = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
/// `METH_FASTCALL`: `(self, args, nargs)`.
pub(crate) type Fast = unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, Py_ssize_t) -> *mut PyObject;
/// `METH_FASTCALL | METH_KEYWORDS`: `(self, args, nargs, kwnames)`.
pub(crate) type FastKw =
    unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, Py_ssize_t, *mut PyObject) -> *mut PyObject;
/// `METH_VARARGS | METH_KEYWORDS`: `(self, args, kwargs)`.
pub(crate) type WithKw = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;

const fn entry(name: &'static CStr, f: Plain, flags: c_int) -> PyMethodDef {
    PyMethodDef { ml_name: name.as_ptr(), ml_meth: Some(f), ml_flags: flags, ml_doc: core::ptr::null() }
}

/// An entry for `METH_NOARGS`, `METH_O` or `METH_VARARGS` (plus `METH_CLASS`, ...).
pub(crate) const fn plain(name: &'static CStr, f: Plain, flags: c_int) -> PyMethodDef {
    entry(name, f, flags)
}

/// An entry for `METH_FASTCALL` (flags given in full).
pub(crate) const fn fast(name: &'static CStr, f: Fast, flags: c_int) -> PyMethodDef {
    // SAFETY: C stores every convention in `ml_meth`; callers cast back by the flags.
    entry(name, unsafe { core::mem::transmute::<Fast, Plain>(f) }, flags)
}

/// An entry for `METH_FASTCALL | METH_KEYWORDS` (flags given in full).
pub(crate) const fn fast_kw(name: &'static CStr, f: FastKw, flags: c_int) -> PyMethodDef {
    // SAFETY: as in `fast`.
    entry(name, unsafe { core::mem::transmute::<FastKw, Plain>(f) }, flags)
}

/// An entry for `METH_VARARGS | METH_KEYWORDS` (flags given in full).
pub(crate) const fn with_kw(name: &'static CStr, f: WithKw, flags: c_int) -> PyMethodDef {
    // SAFETY: as in `fast`.
    entry(name, unsafe { core::mem::transmute::<WithKw, Plain>(f) }, flags)
}

impl PyMethodDef {
    /// The same entry with a docstring (entries have none by default: `__doc__` is None).
    pub(crate) const fn doc(self, doc: &'static CStr) -> PyMethodDef {
        PyMethodDef { ml_doc: doc.as_ptr(), ..self }
    }
}

/// The table terminator (NULL name).
pub(crate) const END: PyMethodDef =
    PyMethodDef { ml_name: core::ptr::null(), ml_meth: None, ml_flags: 0, ml_doc: core::ptr::null() };

/// The number of entries of `tables` together (without a terminator).
pub(crate) const fn count(tables: &[&[PyMethodDef]]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < tables.len() {
        n += tables[i].len();
        i += 1;
    }
    n
}

/// `tables` one after the other, then terminators up to `N` (`N` > their total).
pub(crate) const fn concat<const N: usize>(tables: &[&[PyMethodDef]]) -> [PyMethodDef; N] {
    assert!(count(tables) < N);
    let mut out = [END; N];
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
