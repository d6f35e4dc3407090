/* CPython 3.11's cpython/longobject.h: only function declarations, all generated.
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_LONGOBJECT_H
#define FERROPY_CPYTHON_LONGOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_CPYTHON_LONGOBJECT_H */
