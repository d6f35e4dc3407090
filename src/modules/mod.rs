//! Builtin modules written in Rust: `sys`, `builtins`, `_thread`, `atexit`.
//!
//! `sys` and `builtins` are made by initialization and live in the interpreter's module
//! table; `_thread` and `atexit` have `PyInit_*`-style constructors (`inittab_entries`)
//! that the import system's inittab will name.
use core::ffi::{c_int, CStr};

use crate::errors::raised::{PyResult, Raised};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::{PyModuleDef, PyModuleDef_Base};

pub mod atexit_module;
pub mod gc_module;
pub mod hashes;
pub mod builtins_functions;
pub mod builtins_anext;
pub mod builtins_iteration;
pub mod builtins_input;
pub mod builtins_exec;
pub mod builtins_import;
pub mod builtins_module;
pub mod sys_api;
pub mod sys_audit;
pub mod sys_functions;
pub mod sys_module;
pub mod sys_stdio;
pub mod sys_frames;
pub mod sys_trace;
pub mod sys_structseqs;
pub mod sys_asyncgen_hooks;
pub mod sys_coro_origin;
pub mod sys_breakpointhook;
pub mod sys_stdlib_names;
pub mod thread_excepthook;
pub mod thread_local;
pub mod thread_lock;
pub mod thread_module;
pub mod weakref_module;
pub mod module_init;
pub mod errno_module;
pub mod stat_module;
pub mod posix;
pub mod codecs_module;
pub mod io;
pub mod itertools;
pub mod operator_getters;
pub mod operator_module;
pub mod functools_module;
pub mod functools_partial;
pub mod collections;
pub mod sre;
pub mod time;
pub mod pwd_module;
pub mod signal_module;
pub mod locale_module;
pub mod math_module;
pub mod math_integer;
pub mod math_sums;
pub mod bisect_module;
pub mod heapq_module;
pub mod random_module;
pub mod string_module;
pub mod json_module;
pub mod json_encoder;
pub mod bytes_arg;
pub mod struct_;
pub mod ast;
pub mod warnings_module;
pub mod imp_module;
pub mod binascii;
pub mod zlib;
pub mod marshal;
pub mod abc;
pub mod contextvars_module;
pub mod select;
pub mod fcntl_module;
pub mod functools_lru;
pub mod posixsubprocess_module;
pub mod array;
pub mod cmath;
pub mod unicodedata;
pub mod socket;
pub mod faulthandler_module;

/// A module definition for `PyModule_Create2` (single-phase, no state).
pub(crate) const fn module_def(name: &'static CStr, doc: &'static CStr, methods: *mut PyMethodDef) -> PyModuleDef {
    PyModuleDef {
        m_base: PyModuleDef_Base {
            ob_base: PyObject { ob_refcnt: 1, ob_type: core::ptr::null_mut() },
            m_init: None,
            m_index: 0,
            m_copy: core::ptr::null_mut(),
        },
        m_name: name.as_ptr(),
        m_doc: doc.as_ptr(),
        m_size: -1,
        m_methods: methods,
        m_slots: core::ptr::null_mut(),
        m_traverse: None,
        m_clear: None,
        m_free: None,
    }
}

/// The end of a method table.
pub(crate) const END: PyMethodDef =
    PyMethodDef { ml_name: core::ptr::null(), ml_meth: None, ml_flags: 0, ml_doc: core::ptr::null() };

/// The signature of `METH_FASTCALL` functions.
pub(crate) type FastFn = unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, isize) -> *mut PyObject;
/// The signature of `METH_FASTCALL | METH_KEYWORDS` functions.
pub(crate) type FastKwFn = unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, isize, *mut PyObject) -> *mut PyObject;
/// The signature of `METH_NOARGS`/`METH_O`/`METH_VARARGS` functions.
pub(crate) type PlainFn = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;

/// A `METH_NOARGS` or `METH_O` (or `METH_VARARGS`) table entry.
pub(crate) const fn meth(name: &'static CStr, f: PlainFn, flags: c_int, doc: &'static CStr) -> PyMethodDef {
    PyMethodDef { ml_name: name.as_ptr(), ml_meth: Some(f), ml_flags: flags, ml_doc: doc.as_ptr() }
}

/// A `METH_FASTCALL` table entry.
pub(crate) const fn fast(name: &'static CStr, f: FastFn, doc: &'static CStr) -> PyMethodDef {
    PyMethodDef {
        ml_name: name.as_ptr(),
        // SAFETY: a METH_FASTCALL function is called back with its own signature.
        ml_meth: Some(unsafe { core::mem::transmute::<FastFn, PlainFn>(f) }),
        ml_flags: crate::object::methods::METH_FASTCALL,
        ml_doc: doc.as_ptr(),
    }
}

/// A `METH_FASTCALL | METH_KEYWORDS` table entry.
pub(crate) const fn fast_kw(name: &'static CStr, f: FastKwFn, doc: &'static CStr) -> PyMethodDef {
    PyMethodDef {
        ml_name: name.as_ptr(),
        // SAFETY: as in `fast`.
        ml_meth: Some(unsafe { core::mem::transmute::<FastKwFn, PlainFn>(f) }),
        ml_flags: crate::object::methods::METH_FASTCALL | crate::object::methods::METH_KEYWORDS,
        ml_doc: doc.as_ptr(),
    }
}

/// A result for C: the new reference, or NULL with the exception set.
pub(crate) fn ret(r: PyResult<PyRef>) -> *mut PyObject {
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `None`, as a new reference.
pub(crate) fn none_ref() -> PyRef {
    // SAFETY: None is immortal in practice and always live.
    unsafe { crate::abstract_::new_ref(crate::abstract_::none()) }
}

/// An owned result of a C-API call that returns a new reference or NULL with an exception.
pub(crate) unsafe fn owned(op: *mut PyObject) -> PyResult<PyRef> {
    PyRef::from_owned(op).ok_or_else(Raised::assume_set)
}

/// The vectorcall arguments as a slice.
pub(crate) unsafe fn args_slice<'a>(args: *const *mut PyObject, nargs: isize) -> &'a [*mut PyObject] {
    if nargs <= 0 || args.is_null() {
        &[]
    } else {
        core::slice::from_raw_parts(args, nargs as usize)
    }
}
