/* Unchecked tuple accessors (CPython 3.11's cpython/tupleobject.h): they read the struct directly.
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_TUPLEOBJECT_H
#define FERROPY_CPYTHON_TUPLEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define _PyTuple_CAST(op) \
    (assert(PyTuple_Check(op)), _Py_CAST(PyTupleObject*, (op)))

static inline Py_ssize_t PyTuple_GET_SIZE(PyObject *op) {
    PyTupleObject *tuple = _PyTuple_CAST(op);
    return Py_SIZE(tuple);
}
#define PyTuple_GET_SIZE(op) PyTuple_GET_SIZE(_PyObject_CAST(op))

#define PyTuple_GET_ITEM(op, index) (_PyTuple_CAST(op)->ob_item[index])

/* Steals the reference to value and does not release the old item: only for filling a
 * fresh tuple. */
static inline void PyTuple_SET_ITEM(PyObject *op, Py_ssize_t index, PyObject *value) {
    PyTupleObject *tuple = _PyTuple_CAST(op);
    tuple->ob_item[index] = value;
}
#define PyTuple_SET_ITEM(op, index, value) \
    PyTuple_SET_ITEM(_PyObject_CAST(op), (index), _PyObject_CAST(value))

#endif /* FERROPY_CPYTHON_TUPLEOBJECT_H */
