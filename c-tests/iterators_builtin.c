/* enumerate (start, keyword arguments, counts past the machine range), reversed (sequences,
 * __reversed__, __length_hint__, non-reversible objects), zip (strict and its messages),
 * map (several iterables, errors from the function), filter (None, bool, a function);
 * CPython's argument errors. Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"

static PyObject *call(PyObject *tp, PyObject *args, PyObject *kw)
{
    PyObject *r = PyObject_Call(tp, args, kw);
    Py_DECREF(args);
    Py_XDECREF(kw);
    return r;
}

static void listed(const char *label, PyObject *it)
{
    show(label, it ? PySequence_List(it) : NULL);
    Py_XDECREF(it);
}

static PyObject *halve(PyObject *self, PyObject *const *args, Py_ssize_t n)
{
    (void)self;
    long s = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        long v = PyLong_AsLong(args[i]);
        if (v == -1 && PyErr_Occurred()) return NULL;
        if (v == 13) { PyErr_SetString(PyExc_ValueError, "unlucky"); return NULL; }
        s += v;
    }
    return PyLong_FromLong(s / 2);
}
static PyMethodDef halve_def = {"halve", (PyCFunction)(void (*)(void))halve, METH_FASTCALL, NULL};

int main(void)
{
    Py_Initialize();
    PyObject *E = (PyObject *)&PyEnum_Type, *Rv = (PyObject *)&PyReversed_Type, *Z = (PyObject *)&PyZip_Type;
    PyObject *M = (PyObject *)&PyMap_Type, *F = (PyObject *)&PyFilter_Type;
    PyObject *abc = Py_BuildValue("[sss]", "a", "b", "c");

    listed("enumerate", call(E, Py_BuildValue("(O)", abc), NULL));
    listed("enumerate start", call(E, Py_BuildValue("(Oi)", abc, -2), NULL));
    listed("enumerate kw", call(E, PyTuple_New(0), Py_BuildValue("{s:O,s:O}", "iterable", abc, "start", Py_True)));
    listed("enumerate big", call(E, Py_BuildValue("(OO)", abc, PyLong_FromString("9223372036854775806", NULL, 10)), NULL));
    listed("enumerate huge", call(E, Py_BuildValue("(OO)", abc, PyLong_FromString("-100000000000000000000", NULL, 10)), NULL));
    show("enumerate()", call(E, PyTuple_New(0), NULL));
    show("enumerate(3 args)", call(E, Py_BuildValue("(Oii)", abc, 1, 2), NULL));
    show("enumerate(x=)", call(E, Py_BuildValue("(O)", abc), Py_BuildValue("{s:i}", "x", 1)));
    show("enumerate(float)", call(E, Py_BuildValue("(Od)", abc, 1.5), NULL));
    show("enumerate(int)", call(E, Py_BuildValue("(i)", 5), NULL));
    show("enumerate(start only)", call(E, PyTuple_New(0), Py_BuildValue("{s:i}", "start", 1)));
    PyObject *en = call(E, Py_BuildValue("(O)", abc), NULL);
    show("enumerate type", PyObject_Repr((PyObject *)Py_TYPE(en)));
    printf("self iter %d\n", PyObject_GetIter(en) == en);
    Py_DECREF(en);
    Py_DECREF(en);

    listed("reversed list", call(Rv, Py_BuildValue("(O)", abc), NULL));
    PyObject *t = Py_BuildValue("(iiii)", 1, 2, 3, 4);
    PyObject *rt = call(Rv, Py_BuildValue("(O)", t), NULL);
    show("reversed tuple type", PyObject_Repr((PyObject *)Py_TYPE(rt)));
    show("hint", PyObject_CallMethod(rt, "__length_hint__", NULL));
    show("next", PyIter_Next(rt));
    show("hint", PyObject_CallMethod(rt, "__length_hint__", NULL));
    listed("rest", rt);
    listed("reversed range", call(Rv, Py_BuildValue("(O)", PyObject_CallFunction((PyObject *)&PyRange_Type, "i", 4)), NULL));
    listed("reversed bytes", call(Rv, Py_BuildValue("(y)", "xyz"), NULL));
    listed("reversed empty", call(Rv, Py_BuildValue("(())"), NULL));
    show("reversed(int)", call(Rv, Py_BuildValue("(i)", 1), NULL));
    show("reversed(set)", call(Rv, Py_BuildValue("(O)", PySet_New(NULL)), NULL));
    show("reversed()", call(Rv, PyTuple_New(0), NULL));
    show("reversed(1, 2)", call(Rv, Py_BuildValue("(ii)", 1, 2), NULL));
    show("reversed(kw)", call(Rv, Py_BuildValue("(O)", abc), Py_BuildValue("{s:i}", "x", 1)));

    listed("zip", call(Z, Py_BuildValue("(OO)", abc, t), NULL));
    listed("zip()", call(Z, PyTuple_New(0), NULL));
    listed("zip one", call(Z, Py_BuildValue("(O)", t), NULL));
    PyObject *strict = Py_BuildValue("{s:O}", "strict", Py_True);
    listed("zip strict equal", call(Z, Py_BuildValue("(OO)", abc, abc), Py_NewRef(strict)));
    listed("zip strict shorter", call(Z, Py_BuildValue("(OO)", t, abc), Py_NewRef(strict)));
    listed("zip strict longer", call(Z, Py_BuildValue("(OO)", abc, t), Py_NewRef(strict)));
    listed("zip strict 3 longer", call(Z, Py_BuildValue("(OOO)", abc, abc, t), Py_NewRef(strict)));
    listed("zip strict 3 shorter", call(Z, Py_BuildValue("(OOO)", t, t, abc), Py_NewRef(strict)));
    listed("zip strict False", call(Z, Py_BuildValue("(OO)", abc, t), Py_BuildValue("{s:i}", "strict", 0)));
    show("zip(x=)", call(Z, Py_BuildValue("(O)", abc), Py_BuildValue("{s:i}", "x", 1)));
    show("zip(2 kw)", call(Z, Py_BuildValue("(O)", abc), Py_BuildValue("{s:i,s:i}", "strict", 1, "x", 1)));
    show("zip(int)", call(Z, Py_BuildValue("(Oi)", abc, 1), NULL));

    PyObject *h = PyCFunction_New(&halve_def, NULL);
    listed("map", call(M, Py_BuildValue("(OO)", h, t), NULL));
    listed("map 2", call(M, Py_BuildValue("(OOO)", h, t, PyObject_CallFunction((PyObject *)&PyRange_Type, "ii", 10, 13)), NULL));
    listed("map error", call(M, Py_BuildValue("(OO)", h, Py_BuildValue("[iii]", 4, 13, 2)), NULL));
    listed("map type error", call(M, Py_BuildValue("(OO)", h, abc), NULL));
    show("map(f)", call(M, Py_BuildValue("(O)", h), NULL));
    show("map(kw)", call(M, Py_BuildValue("(OO)", h, t), Py_BuildValue("{s:i}", "x", 1)));
    show("map(f, int)", call(M, Py_BuildValue("(Oi)", h, 1), NULL));

    PyObject *mixed = Py_BuildValue("[iO()iOi]", 0, Py_None, 5, Py_True, 2);
    listed("filter None", call(F, Py_BuildValue("(OO)", Py_None, mixed), NULL));
    listed("filter bool", call(F, Py_BuildValue("(OO)", (PyObject *)&PyBool_Type, mixed), NULL));
    listed("filter halve", call(F, Py_BuildValue("(OO)", h, t), NULL));
    listed("filter error", call(F, Py_BuildValue("(OO)", h, Py_BuildValue("[ii]", 2, 13)), NULL));
    show("filter(1 arg)", call(F, Py_BuildValue("(O)", h), NULL));
    show("filter(kw)", call(F, Py_BuildValue("(OO)", h, t), Py_BuildValue("{s:i}", "x", 1)));
    show("filter(f, int)", call(F, Py_BuildValue("(Oi)", h, 1), NULL));
    Py_Finalize();
    return 0;
}
