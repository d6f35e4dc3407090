/* Non-limited part of frameobject.h (CPython 3.11's cpython/frameobject.h):
 * declarations only, from ferropy_generated.h. */
#ifndef Py_CPYTHON_FRAMEOBJECT_H
#  error "this header file must not be included directly"
#endif
