/* Comparison, search, split, join, replace and concatenation through the C-API, with ASCII,
 * Latin-1, BMP and astral text (needles of other kinds than the haystack included):
 * Compare, CompareWithASCIIString, RichCompare, _PyUnicode_EqualToASCIIString, Contains,
 * Find, FindChar, Count, Tailmatch, Replace, Split, RSplit, Splitlines, Partition,
 * RPartition, Join, Concat, Append, AppendAndDel, and their errors. */
#include "str_util.h"

int main(void)
{
    Py_Initialize();
    PyObject *one = PyLong_FromLong(1);
    PyObject *abc = S("abc"), *abd = S("abd"), *ab = S("ab"), *cafe = S("caf\xc3\xa9"), *euro = S("\xe2\x82\xac");
    PyObject *clef = S("\xf0\x9d\x84\x9e"), *empty = S("");
    PyObject *mixed = S("a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e" "a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e");
    PyObject *e_acute = S("\xc3\xa9"), *a = S("a");

    /* Compare. */
    num("cmp abc abd", PyUnicode_Compare(abc, abd));
    num("cmp abd abc", PyUnicode_Compare(abd, abc));
    num("cmp ab abc", PyUnicode_Compare(ab, abc));
    num("cmp abc abc", PyUnicode_Compare(abc, abc));
    num("cmp euro cafe", PyUnicode_Compare(euro, cafe));
    num("cmp clef euro", PyUnicode_Compare(clef, euro));
    num("cmp int", PyUnicode_Compare(abc, one));
    num("cmp int left", PyUnicode_Compare(one, abc));
    num("cmpascii abc", PyUnicode_CompareWithASCIIString(abc, "abc"));
    num("cmpascii ab<abc", PyUnicode_CompareWithASCIIString(ab, "abc"));
    num("cmpascii abc>ab", PyUnicode_CompareWithASCIIString(abc, "ab"));
    num("cmpascii cafe", PyUnicode_CompareWithASCIIString(cafe, "cafz"));
    num("cmpascii clef", PyUnicode_CompareWithASCIIString(clef, "z"));
    num("eqascii", _PyUnicode_EqualToASCIIString(abc, "abc"));
    num("eqascii no", _PyUnicode_EqualToASCIIString(abc, "abd"));
    num("eqascii nonascii", _PyUnicode_EqualToASCIIString(cafe, "caf"));
    rep("rich lt", PyUnicode_RichCompare(abc, abd, Py_LT));
    rep("rich ge", PyUnicode_RichCompare(euro, clef, Py_GE));
    rep("rich eq", PyUnicode_RichCompare(cafe, cafe, Py_EQ));
    rep("rich int", PyUnicode_RichCompare(abc, one, Py_EQ));

    /* Contains / Find / FindChar / Count / Tailmatch. */
    num("contains e", PyUnicode_Contains(mixed, e_acute));
    num("contains clef", PyUnicode_Contains(mixed, clef));
    num("contains abc", PyUnicode_Contains(mixed, abc));
    num("contains empty", PyUnicode_Contains(abc, empty));
    num("contains int", PyUnicode_Contains(abc, one));
    num("contains in int", PyUnicode_Contains(one, abc));
    num("find e", PyUnicode_Find(mixed, e_acute, 0, 100, 1));
    num("rfind e", PyUnicode_Find(mixed, e_acute, 0, 100, -1));
    num("find clef from 4", PyUnicode_Find(mixed, clef, 4, 8, 1));
    num("find clef neg", PyUnicode_Find(mixed, clef, -2, 100, -1));
    num("find euro in cafe", PyUnicode_Find(cafe, euro, 0, 100, 1));
    num("find empty past", PyUnicode_Find(abc, empty, 4, 100, 1));
    num("find empty end", PyUnicode_Find(abc, empty, 3, 100, 1));
    num("rfind empty", PyUnicode_Find(abc, empty, 0, 100, -1));
    num("find int", PyUnicode_Find(abc, one, 0, 100, 1));
    num("findchar e9", PyUnicode_FindChar(mixed, 0xe9, 0, 100, 1));
    num("findchar e9 back", PyUnicode_FindChar(mixed, 0xe9, 0, 100, -1));
    num("findchar 1d11e", PyUnicode_FindChar(mixed, 0x1d11e, 0, 3, 1));
    num("findchar in ascii", PyUnicode_FindChar(abc, 0x20ac, 0, 3, 1));
    num("findchar empty range", PyUnicode_FindChar(abc, 'a', 2, 1, 1));
    num("count a", PyUnicode_Count(mixed, a, 0, 100));
    num("count clef", PyUnicode_Count(mixed, clef, 1, -1));
    num("count empty", PyUnicode_Count(cafe, empty, 0, 100));
    {
        PyObject *aaaa = S("aaaa"), *aa = S("aa");
        num("count aa", PyUnicode_Count(aaaa, aa, 0, 100));
        Py_DECREF(aaaa);
        Py_DECREF(aa);
    }
    num("count int", PyUnicode_Count(abc, one, 0, 1));
    num("tail start", PyUnicode_Tailmatch(abc, ab, 0, 100, -1));
    num("tail end", PyUnicode_Tailmatch(mixed, clef, 0, 100, 1));
    num("tail end no", PyUnicode_Tailmatch(mixed, e_acute, 0, 100, 1));
    num("tail empty past", PyUnicode_Tailmatch(abc, empty, 4, 100, -1));
    num("tail int", PyUnicode_Tailmatch(abc, one, 0, 1, -1));

    /* Replace. */
    rep("replace", PyUnicode_Replace(mixed, e_acute, clef, -1));
    rep("replace 1", PyUnicode_Replace(mixed, clef, a, 1));
    rep("replace empty", PyUnicode_Replace(cafe, empty, euro, 3));
    rep("replace none", PyUnicode_Replace(abc, clef, a, -1));
    rep("replace delete", PyUnicode_Replace(mixed, mixed, empty, -1));
    rep("replace int", PyUnicode_Replace(abc, one, a, -1));

    /* Split / RSplit / Splitlines / Partition. */
    {
        PyObject *ws = S(" a\xe2\x80\x83" "b\t\xc3\xa9  \xe3\x80\x80" "c "), *comma = S("a,\xe2\x82\xac,,b"), *sep = S(",");
        rep("split ws", PyUnicode_Split(ws, NULL, -1));
        rep("split ws 1", PyUnicode_Split(ws, NULL, 1));
        rep("rsplit ws 1", PyUnicode_RSplit(ws, NULL, 1));
        rep("split sep", PyUnicode_Split(comma, sep, -1));
        rep("split sep 2", PyUnicode_Split(comma, sep, 2));
        rep("rsplit sep 2", PyUnicode_RSplit(comma, sep, 2));
        rep("split clef", PyUnicode_Split(mixed, clef, -1));
        rep("split empty sep", PyUnicode_Split(comma, empty, -1));
        rep("split int", PyUnicode_Split(one, NULL, -1));
        rep("split int sep", PyUnicode_Split(comma, one, -1));
        PyObject *ls = S("a\r\nb\rc\n\x1c" "d\xc2\x85" "e\xe2\x80\xa8" "f\n");
        rep("splitlines", PyUnicode_Splitlines(ls, 0));
        rep("splitlines keep", PyUnicode_Splitlines(ls, 1));
        rep("partition", PyUnicode_Partition(comma, sep));
        rep("rpartition", PyUnicode_RPartition(comma, sep));
        rep("partition none", PyUnicode_Partition(abc, sep));
        rep("rpartition none", PyUnicode_RPartition(abc, sep));
        rep("partition empty", PyUnicode_Partition(abc, empty));
        rep("partition int", PyUnicode_Partition(abc, one));
        Py_DECREF(ls);
        Py_DECREF(ws);
        Py_DECREF(comma);
        Py_DECREF(sep);
    }

    /* Join / Concat / Append. */
    {
        PyObject *l = PyList_New(0);
        PyList_Append(l, cafe);
        PyList_Append(l, euro);
        PyList_Append(l, clef);
        rep("join", PyUnicode_Join(e_acute, l));
        rep("join null sep", PyUnicode_Join(NULL, l));
        PyObject *t1 = PyTuple_Pack(1, abc);
        PyObject *j = PyUnicode_Join(clef, t1);
        printf("join one is item %d\n", j == abc);
        Py_DECREF(j);
        PyList_Append(l, one);
        rep("join int item", PyUnicode_Join(e_acute, l));
        rep("join int sep", PyUnicode_Join(one, t1));
        rep("join int seq", PyUnicode_Join(a, one));
        rep("join empty", PyUnicode_Join(a, PyTuple_New(0)));
        Py_DECREF(t1);
        Py_DECREF(l);
        rep("concat", PyUnicode_Concat(cafe, clef));
        rep("concat ascii", PyUnicode_Concat(abc, ab));
        j = PyUnicode_Concat(empty, abc);
        printf("concat empty is right %d\n", j == abc);
        Py_DECREF(j);
        rep("concat int", PyUnicode_Concat(abc, one));
        rep("concat int left", PyUnicode_Concat(one, abc));
        PyObject *acc = S("x");
        PyUnicode_Append(&acc, euro);
        PyUnicode_AppendAndDel(&acc, S("\xf0\x9d\x84\x9e"));
        rep("append", acc);
        acc = S("x");
        Py_INCREF(one);
        PyUnicode_Append(&acc, one);
        printf("append int: %p\n", (void *)acc);
        err("  err");
        Py_DECREF(one);
    }

    /* IsIdentifier, InternImmortal. */
    {
        const char *ids[] = {"abc", "_x1", "1x", "", "caf\xc3\xa9", "\xe2\x82\xac", "a b", "\xe6\x97\xa5\xe6\x9c\xac",
                             "x\xf0\x9d\x84\x9e", "\xf0\x9d\x90\x80", NULL};
        for (int i = 0; ids[i]; i++) {
            PyObject *o = S(ids[i]);
            printf("isidentifier %d: %d\n", i, PyUnicode_IsIdentifier(o));
            Py_DECREF(o);
        }
        PyObject *im = S("immortal_test_name");
        PyErr_Clear();
        PyUnicode_InternImmortal(&im);
        printf("immortal state %u\n", PyUnicode_CHECK_INTERNED(im));
        err("  warning");
        PyObject *again = PyUnicode_InternFromString("immortal_test_name");
        printf("interned same %d\n", again == im);
        Py_DECREF(again);
    }

    Py_DECREF(abc); Py_DECREF(abd); Py_DECREF(ab); Py_DECREF(cafe); Py_DECREF(euro); Py_DECREF(clef);
    Py_DECREF(empty); Py_DECREF(mixed); Py_DECREF(e_acute); Py_DECREF(a); Py_DECREF(one);
    Py_Finalize();
    return 0;
}
