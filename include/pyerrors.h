/* Exception checks (CPython 3.11 pyerrors.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_PYERRORS_H
#define FERROPY_PYERRORS_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* Variadic and va_list functions are implemented in C (src/c/) and exported through
 * trampolines (src/c_entry.rs); cbindgen cannot see them, so they are declared here. */
#ifdef __cplusplus
extern "C" {
#endif
int PyOS_snprintf(char *str, size_t size, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
int PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va)
    __attribute__((format(printf, 3, 0)));
/* Not printf-checked: %U, %S, %R, %A and %V are not printf's (as in CPython). */
PyObject *PyErr_Format(PyObject *exception, const char *format, ...);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03050000
PyObject *PyErr_FormatV(PyObject *exception, const char *format, va_list vargs);
#endif
#ifdef __cplusplus
}
#endif

#define PyExceptionClass_Check(x) \
    (PyType_Check((x)) && \
     PyType_FastSubclass((PyTypeObject*)(x), Py_TPFLAGS_BASE_EXC_SUBCLASS))

#define PyExceptionInstance_Check(x) \
    PyType_FastSubclass(Py_TYPE(x), Py_TPFLAGS_BASE_EXC_SUBCLASS)

#define PyExceptionInstance_Class(x) ((PyObject*)Py_TYPE(x))

/* Mask the old API with a call to the new API, as CPython's header does (both are exported). */
#define PyErr_BadInternalCall() _PyErr_BadInternalCall(__FILE__, __LINE__)

#define _PyBaseExceptionGroup_Check(x) \
    PyObject_TypeCheck(x, (PyTypeObject *)PyExc_BaseExceptionGroup)

#ifndef Py_LIMITED_API
#  include "cpython/pyerrors.h"
#endif

#endif /* FERROPY_PYERRORS_H */
