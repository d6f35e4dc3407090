/* Hand-written macros and static inline functions of CPython 3.11's cpython/pyctype.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_PYCTYPE_H
#define FERROPY_CPYTHON_PYCTYPE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_CPYTHON_PYCTYPE_H */
