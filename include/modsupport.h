/* Hand-written macros and static inline functions of CPython 3.11's modsupport.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_MODSUPPORT_H
#define FERROPY_MODSUPPORT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* runtime: string forms of PYTHON_API_VERSION and PYTHON_ABI_VERSION (the numbers come
 * from ferropy_generated.h, src/runtime/abi.rs). */
#define PYTHON_API_STRING "1013"
#define PYTHON_ABI_STRING "3"

#endif /* FERROPY_MODSUPPORT_H */
