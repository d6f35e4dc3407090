/* Exception checks (CPython 3.11 pyerrors.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_PYERRORS_H
#define FERROPY_PYERRORS_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyExceptionClass_Check(x) \
    (PyType_Check((x)) && \
     PyType_FastSubclass((PyTypeObject*)(x), Py_TPFLAGS_BASE_EXC_SUBCLASS))

#define PyExceptionInstance_Check(x) \
    PyType_FastSubclass(Py_TYPE(x), Py_TPFLAGS_BASE_EXC_SUBCLASS)

#define PyExceptionInstance_Class(x) ((PyObject*)Py_TYPE(x))

#define _PyBaseExceptionGroup_Check(x) \
    PyObject_TypeCheck(x, (PyTypeObject *)PyExc_BaseExceptionGroup)

#ifndef Py_LIMITED_API
#  include "cpython/pyerrors.h"
#endif

#endif /* FERROPY_PYERRORS_H */
