/* Helpers of the str_* tests, on top of proto_util.h: the pending error with SystemError
 * messages shown too (CPython prefixes PyErr_BadInternalCall's with its source file and
 * line, so that one is shown as its last words), code points, and the C-API results. */
#ifndef STR_UTIL_H
#define STR_UTIL_H
#include "proto_util.h"

/* Prints "label: Type: str(value)" (or "label: no error") and clears the error. */
static void err(const char *label)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    if (t == NULL) {
        printf("%s: no error\n", label);
        return;
    }
    printf("%s: %s: ", label, ((PyTypeObject *)t)->tp_name);
    PyObject *s = v ? PyObject_Str(v) : NULL;
    if (s) {
        const char *u = PyUnicode_AsUTF8(s);
        const char *bad = u ? strstr(u, "bad argument to internal function") : NULL;
        printf("%s", bad ? bad : u ? u : "<unprintable>");
        Py_DECREF(s);
    }
    PyErr_Clear();
    printf("\n");
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

/* Prints "label: " then the code points of a str as U+XXXX (kind and length first), or the
 * error when s is NULL; steals s. */
static void cps(const char *label, PyObject *s)
{
    if (s == NULL) {
        err(label);
        return;
    }
    printf("%s: len %zd kind %d ascii %d [", label, PyUnicode_GET_LENGTH(s), (int)PyUnicode_KIND(s),
           (int)PyUnicode_IS_ASCII(s));
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(s); i++)
        printf("%s%X", i ? " " : "", (unsigned)PyUnicode_READ_CHAR(s, i));
    printf("]\n");
    Py_DECREF(s);
}

/* Prints "label: repr" (UTF-8) or the error; steals o. */
static void rep(const char *label, PyObject *o)
{
    if (o == NULL) {
        err(label);
        return;
    }
    PyObject *r = PyObject_Repr(o);
    Py_DECREF(o);
    if (r == NULL) {
        err(label);
        return;
    }
    printf("%s: %s\n", label, PyUnicode_AsUTF8(r));
    Py_DECREF(r);
}

/* Prints "label: n" or the error when n is -1 with an exception set. */
static void num(const char *label, Py_ssize_t n)
{
    if (n == -1 && PyErr_Occurred()) {
        err(label);
        return;
    }
    printf("%s: %zd\n", label, n);
}

#endif
