/* Class gaps closed by objcore: __abstractmethods__ (getter/setter/deleter, the
 * Py_TPFLAGS_IS_ABSTRACT flag, object.__new__'s refusal naming the methods), __bases__
 * assignment (CPython's checks and messages, MROs of the class and its subclasses
 * recomputed, lookups and __subclasses__ following), __classcell__ in type.__new__. */
#include <Python.h>
#include "proto_util.h"

static PyObject *make_class(const char *name, PyObject *bases, PyObject *ns)
{
    return PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", name, bases, ns);
}

static void flag(const char *what, PyObject *tp)
{
    printf("%s abstract flag: %d\n", what, (PyType_GetFlags((PyTypeObject *)tp) & Py_TPFLAGS_IS_ABSTRACT) != 0);
}

int main(void)
{
    Py_Initialize();
    PyObject *typet = (PyObject *)&PyType_Type;

    /* __abstractmethods__ */
    PyObject *A = make_class("A", PyTuple_New(0), PyDict_New());
    show("A.__abstractmethods__", PyObject_GetAttrString(A, "__abstractmethods__"));
    show("type.__abstractmethods__", PyObject_GetAttrString(typet, "__abstractmethods__"));
    show_int("del A.__abstractmethods__", PyObject_DelAttrString(A, "__abstractmethods__"));
    show_int("int.__abstractmethods__ = ()", PyObject_SetAttrString((PyObject *)&PyLong_Type, "__abstractmethods__", PyTuple_New(0)));
    show_int("A.__abstractmethods__ = {'b','a'}", PyObject_SetAttrString(A, "__abstractmethods__", Py_BuildValue("(ss)", "b", "a")));
    flag("A", A);
    show("A()", PyObject_CallNoArgs(A));
    PyObject *A2 = make_class("A2", Py_BuildValue("(O)", A), PyDict_New());
    flag("A2 (subclass, not inherited)", A2);
    show("A2() is an A2", PyObject_Type(PyObject_CallNoArgs(A2)));
    show_int("A.__abstractmethods__ = ('only',)", PyObject_SetAttrString(A, "__abstractmethods__", Py_BuildValue("(s)", "only")));
    show("A() one method", PyObject_CallNoArgs(A));
    show_int("A.__abstractmethods__ = (1, 2)", PyObject_SetAttrString(A, "__abstractmethods__", Py_BuildValue("(ii)", 1, 2)));
    show("A() non-str names", PyObject_CallNoArgs(A));
    show_int("A.__abstractmethods__ = 5", PyObject_SetAttrString(A, "__abstractmethods__", PyLong_FromLong(5)));
    show("A() non-iterable names", PyObject_CallNoArgs(A));
    show("A.__abstractmethods__", PyObject_GetAttrString(A, "__abstractmethods__"));
    show_int("A.__abstractmethods__ = ()", PyObject_SetAttrString(A, "__abstractmethods__", PyTuple_New(0)));
    flag("A", A);
    show("A() allowed", PyObject_Type(PyObject_CallNoArgs(A)));
    show_int("A.__abstractmethods__ = ['x']", PyObject_SetAttrString(A, "__abstractmethods__", Py_BuildValue("[s]", "x")));
    show_int("del A.__abstractmethods__", PyObject_DelAttrString(A, "__abstractmethods__"));
    flag("A after del", A);
    show("A.__abstractmethods__ after del", PyObject_GetAttrString(A, "__abstractmethods__"));

    /* __bases__ assignment. */
    PyObject *P = make_class("P", PyTuple_New(0), Py_BuildValue("{s:i}", "from_p", 1));
    PyObject *Q = make_class("Q", PyTuple_New(0), Py_BuildValue("{s:i}", "from_q", 2));
    PyObject *P2 = make_class("P2", Py_BuildValue("(O)", P), Py_BuildValue("{s:i}", "from_p2", 3));
    PyObject *C = make_class("C", Py_BuildValue("(O)", P), PyDict_New());
    PyObject *D = make_class("D", Py_BuildValue("(O)", C), PyDict_New());
    show_int("Q.__bases__ = (P,)", PyObject_SetAttrString(Q, "__bases__", Py_BuildValue("(O)", P)));
    show("C.from_p2 before", PyObject_GetAttrString(C, "from_p2"));
    show_int("C.__bases__ = (P2,)", PyObject_SetAttrString(C, "__bases__", Py_BuildValue("(O)", P2)));
    show("C.__mro__", PyObject_GetAttrString(C, "__mro__"));
    show("C.__base__", PyObject_GetAttrString(C, "__base__"));
    show("D.__mro__", PyObject_GetAttrString(D, "__mro__"));
    show("D().from_p2", PyObject_GetAttrString(PyObject_CallNoArgs(D), "from_p2"));
    show("P2.__subclasses__()", PyObject_CallMethod(P2, "__subclasses__", NULL));
    show("P.__subclasses__()", PyObject_CallMethod(P, "__subclasses__", NULL));
    PyObject *P3 = make_class("P3", Py_BuildValue("(O)", P), PyDict_New());
    show_int("C.__bases__ = (P2, P3)", PyObject_SetAttrString(C, "__bases__", Py_BuildValue("(OO)", P2, P3)));
    show("D.__mro__", PyObject_GetAttrString(D, "__mro__"));
    show_int("C.__bases__ = [P]", PyObject_SetAttrString(C, "__bases__", Py_BuildValue("[O]", P)));
    show_int("C.__bases__ = ()", PyObject_SetAttrString(C, "__bases__", PyTuple_New(0)));
    show_int("C.__bases__ = (1,)", PyObject_SetAttrString(C, "__bases__", Py_BuildValue("(i)", 1)));
    show_int("C.__bases__ = (D,)", PyObject_SetAttrString(C, "__bases__", Py_BuildValue("(O)", D)));
    show_int("C.__bases__ = (C,)", PyObject_SetAttrString(C, "__bases__", Py_BuildValue("(O)", C)));
    show_int("del C.__bases__", PyObject_DelAttrString(C, "__bases__"));
    show_int("int.__bases__ = (object,)", PyObject_SetAttrString((PyObject *)&PyLong_Type, "__bases__", Py_BuildValue("(O)", (PyObject *)&PyBaseObject_Type)));
    PyObject *Sl = make_class("Sl", Py_BuildValue("(O)", P), Py_BuildValue("{s:(s)}", "__slots__", "x"));
    show_int("C.__bases__ = (Sl,)", PyObject_SetAttrString(C, "__bases__", Py_BuildValue("(O)", Sl)));
    PyObject *I = make_class("I", Py_BuildValue("(O)", (PyObject *)&PyLong_Type), PyDict_New());
    show_int("C.__bases__ = (I,)", PyObject_SetAttrString(C, "__bases__", Py_BuildValue("(O)", I)));
    show_int("C.__bases__ = (P2, P2)", PyObject_SetAttrString(C, "__bases__", Py_BuildValue("(OO)", P2, P2)));
    show_int("C.__bases__ = (P, P2) (no MRO)", PyObject_SetAttrString(C, "__bases__", Py_BuildValue("(OO)", P, P2)));
    show("C.__bases__ after failures", PyObject_GetAttrString(C, "__bases__"));
    show("D.__mro__ after failures", PyObject_GetAttrString(D, "__mro__"));

    /* __classcell__: the cell gets the class and leaves the namespace. */
    PyObject *cell = PyCell_New(NULL);
    PyObject *K = make_class("K", PyTuple_New(0), Py_BuildValue("{s:O,s:i}", "__classcell__", cell, "v", 1));
    show("cell contents is K", PyBool_FromLong(PyCell_GET(cell) == K));
    show("'__classcell__' in K.__dict__", PyBool_FromLong(PySequence_Contains(PyObject_GetAttrString(K, "__dict__"), S("__classcell__"))));
    show("bad __classcell__", make_class("L", PyTuple_New(0), Py_BuildValue("{s:i}", "__classcell__", 1)));
    Py_Finalize();
    return 0;
}
