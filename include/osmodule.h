/* CPython 3.11's osmodule.h: it has no macro; declarations
 * come from ferropy_generated.h. */
#ifndef Py_OSMODULE_H
#define Py_OSMODULE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* Py_OSMODULE_H */
