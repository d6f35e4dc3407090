//! The C-API of tracemalloc.h. ferropy has no `_tracemalloc` module, so memory tracing is
//! never started, and these give CPython's answers for while tracing is off: tracking and
//! untracking report -2 ("tracemalloc is not tracing") and record nothing, and no block has
//! a traceback. A tracer, when one exists, is what these would route to.
use core::ffi::{c_int, c_uint};

use crate::object::object::PyObject;

/// `int PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr, size_t size)`: records a
/// block allocated outside the PyMem domains; -2: tracemalloc is not tracing.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyTraceMalloc_Track(_domain: c_uint, _ptr: usize, _size: usize) -> c_int {
    -2
}

/// `int PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr)`: forgets a block
/// recorded by `PyTraceMalloc_Track`; -2: tracemalloc is not tracing.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyTraceMalloc_Untrack(_domain: c_uint, _ptr: usize) -> c_int {
    -2
}

/// `PyObject *_PyTraceMalloc_GetTraceback(unsigned int domain, uintptr_t ptr)`: the
/// traceback of a traced block; None, as for every block while tracemalloc is not tracing.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTraceMalloc_GetTraceback(_domain: c_uint, _ptr: usize) -> *mut PyObject {
    crate::abstract_::new_ref(crate::abstract_::none()).into_ptr()
}
