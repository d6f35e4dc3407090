//! Asynchronous generators (`PyAsyncGen_Type`) and their awaitables.
//!
//! An async generator is a generator object (same layout, same frame machinery in
//! `gen_type`) whose code has `CO_ASYNC_GENERATOR`. Its `yield v` compiles to
//! `ASYNC_GEN_WRAP; YIELD_VALUE`, so the frame's yields come out either as a wrapped value
//! (an item for the consumer) or bare (an `await` inside the generator suspending to the
//! event loop). `__anext__()`/`asend(v)` return an `async_generator_asend` awaitable and
//! `athrow()`/`aclose()` an `async_generator_athrow`; driving those resumes the generator,
//! passes bare yields through and turns a wrapped one into `StopIteration(item)` (the await's
//! result). The end of the generator is StopAsyncIteration. The first of these calls runs
//! the thread's `firstiter` hook and remembers its `finalizer` (sys.set_asyncgen_hooks).
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, none};
use crate::errors::baseexception::{END_GETSET, END_MEMBER};
use crate::errors::exception_types as exc;
use crate::errors::pyerr::{PyErr_Clear, PyErr_ExceptionMatches, PyErr_Occurred, PyErr_SetNone};
use crate::errors::raised::PyResult;
use crate::eval::interp_frame::COMPLETED;
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyAsyncMethods};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::gen::PyGenObject;
use crate::objects::gen_type::{self, g, Sent};
use crate::objects::iter_common::{alloc, dealloc_fields, traverse_fields};

static mut ASYNCGEN_ASYNC: PyAsyncMethods = PyAsyncMethods {
    am_await: None,
    am_aiter: Some(crate::abstract_::object::PyObject_SelfIter),
    am_anext: Some(asyncgen_anext),
    am_send: None,
};

/// `PyAsyncGen_Type`: `async_generator`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyAsyncGen_Type: PyTypeObject = PyTypeObject {
    tp_as_async: &raw mut ASYNCGEN_ASYNC,
    tp_dealloc: Some(gen_type::gen_dealloc),
    tp_finalize: Some(gen_type::gen_finalize),
    tp_weaklistoffset: core::mem::offset_of!(crate::objects::gen::PyGenObject, gi_weakreflist) as isize,
    tp_repr: Some(gen_type::gen_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(gen_type::gen_traverse),
    tp_methods: &raw mut ASYNCGEN_METHODS as *mut PyMethodDef,
    tp_members: &raw mut ASYNCGEN_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut ASYNCGEN_GETSET as *mut PyGetSetDef,
    ..static_type(c"async_generator", core::mem::size_of::<PyGenObject>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// The item of an async generator's `yield`, as its frame yields it (`ASYNC_GEN_WRAP`).
#[repr(C)]
struct WrappedValue {
    ob_base: PyObject,
    value: *mut PyObject,
}

/// `_PyAsyncGenWrappedValue_Type`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyAsyncGenWrappedValue_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(dealloc_one),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(traverse_one),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    ..static_type(c"async_generator_wrapped_value", core::mem::size_of::<WrappedValue>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// Where an asend/athrow awaitable is: not started, started, done.
const INIT: c_int = 0;
const ITER: c_int = 1;
const CLOSED: c_int = 2;

/// `async_generator_asend`: the generator, the value to send first, the state.
#[repr(C)]
struct ASend {
    ob_base: PyObject,
    gen: *mut PyObject,
    sendval: *mut PyObject,
    state: c_int,
}

/// `async_generator_athrow`: the generator, `throw`'s arguments (NULL for `aclose()`),
/// the state.
#[repr(C)]
struct AThrow {
    ob_base: PyObject,
    gen: *mut PyObject,
    args: *mut PyObject,
    state: c_int,
}

static mut AWAITABLE_ASYNC: PyAsyncMethods = PyAsyncMethods {
    am_await: Some(crate::abstract_::object::PyObject_SelfIter),
    am_aiter: None,
    am_anext: None,
    am_send: None,
};

static mut ASEND_METHODS: [PyMethodDef; 4] = [
    crate::modules::meth(c"send", asend_send, METH_O, c"send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    crate::modules::meth(c"throw", asend_throw, METH_VARARGS, c"throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    crate::modules::meth(c"close", asend_close, METH_NOARGS, c"close() -> raise GeneratorExit inside generator."),
    crate::modules::END,
];

static mut ATHROW_METHODS: [PyMethodDef; 4] = [
    crate::modules::meth(c"send", athrow_send, METH_O, c"send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    crate::modules::meth(c"throw", athrow_throw, METH_VARARGS, c"throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    crate::modules::meth(c"close", athrow_close, METH_NOARGS, c"close() -> raise GeneratorExit inside generator."),
    crate::modules::END,
];

/// `_PyAsyncGenASend_Type`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyAsyncGenASend_Type: PyTypeObject = PyTypeObject {
    tp_as_async: &raw mut AWAITABLE_ASYNC,
    tp_dealloc: Some(dealloc_two),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(traverse_two),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(asend_next),
    tp_methods: &raw mut ASEND_METHODS as *mut PyMethodDef,
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    ..static_type(c"async_generator_asend", core::mem::size_of::<ASend>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// `_PyAsyncGenAThrow_Type`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyAsyncGenAThrow_Type: PyTypeObject = PyTypeObject {
    tp_as_async: &raw mut AWAITABLE_ASYNC,
    tp_dealloc: Some(dealloc_two),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(traverse_two),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(athrow_next),
    tp_methods: &raw mut ATHROW_METHODS as *mut PyMethodDef,
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    ..static_type(c"async_generator_athrow", core::mem::size_of::<AThrow>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

unsafe extern "C" fn dealloc_one(op: *mut PyObject) {
    dealloc_fields(op, 1);
}
unsafe extern "C" fn traverse_one(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_fields(op, 1, visit, arg)
}
unsafe extern "C" fn dealloc_two(op: *mut PyObject) {
    dealloc_fields(op, 2);
}
unsafe extern "C" fn traverse_two(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_fields(op, 2, visit, arg)
}

/// `ASYNC_GEN_WRAP`: marks `v` as an item of the async generator.
///
/// # Safety
/// `v` is a live object.
pub(crate) unsafe fn wrap_value(v: *mut PyObject) -> PyResult<PyRef> {
    let op = alloc(&raw mut _PyAsyncGenWrappedValue_Type)?;
    (*(op.as_ptr() as *mut WrappedValue)).value = new_ref(v).into_ptr();
    Ok(op)
}

unsafe fn is_wrapped(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut _PyAsyncGenWrappedValue_Type
}

/// Runs the thread's async generator hooks the first time the generator is iterated.
unsafe fn init_hooks(gen: *mut PyObject) -> PyResult<()> {
    let gr = g(gen);
    if gr.gi_hooks_inited != 0 {
        return Ok(());
    }
    gr.gi_hooks_inited = 1;
    let ts = crate::runtime::pystate::current();
    let finalizer = (*ts).async_gen_finalizer;
    if !finalizer.is_null() {
        gr.gi_origin_or_finalizer = new_ref(finalizer).into_ptr();
    }
    let firstiter = (*ts).async_gen_firstiter;
    if !firstiter.is_null() {
        let hook = new_ref(firstiter);
        crate::abstract_::from_slot(crate::abstract_::call::PyObject_CallOneArg(hook.as_ptr(), gen))?;
    }
    Ok(())
}

/// A resumption's outcome as CPython's generator functions give it: the yielded object, or
/// NULL with an exception (the end of an async generator is StopAsyncIteration).
unsafe fn as_ptr(r: PyResult<Sent>) -> *mut PyObject {
    match r {
        Ok(Sent::Yielded(v)) => v.into_ptr(),
        Ok(Sent::Returned(_)) => {
            PyErr_SetNone(&raw mut exc::_PyExc_StopAsyncIteration as *mut PyObject);
            core::ptr::null_mut()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

/// Whether the pending exception is StopAsyncIteration or GeneratorExit: the generator's end.
unsafe fn ending() -> bool {
    PyErr_ExceptionMatches(&raw mut exc::_PyExc_StopAsyncIteration as *mut PyObject) != 0
        || PyErr_ExceptionMatches(&raw mut exc::_PyExc_GeneratorExit as *mut PyObject) != 0
}

/// What the generator's resumption means for the awaitable: a wrapped item ends the await
/// with StopIteration(item), a bare yield passes through, an end closes the generator.
unsafe fn unwrap_value(gen: *mut PyObject, result: *mut PyObject) -> *mut PyObject {
    let gr = g(gen);
    if result.is_null() {
        if PyErr_Occurred().is_null() {
            PyErr_SetNone(&raw mut exc::_PyExc_StopAsyncIteration as *mut PyObject);
        }
        if ending() {
            gr.gi_closed = 1;
        }
        gr.gi_running_async = 0;
        return core::ptr::null_mut();
    }
    if is_wrapped(result) {
        let r = PyRef::from_owned(result).unwrap_unchecked();
        let _ = gen_type::set_stop_iteration((*(r.as_ptr() as *mut WrappedValue)).value);
        gr.gi_running_async = 0;
        return core::ptr::null_mut();
    }
    result
}

unsafe fn new_asend(gen: *mut PyObject, sendval: *mut PyObject) -> *mut PyObject {
    if init_hooks(gen).is_err() {
        return core::ptr::null_mut();
    }
    match alloc(&raw mut _PyAsyncGenASend_Type) {
        Ok(op) => {
            let a = op.as_ptr() as *mut ASend;
            (*a).gen = new_ref(gen).into_ptr();
            (*a).sendval = new_ref(sendval).into_ptr();
            (*a).state = INIT;
            op.into_ptr()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe fn new_athrow(gen: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    if init_hooks(gen).is_err() {
        return core::ptr::null_mut();
    }
    match alloc(&raw mut _PyAsyncGenAThrow_Type) {
        Ok(op) => {
            let a = op.as_ptr() as *mut AThrow;
            (*a).gen = new_ref(gen).into_ptr();
            (*a).args = if args.is_null() { args } else { new_ref(args).into_ptr() };
            (*a).state = INIT;
            op.into_ptr()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn asyncgen_anext(op: *mut PyObject) -> *mut PyObject {
    new_asend(op, none())
}

unsafe extern "C" fn asyncgen_asend(op: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    new_asend(op, arg)
}

unsafe extern "C" fn asyncgen_athrow(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    new_athrow(op, args)
}

unsafe extern "C" fn asyncgen_aclose(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    new_athrow(op, core::ptr::null_mut())
}

fn reused(what: &str) -> *mut PyObject {
    let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, format!("cannot reuse already awaited {what}"));
    core::ptr::null_mut()
}

unsafe extern "C" fn asend_send(op: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let a = op as *mut ASend;
    let gen = (*a).gen;
    if (*a).state == CLOSED {
        return reused("__anext__()/asend()");
    }
    let mut arg = arg;
    if (*a).state == INIT {
        if g(gen).gi_running_async != 0 {
            let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, "anext(): asynchronous generator is already running");
            return core::ptr::null_mut();
        }
        if arg.is_null() || arg == none() {
            arg = (*a).sendval;
        }
        (*a).state = ITER;
    }
    g(gen).gi_running_async = 1;
    let r = unwrap_value(gen, as_ptr(gen_type::send_ex(gen, arg, false)));
    if r.is_null() {
        (*a).state = CLOSED;
    }
    r
}

unsafe extern "C" fn asend_next(op: *mut PyObject) -> *mut PyObject {
    asend_send(op, core::ptr::null_mut())
}

unsafe extern "C" fn asend_throw(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let a = op as *mut ASend;
    if (*a).state == CLOSED {
        return reused("__anext__()/asend()");
    }
    let r = unwrap_value((*a).gen, as_ptr(gen_type::throw_args((*a).gen, args)));
    if r.is_null() {
        (*a).state = CLOSED;
    }
    r
}

unsafe extern "C" fn asend_close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    (*(op as *mut ASend)).state = CLOSED;
    new_ref(none()).into_ptr()
}

/// `aclose()` found the generator yielding an item instead of finishing.
unsafe fn ignored_exit(a: *mut AThrow) -> *mut PyObject {
    g((*a).gen).gi_running_async = 0;
    (*a).state = CLOSED;
    let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, "async generator ignored GeneratorExit");
    core::ptr::null_mut()
}

/// The awaitable ended with an exception: for `aclose()` the generator's end is a
/// successful close (StopIteration).
unsafe fn athrow_error(a: *mut AThrow) -> *mut PyObject {
    g((*a).gen).gi_running_async = 0;
    (*a).state = CLOSED;
    if (*a).args.is_null() && ending() {
        PyErr_Clear();
        PyErr_SetNone(&raw mut exc::_PyExc_StopIteration as *mut PyObject);
    }
    core::ptr::null_mut()
}

unsafe extern "C" fn athrow_send(op: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let a = op as *mut AThrow;
    let gen = (*a).gen;
    let closing = (*a).args.is_null();
    if (*a).state == CLOSED {
        return reused("aclose()/athrow()");
    }
    if gen_type::state(gen) == COMPLETED {
        (*a).state = CLOSED;
        PyErr_SetNone(&raw mut exc::_PyExc_StopIteration as *mut PyObject);
        return core::ptr::null_mut();
    }
    if (*a).state == INIT {
        if g(gen).gi_running_async != 0 {
            (*a).state = CLOSED;
            let who = if closing { "aclose" } else { "athrow" };
            let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, format!("{who}(): asynchronous generator is already running"));
            return core::ptr::null_mut();
        }
        if g(gen).gi_closed != 0 {
            (*a).state = CLOSED;
            PyErr_SetNone(&raw mut exc::_PyExc_StopAsyncIteration as *mut PyObject);
            return core::ptr::null_mut();
        }
        if !arg.is_null() && arg != none() {
            let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, "can't send non-None value to a just-started coroutine");
            return core::ptr::null_mut();
        }
        (*a).state = ITER;
        g(gen).gi_running_async = 1;
        let r = if closing {
            g(gen).gi_closed = 1;
            let ge = &raw mut exc::_PyExc_GeneratorExit as *mut PyObject;
            let r = as_ptr(gen_type::throw(gen, ge, core::ptr::null_mut(), core::ptr::null_mut()));
            if !r.is_null() && is_wrapped(r) {
                crate::object::refcount::Py_DecRef(r);
                return ignored_exit(a);
            }
            r
        } else {
            // The arguments are checked when the awaitable starts, as CPython does.
            let n = crate::objects::tuple::items((*a).args).len();
            if !(1..=3).contains(&n) {
                let what = if n == 0 { "at least 1 argument" } else { "at most 3 arguments" };
                let _ = crate::abstract_::type_error(format!("athrow expected {what}, got {n}"));
                core::ptr::null_mut()
            } else {
                unwrap_value(gen, as_ptr(gen_type::throw_args(gen, (*a).args)))
            }
        };
        if r.is_null() {
            return athrow_error(a);
        }
        return r;
    }
    let r = as_ptr(gen_type::send_ex(gen, arg, false));
    if !closing {
        return unwrap_value(gen, r);
    }
    if r.is_null() {
        return athrow_error(a);
    }
    if is_wrapped(r) {
        crate::object::refcount::Py_DecRef(r);
        return ignored_exit(a);
    }
    r
}

unsafe extern "C" fn athrow_next(op: *mut PyObject) -> *mut PyObject {
    athrow_send(op, none())
}

unsafe extern "C" fn athrow_throw(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let a = op as *mut AThrow;
    if (*a).state == CLOSED {
        return reused("aclose()/athrow()");
    }
    let r = as_ptr(gen_type::throw_args((*a).gen, args));
    if !(*a).args.is_null() {
        return unwrap_value((*a).gen, r);
    }
    if !r.is_null() && is_wrapped(r) {
        crate::object::refcount::Py_DecRef(r);
        return ignored_exit(a);
    }
    if r.is_null() && ending() {
        PyErr_Clear();
        PyErr_SetNone(&raw mut exc::_PyExc_StopIteration as *mut PyObject);
    }
    r
}

unsafe extern "C" fn athrow_close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    (*(op as *mut AThrow)).state = CLOSED;
    new_ref(none()).into_ptr()
}

unsafe extern "C" fn get_running_async(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::objects::bool::PyBool_FromLong((g(op).gi_running_async != 0) as _)
}

const fn getter(name: &'static core::ffi::CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

static mut ASYNCGEN_GETSET: [PyGetSetDef; 7] = [
    PyGetSetDef { name: c"__name__".as_ptr(), get: Some(gen_type::get_name), set: Some(gen_type::set_name), doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"__qualname__".as_ptr(), get: Some(gen_type::get_name), set: Some(gen_type::set_name), doc: core::ptr::null(), closure: 1 as *mut c_void },
    getter(c"ag_frame", gen_type::get_frame),
    getter(c"ag_running", get_running_async),
    getter(c"ag_suspended", gen_type::get_suspended),
    getter(c"ag_await", gen_type::get_yieldfrom),
    END_GETSET,
];

static mut ASYNCGEN_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef { name: c"ag_code".as_ptr(), r#type: T_OBJECT, offset: core::mem::offset_of!(PyGenObject, gi_code) as isize, flags: READONLY, doc: core::ptr::null() },
    END_MEMBER,
];

static mut ASYNCGEN_METHODS: [PyMethodDef; 5] = [
    crate::modules::meth(c"asend", asyncgen_asend, METH_O, c"asend(v) -> send 'v' in generator."),
    crate::modules::meth(c"athrow", asyncgen_athrow, METH_VARARGS, c"athrow(typ[,val[,tb]]) -> raise exception in generator."),
    crate::modules::meth(c"aclose", asyncgen_aclose, METH_NOARGS, c"aclose() -> raise GeneratorExit inside generator."),
    crate::objects::generic_alias::CLASS_GETITEM,
    crate::modules::END,
];
