/* Hand-written macros and static inline functions of CPython 3.11's codecs.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_CODECS_H
#define FERROPY_CODECS_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_CODECS_H */
