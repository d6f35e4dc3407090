//! `coroutine_wrapper` (`_PyCoroWrapper_Type`): what `coroutine.__await__()` returns. An
//! iterator whose `__next__`/`send`/`throw`/`close` drive the coroutine, so code that
//! expects an iterator from `__await__` (a hand-written event loop, `yield from
//! coro.__await__()`) can drive a coroutine.
use core::ffi::{c_int, c_void};

use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::gen_type;
use crate::objects::iter_common::{alloc, dealloc_fields, traverse_fields};

#[repr(C)]
struct CoroWrapper {
    ob_base: PyObject,
    coroutine: *mut PyObject,
}

static mut WRAPPER_METHODS: [PyMethodDef; 4] = [
    crate::modules::meth(c"send", wrapper_send, METH_O, c"send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."),
    crate::modules::meth(c"throw", wrapper_throw, METH_VARARGS, c"throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."),
    crate::modules::meth(c"close", wrapper_close, METH_NOARGS, c"close() -> raise GeneratorExit inside coroutine."),
    crate::modules::END,
];

/// `_PyCoroWrapper_Type`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyCoroWrapper_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(wrapper_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(wrapper_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(wrapper_next),
    tp_methods: &raw mut WRAPPER_METHODS as *mut PyMethodDef,
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    ..static_type(c"coroutine_wrapper", core::mem::size_of::<CoroWrapper>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// A new wrapper around the coroutine `coro`.
///
/// # Safety
/// `coro` is a live coroutine.
pub(crate) unsafe fn new(coro: *mut PyObject) -> PyResult<PyRef> {
    let op = alloc(&raw mut _PyCoroWrapper_Type)?;
    (*(op.as_ptr() as *mut CoroWrapper)).coroutine = crate::abstract_::new_ref(coro).into_ptr();
    Ok(op)
}

unsafe fn coro(op: *mut PyObject) -> *mut PyObject {
    (*(op as *mut CoroWrapper)).coroutine
}

unsafe extern "C" fn wrapper_next(op: *mut PyObject) -> *mut PyObject {
    gen_type::send_result(gen_type::send_ex(coro(op), core::ptr::null_mut(), false))
}

unsafe extern "C" fn wrapper_send(op: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    gen_type::gen_send(coro(op), arg)
}

unsafe extern "C" fn wrapper_throw(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    gen_type::gen_throw(coro(op), args)
}

unsafe extern "C" fn wrapper_close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    gen_type::gen_close(coro(op), core::ptr::null_mut())
}

unsafe extern "C" fn wrapper_dealloc(op: *mut PyObject) {
    dealloc_fields(op, 1);
}

unsafe extern "C" fn wrapper_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_fields(op, 1, visit, arg)
}
