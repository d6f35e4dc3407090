/* Hand-written macros and static inline functions of CPython 3.11's pymacro.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYMACRO_H
#define FERROPY_PYMACRO_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYMACRO_H */
