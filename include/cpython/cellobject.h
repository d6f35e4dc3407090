/* Cell accessors (CPython 3.11's cpython/cellobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_CELLOBJECT_H
#define FERROPY_CPYTHON_CELLOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
#define PyCell_Check(op) Py_IS_TYPE(op, &PyCell_Type)
#define PyCell_GET(op) (((PyCellObject *)(op))->ob_ref)
#define PyCell_SET(op, v) _Py_RVALUE(((PyCellObject *)(op))->ob_ref = (v))
#endif

#endif /* FERROPY_CPYTHON_CELLOBJECT_H */
