/* Hand-written macros and static inline functions of CPython 3.11's abstract.h (the
 * parts of the object layer: the vectorcall argument-count decoding;
 * PY_VECTORCALL_ARGUMENTS_OFFSET itself is generated from src/object/slots.rs). */
#ifndef FERROPY_ABSTRACT_H
#define FERROPY_ABSTRACT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* Deleting an attribute is setting it to NULL (functions only from 3.13 on). */
#define PyObject_DelAttrString(O, A) PyObject_SetAttrString((O), (A), NULL)
#define PyObject_DelAttr(O, A) PyObject_SetAttr((O), (A), NULL)
#ifdef __cplusplus
extern "C" {
#endif
/* Variadic: C shims (src/c/modsupport.c) exported from Rust, declared by hand. With
 * PY_SSIZE_T_CLEAN, `#` lengths in formats are Py_ssize_t (the _SizeT entry points). */
#ifdef PY_SSIZE_T_CLEAN
#  define PyObject_CallFunction _PyObject_CallFunction_SizeT
#  define PyObject_CallMethod _PyObject_CallMethod_SizeT
#endif
PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...);
PyObject *PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...);
PyObject *_PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...);
PyObject *_PyObject_CallMethod_SizeT(PyObject *obj, const char *name, const char *format, ...);
PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...);
PyObject *PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...);
#ifndef Py_LIMITED_API
PyObject *_PyObject_CallMethod(PyObject *obj, PyObject *name, const char *format, ...);
/* The method named by a _Py_Identifier (src/internal_api/identifier.rs). */
#ifdef PY_SSIZE_T_CLEAN
#  define _PyObject_CallMethodId _PyObject_CallMethodId_SizeT
#endif
PyObject *_PyObject_CallMethodId(PyObject *obj, _Py_Identifier *name, const char *format, ...);
PyObject *_PyObject_CallMethodId_SizeT(PyObject *obj, _Py_Identifier *name, const char *format, ...);
PyObject *_PyObject_CallMethodIdObjArgs(PyObject *obj, _Py_Identifier *name, ...);
#endif
#ifdef __cplusplus
}
#endif

#ifndef Py_LIMITED_API
/* Backwards compatibility aliases for API that was provisional in Python 3.8. */
#define _PyObject_Vectorcall PyObject_Vectorcall
#define _PyObject_VectorcallMethod PyObject_VectorcallMethod
#define _PyObject_FastCallDict PyObject_VectorcallDict
#define _PyVectorcall_Function PyVectorcall_Function
#define _PyObject_CallOneArg PyObject_CallOneArg
#define _PyObject_CallMethodNoArgs PyObject_CallMethodNoArgs
#define _PyObject_CallMethodOneArg PyObject_CallMethodOneArg

/* Arrays of at most this many arguments may live on the C stack of a caller. */
#define _PY_FASTCALL_SMALL_STACK 5

/* Call method `name` of `self` with no argument / one argument. */
static inline PyObject *
PyObject_CallMethodNoArgs(PyObject *self, PyObject *name)
{
    size_t nargsf = 1 | PY_VECTORCALL_ARGUMENTS_OFFSET;
    return PyObject_VectorcallMethod(name, &self, nargsf, _Py_NULL);
}

static inline PyObject *
PyObject_CallMethodOneArg(PyObject *self, PyObject *name, PyObject *arg)
{
    PyObject *args[2] = {self, arg};
    size_t nargsf = 2 | PY_VECTORCALL_ARGUMENTS_OFFSET;
    assert(arg != NULL);
    return PyObject_VectorcallMethod(name, args, nargsf, _Py_NULL);
}

/* The same with the method named by a _Py_Identifier (its str is borrowed). */
static inline PyObject *
_PyObject_VectorcallMethodId(_Py_Identifier *name, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyObject *oname = _PyUnicode_FromId(name);
    if (!oname) {
        return _Py_NULL;
    }
    return PyObject_VectorcallMethod(oname, args, nargsf, kwnames);
}

static inline PyObject *
_PyObject_CallMethodIdNoArgs(PyObject *self, _Py_Identifier *name)
{
    size_t nargsf = 1 | PY_VECTORCALL_ARGUMENTS_OFFSET;
    return _PyObject_VectorcallMethodId(name, &self, nargsf, _Py_NULL);
}

static inline PyObject *
_PyObject_CallMethodIdOneArg(PyObject *self, _Py_Identifier *name, PyObject *arg)
{
    PyObject *args[2] = {self, arg};
    size_t nargsf = 2 | PY_VECTORCALL_ARGUMENTS_OFFSET;
    assert(arg != NULL);
    return _PyObject_VectorcallMethodId(name, args, nargsf, _Py_NULL);
}
#endif

#ifndef Py_LIMITED_API
/* The positional argument count of a vectorcall's `nargsf`. */
static inline Py_ssize_t
PyVectorcall_NARGS(size_t n)
{
    return n & ~PY_VECTORCALL_ARGUMENTS_OFFSET;
}
#endif

/* The sequence and mapping protocols' macros (CPython 3.11's abstract.h and
 * cpython/abstract.h). The *_Length names are also functions, for the ABI. */
#define PyObject_Length PyObject_Size
#define PySequence_Length PySequence_Size
#define PyMapping_Length PyMapping_Size
#define PyMapping_DelItemString(O, K) PyObject_DelItemString((O), (K))
#define PyMapping_DelItem(O, K) PyObject_DelItem((O), (K))

#ifndef Py_LIMITED_API
/* On the result of PySequence_Fast (a list or a tuple), without checks. */
#define PySequence_Fast_GET_SIZE(o) \
    (PyList_Check(o) ? PyList_GET_SIZE(o) : PyTuple_GET_SIZE(o))
#define PySequence_Fast_GET_ITEM(o, i) \
    (PyList_Check(o) ? PyList_GET_ITEM((o), (i)) : PyTuple_GET_ITEM((o), (i)))
#define PySequence_Fast_ITEMS(sf) \
    (PyList_Check(sf) ? ((PyListObject *)(sf))->ob_item \
                      : ((PyTupleObject *)(sf))->ob_item)
/* Item i of a sequence, without checks: sq_item must exist and i must be non-negative. */
#define PySequence_ITEM(o, i) ( Py_TYPE(o)->tp_as_sequence->sq_item((o), (i)) )
#endif

#endif /* FERROPY_ABSTRACT_H */
