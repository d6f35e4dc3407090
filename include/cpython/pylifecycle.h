/* Non-limited part of pylifecycle.h (CPython 3.11's cpython/pylifecycle.h):
 * declarations only, from ferropy_generated.h. */
#ifndef Py_CPYTHON_PYLIFECYCLE_H
#  error "this header file must not be included directly"
#endif
