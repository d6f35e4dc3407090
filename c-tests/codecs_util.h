/* Helpers of the codecs_* tests: printing bytes in hex, strs as code points, and codec
 * exceptions with their start/end/reason fields. */
#ifndef CODECS_UTIL_H
#define CODECS_UTIL_H
#include "testutil.h"

/* Writes bytes as hex pairs. */
static void put_hex(PyObject *b)
{
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(b);
    for (Py_ssize_t i = 0; i < PyBytes_GET_SIZE(b); i++)
        printf("%02x", p[i]);
}

/* Writes a str as its code points in hex, space-separated, in brackets. */
static void put_points(PyObject *s)
{
    putchar('[');
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(s); i++)
        printf(i ? " %x" : "%x", (unsigned)PyUnicode_READ_CHAR(s, i));
    putchar(']');
}

/* Prints the pending exception: type, str(), and for Unicode errors start/end/reason;
 * clears it. */
static void put_codec_error(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) { printf("<no error>"); return; }
    PyErr_NormalizeException(&t, &v, &tb);
    printf("%s: ", ((PyTypeObject *)t)->tp_name);
    PyObject *s = PyObject_Str(v);
    if (s) { print_text(s); Py_DECREF(s); } else PyErr_Clear();
    Py_ssize_t start = -1, end = -1;
    PyObject *reason = NULL;
    if (PyObject_TypeCheck(v, (PyTypeObject *)PyExc_UnicodeEncodeError)) {
        PyUnicodeEncodeError_GetStart(v, &start);
        PyUnicodeEncodeError_GetEnd(v, &end);
        reason = PyUnicodeEncodeError_GetReason(v);
    } else if (PyObject_TypeCheck(v, (PyTypeObject *)PyExc_UnicodeDecodeError)) {
        PyUnicodeDecodeError_GetStart(v, &start);
        PyUnicodeDecodeError_GetEnd(v, &end);
        reason = PyUnicodeDecodeError_GetReason(v);
    }
    if (reason) {
        printf(" {start=%zd end=%zd reason=", start, end);
        print_text(reason);
        printf("}");
        Py_DECREF(reason);
    }
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

/* Prints bytes (hex), a str (code points), another object (repr) or the error; steals r. */
static void put_result(PyObject *r)
{
    if (r == NULL) put_codec_error();
    else if (PyBytes_Check(r)) put_hex(r);
    else if (PyUnicode_Check(r)) put_points(r);
    else put(r);
    Py_XDECREF(r);
}

/* A str of the given code points (lone surrogates allowed), through UTF-32 surrogatepass. */
static PyObject *make_text(const Py_UCS4 *cps, Py_ssize_t n)
{
    int bo = -1;
    return PyUnicode_DecodeUTF32((const char *)cps, n * 4, "surrogatepass", &bo);
}
#endif
