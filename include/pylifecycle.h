/* CPython 3.11's pylifecycle.h: declarations only (PyOS_sighandler_t and the
 * lifecycle functions), from ferropy_generated.h. */
#ifndef Py_PYLIFECYCLE_H
#define Py_PYLIFECYCLE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_PYLIFECYCLE_H
#  include "cpython/pylifecycle.h"
#  undef Py_CPYTHON_PYLIFECYCLE_H
#endif

#endif /* !Py_PYLIFECYCLE_H */
