/* Hand-written macros and static inline functions of CPython 3.11's bltinmodule.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_BLTINMODULE_H
#define FERROPY_BLTINMODULE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_BLTINMODULE_H */
