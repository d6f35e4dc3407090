/* Hand-written macros and static inline functions of CPython 3.11's compile.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_COMPILE_H
#define FERROPY_COMPILE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_COMPILE_H */
