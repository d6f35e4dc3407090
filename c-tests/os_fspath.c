/* PyOS_FSPath: str and bytes returned as they are (the same object), path-like objects
 * through __fspath__ (str or bytes results only), CPython's TypeErrors for other types and
 * bad __fspath__ results (NULL is not tried: CPython crashes on it); and the posix/errno/_stat builtin modules
 * importing from C. Expected output: CPython 3.11's, in the same run. */
#include "testutil.h"

int main(void)
{
    Py_Initialize();
    PyObject *g = PyDict_New();
    PyDict_SetItemString(g, "__builtins__", PyEval_GetBuiltins());
    PyObject *r = PyRun_String(
        "class P:\n"
        "    def __init__(self, v): self.v = v\n"
        "    def __fspath__(self): return self.v\n"
        "class Raises:\n"
        "    def __fspath__(self): raise KeyError('inside')\n"
        "good_str = P('some/path')\n"
        "good_bytes = P(b'raw/path')\n"
        "bad = P(42)\n"
        "raises = Raises()\n",
        Py_file_input, g, g);
    Py_XDECREF(r);
    PyObject *s = PyUnicode_FromString("plain");
    PyObject *out = PyOS_FSPath(s);
    printf("str same object %d\n", out == s);
    Py_XDECREF(out);
    PyObject *b = PyBytes_FromString("bytes");
    out = PyOS_FSPath(b);
    printf("bytes same object %d\n", out == b);
    Py_XDECREF(out);
    const char *names[] = {"good_str", "good_bytes", "bad", "raises"};
    for (int i = 0; i < 4; i++) {
        out = PyOS_FSPath(PyDict_GetItemString(g, names[i]));
        printf("%s: ", names[i]);
        if (out) { put(out); printf("\n"); Py_DECREF(out); }
        else print_error_line();
    }
    PyObject *n = PyLong_FromLong(3);
    out = PyOS_FSPath(n);
    printf("int null %d ", out == NULL); print_error_line();
    out = PyOS_FSPath(Py_None);
    printf("None null %d ", out == NULL); print_error_line();

    const char *mods[] = {"posix", "errno", "_stat"};
    for (int i = 0; i < 3; i++) {
        PyObject *m = PyImport_ImportModule(mods[i]);
        printf("import %s: %d\n", mods[i], m != NULL);
        if (!m) print_error_line();
        Py_XDECREF(m);
    }
    PyObject *errno_mod = PyImport_ImportModule("errno");
    PyObject *enoent = PyObject_GetAttrString(errno_mod, "ENOENT");
    printf("ENOENT %ld\n", PyLong_AsLong(enoent));
    Py_XDECREF(enoent);
    Py_XDECREF(errno_mod);
    Py_DECREF(n); Py_DECREF(s); Py_DECREF(b); Py_DECREF(g);
    return 0;
}
