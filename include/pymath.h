/* Hand-written macros and static inline functions of CPython 3.11's pymath.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYMATH_H
#define FERROPY_PYMATH_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYMATH_H */
