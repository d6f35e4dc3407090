/* CPython 3.11's cpython/pydebug.h: the legacy Py_*Flag globals are data symbols,
 * declared in ferropy_generated.h. */
#ifndef Py_LIMITED_API
#ifndef Py_PYDEBUG_H
#define Py_PYDEBUG_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* !Py_PYDEBUG_H */
#endif /* !Py_LIMITED_API */
