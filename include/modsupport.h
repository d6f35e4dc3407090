/* Hand-written macros of CPython 3.11's modsupport.h. The functions and the API version
 * constants (PYTHON_API_VERSION, PYTHON_ABI_VERSION) come from ferropy_generated.h. */
#ifndef FERROPY_MODSUPPORT_H
#define FERROPY_MODSUPPORT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* With PY_SSIZE_T_CLEAN, `#` formats take Py_ssize_t lengths: calls go to the _SizeT
 * entry points. Because the generated declarations precede this header, the library
 * declares (and exports) both spellings of each. */
#ifdef PY_SSIZE_T_CLEAN
#define PyArg_Parse                     _PyArg_Parse_SizeT
#define PyArg_ParseTuple                _PyArg_ParseTuple_SizeT
#define PyArg_ParseTupleAndKeywords     _PyArg_ParseTupleAndKeywords_SizeT
#define PyArg_VaParse                   _PyArg_VaParse_SizeT
#define PyArg_VaParseTupleAndKeywords   _PyArg_VaParseTupleAndKeywords_SizeT
#define Py_BuildValue                   _Py_BuildValue_SizeT
#define Py_VaBuildValue                 _Py_VaBuildValue_SizeT
#endif

#ifdef __cplusplus
extern "C" {
#endif
/* Variadic: C shims (src/c/modsupport.c) exported from Rust, declared by hand. */
PyObject *Py_BuildValue(const char *, ...);
PyObject *_Py_BuildValue_SizeT(const char *, ...);
PyObject *Py_VaBuildValue(const char *, va_list);
int PyArg_UnpackTuple(PyObject *, const char *, Py_ssize_t, Py_ssize_t, ...);
/* Argument parsing (src/c/getargs.c); with PY_SSIZE_T_CLEAN these declare the _SizeT
 * names (the macros above). */
int PyArg_Parse(PyObject *, const char *, ...);
int PyArg_ParseTuple(PyObject *, const char *, ...);
int PyArg_ParseTupleAndKeywords(PyObject *, PyObject *, const char *, char **, ...);
int PyArg_VaParse(PyObject *, const char *, va_list);
int PyArg_VaParseTupleAndKeywords(PyObject *, PyObject *, const char *, char **, va_list);
#ifndef Py_LIMITED_API
struct _PyArg_Parser;
#ifdef PY_SSIZE_T_CLEAN
#define _PyArg_ParseTupleAndKeywordsFast  _PyArg_ParseTupleAndKeywordsFast_SizeT
#define _PyArg_ParseStack  _PyArg_ParseStack_SizeT
#define _PyArg_ParseStackAndKeywords  _PyArg_ParseStackAndKeywords_SizeT
#define _PyArg_VaParseTupleAndKeywordsFast  _PyArg_VaParseTupleAndKeywordsFast_SizeT
#endif
int _PyArg_UnpackStack(PyObject *const *args, Py_ssize_t nargs, const char *name,
                       Py_ssize_t min, Py_ssize_t max, ...);
int _PyArg_ParseTupleAndKeywordsFast(PyObject *, PyObject *, struct _PyArg_Parser *, ...);
int _PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs, const char *format, ...);
int _PyArg_ParseStackAndKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                 struct _PyArg_Parser *, ...);
int _PyArg_VaParseTupleAndKeywordsFast(PyObject *, PyObject *, struct _PyArg_Parser *, va_list);
#endif
#ifndef Py_LIMITED_API
PyObject *_Py_VaBuildValue_SizeT(const char *, va_list);
/* The top-level values of a format as an argument array: `small_stack` when they fit,
 * else a PyMem_Malloc'ed one (src/c/modsupport.c). */
#ifdef PY_SSIZE_T_CLEAN
#define _Py_VaBuildStack                _Py_VaBuildStack_SizeT
#endif
PyObject **_Py_VaBuildStack(PyObject **small_stack, Py_ssize_t small_stack_len,
                            const char *format, va_list va, Py_ssize_t *p_nargs);
PyObject **_Py_VaBuildStack_SizeT(PyObject **small_stack, Py_ssize_t small_stack_len,
                                  const char *format, va_list va, Py_ssize_t *p_nargs);
#endif
#ifdef __cplusplus
}
#endif

#define ANY_VARARGS(n) (n == PY_SSIZE_T_MAX)

#ifndef Py_LIMITED_API
/* The common cases inline, the errors in the functions of the same names. */
#define _PyArg_NoKeywords(funcname, kwargs) \
    ((kwargs) == NULL || _PyArg_NoKeywords((funcname), (kwargs)))
#define _PyArg_NoKwnames(funcname, kwnames) \
    ((kwnames) == NULL || _PyArg_NoKwnames((funcname), (kwnames)))
#define _PyArg_NoPositional(funcname, args) \
    ((args) == NULL || _PyArg_NoPositional((funcname), (args)))
#define _PyArg_CheckPositional(funcname, nargs, min, max) \
    ((!ANY_VARARGS(max) && (min) <= (nargs) && (nargs) <= (max)) \
     || _PyArg_CheckPositional((funcname), (nargs), (min), (max)))
/* Nothing to bind: the arguments are used in place. */
#define _PyArg_UnpackKeywords(args, nargs, kwargs, kwnames, parser, minpos, maxpos, minkw, buf) \
    (((minkw) == 0 && (kwargs) == NULL && (kwnames) == NULL && \
      (minpos) <= (nargs) && (nargs) <= (maxpos) && args != NULL) ? (args) : \
     _PyArg_UnpackKeywords((args), (nargs), (kwargs), (kwnames), (parser), \
                           (minpos), (maxpos), (minkw), (buf)))
#endif

/* Add a C macro's value to a module under the macro's own name. */
#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant(m, #c, c)
#define PyModule_AddStringMacro(m, c) PyModule_AddStringConstant(m, #c, c)

/* Module creation passes the API version the extension was compiled for. */
#ifdef Py_LIMITED_API
#define PyModule_Create(module) \
        PyModule_Create2(module, PYTHON_ABI_VERSION)
#else
#define PyModule_Create(module) \
        PyModule_Create2(module, PYTHON_API_VERSION)
#endif

#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03050000
#ifdef Py_LIMITED_API
#define PyModule_FromDefAndSpec(module, spec) \
    PyModule_FromDefAndSpec2(module, spec, PYTHON_ABI_VERSION)
#else
#define PyModule_FromDefAndSpec(module, spec) \
    PyModule_FromDefAndSpec2(module, spec, PYTHON_API_VERSION)
#endif
#endif
/* runtime: string forms of PYTHON_API_VERSION and PYTHON_ABI_VERSION (the numbers come
 * from ferropy_generated.h, src/runtime/abi.rs). */
#define PYTHON_API_STRING "1013"
#define PYTHON_ABI_STRING "3"

#endif /* FERROPY_MODSUPPORT_H */
