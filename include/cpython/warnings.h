/* Non-limited part of warnings.h (CPython 3.11's cpython/warnings.h). */
#ifndef Py_CPYTHON_WARNINGS_H
#  error "this header file must not be included directly"
#endif

/* The old spelling of PyErr_WarnEx with a stack level of 1. */
#define PyErr_Warn(category, msg) PyErr_WarnEx(category, msg, 1)
