/* CPython 3.11's genericaliasobject.h (PEP 585): declarations only, from
 * ferropy_generated.h. */
#ifndef Py_GENERICALIASOBJECT_H
#define Py_GENERICALIASOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* !Py_GENERICALIASOBJECT_H */
