/* Hand-written macros and static inline functions of CPython 3.11's fileutils.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_FILEUTILS_H
#define FERROPY_FILEUTILS_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_FILEUTILS_H */
