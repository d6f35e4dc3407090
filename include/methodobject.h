/* Hand-written macros of CPython 3.11's methodobject.h. PyMethodDef, the PyCFunction
 * signatures and METH_* are generated (src/object/methods.rs); PyCFunction_Type is a
 * data symbol of the library. */
#ifndef FERROPY_METHODOBJECT_H
#define FERROPY_METHODOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyCFunction_CheckExact(op) Py_IS_TYPE(op, &PyCFunction_Type)
#define PyCFunction_Check(op) PyObject_TypeCheck(op, &PyCFunction_Type)

/* Store any C calling convention in PyMethodDef.ml_meth without a cast warning: go
 * through a generic function pointer type. */
#define _PyCFunction_CAST(func) \
    _Py_CAST(PyCFunction, _Py_CAST(void(*)(void), (func)))

/* Both spellings end in PyCMethod_New with no defining class, as in CPython (the
 * library still exports PyCFunction_New and PyCFunction_NewEx as functions). */
#define PyCFunction_New(ML, SELF) PyCFunction_NewEx((ML), (SELF), NULL)
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03090000
#define PyCFunction_NewEx(ML, SELF, MOD) PyCMethod_New((ML), (SELF), (MOD), NULL)
#endif

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_METHODOBJECT_H
#  include "cpython/methodobject.h"
#  undef Py_CPYTHON_METHODOBJECT_H
#endif

#endif /* FERROPY_METHODOBJECT_H */
