/* Hand-written macros and static inline functions of CPython 3.11's pycapsule.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_PYCAPSULE_H
#define FERROPY_PYCAPSULE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_PYCAPSULE_H */
