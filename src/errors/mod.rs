//! Exceptions, `PyErr_*`, tracebacks and warnings.

pub mod exception_types;
pub mod exceptions;
pub mod pyerr;
pub mod raised;
