/* Float checks and return helpers (CPython 3.11's floatobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_FLOATOBJECT_H
#define FERROPY_FLOATOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyFloat_Check(op) PyObject_TypeCheck(op, &PyFloat_Type)
#define PyFloat_CheckExact(op) Py_IS_TYPE(op, &PyFloat_Type)

#define Py_RETURN_NAN return PyFloat_FromDouble(Py_NAN)

#define Py_RETURN_INF(sign)                          \
    do {                                             \
        if (copysign(1., sign) == 1.) {              \
            return PyFloat_FromDouble(Py_HUGE_VAL);  \
        }                                            \
        else {                                       \
            return PyFloat_FromDouble(-Py_HUGE_VAL); \
        }                                            \
    } while(0)

#ifndef Py_LIMITED_API
#  include "cpython/floatobject.h"
#endif

#endif /* FERROPY_FLOATOBJECT_H */
