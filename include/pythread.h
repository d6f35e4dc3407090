/* Hand-written macros and static inline functions of CPython 3.11's pythread.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYTHREAD_H
#define FERROPY_PYTHREAD_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYTHREAD_H */
