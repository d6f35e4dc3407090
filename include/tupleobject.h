/* Tuple checks (CPython 3.11's tupleobject.h); the layout and its accessors are in cpython/tupleobject.h.
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_TUPLEOBJECT_H
#define FERROPY_TUPLEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyTuple_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS)
#define PyTuple_CheckExact(op) Py_IS_TYPE(op, &PyTuple_Type)

/* Variadic: a C shim (src/c/tuple_pack.c), so declared here by hand. */
PyAPI_FUNC(PyObject *) PyTuple_Pack(Py_ssize_t, ...);

#ifndef Py_LIMITED_API
#  include "cpython/tupleobject.h"
#endif

#endif /* FERROPY_TUPLEOBJECT_H */
