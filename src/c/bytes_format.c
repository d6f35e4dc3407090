/* The variadic and va_list entry points of PyBytes_FromFormat(V). As for
 * PyUnicode_FromFormat (errors_format.c), C only pulls the arguments out of the va_list in
 * the order the format asks for them; the formatting is Rust (src/objects/bytes_format.rs),
 * which walks the format with the same rules: keep the two walks in step. Exported through
 * the trampolines in src/c_entry.rs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

typedef struct _object PyObject;
typedef long Py_ssize_t;

typedef union {
    long long i;
    unsigned long long u;
    const void *p;
} ferropy_bytes_fmt_arg;

/* Filled by Rust when the library is loaded: the formatted bytes, or NULL with an
 * exception set (format NULL: MemoryError). */
struct ferropy_bytes_format_callbacks {
    PyObject *(*bytes_from_format)(const char *format, const ferropy_bytes_fmt_arg *args, size_t nargs);
};
struct ferropy_bytes_format_callbacks ferropy_c_bytes_format_callbacks;

static int is_digit(char c) { return c >= '0' && c <= '9'; }

PyObject *ferropy_c_PyBytes_FromFormatV(const char *format, va_list vargs)
{
    size_t cap = 0;
    for (const char *f = format; *f; f++)
        if (*f == '%')
            cap++;
    ferropy_bytes_fmt_arg small[16];
    ferropy_bytes_fmt_arg *args = cap <= 16 ? small : malloc(cap * sizeof *args);
    if (args == NULL)
        return ferropy_c_bytes_format_callbacks.bytes_from_format(NULL, NULL, 0);
    va_list ap;
    va_copy(ap, vargs);
    size_t n = 0;
    const char *f = format;
    while (*f) {
        if (*f++ != '%')
            continue;
        /* Width and precision digits (the width is ignored, as in CPython). */
        while (is_digit(*f) || *f == '-')
            f++;
        if (*f == '.') {
            f++;
            while (is_digit(*f))
                f++;
        }
        /* 0: int, 1: long, 3: size_t; only before d and u. */
        int size = 0;
        if (*f == 'l' && (f[1] == 'd' || f[1] == 'u')) {
            size = 1;
            f++;
        } else if (*f == 'z' && (f[1] == 'd' || f[1] == 'u')) {
            size = 3;
            f++;
        }
        switch (*f) {
        case 'c':
        case 'i':
        case 'x':
            args[n++].i = va_arg(ap, int);
            break;
        case 'd':
            args[n++].i = size == 0 ? va_arg(ap, int) : size == 1 ? va_arg(ap, long) : (long long)va_arg(ap, Py_ssize_t);
            break;
        case 'u':
            args[n++].u = size == 0 ? va_arg(ap, unsigned int)
                        : size == 1 ? va_arg(ap, unsigned long)
                        : (unsigned long long)va_arg(ap, size_t);
            break;
        case 's':
        case 'p':
            args[n++].p = va_arg(ap, const void *);
            break;
        case '%':
            break;
        default:
            /* An unknown conversion: the rest of the format is copied as it is. */
            goto done;
        }
        f++;
    }
done:
    va_end(ap);
    PyObject *result = ferropy_c_bytes_format_callbacks.bytes_from_format(format, args, n);
    if (args != small)
        free(args);
    return result;
}

PyObject *ferropy_c_PyBytes_FromFormat(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    PyObject *result = ferropy_c_PyBytes_FromFormatV(format, ap);
    va_end(ap);
    return result;
}
