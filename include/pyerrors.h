/* Hand-written macros and static inline functions of CPython 3.11's pyerrors.h.
 * Declarations come from ferropy_generated.h. */
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
#ifdef __cplusplus
}
#endif

#endif /* FERROPY_PYERRORS_H */
