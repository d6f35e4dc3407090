/* Hand-written macros and static inline functions of CPython 3.11's unicodeobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_UNICODEOBJECT_H
#define FERROPY_UNICODEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_UNICODEOBJECT_H */
