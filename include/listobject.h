/* List checks (CPython 3.11's listobject.h); the layout and its accessors are in cpython/listobject.h.
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_LISTOBJECT_H
#define FERROPY_LISTOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyList_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS)
#define PyList_CheckExact(op) Py_IS_TYPE(op, &PyList_Type)

#ifndef Py_LIMITED_API
#  include "cpython/listobject.h"
#endif

#endif /* FERROPY_LISTOBJECT_H */
