/* Hand-written macros and static inline functions of CPython 3.11's frameobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_FRAMEOBJECT_H
#define FERROPY_FRAMEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_FRAMEOBJECT_H */
