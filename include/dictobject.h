/* Dict checks (CPython 3.11's dictobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_DICTOBJECT_H
#define FERROPY_DICTOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyDict_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_DICT_SUBCLASS)
#define PyDict_CheckExact(op) Py_IS_TYPE(op, &PyDict_Type)

#define PyDictKeys_Check(op) PyObject_TypeCheck(op, &PyDictKeys_Type)
#define PyDictValues_Check(op) PyObject_TypeCheck(op, &PyDictValues_Type)
#define PyDictItems_Check(op) PyObject_TypeCheck(op, &PyDictItems_Type)
/* The views that support set operations. */
#define PyDictViewSet_Check(op) \
    (PyDictKeys_Check(op) || PyDictItems_Check(op))

#ifndef Py_LIMITED_API
#  include "cpython/dictobject.h"
#endif

#endif /* FERROPY_DICTOBJECT_H */
