/* Hand-written macros and static inline functions of CPython 3.11's pyframe.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYFRAME_H
#define FERROPY_PYFRAME_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYFRAME_H */
