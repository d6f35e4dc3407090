/* Hand-written macros and static inline functions of CPython 3.11's abstract.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_ABSTRACT_H
#define FERROPY_ABSTRACT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_ABSTRACT_H */
