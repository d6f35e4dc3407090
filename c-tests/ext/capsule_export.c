/* Exports a C-API through a capsule, `capsule_export._C_API`, the way numpy and datetime
 * do: a struct of function pointers that other extensions reach with PyCapsule_Import. */
#include <Python.h>

typedef struct {
    int version;
    long (*twice)(long);
    PyObject *(*greet)(const char *);
} ExportAPI;

static long twice(long x) { return 2 * x; }
static PyObject *greet(const char *who) { return PyUnicode_FromFormat("hello, %s", who); }
static ExportAPI api = {3, twice, greet};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "capsule_export", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_capsule_export(void)
{
    PyObject *m = PyModule_Create(&def);
    if (m == NULL) return NULL;
    PyObject *c = PyCapsule_New(&api, "capsule_export._C_API", NULL);
    if (c == NULL || PyModule_AddObject(m, "_C_API", c) < 0) { Py_XDECREF(c); Py_DECREF(m); return NULL; }
    return m;
}
