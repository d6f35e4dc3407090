/* Hand-written macros and static inline functions of CPython 3.11's pybuffer.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYBUFFER_H
#define FERROPY_PYBUFFER_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYBUFFER_H */
