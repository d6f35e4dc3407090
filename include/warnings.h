/* CPython 3.11's warnings.h: declarations come from ferropy_generated.h. */
#ifndef Py_WARNINGS_H
#define Py_WARNINGS_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_WARNINGS_H
#  include "cpython/warnings.h"
#  undef Py_CPYTHON_WARNINGS_H
#endif

#endif /* !Py_WARNINGS_H */
