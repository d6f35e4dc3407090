/* Bytes checks (CPython 3.11's bytesobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_BYTESOBJECT_H
#define FERROPY_BYTESOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyBytes_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE(op, &PyBytes_Type)

#ifndef Py_LIMITED_API
#  include "cpython/bytesobject.h"
#endif

#endif /* FERROPY_BYTESOBJECT_H */
