/* CPython 3.11's sysmodule.h: the variadic PySys_* functions (C shims, src/c/sys_write.c);
 * the other declarations come from ferropy_generated.h. */
#ifndef Py_SYSMODULE_H
#define Py_SYSMODULE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif
#ifdef __cplusplus
extern "C" {
#endif

void PySys_WriteStdout(const char *format, ...) Py_GCC_ATTRIBUTE((format(printf, 1, 2)));
void PySys_WriteStderr(const char *format, ...) Py_GCC_ATTRIBUTE((format(printf, 1, 2)));
/* Not printf-checked: %U, %S, %R, %A and %V are not printf's (as in CPython). */
void PySys_FormatStdout(const char *format, ...);
void PySys_FormatStderr(const char *format, ...);
#ifndef Py_LIMITED_API
int PySys_Audit(const char *event, const char *argFormat, ...);
#endif

#ifdef __cplusplus
}
#endif
#endif /* Py_SYSMODULE_H */
