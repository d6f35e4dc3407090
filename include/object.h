/* Hand-written macros and static inline functions of CPython 3.11's object.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_OBJECT_H
#define FERROPY_OBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_OBJECT_H */
