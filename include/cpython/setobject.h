/* Unchecked set accessor (CPython 3.11's cpython/setobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_SETOBJECT_H
#define FERROPY_CPYTHON_SETOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PySet_GET_SIZE(so) \
    (assert(PyAnySet_Check(so)), (((PySetObject *)(so))->used))

#endif /* FERROPY_CPYTHON_SETOBJECT_H */
