/* Complex checks (CPython 3.11's complexobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_COMPLEXOBJECT_H
#define FERROPY_COMPLEXOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyComplex_Check(op) PyObject_TypeCheck(op, &PyComplex_Type)
#define PyComplex_CheckExact(op) Py_IS_TYPE(op, &PyComplex_Type)

#ifndef Py_LIMITED_API
#  include "cpython/complexobject.h"
#endif

#endif /* FERROPY_COMPLEXOBJECT_H */
