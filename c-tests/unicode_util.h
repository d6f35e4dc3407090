/* Helpers of the unicode_* tests: build a str from UTF-8, call a method on it and print
 * ascii() of the result (so non-ASCII output prints the same everywhere), or the error. */
#ifndef UNICODE_UTIL_H
#define UNICODE_UTIL_H
#include "testutil.h"

/* Prints "label: Type: str(exception)" (non-ASCII escaped) and clears the error. */
static void print_exc(const char *label)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        printf("%s: no error\n", label);
        return;
    }
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *text = v ? PyObject_Str(v) : NULL;
    PyObject *a = text ? PyObject_ASCII(text) : NULL;
    printf("%s: %s: %s\n", label, ((PyTypeObject *)t)->tp_name,
           a ? (const char *)PyUnicode_DATA(a) : "<no str>");
    PyErr_Clear();
    Py_XDECREF(a);
    Py_XDECREF(text);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

/* Prints "label: ascii(r)" or the error; steals r. */
static void show_ascii(const char *label, PyObject *r)
{
    if (r == NULL) {
        print_exc(label);
        return;
    }
    PyObject *a = PyObject_ASCII(r);
    if (a == NULL)
        print_exc(label);
    else
        printf("%s: %s\n", label, (const char *)PyUnicode_DATA(a));
    Py_XDECREF(a);
    Py_DECREF(r);
}

/* A new str from UTF-8 text (aborts the test when that fails). */
static PyObject *ustr(const char *utf8)
{
    PyObject *s = PyUnicode_FromString(utf8);
    if (s == NULL) {
        print_error("PyUnicode_FromString");
        exit(1);
    }
    return s;
}

/* Calls text.method() with no arguments and prints the result. */
static void call0(const char *text, const char *method)
{
    char label[160];
    PyObject *s = ustr(text);
    snprintf(label, sizeof label, "%s(%s)", method, text);
    show_ascii(label, PyObject_CallMethod(s, method, NULL));
    Py_DECREF(s);
}

/* Calls text.method(*args) (args a tuple, stolen) and prints the result under `label`. */
static void calln(const char *label, const char *text, const char *method, PyObject *args)
{
    PyObject *s = ustr(text);
    PyObject *m = PyObject_GetAttrString(s, method);
    if (m == NULL || args == NULL) {
        print_error(label);
    } else {
        show_ascii(label, PyObject_Call(m, args, NULL));
    }
    Py_XDECREF(m);
    Py_XDECREF(args);
    Py_DECREF(s);
}

#endif
