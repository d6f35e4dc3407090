/* Hand-written macros and static inline functions of CPython 3.11's genericaliasobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_GENERICALIASOBJECT_H
#define FERROPY_GENERICALIASOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_GENERICALIASOBJECT_H */
