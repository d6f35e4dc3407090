/* CPython 3.11's sysmodule.h: it has no macro; declarations
 * come from ferropy_generated.h. */
#ifndef Py_SYSMODULE_H
#define Py_SYSMODULE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* Py_SYSMODULE_H */
