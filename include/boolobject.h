/* Hand-written macros and static inline functions of CPython 3.11's boolobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_BOOLOBJECT_H
#define FERROPY_BOOLOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_BOOLOBJECT_H */
