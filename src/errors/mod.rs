//! Exceptions, `PyErr_*`, tracebacks and warnings.
