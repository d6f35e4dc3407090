/* set and frozenset through the C-API: New from lists/tuples/dicts/sets, Add/Discard/
 * Contains/Pop/Clear/Size, iteration order and reprs (PYTHONHASHSEED=0: str hashes, hence
 * orders, are CPython's), frozenset hashes, comparisons, the operators (| & - ^ and their
 * in-place forms), "Set changed size during iteration", bad arguments.
 * Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"
#include <stdlib.h>

/* The number slots themselves (PyNumber_* belong to the number protocol). */
#define NB(a, b, slot) (Py_TYPE(a)->tp_as_number->slot((a), (b)))

static void ops(const char *label, PyObject *a, PyObject *b)
{
    char buf[100];
    snprintf(buf, sizeof buf, "%s |", label); show(buf, NB(a, b, nb_or));
    snprintf(buf, sizeof buf, "%s &", label); show(buf, NB(a, b, nb_and));
    snprintf(buf, sizeof buf, "%s -", label); show(buf, NB(a, b, nb_subtract));
    snprintf(buf, sizeof buf, "%s ^", label); show(buf, NB(a, b, nb_xor));
    for (int op = 0; op < 6; op++) {
        snprintf(buf, sizeof buf, "%s cmp %d", label, op);
        show(buf, PyObject_RichCompare(a, b, op));
    }
}

int main(void)
{
    setenv("PYTHONHASHSEED", "0", 1);
    Py_Initialize();
    PyObject *words = strs("apple,banana,cherry,date,elderberry,fig,grape,apple,kiwi,lemon,mango,fig");
    PyObject *s = PySet_New(words);
    show("set", PyObject_Repr(s));
    show_int("size", PySet_Size(s));
    show_int("GET_SIZE", PySet_GET_SIZE(s));
    printf("tracked %d\n", PyObject_GC_IsTracked(s));
    PyObject *fig = S("fig"), *zzz = S("zzz");
    show_int("contains fig", PySet_Contains(s, fig));
    show_int("contains zzz", PySet_Contains(s, zzz));
    show_int("contains list", PySet_Contains(s, words));
    show_int("discard fig", PySet_Discard(s, fig));
    show_int("discard fig again", PySet_Discard(s, fig));
    show_int("add zzz", PySet_Add(s, zzz));
    show_int("add fig", PySet_Add(s, fig));
    show_int("add list", PySet_Add(s, words));
    show("after changes", PyObject_Repr(s));
    PyObject *e = PySet_New(NULL);
    show("empty set", PyObject_Repr(e));
    show("pop empty", PySet_Pop(e));
    PyObject *f = PyFrozenSet_New(words);
    show("frozenset", PyObject_Repr(f));
    show_int("frozenset hash", PyObject_Hash(f));
    PyObject *f2 = PyFrozenSet_New(s);
    show_int("frozenset(set) hash", PyObject_Hash(f2));
    PyObject *fe = PyFrozenSet_New(NULL);
    show("empty frozenset", PyObject_Repr(fe));
    show_int("empty frozenset hash", PyObject_Hash(fe));
    PyObject *bools = PyTuple_Pack(3, Py_True, Py_False, Py_True);
    PyObject *fb = PyFrozenSet_New(bools);
    show("frozenset bools", PyObject_Repr(fb));
    show_int("frozenset bools hash", PyObject_Hash(fb));
    PyObject *nested = PyTuple_Pack(2, fb, fe);
    PyObject *fn = PyFrozenSet_New(nested);
    show("nested", PyObject_Repr(fn));
    show_int("nested hash", PyObject_Hash(fn));
    show_int("set hash", PyObject_Hash(s));
    show_int("add to frozenset", PySet_Add(f, zzz));
    show_int("discard from frozenset", PySet_Discard(f, zzz));
    show_int("contains frozenset in set of frozensets", PySet_Contains(fn, fb));

    PyObject *d = PyDict_New();
    PyDict_SetItem(d, zzz, Py_None);
    PyDict_SetItem(d, fig, Py_None);
    show("set(dict)", PySet_New(d));
    show("set(None)", PySet_New(Py_None));

    /* Pop until empty. */
    PyObject *p = PySet_New(strs("a,b,c,d"));
    PyObject *x;
    while ((x = PySet_Pop(p)) != NULL)
        show("pop", x);
    show_err("pop end");

    /* Operators and comparisons. */
    PyObject *a = PySet_New(strs("a,b,c,d")), *b = PySet_New(strs("c,d,e")), *fa = PyFrozenSet_New(strs("a,b"));
    ops("abcd ? cde", a, b);
    ops("abcd ? frozen ab", a, fa);
    ops("frozen ab ? abcd", fa, a);
    show("set | list", NB(a, words, nb_or));
    show("set == frozenset same", PyObject_RichCompare(PySet_New(fa), fa, Py_EQ));
    PyObject *c = PySet_New(a);
    show("c |= cde", NB(c, b, nb_inplace_or));
    show("c &= frozen ab", NB(c, fa, nb_inplace_and));
    show("c ^= cde", NB(c, b, nb_inplace_xor));
    show("c -= frozen ab", NB(c, fa, nb_inplace_subtract));
    show("c |= list", NB(c, words, nb_inplace_or));
    show("c", PyObject_Repr(c));
    show_int("len via PyObject_Size", PyObject_Size(c));

    /* Iteration, and change during it. */
    PyObject *it = PyObject_GetIter(a);
    printf("iterator type %s\n", Py_TYPE(it)->tp_name);
    show("first", PyIter_Next(it));
    PySet_Add(a, zzz);
    show("after add", PyIter_Next(it));
    show("again", PyIter_Next(it));
    Py_DECREF(it);

    /* A set that contains itself through a frozenset cannot; a list does for the repr. */
    show_int("Clear", PySet_Clear(a));
    show("cleared", PyObject_Repr(a));

    /* Bad arguments. */
    show_int("Size(list)", PySet_Size(words));
    show_int("Add(frozenset shared)", PySet_Add(fa, zzz));
    show_int("Clear(frozenset)", PySet_Clear(fa));
    show("Pop(frozenset)", PySet_Pop(fa));
    show_int("Contains(list)", PySet_Contains(words, zzz));

    printf("error left: %d\n", PyErr_Occurred() != NULL);
    Py_FinalizeEx();
    return 0;
}
