/* CPython 3.11's frameobject.h (not included by Python.h): the frame API of
 * pyframe.h plus the non-limited frame functions; the frame struct stays opaque. */
#ifndef Py_FRAMEOBJECT_H
#define Py_FRAMEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#include "pyframe.h"

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_FRAMEOBJECT_H
#  include "cpython/frameobject.h"
#  undef Py_CPYTHON_FRAMEOBJECT_H
#endif

#endif /* !Py_FRAMEOBJECT_H */
