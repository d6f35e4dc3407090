/* Hand-written macros and static inline functions of CPython 3.11's sysmodule.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_SYSMODULE_H
#define FERROPY_SYSMODULE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_SYSMODULE_H */
