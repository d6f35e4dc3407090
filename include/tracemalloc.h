/* CPython 3.11's tracemalloc.h: declarations only, from ferropy_generated.h. */
#ifndef Py_LIMITED_API
#ifndef Py_TRACEMALLOC_H
#define Py_TRACEMALLOC_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* !Py_TRACEMALLOC_H */
#endif /* !Py_LIMITED_API */
