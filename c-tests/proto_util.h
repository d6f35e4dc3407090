/* Helpers shared by the proto_* and containers_* tests, on top of testutil.h (the helpers of
 * all the tests): print an object (repr or str) and the pending exception as "Type: message".
 * SystemError messages are left out: CPython's name its C source file and line. */
#ifndef PROTO_UTIL_H
#define PROTO_UTIL_H
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void show_err(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        printf("%s: no error\n", what);
        return;
    }
    printf("%s: %s", what, ((PyTypeObject *)t)->tp_name);
    if (v != NULL && t != PyExc_SystemError) {
        PyObject *s = PyObject_Str(v);
        printf(": ");
        if (s != NULL) {
            PyObject_Print(s, stdout, Py_PRINT_RAW);
            Py_DECREF(s);
        } else {
            PyErr_Clear();
        }
    }
    printf("\n");
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

/* Prints "label: repr(o)" or the error when o is NULL; steals o. */
static void show(const char *label, PyObject *o)
{
    if (o == NULL) {
        show_err(label);
        return;
    }
    printf("%s: ", label);
    if (PyObject_Print(o, stdout, 0) < 0)
        show_err(" print failed");
    printf("\n");
    Py_DECREF(o);
}

/* Prints "label: N" or the error when N is -1 with an exception set. */
static void show_int(const char *label, long long n)
{
    if (n == -1 && PyErr_Occurred()) {
        show_err(label);
        return;
    }
    printf("%s: %lld\n", label, n);
}

static PyObject *S(const char *utf8) { return PyUnicode_FromString(utf8); }

/* A list of strs from "a,b,c" (up to 511 characters). */
static PyObject *strs(const char *csv)
{
    PyObject *l = PyList_New(0);
    char buf[512];
    snprintf(buf, sizeof buf, "%s", csv);
    for (char *p = strtok(buf, ","); p; p = strtok(NULL, ",")) {
        PyObject *s = S(p);
        PyList_Append(l, s);
        Py_DECREF(s);
    }
    return l;
}

#endif
