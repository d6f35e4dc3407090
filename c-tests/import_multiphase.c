// ferropy-test: ext=multiphase multiphase:pkg/sub/multiphase
/* Imports the multi-phase extension c-tests/ext/multiphase.c (module state, heap types,
 * a GC type, METH_METHOD, subclasses of list, dict and Exception), top-level and from a
 * namespace package directory (pkg/sub/), and uses what it defines. */
#define PY_SSIZE_T_CLEAN
#include "import_util.h"

static void exercise(PyObject *m)
{
    print_attr(m, "__name__");
    print_attr(m, "__package__");
    print_path_attr(m, "__file__");
    print_attr(m, "executed");
    print_attr(m, "Counter");
    print_attr(m, "MyList");
    print_attr(m, "MyError");
    PyObject *state = PyModule_GetState(m) ? Py_True : Py_False;
    printf("has state: %s\n", state == Py_True ? "yes" : "no");
    PyModuleDef *def = PyModule_GetDef(m);
    printf("def m_size: %zd\n", def ? def->m_size : -1);
    printf("PyState_FindModule (multi-phase): %s\n", def && PyState_FindModule(def) == NULL ? "NULL" : "found");

    PyObject *Counter = PyObject_GetAttrString(m, "Counter");
    PyObject *c = Counter ? PyObject_CallFunction(Counter, "s", "load") : NULL;
    printf("Counter(...): %s\n", c ? Py_TYPE(c)->tp_name : "NULL");
    if (c == NULL) print_error("Counter");
    if (c) {
        print_attr(c, "payload");
        PyObject *r = PyObject_CallMethod(c, "bump", "i", 5);
        printf("bump(5): "); put(r); printf("\n"); Py_XDECREF(r);
        r = PyObject_CallMethod(c, "bump", NULL);
        printf("bump(): "); put(r); printf("\n"); Py_XDECREF(r);
        r = PyObject_CallMethod(c, "bump", "ii", 1, 2);
        printf("bump(1, 2): "); put(r); printf("\n"); Py_XDECREF(r);
        r = PyObject_CallMethod(Counter, "kind", NULL);
        printf("Counter.kind(): "); put(r); printf("\n"); Py_XDECREF(r);
        r = PyObject_CallMethod(Counter, "static", "i", 3);
        printf("Counter.static(3): "); put(r); printf("\n"); Py_XDECREF(r);
        printf("GC tracked: %d\n", PyObject_GC_IsTracked(c));
        PyObject *mod = PyType_GetModule((PyTypeObject *)Counter);
        printf("PyType_GetModule is the module: %d\n", mod == m);
    }
    Py_XDECREF(c);
    call_show(m, "created", PyTuple_New(0), NULL);

    PyObject *MyList = PyObject_GetAttrString(m, "MyList");
    PyObject *l = MyList ? PyObject_CallFunction(MyList, "((iii))", 1, 2, 3) : NULL;
    printf("MyList([1, 2, 3]): "); put(l); printf("\n");
    if (l) {
        printf("isinstance list: %d\n", PyList_Check(l));
        PyObject *r = PyObject_CallMethod(l, "total", NULL);
        printf("total: "); put(r); printf("\n"); Py_XDECREF(r);
    }
    Py_XDECREF(l);
    Py_XDECREF(MyList);

    PyObject *MyDict = PyObject_GetAttrString(m, "MyDict");
    PyObject *d = MyDict ? PyObject_CallNoArgs(MyDict) : NULL;
    if (d) {
        PyObject *k = PyUnicode_FromString("absent");
        PyObject *r = PyObject_GetItem(d, k);
        printf("MyDict()['absent']: "); put(r); printf("\n");
        Py_XDECREF(r); Py_XDECREF(k);
        printf("isinstance dict: %d\n", PyDict_Check(d));
    }
    Py_XDECREF(d);
    Py_XDECREF(MyDict);

    PyObject *arg = PyUnicode_FromString("boom");
    call_show(m, "raise_error", PyTuple_Pack(1, arg), NULL);
    Py_DECREF(arg);
    PyObject *MyError = PyObject_GetAttrString(m, "MyError");
    printf("MyError is an Exception subclass: %d\n",
           MyError && PyObject_IsSubclass(MyError, PyExc_Exception) == 1);
    Py_XDECREF(MyError);
    Py_XDECREF(Counter);
}

int main(void)
{
    Py_Initialize();
    add_ext_path();
    PyObject *m = import_show("multiphase");
    if (m) exercise(m);
    PyObject *again = PyImport_ImportModule("multiphase");
    printf("same module again: %d\n", again == m);
    Py_XDECREF(again);

    PyObject *sub = import_show("pkg.sub.multiphase");
    if (sub) {
        exercise(sub);
        printf("a different module: %d\n", sub != m);
        PyObject *pkg = PyImport_ImportModule("pkg");
        if (pkg) {
            print_attr(pkg, "__file__");
            PyObject *path = PyObject_GetAttrString(pkg, "__path__");
            PyObject *first = path ? PySequence_GetItem(path, 0) : NULL;
            print_path("pkg.__path__[0]", first);
            Py_XDECREF(first); Py_XDECREF(path);
            PyObject *spec = PyObject_GetAttrString(pkg, "__spec__");
            print_attr(spec, "origin");
            print_attr(spec, "has_location");
            print_attr_type(spec, "loader");
            Py_XDECREF(spec);
            PyObject *subpkg = PyObject_GetAttrString(pkg, "sub");
            printf("pkg.sub bound: %d\n", subpkg != NULL);
            if (subpkg == NULL) PyErr_Clear();
            Py_XDECREF(subpkg);
            Py_DECREF(pkg);
        }
        /* import pkg.sub.multiphase binds pkg; with a fromlist it gives the module. */
        PyObject *name = PyUnicode_FromString("pkg.sub.multiphase");
        PyObject *top = PyImport_ImportModuleLevelObject(name, NULL, NULL, NULL, 0);
        print_attr(top, "__name__");
        Py_XDECREF(top);
        PyObject *fromlist = Py_BuildValue("[s]", "Counter");
        PyObject *leaf = PyImport_ImportModuleLevelObject(name, NULL, NULL, fromlist, 0);
        print_attr(leaf, "__name__");
        Py_XDECREF(leaf);
        Py_DECREF(fromlist);
        /* A relative import from inside the package. */
        PyObject *globals = Py_BuildValue("{s:s,s:s}", "__name__", "pkg.sub.other", "__package__", "pkg.sub");
        PyObject *rel = PyUnicode_FromString("multiphase");
        PyObject *r = PyImport_ImportModuleLevelObject(rel, globals, NULL, NULL, 1);
        printf("from . import multiphase (in pkg.sub): %d\n", r == sub);
        if (r == NULL) print_error("relative");
        Py_XDECREF(r);
        PyObject *empty = PyUnicode_FromString("");
        PyObject *fl = Py_BuildValue("[s]", "multiphase");
        r = PyImport_ImportModuleLevelObject(empty, globals, NULL, fl, 2);
        print_attr(r, "__name__");
        Py_XDECREF(r);
        Py_DECREF(fl); Py_DECREF(empty); Py_DECREF(rel); Py_DECREF(globals); Py_DECREF(name);
        Py_DECREF(sub);
    }
    Py_XDECREF(m);
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
