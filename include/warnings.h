/* Hand-written macros and static inline functions of CPython 3.11's warnings.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_WARNINGS_H
#define FERROPY_WARNINGS_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_WARNINGS_H */
