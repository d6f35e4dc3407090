/* Py_GenericAlias and Py_GenericAliasType: aliases made from C, their parts, repr, equality,
 * subscription of a class through __class_getitem__ (PyObject_GetItem on a type), unions
 * made with PyNumber_Or, and the errors. */
#include "testutil.h"

static void line(const char *what, PyObject *o)
{
    printf("%s: ", what);
    put(o);
    printf("\n");
    Py_XDECREF(o);
}

int main(void)
{
    Py_Initialize();
    PyObject *list = (PyObject *)&PyList_Type, *dict = (PyObject *)&PyDict_Type;
    PyObject *intt = (PyObject *)&PyLong_Type, *strt = (PyObject *)&PyUnicode_Type;

    PyObject *a = Py_GenericAlias(list, intt);
    line("Py_GenericAlias(list, int)", Py_NewRef(a));
    printf("type is Py_GenericAliasType: %d\n", Py_TYPE(a) == &Py_GenericAliasType);
    printf("tp_name: %s\n", Py_GenericAliasType.tp_name);
    line("__origin__", PyObject_GetAttrString(a, "__origin__"));
    line("__args__", PyObject_GetAttrString(a, "__args__"));
    line("__parameters__", PyObject_GetAttrString(a, "__parameters__"));
    line("__name__ (from the origin)", PyObject_GetAttrString(a, "__name__"));

    PyObject *args = PyTuple_Pack(2, strt, a);
    PyObject *b = Py_GenericAlias(dict, args);
    line("Py_GenericAlias(dict, (str, list[int]))", Py_NewRef(b));
    PyObject *empty = PyTuple_New(0);
    line("Py_GenericAlias(tuple, ())", Py_GenericAlias((PyObject *)&PyTuple_Type, empty));

    PyObject *a2 = PyObject_GetItem(list, intt);
    line("PyObject_GetItem(list, int)", Py_NewRef(a2));
    printf("list[int] == Py_GenericAlias(list, int): %d\n", PyObject_RichCompareBool(a, a2, Py_EQ));
    printf("hash equal: %d\n", PyObject_Hash(a) == PyObject_Hash(a2));
    printf("list[int] == dict[...]: %d\n", PyObject_RichCompareBool(a, b, Py_EQ));
    line("PyObject_GetItem(type, int)", PyObject_GetItem((PyObject *)&PyType_Type, intt));
    line("PyObject_GetItem(dict, (str, int))", PyObject_GetItem(dict, PyTuple_Pack(2, strt, intt)));
    line("PyObject_GetItem(object, int)", PyObject_GetItem((PyObject *)&PyBaseObject_Type, intt));
    line("PyObject_GetItem(int, int)", PyObject_GetItem(intt, intt));

    line("PyObject_CallNoArgs(list[int])", PyObject_CallNoArgs(a));
    line("PyNumber_Or(int, str)", PyNumber_Or(intt, strt));
    line("PyNumber_Or(list[int], None)", PyNumber_Or(a, Py_None));
    line("PyNumber_Or(int, int)", PyNumber_Or(intt, intt));
    line("PyNumber_Or(int, 1)", PyNumber_Or(intt, PyLong_FromLong(1)));

    PyObject *u = PyNumber_Or(intt, strt);
    printf("PyObject_IsInstance(1, int | str): %d\n", PyObject_IsInstance(PyLong_FromLong(1), u));
    printf("PyObject_IsInstance(1.0, int | str): %d\n", PyObject_IsInstance(PyFloat_FromDouble(1.0), u));
    printf("PyObject_IsSubclass(bool, int | str): %d\n", PyObject_IsSubclass((PyObject *)&PyBool_Type, u));
    printf("PyObject_IsInstance([], list[int]): %d\n", PyObject_IsInstance(PyList_New(0), a));
    print_error("  error");

    PyObject *t = PyObject_CallFunction((PyObject *)&Py_GenericAliasType, "OO", list, intt);
    line("Py_GenericAliasType(list, int)", t);
    line("Py_GenericAliasType(list)", PyObject_CallFunction((PyObject *)&Py_GenericAliasType, "(O)", list));

    Py_DECREF(a); Py_DECREF(a2); Py_DECREF(b); Py_DECREF(args); Py_DECREF(empty); Py_DECREF(u);
    Py_Finalize();
    return 0;
}
