/* Hand-written macros and static inline functions of CPython 3.11's tupleobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_TUPLEOBJECT_H
#define FERROPY_TUPLEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_TUPLEOBJECT_H */
