/* Hand-written macros and static inline functions of CPython 3.11's pyhash.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYHASH_H
#define FERROPY_PYHASH_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYHASH_H */
