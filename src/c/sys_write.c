/* The variadic PySys_* entry points: PySys_WriteStdout/WriteStderr (printf formats into
 * CPython's 1001-byte buffer, "... truncated" after a longer text), PySys_FormatStdout/
 * FormatStderr (PyUnicode_FromFormat formats) and PySys_Audit (Py_BuildValue formats). C
 * only formats or builds; the Rust side (src/modules/sys_stdio.rs, sys_audit.rs) writes to
 * sys.stdout/sys.stderr or runs the hooks. Exported through the trampolines in
 * src/c_entry.rs. */
#include <stdarg.h>
#include <stddef.h>

typedef struct _object PyObject;

/* C-API functions (Rust) and the other shims (C). */
void PyErr_Fetch(PyObject **, PyObject **, PyObject **);
int ferropy_c_PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va);
PyObject *ferropy_c_PyUnicode_FromFormatV(const char *format, va_list vargs);
PyObject *ferropy_c__Py_VaBuildValue_SizeT(const char *format, va_list va);
/* Rust. */
void _ferropy_sys_write(int which, const char *text, int truncated);
void _ferropy_sys_format(int which, PyObject *message, PyObject **saved);
int _ferropy_sys_should_audit(const char *event);
int _ferropy_sys_audit(const char *event, PyObject *args, int had_format, PyObject **saved);

static void sys_write(int which, const char *format, va_list va)
{
    char buffer[1001];
    int written = ferropy_c_PyOS_vsnprintf(buffer, sizeof buffer, format, va);
    _ferropy_sys_write(which, buffer, written < 0 || (size_t)written >= sizeof buffer);
}

void ferropy_c_PySys_WriteStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_write(1, format, va);
    va_end(va);
}

void ferropy_c_PySys_WriteStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_write(2, format, va);
    va_end(va);
}

static void sys_format(int which, const char *format, va_list va)
{
    PyObject *saved[3];
    PyErr_Fetch(&saved[0], &saved[1], &saved[2]);
    PyObject *message = ferropy_c_PyUnicode_FromFormatV(format, va);
    _ferropy_sys_format(which, message, saved);
}

void ferropy_c_PySys_FormatStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format(1, format, va);
    va_end(va);
}

void ferropy_c_PySys_FormatStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format(2, format, va);
    va_end(va);
}

int ferropy_c_PySys_Audit(const char *event, const char *format, ...)
{
    if (!_ferropy_sys_should_audit(event))
        return 0;
    PyObject *saved[3];
    PyErr_Fetch(&saved[0], &saved[1], &saved[2]);
    PyObject *args = NULL;
    int had_format = format != NULL && format[0] != '\0';
    if (had_format) {
        va_list va;
        va_start(va, format);
        args = ferropy_c__Py_VaBuildValue_SizeT(format, va);
        va_end(va);
    }
    return _ferropy_sys_audit(event, args, had_format, saved);
}
