/* Hand-written macros and static inline functions of CPython 3.11's pymem.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYMEM_H
#define FERROPY_PYMEM_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYMEM_H */
