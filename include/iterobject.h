/* Hand-written macros and static inline functions of CPython 3.11's iterobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_ITEROBJECT_H
#define FERROPY_ITEROBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_ITEROBJECT_H */
