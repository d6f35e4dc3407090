/* Hand-written macros and static inline functions of CPython 3.11's import.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_IMPORT_H
#define FERROPY_IMPORT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_IMPORT_H */
