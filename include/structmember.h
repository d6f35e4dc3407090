/* Hand-written macros and static inline functions of CPython 3.11's structmember.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_STRUCTMEMBER_H
#define FERROPY_STRUCTMEMBER_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_STRUCTMEMBER_H */
