/* Non-limited part of pyframe.h (CPython 3.11's cpython/pyframe.h). */
#ifndef Py_CPYTHON_PYFRAME_H
#  error "this header file must not be included directly"
#endif

#define PyFrame_Check(op) Py_IS_TYPE((op), &PyFrame_Type)
