/* Hand-written macros and static inline functions of CPython 3.11's pystrcmp.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYSTRCMP_H
#define FERROPY_PYSTRCMP_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYSTRCMP_H */
