/* CPython 3.11's bltinmodule.h: it has no macro; declarations
 * come from ferropy_generated.h. */
#ifndef Py_BLTINMODULE_H
#define Py_BLTINMODULE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* Py_BLTINMODULE_H */
