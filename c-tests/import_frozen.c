/* PyImport_FrozenModules and PyImport_ImportFrozenModule(Object) with the embedder's own
 * table: NULL before anything is set; entries whose get_code returns a code object run
 * (module and package, each time they are imported; __path__, __origname__, no spec), a
 * body that raises leaves sys.modules (CPython crashes when get_code returns a non-code
 * object, so that case is not run), an excluded entry (no code at all), data that is not a marshalled code object (invalid,
 * with a positive or a negative "package" size), and unknown names (0). */
#define PY_SSIZE_T_CLEAN
#include "testutil.h"

static PyObject *get_code(void)
{
    return Py_CompileString("x = 1\nprint('running', __name__, '__path__' in globals())\n", "<frozen fz>", Py_file_input);
}

static PyObject *get_pkg(void)
{
    return Py_CompileString("y = 2\nprint('package body', __path__)\n", "<frozen pkg>", Py_file_input);
}

static PyObject *get_raise(void)
{
    return Py_CompileString("z = 3\nraise KeyError('inside')\n", "<frozen raise>", Py_file_input);
}

static const unsigned char garbage[] = "garbage";

static const struct _frozen table[] = {
    {"fz_getcode", NULL, 0, 0, get_code},
    {"fz_pkg", NULL, 0, 1, get_pkg},
    {"fz_raise", NULL, 0, 0, get_raise},
    {"fz_excluded", NULL, 0, 0, NULL},
    {"fz_bad", garbage, 7, 0, NULL},
    {"fz_neg", garbage, -7, 0, NULL},
    {0, 0, 0, 0, 0},
};

static void import_frozen(const char *name)
{
    fflush(stdout);
    int r = PyImport_ImportFrozenModule(name);
    /* Flush what the module body printed, keeping the import's error aside. */
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyObject *d = PyModule_GetDict(PyImport_AddModule("__main__"));
    PyObject *flushed = PyRun_String("__import__('sys').stdout.flush()", Py_eval_input, d, d);
    Py_XDECREF(flushed);
    PyErr_Restore(t, v, tb);
    printf("%s -> %d", name, r);
    if (r < 0) {
        PyObject *v = fetch_value();
        printf(" %s: ", Py_TYPE(v)->tp_name);
        PyObject *s = PyObject_Str(v);
        print_text(s);
        Py_DECREF(s);
        if (PyObject_IsInstance(v, PyExc_ImportError) == 1) {
            PyObject *n = PyObject_GetAttrString(v, "name");
            printf(" name=");
            put(n);
            Py_XDECREF(n);
        }
        Py_DECREF(v);
    }
    PyObject *m = PyDict_GetItemString(PyImport_GetModuleDict(), name);
    printf(" in sys.modules=%d", m != NULL);
    if (r == 1 && m) {
        PyObject *d = PyModule_GetDict(m);
        printf(" keys=");
        PyObject *k = PyDict_Keys(d);
        put(k);
        Py_DECREF(k);
        printf(" spec=");
        put(PyDict_GetItemString(d, "__spec__"));
        printf(" origname=");
        put(PyDict_GetItemString(d, "__origname__"));
    }
    printf("\n");
}

int main(void)
{
    printf("table before: %s\n", PyImport_FrozenModules == NULL ? "NULL" : "set");
    Py_Initialize();
    PyImport_FrozenModules = table;
    import_frozen("fz_getcode");
    import_frozen("fz_getcode");
    import_frozen("fz_pkg");
    import_frozen("fz_raise");
    import_frozen("fz_excluded");
    import_frozen("fz_bad");
    import_frozen("fz_neg");
    import_frozen("nope");
    import_frozen("");
    PyObject *n = PyUnicode_FromString("fz_pkg");
    printf("Object fz_pkg -> %d\n", PyImport_ImportFrozenModuleObject(n));
    Py_DECREF(n);
    n = PyUnicode_FromString("not_frozen");
    printf("Object not_frozen -> %d\n", PyImport_ImportFrozenModuleObject(n));
    Py_DECREF(n);
    PyImport_FrozenModules = NULL;
    import_frozen("fz_getcode");
    Py_Finalize();
    return 0;
}
