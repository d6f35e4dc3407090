/* The variadic and va_list entry points of formatted strings and errors:
 * PyUnicode_FromFormat(V), PyErr_Format(V), PyErr_WarnFormat, PyErr_ResourceWarning,
 * PyErr_WarnExplicitFormat, _PyErr_FormatFromCause, _Py_FatalErrorFormat. The C part only pulls the arguments out of the va_list, in
 * the order the format string asks for them, into a plain array; the formatting itself is
 * Rust (src/objects/unicode_format.rs), which walks the same format with the same rules:
 * keep the two walks in step. Exported through the trampolines in src/c_entry.rs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct _object PyObject;
typedef long Py_ssize_t;

/* One argument, as the conversion reads it. */
typedef union {
    long long i;
    unsigned long long u;
    const void *p;
} ferropy_fmt_arg;

/* The Rust side, filled in by Rust when the library is loaded (src/objects/unicode_format.rs):
 * function pointers rather than symbols, so that no non-CPython name is exported. */
struct ferropy_format_callbacks {
    /* The formatted str, or NULL with an exception set (format NULL: MemoryError). */
    PyObject *(*unicode_from_format)(const char *format, const ferropy_fmt_arg *args, size_t nargs);
    /* Warn with a str message (steals it; NULL: return -1 with the error kept). */
    int (*warn_message)(PyObject *category, PyObject *message, Py_ssize_t stack_level, PyObject *source,
                        int resource);
    int (*warn_explicit_message)(PyObject *category, PyObject *message, const char *filename, int lineno,
                                 const char *module, PyObject *registry);
    /* Makes the fetched exception (stolen) the cause and context of the pending one. */
    void (*chain_cause)(PyObject *type, PyObject *value, PyObject *traceback);
};
struct ferropy_format_callbacks ferropy_c_format_callbacks;
#define ferropy_rust_unicode_from_format ferropy_c_format_callbacks.unicode_from_format
#define ferropy_rust_warn_message ferropy_c_format_callbacks.warn_message
#define ferropy_rust_warn_explicit_message ferropy_c_format_callbacks.warn_explicit_message
#define ferropy_rust_chain_cause ferropy_c_format_callbacks.chain_cause

void PyErr_Clear(void);
void PyErr_Fetch(PyObject **, PyObject **, PyObject **);
void _Py_FatalErrorFunc(const char *func, const char *message);
void PyErr_SetObject(PyObject *, PyObject *);
void Py_DecRef(PyObject *);

static int is_digit(char c) { return c >= '0' && c <= '9'; }

PyObject *ferropy_c_PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    size_t cap = 0;
    for (const char *f = format; *f; f++)
        if (*f == '%')
            cap += 2; /* %V takes two arguments */
    ferropy_fmt_arg small[16];
    ferropy_fmt_arg *args = cap <= 16 ? small : malloc(cap * sizeof *args);
    if (args == NULL)
        return ferropy_rust_unicode_from_format(NULL, NULL, 0);
    va_list ap;
    va_copy(ap, vargs);
    size_t n = 0;
    const char *f = format;
    while (*f) {
        if (*f++ != '%')
            continue;
        if (*f == '0')
            f++;
        while (is_digit(*f))
            f++;
        if (*f == '.') {
            f++;
            while (is_digit(*f))
                f++;
        }
        if (*f == '%') {
            f++;
            continue;
        }
        /* 0: int, 1: long, 2: long long, 3: size_t; only before d, u, i. */
        int size = 0;
        if (*f == 'l' && (f[1] == 'd' || f[1] == 'u' || f[1] == 'i')) {
            size = 1;
            f++;
        } else if (*f == 'l' && f[1] == 'l' && (f[2] == 'd' || f[2] == 'u' || f[2] == 'i')) {
            size = 2;
            f += 2;
        } else if (*f == 'z' && (f[1] == 'd' || f[1] == 'u' || f[1] == 'i')) {
            size = 3;
            f++;
        }
        switch (*f) {
        case 'c':
            args[n++].i = va_arg(ap, int);
            break;
        case 'd':
        case 'i':
            args[n++].i = size == 0 ? va_arg(ap, int)
                        : size == 1 ? va_arg(ap, long)
                        : size == 2 ? va_arg(ap, long long)
                        : (long long)va_arg(ap, Py_ssize_t);
            break;
        case 'u':
            args[n++].u = size == 0 ? va_arg(ap, unsigned int)
                        : size == 1 ? va_arg(ap, unsigned long)
                        : size == 2 ? va_arg(ap, unsigned long long)
                        : (unsigned long long)va_arg(ap, size_t);
            break;
        case 'x':
            args[n++].u = (unsigned int)va_arg(ap, int);
            break;
        case 'p':
        case 's':
        case 'U':
        case 'S':
        case 'R':
        case 'A':
            args[n++].p = va_arg(ap, const void *);
            break;
        case 'V':
            args[n++].p = va_arg(ap, const void *);
            args[n++].p = va_arg(ap, const void *);
            break;
        default:
            /* An unknown conversion: the rest of the format is copied as it is. */
            goto done;
        }
        f++;
    }
done:
    va_end(ap);
    PyObject *result = ferropy_rust_unicode_from_format(format, args, n);
    if (args != small)
        free(args);
    return result;
}

PyObject *ferropy_c_PyUnicode_FromFormat(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    PyObject *result = ferropy_c_PyUnicode_FromFormatV(format, ap);
    va_end(ap);
    return result;
}

/* The error's value is the formatted message; when formatting fails, its error stays. */
PyObject *ferropy_c_PyErr_FormatV(PyObject *exception, const char *format, va_list vargs)
{
    PyErr_Clear();
    PyObject *message = ferropy_c_PyUnicode_FromFormatV(format, vargs);
    if (message != NULL) {
        PyErr_SetObject(exception, message);
        Py_DecRef(message);
    }
    return NULL;
}

PyObject *ferropy_c_PyErr_Format(PyObject *exception, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    ferropy_c_PyErr_FormatV(exception, format, ap);
    va_end(ap);
    return NULL;
}

int ferropy_c_PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    PyObject *message = ferropy_c_PyUnicode_FromFormatV(format, ap);
    va_end(ap);
    return ferropy_rust_warn_message(category, message, stack_level, NULL, 0);
}

int ferropy_c_PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    PyObject *message = ferropy_c_PyUnicode_FromFormatV(format, ap);
    va_end(ap);
    return ferropy_rust_warn_message(NULL, message, stack_level, source, 1);
}

int ferropy_c_PyErr_WarnExplicitFormat(PyObject *category, const char *filename, int lineno, const char *module,
                                       PyObject *registry, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    PyObject *message = ferropy_c_PyUnicode_FromFormatV(format, ap);
    va_end(ap);
    return ferropy_rust_warn_explicit_message(category, message, filename, lineno, module, registry);
}

/* The new error, formatted as PyErr_Format does, with the pending one as its __cause__. */
PyObject *ferropy_c__PyErr_FormatFromCause(PyObject *exception, const char *format, ...)
{
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    va_list ap;
    va_start(ap, format);
    ferropy_c_PyErr_FormatV(exception, format, ap);
    va_end(ap);
    ferropy_rust_chain_cause(type, value, traceback);
    return NULL;
}

/* A fatal error whose message is C printf-formatted (as CPython's). */
void ferropy_c__Py_FatalErrorFormat(const char *func, const char *format, ...)
{
    char message[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(message, sizeof message, format, ap);
    va_end(ap);
    _Py_FatalErrorFunc(func, message);
}
