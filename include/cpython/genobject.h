/* Hand-written macros and static inline functions of CPython 3.11's cpython/genobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_GENOBJECT_H
#define FERROPY_CPYTHON_GENOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_CPYTHON_GENOBJECT_H */
