/* PyObject_IsInstance / PyObject_IsSubclass: exact types, subclasses, tuples (in order,
 * nested), class-like objects with a __bases__ tuple, __class__ claims, the metaclass hooks
 * __instancecheck__/__subclasscheck__, and CPython's errors. */
#include <Python.h>
#include "testutil.h"

static void r(const char *what, int v)
{
    if (v < 0)
        print_error(what);
    else
        printf("%s: %d\n", what, v);
}

static PyObject *always_true(PyObject *self, PyObject *arg) { (void)self; (void)arg; Py_RETURN_TRUE; }
static PyObject *always_zero(PyObject *self, PyObject *arg) { (void)self; (void)arg; return PyLong_FromLong(0); }
static PyMethodDef hooks[] = {
    {"__instancecheck__", always_true, METH_O, NULL},
    {"__subclasscheck__", always_zero, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

int main(void)
{
    Py_Initialize();
    PyObject *one = PyLong_FromLong(1);
    PyObject *intt = (PyObject *)&PyLong_Type, *boolt = (PyObject *)&PyBool_Type;
    PyObject *strt = (PyObject *)&PyUnicode_Type, *objt = (PyObject *)&PyBaseObject_Type;
    r("isinstance(1, int)", PyObject_IsInstance(one, intt));
    r("isinstance(True, int)", PyObject_IsInstance(Py_True, intt));
    r("isinstance(1, bool)", PyObject_IsInstance(one, boolt));
    r("isinstance(1, object)", PyObject_IsInstance(one, objt));
    PyObject *t = Py_BuildValue("(O(OO))", strt, boolt, intt);
    r("isinstance(1, (str, (bool, int)))", PyObject_IsInstance(one, t));
    PyObject *bad_late = Py_BuildValue("(OO)", intt, one);
    r("isinstance(1, (int, 1))", PyObject_IsInstance(one, bad_late));
    PyObject *bad_early = Py_BuildValue("(OO)", one, intt);
    r("isinstance(1, (1, int))", PyObject_IsInstance(one, bad_early));
    r("isinstance(1, 1)", PyObject_IsInstance(one, one));
    r("issubclass(bool, int)", PyObject_IsSubclass(boolt, intt));
    r("issubclass(int, bool)", PyObject_IsSubclass(intt, boolt));
    r("issubclass(bool, (str, int))", PyObject_IsSubclass(boolt, Py_BuildValue("(OO)", strt, intt)));
    r("issubclass(1, int)", PyObject_IsSubclass(one, intt));
    r("issubclass(int, 1)", PyObject_IsSubclass(intt, one));
    r("issubclass(int, (str, 1))", PyObject_IsSubclass(intt, Py_BuildValue("(OO)", strt, one)));

    /* Class-like objects: modules with a __bases__ tuple. */
    PyObject *base = PyModule_New("base"), *derived = PyModule_New("derived");
    PyObject_SetAttrString(base, "__bases__", PyTuple_New(0));
    PyObject *bases = PyTuple_Pack(1, base);
    PyObject_SetAttrString(derived, "__bases__", bases);
    r("issubclass(derived, base)", PyObject_IsSubclass(derived, base));
    r("issubclass(base, derived)", PyObject_IsSubclass(base, derived));
    r("issubclass(derived, int)", PyObject_IsSubclass(derived, intt));
    /* object.__class__ only takes classes, so a module cannot claim a class-like object. */
    PyObject *inst = PyModule_New("inst");
    r("inst.__class__ = derived", PyObject_SetAttrString(inst, "__class__", derived));
    PyObject *cls_of_one = PyObject_GetAttrString(one, "__class__");
    printf("(1).__class__ is int: %d\n", cls_of_one == intt);
    Py_XDECREF(cls_of_one);
    r("(1).__class__ = bool", PyObject_SetAttrString(one, "__class__", boolt));
    r("del inst.__class__", PyObject_SetAttrString(inst, "__class__", NULL));
    r("isinstance(inst, base)", PyObject_IsInstance(inst, base));
    r("isinstance(1, base)", PyObject_IsInstance(one, base));
    r("isinstance(inst, int)", PyObject_IsInstance(inst, intt));

    /* A metaclass whose hooks are builtin functions (not bound: they get the one argument). */
    PyObject *ns = PyDict_New();
    PyObject *f1 = PyCFunction_New(&hooks[0], NULL), *f2 = PyCFunction_New(&hooks[1], NULL);
    PyDict_SetItemString(ns, "__instancecheck__", f1);
    PyDict_SetItemString(ns, "__subclasscheck__", f2);
    PyObject *meta = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O)O", "Meta", (PyObject *)&PyType_Type, ns);
    PyObject *empty = PyDict_New();
    PyObject *cls = PyObject_CallFunction(meta, "s()O", "C", empty);
    if (!cls) { print_error("class C"); return 1; }
    r("isinstance(1, C)", PyObject_IsInstance(one, cls));
    r("issubclass(C, C)", PyObject_IsSubclass(cls, cls));
    r("issubclass(int, C)", PyObject_IsSubclass(intt, cls));
    /* __class__ assignment between classes with the same layout, and a refused one. */
    PyObject *A = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", "A", empty);
    PyObject *B = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", "B", empty);
    PyObject *slots = Py_BuildValue("{s(s)}", "__slots__", "x");
    PyObject *S = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", "S", slots);
    PyObject *a = PyObject_CallNoArgs(A);
    r("a.__class__ = B", PyObject_SetAttrString(a, "__class__", B));
    printf("type(a) is B: %d, isinstance(a, A): %d\n", (PyObject *)Py_TYPE(a) == B, PyObject_IsInstance(a, A));
    r("a.__class__ = S", PyObject_SetAttrString(a, "__class__", S));
    Py_DECREF(a); Py_DECREF(A); Py_DECREF(B); Py_DECREF(S); Py_DECREF(slots);
    Py_DECREF(cls); Py_DECREF(meta); Py_DECREF(ns); Py_DECREF(empty); Py_DECREF(f1); Py_DECREF(f2);
    Py_DECREF(inst); Py_DECREF(base); Py_DECREF(derived); Py_DECREF(bases);
    Py_DECREF(t); Py_DECREF(bad_late); Py_DECREF(bad_early); Py_DECREF(one);
    return Py_FinalizeEx() == 0 ? 0 : 1;
}
