/* Uses the C-API of capsule_export through PyCapsule_Import at exec time (multi-phase). */
#include <Python.h>

typedef struct {
    int version;
    long (*twice)(long);
    PyObject *(*greet)(const char *);
} ExportAPI;

static ExportAPI *api;

static PyObject *use(PyObject *m, PyObject *arg)
{
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred()) return NULL;
    PyObject *g = api->greet("capsule");
    if (g == NULL) return NULL;
    return Py_BuildValue("(ilN)", api->version, api->twice(v), g);
}

static PyObject *try_import(PyObject *m, PyObject *arg)
{
    const char *name = PyUnicode_AsUTF8AndSize(arg, NULL);
    if (name == NULL) return NULL;
    void *p = PyCapsule_Import(name, 0);
    if (p == NULL) return NULL;
    return PyBool_FromLong(p == (void *)api);
}

static int exec_use(PyObject *m)
{
    api = (ExportAPI *)PyCapsule_Import("capsule_export._C_API", 0);
    return api == NULL ? -1 : 0;
}

static PyMethodDef methods[] = {
    {"use", use, METH_O, NULL},
    {"try_import", try_import, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};
static PyModuleDef_Slot slots[] = {{Py_mod_exec, exec_use}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "capsule_use", NULL, 0, methods, slots};

PyMODINIT_FUNC PyInit_capsule_use(void) { return PyModuleDef_Init(&def); }
