/* Hand-written macros and static inline functions of CPython 3.11's complexobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_COMPLEXOBJECT_H
#define FERROPY_COMPLEXOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_COMPLEXOBJECT_H */
