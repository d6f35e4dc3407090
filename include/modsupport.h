/* Hand-written macros and static inline functions of CPython 3.11's modsupport.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_MODSUPPORT_H
#define FERROPY_MODSUPPORT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_MODSUPPORT_H */
