/* Hand-written macros and static inline functions of CPython 3.11's pythonrun.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYTHONRUN_H
#define FERROPY_PYTHONRUN_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYTHONRUN_H */
