/* PyUnicode_FromFormat(V) with every 3.11 conversion, width, precision and the 0 flag,
 * unknown conversions (the rest is copied), errors (%c out of range), and PyErr_Format /
 * PyErr_FormatV values. Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdarg.h>
#include <stdio.h>

static void put_str(PyObject *s)
{
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(s); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
        if (c < 0x80) putchar((int)c);
        else printf("\\u{%x}", (unsigned)c);
    }
}

static void show(const char *label, PyObject *s)
{
    printf("%-28s ", label);
    if (s == NULL) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        printf("NULL %s: ", ((PyTypeObject *)t)->tp_name);
        if (v && PyUnicode_Check(v)) put_str(v);
        printf("\n");
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
        return;
    }
    printf("len %zd [", PyUnicode_GET_LENGTH(s));
    put_str(s);
    printf("]\n");
    Py_DECREF(s);
}

#define F(...) show(#__VA_ARGS__, PyUnicode_FromFormat(__VA_ARGS__))

static PyObject *via_v(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    PyObject *r = PyUnicode_FromFormatV(format, ap);
    va_end(ap);
    return r;
}

static PyObject *err_v(PyObject *exc, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    PyObject *r = PyErr_FormatV(exc, format, ap);
    va_end(ap);
    return r;
}

int main(void)
{
    Py_Initialize();
    PyObject *u = PyUnicode_FromString("h\xc3\xa9llo");
    PyObject *ab = PyUnicode_FromString("ab");
    PyObject *q = PyUnicode_FromString("it's");
    PyObject *big = PyUnicode_FromString("\xf0\x9f\x98\x80 \xe2\x82\xac");

    F("plain text");
    F("");
    F("%%");
    F("100%% sure");
    F("%c%c%c", 'a', 0xe9, 0x20ac);
    F("%c", 0x1F600);
    F("%c", 0x110000);
    F("%c", -1);
    F("%d %i %u", -42, -7, 42u);
    F("%ld %li %lu", -1234567890123L, 5L, 18446744073709551615UL);
    F("%lld %lli %llu", -9223372036854775807LL - 1, 3LL, 18446744073709551615ULL);
    F("%zd %zi %zu", (Py_ssize_t)-5, (Py_ssize_t)6, (size_t)7);
    F("%x %x", 255, -1);
    F("[%5d] [%-5d]", 42, 42);
    F("[%05d] [%.5d] [%5.3d] [%05.3d]", 42, 42, -42, -42);
    F("[%.1d] [%3x] [%03x] [%.4x]", 12345, 10, 10, 10);
    F("[%10ld] [%010zd] [%.12llu]", 123456L, (Py_ssize_t)-9, 77ULL);
    F("%p", (void *)0x1234);
    F("%p", (void *)NULL);
    F("[%20p]", (void *)0xabc);
    F("%s", "utf-8 caf\xc3\xa9");
    F("%s", "bad \xff byte");
    F("[%10s] [%.2s] [%5.1s] [%.0s] [%05s]", "abc", "abc", "abc", "abc", "ab");
    F("[%.4s]", "caf\xc3\xa9");
    F("[%.3s]", "\xe2\x82\xac\xe2\x82\xac");
    F("%U|%5U|%.2U|%8.3U", u, ab, u, u);
    F("%V|%V", (PyObject *)NULL, "c-string", ab, "ignored");
    F("[%6V] [%.1V]", (PyObject *)NULL, "xy", u, "z");
    F("%S|%R|%A", u, u, u);
    F("%S|%R|%A", q, q, big);
    F("%R %R %R", Py_None, Py_True, Py_False);
    F("[%10R] [%.3R] [%8.4A]", ab, ab, big);
    F("%S", (PyObject *)NULL);
    F("%R", (PyObject *)NULL);
    F("%-10s|", "x");
    F("%lx %d", 255L, 1);
    F("%y rest %d", 1);
    F("tail %");
    F("%5%|%05%|");
    F("%l");
    F("%zq %d", 3);
    F("mixed %s=%d (%R) [%c] %%", "key", 99, ab, 'Z');
    show("FromFormatV", via_v("%s-%d-%U-%zd", "v", 1, ab, (Py_ssize_t)2));
    show("FromFormatV many", via_v("%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d %s", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                                   11, 12, 13, 14, 15, 16, 17, 18, 19, 20, "end"));

    PyObject *r = PyErr_Format(PyExc_ValueError, "invalid literal: %R (%s)", ab, "detail");
    printf("PyErr_Format returned %p\n", (void *)r);
    show("error value", NULL);
    r = err_v(PyExc_KeyError, "%d-%d", 1, 2);
    printf("PyErr_FormatV returned %p\n", (void *)r);
    show("error value", NULL);
    PyErr_SetString(PyExc_RuntimeError, "previous");
    PyErr_Format(PyExc_TypeError, "replaces %s", "the previous one");
    show("error value", NULL);
    PyErr_Format(PyExc_TypeError, "bad char %c", 0x7fffffff);
    {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        printf("failed format: type %s value %s\n", ((PyTypeObject *)t)->tp_name, v ? "set" : "NULL");
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
    }

    Py_DECREF(u);
    Py_DECREF(ab);
    Py_DECREF(q);
    Py_DECREF(big);
    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
