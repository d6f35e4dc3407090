/* Exception instance macros (CPython 3.11 cpython/pyerrors.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_PYERRORS_H
#define FERROPY_CPYTHON_PYERRORS_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* The fields every exception instance starts with, for C code declaring its own exception
 * structs (the generated Py*Object structs spell them out). */
#define PyException_HEAD PyObject_HEAD PyObject *dict;\
             PyObject *args; PyObject *notes; PyObject *traceback;\
             PyObject *context; PyObject *cause;\
             char suppress_context;

#define Py_FatalError(message) _Py_FatalErrorFunc(__func__, message)

/* Variadic (C shims in src/c/errors_format.c). */
PyObject *_PyErr_FormatFromCause(PyObject *exception, const char *format, ...);
void _Py_NO_RETURN _Py_FatalErrorFormat(const char *func, const char *format, ...);

#endif /* FERROPY_CPYTHON_PYERRORS_H */
