/* list through the C-API: New/Append/Insert/GetItem/SetItem/GetSlice/SetSlice/Reverse/
 * AsTuple/Sort (order, stability, errors keep every item, mutation during the sort),
 * slots (repr with recursion, comparison, concat/repeat, contains, subscript with slices,
 * item assignment and deletion), iterators, the sequence protocol on lists and tuples,
 * bad arguments. Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"
#include <stdlib.h>

int main(void)
{
    Py_Initialize();
    PyObject *l = PyList_New(3);
    printf("new list tracked %d size %zd\n", PyObject_GC_IsTracked(l), PyList_Size(l));
    PyList_SET_ITEM(l, 0, S("a"));
    PyList_SET_ITEM(l, 1, S("b"));
    PyList_SET_ITEM(l, 2, S("c"));
    show("repr", PyObject_Repr(l));
    show("GetItem 1", Py_XNewRef(PyList_GetItem(l, 1)));
    show("GetItem 3", Py_XNewRef(PyList_GetItem(l, 3)));
    show("GetItem -1", Py_XNewRef(PyList_GetItem(l, -1)));
    show_int("SetItem 0", PyList_SetItem(l, 0, S("A")));
    show_int("SetItem 5", PyList_SetItem(l, 5, S("X")));
    show_int("Insert -1", PyList_Insert(l, -1, Py_None));
    show_int("Insert 0", PyList_Insert(l, 0, Py_True));
    show_int("Insert 100", PyList_Insert(l, 100, Py_False));
    show_int("Insert -100", PyList_Insert(l, -100, Py_Ellipsis));
    show("after inserts", PyObject_Repr(l));
    show("GetSlice 1:3", PyList_GetSlice(l, 1, 3));
    show("GetSlice -5:100", PyList_GetSlice(l, -5, 100));
    PyObject *two = strs("x,y");
    show_int("SetSlice 1:3 = [x,y]", PyList_SetSlice(l, 1, 3, two));
    show_int("SetSlice 0:0 = [x,y]", PyList_SetSlice(l, 0, 0, two));
    show_int("SetSlice 2:5 = NULL", PyList_SetSlice(l, 2, 5, NULL));
    show_int("SetSlice 0:1 = self", PyList_SetSlice(l, 0, 1, l));
    show_int("SetSlice 0:1 = None", PyList_SetSlice(l, 0, 1, Py_None));
    show("after slices", PyObject_Repr(l));
    show_int("Reverse", PyList_Reverse(l));
    show("reversed", PyObject_Repr(l));
    show("AsTuple", PyList_AsTuple(l));

    /* Sorting. */
    PyObject *w = strs("pear,apple,fig,banana,apple,cherry,date,fig,elderberry,grape,apple");
    show_int("Sort", PyList_Sort(w));
    show("sorted", PyObject_Repr(w));
    show_int("Sort sorted", PyList_Sort(w));
    PyList_Reverse(w);
    show_int("Sort reversed", PyList_Sort(w));
    show("sorted again", PyObject_Repr(w));
    /* Stability: 300 distinct equal strings among others keep their order. */
    PyObject *big = PyList_New(0), *equal[300];
    for (int i = 0; i < 1000; i++) {
        char name[32];
        if (i % 3 == 0 && i / 3 < 300) {
            equal[i / 3] = S("m");
            PyList_Append(big, equal[i / 3]);
        } else {
            snprintf(name, sizeof name, "%c%d", 'a' + (i * 7919) % 26, i);
            PyObject *s = S(name);
            PyList_Append(big, s);
            Py_DECREF(s);
        }
    }
    PyList_Sort(big);
    int stable = 1, seen = 0, ordered = 1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(big); i++) {
        PyObject *it = PyList_GET_ITEM(big, i);
        if (seen < 300 && it == equal[seen])
            seen++;
        else if (PyObject_RichCompareBool(it, equal[0], Py_EQ) == 1)
            stable = 0;
        if (i > 0 && PyObject_RichCompareBool(it, PyList_GET_ITEM(big, i - 1), Py_LT) == 1)
            ordered = 0;
    }
    printf("big sort: ordered %d stable %d all equal seen %d\n", ordered, stable, seen == 300);
    for (int i = 0; i < 300; i++)
        Py_DECREF(equal[i]);
    PyObject *mixed = strs("b,a,c");
    PyList_Append(mixed, Py_None);
    PyList_Append(mixed, S("0"));
    show_int("Sort mixed", PyList_Sort(mixed));
    show("mixed after failed sort (all items kept)", PyObject_Repr(mixed));
    PyObject *tuples = PyList_New(0);
    PyObject *ta = PyTuple_Pack(2, S("b"), S("2")), *tb = PyTuple_Pack(2, S("a"), S("9")), *tc = PyTuple_Pack(2, S("b"), S("1"));
    PyList_Append(tuples, ta); PyList_Append(tuples, tb); PyList_Append(tuples, tc);
    show_int("Sort tuples", PyList_Sort(tuples));
    show("tuples", PyObject_Repr(tuples));

    /* Slots and protocols. */
    PyObject *abc = strs("a,b,c"), *abd = strs("a,b,d"), *ab = strs("a,b");
    show("abc < abd", PyObject_RichCompare(abc, abd, Py_LT));
    show("abc > ab", PyObject_RichCompare(abc, ab, Py_GT));
    show("abc == abc copy", PyObject_RichCompare(abc, PySequence_List(abc), Py_EQ));
    show("abc == tuple", PyObject_RichCompare(abc, PySequence_Tuple(abc), Py_EQ));
    show("abc < tuple", PyObject_RichCompare(abc, PySequence_Tuple(abc), Py_LT));
    show("concat", PySequence_Concat(abc, ab));
    show("concat tuple", PySequence_Concat(abc, PySequence_Tuple(ab)));
    show("concat None", PySequence_Concat(Py_None, ab));
    show("repeat 3", PySequence_Repeat(ab, 3));
    show("repeat -1", PySequence_Repeat(ab, -1));
    show("repeat None", PySequence_Repeat(Py_None, 2));
    PyObject *acc = PySequence_List(ab);
    show("inplace concat", PySequence_InPlaceConcat(acc, abc));
    show("inplace concat tuple", PySequence_InPlaceConcat(acc, PySequence_Tuple(ab)));
    show("inplace concat None", PySequence_InPlaceConcat(acc, Py_None));
    show("inplace repeat 2", PySequence_InPlaceRepeat(acc, 2));
    show("inplace repeat tuple", PySequence_InPlaceRepeat(PySequence_Tuple(ab), 2));
    show_int("count a", PySequence_Count(acc, PyList_GET_ITEM(ab, 0)));
    show_int("index b", PySequence_Index(acc, PyList_GET_ITEM(ab, 1)));
    show_int("index None", PySequence_Index(acc, Py_None));
    show_int("contains c", PySequence_Contains(acc, PyList_GET_ITEM(abc, 2)));
    show_int("in None", PySequence_In(acc, Py_None));
    show_int("contains on None", PySequence_Contains(Py_None, Py_None));
    show_int("count on None", PySequence_Count(Py_None, Py_None));
    show_int("Size", PySequence_Size(acc));
    show_int("Length tuple", PySequence_Length(PySequence_Tuple(acc)));
    show_int("Size None", PySequence_Size(Py_None));
    show("Tuple None", PySequence_Tuple(Py_None));
    show("List of tuple", PySequence_List(PySequence_Tuple(abc)));
    PyObject *fast = PySequence_Fast(abc, "not a sequence");
    printf("Fast of a list is itself: %d size %zd\n", fast == abc, PySequence_Fast_GET_SIZE(fast));
    Py_DECREF(fast);
    show("Fast None", PySequence_Fast(Py_None, "custom message"));
    show_int("SetItem -1", PySequence_SetItem(acc, -1, Py_None));
    show_int("SetItem 99", PySequence_SetItem(acc, 99, Py_None));
    show_int("DelItem 0", PySequence_DelItem(acc, 0));
    show_int("DelItem 99", PySequence_DelItem(acc, 99));
    show("acc", PyObject_Repr(acc));
    PyObject *all = PySlice_New(NULL, NULL, NULL);
    show("acc[:]", PyObject_GetItem(acc, all));
    show("acc['a']", PyObject_GetItem(acc, PyList_GET_ITEM(ab, 0)));
    show_int("acc[:] = (a, b)", PyObject_SetItem(acc, all, PySequence_Tuple(ab)));
    show("acc", PyObject_Repr(acc));
    show_int("acc[:] = None", PyObject_SetItem(acc, all, Py_None));
    show_int("del acc[:]", PyObject_DelItem(acc, all));
    show("acc", PyObject_Repr(acc));
    show_int("hash list", PyObject_Hash(acc));

    /* Recursive repr. */
    PyObject *r = strs("x");
    PyList_Append(r, r);
    show("recursive", PyObject_Repr(r));
    PyList_SetSlice(r, 0, 2, NULL);

    /* Iteration sees items appended meanwhile. */
    PyObject *it = PyObject_GetIter(abc);
    printf("iterator type %s\n", Py_TYPE(it)->tp_name);
    PyObject *x;
    int n = 0;
    while ((x = PyIter_Next(it)) != NULL) {
        show("item", x);
        if (n++ == 0)
            PyList_Append(abc, Py_None);
    }
    Py_DECREF(it);

    /* Bad arguments. */
    show_int("Size(None)", PyList_Size(Py_None));
    show_int("Append(None)", PyList_Append(Py_None, Py_None));
    show("GetItem(None)", Py_XNewRef(PyList_GetItem(Py_None, 0)));
    show_int("Sort(None)", PyList_Sort(Py_None));
    show("AsTuple(None)", PyList_AsTuple(Py_None));
    show("New(-1)", PyList_New(-1));

    Py_DECREF(r); Py_DECREF(all); Py_DECREF(acc); Py_DECREF(abc); Py_DECREF(abd); Py_DECREF(ab);
    Py_DECREF(ta); Py_DECREF(tb); Py_DECREF(tc); Py_DECREF(tuples); Py_DECREF(mixed); Py_DECREF(big);
    Py_DECREF(w); Py_DECREF(two); Py_DECREF(l);
    printf("error left: %d\n", PyErr_Occurred() != NULL);
    Py_FinalizeEx();
    return 0;
}
