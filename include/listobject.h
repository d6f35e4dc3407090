/* Hand-written macros and static inline functions of CPython 3.11's listobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_LISTOBJECT_H
#define FERROPY_LISTOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_LISTOBJECT_H */
