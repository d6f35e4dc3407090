/* Hand-written macros and static inline functions of CPython 3.11's memoryobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_MEMORYOBJECT_H
#define FERROPY_MEMORYOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_MEMORYOBJECT_H */
