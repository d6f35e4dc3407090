/* Hand-written macros and static inline functions of CPython 3.11's fileobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_FILEOBJECT_H
#define FERROPY_FILEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_FILEOBJECT_H */
