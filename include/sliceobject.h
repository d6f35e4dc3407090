/* Hand-written macros and static inline functions of CPython 3.11's sliceobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_SLICEOBJECT_H
#define FERROPY_SLICEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_SLICEOBJECT_H */
