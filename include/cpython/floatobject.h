/* Unchecked float accessor (CPython 3.11's cpython/floatobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_FLOATOBJECT_H
#define FERROPY_CPYTHON_FLOATOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyFloat_AS_DOUBLE(op) (((PyFloatObject *)(op))->ob_fval)

#endif /* FERROPY_CPYTHON_FLOATOBJECT_H */
