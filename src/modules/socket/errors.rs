//! The module's exceptions: `herror` and `gaierror` (OSError subclasses made at init,
//! `(code, message)` arguments), `timeout` (= TimeoutError, raised as "timed out").
use core::ffi::c_int;

use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::{int, str as pystr, tuple};

static mut HERROR: *mut PyObject = core::ptr::null_mut();
static mut GAIERROR: *mut PyObject = core::ptr::null_mut();

/// Makes (once) and returns `(herror, gaierror)`.
pub(crate) unsafe fn types() -> PyResult<(*mut PyObject, *mut PyObject)> {
    if HERROR.is_null() {
        let base = &raw mut exc::_PyExc_OSError as *mut PyObject;
        HERROR = crate::modules::owned(crate::errors::setters::PyErr_NewException(c"socket.herror".as_ptr(), base, core::ptr::null_mut()))?.into_ptr();
        GAIERROR = crate::modules::owned(crate::errors::setters::PyErr_NewException(c"socket.gaierror".as_ptr(), base, core::ptr::null_mut()))?.into_ptr();
    }
    Ok((HERROR, GAIERROR))
}

unsafe fn raise_pair(tp: *mut PyObject, code: c_int, message: &str) -> Raised {
    let value = (|| tuple::from_vec(vec![int::from_i64(code as i64)?, pystr::from_utf8(message)?]))();
    match value {
        Ok(v) => {
            crate::errors::pyerr::PyErr_SetObject(tp, v.as_ptr());
            Raised::assume_set()
        }
        Err(e) => e,
    }
}

/// `gaierror(code, gai_strerror(code))`; EAI_SYSTEM is an OSError from errno.
pub(crate) unsafe fn gai_error(code: c_int) -> Raised {
    if code == libc::EAI_SYSTEM {
        return crate::modules::posix::args::errno_error();
    }
    let (_, gai) = match types() {
        Ok(t) => t,
        Err(e) => return e,
    };
    let text = core::ffi::CStr::from_ptr(libc::gai_strerror(code)).to_string_lossy().into_owned();
    raise_pair(gai, code, &text)
}

/// `herror(code, hstrerror(code))`.
pub(crate) unsafe fn h_error(code: c_int) -> Raised {
    let (h, _) = match types() {
        Ok(t) => t,
        Err(e) => return e,
    };
    let text = core::ffi::CStr::from_ptr(libc::hstrerror(code)).to_string_lossy().into_owned();
    raise_pair(h, code, &text)
}

/// `TimeoutError("timed out")`.
pub(crate) fn timed_out() -> Raised {
    raise_type(&raw mut exc::_PyExc_TimeoutError, "timed out")
}

/// A plain OSError with a message.
pub(crate) fn os_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_OSError, message)
}
