/* The sys module of an embedded interpreter: the deterministic attributes (paths and
 * prefixes, argv, options, sizes, platform, version numbers), the module table
 * (sys.modules holds sys and builtins; PyImport_GetModuleDict, AddModule, GetModule), and
 * PySys_GetObject/SetObject, sys.implementation. implementation/version strings differ by
 * design. */
#include <Python.h>
#include "testutil.h"

static void show(const char *name)
{
    printf("sys.%s = ", name);
    PyObject *o = PySys_GetObject(name);
    if (o == NULL)
        printf("<missing>");
    else
        put(o);
    printf("\n");
}

static void show_type(const char *name)
{
    PyObject *o = PySys_GetObject(name);
    printf("type(sys.%s) = %s\n", name, o ? Py_TYPE(o)->tp_name : "<missing>");
}

int main(void)
{
    Py_Initialize();
    const char *names[] = {"argv", "orig_argv", "executable", "_base_executable", "prefix", "base_prefix",
                           "exec_prefix", "base_exec_prefix", "platlibdir", "pycache_prefix",
                           "warnoptions", "_xoptions", "dont_write_bytecode", "hexversion", "api_version",
                           "platform", "maxsize", "maxunicode", "byteorder", "abiflags", "float_repr_style",
                           "_framework", "_home", "flags", "version_info", "hash_info", "int_info",
                           "float_info", NULL};
    for (const char **n = names; *n; n++)
        show(*n);
    /* sys.implementation: a SimpleNamespace; the name differs by design, so it is checked
     * against the cache tag rather than printed. */
    {
        PyObject *impl = PySys_GetObject("implementation");
        printf("type(sys.implementation) = %s\n", impl ? Py_TYPE(impl)->tp_name : "<missing>");
        PyObject *name = PyObject_GetAttrString(impl, "name");
        PyObject *tag = PyObject_GetAttrString(impl, "cache_tag");
        PyObject *expected = PyUnicode_FromFormat("%U-311", name);
        printf("cache_tag == name + '-311': %d\n", PyObject_RichCompareBool(tag, expected, Py_EQ));
        PyObject *version = PyObject_GetAttrString(impl, "version");
        printf("implementation.version == sys.version_info: %d\n",
               PyObject_RichCompareBool(version, PySys_GetObject("version_info"), Py_EQ));
        PyObject *hexv = PyObject_GetAttrString(impl, "hexversion");
        printf("implementation.hexversion == sys.hexversion: %d\n",
               PyObject_RichCompareBool(hexv, PySys_GetObject("hexversion"), Py_EQ));
        PyObject *multiarch = PyObject_GetAttrString(impl, "_multiarch");
        printf("implementation._multiarch = ");
        put(multiarch);
        printf("\n");
        Py_XDECREF(name); Py_XDECREF(tag); Py_XDECREF(expected); Py_XDECREF(version);
        Py_XDECREF(hexv); Py_XDECREF(multiarch);
    }
    /* The first three entries of sys.path (site, which CPython imports, adds more). */
    printf("sys.path[:3] = ");
    PyObject *head = PySequence_GetSlice(PySys_GetObject("path"), 0, 3);
    put(head);
    Py_XDECREF(head);
    printf("\n");
    const char *typed[] = {"version", "copyright", "builtin_module_names", "modules", "stdout", "stderr",
                           "stdin", "__stdout__", "displayhook", "excepthook", "__displayhook__",
                           "__excepthook__", "getrecursionlimit", "meta_path", "path_hooks",
                           "path_importer_cache", NULL};
    for (const char **n = typed; *n; n++)
        show_type(*n);
    PyObject *v = PySys_GetObject("version");
    printf("version starts with 3.11.7: %d\n", v && PyUnicode_GET_LENGTH(v) > 6 && memcmp(PyUnicode_DATA(v), "3.11.7", 6) == 0);

    /* builtin_module_names: sys, builtins, _thread and atexit are builtin in both. */
    PyObject *bmn = PySys_GetObject("builtin_module_names");
    const char *wanted[] = {"sys", "builtins", "_thread", "atexit", NULL};
    for (const char **w = wanted; *w; w++) {
        PyObject *s = PyUnicode_FromString(*w);
        printf("%s in builtin_module_names: %d\n", *w, PySequence_Contains(bmn, s));
        Py_DECREF(s);
    }

    /* The module table. */
    PyObject *modules = PyImport_GetModuleDict();
    printf("GetModuleDict is sys.modules: %d\n", modules == PySys_GetObject("modules"));
    PyObject *sys = PyDict_GetItemString(modules, "sys");
    PyObject *bi = PyDict_GetItemString(modules, "builtins");
    printf("sys module: %s %s\n", sys ? Py_TYPE(sys)->tp_name : "-", sys ? PyModule_GetName(sys) : "-");
    printf("builtins module: %s %s\n", bi ? Py_TYPE(bi)->tp_name : "-", bi ? PyModule_GetName(bi) : "-");
    printf("sys.__dict__ has path: %d\n", PyDict_GetItemString(PyModule_GetDict(sys), "path") != NULL);
    PyObject *name = PyUnicode_FromString("sys");
    PyObject *m = PyImport_GetModule(name);
    printf("GetModule(sys) is sys: %d\n", m == sys);
    Py_XDECREF(m);
    Py_DECREF(name);
    name = PyUnicode_FromString("no_such_module");
    m = PyImport_GetModule(name);
    printf("GetModule(no_such_module): %s, error %d\n", m ? "module" : "NULL", PyErr_Occurred() != NULL);
    Py_DECREF(name);
    PyObject *added = PyImport_AddModule("spam");
    printf("AddModule(spam): %s %s\n", added ? Py_TYPE(added)->tp_name : "NULL", added ? PyModule_GetName(added) : "-");
    printf("AddModule(spam) again is same: %d\n", PyImport_AddModule("spam") == added);
    printf("spam in sys.modules: %d\n", PyDict_GetItemString(modules, "spam") == added);
    PyDict_SetItemString(modules, "notamodule", Py_None);
    PyObject *replaced = PyImport_AddModule("notamodule");
    printf("AddModule over a non-module: %s\n", replaced && PyModule_Check(replaced) ? "new module" : "?");
    PyObject *spamname = PyUnicode_FromString("spam2");
    PyObject *spam2 = PyImport_AddModuleObject(spamname);
    printf("AddModuleObject(spam2): %s\n", spam2 ? PyModule_GetName(spam2) : "NULL");
    Py_DECREF(spamname);

    /* PySys_SetObject / GetObject. */
    PyObject *val = PyLong_FromLong(42);
    printf("SetObject(foo): %d\n", PySys_SetObject("foo", val));
    show("foo");
    printf("SetObject(foo, NULL): %d\n", PySys_SetObject("foo", NULL));
    show("foo");
    printf("SetObject(absent, NULL): %d\n", PySys_SetObject("absent", NULL));
    print_error("after delete of absent");
    Py_DECREF(val);
    PyErr_SetString(PyExc_ValueError, "kept");
    printf("GetObject with error pending: %s\n", PySys_GetObject("nothing") ? "found" : "NULL");
    print_error("pending error");

    /* Builtins module contents. */
    PyObject *bd = PyModule_GetDict(bi);
    const char *bnames[] = {"None", "Ellipsis", "NotImplemented", "True", "False", "__debug__", "int", "str",
                            "dict", "object", "type", "ValueError", "IOError", "EnvironmentError",
                            "ExceptionGroup", "BaseException", NULL};
    for (const char **n = bnames; *n; n++) {
        printf("builtins.%s = ", *n);
        put(PyDict_GetItemString(bd, *n));
        printf("\n");
    }
    printf("IOError is OSError: %d\n", PyDict_GetItemString(bd, "IOError") == PyExc_OSError);
    PyObject *ti = PyThread_GetInfo();
    printf("PyThread_GetInfo: ");
    put(ti);
    printf("\nthread_info equal: %d\n", PyObject_RichCompareBool(ti, PySys_GetObject("thread_info"), Py_EQ));
    Py_XDECREF(ti);
    PyObject *vi = PySys_GetObject("version_info");
    printf("version_info.major: ");
    put(PyObject_GetAttrString(vi, "major"));
    printf("\nflags.dev_mode: ");
    put(PyObject_GetAttrString(PySys_GetObject("flags"), "dev_mode"));
    printf("\n");
    Py_FinalizeEx();
    return 0;
}
