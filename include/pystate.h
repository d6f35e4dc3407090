/* Hand-written macros of CPython 3.11's pystate.h. PyThreadState, PyInterpreterState,
 * PyGILState_STATE and MAX_CO_EXTRA_USERS come from ferropy_generated.h (src/runtime/). */
#ifndef Py_PYSTATE_H
#define Py_PYSTATE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* The old spelling of PyThreadState_Get(). */
#define PyThreadState_GET() PyThreadState_Get()

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_PYSTATE_H
#  include "cpython/pystate.h"
#  undef Py_CPYTHON_PYSTATE_H
#endif

#endif /* !Py_PYSTATE_H */
