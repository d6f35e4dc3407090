/* The non-limited part of methodobject.h (CPython's cpython/methodobject.h): fast
 * accessors of builtin function objects. PyCFunctionObject and PyCMethodObject are
 * generated with the function objects (not in this header's area), so the accessors are
 * macros that only need those structs where they are used; each evaluates its argument
 * once, like CPython's inline functions. */
#ifndef Py_CPYTHON_METHODOBJECT_H
#  error "this header file must not be included directly"
#endif
#ifndef FERROPY_CPYTHON_METHODOBJECT_H
#define FERROPY_CPYTHON_METHODOBJECT_H

#define _PyCFunctionObject_CAST(func) \
    (assert(PyCFunction_Check(func)), \
     _Py_CAST(PyCFunctionObject*, (func)))

#define _PyCMethodObject_CAST(func) \
    (assert(PyCMethod_Check(func)), \
     _Py_CAST(PyCMethodObject*, (func)))

#define PyCMethod_CheckExact(op) Py_IS_TYPE(op, &PyCMethod_Type)
#define PyCMethod_Check(op) PyObject_TypeCheck(op, &PyCMethod_Type)

/* No type checks: the caller knows `func` is a builtin function object. */
#define PyCFunction_GET_FUNCTION(func) \
    (_PyCFunctionObject_CAST(func)->m_ml->ml_meth)

/* NULL for METH_STATIC functions, whose m_self is not passed. */
#define PyCFunction_GET_SELF(func) __extension__ ({                         \
        PyCFunctionObject *_py_cf = _PyCFunctionObject_CAST(func);         \
        (_py_cf->m_ml->ml_flags & METH_STATIC) ? _Py_NULL : _py_cf->m_self; \
    })

#define PyCFunction_GET_FLAGS(func) \
    (_PyCFunctionObject_CAST(func)->m_ml->ml_flags)

/* The defining class of a METH_METHOD function, else NULL. */
#define PyCFunction_GET_CLASS(func) __extension__ ({                        \
        PyCFunctionObject *_py_cf = _PyCFunctionObject_CAST(func);         \
        (_py_cf->m_ml->ml_flags & METH_METHOD)                             \
            ? _PyCMethodObject_CAST(_py_cf)->mm_class                      \
            : (PyTypeObject *)_Py_NULL;                                    \
    })

#endif /* FERROPY_CPYTHON_METHODOBJECT_H */
