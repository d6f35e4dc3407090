/* CPython 3.11's marshal.h (not included by Python.h). The marshal functions come from
 * ferropy_generated.h; the version is written here so that Python.h alone does not show it
 * (its value is checked against CPython's by c-tests/layout.c). */
#ifndef Py_LIMITED_API
#ifndef Py_MARSHAL_H
#define Py_MARSHAL_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* The marshal format marshal.dumps writes by default. */
#define Py_MARSHAL_VERSION 4

#endif /* !Py_MARSHAL_H */
#endif /* !Py_LIMITED_API */
