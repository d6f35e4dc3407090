/* Unchecked dict accessors (CPython 3.11's cpython/dictobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_DICTOBJECT_H
#define FERROPY_CPYTHON_DICTOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyDict_GET_SIZE(mp)  (assert(PyDict_Check(mp)),((PyDictObject *)mp)->ma_used)
#define _PyDict_HasSplitTable(d) ((d)->ma_values != NULL)

#endif /* FERROPY_CPYTHON_DICTOBJECT_H */
