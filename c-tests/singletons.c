/* The singletons None, NotImplemented, Ellipsis, True and False, and the ABI rule for
 * exported data (docs/DESIGN.md, "Exported data"): the objects this program reaches by
 * address (Py_None is &_Py_NoneStruct, copy-relocated into a PIE or non-PIE executable)
 * must be the ones the library hands back (PyBool_FromLong, Py_TYPE, tp_mro, type dicts).
 * Also: the Py_Is* tests, Py_RETURN_* refcounts (deltas), the types' names, sizes, flags,
 * repr and hash, bool's MRO (bool, int, object), PyType_IsSubtype and the check macros.
 * singletons_nopie.c runs this file linked non-PIE. Expected output: CPython 3.11's. */
#include <Python.h>
#include <stdio.h>
#include <string.h>

#define CHECK(expr) printf("%-60s %d\n", #expr, (int)(expr))

/* Flags not set by the type itself: the method cache bit depends on which lookups ran;
 * KNOWN GAP (docs/STATUS.md): without tp_new yet, ferropy marks int and bool
 * Py_TPFLAGS_DISALLOW_INSTANTIATION (they have tp_new in CPython). The singletons' types
 * have tp_new: their bit is checked below. */
#define FLAGS(tp) ((tp)->tp_flags & ~(Py_TPFLAGS_VALID_VERSION_TAG | Py_TPFLAGS_DISALLOW_INSTANTIATION))

static PyObject *ret_none(void) { Py_RETURN_NONE; }
static PyObject *ret_true(void) { Py_RETURN_TRUE; }
static PyObject *ret_false(void) { Py_RETURN_FALSE; }
static PyObject *ret_notimpl(void) { Py_RETURN_NOTIMPLEMENTED; }
static PyObject *ret_cmp(long a, long b, int op) { Py_RETURN_RICHCOMPARE(a, b, op); }

static void print_repr(const char *label, PyObject *ob)
{
    PyObject *r = Py_TYPE(ob)->tp_repr(ob);
    if (r == NULL) {
        printf("%s: repr failed\n", label);
        return;
    }
    printf("%s: repr %s len=%zd '%.*s'\n", label, Py_TYPE(r)->tp_name, PyUnicode_GET_LENGTH(r),
           (int)PyUnicode_GET_LENGTH(r), (const char *)PyUnicode_DATA(r));
    Py_DECREF(r);
}

static void print_type(PyTypeObject *tp)
{
    printf("type %s: basicsize=%zd itemsize=%zd flags=0x%lx base=%s doc=%s\n", tp->tp_name,
           tp->tp_basicsize, tp->tp_itemsize, FLAGS(tp),
           tp->tp_base ? tp->tp_base->tp_name : "(null)", tp->tp_doc ? "yes" : "no");
    PyObject *mro = tp->tp_mro;
    printf("  mro:");
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); i++)
        printf(" %s", ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_name);
    printf("\n");
}

static PyObject *unhashable_richcompare(PyObject *a, PyObject *b, int op)
{
    (void)a; (void)b; (void)op;
    Py_RETURN_NOTIMPLEMENTED;
}

static PyTypeObject Unhashable_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "singletons.Unhashable",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_richcompare = unhashable_richcompare,
};

static void round_trip(int round)
{
    printf("== round %d\n", round);

    /* The library's objects are the program's. */
    PyObject *t = PyBool_FromLong(1), *f = PyBool_FromLong(0), *t2 = PyBool_FromLong(-7);
    CHECK(t == Py_True);
    CHECK(t2 == Py_True);
    CHECK(f == Py_False);
    CHECK(t == (PyObject *)&_Py_TrueStruct);
    CHECK(f == (PyObject *)&_Py_FalseStruct);
    Py_DECREF(t);
    Py_DECREF(t2);
    Py_DECREF(f);
    CHECK(Py_None == &_Py_NoneStruct);
    CHECK(Py_TYPE(Py_None) == &_PyNone_Type);
    CHECK(Py_TYPE(Py_NotImplemented) == &_PyNotImplemented_Type);
    CHECK(Py_TYPE(Py_Ellipsis) == &PyEllipsis_Type);
    CHECK(Py_TYPE(Py_True) == &PyBool_Type);
    CHECK(Py_TYPE(Py_False) == &PyBool_Type);
    CHECK(Py_TYPE(&PyBool_Type) == &PyType_Type);
    CHECK(PyBool_Type.tp_base == &PyLong_Type);
    CHECK(PyLong_Type.tp_base == &PyBaseObject_Type);
    CHECK(_PyNone_Type.tp_base == &PyBaseObject_Type);
    CHECK(PyTuple_GET_ITEM(PyBool_Type.tp_mro, 0) == (PyObject *)&PyBool_Type);
    CHECK(PyTuple_GET_ITEM(PyBool_Type.tp_mro, 1) == (PyObject *)&PyLong_Type);
    CHECK(PyTuple_GET_ITEM(PyBool_Type.tp_mro, 2) == (PyObject *)&PyBaseObject_Type);

    /* None handed back from type dicts built by the library. */
    PyObject *doc = PyUnicode_InternFromString("__doc__");
    PyObject *hash = PyUnicode_InternFromString("__hash__");
    CHECK(_PyType_Lookup(&_PyNone_Type, doc) == Py_None);
    CHECK(_PyType_Lookup(&_PyNotImplemented_Type, doc) == Py_None);
    CHECK(_PyType_Lookup(&PyEllipsis_Type, doc) == Py_None);
    CHECK(_PyType_Lookup(&PyBool_Type, doc) != Py_None);
    if (round == 1) {
        CHECK(PyType_Ready(&Unhashable_Type));
    }
    CHECK(_PyType_Lookup(&Unhashable_Type, hash) == Py_None);
    CHECK(_PyType_Lookup(&Unhashable_Type, doc) == Py_None);
    CHECK(Unhashable_Type.tp_hash != NULL);
    Py_DECREF(doc);
    Py_DECREF(hash);

    /* Identity tests. */
    CHECK(Py_IsNone(Py_None));
    CHECK(Py_IsNone(Py_False));
    CHECK(Py_IsTrue(Py_True));
    CHECK(Py_IsTrue(Py_False));
    CHECK(Py_IsFalse(Py_False));
    CHECK(Py_IsFalse(Py_None));
    CHECK(Py_Is(Py_Ellipsis, Py_Ellipsis));
    CHECK(Py_Is(Py_Ellipsis, Py_NotImplemented));

    /* Py_RETURN_*: a new reference each (count deltas). */
    struct { const char *name; PyObject *(*fn)(void); PyObject *expect; } rets[] = {
        { "Py_RETURN_NONE", ret_none, Py_None },
        { "Py_RETURN_TRUE", ret_true, Py_True },
        { "Py_RETURN_FALSE", ret_false, Py_False },
        { "Py_RETURN_NOTIMPLEMENTED", ret_notimpl, Py_NotImplemented },
    };
    for (size_t i = 0; i < sizeof rets / sizeof *rets; i++) {
        Py_ssize_t before = Py_REFCNT(rets[i].expect);
        PyObject *r = rets[i].fn();
        Py_ssize_t after = Py_REFCNT(rets[i].expect);
        printf("%s: same=%d delta=%zd", rets[i].name, r == rets[i].expect, after - before);
        Py_DECREF(r);
        printf(" back=%zd\n", Py_REFCNT(rets[i].expect) - before);
    }
    Py_ssize_t before = Py_REFCNT(Py_True);
    PyObject *b = PyBool_FromLong(42);
    printf("PyBool_FromLong: delta=%zd\n", Py_REFCNT(Py_True) - before);
    Py_DECREF(b);
    PyObject *c1 = ret_cmp(1, 2, Py_LT), *c2 = ret_cmp(1, 2, Py_GE), *c3 = ret_cmp(3, 3, Py_EQ);
    printf("Py_RETURN_RICHCOMPARE: %d %d %d\n", c1 == Py_True, c2 == Py_False, c3 == Py_True);
    Py_DECREF(c1);
    Py_DECREF(c2);
    Py_DECREF(c3);

    /* Layout of True and False: ints with one digit. */
    CHECK(Py_SIZE(Py_True));
    CHECK(Py_SIZE(Py_False));
    CHECK(((PyLongObject *)Py_True)->ob_digit[0]);
    CHECK(((PyLongObject *)Py_False)->ob_digit[0]);
    CHECK(sizeof _Py_TrueStruct == sizeof(PyLongObject));

    /* Checks. */
    CHECK(PyBool_Check(Py_True));
    CHECK(PyBool_Check(Py_False));
    CHECK(PyBool_Check(Py_None));
    CHECK(PyLong_Check(Py_True));
    CHECK(PyLong_Check(Py_None));
    CHECK(PyLong_Check(Py_Ellipsis));
    CHECK(PyLong_CheckExact(Py_True));
    CHECK(PyObject_TypeCheck(Py_False, &PyLong_Type));
    CHECK(PyObject_TypeCheck(Py_None, &PyLong_Type));
    CHECK(PyType_IsSubtype(&PyBool_Type, &PyLong_Type));
    CHECK(PyType_IsSubtype(&PyLong_Type, &PyBool_Type));
    CHECK(PyType_IsSubtype(&PyBool_Type, &PyBaseObject_Type));
    CHECK(PyType_IsSubtype(&_PyNone_Type, &PyBaseObject_Type));
    CHECK(PyType_IsSubtype(&_PyNone_Type, &PyLong_Type));
    CHECK(PyType_HasFeature(&PyBool_Type, Py_TPFLAGS_BASETYPE));
    CHECK(PyType_HasFeature(&PyLong_Type, Py_TPFLAGS_BASETYPE));

    /* The types. */
    print_type(&_PyNone_Type);
    print_type(&_PyNotImplemented_Type);
    print_type(&PyEllipsis_Type);
    print_type(&PyBool_Type);
    print_type(&PyLong_Type);

    /* repr and hash. */
    print_repr("None", Py_None);
    print_repr("NotImplemented", Py_NotImplemented);
    print_repr("Ellipsis", Py_Ellipsis);
    print_repr("True", Py_True);
    print_repr("False", Py_False);
    CHECK(Py_TYPE(Py_True)->tp_hash(Py_True));
    CHECK(Py_TYPE(Py_False)->tp_hash(Py_False));
    CHECK(Py_TYPE(Py_None)->tp_hash(Py_None) == _Py_HashPointer(Py_None));
    CHECK(Py_TYPE(Py_Ellipsis)->tp_hash(Py_Ellipsis) == _Py_HashPointer(Py_Ellipsis));
    CHECK(Py_TYPE(Py_NotImplemented)->tp_hash(Py_NotImplemented) == _Py_HashPointer(Py_NotImplemented));
    CHECK(Py_TYPE(Py_None)->tp_dealloc != NULL);
    CHECK(PyBool_Type.tp_hash == PyLong_Type.tp_hash);
    CHECK(Py_TYPE(Py_None)->tp_as_number->nb_bool(Py_None));

    /* Calling the types without arguments gives the singleton (object.__bases__ is ()). */
    CHECK(PyType_HasFeature(&_PyNone_Type, Py_TPFLAGS_DISALLOW_INSTANTIATION));
    CHECK(PyType_HasFeature(&_PyNotImplemented_Type, Py_TPFLAGS_DISALLOW_INSTANTIATION));
    CHECK(PyType_HasFeature(&PyEllipsis_Type, Py_TPFLAGS_DISALLOW_INSTANTIATION));
    PyObject *noargs = PyBaseObject_Type.tp_bases;
    CHECK(PyTuple_GET_SIZE(noargs));
    PyObject *singles[] = { Py_None, Py_NotImplemented, Py_Ellipsis };
    for (int i = 0; i < 3; i++) {
        PyTypeObject *tp = Py_TYPE(singles[i]);
        Py_ssize_t count = Py_REFCNT(singles[i]);
        PyObject *r = tp->tp_new(tp, noargs, NULL);
        printf("%s(): same=%d delta=%zd\n", tp->tp_name, r == singles[i], Py_REFCNT(singles[i]) - count);
        Py_DECREF(r);
    }
}

int main(void)
{
    Py_Initialize();
    round_trip(1);
    if (Py_FinalizeEx() != 0)
        return 1;
    Py_Initialize();
    round_trip(2);
    if (Py_FinalizeEx() != 0)
        return 1;
    return 0;
}
