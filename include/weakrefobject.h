/* Hand-written macros and static inline functions of CPython 3.11's weakrefobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_WEAKREFOBJECT_H
#define FERROPY_WEAKREFOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_WEAKREFOBJECT_H */
