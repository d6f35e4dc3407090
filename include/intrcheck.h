/* CPython 3.11's intrcheck.h: it has no macro; declarations
 * come from ferropy_generated.h. */
#ifndef Py_INTRCHECK_H
#define Py_INTRCHECK_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* Py_INTRCHECK_H */
