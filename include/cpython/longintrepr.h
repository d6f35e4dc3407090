/* The int digit parameters that cbindgen cannot print (CPython 3.11's cpython/longintrepr.h):
 * they are typed as digit in C. digit, PyLong_SHIFT, _PyLong_DECIMAL_SHIFT and struct
 * _longobject are generated.
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_LONGINTREPR_H
#define FERROPY_CPYTHON_LONGINTREPR_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
#define _PyLong_DECIMAL_BASE    ((digit)1000000000)
#define PyLong_BASE     ((digit)1 << PyLong_SHIFT)
#define PyLong_MASK     ((digit)(PyLong_BASE - 1))
#endif

#endif /* FERROPY_CPYTHON_LONGINTREPR_H */
