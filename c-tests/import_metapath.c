/* sys.meta_path drives finding: a finder written in C (a heap type with find_spec) put
 * first answers for the name "virtual" with a spec (a SimpleNamespace) whose loader's
 * create_module/exec_module make the module; the builtin finders still answer the rest;
 * an empty meta_path finds nothing (ImportWarning, ignored by default) and a None one is
 * CPython's ImportError. Also module.__dir__. */
#define PY_SSIZE_T_CLEAN
#include "import_util.h"

/* Internal to CPython but exported (types.SimpleNamespace). */
PyObject *_PyNamespace_New(PyObject *kwds);

static PyObject *finder_find_spec(PyObject *self, PyObject *args)
{
    PyObject *name, *path, *target = Py_None;
    if (!PyArg_ParseTuple(args, "UO|O:find_spec", &name, &path, &target))
        return NULL;
    if (PyUnicode_CompareWithASCIIString(name, "virtual") != 0)
        Py_RETURN_NONE;
    PyObject *kw = Py_BuildValue("{s:O,s:O,s:s,s:O,s:s,s:O,s:O}", "name", name, "loader", self,
                                 "origin", "made in C", "submodule_search_locations", Py_None,
                                 "parent", "", "has_location", Py_False, "cached", Py_None);
    if (kw == NULL) return NULL;
    PyObject *spec = _PyNamespace_New(kw);
    Py_DECREF(kw);
    return spec;
}

static PyObject *finder_create_module(PyObject *self, PyObject *spec)
{
    Py_RETURN_NONE;
}

static PyObject *finder_exec_module(PyObject *self, PyObject *module)
{
    PyObject *v = PyUnicode_FromString("hello from exec_module");
    int r = PyObject_SetAttrString(module, "greeting", v);
    Py_DECREF(v);
    if (r < 0) return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef finder_methods[] = {
    {"find_spec", finder_find_spec, METH_VARARGS, NULL},
    {"create_module", finder_create_module, METH_O, NULL},
    {"exec_module", finder_exec_module, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot finder_slots[] = {{Py_tp_methods, finder_methods}, {0, NULL}};
static PyType_Spec finder_spec = {"host.Finder", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, finder_slots};

int main(void)
{
    Py_Initialize();
    PyObject *meta_path = PySys_GetObject("meta_path");
    printf("meta_path is a list: %d\n", PyList_Check(meta_path));
    PyObject *tp = PyType_FromSpec(&finder_spec);
    PyObject *finder = PyObject_CallNoArgs(tp);
    PyList_Insert(meta_path, 0, finder);

    PyObject *m = import_show("virtual");
    if (m) {
        print_attr(m, "greeting");
        print_attr(m, "__package__");
        printf("__loader__ is the finder: %d\n", PyObject_GetAttrString(m, "__loader__") == finder);
        Py_DECREF(finder); /* the reference GetAttrString returned */
        show_masked("repr", PyObject_Repr(m));
        PyObject *d = PyObject_CallMethod(m, "__dir__", NULL);
        printf("__dir__ is a list of %zd names\n", d ? PyList_Size(d) : -1);
        Py_XDECREF(d);
        Py_DECREF(m);
    }
    Py_XDECREF(import_show("no_such_thing"));
    PyObject *sys = import_show("sys");
    Py_XDECREF(sys);

    /* module.__dir__ calls the module's own __dir__. */
    PyObject *mod = PyModule_New("withdir");
    PyObject *builtins = PyEval_GetBuiltins();
    PyObject *sorted = PyDict_GetItemString(builtins, "sorted");
    PyObject_SetAttrString(mod, "__dir__", sorted);
    show_masked("withdir.__dir__()", PyObject_CallMethod(mod, "__dir__", NULL));
    Py_DECREF(mod);

    /* An empty meta_path finds nothing new; None is refused. */
    PyObject *saved = PyList_GetSlice(meta_path, 0, PyList_Size(meta_path));
    PyList_SetSlice(meta_path, 0, PyList_Size(meta_path), NULL);
    Py_XDECREF(import_show("another_missing"));
    Py_XDECREF(import_show("sys"));
    PySys_SetObject("meta_path", Py_None);
    Py_XDECREF(import_show("yet_another"));
    PySys_SetObject("meta_path", saved);
    Py_DECREF(saved);
    Py_XDECREF(import_show("virtual"));
    Py_DECREF(finder);
    Py_DECREF(tp);
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
