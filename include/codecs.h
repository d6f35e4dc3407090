/* CPython 3.11's codecs.h: it has no macro; declarations
 * come from ferropy_generated.h. */
#ifndef Py_CODECREGISTRY_H
#define Py_CODECREGISTRY_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* Py_CODECREGISTRY_H */
