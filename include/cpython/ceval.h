/* Non-limited part of ceval.h (CPython 3.11's cpython/ceval.h): declarations only, from
 * ferropy_generated.h. */
#ifndef Py_CPYTHON_CEVAL_H
#  error "this header file must not be included directly"
#endif
