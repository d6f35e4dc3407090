/* Generator and coroutine checks (CPython 3.11 cpython/genobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_GENOBJECT_H
#define FERROPY_CPYTHON_GENOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
#define PyGen_Check(op) PyObject_TypeCheck(op, &PyGen_Type)
#define PyGen_CheckExact(op) Py_IS_TYPE(op, &PyGen_Type)
#define PyCoro_CheckExact(op) Py_IS_TYPE(op, &PyCoro_Type)
#define PyAsyncGen_CheckExact(op) Py_IS_TYPE(op, &PyAsyncGen_Type)
#endif

#endif /* FERROPY_CPYTHON_GENOBJECT_H */
