/* Hand-written macros and static inline functions of CPython 3.11's methodobject.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_METHODOBJECT_H
#define FERROPY_METHODOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* The builtin-function object structs' accessors (concrete-objects area). */
#ifndef Py_LIMITED_API
#  include "cpython/methodobject.h"
#endif

#endif /* FERROPY_METHODOBJECT_H */
