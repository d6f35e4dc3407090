/* Hand-written macros and static inline functions of CPython 3.11's marshal.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_MARSHAL_H
#define FERROPY_MARSHAL_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_MARSHAL_H */
