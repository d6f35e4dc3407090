//! TODO(errors): where CPython raises an exception, the type kernel calls `raise` with the
//! exception type and CPython's exact message. The exception machinery (`PyErr_*`, the
//! exception hierarchy) does not exist yet, so the exception is recorded here, per thread,
//! where Rust tests can see it; when `errors/` lands, `raise` becomes `PyErr_SetString`
//! and `take` becomes `PyErr_Fetch`. No exported function reaches `raise` on its ordinary
//! path (see docs/STATUS.md).
use std::cell::RefCell;

use crate::errors::raised::Raised;

/// The exception types the type kernel raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExcType {
    MemoryError,
    SystemError,
    TypeError,
    IndexError,
    UnicodeDecodeError,
}

thread_local! {
    static PENDING: RefCell<Option<(ExcType, String)>> = const { RefCell::new(None) };
}

/// Raises `exc(message)`; returns the marker that an exception is set.
#[must_use]
pub(crate) fn raise(exc: ExcType, message: impl Into<String>) -> Raised {
    let message = message.into();
    PENDING.with(|p| *p.borrow_mut() = Some((exc, message)));
    Raised::assume_set()
}

/// `PyErr_NoMemory()`.
#[must_use]
pub(crate) fn no_memory() -> Raised {
    raise(ExcType::MemoryError, "")
}

/// `PyErr_BadInternalCall()`: a C-API function was called with bad arguments.
#[must_use]
pub(crate) fn bad_internal_call() -> Raised {
    raise(ExcType::SystemError, "bad argument to internal function")
}

/// Takes the pending exception, if any (`PyErr_Fetch`).
#[allow(dead_code)] // used by tests until errors/ replaces this module
pub(crate) fn take() -> Option<(ExcType, String)> {
    PENDING.with(|p| p.borrow_mut().take())
}
