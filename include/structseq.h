/* Hand-written macros and static inline functions of CPython 3.11's structseq.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_STRUCTSEQ_H
#define FERROPY_STRUCTSEQ_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_STRUCTSEQ_H */
