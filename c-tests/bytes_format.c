/* PyBytes_FromFormat(V): every conversion, length modifiers, precision of %s, ignored
 * widths, %c range error, an unknown conversion (rest copied). Expected output: CPython's. */
#include "proto_util.h"
#include <stdarg.h>
#include <string.h>

static PyObject *via_v(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    PyObject *r = PyBytes_FromFormatV(format, ap);
    va_end(ap);
    return r;
}

int main(void)
{
    Py_Initialize();
    show("ints", PyBytes_FromFormat("%d|%i|%u|%ld|%lu|%zd|%zu|%x", -12, 34, 4000000000u, -5000000000L,
                                      18000000000000000000UL, (Py_ssize_t)-7, (size_t)8, 0xbeef));
    show("widths ignored", PyBytes_FromFormat("[%5d][%-3d][%03d][%.3d][%5s]", 42, 7, 5, 9, "ab"));
    show("strings", PyBytes_FromFormat("%s/%.2s/%.10s/%%/%c%c", "hello", "hello", "hi", 'A', 255));
    show("empty", PyBytes_FromFormat("%s", ""));
    show("embedded high", PyBytes_FromFormat("\xff%s", "\xe9"));
    PyObject *p = PyBytes_FromFormat("%p", (void *)0x1234);
    show("pointer", p);
    show("c 256", PyBytes_FromFormat("%c", 256));
    show("c -1", PyBytes_FromFormat("%c", -1));
    const char *unknown = "a%qb %d";
    show("unknown", PyBytes_FromFormat(unknown, 5));
    const char *unknown2 = "x=%d %li";
    show("li unsupported", PyBytes_FromFormat(unknown2, 3, 4L));
    show("V", via_v("%s=%d", "k", 99));
    char many[200] = "";
    for (int i = 0; i < 20; i++)
        strcat(many, "%d,");
    show("many args", PyBytes_FromFormat(many, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                           17, 18, 19));
    Py_FinalizeEx();
    return 0;
}
