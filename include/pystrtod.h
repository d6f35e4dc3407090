/* Hand-written macros and static inline functions of CPython 3.11's pystrtod.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYSTRTOD_H
#define FERROPY_PYSTRTOD_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYSTRTOD_H */
