/* Struct sequences: PyStructSequence_NewType (heap) and InitType2 (static) with unnamed and
 * invisible fields; New/SetItem/GetItem and the macros; repr, len, items, members,
 * __reduce__, the type's n_* entries and __match_args__, tp_new from a sequence (+ dict)
 * with CPython's errors; hash and equality as a tuple; PyLong_GetInfo and PyFloat_GetInfo.
 * Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"

static PyStructSequence_Field point_fields[] = {
    {"x", "the x coordinate"},
    {NULL, NULL}, /* patched to PyStructSequence_UnnamedField (not a constant in C) */
    {"y", "the y coordinate"},
    {"z", "hidden z"},
    {"w", "hidden w"},
    {NULL, NULL},
};
static PyStructSequence_Desc point_desc = {"geo.point", "A point.", point_fields, 3};

static PyStructSequence_Field pair_fields[] = {
    {"first", NULL},
    {"second", "the second one"},
    {NULL, NULL},
};
static PyStructSequence_Desc pair_desc = {"pair", NULL, pair_fields, 2};
static PyTypeObject PairType;

static void attr(const char *label, PyObject *o, const char *name)
{
    char buf[120];
    snprintf(buf, sizeof buf, "%s.%s", label, name);
    show(buf, PyObject_GetAttrString(o, name));
}

static void construct(const char *label, PyObject *tp, PyObject *args, PyObject *kw)
{
    show(label, PyObject_Call(tp, args, kw));
    Py_DECREF(args);
    Py_XDECREF(kw);
}

int main(void)
{
    Py_Initialize();
    point_fields[1].name = PyStructSequence_UnnamedField;
    PyTypeObject *pt = PyStructSequence_NewType(&point_desc);
    if (pt == NULL) { show_err("NewType"); return 1; }
    PyObject *ptype = (PyObject *)pt;
    show("type", Py_NewRef(ptype));
    printf("heap %d gc %d base tuple %d basicsize %zd itemsize %zd\n",
           (int)!!(pt->tp_flags & Py_TPFLAGS_HEAPTYPE), (int)!!(pt->tp_flags & Py_TPFLAGS_HAVE_GC),
           pt->tp_base == &PyTuple_Type, pt->tp_basicsize, pt->tp_itemsize);
    attr("type", ptype, "__name__");
    attr("type", ptype, "__module__");
    attr("type", ptype, "__doc__");
    attr("type", ptype, "n_fields");
    attr("type", ptype, "n_sequence_fields");
    attr("type", ptype, "n_unnamed_fields");
    attr("type", ptype, "__match_args__");
    PyObject *xdesc = PyObject_GetAttrString(ptype, "x");
    show("member x", PyObject_Repr(xdesc));
    attr("member x", xdesc, "__doc__");
    Py_XDECREF(xdesc);

    PyObject *p = PyStructSequence_New(pt);
    printf("new: size %zd tracked %d\n", Py_SIZE(p), PyObject_GC_IsTracked(p));
    for (int i = 0; i < 5; i++)
        PyStructSequence_SetItem(p, i, PyLong_FromLong(10 * (i + 1)));
    show("repr", PyObject_Repr(p));
    show_int("len", PyObject_Length(p));
    show("item 1", PySequence_GetItem(p, 1));
    show("item -1", PySequence_GetItem(p, -1));
    show("item 3", PySequence_GetItem(p, 3));
    show("GetItem 4", Py_NewRef(PyStructSequence_GetItem(p, 4)));
    show("GET_ITEM 0", Py_NewRef(PyStructSequence_GET_ITEM(p, 0)));
    attr("p", p, "x");
    attr("p", p, "y");
    attr("p", p, "z");
    attr("p", p, "w");
    show("reduce", PyObject_CallMethod(p, "__reduce__", NULL));
    PyObject *asTuple = PySequence_Tuple(p);
    show("tuple(p)", Py_NewRef(asTuple));
    show_int("p == tuple", PyObject_RichCompareBool(p, asTuple, Py_EQ));
    show_int("hash equal", PyObject_Hash(p) == PyObject_Hash(asTuple));
    show_int("setattr x", PyObject_SetAttrString(p, "x", Py_None));
    show_int("setitem", PySequence_SetItem(p, 0, Py_None));
    Py_DECREF(asTuple);
    Py_DECREF(p);

    /* tp_new */
    construct("new 3", ptype, Py_BuildValue("((iii))", 1, 2, 3), NULL);
    construct("new 4", ptype, Py_BuildValue("([iiii])", 1, 2, 3, 4), NULL);
    construct("new 5", ptype, Py_BuildValue("((iiiii))", 1, 2, 3, 4, 5), NULL);
    construct("new 6", ptype, Py_BuildValue("((iiiiii))", 1, 2, 3, 4, 5, 6), NULL);
    construct("new 2", ptype, Py_BuildValue("((ii))", 1, 2), NULL);
    construct("new int", ptype, Py_BuildValue("(i)", 7), NULL);
    construct("new bytes", ptype, Py_BuildValue("(y)", "abc"), NULL);
    construct("new dict", ptype, Py_BuildValue("((iii){s:i,s:i})", 1, 2, 3, "w", 9, "q", 1), NULL);
    construct("new dict z", ptype, Py_BuildValue("((iiii){s:i,s:i})", 1, 2, 3, 4, "z", 9, "w", 8), NULL);
    construct("new None dict", ptype, Py_BuildValue("((iii)O)", 1, 2, 3, Py_None), NULL);
    construct("new bad dict", ptype, Py_BuildValue("((iii)i)", 1, 2, 3, 5), NULL);
    construct("new none", ptype, PyTuple_New(0), NULL);
    construct("new 3 args", ptype, Py_BuildValue("((iii)OO)", 1, 2, 3, Py_None, Py_None), NULL);
    construct("new kw", ptype, PyTuple_New(0), Py_BuildValue("{s:(iii)}", "sequence", 4, 5, 6));
    construct("new kw dict", ptype, Py_BuildValue("((iii))", 4, 5, 6), Py_BuildValue("{s:{s:i}}", "dict", "z", 1));
    construct("new bad kw", ptype, Py_BuildValue("((iii))", 4, 5, 6), Py_BuildValue("{s:i}", "bogus", 1));
    construct("new both", ptype, Py_BuildValue("((iii))", 4, 5, 6), Py_BuildValue("{s:i}", "sequence", 1));

    /* A static type made by InitType2: every field visible, no unnamed. */
    show_int("InitType2", PyStructSequence_InitType2(&PairType, &pair_desc));
    show_int("InitType2 again", PyStructSequence_InitType2(&PairType, &pair_desc));
    PyErr_Clear();
    printf("pair heap %d\n", (int)!!(PairType.tp_flags & Py_TPFLAGS_HEAPTYPE));
    attr("pair", (PyObject *)&PairType, "__match_args__");
    attr("pair", (PyObject *)&PairType, "__doc__");
    attr("pair", (PyObject *)&PairType, "n_unnamed_fields");
    construct("pair 1", (PyObject *)&PairType, Py_BuildValue("((i))", 1), NULL);
    construct("pair 3", (PyObject *)&PairType, Py_BuildValue("((iii))", 1, 2, 3), NULL);
    PyObject *pr = PyStructSequence_New(&PairType);
    PyStructSequence_SET_ITEM(pr, 0, PyUnicode_FromString("a"));
    PyStructSequence_SET_ITEM(pr, 1, PyTuple_New(0));
    show("pair", PyObject_Repr(pr));
    show("pair reduce", PyObject_CallMethod(pr, "__reduce__", NULL));
    attr("pair", pr, "second");
    Py_DECREF(pr);
    PyObject *empty = PyStructSequence_New(&PairType);
    show("unfilled repr", Py_NewRef(empty));
    Py_DECREF(empty);

    /* The runtime's own info tuples. */
    PyObject *ii = PyLong_GetInfo();
    show("int_info", Py_NewRef(ii));
    show("int_info type", PyObject_Repr((PyObject *)Py_TYPE(ii)));
    printf("int_info heap %d tracked %d\n", (int)!!(Py_TYPE(ii)->tp_flags & Py_TPFLAGS_HEAPTYPE),
           PyObject_GC_IsTracked(ii));
    attr("int_info", ii, "bits_per_digit");
    attr("int_info", ii, "str_digits_check_threshold");
    attr("int_info", (PyObject *)Py_TYPE(ii), "__match_args__");
    attr("int_info", (PyObject *)Py_TYPE(ii), "__doc__");
    PyObject *ii2 = PyLong_GetInfo();
    printf("same type %d same object %d\n", Py_TYPE(ii) == Py_TYPE(ii2), ii == ii2);
    construct("int_info(2)", (PyObject *)Py_TYPE(ii), Py_BuildValue("((ii))", 1, 2), NULL);
    construct("int_info()", (PyObject *)Py_TYPE(ii), PyTuple_New(0), NULL);
    Py_DECREF(ii2);
    Py_DECREF(ii);
    PyObject *fi = PyFloat_GetInfo();
    show("float_info", Py_NewRef(fi));
    attr("float_info", fi, "epsilon");
    attr("float_info", fi, "rounds");
    attr("float_info.dig", (PyObject *)Py_TYPE(fi), "dig");
    show("float_info reduce", PyObject_CallMethod(fi, "__reduce__", NULL));
    Py_DECREF(fi);
    Py_DECREF(ptype);
    /* Again after a finalization: the info types are made anew. */
    Py_Finalize();
    Py_Initialize();
    show("int_info again", PyLong_GetInfo());
    show("float_info again", PyFloat_GetInfo());
    Py_Finalize();
    return 0;
}
