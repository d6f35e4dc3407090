/* Hand-written macros and static inline functions of CPython 3.11's rangeobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_RANGEOBJECT_H
#define FERROPY_RANGEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_RANGEOBJECT_H */
