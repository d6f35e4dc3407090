/* Helpers shared by the C tests: printing objects and the pending exception. Every helper is
 * `static`, so a test includes this header and uses what it needs (the runner builds with
 * -Wno-unused-function). They read strings through PyUnicode_AsUTF8 and the PEP 393 macros,
 * so the header needs the full API: under Py_LIMITED_API it is empty. */
#ifndef TESTUTIL_H
#define TESTUTIL_H
#include <Python.h>
#include <stdio.h>
#include <string.h>

#ifndef Py_LIMITED_API

/* The UTF-8 of a str, or "<unencodable>" (lone surrogates; the error is cleared). */
static const char *utf8_text(PyObject *s)
{
    const char *u = PyUnicode_AsUTF8(s);
    if (u == NULL) {
        PyErr_Clear();
        return "<unencodable>";
    }
    return u;
}

/* The message of an exception value: a str (ferropy sets the message) or the first
 * argument of an exception instance (CPython normalizes some errors). */
static const char *message(PyObject *v)
{
    if (v == NULL)
        return "<NULL>";
    if (PyUnicode_Check(v))
        return utf8_text(v);
    if (PyExceptionInstance_Check(v)) {
        PyObject *args = ((PyBaseExceptionObject *)v)->args;
        if (args && PyTuple_Check(args) && PyTuple_GET_SIZE(args) > 0 && PyUnicode_Check(PyTuple_GET_ITEM(args, 0)))
            return utf8_text(PyTuple_GET_ITEM(args, 0));
        return "<exception without str arg>";
    }
    return "<other value>";
}

/* Prints "what: Type: message" (or "what: no error") and clears the error. */
static void print_error(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        printf("%s: no error\n", what);
        return;
    }
    printf("%s: %s: %s\n", what, ((PyTypeObject *)t)->tp_name, message(v));
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

/* Prints "what: repr(o)" with " at 0x..." addresses masked, or the error; steals o. */
static void show_masked(const char *what, PyObject *o)
{
    if (o == NULL) {
        print_error(what);
        return;
    }
    PyObject *r = PyObject_Repr(o);
    if (r == NULL)
        print_error(what);
    else {
        const char *s = utf8_text(r);
        const char *at = strstr(s, " at 0x");
        if (at)
            printf("%s: %.*s at ADDR>\n", what, (int)(at - s), s);
        else
            printf("%s: %s\n", what, s);
    }
    Py_XDECREF(r);
    Py_DECREF(o);
}

/* Prints "what: Type: message" where the message is the value only when it is a str
 * (else empty), or "what: no error"; clears the error. */
static void print_str_error(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        printf("%s: no error\n", what);
        return;
    }
    printf("%s: %s: %s\n", what, ((PyTypeObject *)t)->tp_name,
           v && PyUnicode_Check(v) ? utf8_text(v) : "");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

/* Writes a str, code points outside ASCII as \u{hex}. */
static void put_text(PyObject *s)
{
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(s); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
        if (c < 0x80) putchar((int)c); else printf("\\u{%x}", (unsigned)c);
    }
}

/* Prints the pending exception as "Type: str(value)" and clears it (one must be set). */
static void show_error(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("%s: ", ((PyTypeObject *)t)->tp_name);
    PyObject *s = v ? PyObject_Str(v) : NULL;
    if (s) { put_text(s); Py_DECREF(s); } else PyErr_Clear();
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

/* Writes repr(o), or the error when o is NULL or its repr fails; does not steal o. */
static void put(PyObject *o)
{
    if (o == NULL) { printf("<error "); show_error(); printf(">"); return; }
    PyObject *s = PyObject_Repr(o);
    if (s == NULL) { printf("<repr error "); show_error(); printf(">"); return; }
    put_text(s);
    Py_DECREF(s);
}

/* Writes a str, code points outside printable ASCII as \uXXXX. */
static void print_text(PyObject *s)
{
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(s); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
        if (c >= 0x20 && c < 0x7f)
            putchar((int)c);
        else
            printf("\\u%04x", (unsigned)c);
    }
}

/* Prints the pending exception, normalized, as "error Type: str(value)" and a newline;
 * clears it (one must be set). */
static void print_error_line(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    printf("error %s: ", ((PyTypeObject *)t)->tp_name);
    PyObject *s = v ? PyObject_Str(v) : NULL;
    if (s) {
        print_text(s);
        Py_DECREF(s);
    }
    printf("\n");
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

/* A short description needing no int repr: None, strs (quoted), tuples, dict sizes, else <type>. */
static void print_compact(PyObject *o)
{
    if (o == NULL) { printf("NULL"); return; }
    if (o == Py_None) { printf("None"); return; }
    if (PyUnicode_Check(o)) {
        putchar('\'');
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(o); i++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(o, i);
            if (c >= 32 && c < 127) putchar((int)c); else printf("\\u%04x", (unsigned)c);
        }
        putchar('\'');
        return;
    }
    if (PyTuple_Check(o)) {
        printf("(");
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(o); i++) {
            if (i) printf(", ");
            print_compact(PyTuple_GET_ITEM(o, i));
        }
        printf(PyTuple_GET_SIZE(o) == 1 ? ",)" : ")");
        return;
    }
    if (PyDict_Check(o)) { printf("{dict of %zd}", PyDict_GET_SIZE(o)); return; }
    printf("<%s>", Py_TYPE(o)->tp_name);
}

/* The text of a str when it is ASCII; else a placeholder or the type name (no AsUTF8). */
static const char *ascii_text(PyObject *s)
{
    if (s == NULL) return "<NULL>";
    if (!PyUnicode_Check(s)) return Py_TYPE(s)->tp_name;
    if (!PyUnicode_IS_ASCII(s)) return "<non-ascii>";
    return (const char *)PyUnicode_DATA(s);
}

/* Fetches the pending exception, normalized, and returns its value (a new reference); the
 * error is cleared. */
static PyObject *fetch_value(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    Py_XDECREF(t);
    Py_XDECREF(tb);
    return v;
}

/* The process's resident set in KiB (/proc/self/statm), for the init/finalize cycle tests'
 * leak bounds; 0 if it cannot be read. */
/* Resident anonymous memory (heaps, stacks) in KiB, for leak checks: the resident set minus
 * its file-backed pages, which grow when a later cycle first runs code of the library (laid
 * out by use since session 11, so not all of it is resident after the first start-up). */
static long resident_anonymous_kb(void)
{
    long pages = 0, resident = 0, file_backed = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld %ld", &pages, &resident, &file_backed) != 3) resident = file_backed = 0;
        fclose(f);
    }
    return (resident - file_backed) * 4;
}

/* Py_Initialize without importing `site` (what `-S` does): for tests that cycle the runtime
 * many times and are about the core, not about what site-packages' .pth files import. */
static void initialize_without_site(void)
{
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.site_import = 0;
    config.parse_argv = 0;
    PyStatus status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status))
        Py_ExitStatusException(status);
}

#endif /* Py_LIMITED_API */

#endif
