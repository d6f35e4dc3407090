/* Hand-written macros and static inline functions of CPython 3.11's traceback.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_TRACEBACK_H
#define FERROPY_TRACEBACK_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_TRACEBACK_H */
