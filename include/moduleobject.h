/* Hand-written macros and static inline functions of CPython 3.11's moduleobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_MODULEOBJECT_H
#define FERROPY_MODULEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_MODULEOBJECT_H */
