//! The generator instructions' bodies: `SEND` (one step of `yield from`/`await`),
//! `GET_YIELD_FROM_ITER`, `GET_AWAITABLE`.
use crate::abstract_::{from_slot, new_ref, none, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::eval::interp_frame::Frame;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::code::{CO_COROUTINE, CO_ITERABLE_COROUTINE};
use crate::objects::gen_type::{self, Sent};
use crate::objects::str as pystr;

/// The receiver's result after a StopIteration (or a bare end of iteration).
unsafe fn finished() -> PyResult<Sent> {
    if crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Ok(Sent::Returned(new_ref(none())));
    }
    if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_StopIteration as *mut PyObject) != 0 {
        return Ok(Sent::Returned(crate::abstract_::iter::stop_iteration_value()?));
    }
    Err(Raised::assume_set())
}

/// `SEND`: sends `v` into the receiver.
pub(crate) unsafe fn send(recv: *mut PyObject, v: *mut PyObject) -> PyResult<Sent> {
    if gen_type::is_gen(recv) || gen_type::is_coro(recv) {
        return gen_type::send_ex(recv, v, false);
    }
    let r = if v == none() && (*(*recv).ob_type).tp_iternext.is_some() {
        ((*(*recv).ob_type).tp_iternext.unwrap_unchecked())(recv)
    } else {
        let m = crate::object::object_attr::get_attr(recv, pystr::intern("send")?.as_ptr())?;
        crate::abstract_::call::PyObject_CallOneArg(m.as_ptr(), v)
    };
    if r.is_null() {
        return finished();
    }
    Ok(Sent::Yielded(PyRef::from_owned(r).unwrap_unchecked()))
}

/// `GET_YIELD_FROM_ITER`: generators and (in coroutines) coroutines as they are, anything
/// else through `iter()`.
pub(crate) unsafe fn yield_from_iter(f: *mut Frame, v: *mut PyObject) -> PyResult<PyRef> {
    if gen_type::is_coro(v) {
        if (*(*f).code).co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE) == 0 {
            return Err(type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
        }
        return Ok(new_ref(v));
    }
    if gen_type::is_gen(v) {
        return Ok(new_ref(v));
    }
    from_slot(crate::abstract_::iter::PyObject_GetIter(v))
}

/// `GET_AWAITABLE where_`: `where_` 1 and 2 are the awaits of `async with`'s `__aenter__`
/// and `__aexit__` results, named in the error when the object is not awaitable.
pub(crate) unsafe fn awaitable(v: *mut PyObject, where_: u32) -> PyResult<PyRef> {
    let it = match gen_type::awaitable_iter(v) {
        Ok(it) => it,
        Err(e) => {
            let no_await = (*(*v).ob_type).tp_as_async.as_ref().and_then(|a| a.am_await).is_none();
            if no_await && (where_ == 1 || where_ == 2) {
                crate::errors::pyerr::PyErr_Clear();
                let m = if where_ == 1 { "__aenter__" } else { "__aexit__" };
                return Err(type_error(format!(
                    "'async with' received an object from {m} that does not implement __await__: {}",
                    crate::abstract_::tp_name(v)
                )));
            }
            return Err(e);
        }
    };
    if gen_type::is_coro(it.as_ptr()) && !gen_type::yield_from(it.as_ptr()).is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "coroutine is being awaited already"));
    }
    Ok(it)
}
