/* CPython 3.11's cpython/initconfig.h: PyStatus, PyWideStringList, PyPreConfig
 * and PyConfig come from ferropy_generated.h (src/runtime/initconfig.rs); there is no
 * macro in this header. */
#ifndef Py_LIMITED_API
#ifndef Py_PYCORECONFIG_H
#define Py_PYCORECONFIG_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* !Py_PYCORECONFIG_H */
#endif /* !Py_LIMITED_API */
