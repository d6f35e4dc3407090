/* Hand-written macros and static inline functions of CPython 3.11's cpython/picklebufobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_PICKLEBUFOBJECT_H
#define FERROPY_CPYTHON_PICKLEBUFOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_CPYTHON_PICKLEBUFOBJECT_H */
