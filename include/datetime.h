/* Hand-written macros and static inline functions of CPython 3.11's datetime.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_DATETIME_H
#define FERROPY_DATETIME_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_DATETIME_H */
