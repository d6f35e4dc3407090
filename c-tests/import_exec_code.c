/* PyImport_ExecCodeModule, ExecCodeModuleEx, ExecCodeModuleWithPathnames and
 * ExecCodeModuleObject: a compiled code object run as a module's body, with the attributes
 * CPython sets (__file__, __cached__, __loader__ kind, __spec__ name/origin/package
 * locations, __builtins__), reuse of a module already in sys.modules, removal from
 * sys.modules when the body raises, a body that deletes its own module, and
 * PyImport_GetMagicNumber (3.11's 3495 + b'\r\n'). */
#define PY_SSIZE_T_CLEAN
#include "testutil.h"
#include <unistd.h>

static void show(const char *what, PyObject *m)
{
    printf("%s: ", what);
    if (m == NULL) {
        print_error_line();
        return;
    }
    PyObject *d = PyModule_GetDict(m);
    PyObject *v;
    printf("name=");
    put(PyModule_GetNameObject(m));
    printf(" x=");
    v = PyDict_GetItemString(d, "x");
    put(v);
    printf(" file=");
    put(PyDict_GetItemString(d, "__file__"));
    printf(" cached=");
    put(PyDict_GetItemString(d, "__cached__"));
    PyObject *loader = PyDict_GetItemString(d, "__loader__");
    printf(" loader=");
    if (loader) {
        PyObject *tn = PyType_GetName(Py_TYPE(loader));
        put(tn);
        Py_XDECREF(tn);
    }
    PyObject *spec = PyDict_GetItemString(d, "__spec__");
    if (spec && spec != Py_None) {
        PyObject *n = PyObject_GetAttrString(spec, "name");
        PyObject *o = PyObject_GetAttrString(spec, "origin");
        PyObject *l = PyObject_GetAttrString(spec, "submodule_search_locations");
        PyObject *p = PyObject_GetAttrString(spec, "parent");
        PyObject *sl = PyObject_GetAttrString(spec, "loader");
        PyObject *h = PyObject_GetAttrString(spec, "has_location");
        printf(" spec=(");
        put(n); printf(", "); put(o); printf(", "); put(l); printf(", "); put(p);
        printf(", loader is __loader__: %d, has_location: ", sl == loader);
        put(h);
        printf(")");
        Py_XDECREF(n); Py_XDECREF(o); Py_XDECREF(l); Py_XDECREF(p); Py_XDECREF(sl); Py_XDECREF(h);
    } else {
        printf(" spec=None");
    }
    PyObject *b = PyDict_GetItemString(d, "__builtins__");
    printf(" builtins=%s", b ? Py_TYPE(b)->tp_name : "NULL");
    PyObject *modules = PyImport_GetModuleDict();
    printf(" in sys.modules=%d\n", PyDict_GetItem(modules, PyModule_GetNameObject(m)) == m);
    Py_DECREF(m);
}

static PyObject *compile(const char *src, const char *filename)
{
    PyObject *co = Py_CompileString(src, filename, Py_file_input);
    if (co == NULL)
        print_error_line();
    return co;
}

int main(void)
{
    Py_Initialize();
    long magic = PyImport_GetMagicNumber();
    printf("magic: %ld (%ld, %ld, %ld)\n", magic, magic & 0xffff, (magic >> 16) & 0xff, (magic >> 24) & 0xff);
    PyObject *co = compile("x = 42\ny = __name__\n", "/nonexistent/dir/mod_a.py");
    show("ExecCodeModule", PyImport_ExecCodeModule("mod_a", co));
    show("Ex", PyImport_ExecCodeModuleEx("mod_b", co, "/nonexistent/b.py"));
    show("Ex NULL path", PyImport_ExecCodeModuleEx("mod_b2", co, NULL));
    if (chdir("/") != 0)
        printf("chdir failed\n");
    show("Ex relative", PyImport_ExecCodeModuleEx("mod_rel", co, "rel/b.py"));
    show("Ex package", PyImport_ExecCodeModuleEx("pk", co, "/nonexistent/pk/__init__.py"));
    show("Ex dotted", PyImport_ExecCodeModuleEx("a.b.c", co, "/nonexistent/c.py"));
    show("WithPathnames", PyImport_ExecCodeModuleWithPathnames("mod_c", co, "/nonexistent/c.py", "/nonexistent/__pycache__/c.cpython-311.pyc"));
    show("WithPathnames no source", PyImport_ExecCodeModuleWithPathnames("mod_d", co, NULL, "/nonexistent/__pycache__/d.cpython-311.pyc"));
    show("WithPathnames same", PyImport_ExecCodeModuleWithPathnames("mod_e", co, "/nonexistent/e.pyc", "/nonexistent/e.pyc"));
    show("WithPathnames not pyc", PyImport_ExecCodeModuleWithPathnames("mod_e2", co, NULL, "/nonexistent/e.txt"));
    PyObject *name = PyUnicode_FromString("mod_f");
    PyObject *path = PyUnicode_FromString("/nonexistent/f.py");
    show("Object", PyImport_ExecCodeModuleObject(name, co, path, NULL));
    Py_DECREF(name);
    Py_DECREF(path);
    name = PyUnicode_FromString("mod_f2");
    show("Object NULL path", PyImport_ExecCodeModuleObject(name, co, NULL, NULL));
    Py_DECREF(name);

    /* An existing module is reused; its own __loader__ is kept. */
    PyObject *m = PyImport_AddModule("mod_g");
    PyObject_SetAttrString(m, "y0", Py_True);
    PyObject_SetAttrString(m, "__loader__", Py_Ellipsis);
    PyObject *r = PyImport_ExecCodeModuleEx("mod_g", co, "/nonexistent/g.py");
    printf("reused: %d y0 kept: %d\n", r == m, PyObject_HasAttrString(r, "y0"));
    show("existing", r);

    /* A failing body: the error stands and the module leaves sys.modules. */
    PyObject *bad = compile("x = 1\nraise ValueError('boom')\n", "bad.py");
    show("raises", PyImport_ExecCodeModule("mod_h", bad));
    printf("mod_h in sys.modules: %d\n", PyDict_GetItemString(PyImport_GetModuleDict(), "mod_h") != NULL);
    m = PyImport_AddModule("mod_h2");
    Py_INCREF(m);
    show("raises existing", PyImport_ExecCodeModule("mod_h2", bad));
    printf("mod_h2 in sys.modules: %d, x set: %d\n", PyDict_GetItemString(PyImport_GetModuleDict(), "mod_h2") != NULL,
           PyObject_HasAttrString(m, "x"));
    Py_DECREF(m);

    /* A body that removes or replaces its module. */
    PyObject *gone = compile("import sys\ndel sys.modules[__name__]\n", "gone.py");
    show("deletes itself", PyImport_ExecCodeModule("mod_i", gone));
    PyObject *swap = compile("import sys\nsys.modules[__name__] = sys\n", "swap.py");
    r = PyImport_ExecCodeModule("mod_j", swap);
    printf("replaced by sys: %d\n", r == PySys_GetObject("modules") || (r && strcmp(PyModule_GetName(r), "sys") == 0));
    Py_XDECREF(r);
    PyObject *imported = PyImport_ImportModule("mod_a");
    printf("import mod_a afterwards: x=");
    put(imported ? PyObject_GetAttrString(imported, "x") : NULL);
    printf("\n");
    Py_XDECREF(imported);

    Py_DECREF(co);
    Py_DECREF(bad);
    Py_DECREF(gone);
    Py_DECREF(swap);
    Py_Finalize();
    return 0;
}
