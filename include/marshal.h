/* CPython 3.11's marshal.h (not included by Python.h). Py_MARSHAL_VERSION and the
 * marshal functions come from ferropy_generated.h. */
#ifndef Py_LIMITED_API
#ifndef Py_MARSHAL_H
#define Py_MARSHAL_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* !Py_MARSHAL_H */
#endif /* !Py_LIMITED_API */
