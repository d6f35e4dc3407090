/* Bound-method accessors (CPython 3.11's cpython/classobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_CLASSOBJECT_H
#define FERROPY_CPYTHON_CLASSOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
#define PyMethod_Check(op) Py_IS_TYPE(op, &PyMethod_Type)
#define PyMethod_GET_FUNCTION(meth) \
        (((PyMethodObject *)meth) -> im_func)
#define PyMethod_GET_SELF(meth) \
        (((PyMethodObject *)meth) -> im_self)

#define PyInstanceMethod_Check(op) Py_IS_TYPE(op, &PyInstanceMethod_Type)
#define PyInstanceMethod_GET_FUNCTION(meth) \
        (((PyInstanceMethodObject *)meth) -> func)
#endif

#endif /* FERROPY_CPYTHON_CLASSOBJECT_H */
