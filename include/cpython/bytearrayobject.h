/* Unchecked bytearray accessors (CPython 3.11's cpython/bytearrayobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_BYTEARRAYOBJECT_H
#define FERROPY_CPYTHON_BYTEARRAYOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define _PyByteArray_CAST(op) \
    (assert(PyByteArray_Check(op)), _Py_CAST(PyByteArrayObject*, op))

/* An empty bytearray may have no buffer: it then reads as the exported empty string. */
static inline char* PyByteArray_AS_STRING(PyObject *op) {
    PyByteArrayObject *self = _PyByteArray_CAST(op);
    if (Py_SIZE(self)) {
        return self->ob_start;
    }
    return _PyByteArray_empty_string;
}
#define PyByteArray_AS_STRING(self) PyByteArray_AS_STRING(_PyObject_CAST(self))

static inline Py_ssize_t PyByteArray_GET_SIZE(PyObject *op) {
    PyByteArrayObject *self = _PyByteArray_CAST(op);
    return Py_SIZE(self);
}
#define PyByteArray_GET_SIZE(self) PyByteArray_GET_SIZE(_PyObject_CAST(self))

#endif /* FERROPY_CPYTHON_BYTEARRAYOBJECT_H */
