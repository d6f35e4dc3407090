/* Hand-written macros and static inline functions of CPython 3.11's descrobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_DESCROBJECT_H
#define FERROPY_DESCROBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_DESCROBJECT_H */
