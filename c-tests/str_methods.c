/* The str type as Python code sees it, called through the object protocol: methods find,
 * rfind, index, rindex, count, replace, split, rsplit, splitlines, join, partition,
 * rpartition, startswith, endswith (tuples), strip/lstrip/rstrip, removeprefix/suffix,
 * __getnewargs__, __sizeof__; slots + * in, indexing and slicing with steps, iteration,
 * len, comparison; str() of objects and bytes; a str subclass. Non-ASCII and astral text,
 * and CPython's errors for bad arguments. */
#include "str_util.h"

static PyObject *mixed;

/* Shows "label: repr(obj.name(*args))" with args from a Py_BuildValue format. */
static void m(const char *label, PyObject *obj, const char *name, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *args = Py_VaBuildValue(fmt, va);
    va_end(va);
    PyObject *meth = PyObject_GetAttrString(obj, name);
    if (meth == NULL || args == NULL) {
        err(label);
        Py_XDECREF(meth);
        Py_XDECREF(args);
        return;
    }
    rep(label, PyObject_Call(meth, args, NULL));
    Py_DECREF(meth);
    Py_DECREF(args);
}

/* As m, with keyword arguments from a second format (a dict). */
static void mk(const char *label, PyObject *obj, const char *name, PyObject *args, PyObject *kw)
{
    PyObject *meth = PyObject_GetAttrString(obj, name);
    rep(label, PyObject_Call(meth, args, kw));
    Py_DECREF(meth);
    Py_DECREF(args);
    Py_XDECREF(kw);
}

int main(void)
{
    Py_Initialize();
    mixed = S("a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e" "a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e");
    PyObject *s = S("  Hello, w\xc3\xb6rld \xe2\x82\xac!  ");
    m("find", mixed, "find", "(s)", "\xe2\x82\xac");
    m("find start", mixed, "find", "(sn)", "\xe2\x82\xac", (Py_ssize_t)3);
    m("find none end", mixed, "find", "(sOi)", "a", Py_None, -3);
    m("rfind", mixed, "rfind", "(s)", "a");
    m("index", mixed, "index", "(s)", "\xf0\x9d\x84\x9e");
    m("rindex", mixed, "rindex", "(s)", "\xc3\xa9");
    m("index missing", mixed, "index", "(s)", "z");
    m("rindex missing", mixed, "rindex", "(s)", "z");
    m("find no args", mixed, "find", "()");
    m("find 4 args", mixed, "find", "(siii)", "a", 1, 2, 3);
    m("find int", mixed, "find", "(i)", 1);
    m("find bad start", mixed, "find", "(ss)", "a", "x");
    m("count", mixed, "count", "(s)", "\xc3\xa9");
    m("count empty", mixed, "count", "(s)", "");
    m("count range", mixed, "count", "(sii)", "a", 1, 100);
    m("startswith", s, "startswith", "(s)", "  He");
    m("startswith tuple", s, "startswith", "((ss))", "x", "  H");
    m("startswith start", s, "startswith", "(si)", "Hello", 2);
    m("endswith", s, "endswith", "(s)", "!  ");
    m("endswith range", s, "endswith", "(sii)", "\xe2\x82\xac", 0, -3);
    m("startswith int", s, "startswith", "(i)", 1);
    m("startswith tuple int", s, "startswith", "((si))", "a", 1);
    m("endswith empty past", s, "endswith", "(si)", "", 100);
    m("replace", s, "replace", "(ss)", "l", "L");
    m("replace count", s, "replace", "(ssi)", "l", "\xf0\x9d\x84\x9e", 2);
    m("replace empty", S("ab"), "replace", "(ss)", "", "-");
    m("replace 1 arg", s, "replace", "(s)", "l");
    m("replace int", s, "replace", "(is)", 1, "l");
    m("replace int 2", s, "replace", "(si)", "l", 1);
    m("replace bad count", s, "replace", "(sss)", "l", "m", "x");
    m("split", s, "split", "()");
    m("split sep", s, "split", "(s)", "l");
    m("split sep max", s, "split", "(si)", "l", 1);
    m("rsplit sep max", s, "rsplit", "(si)", "l", 1);
    m("rsplit ws max", s, "rsplit", "(Oi)", Py_None, 1);
    mk("split kw", s, "split", PyTuple_New(0), Py_BuildValue("{s:s,s:i}", "sep", "o", "maxsplit", 1));
    mk("split bad kw", s, "split", PyTuple_New(0), Py_BuildValue("{s:s}", "x", "o"));
    m("split empty", s, "split", "(s)", "");
    m("split int", s, "split", "(i)", 1);
    m("split 3 args", s, "split", "(sii)", "a", 1, 2);
    m("splitlines", S("a\nb\r\nc\xe2\x80\xa9"), "splitlines", "()");
    m("splitlines keep", S("a\nb\r\nc\xe2\x80\xa9"), "splitlines", "(i)", 1);
    mk("splitlines kw", S("x\ny"), "splitlines", PyTuple_New(0), Py_BuildValue("{s:O}", "keepends", Py_True));
    m("partition", s, "partition", "(s)", "o");
    m("rpartition", s, "rpartition", "(s)", "o");
    m("partition none", s, "partition", "(s)", "#");
    m("rpartition none", s, "rpartition", "(s)", "#");
    m("partition empty", s, "partition", "(s)", "");
    m("partition int", s, "partition", "(i)", 3);
    m("join", S("\xe2\x82\xac"), "join", "([sss])", "a", "\xc3\xa9", "\xf0\x9d\x84\x9e");
    m("join tuple", S(", "), "join", "((ss))", "x", "y");
    m("join iter", S("-"), "join", "(O)", S("abc"));
    m("join int item", S("-"), "join", "([si])", "a", 2);
    m("join int", S("-"), "join", "(i)", 5);
    m("strip", s, "strip", "()");
    m("lstrip", s, "lstrip", "()");
    m("rstrip", s, "rstrip", "()");
    m("strip chars", s, "strip", "(s)", " !H");
    m("strip none", s, "strip", "(O)", Py_None);
    m("strip int", s, "strip", "(i)", 1);
    m("lstrip int", s, "lstrip", "(i)", 1);
    m("strip 2 args", s, "strip", "(ss)", "a", "b");
    m("strip ideographic", S("\xe3\x80\x80x\xc2\xa0"), "strip", "()");
    m("removeprefix", mixed, "removeprefix", "(s)", "a\xc3\xa9");
    m("removeprefix no", mixed, "removeprefix", "(s)", "\xc3\xa9");
    m("removesuffix", mixed, "removesuffix", "(s)", "\xf0\x9d\x84\x9e");
    m("removesuffix int", mixed, "removesuffix", "(i)", 1);
    m("getnewargs", mixed, "__getnewargs__", "()");
    m("sizeof ascii", S("abc"), "__sizeof__", "()");
    m("sizeof latin1", S("\xc3\xa9"), "__sizeof__", "()");
    m("sizeof ucs2", S("\xe2\x82\xac\xe2\x82\xac"), "__sizeof__", "()");
    m("sizeof ucs4", S("\xf0\x9d\x84\x9e"), "__sizeof__", "()");
    {
        PyObject *x = S("\xe2\x82\xac\xe2\x82\xac");
        PyUnicode_AsUTF8(x);
        m("sizeof with utf8", x, "__sizeof__", "()");
        Py_DECREF(x);
    }

    /* Slots. */
    rep("add", PyNumber_Add(mixed, S("\xc3\xa9")));
    rep("add int", PyNumber_Add(mixed, PyLong_FromLong(1)));
    rep("radd int", PyNumber_Add(PyLong_FromLong(1), mixed));
    rep("mul", PyNumber_Multiply(S("\xe2\x82\xac" "a"), PyLong_FromLong(3)));
    rep("rmul", PyNumber_Multiply(PyLong_FromLong(2), S("\xf0\x9d\x84\x9e")));
    rep("mul 0", PyNumber_Multiply(S("ab"), PyLong_FromLong(0)));
    rep("mul neg", PyNumber_Multiply(S("ab"), PyLong_FromLong(-2)));
    rep("mul str", PyNumber_Multiply(S("ab"), S("c")));
    rep("mul huge", PyNumber_Multiply(S("ab"), PyLong_FromSsize_t(PY_SSIZE_T_MAX / 2 + 1)));
    num("in", PySequence_Contains(mixed, S("\xe2\x82\xac\xf0\x9d\x84\x9e")));
    num("not in", PySequence_Contains(mixed, S("\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e")));
    num("in int", PySequence_Contains(mixed, PyLong_FromLong(1)));
    num("len", PyObject_Length(mixed));
    rep("item 3", PySequence_GetItem(mixed, 3));
    rep("item -1", PySequence_GetItem(mixed, -1));
    rep("item 8", PySequence_GetItem(mixed, 8));
    rep("getitem -8", PyObject_GetItem(mixed, PyLong_FromLong(-8)));
    rep("getitem -9", PyObject_GetItem(mixed, PyLong_FromLong(-9)));
    rep("getitem str", PyObject_GetItem(mixed, S("x")));
    rep("getitem huge", PyObject_GetItem(mixed, PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(100))));
    rep("slice 1:6:2", PyObject_GetItem(mixed, PySlice_New(PyLong_FromLong(1), PyLong_FromLong(6), PyLong_FromLong(2))));
    rep("slice ::-1", PyObject_GetItem(mixed, PySlice_New(Py_None, Py_None, PyLong_FromLong(-1))));
    rep("slice 1:3", PyObject_GetItem(mixed, PySlice_New(PyLong_FromLong(1), PyLong_FromLong(3), Py_None)));
    rep("slice 5:1", PyObject_GetItem(mixed, PySlice_New(PyLong_FromLong(5), PyLong_FromLong(1), Py_None)));
    rep("slice step 0", PyObject_GetItem(mixed, PySlice_New(Py_None, Py_None, PyLong_FromLong(0))));
    {
        PyObject *it = PyObject_GetIter(mixed), *c;
        printf("iter:");
        while ((c = PyIter_Next(it)) != NULL) {
            printf(" %s", PyUnicode_AsUTF8(c));
            Py_DECREF(c);
        }
        printf(" | end again %p\n", (void *)PyIter_Next(it));
        Py_DECREF(it);
        it = PyObject_GetIter(S("xyz"));
        Py_DECREF(PyIter_Next(it));
        rep("length_hint", PyObject_CallMethod(it, "__length_hint__", NULL));
        Py_DECREF(it);
    }
    num("eq", PyObject_RichCompareBool(mixed, S("a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e" "a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e"), Py_EQ));
    num("lt", PyObject_RichCompareBool(S("\xc3\xa9"), S("\xe2\x82\xac"), Py_LT));
    rep("lt int", PyObject_RichCompare(mixed, PyLong_FromLong(1), Py_LT));

    /* str(...) */
    PyObject *T = (PyObject *)&PyUnicode_Type;
    rep("str()", PyObject_CallNoArgs(T));
    rep("str(1)", PyObject_CallOneArg(T, PyLong_FromLong(12)));
    rep("str(list)", PyObject_CallOneArg(T, Py_BuildValue("[s]", "\xc3\xa9")));
    rep("str(bytes)", PyObject_CallOneArg(T, PyBytes_FromString("ab")));
    rep("str(bytes, utf-8)", PyObject_CallFunction(T, "ys", "\xc3\xa9", "utf-8"));
    rep("str(bytes, ascii, replace)", PyObject_CallFunction(T, "yss", "a\xc3\xa9", "ascii", "replace"));
    rep("str(str, enc)", PyObject_CallFunction(T, "ss", "a", "utf-8"));
    rep("str(int, enc)", PyObject_CallFunction(T, "is", 1, "utf-8"));
    rep("str(x, enc=int)", PyObject_CallFunction(T, "yi", "a", 1));
    rep("str 4 args", PyObject_CallFunction(T, "ssss", "a", "b", "c", "d"));
    mk("str kw", T, "__call__", PyTuple_New(0), Py_BuildValue("{s:y,s:s}", "object", "\xe2\x82\xac", "encoding", "utf-8"));
    mk("str bad kw", T, "__call__", PyTuple_New(0), Py_BuildValue("{s:i}", "obj", 1));

    /* A subclass of str. */
    {
        PyObject *ns = PyDict_New();
        PyObject *bases = PyTuple_Pack(1, T);
        PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", "MyStr", bases, ns);
        PyObject *inst = PyObject_CallOneArg(cls, mixed);
        printf("subclass: type %s check %d exact %d len %zd eq %d hash eq %d\n", Py_TYPE(inst)->tp_name,
               PyUnicode_Check(inst), PyUnicode_CheckExact(inst), PyUnicode_GET_LENGTH(inst),
               PyObject_RichCompareBool(inst, mixed, Py_EQ), PyObject_Hash(inst) == PyObject_Hash(mixed));
        printf("  compact %u ascii %u kind %d utf8 %s\n", PyUnicode_IS_COMPACT(inst), PyUnicode_IS_ASCII(inst),
               (int)PyUnicode_KIND(inst), PyUnicode_AsUTF8(inst));
        PyObject *st = PyObject_Str(inst);
        printf("  str exact %d\n", PyUnicode_CheckExact(st));
        Py_DECREF(st);
        rep("  repr", PyObject_Repr(inst));
        rep("  upper slice", PyObject_GetItem(inst, PySlice_New(PyLong_FromLong(1), PyLong_FromLong(3), Py_None)));
        rep("  add", PyNumber_Add(inst, S("!")));
        rep("  split", PyObject_CallMethod(inst, "split", "s", "\xe2\x82\xac"));
        m("  getnewargs", inst, "__getnewargs__", "()");
        PyObject *ai = PyObject_CallOneArg(cls, S("plain"));
        printf("  ascii: compact %u ascii %u utf8 %s find %zd\n", PyUnicode_IS_COMPACT(ai), PyUnicode_IS_ASCII(ai),
               PyUnicode_AsUTF8(ai), PyUnicode_Find(ai, S("a"), 0, 10, 1));
        Py_DECREF(ai);
        Py_DECREF(inst);
        Py_DECREF(cls);
        Py_DECREF(bases);
        Py_DECREF(ns);
    }

    Py_DECREF(s);
    Py_DECREF(mixed);
    Py_Finalize();
    return 0;
}
