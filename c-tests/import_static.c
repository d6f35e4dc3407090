// ferropy-test: ext=statictype dl_provider dl_consumer
// ferropy-test: ext-variants=ferropy,cpython
/* A module with static types (c-tests/ext/statictype.c: a plain type with members, methods,
 * init and repr; a static subclass of list with extra state), single-phase with m_size 0;
 * and sys.setdlopenflags honoured: dl_consumer resolves a symbol of dl_provider only once
 * dl_provider was loaded with RTLD_GLOBAL. Static PyTypeObjects need the full API, so no
 * abi3 variant. */
#define PY_SSIZE_T_CLEAN
#include "import_util.h"
#include <dlfcn.h>

int main(void)
{
    Py_Initialize();
    add_ext_path();
    PyObject *m = import_show("statictype");
    if (m) {
        print_attr(m, "__doc__");
        PyObject *Point = PyObject_GetAttrString(m, "Point");
        show_masked("Point", Py_XNewRef(Point));
        PyObject *p = PyObject_CallFunction(Point, "is", 4, "four");
        show_masked("Point(4, 'four')", Py_XNewRef(p));
        if (p) {
            print_attr(p, "x");
            print_attr(p, "label");
            show_masked("double()", PyObject_CallMethod(p, "double", NULL));
            PyObject_SetAttrString(p, "label", Py_None);
            print_error("set label");
            Py_DECREF(p);
        }
        show_masked("Point('x')", PyObject_CallFunction(Point, "s", "x"));
        Py_XDECREF(Point);
        PyObject *CL = PyObject_GetAttrString(m, "CountingList");
        PyObject *l = CL ? PyObject_CallFunction(CL, "((ii))", 1, 2) : NULL;
        if (l) {
            show_masked("append(3)", PyObject_CallMethod(l, "append", "i", 3));
            show_masked("append(4)", PyObject_CallMethod(l, "append", "i", 4));
            show_masked("list", Py_NewRef(l));
            printf("len: %zd, is list: %d\n", PyList_Size(l), PyList_Check(l));
            Py_DECREF(l);
        } else print_error("CountingList");
        Py_XDECREF(CL);
        PyModuleDef *def = PyModule_GetDef(m);
        printf("PyState_FindModule: %d\n", PyState_FindModule(def) == m);
        printf("PyState_RemoveModule: %d\n", PyState_RemoveModule(def));
        printf("PyState_FindModule after remove: %s\n", PyState_FindModule(def) ? "found" : "NULL");
        printf("PyState_AddModule: %d\n", PyState_AddModule(m, def));
        printf("PyState_FindModule after add: %d\n", PyState_FindModule(def) == m);
        Py_DECREF(m);
    }

    PyObject *sys = PyImport_ImportModule("sys");
    show_masked("getdlopenflags() == RTLD_NOW", PyBool_FromLong(PyLong_AsLong(PyObject_CallMethod(sys, "getdlopenflags", NULL)) == RTLD_NOW));
    PyObject *c = PyImport_ImportModule("dl_consumer");
    printf("dl_consumer before: %s\n", c ? "loaded" : "ImportError");
    if (c == NULL) {
        PyObject *v = fetch_value();
        printf("  is ImportError: %d\n", v && PyObject_IsInstance(v, PyExc_ImportError) == 1);
        Py_XDECREF(v);
    }
    Py_XDECREF(c);
    Py_XDECREF(PyObject_CallMethod(sys, "setdlopenflags", "i", RTLD_NOW | RTLD_GLOBAL));
    Py_XDECREF(import_show("dl_provider"));
    c = import_show("dl_consumer");
    if (c) { print_attr(c, "provided"); Py_DECREF(c); }
    Py_DECREF(sys);
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
