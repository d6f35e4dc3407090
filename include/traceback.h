/* Hand-written macros of CPython 3.11's traceback.h. */
#ifndef Py_TRACEBACK_H
#define Py_TRACEBACK_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyTraceBack_Check(v) Py_IS_TYPE(v, &PyTraceBack_Type)

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_TRACEBACK_H
#  include "cpython/traceback.h"
#  undef Py_CPYTHON_TRACEBACK_H
#endif

#endif /* !Py_TRACEBACK_H */
