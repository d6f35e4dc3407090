/* Hand-written macros and static inline functions of CPython 3.11's enumobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_ENUMOBJECT_H
#define FERROPY_ENUMOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_ENUMOBJECT_H */
