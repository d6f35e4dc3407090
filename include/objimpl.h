/* Hand-written macros and static inline functions of CPython 3.11's objimpl.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_OBJIMPL_H
#define FERROPY_OBJIMPL_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_OBJIMPL_H */
