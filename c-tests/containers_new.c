/* Calling the container types (tp_new/tp_init): list, tuple, dict (mapping, object with
 * keys(), iterable of pairs, kwargs, both), set, frozenset; subclasses made with type();
 * re-initialisation through __init__; CPython's errors (argument counts, keywords,
 * non-iterables, bad pairs). Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"
#include <stdlib.h>

static void call(const char *label, PyObject *tp, const char *fmt, PyObject *kw, ...)
{
    va_list va;
    va_start(va, kw);
    PyObject *args = fmt ? Py_VaBuildValue(fmt, va) : PyTuple_New(0);
    va_end(va);
    show(label, PyObject_Call(tp, args, kw));
    Py_DECREF(args);
}

static PyObject *subclass(const char *name, PyObject *base)
{
    PyObject *bases = PyTuple_Pack(1, base), *d = PyDict_New();
    PyObject *tp = PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", name, bases, d);
    Py_DECREF(bases); Py_DECREF(d);
    return tp;
}

int main(void)
{
    setenv("PYTHONHASHSEED", "0", 1);
    Py_Initialize();
    PyObject *L = (PyObject *)&PyList_Type, *T = (PyObject *)&PyTuple_Type, *D = (PyObject *)&PyDict_Type;
    PyObject *S = (PyObject *)&PySet_Type, *F = (PyObject *)&PyFrozenSet_Type;
    PyObject *kw = Py_BuildValue("{s:i}", "a", 1);

    call("list()", L, NULL, NULL);
    call("list(tuple)", L, "((iii))", NULL, 1, 2, 3);
    call("list(dict)", L, "({s:i,s:i})", NULL, "x", 1, "y", 2);
    call("list(bytes)", L, "(y)", NULL, "ab");
    call("list(1)", L, "(i)", NULL, 1);
    call("list(1, 2)", L, "(ii)", NULL, 1, 2);
    call("list(a=1)", L, NULL, kw);
    call("tuple()", T, NULL, NULL);
    call("tuple(list)", T, "([ii])", NULL, 1, 2);
    PyObject *t = Py_BuildValue("(ii)", 5, 6);
    PyObject *targ = PyTuple_Pack(1, t);
    PyObject *same = PyObject_Call(T, targ, NULL);
    printf("tuple(t) is t: %d\n", same == t);
    Py_DECREF(same);
    call("tuple(None)", T, "(O)", NULL, Py_None);
    call("tuple(1, 2)", T, "(ii)", NULL, 1, 2);
    call("tuple(a=1)", T, NULL, kw);
    call("dict()", D, NULL, NULL);
    call("dict(kw)", D, NULL, kw);
    call("dict(dict)", D, "({s:i})", NULL, "k", 2);
    call("dict(dict, kw)", D, "({s:i,s:i})", kw, "k", 2, "a", 5);
    call("dict(pairs)", D, "([(ii)(ii)(ii)])", NULL, 1, 2, 3, 4, 1, 5);
    call("dict(pair strings)", D, "([yy])", NULL, "ab", "cd");
    call("dict(bad length)", D, "([(i)])", NULL, 1);
    call("dict(bad length 3)", D, "([(ii)(iii)])", NULL, 1, 2, 1, 2, 3);
    call("dict(not seq)", D, "([ii])", NULL, 1, 2);
    call("dict(int)", D, "(i)", NULL, 3);
    call("dict(1, 2)", D, "(ii)", NULL, 1, 2);
    PyObject *d = PyDict_New();
    PyObject *k1 = Py_BuildValue("(i)", 1);
    PyDict_SetItem(d, k1, Py_None);
    PyObject *keys = PyDict_Keys(d);
    call("dict(keys view?)", D, "(O)", NULL, keys);
    PyObject *items = PyDict_Items(d);
    call("dict(items)", D, "(O)", NULL, items);
    call("set()", S, NULL, NULL);
    call("set(list)", S, "([iii])", NULL, 3, 1, 3);
    call("set(dict)", S, "(O)", NULL, d);
    call("set(1)", S, "(i)", NULL, 1);
    call("set(1, 2)", S, "(ii)", NULL, 1, 2);
    call("set(a=1)", S, NULL, kw);
    call("set(unhashable)", S, "([[]])", NULL);
    call("frozenset()", F, NULL, NULL);
    call("frozenset(list)", F, "([ii])", NULL, 2, 2);
    PyObject *fs = PyFrozenSet_New(t);
    PyObject *fsarg = PyTuple_Pack(1, fs);
    same = PyObject_Call(F, fsarg, NULL);
    printf("frozenset(f) is f: %d\n", same == fs);
    Py_DECREF(same);
    call("frozenset(1, 2)", F, "(ii)", NULL, 1, 2);
    call("frozenset(a=1)", F, NULL, kw);

    /* Re-initialisation through __init__. */
    PyObject *l = Py_BuildValue("[iii]", 7, 8, 9);
    show("list.__init__", PyObject_CallMethod(l, "__init__", "((i))", 1));
    show("after", Py_NewRef(l));
    show("list.__init__()", PyObject_CallMethod(l, "__init__", NULL));
    show("after", Py_NewRef(l));
    PyObject *st = PySet_New(t);
    show("set.__init__", PyObject_CallMethod(st, "__init__", "((i))", 4));
    show("after", Py_NewRef(st));
    PyObject *dd = Py_BuildValue("{s:i}", "z", 0);
    show("dict.__init__", PyObject_CallMethod(dd, "__init__", "({s:i})", "q", 1));
    show("after", Py_NewRef(dd));

    /* Subclasses. */
    PyObject *LS = subclass("MyList", L), *TS = subclass("MyTuple", T), *DS = subclass("MyDict", D);
    PyObject *SS = subclass("MySet", S), *FS = subclass("MyFrozen", F);
    PyObject *o = PyObject_CallFunction(LS, "((ii))", 1, 2);
    show("MyList", PyObject_Repr(o));
    show("MyList type", PyObject_Repr((PyObject *)Py_TYPE(o)));
    show_int("MyList len", PyObject_Length(o));
    Py_XDECREF(o);
    call("MyList(kw)", LS, NULL, kw);
    o = PyObject_CallFunction(TS, "([iii])", 1, 2, 3);
    show("MyTuple", PyObject_Repr(o));
    show_int("MyTuple hash eq", o && PyObject_Hash(o) == PyObject_Hash(PySequence_Tuple(o)));
    Py_XDECREF(o);
    o = PyObject_CallFunction(TS, "(O)", t);
    printf("MyTuple(t) is t: %d\n", o == t);
    Py_XDECREF(o);
    call("MyTuple(kw)", TS, NULL, kw);
    o = PyObject_Call(DS, targ, kw);
    show("MyDict(bad)", o);
    o = PyObject_Call(DS, PyTuple_New(0), kw);
    show("MyDict", PyObject_Repr(o));
    printf("MyDict tracked %d, dict() tracked %d\n", o ? PyObject_GC_IsTracked(o) : -1, PyObject_GC_IsTracked(PyDict_New()));
    Py_XDECREF(o);
    o = PyObject_CallFunction(SS, "([ii])", 4, 5);
    show("MySet", PyObject_Repr(o));
    Py_XDECREF(o);
    o = PyObject_CallFunction(FS, "(O)", fs);
    show("MyFrozen", PyObject_Repr(o));
    printf("MyFrozen(f) is f: %d\n", o == fs);
    Py_XDECREF(o);
    call("MyFrozen(kw)", FS, NULL, kw);
    call("MySet(kw)", SS, NULL, kw);
    Py_Finalize();
    return 0;
}
