/* CPython 3.11's pyframe.h: PyFrameObject is opaque (struct _frame, typedef in
 * pytypedefs.h); declarations come from ferropy_generated.h. */
#ifndef Py_PYFRAME_H
#define Py_PYFRAME_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_PYFRAME_H
#  include "cpython/pyframe.h"
#  undef Py_CPYTHON_PYFRAME_H
#endif

#endif /* !Py_PYFRAME_H */
