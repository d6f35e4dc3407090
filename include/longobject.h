/* Hand-written macros and static inline functions of CPython 3.11's longobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_LONGOBJECT_H
#define FERROPY_LONGOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_LONGOBJECT_H */
