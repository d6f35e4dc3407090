/* Hand-written macros and static inline functions of CPython 3.11's ceval.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_CEVAL_H
#define FERROPY_CEVAL_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_CEVAL_H */
