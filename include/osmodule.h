/* Hand-written macros and static inline functions of CPython 3.11's osmodule.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_OSMODULE_H
#define FERROPY_OSMODULE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_OSMODULE_H */
