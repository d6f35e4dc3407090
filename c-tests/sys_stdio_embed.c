/* An embedding program and the standard streams: sys.stdin/stdout/stderr are
 * _io.TextIOWrapper objects (their attributes, buffers and raw FileIO), PySys_WriteStdout /
 * PySys_FormatStdout / PyFile_WriteString go through sys.stdout (so a replacement StringIO
 * captures them, print() too), a closed sys.stdout makes PySys_WriteStdout fall back to C's
 * stdout, PyErr_Print writes to the current sys.stderr, and Py_FinalizeEx reports a failing
 * flush of sys.stdout with -1. */
#include "testutil.h"

static void show_attr(PyObject *o, const char *name)
{
    PyObject *v = PyObject_GetAttrString(o, name);
    printf(" %s=", name);
    if (v == NULL) {
        print_error(name);
        return;
    }
    PyObject *r = PyObject_Repr(v);
    printf("%s", r ? utf8_text(r) : "?");
    Py_XDECREF(r);
    Py_DECREF(v);
}

static void show_stream(const char *name)
{
    PyObject *s = PySys_GetObject(name); /* borrowed */
    printf("sys.%s: %s", name, s ? Py_TYPE(s)->tp_name : "(null)");
    if (s == NULL) {
        printf("\n");
        return;
    }
    show_attr(s, "name");
    show_attr(s, "mode");
    show_attr(s, "encoding");
    show_attr(s, "closed");
    PyObject *fileno = PyObject_CallMethod(s, "fileno", NULL);
    printf(" fileno=%ld", fileno ? PyLong_AsLong(fileno) : -1L);
    Py_XDECREF(fileno);
    PyObject *buffer = PyObject_GetAttrString(s, "buffer");
    if (buffer != NULL) {
        PyObject *raw = PyObject_GetAttrString(buffer, "raw");
        if (raw == NULL) {
            PyErr_Clear();
            raw = Py_NewRef(buffer);
        }
        printf("\n   raw %s", Py_TYPE(raw)->tp_name);
        show_attr(raw, "name");
        show_attr(raw, "mode");
        show_attr(raw, "closefd");
        Py_DECREF(raw);
        Py_DECREF(buffer);
    }
    else {
        print_error("buffer");
    }
    PyObject *dunder = NULL;
    char dname[32];
    snprintf(dname, sizeof dname, "__%s__", name);
    dunder = PySys_GetObject(dname);
    printf("\n   sys.%s is sys.%s: %s\n", dname, name, dunder == s ? "yes" : "no");
}

static void flush_python_stdout(void)
{
    PyObject *out = PySys_GetObject("stdout");
    if (out != NULL && out != Py_None) {
        PyObject *r = PyObject_CallMethod(out, "flush", NULL);
        if (r == NULL)
            PyErr_Clear();
        Py_XDECREF(r);
    }
    fflush(stdout);
}

int main(void)
{
    Py_Initialize();
    show_stream("stdin");
    show_stream("stdout");
    show_stream("stderr");
    fflush(stdout);

    /* Through the interpreter's stdout, in order with C's once both are flushed. */
    PySys_WriteStdout("PySys_WriteStdout %d %s\n", 42, "text");
    PyObject *u = PyUnicode_FromString("u");
    PySys_FormatStdout("PySys_FormatStdout %R %U\n", Py_None, u);
    Py_DECREF(u);
    PyObject *out = PySys_GetObject("stdout");
    if (PyFile_WriteString("PyFile_WriteString\n", out) < 0)
        print_error("PyFile_WriteString");
    flush_python_stdout();
    printf("C printf after the flush\n");
    fflush(stdout);

    /* A replacement catches everything that goes through sys.stdout. */
    PyRun_SimpleString("import io, sys\ncapture = io.StringIO()\nsys.stdout = capture\n");
    PySys_WriteStdout("captured %d\n", 1);
    PyRun_SimpleString("print('captured by print')\n");
    PyFile_WriteString("captured by PyFile_WriteString\n", PySys_GetObject("stdout"));
    PyRun_SimpleString("sys.stdout = sys.__stdout__\nprint('capture held', repr(capture.getvalue()))\n");
    flush_python_stdout();

    /* PyErr_Print goes to the current sys.stderr. */
    PyRun_SimpleString("err = io.StringIO()\nsys.stderr = err\n");
    PyErr_SetString(PyExc_KeyError, "missing");
    PyErr_Print();
    PyRun_SimpleString("sys.stderr = sys.__stderr__\nprint('stderr held', repr(err.getvalue().splitlines()[-1]))\n");
    flush_python_stdout();

    /* sys.stdout set to None: PySys_WriteStdout falls back to C's stdout. */
    PyRun_SimpleString("sys.stdout = None\n");
    PySys_WriteStdout("fallback with sys.stdout None\n");
    fflush(stdout);
    PyRun_SimpleString("sys.stdout = sys.__stdout__\n");

    /* A closed sys.stdout: writing fails, PySys_WriteStdout falls back to C's stdout. */
    PyRun_SimpleString("sys.stdout.close()\n");
    PySys_WriteStdout("fallback after close\n");
    fflush(stdout);
    PyObject *closed = PyObject_GetAttrString(PySys_GetObject("stdout"), "closed");
    printf("closed: %s\n", closed == Py_True ? "True" : "False");
    Py_XDECREF(closed);
    if (PyFile_WriteString("x", PySys_GetObject("stdout")) < 0)
        print_error("PyFile_WriteString on closed");

    /* A stdout whose flush fails: Py_FinalizeEx says so. */
    PyRun_SimpleString(
        "class Bad:\n"
        "    closed = False\n"
        "    def write(self, s): return len(s)\n"
        "    def flush(self): raise OSError('flush failed')\n"
        "sys.stdout = Bad()\n");
    fflush(stdout);
    int status = Py_FinalizeEx();
    printf("Py_FinalizeEx: %d\n", status);
    return 0;
}
