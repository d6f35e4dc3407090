/* Hand-written macros and static inline functions of CPython 3.11's bytesobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_BYTESOBJECT_H
#define FERROPY_BYTESOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_BYTESOBJECT_H */
