/* Hand-written macros of CPython 3.11's cpython/odictobject.h: OrderedDict is
 * a dict subclass, so most of its API maps to the PyDict_ functions. PyODictObject is
 * opaque (typedef in pytypedefs.h). */
#ifndef Py_LIMITED_API
#ifndef Py_ODICTOBJECT_H
#define Py_ODICTOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyODict_Check(op) PyObject_TypeCheck(op, &PyODict_Type)
#define PyODict_CheckExact(op) Py_IS_TYPE(op, &PyODict_Type)
#define PyODict_SIZE(op) PyDict_GET_SIZE((op))

#define PyODict_GetItem(od, key) PyDict_GetItem(_PyObject_CAST(od), key)
#define PyODict_GetItemWithError(od, key) \
    PyDict_GetItemWithError(_PyObject_CAST(od), key)
#define PyODict_Contains(od, key) PyDict_Contains(_PyObject_CAST(od), key)
#define PyODict_Size(od) PyDict_Size(_PyObject_CAST(od))
#define PyODict_GetItemString(od, key) \
    PyDict_GetItemString(_PyObject_CAST(od), key)

#endif /* !Py_ODICTOBJECT_H */
#endif /* !Py_LIMITED_API */
