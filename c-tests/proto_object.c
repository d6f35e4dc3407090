/* The generic object protocol: repr/str/ascii (str escapes, recursion marks), hash
 * (PYTHONHASHSEED=0 so str hashes are CPython's), truth, type, len, rich comparison
 * (reflection, NotImplemented, messages), item access and iteration messages,
 * PyObject_Print, Py_ReprEnter. Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"
#include <stdlib.h>

static void reprs(void)
{
    const char *texts[] = {
        "plain", "a'b", "a\"b", "a'\"b", "tab\t nl\n cr\r bs\\", "\x01\x1f\x7f",
        "\xc3\xa9t\xc3\xa9", "\xc2\xa0nbsp \xc2\xad shy", "\xe2\x80\xa8 ls", "\xf0\x9f\x98\x80",
        "\xee\x80\x80 private", "\xf4\x8f\xbf\xbf", "\xe4\xb8\xad\xe6\x96\x87", "\xcd\xb8 unassigned",
        "",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        PyObject *s = S(texts[i]);
        show("repr", PyObject_Repr(s));
        show("ascii", PyObject_ASCII(s));
        PyObject *st = PyObject_Str(s);
        printf("str is same object: %d\n", st == s);
        Py_DECREF(st);
        Py_DECREF(s);
    }
    show("repr None", PyObject_Repr(Py_None));
    show("str None", PyObject_Str(Py_None));
    show("repr True", PyObject_Repr(Py_True));
    show("repr Ellipsis", PyObject_Repr(Py_Ellipsis));
    show("repr NotImplemented", PyObject_Repr(Py_NotImplemented));
    show("repr NULL", PyObject_Repr(NULL));
    show("str NULL", PyObject_Str(NULL));
    show("ascii NULL", PyObject_ASCII(NULL));
}

static void hashes(void)
{
    PyObject *a = S("a"), *e = S("\xc3\xa9"), *empty = PyTuple_New(0);
    show_int("hash 'a'", PyObject_Hash(a));
    show_int("hash 'e-acute'", PyObject_Hash(e));
    show_int("hash True", PyObject_Hash(Py_True));
    show_int("hash ()", PyObject_Hash(empty));
    PyObject *t = PyTuple_Pack(3, a, Py_True, empty);
    show_int("hash ('a', True, ())", PyObject_Hash(t));
    PyObject *t2 = PyTuple_Pack(2, t, Py_False);
    show_int("hash (('a', True, ()), False)", PyObject_Hash(t2));
    PyObject *sl = PySlice_New(NULL, NULL, NULL);
    show_int("hash slice", PyObject_Hash(sl));
    PyObject *t3 = PyTuple_Pack(2, a, sl);
    show_int("hash ('a', slice)", PyObject_Hash(t3));
    show_int("HashNotImplemented", PyObject_HashNotImplemented(a));
    Py_DECREF(t3); Py_DECREF(sl); Py_DECREF(t2); Py_DECREF(t);
    Py_DECREF(a); Py_DECREF(e); Py_DECREF(empty);
}

static void truth(void)
{
    PyObject *empty_s = S(""), *a = S("a"), *empty = PyTuple_New(0), *one = PyTuple_Pack(1, a);
    PyObject *objs[] = { Py_None, Py_True, Py_False, Py_Ellipsis, empty, one, a };
    const char *names[] = { "None", "True", "False", "Ellipsis", "()", "('a',)", "'a'" };
    for (int i = 0; i < 7; i++)
        printf("IsTrue %s: %d Not: %d\n", names[i], PyObject_IsTrue(objs[i]), PyObject_Not(objs[i]));
    show("type of 'a'", PyObject_Type(a));
    show("type of ()", PyObject_Type(empty));
    show("type of NULL", PyObject_Type(NULL));
    show_int("len ('a',)", PyObject_Size(one));
    show_int("Length ()", PyObject_Length(empty));
    show_int("len None", PyObject_Size(Py_None));
    show_int("len NULL", PyObject_Size(NULL));
    (void)empty_s;
    Py_DECREF(empty_s); Py_DECREF(a); Py_DECREF(empty); Py_DECREF(one);
}

static const char *opname[] = { "<", "<=", "==", "!=", ">", ">=" };

static void cmp(const char *what, PyObject *v, PyObject *w)
{
    for (int op = 0; op < 6; op++) {
        char label[200];
        snprintf(label, sizeof label, "%s %s", what, opname[op]);
        show(label, PyObject_RichCompare(v, w, op));
        snprintf(label, sizeof label, "%s %s bool", what, opname[op]);
        show_int(label, PyObject_RichCompareBool(v, w, op));
    }
}

static void comparisons(void)
{
    PyObject *a = S("a"), *b = S("b"), *a2 = S("a"), *ab = S("ab"), *e = S("\xc3\xa9"), *cjk = S("\xe4\xb8\xad");
    cmp("'a' ? 'b'", a, b);
    cmp("'a' ? 'a'(other)", a, a2);
    cmp("'a' ? 'ab'", a, ab);
    cmp("'e-acute' ? 'cjk'", e, cjk);
    cmp("'a' ? None", a, Py_None);
    cmp("None ? None", Py_None, Py_None);
    cmp("None ? Ellipsis", Py_None, Py_Ellipsis);
    PyObject *t1 = PyTuple_Pack(2, a, b), *t2 = PyTuple_Pack(2, a, ab), *t3 = PyTuple_Pack(1, a);
    PyObject *t4 = PyTuple_Pack(2, a, Py_None), *t5 = PyTuple_Pack(2, a2, b);
    cmp("('a','b') ? ('a','ab')", t1, t2);
    cmp("('a','b') ? ('a',)", t1, t3);
    cmp("('a','b') ? ('a',None)", t1, t4);
    cmp("('a','b') ? ('a','b')(other)", t1, t5);
    cmp("('a',) ? 'a'", t3, a);
    PyObject *s1 = PySlice_New(a, b, NULL), *s2 = PySlice_New(a, ab, NULL);
    cmp("slice ? slice", s1, s2);
    show("RichCompare NULL", PyObject_RichCompare(a, NULL, Py_EQ));
    show_int("RichCompareBool NULL", PyObject_RichCompareBool(NULL, a, Py_EQ));
    Py_DECREF(s1); Py_DECREF(s2);
    Py_DECREF(t1); Py_DECREF(t2); Py_DECREF(t3); Py_DECREF(t4); Py_DECREF(t5);
    Py_DECREF(a); Py_DECREF(b); Py_DECREF(a2); Py_DECREF(ab); Py_DECREF(e); Py_DECREF(cjk);
}

static void items_and_iteration(void)
{
    PyObject *a = S("a"), *b = S("b"), *c = S("c");
    PyObject *t = PyTuple_Pack(3, a, b, c);
    show("None[()]", PyObject_GetItem(Py_None, t));
    show("t['a']", PyObject_GetItem(t, a));
    show_int("t['a'] = 'b'", PyObject_SetItem(t, a, b));
    show_int("del t['a']", PyObject_DelItem(t, a));
    show_int("None['a'] = 'b'", PyObject_SetItem(Py_None, a, b));
    show_int("del None['a']", PyObject_DelItem(Py_None, a));
    show("GetItem NULL", PyObject_GetItem(NULL, a));
    show("seq t[-1]", PySequence_GetItem(t, -1));
    show("seq t[1]", PySequence_GetItem(t, 1));
    show("seq t[3]", PySequence_GetItem(t, 3));
    show("seq t[-4]", PySequence_GetItem(t, -4));
    show("seq None[0]", PySequence_GetItem(Py_None, 0));
    show_int("seq t[0] = a", PySequence_SetItem(t, 0, a));
    show_int("seq del t[0]", PySequence_DelItem(t, 0));
    show_int("seq del None[0]", PySequence_DelItem(Py_None, 0));
    printf("PySequence_Check: tuple %d None %d\n", PySequence_Check(t), PySequence_Check(Py_None));

    PyObject *it = PyObject_GetIter(t);
    printf("iterator type: %s, PyIter_Check %d, tuple PyIter_Check %d\n", Py_TYPE(it)->tp_name, PyIter_Check(it), PyIter_Check(t));
    PyObject *self = PyObject_SelfIter(it);
    printf("SelfIter is same: %d\n", self == it);
    Py_DECREF(self);
    PyObject *x;
    while ((x = PyIter_Next(it)) != NULL)
        show("next", x);
    printf("end: error %d\n", PyErr_Occurred() != NULL);
    x = PyIter_Next(it);
    printf("after end: %p error %d\n", (void *)x, PyErr_Occurred() != NULL);
    Py_DECREF(it);
    show("iter None", PyObject_GetIter(Py_None));
    Py_DECREF(t); Py_DECREF(a); Py_DECREF(b); Py_DECREF(c);
}

static void printing(void)
{
    PyObject *s = S("x'y\n\xc3\xa9");
    printf("print repr: ");
    PyObject_Print(s, stdout, 0);
    printf("\nprint raw: ");
    PyObject_Print(s, stdout, Py_PRINT_RAW);
    printf("\nprint NULL: ");
    PyObject_Print(NULL, stdout, 0);
    printf("\n");
    printf("ReprEnter: %d %d", Py_ReprEnter(s), Py_ReprEnter(s));
    Py_ReprLeave(s);
    printf(" %d\n", Py_ReprEnter(s));
    Py_ReprLeave(s);
    Py_DECREF(s);
}

int main(void)
{
    setenv("PYTHONHASHSEED", "0", 1);
    Py_Initialize();
    reprs();
    hashes();
    truth();
    comparisons();
    items_and_iteration();
    printing();
    printf("error left: %d\n", PyErr_Occurred() != NULL);
    Py_FinalizeEx();
    return 0;
}
