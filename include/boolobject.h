/* Hand-written macros of CPython 3.11's boolobject.h. PyBool_Type and the two singletons
 * _Py_FalseStruct/_Py_TrueStruct are data symbols of the library. */
#ifndef FERROPY_BOOLOBJECT_H
#define FERROPY_BOOLOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* bool cannot be subclassed, so the exact check is the check. */
#define PyBool_Check(x) Py_IS_TYPE(x, &PyBool_Type)

#define Py_False ((PyObject *) &_Py_FalseStruct)
#define Py_True ((PyObject *) &_Py_TrueStruct)

#define Py_IsTrue(x) Py_Is((x), Py_True)
#define Py_IsFalse(x) Py_Is((x), Py_False)

#define Py_RETURN_TRUE return Py_NewRef(Py_True)
#define Py_RETURN_FALSE return Py_NewRef(Py_False)

#endif /* FERROPY_BOOLOBJECT_H */
