/* Hand-written macros and static inline functions of CPython 3.11's pylifecycle.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYLIFECYCLE_H
#define FERROPY_PYLIFECYCLE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYLIFECYCLE_H */
