/* Non-limited part of pystate.h (CPython 3.11's cpython/pystate.h). The thread state
 * body (struct _ts), _PyCFrame, _PyErr_StackItem, _PyStackChunk, PyTraceInfo, Py_tracefunc
 * and the PyTrace_* constants come from ferropy_generated.h (src/runtime/threadstate.rs). */
#ifndef Py_CPYTHON_PYSTATE_H
#  error "this header file must not be included directly"
#endif

/* Kept for code written against 3.8. */
#define _PyInterpreterState_Get PyInterpreterState_Get
