/* Non-limited part of traceback.h (CPython 3.11's cpython/traceback.h). struct
 * _traceback (PyTracebackObject) comes from ferropy_generated.h (src/eval/traceback.rs),
 * its typedef from pytypedefs.h. */
#ifndef Py_CPYTHON_TRACEBACK_H
#  error "this header file must not be included directly"
#endif
