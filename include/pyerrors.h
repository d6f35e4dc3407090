/* Hand-written macros and static inline functions of CPython 3.11's pyerrors.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYERRORS_H
#define FERROPY_PYERRORS_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYERRORS_H */
