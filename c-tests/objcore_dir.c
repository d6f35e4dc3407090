/* PyObject_Dir and builtins.dir: object.__dir__ (instance dict + class dicts along
 * __class__/__bases__), type.__dir__ (class and bases, not the metatype), module.__dir__
 * (the dict's own __dir__ function wins), a class's own __dir__ (any iterable, sorted),
 * and CPython's errors: no frame for dir(), a non-iterable __dir__ result, an unsortable
 * one, a module whose __dict__ is not a dict. */
#include <Python.h>
#include "proto_util.h"

static PyObject *returns_tuple(PyObject *self, PyObject *arg)
{
    (void)self; (void)arg;
    return Py_BuildValue("(sss)", "zeta", "alpha", "mid");
}
static PyObject *returns_int(PyObject *self, PyObject *arg) { (void)self; (void)arg; return PyLong_FromLong(7); }
static PyObject *returns_mixed(PyObject *self, PyObject *arg) { (void)self; (void)arg; return Py_BuildValue("[si]", "a", 1); }
static PyObject *module_dir_func(PyObject *self, PyObject *args) { (void)self; (void)args; return Py_BuildValue("[ss]", "only", "these"); }
static PyObject *dict_is_five(PyObject *self, PyObject *arg) { (void)self; (void)arg; return PyLong_FromLong(5); }

static PyMethodDef defs[] = {
    {"returns_tuple", returns_tuple, METH_O, NULL},
    {"returns_int", returns_int, METH_O, NULL},
    {"returns_mixed", returns_mixed, METH_O, NULL},
    {"__dir__", module_dir_func, METH_NOARGS, NULL},
    {"dict_is_five", dict_is_five, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* An instance method (binds like a Python function) from defs[i]. */
static PyObject *method(int i)
{
    PyObject *f = PyCFunction_New(&defs[i], NULL);
    PyObject *m = PyInstanceMethod_New(f);
    Py_DECREF(f);
    return m;
}

static PyObject *make_class(const char *name, PyObject *bases, PyObject *ns)
{
    return PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", name, bases, ns);
}

int main(void)
{
    Py_Initialize();
    PyObject *builtins = PyEval_GetBuiltins();
    PyObject *dir = PyDict_GetItemString(builtins, "dir");

    show("dir(object)", PyObject_Dir((PyObject *)&PyBaseObject_Type));
    show("dir(42)", PyObject_Dir(PyLong_FromLong(42)));
    show("dir('')[:5]", PySequence_GetSlice(PyObject_Dir(PyUnicode_FromString("")), 0, 5));
    show("dir(None)", PyObject_Dir(Py_None));
    show("dir(dict) has keys", PyBool_FromLong(PySequence_Contains(PyObject_Dir((PyObject *)&PyDict_Type), S("keys"))));

    /* Classes: A(object) with attributes, B(A) with more; instances with a dict. */
    PyObject *nsA = Py_BuildValue("{s:i,s:i}", "a_attr", 1, "shared", 2);
    PyObject *A = make_class("A", PyTuple_New(0), nsA);
    PyObject *nsB = Py_BuildValue("{s:i}", "b_attr", 3);
    PyObject *B = make_class("B", Py_BuildValue("(O)", A), nsB);
    show("dir(B)", PyObject_Dir(B));
    PyObject *b = PyObject_CallNoArgs(B);
    PyObject_SetAttrString(b, "inst", Py_None);
    PyObject_SetAttrString(b, "zzz", Py_None);
    show("dir(b)", PyObject_Dir(b));
    show("builtins.dir(b)", PyObject_CallOneArg(dir, b));
    show("B.__dir__(B) (type.__dir__, unsorted)", PyObject_CallMethod(B, "__dir__", NULL));
    show("object.__dir__(b) type", PyObject_Type(PyObject_CallMethod(b, "__dir__", NULL)));

    /* A class whose __dir__ returns a tuple: dir() sorts it into a list. */
    PyObject *nsC = Py_BuildValue("{s:N}", "__dir__", method(0));
    PyObject *C = make_class("C", PyTuple_New(0), nsC);
    PyObject *c = PyObject_CallNoArgs(C);
    show("dir(c) from __dir__", PyObject_Dir(c));
    /* __dir__ of the instance dict is ignored: it is looked up on the type. */
    PyObject_SetAttrString(b, "__dir__", PyCFunction_New(&defs[1], NULL));
    show("dir(b) ignores instance __dir__ (has 'inst')", PyBool_FromLong(PySequence_Contains(PyObject_Dir(b), S("inst"))));

    PyObject *nsD = Py_BuildValue("{s:N}", "__dir__", method(1));
    PyObject *D = make_class("D", PyTuple_New(0), nsD);
    show("dir(D()) non-iterable", PyObject_Dir(PyObject_CallNoArgs(D)));
    PyObject *nsE = Py_BuildValue("{s:N}", "__dir__", method(2));
    PyObject *E = make_class("E", PyTuple_New(0), nsE);
    show("dir(E()) unsortable", PyObject_Dir(PyObject_CallNoArgs(E)));

    /* Instances whose __dict__ is not a dict fall back to the class names. */
    PyObject *nsF = Py_BuildValue("{s:i}", "__dict__", 5);
    PyObject *F = make_class("F", PyTuple_New(0), nsF);
    show("dir(F())", PyObject_Dir(PyObject_CallNoArgs(F)));

    /* Modules: the dict's keys, or the __dir__ function stored in the dict. */
    PyObject *m = PyModule_New("mod");
    PyModule_AddIntConstant(m, "x", 1);
    show("dir(module)", PyObject_Dir(m));
    PyModule_AddObject(m, "__dir__", PyCFunction_New(&defs[3], NULL));
    show("dir(module with __dir__)", PyObject_Dir(m));
    PyObject *nsM2 = PyDict_New();
    PyObject *prop = PyObject_CallOneArg((PyObject *)&PyProperty_Type, PyCFunction_New(&defs[4], NULL));
    PyDict_SetItemString(nsM2, "__dict__", prop);
    PyObject *M = make_class("M", Py_BuildValue("(O)", (PyObject *)&PyModule_Type), nsM2);
    show("module subclass with non-dict __dict__", PyObject_Dir(PyObject_CallFunction(M, "s", "mm")));
    PyObject *mdir = PyObject_GetAttrString((PyObject *)&PyModule_Type, "__dir__");
    show("module.__dir__ is a method descriptor", PyObject_Type(mdir));

    /* dir() without arguments needs a frame; with two it is an argument error. */
    show("PyObject_Dir(NULL)", PyObject_Dir(NULL));
    show("dir(1, 2)", PyObject_CallFunction(dir, "ii", 1, 2));
    show("dir(type) is sorted list", PyBool_FromLong(PyList_Check(PyObject_Dir((PyObject *)&PyType_Type))));
    Py_Finalize();
    return 0;
}
