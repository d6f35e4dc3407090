/* Hand-written macros and static inline functions of CPython 3.11's typeslots.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_TYPESLOTS_H
#define FERROPY_TYPESLOTS_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_TYPESLOTS_H */
