//! Exceptions, `PyErr_*`, tracebacks and warnings.

pub mod exceptions;
pub mod raised;
