/* Containers with int items: tuple and frozenset hashes equal CPython's, dict order and
 * PyDict_Next with int keys, set orders, int indices (negative, huge), slices with steps
 * (PySlice_Unpack/AdjustIndices/GetIndicesEx, repr), PySequence_GetSlice/SetSlice/DelSlice,
 * extended-slice assignment, and sorting 100,000 pseudo-random ints (order, stability
 * through equal values, a checksum). Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"

static PyObject *I(long v) { return PyLong_FromLong(v); }

static PyObject *int_list(int n, long mul, long mod)
{
    PyObject *l = PyList_New(n);
    for (int i = 0; i < n; i++)
        PyList_SET_ITEM(l, i, I((i * mul) % mod));
    return l;
}

int main(void)
{
    Py_Initialize();
    PyObject *t = PyTuple_Pack(3, I(1), I(-2), I(1L << 40));
    show_int("hash (1, -2, 2**40)", PyObject_Hash(t));
    PyObject *big = PyLong_FromString("123456789012345678901234567890", NULL, 10);
    PyObject *t2 = PyTuple_Pack(3, t, big, I(-1));
    show_int("hash nested", PyObject_Hash(t2));
    show("repr nested", PyObject_Repr(t2));
    PyObject *l20 = int_list(20, 7, 23);
    PyObject *fs = PyFrozenSet_New(l20);
    show("frozenset", PyObject_Repr(fs));
    show_int("frozenset hash", PyObject_Hash(fs));
    PyObject *st = PySet_New(int_list(50, 37, 101));
    show("set of ints", PyObject_Repr(st));
    for (long k = 0; k < 101; k += 3)
        PySet_Discard(st, I(k));
    for (long k = 200; k < 230; k += 2)
        PySet_Add(st, I(k));
    show("after discards/adds", PyObject_Repr(st));

    PyObject *d = PyDict_New();
    for (long i = 0; i < 40; i++)
        PyDict_SetItem(d, I((i * 13) % 41), I(i));
    for (long i = 0; i < 40; i += 4)
        if (PyDict_DelItem(d, I(i)) < 0)
            show_err("del missing");
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    printf("dict next:");
    while (PyDict_Next(d, &pos, &k, &v))
        printf(" %zd:%ld=%ld", pos, PyLong_AsLong(k), PyLong_AsLong(v));
    printf("\n");
    show("dict[True] (== 1)", PyObject_GetItem(d, Py_True));
    show("dict repr", PyObject_Repr(d));

    /* Indices. */
    show("t[-1]", PyObject_GetItem(t, I(-1)));
    show("t[3]", PyObject_GetItem(t, I(3)));
    show("t[True]", PyObject_GetItem(t, Py_True));
    show("t[big]", PyObject_GetItem(t, big));
    show("l20[-20]", PyObject_GetItem(l20, I(-20)));
    show("l20[-21]", PyObject_GetItem(l20, I(-21)));
    show_int("l20[big] = 0", PyObject_SetItem(l20, big, I(0)));
    show_int("del l20[-1]", PyObject_DelItem(l20, I(-1)));

    /* Slices. */
    PyObject *sl = PySlice_New(I(-3), NULL, I(-2));
    show("slice repr", PyObject_Repr(sl));
    Py_ssize_t start, stop, step, len;
    printf("Unpack: %d", PySlice_Unpack(sl, &start, &stop, &step));
    printf(" %zd %zd %zd\n", start, stop, step);
    len = PySlice_AdjustIndices(19, &start, &stop, step);
    printf("Adjust(19): %zd %zd %zd len %zd\n", start, stop, step, len);
    PyObject *sl2 = PySlice_New(big, I(5), NULL);
    printf("GetIndicesEx huge start: %d", PySlice_GetIndicesEx(sl2, 10, &start, &stop, &step, &len));
    printf(" %zd %zd %zd %zd\n", start, stop, step, len);
    PyObject *sl0 = PySlice_New(NULL, NULL, I(0));
    show_int("Unpack step 0", PySlice_Unpack(sl0, &start, &stop, &step));
    PyObject *sls = PySlice_New(S("a"), NULL, NULL);
    show_int("Unpack str start", PySlice_Unpack(sls, &start, &stop, &step));
    printf("GetIndices: %d", PySlice_GetIndices(sl, 19, &start, &stop, &step));
    printf(" %zd %zd %zd\n", start, stop, step);
    show("l20[-3::-2]", PyObject_GetItem(l20, sl));
    show("t[::-1]", PyObject_GetItem(t, PySlice_New(NULL, NULL, I(-1))));
    show("slice compare", PyObject_RichCompare(sl, sl2, Py_LT));
    show_int("l20[-3::-2] = [0]", PyObject_SetItem(l20, sl, PyList_New(0)));
    PyObject *repl = int_list(9, 1, 100);
    show_int("l20[-3::-2] = range(9)", PyObject_SetItem(l20, sl, repl));
    show("l20", PyObject_Repr(l20));
    show_int("del l20[::3]", PyObject_DelItem(l20, PySlice_New(NULL, NULL, I(3))));
    show("l20", PyObject_Repr(l20));
    show("GetSlice(l20, 2, 5)", PySequence_GetSlice(l20, 2, 5));
    show("GetSlice(t, -100, 100)", PySequence_GetSlice(t, -100, 100));
    show("GetSlice(None)", PySequence_GetSlice(Py_None, 0, 1));
    show_int("SetSlice(l20, 0, 2, t)", PySequence_SetSlice(l20, 0, 2, t));
    show_int("DelSlice(l20, 5, 100)", PySequence_DelSlice(l20, 5, 100));
    show("l20", PyObject_Repr(l20));
    show_int("SetSlice(t)", PySequence_SetSlice(t, 0, 1, t));
    show_int("DelSlice(t)", PySequence_DelSlice(t, 0, 1));
    show_int("index of -2", PySequence_Index(t, I(-2)));
    show_int("count 1", PySequence_Count(PySequence_Repeat(t, 3), I(1)));

    /* Sorting pseudo-random ints. */
    PyObject *r = PyList_New(100000);
    unsigned long x = 12345;
    for (int i = 0; i < 100000; i++) {
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        long val = (long)(x >> 33) % 1000 - 500;
        PyList_SET_ITEM(r, i, I(val));
    }
    show_int("sort", PyList_Sort(r));
    long sum = 0, ok = 1;
    for (int i = 0; i < 100000; i++) {
        long a = PyLong_AsLong(PyList_GET_ITEM(r, i));
        sum = sum * 31 + a;
        if (i && a < PyLong_AsLong(PyList_GET_ITEM(r, i - 1)))
            ok = 0;
    }
    printf("sorted %ld checksum %ld first %ld last %ld\n", ok, sum,
           PyLong_AsLong(PyList_GET_ITEM(r, 0)), PyLong_AsLong(PyList_GET_ITEM(r, 99999)));
    PyObject *mixed = PyList_New(0);
    PyList_Append(mixed, I(3));
    PyList_Append(mixed, big);
    PyList_Append(mixed, I(-7));
    PyList_Append(mixed, Py_True);
    PyList_Append(mixed, I(1));
    PyList_Append(mixed, Py_False);
    show_int("sort mixed ints/bools", PyList_Sort(mixed));
    show("mixed", PyObject_Repr(mixed));
    printf("error left: %d\n", PyErr_Occurred() != NULL);
    Py_FinalizeEx();
    return 0;
}
