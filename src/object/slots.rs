//! The signatures of type slots (CPython's `object.h` function-pointer typedefs) and the
//! method suites a type points at: `PyNumberMethods`, `PySequenceMethods`,
//! `PyMappingMethods`, `PyAsyncMethods`, `PyBufferProcs`.
use core::ffi::{c_char, c_int, c_void};

use crate::object::buffer::Py_buffer;
use crate::object::object::{PyObject, PyTypeObject};
use crate::pyport::{Py_hash_t, Py_ssize_t};

pub type unaryfunc = Option<unsafe extern "C" fn(*mut PyObject) -> *mut PyObject>;
pub type binaryfunc = Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject>;
pub type ternaryfunc =
    Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject>;
pub type inquiry = Option<unsafe extern "C" fn(*mut PyObject) -> c_int>;
pub type lenfunc = Option<unsafe extern "C" fn(*mut PyObject) -> Py_ssize_t>;
pub type ssizeargfunc = Option<unsafe extern "C" fn(*mut PyObject, Py_ssize_t) -> *mut PyObject>;
pub type ssizessizeargfunc =
    Option<unsafe extern "C" fn(*mut PyObject, Py_ssize_t, Py_ssize_t) -> *mut PyObject>;
pub type ssizeobjargproc =
    Option<unsafe extern "C" fn(*mut PyObject, Py_ssize_t, *mut PyObject) -> c_int>;
pub type ssizessizeobjargproc =
    Option<unsafe extern "C" fn(*mut PyObject, Py_ssize_t, Py_ssize_t, *mut PyObject) -> c_int>;
pub type objobjargproc =
    Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int>;
pub type objobjproc = Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> c_int>;
pub type visitproc = Option<unsafe extern "C" fn(*mut PyObject, *mut c_void) -> c_int>;
pub type traverseproc = Option<unsafe extern "C" fn(*mut PyObject, visitproc, *mut c_void) -> c_int>;
pub type freefunc = Option<unsafe extern "C" fn(*mut c_void)>;
pub type destructor = Option<unsafe extern "C" fn(*mut PyObject)>;
pub type getattrfunc = Option<unsafe extern "C" fn(*mut PyObject, *mut c_char) -> *mut PyObject>;
pub type getattrofunc = Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject>;
pub type setattrfunc =
    Option<unsafe extern "C" fn(*mut PyObject, *mut c_char, *mut PyObject) -> c_int>;
pub type setattrofunc =
    Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int>;
pub type reprfunc = Option<unsafe extern "C" fn(*mut PyObject) -> *mut PyObject>;
pub type hashfunc = Option<unsafe extern "C" fn(*mut PyObject) -> Py_hash_t>;
pub type richcmpfunc =
    Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject, c_int) -> *mut PyObject>;
pub type getiterfunc = Option<unsafe extern "C" fn(*mut PyObject) -> *mut PyObject>;
pub type iternextfunc = Option<unsafe extern "C" fn(*mut PyObject) -> *mut PyObject>;
pub type descrgetfunc =
    Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject>;
pub type descrsetfunc =
    Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int>;
pub type initproc =
    Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int>;
pub type newfunc =
    Option<unsafe extern "C" fn(*mut PyTypeObject, *mut PyObject, *mut PyObject) -> *mut PyObject>;
pub type allocfunc = Option<unsafe extern "C" fn(*mut PyTypeObject, Py_ssize_t) -> *mut PyObject>;

/// Buffer export and release (`tp_as_buffer`); not in the limited API.
#[cfg(not(Py_LIMITED_API))]
pub type getbufferproc = Option<unsafe extern "C" fn(*mut PyObject, *mut Py_buffer, c_int) -> c_int>;
#[cfg(not(Py_LIMITED_API))]
pub type releasebufferproc = Option<unsafe extern "C" fn(*mut PyObject, *mut Py_buffer)>;
/// The vectorcall protocol (PEP 590): `nargsf` may carry `PY_VECTORCALL_ARGUMENTS_OFFSET`.
#[cfg(not(Py_LIMITED_API))]
pub type vectorcallfunc = Option<
    unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, usize, *mut PyObject) -> *mut PyObject,
>;

/// Set in a vectorcall's `nargsf` when the callee may overwrite `args[-1]` (to prepend a
/// bound `self` without copying): the top bit of the 64-bit `size_t`.
#[cfg(not(Py_LIMITED_API))]
pub const PY_VECTORCALL_ARGUMENTS_OFFSET: usize = (1 as usize) << 63;

/// What `am_send` reports: the iterator returned, raised, or yielded a value.
#[cfg(not(limited_api_before_3_10))]
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PySendResult {
    PYGEN_RETURN = 0,
    PYGEN_ERROR = -1,
    PYGEN_NEXT = 1,
}

#[cfg(not(Py_LIMITED_API))]
pub type sendfunc = Option<
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut *mut PyObject) -> PySendResult,
>;

/// The old `tp_print` slot became `tp_vectorcall_offset`; the name survives as an integer.
#[cfg(not(Py_LIMITED_API))]
pub type printfunc = Py_ssize_t;

/// Number protocol slots (`tp_as_number`). `nb_reserved` is the old `nb_long`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyNumberMethods {
    pub nb_add: binaryfunc,
    pub nb_subtract: binaryfunc,
    pub nb_multiply: binaryfunc,
    pub nb_remainder: binaryfunc,
    pub nb_divmod: binaryfunc,
    pub nb_power: ternaryfunc,
    pub nb_negative: unaryfunc,
    pub nb_positive: unaryfunc,
    pub nb_absolute: unaryfunc,
    pub nb_bool: inquiry,
    pub nb_invert: unaryfunc,
    pub nb_lshift: binaryfunc,
    pub nb_rshift: binaryfunc,
    pub nb_and: binaryfunc,
    pub nb_xor: binaryfunc,
    pub nb_or: binaryfunc,
    pub nb_int: unaryfunc,
    pub nb_reserved: *mut c_void,
    pub nb_float: unaryfunc,
    pub nb_inplace_add: binaryfunc,
    pub nb_inplace_subtract: binaryfunc,
    pub nb_inplace_multiply: binaryfunc,
    pub nb_inplace_remainder: binaryfunc,
    pub nb_inplace_power: ternaryfunc,
    pub nb_inplace_lshift: binaryfunc,
    pub nb_inplace_rshift: binaryfunc,
    pub nb_inplace_and: binaryfunc,
    pub nb_inplace_xor: binaryfunc,
    pub nb_inplace_or: binaryfunc,
    pub nb_floor_divide: binaryfunc,
    pub nb_true_divide: binaryfunc,
    pub nb_inplace_floor_divide: binaryfunc,
    pub nb_inplace_true_divide: binaryfunc,
    pub nb_index: unaryfunc,
    pub nb_matrix_multiply: binaryfunc,
    pub nb_inplace_matrix_multiply: binaryfunc,
}
assert_layout!(PyNumberMethods, size = 288,
    nb_add @ 0, nb_subtract @ 8, nb_multiply @ 16, nb_remainder @ 24, nb_divmod @ 32,
    nb_power @ 40, nb_negative @ 48, nb_positive @ 56, nb_absolute @ 64, nb_bool @ 72,
    nb_invert @ 80, nb_lshift @ 88, nb_rshift @ 96, nb_and @ 104, nb_xor @ 112, nb_or @ 120,
    nb_int @ 128, nb_reserved @ 136, nb_float @ 144, nb_inplace_add @ 152,
    nb_inplace_subtract @ 160, nb_inplace_multiply @ 168, nb_inplace_remainder @ 176,
    nb_inplace_power @ 184, nb_inplace_lshift @ 192, nb_inplace_rshift @ 200,
    nb_inplace_and @ 208, nb_inplace_xor @ 216, nb_inplace_or @ 224, nb_floor_divide @ 232,
    nb_true_divide @ 240, nb_inplace_floor_divide @ 248, nb_inplace_true_divide @ 256,
    nb_index @ 264, nb_matrix_multiply @ 272, nb_inplace_matrix_multiply @ 280);

/// Sequence protocol slots (`tp_as_sequence`); the two `was_*` pointers are unused.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PySequenceMethods {
    pub sq_length: lenfunc,
    pub sq_concat: binaryfunc,
    pub sq_repeat: ssizeargfunc,
    pub sq_item: ssizeargfunc,
    pub was_sq_slice: *mut c_void,
    pub sq_ass_item: ssizeobjargproc,
    pub was_sq_ass_slice: *mut c_void,
    pub sq_contains: objobjproc,
    pub sq_inplace_concat: binaryfunc,
    pub sq_inplace_repeat: ssizeargfunc,
}
assert_layout!(PySequenceMethods, size = 80,
    sq_length @ 0, sq_concat @ 8, sq_repeat @ 16, sq_item @ 24, was_sq_slice @ 32,
    sq_ass_item @ 40, was_sq_ass_slice @ 48, sq_contains @ 56, sq_inplace_concat @ 64,
    sq_inplace_repeat @ 72);

/// Mapping protocol slots (`tp_as_mapping`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyMappingMethods {
    pub mp_length: lenfunc,
    pub mp_subscript: binaryfunc,
    pub mp_ass_subscript: objobjargproc,
}
assert_layout!(PyMappingMethods, size = 24, mp_length @ 0, mp_subscript @ 8,
    mp_ass_subscript @ 16);

/// Awaitable / async-iterator slots (`tp_as_async`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyAsyncMethods {
    pub am_await: unaryfunc,
    pub am_aiter: unaryfunc,
    pub am_anext: unaryfunc,
    pub am_send: sendfunc,
}
assert_layout!(PyAsyncMethods, size = 32, am_await @ 0, am_aiter @ 8, am_anext @ 16,
    am_send @ 24);

/// Buffer protocol slots (`tp_as_buffer`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyBufferProcs {
    pub bf_getbuffer: getbufferproc,
    pub bf_releasebuffer: releasebufferproc,
}
assert_layout!(PyBufferProcs, size = 16, bf_getbuffer @ 0, bf_releasebuffer @ 8);
