/* Hand-written macros and static inline functions of CPython 3.11's bytearrayobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_BYTEARRAYOBJECT_H
#define FERROPY_BYTEARRAYOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_BYTEARRAYOBJECT_H */
