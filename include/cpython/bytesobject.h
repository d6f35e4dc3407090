/* Unchecked bytes accessors (CPython 3.11's cpython/bytesobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_BYTESOBJECT_H
#define FERROPY_CPYTHON_BYTESOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define _PyBytes_CAST(op) \
    (assert(PyBytes_Check(op)), _Py_CAST(PyBytesObject*, op))

static inline char* PyBytes_AS_STRING(PyObject *op) {
    return _PyBytes_CAST(op)->ob_sval;
}
#define PyBytes_AS_STRING(op) PyBytes_AS_STRING(_PyObject_CAST(op))

static inline Py_ssize_t PyBytes_GET_SIZE(PyObject *op) {
    PyBytesObject *self = _PyBytes_CAST(op);
    return Py_SIZE(self);
}
#define PyBytes_GET_SIZE(self) PyBytes_GET_SIZE(_PyObject_CAST(self))

#endif /* FERROPY_CPYTHON_BYTESOBJECT_H */
