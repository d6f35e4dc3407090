/* Hand-written macros and static inline functions of CPython 3.11's object.h.
 * Declarations come from ferropy_generated.h. */
#ifndef FERROPY_OBJECT_H
#define FERROPY_OBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* Cast helpers of CPython's pyport.h/pymacro.h that the concrete-object headers use
 * (C forms). Guarded so that a fuller definition elsewhere wins. */
#ifndef _Py_CAST
#  define _Py_CAST(type, expr) ((type)(expr))
#endif
#ifndef _Py_STATIC_CAST
#  define _Py_STATIC_CAST(type, expr) ((type)(expr))
#endif
#ifndef _Py_NULL
#  define _Py_NULL NULL
#endif
#ifndef _Py_RVALUE
#  define _Py_RVALUE(EXPR) ((void)0, (EXPR))
#endif

/* FIXME(merge): minimal stand-ins for the object layer (branch abi-object), only so that
 * the concrete-object headers compile on the abi-concrete branch alone. Inert once the
 * real object.h defines PyObject_HEAD; delete this block when merging. */
#ifndef PyObject_HEAD
#  define PyObject_HEAD PyObject ob_base;
#  define PyObject_VAR_HEAD PyVarObject ob_base;
#  define _PyObject_CAST(op) _Py_CAST(PyObject*, (op))
#  define Py_TYPE(ob) (_PyObject_CAST(ob)->ob_type)
#  define Py_REFCNT(ob) (_PyObject_CAST(ob)->ob_refcnt)
#  define Py_SIZE(ob) (_Py_CAST(PyVarObject*, (ob))->ob_size)
#  define Py_IS_TYPE(ob, type) (Py_TYPE(ob) == (type))
#  define PyType_FastSubclass(type, flag) ((void)(type), (flag) != 0)
#  define PyObject_TypeCheck(ob, type) Py_IS_TYPE(ob, type)
#  define PyType_Check(op) ((void)(op), 1)
#  define Py_None ((PyObject *)NULL)
int PyType_IsSubtype(PyTypeObject *, PyTypeObject *);
#  define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#  define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#  define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#  define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#  define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#  define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#  define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#  define METH_STATIC 0x0020
#  define METH_METHOD 0x0200
typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
struct PyMethodDef {
    const char *ml_name;
    PyCFunction ml_meth;
    int ml_flags;
    const char *ml_doc;
};
extern PyTypeObject PyTuple_Type, PyList_Type, PyBytes_Type, PyByteArray_Type,
    PyUnicode_Type, PyCFunction_Type, PyCMethod_Type, PySet_Type, PyFrozenSet_Type,
    PyDict_Type, _PyWeakref_RefType, _PyWeakref_ProxyType, _PyWeakref_CallableProxyType;
#  define PyCFunction_Check(op) PyObject_TypeCheck(op, &PyCFunction_Type)
#endif /* FIXME(merge) stand-ins */

#endif /* FERROPY_OBJECT_H */
