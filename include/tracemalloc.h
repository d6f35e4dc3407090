/* Hand-written macros and static inline functions of CPython 3.11's tracemalloc.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_TRACEMALLOC_H
#define FERROPY_TRACEMALLOC_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_TRACEMALLOC_H */
