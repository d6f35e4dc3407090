// ferropy-test: ext=spam
/* Imports the single-phase `spam` extension (c-tests/ext/spam.c) through sys.path and
 * calls every function: each calling convention and PyArg_* parser, its exception,
 * PyState_FindModule; then re-imports it after removing it from sys.modules (a new module
 * from the copy of the first one's dict, without running PyInit_spam again). */
#define PY_SSIZE_T_CLEAN
#include "import_util.h"

int main(void)
{
    Py_Initialize();
    add_ext_path();
    PyObject *m = import_show("spam");
    if (m == NULL) return 1;
    PyObject *r0 = PyObject_Repr(m);
    print_path("repr", r0);
    Py_XDECREF(r0);
    print_attr(m, "__name__");
    print_attr(m, "__doc__");
    print_attr(m, "__package__");
    print_path_attr(m, "__file__");
    print_attr_type(m, "__loader__");
    print_attr_type(m, "__spec__");
    PyObject *spec = PyObject_GetAttrString(m, "__spec__");
    print_attr(spec, "name");
    print_path_attr(spec, "origin");
    print_attr(spec, "submodule_search_locations");
    print_attr(spec, "parent");
    print_attr(spec, "has_location");
    print_attr(spec, "cached");
    PyObject *loader = PyObject_GetAttrString(m, "__loader__");
    print_attr(loader, "name");
    print_path_attr(loader, "path");
    Py_XDECREF(loader);
    Py_XDECREF(spec);
    print_attr(m, "answer");
    print_attr(m, "flavour");
    print_attr(m, "error");

    call_show(m, "noargs", PyTuple_New(0), NULL);
    call_show(m, "noargs", Py_BuildValue("(i)", 1), NULL);
    call_show(m, "one", Py_BuildValue("(s)", "x"), NULL);
    call_show(m, "one", PyTuple_New(0), NULL);
    call_show(m, "varargs", Py_BuildValue("(is)", 21, "s"), NULL);
    call_show(m, "varargs", Py_BuildValue("(isd)", 1, "t", 2.5), NULL);
    call_show(m, "varargs", Py_BuildValue("(s)", "no"), NULL);
    call_show(m, "keywords", Py_BuildValue("(i)", 7), NULL);
    call_show(m, "keywords", Py_BuildValue("(is)", 7, "bee"), Py_BuildValue("{s:i}", "flag", 1));
    call_show(m, "keywords", Py_BuildValue("(i)", 7), Py_BuildValue("{s:i}", "nope", 1));
    call_show(m, "keywords", Py_BuildValue("(iss)", 7, "a", "b"), NULL);
    call_show(m, "fast", Py_BuildValue("(iii)", 1, 2, 3), NULL);
    call_show(m, "fast", Py_BuildValue("(s)", "x"), NULL);
    call_show(m, "fast_kw", Py_BuildValue("(i)", 1), Py_BuildValue("{s:i,s:i}", "k", 2, "l", 3));
    call_show(m, "fast_kw", PyTuple_New(0), NULL);
    call_show(m, "unpack", Py_BuildValue("(i)", 1), NULL);
    call_show(m, "unpack", Py_BuildValue("(ii)", 1, 2), NULL);
    call_show(m, "unpack", Py_BuildValue("(iii)", 1, 2, 3), NULL);
    call_show(m, "parse_one", Py_BuildValue("(i)", 41), NULL);
    call_show(m, "parse_one", Py_BuildValue("(s)", "x"), NULL);
    call_show(m, "va_parse", Py_BuildValue("(ii)", 6, 7), NULL);
    call_show(m, "va_parse", Py_BuildValue("(i)", 6), NULL);
    call_show(m, "validate", Py_BuildValue("({s:i})", "a", 1), NULL);
    call_show(m, "validate", Py_BuildValue("({i:i})", 1, 1), NULL);
    call_show(m, "fail", PyTuple_New(0), NULL);
    call_show(m, "find_self", PyTuple_New(0), NULL);
    call_show(m, "get_init_calls", PyTuple_New(0), NULL);

    /* Importing again gives the same module. */
    PyObject *again = PyImport_ImportModule("spam");
    printf("same module again: %d\n", again == m);
    Py_XDECREF(again);
    PyObject *modules = PyImport_GetModuleDict();
    printf("in sys.modules: %d\n", PyDict_GetItemString(modules, "spam") == m);

    /* Removed from sys.modules, it is made again from the copy of its dict. */
    PyDict_DelItemString(modules, "spam");
    PyObject *m2 = import_show("spam");
    printf("new module: %d\n", m2 != NULL && m2 != m);
    if (m2) {
        print_attr(m2, "answer");
        print_path_attr(m2, "__file__");
        call_show(m2, "get_init_calls", PyTuple_New(0), NULL);
        call_show(m2, "find_self", PyTuple_New(0), NULL);
        PyObject *r = PyImport_ReloadModule(m2);
        printf("reload gives the module: %d\n", r == m2);
        if (r == NULL) print_error("reload");
        Py_XDECREF(r);
    }
    Py_XDECREF(m2);
    Py_DECREF(m);
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
