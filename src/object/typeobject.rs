//! Type objects: `struct _typeobject` (`PyTypeObject`), heap types, the `PyType_Spec` /
//! `PyType_Slot` description of types made at run time, and the `Py_TPFLAGS_*` bits.
use core::ffi::{c_char, c_int, c_uint, c_ulong, c_void};

use crate::object::descr::PyGetSetDef;
use crate::object::member::PyMemberDef;
use crate::object::methods::PyMethodDef;
use crate::object::object::{PyObject, PyVarObject};
use crate::object::slots::*;
use crate::pyport::Py_ssize_t;

/// `struct _typeobject`: the layout of every type object. Opaque in the limited API, as in
/// CPython. Static types are initialized field by field in C, so nothing may move.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _typeobject {
    pub ob_base: PyVarObject,
    /// `"<module>.<name>"`, used for printing.
    pub tp_name: *const c_char,
    pub tp_basicsize: Py_ssize_t,
    pub tp_itemsize: Py_ssize_t,
    pub tp_dealloc: destructor,
    pub tp_vectorcall_offset: Py_ssize_t,
    pub tp_getattr: getattrfunc,
    pub tp_setattr: setattrfunc,
    pub tp_as_async: *mut PyAsyncMethods,
    pub tp_repr: reprfunc,
    pub tp_as_number: *mut PyNumberMethods,
    pub tp_as_sequence: *mut PySequenceMethods,
    pub tp_as_mapping: *mut PyMappingMethods,
    pub tp_hash: hashfunc,
    pub tp_call: ternaryfunc,
    pub tp_str: reprfunc,
    pub tp_getattro: getattrofunc,
    pub tp_setattro: setattrofunc,
    pub tp_as_buffer: *mut PyBufferProcs,
    pub tp_flags: c_ulong,
    pub tp_doc: *const c_char,
    pub tp_traverse: traverseproc,
    pub tp_clear: inquiry,
    pub tp_richcompare: richcmpfunc,
    pub tp_weaklistoffset: Py_ssize_t,
    pub tp_iter: getiterfunc,
    pub tp_iternext: iternextfunc,
    pub tp_methods: *mut PyMethodDef,
    pub tp_members: *mut PyMemberDef,
    pub tp_getset: *mut PyGetSetDef,
    /// Strong reference for heap types, borrowed for static types.
    pub tp_base: *mut PyTypeObject,
    pub tp_dict: *mut PyObject,
    pub tp_descr_get: descrgetfunc,
    pub tp_descr_set: descrsetfunc,
    pub tp_dictoffset: Py_ssize_t,
    pub tp_init: initproc,
    pub tp_alloc: allocfunc,
    pub tp_new: newfunc,
    pub tp_free: freefunc,
    pub tp_is_gc: inquiry,
    pub tp_bases: *mut PyObject,
    pub tp_mro: *mut PyObject,
    pub tp_cache: *mut PyObject,
    pub tp_subclasses: *mut PyObject,
    pub tp_weaklist: *mut PyObject,
    pub tp_del: destructor,
    /// Attribute-cache version tag (valid when `Py_TPFLAGS_VALID_VERSION_TAG` is set).
    pub tp_version_tag: c_uint,
    pub tp_finalize: destructor,
    pub tp_vectorcall: vectorcallfunc,
}
pub type PyTypeObject = _typeobject;
assert_layout!(PyTypeObject, size = 408,
    ob_base @ 0, tp_name @ 24, tp_basicsize @ 32, tp_itemsize @ 40, tp_dealloc @ 48,
    tp_vectorcall_offset @ 56, tp_getattr @ 64, tp_setattr @ 72, tp_as_async @ 80,
    tp_repr @ 88, tp_as_number @ 96, tp_as_sequence @ 104, tp_as_mapping @ 112,
    tp_hash @ 120, tp_call @ 128, tp_str @ 136, tp_getattro @ 144, tp_setattro @ 152,
    tp_as_buffer @ 160, tp_flags @ 168, tp_doc @ 176, tp_traverse @ 184, tp_clear @ 192,
    tp_richcompare @ 200, tp_weaklistoffset @ 208, tp_iter @ 216, tp_iternext @ 224,
    tp_methods @ 232, tp_members @ 240, tp_getset @ 248, tp_base @ 256, tp_dict @ 264,
    tp_descr_get @ 272, tp_descr_set @ 280, tp_dictoffset @ 288, tp_init @ 296,
    tp_alloc @ 304, tp_new @ 312, tp_free @ 320, tp_is_gc @ 328, tp_bases @ 336,
    tp_mro @ 344, tp_cache @ 352, tp_subclasses @ 360, tp_weaklist @ 368, tp_del @ 376,
    tp_version_tag @ 384, tp_finalize @ 392, tp_vectorcall @ 400);

/// Per-heap-type data the eval loop's specializer caches (`__getitem__` of the class).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _specialization_cache {
    pub getitem: *mut PyObject,
}
assert_layout!(_specialization_cache, size = 8, getitem @ 0);

/// `struct _heaptypeobject`: a type created at run time (class statement,
/// `PyType_FromSpec`). The slot suites live inline so `tp_as_*` can point into the object;
/// `as_sequence` follows `as_mapping` so that mapping slots win when both are defined.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _heaptypeobject {
    pub ht_type: PyTypeObject,
    pub as_async: PyAsyncMethods,
    pub as_number: PyNumberMethods,
    pub as_mapping: PyMappingMethods,
    pub as_sequence: PySequenceMethods,
    pub as_buffer: PyBufferProcs,
    pub ht_name: *mut PyObject,
    pub ht_slots: *mut PyObject,
    pub ht_qualname: *mut PyObject,
    /// `struct _dictkeysobject *`: shared instance-dict keys (opaque here).
    pub ht_cached_keys: *mut c_void,
    pub ht_module: *mut PyObject,
    /// Storage for `tp_name` of types made by `PyType_FromModuleAndSpec`.
    pub _ht_tpname: *mut c_char,
    pub _spec_cache: _specialization_cache,
}
pub type PyHeapTypeObject = _heaptypeobject;
assert_layout!(PyHeapTypeObject, size = 904,
    ht_type @ 0, as_async @ 408, as_number @ 440, as_mapping @ 728, as_sequence @ 752,
    as_buffer @ 832, ht_name @ 848, ht_slots @ 856, ht_qualname @ 864,
    ht_cached_keys @ 872, ht_module @ 880, _ht_tpname @ 888, _spec_cache @ 896);

/// One `(slot id, function)` pair of a `PyType_Spec`; the ids are in typeslots.rs.
#[repr(C)]
pub struct PyType_Slot {
    pub slot: c_int,
    pub pfunc: *mut c_void,
}
assert_layout!(PyType_Slot, size = 16, slot @ 0, pfunc @ 8);

/// A type described for `PyType_FromSpec`: `slots` ends with a zero slot id.
#[repr(C)]
pub struct PyType_Spec {
    pub name: *const c_char,
    pub basicsize: c_int,
    pub itemsize: c_int,
    pub flags: c_uint,
    pub slots: *mut PyType_Slot,
}
assert_layout!(PyType_Spec, size = 32, name @ 0, basicsize @ 8, itemsize @ 12, flags @ 16,
    slots @ 24);

// tp_flags bits, typed as CPython's macros are (mostly `1UL << n`; the cast reaches the
// C header as `(unsigned long)1 << n`).
/// Instances carry a dict managed by the VM (at a negative offset).
#[cfg(not(Py_LIMITED_API))]
pub const Py_TPFLAGS_MANAGED_DICT: c_int = 1 << 4;
/// Instances match sequence patterns in `match` statements.
#[cfg(not(Py_LIMITED_API))]
pub const Py_TPFLAGS_SEQUENCE: c_int = 1 << 5;
/// Instances match mapping patterns in `match` statements.
#[cfg(not(Py_LIMITED_API))]
pub const Py_TPFLAGS_MAPPING: c_int = 1 << 6;
/// `tp_new` is NULL and the type cannot be instantiated from Python.
pub const Py_TPFLAGS_DISALLOW_INSTANTIATION: c_ulong = (1 as c_ulong) << 7;
/// Type attributes cannot be set or deleted.
pub const Py_TPFLAGS_IMMUTABLETYPE: c_ulong = (1 as c_ulong) << 8;
/// The type object is heap-allocated.
pub const Py_TPFLAGS_HEAPTYPE: c_ulong = (1 as c_ulong) << 9;
/// The type can be subclassed.
pub const Py_TPFLAGS_BASETYPE: c_ulong = (1 as c_ulong) << 10;
/// Instances support vectorcall at `tp_vectorcall_offset`.
#[cfg(not(Py_LIMITED_API))]
pub const Py_TPFLAGS_HAVE_VECTORCALL: c_ulong = (1 as c_ulong) << 11;
/// The provisional (3.8) spelling of `Py_TPFLAGS_HAVE_VECTORCALL`.
#[cfg(not(Py_LIMITED_API))]
pub const _Py_TPFLAGS_HAVE_VECTORCALL: c_ulong = Py_TPFLAGS_HAVE_VECTORCALL;
/// `PyType_Ready` has completed.
pub const Py_TPFLAGS_READY: c_ulong = (1 as c_ulong) << 12;
/// `PyType_Ready` is in progress.
pub const Py_TPFLAGS_READYING: c_ulong = (1 as c_ulong) << 13;
/// Instances are tracked by the cyclic garbage collector.
pub const Py_TPFLAGS_HAVE_GC: c_ulong = (1 as c_ulong) << 14;
/// Stackless Python's extension bits; zero here as in CPython.
pub const Py_TPFLAGS_HAVE_STACKLESS_EXTENSION: c_int = 0;
/// Instances behave like unbound methods when called through the type (`LOAD_METHOD`).
pub const Py_TPFLAGS_METHOD_DESCRIPTOR: c_ulong = (1 as c_ulong) << 17;
/// `tp_version_tag` is valid.
pub const Py_TPFLAGS_VALID_VERSION_TAG: c_ulong = (1 as c_ulong) << 19;
/// The type is abstract (has abstract methods).
pub const Py_TPFLAGS_IS_ABSTRACT: c_ulong = (1 as c_ulong) << 20;
/// Builtins whose class pattern matches the subject itself (`case int(x)`).
pub const _Py_TPFLAGS_MATCH_SELF: c_ulong = (1 as c_ulong) << 22;
// Fast subclass checks of the core builtins.
pub const Py_TPFLAGS_LONG_SUBCLASS: c_ulong = (1 as c_ulong) << 24;
pub const Py_TPFLAGS_LIST_SUBCLASS: c_ulong = (1 as c_ulong) << 25;
pub const Py_TPFLAGS_TUPLE_SUBCLASS: c_ulong = (1 as c_ulong) << 26;
pub const Py_TPFLAGS_BYTES_SUBCLASS: c_ulong = (1 as c_ulong) << 27;
pub const Py_TPFLAGS_UNICODE_SUBCLASS: c_ulong = (1 as c_ulong) << 28;
pub const Py_TPFLAGS_DICT_SUBCLASS: c_ulong = (1 as c_ulong) << 29;
pub const Py_TPFLAGS_BASE_EXC_SUBCLASS: c_ulong = (1 as c_ulong) << 30;
pub const Py_TPFLAGS_TYPE_SUBCLASS: c_ulong = (1 as c_ulong) << 31;
/// What every type should set in `tp_flags`.
pub const Py_TPFLAGS_DEFAULT: c_int = Py_TPFLAGS_HAVE_STACKLESS_EXTENSION | 0;
/// Obsolete feature bits, always set for compatibility with old code that tests them.
pub const Py_TPFLAGS_HAVE_FINALIZE: c_ulong = (1 as c_ulong) << 0;
pub const Py_TPFLAGS_HAVE_VERSION_TAG: c_ulong = (1 as c_ulong) << 18;
