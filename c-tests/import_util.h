/* Helpers of the import hosts (c-tests/import_*.c): the directory of the test's extension
 * modules on sys.path, and printing paths and module attributes without the parts that
 * differ between builds (the directory, the suffix of the variant). */
#ifndef IMPORT_UTIL_H
#define IMPORT_UTIL_H
#include "testutil.h"
#include <stdlib.h>

/* The directory the runner built this variant's extensions into. */
static const char *ext_dir(void)
{
    const char *d = getenv("FERROPY_TEST_EXT_DIR");
    return d ? d : ".";
}

/* The variant's extension suffix (".cpython-311-x86_64-linux-gnu.so" or ".abi3.so"). */
static const char *ext_suffix(void)
{
    const char *s = getenv("FERROPY_TEST_EXT_SUFFIX");
    return s ? s : ".so";
}

/* Puts `dir` first on sys.path. */
static void path_insert(const char *dir)
{
    PyObject *path = PySys_GetObject("path");
    PyObject *d = PyUnicode_FromString(dir);
    if (path == NULL || d == NULL || PyList_Insert(path, 0, d) < 0)
        print_error("sys.path.insert");
    Py_XDECREF(d);
}

/* Puts the extension directory first on sys.path. */
static void add_ext_path(void)
{
    path_insert(ext_dir());
}

/* Writes text with each occurrence of the extension directory shown as <dir> and of the
 * variant's suffix as <suffix>. */
static void put_masked(const char *s)
{
    /* Without extensions (no variant), nothing is masked. */
    const char *dir = getenv("FERROPY_TEST_EXT_DIR") ? ext_dir() : "";
    const char *suffix = getenv("FERROPY_TEST_EXT_SUFFIX") ? ext_suffix() : "";
    size_t n = strlen(dir), sl = strlen(suffix);
    while (*s) {
        if (n && strncmp(s, dir, n) == 0) { printf("<dir>"); s += n; }
        else if (sl && strncmp(s, suffix, sl) == 0) { printf("<suffix>"); s += sl; }
        else putchar(*s++);
    }
}

/* Prints "what: path" masked (see put_masked), or the value's repr when not a str. */
static void print_path(const char *what, PyObject *p)
{
    if (p == NULL) { print_error(what); return; }
    printf("%s: ", what);
    if (!PyUnicode_Check(p)) { put(p); printf("\n"); return; }
    put_masked(utf8_text(p));
    printf("\n");
}

/* Prints module.attr as a path (see print_path). */
static void print_path_attr(PyObject *m, const char *attr)
{
    char what[128];
    snprintf(what, sizeof what, "%s", attr);
    PyObject *v = PyObject_GetAttrString(m, attr);
    print_path(what, v);
    Py_XDECREF(v);
}

/* Prints "what: repr" of module.attr (steals nothing), or the error. */
static void print_attr(PyObject *o, const char *attr)
{
    PyObject *v = PyObject_GetAttrString(o, attr);
    printf("%s: ", attr);
    put(v);
    printf("\n");
    if (v == NULL) PyErr_Clear();
    Py_XDECREF(v);
}

/* Prints type(o.attr) (its repr: module and name). */
static void print_attr_type(PyObject *o, const char *attr)
{
    PyObject *v = PyObject_GetAttrString(o, attr);
    if (v == NULL) { print_error(attr); return; }
    printf("type(%s): ", attr);
    put((PyObject *)Py_TYPE(v));
    printf("\n");
    Py_DECREF(v);
}

/* Imports `name` and prints what happened; returns the module (new reference) or NULL. */
static PyObject *import_show(const char *name)
{
    PyObject *m = PyImport_ImportModule(name);
    if (m == NULL) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PyErr_NormalizeException(&t, &v, &tb);
        printf("import %s: %s: ", name, ((PyTypeObject *)t)->tp_name);
        PyObject *s = v ? PyObject_Str(v) : NULL;
        if (s) { put_masked(utf8_text(s)); Py_DECREF(s); } else PyErr_Clear();
        printf("\n");
        if (v && PyObject_HasAttrString(v, "name")) {
            PyObject *n = PyObject_GetAttrString(v, "name");
            printf("  .name: "); put(n); printf("\n");
            Py_XDECREF(n);
        }
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
        return NULL;
    }
    printf("import %s: ok\n", name);
    return m;
}

/* Calls module.name(*args) given as a Py_BuildValue tuple format and prints the result's
 * repr or the error. */
static void call_show(PyObject *m, const char *name, PyObject *args, PyObject *kwargs)
{
    PyObject *f = PyObject_GetAttrString(m, name);
    printf("%s(...): ", name);
    if (f == NULL) { show_error(); printf("\n"); Py_XDECREF(args); return; }
    PyObject *r = args ? PyObject_Call(f, args, kwargs) : NULL;
    put(r);
    printf("\n");
    Py_XDECREF(r);
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    Py_DECREF(f);
}
#endif
