//! The `array.array` type object: its protocol tables and attributes.
use core::ffi::c_void;
use core::mem::offset_of;

use crate::abstract_::ret_obj;
use crate::object::descr::PyGetSetDef;
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::slots::{PyBufferProcs, PyMappingMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_DEFAULT, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_SEQUENCE};

use super::object::{array_dealloc, array_getbuffer, array_releasebuffer, desc, ArrayObject};
use super::seq::*;

static mut ARRAY_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(array_length),
    sq_concat: Some(array_concat),
    sq_repeat: Some(array_repeat),
    sq_item: Some(array_item),
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: Some(array_ass_item),
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(array_contains),
    sq_inplace_concat: Some(array_inplace_concat),
    sq_inplace_repeat: Some(array_inplace_repeat),
};

static mut ARRAY_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(array_length),
    mp_subscript: Some(array_subscript),
    mp_ass_subscript: Some(array_ass_subscript),
};

static mut ARRAY_AS_BUFFER: PyBufferProcs = PyBufferProcs {
    bf_getbuffer: Some(array_getbuffer),
    bf_releasebuffer: Some(array_releasebuffer),
};

unsafe extern "C" fn get_typecode(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret_obj(crate::objects::str::from_code_points(&[desc(op).code as u32]))
}

unsafe extern "C" fn get_itemsize(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret_obj(crate::objects::int::from_i64(desc(op).size as i64))
}

static mut ARRAY_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef { name: c"typecode".as_ptr(), get: Some(get_typecode), set: None, doc: c"the typecode character used to create the array".as_ptr(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"itemsize".as_ptr(), get: Some(get_itemsize), set: None, doc: c"the size, in bytes, of one array item".as_ptr(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

pub(crate) static mut ARRAY_TYPE: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(array_dealloc),
    tp_repr: Some(array_repr),
    tp_as_sequence: &raw mut ARRAY_AS_SEQUENCE,
    tp_as_mapping: &raw mut ARRAY_AS_MAPPING,
    tp_as_buffer: &raw mut ARRAY_AS_BUFFER,
    tp_hash: Some(crate::abstract_::object::PyObject_HashNotImplemented),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_richcompare: Some(array_richcompare),
    tp_weaklistoffset: offset_of!(ArrayObject, weakreflist) as isize,
    tp_iter: Some(super::iter::array_iter),
    tp_methods: (&raw mut super::methods::ARRAY_METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut ARRAY_GETSET) as *mut PyGetSetDef,
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(super::new::array_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    tp_traverse: Some(super::object::array_traverse),
    ..static_type(
        c"array.array",
        core::mem::size_of::<ArrayObject>(),
        0,
        // GC-tracked as CPython 3.11's array (a heap type there, so it has to be).
        Py_TPFLAGS_DEFAULT as core::ffi::c_ulong | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_SEQUENCE as core::ffi::c_ulong | Py_TPFLAGS_HAVE_GC,
        Some(c"array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\nstring or iterable over elements of the appropriate type.\n\nArrays represent basic values and behave very much like lists, except\nthe type of objects stored in them is constrained. The type is specified\nat object creation time by using a type code, which is a single character.\n\nType codes: b B u h H i I l L q Q f d (see array.typecodes)."),
    )
};
