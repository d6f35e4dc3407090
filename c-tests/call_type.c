/* Calling types (type.__call__): tp_new then tp_init, type(x), "cannot create" for types
 * without tp_new or with Py_TPFLAGS_DISALLOW_INSTANTIATION, object.__new__/__init__'s
 * excess-argument rules for every combination of overridden tp_new/tp_init, a tp_new that
 * returns another type's object (not initialized), a failing tp_init, a tp_new returning
 * NULL without an exception.
 * Expected output: CPython 3.11's, in the same run. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <string.h>

static void show(const char *what, PyObject *res)
{
    printf("%-36s -> ", what);
    if (res) {
        printf("%s instance\n", Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        if (PyErr_Occurred()) { printf("  !! error set with a result\n"); PyErr_Clear(); }
        return;
    }
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("%s: ", t ? ((PyTypeObject *)t)->tp_name : "NO EXCEPTION");
    if (v && PyUnicode_Check(v) && PyUnicode_KIND(v) == 1) printf("%s", (const char *)PyUnicode_DATA(v));
    printf("\n");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

static int inits;

static PyObject *my_new(PyTypeObject *tp, PyObject *args, PyObject *kw)
{
    (void)args; (void)kw;
    return tp->tp_alloc(tp, 0);
}
static int my_init(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    inits++;
    printf("  init with %zd args, kw %s\n", PyTuple_GET_SIZE(args), kw ? "dict" : "NULL");
    return 0;
}
static int failing_init(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self; (void)args; (void)kw;
    PyErr_SetString(PyExc_ValueError, "init failed");
    return -1;
}
static PyObject *other_new(PyTypeObject *tp, PyObject *args, PyObject *kw)
{
    (void)tp; (void)args; (void)kw;
    return PyUnicode_FromString("not an instance");
}
static PyObject *null_new(PyTypeObject *tp, PyObject *args, PyObject *kw)
{
    (void)tp; (void)args; (void)kw;
    return NULL;
}
/* Calls object.__new__ / object.__init__ as a subclass's slots would. */
static PyObject *super_new(PyTypeObject *tp, PyObject *args, PyObject *kw)
{
    return PyBaseObject_Type.tp_new(tp, args, kw);
}
static int super_init(PyObject *self, PyObject *args, PyObject *kw)
{
    return PyBaseObject_Type.tp_init(self, args, kw);
}

#define TYPE(var, name) static PyTypeObject var = { PyVarObject_HEAD_INIT(NULL, 0) .tp_name = name, \
    .tp_basicsize = sizeof(PyObject), .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE

TYPE(Plain, "m.Plain"), .tp_new = PyType_GenericNew };
TYPE(NoNew, "m.NoNew") };
TYPE(Disallow, "m.Disallow"), .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION, .tp_new = PyType_GenericNew };
TYPE(WithInit, "m.WithInit"), .tp_new = PyType_GenericNew, .tp_init = my_init };
TYPE(WithNew, "m.WithNew"), .tp_new = my_new };
TYPE(Both, "m.Both"), .tp_new = my_new, .tp_init = my_init };
TYPE(Failing, "m.Failing"), .tp_new = PyType_GenericNew, .tp_init = failing_init };
TYPE(Other, "m.Other"), .tp_new = other_new, .tp_init = my_init };
TYPE(NullNew, "m.NullNew"), .tp_new = null_new };
TYPE(SuperNewOwnInit, "m.SuperNewOwnInit"), .tp_new = super_new, .tp_init = my_init };
TYPE(OwnNewSuperInit, "m.OwnNewSuperInit"), .tp_new = my_new, .tp_init = super_init };
TYPE(SuperBoth, "m.SuperBoth"), .tp_new = super_new, .tp_init = super_init };
TYPE(ObjectNew, "m.ObjectNew") };

int main(void)
{
    Py_Initialize();
    PyTypeObject *types[] = {&Plain, &NoNew, &Disallow, &WithInit, &WithNew, &Both, &Failing, &Other,
                             &NullNew, &SuperNewOwnInit, &OwnNewSuperInit, &SuperBoth, &ObjectNew};
    /* ObjectNew inherits object's own slots. */
    ObjectNew.tp_new = PyBaseObject_Type.tp_new;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        if (PyType_Ready(types[i]) < 0) { show("ready", NULL); return 1; }
    }
    PyObject *args0 = PyTuple_New(0);
    PyObject *args1 = Py_BuildValue("(s)", "x");
    PyObject *kw = Py_BuildValue("{s:s}", "k", "v");
    PyObject *kw0 = Py_BuildValue("{}");
    char what[128];
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        PyObject *t = (PyObject *)types[i];
        printf("== %s (callable %d)\n", types[i]->tp_name, PyCallable_Check(t));
        snprintf(what, sizeof what, "%s()", types[i]->tp_name);
        show(what, PyObject_CallNoArgs(t));
        snprintf(what, sizeof what, "%s('x')", types[i]->tp_name);
        show(what, PyObject_CallOneArg(t, args1));
        snprintf(what, sizeof what, "%s(k='v')", types[i]->tp_name);
        show(what, PyObject_Call(t, args0, kw));
        snprintf(what, sizeof what, "%s(**{})", types[i]->tp_name);
        show(what, PyObject_Call(t, args0, kw0));
    }
    printf("inits %d\n", inits);

    printf("== type\n");
    PyObject *s = PyUnicode_FromString("s");
    PyObject *r = PyObject_CallOneArg((PyObject *)&PyType_Type, s);
    printf("type('s') is str %d\n", r == (PyObject *)&PyUnicode_Type);
    Py_DECREF(r);
    r = PyObject_Call((PyObject *)&PyType_Type, args1, NULL);
    printf("type(*('x',)) is str %d\n", r == (PyObject *)&PyUnicode_Type);
    Py_DECREF(r);
    r = PyObject_CallOneArg((PyObject *)&PyType_Type, (PyObject *)&PyType_Type);
    printf("type(type) is type %d\n", r == (PyObject *)&PyType_Type);
    Py_DECREF(r);
    show("type()", PyObject_CallNoArgs((PyObject *)&PyType_Type));
    show("type(a, b)", PyObject_CallFunction((PyObject *)&PyType_Type, "ss", "a", "b"));
    show("type(a, b, c, d)", PyObject_CallFunction((PyObject *)&PyType_Type, "ssss", "a", "b", "c", "d"));
    PyObject *kwn = Py_BuildValue("(s)", "k");
    PyObject *stack[2] = {s, s};
    show("type(s, k=s) vectorcall", PyObject_Vectorcall((PyObject *)&PyType_Type, stack, 1, kwn));
    show("type(s, k=s) dict", PyObject_Call((PyObject *)&PyType_Type, args1, kw));
    show("type(*(), k=s)", PyObject_Call((PyObject *)&PyType_Type, args0, kw));
    printf("PyCallable_Check(type) %d PyVectorcall_Function(type) %s\n", PyCallable_Check((PyObject *)&PyType_Type),
           PyVectorcall_Function((PyObject *)&PyType_Type) ? "set" : "NULL");

    printf("== object\n");
    show("object()", PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type));
    show("object('x')", PyObject_CallOneArg((PyObject *)&PyBaseObject_Type, args1));
    show("object(k='v')", PyObject_Call((PyObject *)&PyBaseObject_Type, args0, kw));
    show("float()", PyObject_CallNoArgs((PyObject *)&PyFloat_Type));

    Py_DECREF(s); Py_DECREF(kwn); Py_DECREF(args0); Py_DECREF(args1); Py_DECREF(kw); Py_DECREF(kw0);
    Py_Finalize();
    printf("done\n");
    return 0;
}
