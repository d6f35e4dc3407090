/* CPython 3.11's pythonrun.h. PYOS_STACK_MARGIN comes from ferropy_generated.h
 * (src/runtime/signals.rs); PyOS_CheckStack exists only on 32-bit Windows (USE_STACKCHECK). */
#ifndef Py_PYTHONRUN_H
#define Py_PYTHONRUN_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_PYTHONRUN_H
#  include "cpython/pythonrun.h"
#  undef Py_CPYTHON_PYTHONRUN_H
#endif

#endif /* !Py_PYTHONRUN_H */
