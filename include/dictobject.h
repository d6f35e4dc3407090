/* Hand-written macros and static inline functions of CPython 3.11's dictobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_DICTOBJECT_H
#define FERROPY_DICTOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_DICTOBJECT_H */
