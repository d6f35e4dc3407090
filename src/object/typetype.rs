//! The metatype `type` (`PyType_Type`) and the C-API questions asked of any type:
//! `PyType_IsSubtype`, `PyType_GetFlags`, `PyType_GetSlot`.
use core::ffi::{c_char, c_int, c_ulong, c_void, CStr};
use core::mem::offset_of;

use crate::object::member::PyMemberDef;
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::object::slots::*;
use crate::object::static_type::static_type;
use crate::object::typeobject::*;
use crate::object::typeslots::*;
use crate::objects::tuple;

/// `PyType_Type`: the type of every type object (`type`).
#[no_mangle]
pub static mut PyType_Type: PyTypeObject = PyTypeObject {
    tp_vectorcall_offset: offset_of!(PyTypeObject, tp_vectorcall) as isize,
    tp_dealloc: Some(crate::object::heap_type::type_dealloc),
    tp_repr: Some(type_repr),
    tp_as_number: &raw mut TYPE_AS_NUMBER,
    tp_getattro: Some(crate::object::type_attr::type_getattro),
    tp_setattro: Some(crate::object::type_attr::type_setattro),
    tp_call: Some(crate::object::type_call::type_call),
    tp_vectorcall: Some(crate::object::type_call::type_vectorcall),
    tp_traverse: Some(crate::object::heap_type::type_traverse),
    tp_clear: Some(crate::object::heap_type::type_clear),
    tp_weaklistoffset: offset_of!(PyTypeObject, tp_weaklist) as isize,
    tp_dictoffset: offset_of!(PyTypeObject, tp_dict) as isize,
    tp_is_gc: Some(type_is_gc),
    tp_methods: &raw mut crate::object::type_methods::TYPE_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_members: &raw mut crate::object::type_getsets::TYPE_MEMBERS as *mut crate::object::member::PyMemberDef,
    tp_getset: &raw mut crate::object::type_getsets::TYPE_GETSETS as *mut crate::object::descr::PyGetSetDef,
    tp_init: Some(crate::object::type_new::type_init),
    tp_new: Some(crate::object::type_new::type_new),
    ..static_type(
        c"type",
        core::mem::size_of::<PyHeapTypeObject>(),
        core::mem::size_of::<PyMemberDef>(),
        Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_BASETYPE
            | Py_TPFLAGS_TYPE_SUBCLASS
            | Py_TPFLAGS_HAVE_VECTORCALL,
        Some(c"type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type"),
    )
};

/// `int | str` (`types.UnionType`).
static mut TYPE_AS_NUMBER: PyNumberMethods = {
    // SAFETY: every field of the suite is an Option of a function pointer.
    let mut n: PyNumberMethods = unsafe { core::mem::zeroed() };
    n.nb_or = Some(crate::objects::union_type::union_or);
    n
};

/// Only heap types are collectable: static types live as long as the process.
unsafe extern "C" fn type_is_gc(op: *mut PyObject) -> c_int {
    ((*(op as *mut PyTypeObject)).tp_flags & Py_TPFLAGS_HEAPTYPE != 0) as c_int
}

/// `type.__repr__`: `<class 'module.Name'>`, the module left out for builtins.
unsafe extern "C" fn type_repr(op: *mut PyObject) -> *mut PyObject {
    let tp = op as *mut PyTypeObject;
    let (module, qualname) = module_and_qualname(tp);
    let text = match module.as_deref() {
        Some(m) if m != "builtins" => format!("<class '{m}.{qualname}'>"),
        // Without a str module (or for builtins) CPython shows tp_name.
        _ => format!("<class '{}'>", type_name(tp)),
    };
    crate::objects::str::from_utf8(&text).map_or(core::ptr::null_mut(), |s| s.into_ptr())
}

/// A type's `__module__` and `__qualname__`. A static type's come from `tp_name`:
/// "pkg.mod.Name" is ("pkg.mod", "Name"); a name without a dot is a builtin ("builtins").
/// A heap type keeps its qualname in `ht_qualname` and its module in its dict.
///
/// # Safety
/// `tp` is a live type.
pub(crate) unsafe fn module_and_qualname(tp: *mut PyTypeObject) -> (Option<String>, String) {
    if (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE != 0 {
        return crate::object::heap_type::module_and_qualname(tp);
    }
    let name = type_name(tp);
    match name.rfind('.') {
        Some(dot) => (Some(name[..dot].to_string()), name[dot + 1..].to_string()),
        None => (Some("builtins".to_string()), name),
    }
}

/// `const char *_PyType_Name(PyTypeObject *type)`: `tp_name` after its last dot.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyType_Name(tp: *mut PyTypeObject) -> *const c_char {
    if tp.is_null() || (*tp).tp_name.is_null() {
        return core::ptr::null();
    }
    let name = (*tp).tp_name;
    let bytes = CStr::from_ptr(name).to_bytes();
    match bytes.iter().rposition(|&b| b == b'.') {
        Some(dot) => name.add(dot + 1),
        None => name,
    }
}

/// `PyObject *PyType_GetName(PyTypeObject *type)`: `type.__name__` (a heap type's
/// `ht_name`, else `tp_name` after its last dot).
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyType_GetName(tp: *mut PyTypeObject) -> *mut PyObject {
    name_object(tp, false)
}

/// `PyObject *PyType_GetQualName(PyTypeObject *type)`: `type.__qualname__` (a heap type's
/// `ht_qualname`; for a static type the same as its name).
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyType_GetQualName(tp: *mut PyTypeObject) -> *mut PyObject {
    name_object(tp, true)
}

unsafe fn name_object(tp: *mut PyTypeObject, qualified: bool) -> *mut PyObject {
    if tp.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    if (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE != 0 {
        let ht = tp as *mut PyHeapTypeObject;
        let name = if qualified { (*ht).ht_qualname } else { (*ht).ht_name };
        return crate::object::ptr::PyRef::from_borrowed(name).map_or(core::ptr::null_mut(), |r| r.into_ptr());
    }
    let short = _PyType_Name(tp);
    if short.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    crate::objects::str::PyUnicode_FromString(short)
}

/// The part of `tp_name` after the last dot (what error messages show).
///
/// # Safety
/// `tp` is a live type with a valid `tp_name`.
pub(crate) unsafe fn short_name(tp: *mut PyTypeObject) -> String {
    let name = type_name(tp);
    match name.rfind('.') {
        Some(dot) => name[dot + 1..].to_string(),
        None => name,
    }
}

/// `tp_name` as Rust text ("?" when NULL).
///
/// # Safety
/// `tp` is a live type.
pub(crate) unsafe fn type_name(tp: *mut PyTypeObject) -> String {
    if (*tp).tp_name.is_null() {
        return "?".to_string();
    }
    CStr::from_ptr((*tp).tp_name).to_string_lossy().into_owned()
}

/// Whether `a` is `b` or a subtype of it: through `a`'s MRO once it is ready, through the
/// `tp_base` chain before that (`object` is a base of every type).
///
/// # Safety
/// `a` and `b` are live types.
pub(crate) unsafe fn is_subtype(a: *mut PyTypeObject, b: *mut PyTypeObject) -> bool {
    let mro = (*a).tp_mro;
    if !mro.is_null() && tuple::is_tuple(mro) {
        return tuple::items(mro).iter().any(|&t| t == b as *mut PyObject);
    }
    let mut t = a;
    while !t.is_null() {
        if t == b {
            return true;
        }
        t = (*t).tp_base;
    }
    b == &raw mut crate::object::baseobject::PyBaseObject_Type
}

/// `int PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b)`.
#[no_mangle]
pub unsafe extern "C" fn PyType_IsSubtype(a: *mut PyTypeObject, b: *mut PyTypeObject) -> c_int {
    if a.is_null() || b.is_null() {
        return 0;
    }
    is_subtype(a, b) as c_int
}

/// `unsigned long PyType_GetFlags(PyTypeObject *type)`: `tp_flags`, for the limited API
/// where the type struct is opaque.
#[no_mangle]
pub unsafe extern "C" fn PyType_GetFlags(tp: *mut PyTypeObject) -> c_ulong {
    if tp.is_null() {
        return 0;
    }
    (*tp).tp_flags
}

/// Which struct a slot id's field lives in.
#[derive(Clone, Copy)]
pub(crate) enum Suite {
    Type,
    Async,
    Number,
    Mapping,
    Sequence,
    Buffer,
}

/// Where the field of slot id `slot` is: its suite and its offset in it (typeslots.h).
pub(crate) fn slot_location(slot: c_int) -> Option<(Suite, usize)> {
    use Suite::*;
    macro_rules! at {
        ($suite:ident, $ty:ty, $field:ident) => {
            ($suite, offset_of!($ty, $field))
        };
    }
    Some(match slot {
        Py_bf_getbuffer => at!(Buffer, PyBufferProcs, bf_getbuffer),
        Py_bf_releasebuffer => at!(Buffer, PyBufferProcs, bf_releasebuffer),
        Py_mp_ass_subscript => at!(Mapping, PyMappingMethods, mp_ass_subscript),
        Py_mp_length => at!(Mapping, PyMappingMethods, mp_length),
        Py_mp_subscript => at!(Mapping, PyMappingMethods, mp_subscript),
        Py_nb_absolute => at!(Number, PyNumberMethods, nb_absolute),
        Py_nb_add => at!(Number, PyNumberMethods, nb_add),
        Py_nb_and => at!(Number, PyNumberMethods, nb_and),
        Py_nb_bool => at!(Number, PyNumberMethods, nb_bool),
        Py_nb_divmod => at!(Number, PyNumberMethods, nb_divmod),
        Py_nb_float => at!(Number, PyNumberMethods, nb_float),
        Py_nb_floor_divide => at!(Number, PyNumberMethods, nb_floor_divide),
        Py_nb_index => at!(Number, PyNumberMethods, nb_index),
        Py_nb_inplace_add => at!(Number, PyNumberMethods, nb_inplace_add),
        Py_nb_inplace_and => at!(Number, PyNumberMethods, nb_inplace_and),
        Py_nb_inplace_floor_divide => at!(Number, PyNumberMethods, nb_inplace_floor_divide),
        Py_nb_inplace_lshift => at!(Number, PyNumberMethods, nb_inplace_lshift),
        Py_nb_inplace_multiply => at!(Number, PyNumberMethods, nb_inplace_multiply),
        Py_nb_inplace_or => at!(Number, PyNumberMethods, nb_inplace_or),
        Py_nb_inplace_power => at!(Number, PyNumberMethods, nb_inplace_power),
        Py_nb_inplace_remainder => at!(Number, PyNumberMethods, nb_inplace_remainder),
        Py_nb_inplace_rshift => at!(Number, PyNumberMethods, nb_inplace_rshift),
        Py_nb_inplace_subtract => at!(Number, PyNumberMethods, nb_inplace_subtract),
        Py_nb_inplace_true_divide => at!(Number, PyNumberMethods, nb_inplace_true_divide),
        Py_nb_inplace_xor => at!(Number, PyNumberMethods, nb_inplace_xor),
        Py_nb_int => at!(Number, PyNumberMethods, nb_int),
        Py_nb_invert => at!(Number, PyNumberMethods, nb_invert),
        Py_nb_lshift => at!(Number, PyNumberMethods, nb_lshift),
        Py_nb_multiply => at!(Number, PyNumberMethods, nb_multiply),
        Py_nb_negative => at!(Number, PyNumberMethods, nb_negative),
        Py_nb_or => at!(Number, PyNumberMethods, nb_or),
        Py_nb_positive => at!(Number, PyNumberMethods, nb_positive),
        Py_nb_power => at!(Number, PyNumberMethods, nb_power),
        Py_nb_remainder => at!(Number, PyNumberMethods, nb_remainder),
        Py_nb_rshift => at!(Number, PyNumberMethods, nb_rshift),
        Py_nb_subtract => at!(Number, PyNumberMethods, nb_subtract),
        Py_nb_true_divide => at!(Number, PyNumberMethods, nb_true_divide),
        Py_nb_xor => at!(Number, PyNumberMethods, nb_xor),
        Py_sq_ass_item => at!(Sequence, PySequenceMethods, sq_ass_item),
        Py_sq_concat => at!(Sequence, PySequenceMethods, sq_concat),
        Py_sq_contains => at!(Sequence, PySequenceMethods, sq_contains),
        Py_sq_inplace_concat => at!(Sequence, PySequenceMethods, sq_inplace_concat),
        Py_sq_inplace_repeat => at!(Sequence, PySequenceMethods, sq_inplace_repeat),
        Py_sq_item => at!(Sequence, PySequenceMethods, sq_item),
        Py_sq_length => at!(Sequence, PySequenceMethods, sq_length),
        Py_sq_repeat => at!(Sequence, PySequenceMethods, sq_repeat),
        Py_tp_alloc => at!(Type, PyTypeObject, tp_alloc),
        Py_tp_base => at!(Type, PyTypeObject, tp_base),
        Py_tp_bases => at!(Type, PyTypeObject, tp_bases),
        Py_tp_call => at!(Type, PyTypeObject, tp_call),
        Py_tp_clear => at!(Type, PyTypeObject, tp_clear),
        Py_tp_dealloc => at!(Type, PyTypeObject, tp_dealloc),
        Py_tp_del => at!(Type, PyTypeObject, tp_del),
        Py_tp_descr_get => at!(Type, PyTypeObject, tp_descr_get),
        Py_tp_descr_set => at!(Type, PyTypeObject, tp_descr_set),
        Py_tp_doc => at!(Type, PyTypeObject, tp_doc),
        Py_tp_getattr => at!(Type, PyTypeObject, tp_getattr),
        Py_tp_getattro => at!(Type, PyTypeObject, tp_getattro),
        Py_tp_hash => at!(Type, PyTypeObject, tp_hash),
        Py_tp_init => at!(Type, PyTypeObject, tp_init),
        Py_tp_is_gc => at!(Type, PyTypeObject, tp_is_gc),
        Py_tp_iter => at!(Type, PyTypeObject, tp_iter),
        Py_tp_iternext => at!(Type, PyTypeObject, tp_iternext),
        Py_tp_methods => at!(Type, PyTypeObject, tp_methods),
        Py_tp_new => at!(Type, PyTypeObject, tp_new),
        Py_tp_repr => at!(Type, PyTypeObject, tp_repr),
        Py_tp_richcompare => at!(Type, PyTypeObject, tp_richcompare),
        Py_tp_setattr => at!(Type, PyTypeObject, tp_setattr),
        Py_tp_setattro => at!(Type, PyTypeObject, tp_setattro),
        Py_tp_str => at!(Type, PyTypeObject, tp_str),
        Py_tp_traverse => at!(Type, PyTypeObject, tp_traverse),
        Py_tp_members => at!(Type, PyTypeObject, tp_members),
        Py_tp_getset => at!(Type, PyTypeObject, tp_getset),
        Py_tp_free => at!(Type, PyTypeObject, tp_free),
        Py_nb_matrix_multiply => at!(Number, PyNumberMethods, nb_matrix_multiply),
        Py_nb_inplace_matrix_multiply => at!(Number, PyNumberMethods, nb_inplace_matrix_multiply),
        Py_am_await => at!(Async, PyAsyncMethods, am_await),
        Py_am_aiter => at!(Async, PyAsyncMethods, am_aiter),
        Py_am_anext => at!(Async, PyAsyncMethods, am_anext),
        Py_tp_finalize => at!(Type, PyTypeObject, tp_finalize),
        Py_am_send => at!(Async, PyAsyncMethods, am_send),
        _ => return None,
    })
}

/// `void *PyType_GetSlot(PyTypeObject *type, int slot)`: the function or value stored for
/// slot id `slot`, NULL when the type has none. Since 3.10 static types are accepted too.
/// An unknown slot id is SystemError (`PyErr_BadInternalCall`).
#[cfg(not(limited_api_before_3_4))]
#[no_mangle]
pub unsafe extern "C" fn PyType_GetSlot(tp: *mut PyTypeObject, slot: c_int) -> *mut c_void {
    let Some((suite, offset)) = slot_location(slot) else {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    };
    if tp.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let base: *mut u8 = match suite {
        Suite::Type => tp as *mut u8,
        Suite::Async => (*tp).tp_as_async as *mut u8,
        Suite::Number => (*tp).tp_as_number as *mut u8,
        Suite::Mapping => (*tp).tp_as_mapping as *mut u8,
        Suite::Sequence => (*tp).tp_as_sequence as *mut u8,
        Suite::Buffer => (*tp).tp_as_buffer as *mut u8,
    };
    if base.is_null() {
        return core::ptr::null_mut();
    }
    // Every slot field is one pointer (function pointer, `char *` or object pointer).
    *(base.add(offset) as *const *mut c_void)
}
