/* Hand-written macros and static inline functions of CPython 3.11's pystate.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYSTATE_H
#define FERROPY_PYSTATE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYSTATE_H */
