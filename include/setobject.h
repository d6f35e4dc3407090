/* Hand-written macros and static inline functions of CPython 3.11's setobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_SETOBJECT_H
#define FERROPY_SETOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_SETOBJECT_H */
