/* Hand-written macros and static inline functions of CPython 3.11's intrcheck.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_INTRCHECK_H
#define FERROPY_INTRCHECK_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_INTRCHECK_H */
