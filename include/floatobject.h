/* Hand-written macros and static inline functions of CPython 3.11's floatobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_FLOATOBJECT_H
#define FERROPY_FLOATOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_FLOATOBJECT_H */
