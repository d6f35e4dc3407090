// ferropy-test: ext=bad_null bad_raises bad_unreported bad_notmodule bad_noexport nonascii:café
/* The import system's errors and edges, each compared with CPython: extension init
 * failures (NULL without exception, an exception, an unreported exception, not a module,
 * no PyInit_ export), a non-ASCII module name (PyInitU_ punycode), missing modules and
 * packages, None in sys.modules, __import__'s argument checks, relative-import errors,
 * fromlist, builtin modules from the inittab (PyImport_AppendInittab), reload, importers,
 * PyModule_GetFilename(Object). */
#define PY_SSIZE_T_CLEAN
#include "import_util.h"

static int custom_inits = 0;
static struct PyModuleDef custom_def = {PyModuleDef_HEAD_INIT, "custom_builtin", "made by the host", -1, NULL};

static PyObject *PyInit_custom_builtin(void)
{
    custom_inits++;
    PyObject *m = PyModule_Create(&custom_def);
    if (m) PyModule_AddIntConstant(m, "value", 99);
    return m;
}

/* Calls builtins.__import__(*args, **kwargs) and prints the result's __name__ or error. */
static void dunder_import(const char *what, PyObject *args, PyObject *kwargs)
{
    PyObject *builtins = PyEval_GetBuiltins();
    PyObject *imp = PyDict_GetItemString(builtins, "__import__");
    PyObject *r = args ? PyObject_Call(imp, args, kwargs) : NULL;
    printf("__import__ %s: ", what);
    if (r == NULL) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PyErr_NormalizeException(&t, &v, &tb);
        PyObject *s = v ? PyObject_Str(v) : NULL;
        printf("%s: %s\n", ((PyTypeObject *)t)->tp_name, s ? utf8_text(s) : "?");
        Py_XDECREF(s); Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
    } else {
        PyObject *n = PyObject_GetAttrString(r, "__name__");
        printf("module "); put(n); printf("\n");
        Py_XDECREF(n);
        Py_DECREF(r);
    }
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
}

int main(void)
{
    printf("append inittab: %d\n", PyImport_AppendInittab("custom_builtin", PyInit_custom_builtin));
    Py_Initialize();
    add_ext_path();

    /* Extension init failures. */
    const char *bad[] = {"bad_null", "bad_raises", "bad_unreported", "bad_notmodule", "bad_noexport", NULL};
    for (int i = 0; bad[i]; i++) {
        PyObject *m = import_show(bad[i]);
        Py_XDECREF(m);
    }
    PyObject *modules = PyImport_GetModuleDict();
    printf("bad_null left in sys.modules: %d\n", PyDict_GetItemString(modules, "bad_null") != NULL);

    /* A non-ASCII name. */
    PyObject *cafe = import_show("caf\xc3\xa9");
    if (cafe) {
        print_attr(cafe, "__name__");
        print_attr(cafe, "__doc__");
        Py_DECREF(cafe);
    }

    /* Missing modules. */
    Py_XDECREF(import_show("no_such_module"));
    Py_XDECREF(import_show("no_such_package.sub"));
    Py_XDECREF(import_show("sys.path"));
    PyDict_SetItemString(modules, "blocked", Py_None);
    Py_XDECREF(import_show("blocked"));

    /* Builtin modules. */
    PyObject *names = PySys_GetObject("builtin_module_names");
    PyObject *key = PyUnicode_FromString("custom_builtin");
    printf("custom_builtin in builtin_module_names: %d\n", PySequence_Contains(names, key));
    PyObject *key2 = PyUnicode_FromString("sys");
    printf("sys in builtin_module_names: %d\n", PySequence_Contains(names, key2));
    Py_DECREF(key2);
    PyObject *custom = import_show("custom_builtin");
    if (custom) {
        print_attr(custom, "value");
        show_masked("repr", PyObject_Repr(custom));
        PyObject *spec = PyObject_GetAttrString(custom, "__spec__");
        show_masked("spec", spec);
        printf("has __file__: %d\n", PyObject_HasAttrString(custom, "__file__"));
        printf("PyState_FindModule: %d\n", PyState_FindModule(&custom_def) == custom);
        PyDict_DelItemString(modules, "custom_builtin");
        PyObject *again = import_show("custom_builtin");
        printf("new module, init ran once: %d %d\n", again != custom, custom_inits);
        Py_XDECREF(again);
        Py_DECREF(custom);
    }
    PyObject *sys = PyImport_ImportModule("sys");
    show_masked("repr(sys)", PyObject_Repr(sys));
    show_masked("sys.__spec__", PyObject_GetAttrString(sys, "__spec__"));
    print_attr(sys, "__package__");
    PyObject *r = PyImport_ReloadModule(sys);
    printf("reload(sys) is sys: %d\n", r == sys);
    Py_XDECREF(r);
    Py_DECREF(sys);
    PyObject *thread = import_show("_thread");
    show_masked("repr(_thread)", thread);
    Py_DECREF(key);

    /* __import__ and its checks. */
    dunder_import("('sys',)", Py_BuildValue("(s)", "sys"), NULL);
    dunder_import("('')", Py_BuildValue("(s)", ""), NULL);
    dunder_import("(1)", Py_BuildValue("(i)", 1), NULL);
    dunder_import("level=-1", Py_BuildValue("(s)", "sys"), Py_BuildValue("{s:i}", "level", -1));
    dunder_import("level=1 no globals", Py_BuildValue("(s)", "x"), Py_BuildValue("{s:i}", "level", 1));
    dunder_import("level=1 globals={}", Py_BuildValue("(s{}OOi)", "x", Py_None, Py_None, 1), NULL);
    dunder_import("level=1 __name__ only", Py_BuildValue("(s{s:s}OOi)", "x", "__name__", "top", Py_None, Py_None, 1), NULL);
    dunder_import("level=1 package=1", Py_BuildValue("(s{s:i}OOi)", "x", "__package__", 1, Py_None, Py_None, 1), NULL);
    dunder_import("level=3 beyond", Py_BuildValue("(s{s:s}OOi)", "x", "__package__", "a.b", Py_None, Py_None, 3), NULL);
    dunder_import("level=1 from package 'nope'", Py_BuildValue("(s{s:s}OOi)", "x", "__package__", "nope", Py_None, Py_None, 1), NULL);
    dunder_import("globals=1", Py_BuildValue("(siOOi)", "x", 1, Py_None, Py_None, 1), NULL);
    dunder_import("fromlist=['nope'] on sys", Py_BuildValue("(sOO[s])", "sys", Py_None, Py_None, "nope"), NULL);
    dunder_import("bad keyword", Py_BuildValue("(s)", "sys"), Py_BuildValue("{s:i}", "bogus", 1));
    dunder_import("too many", Py_BuildValue("(sOOOii)", "sys", Py_None, Py_None, Py_None, 0, 0), NULL);

    /* Module helpers. */
    PyObject *fresh = PyModule_New("fresh");
    const char *f = PyModule_GetFilename(fresh);
    printf("GetFilename of a module without __file__: %s\n", f ? f : "NULL");
    print_error("  error");
    PyObject_SetAttrString(fresh, "__file__", PyLong_FromLong(3) /* leaks one int: fine */);
    print_error("set __file__");
    show_masked("GetFilenameObject (int)", PyModule_GetFilenameObject(fresh));
    PyObject *fname = PyUnicode_FromString("/x/fresh.py");
    PyObject_SetAttrString(fresh, "__file__", fname);
    show_masked("GetFilenameObject", PyModule_GetFilenameObject(fresh));
    show_masked("repr", PyObject_Repr(fresh));
    show_masked("reload(fresh)", PyImport_ReloadModule(fresh));
    Py_DECREF(fname);
    PyObject *one = PyLong_FromLong(1);
    show_masked("reload(1)", PyImport_ReloadModule(one));
    Py_DECREF(one);
    Py_DECREF(fresh);

    /* Importers: sys.path_hooks decides, the answer is cached. */
    PyObject *entry = PyUnicode_FromString("/nonexistent/dir");
    PyObject *cache = PySys_GetObject("path_importer_cache");
    PyDict_DelItem(cache, entry);
    PyErr_Clear();
    PyObject *hooks = PySys_GetObject("path_hooks");
    PyObject *saved = PyList_GetSlice(hooks, 0, PyList_Size(hooks));
    PyList_SetSlice(hooks, 0, PyList_Size(hooks), NULL);
    show_masked("GetImporter (no hooks)", PyImport_GetImporter(entry));
    printf("cached as None: %d\n", PyDict_GetItem(cache, entry) == Py_None);
    PyDict_DelItem(cache, entry);
    PyObject *builtins = PyEval_GetBuiltins();
    PyList_Append(hooks, PyDict_GetItemString(builtins, "len"));
    PyObject *imp = PyImport_GetImporter(entry);
    show_masked("GetImporter (len hook)", imp);
    show_masked("cached", Py_XNewRef(PyDict_GetItem(cache, entry)));
    PyDict_DelItem(cache, entry);
    PyList_SetSlice(hooks, 0, PyList_Size(hooks), saved);
    Py_DECREF(saved);
    Py_DECREF(entry);

    /* AddModule and GetModule. */
    PyObject *added = PyImport_AddModule("made_here");
    show_masked("AddModule", Py_XNewRef(added));
    PyObject *n = PyUnicode_FromString("made_here");
    PyObject *got = PyImport_GetModule(n);
    printf("GetModule finds it: %d\n", got == added);
    Py_XDECREF(got);
    Py_DECREF(n);
    n = PyUnicode_FromString("not_there");
    got = PyImport_GetModule(n);
    printf("GetModule of a missing module: %s, error set: %d\n", got ? "found" : "NULL", PyErr_Occurred() != NULL);
    Py_DECREF(n);
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
