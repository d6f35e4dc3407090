/* Lists whose item vectors are big memory mappings (list_storage.rs): appends across the
 * 128 KiB and 2 MiB steps and on to several MiB, with every item checked; shrinking by
 * pops and slice deletion back under each step; PyList_New of a big size (zeroed slots);
 * growth by extend and insert; sort and reverse of a big list; several big lists alive at
 * once (no mapping shared); a list freed and another made (the freed mapping not reused
 * while still referenced).
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>

static long check_range(PyObject *l, long start, long step)
{
    Py_ssize_t n = PyList_GET_SIZE(l);
    for (Py_ssize_t i = 0; i < n; i++) {
        long v = PyLong_AsLong(PyList_GET_ITEM(l, i));
        if (v != start + step * i) {
            printf("item %zd is %ld, not %ld\n", i, v, start + step * i);
            return -1;
        }
    }
    return (long)n;
}

int main(void)
{
    Py_Initialize();
    PyObject *small_ints[1000];
    for (int i = 0; i < 1000; i++)
        small_ints[i] = PyLong_FromLong(i);

    PyObject *a = PyList_New(0);
    for (long j = 0; j < 1500000; j++) {
        PyObject *v = PyLong_FromLong(j);
        PyList_Append(a, v);
        Py_DECREF(v);
    }
    printf("appended: %ld\n", check_range(a, 0, 1));

    PyObject *b = PyList_New(600000);
    long nulls = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(b); i++)
        nulls += PyList_GET_ITEM(b, i) == NULL;
    printf("PyList_New(600000) NULL slots: %ld\n", nulls);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(b); i++)
        PyList_SET_ITEM(b, i, PyLong_FromLong(2 * i));
    printf("filled: %ld\n", check_range(b, 0, 2));

    /* Shrink a across the 2 MiB and 128 KiB steps by deleting slices, then by pops. */
    PyList_SetSlice(a, 300000, PyList_GET_SIZE(a), NULL);
    printf("after del a[300000:]: %ld\n", check_range(a, 0, 1));
    PyList_SetSlice(a, 20000, PyList_GET_SIZE(a), NULL);
    printf("after del a[20000:]: %ld\n", check_range(a, 0, 1));
    PyObject *pop = PyObject_GetAttrString(a, "pop");
    for (int i = 0; i < 15000; i++)
        Py_DECREF(PyObject_CallNoArgs(pop));
    Py_DECREF(pop);
    printf("after 15000 pops: %ld\n", check_range(a, 0, 1));

    /* Grow again by extend (big jumps) and by inserts at the front. */
    PyObject *r = PyObject_CallFunction((PyObject *)&PyRange_Type, "ll", 5000L, 2000000L);
    PyObject *ext = PyObject_CallMethod(a, "extend", "O", r);
    Py_XDECREF(ext);
    Py_DECREF(r);
    printf("after extend: %ld\n", check_range(a, 0, 1));
    for (int i = 0; i < 3; i++)
        PyList_Insert(a, 0, small_ints[999 - i]);
    printf("front: %ld %ld %ld, len %zd\n", PyLong_AsLong(PyList_GET_ITEM(a, 0)),
           PyLong_AsLong(PyList_GET_ITEM(a, 2)), PyLong_AsLong(PyList_GET_ITEM(a, 3)), PyList_GET_SIZE(a));
    PyList_SetSlice(a, 0, 3, NULL);

    PyList_Reverse(a);
    printf("reversed: %ld\n", check_range(a, 1999999, -1));
    PyList_Sort(a);
    printf("sorted: %ld\n", check_range(a, 0, 1));

    /* Several at once, each its own vector. */
    PyObject *c = PyList_New(0), *d = PyList_New(0);
    for (long j = 0; j < 400000; j++) {
        PyList_Append(c, small_ints[j % 1000]);
        PyList_Append(d, small_ints[(j + 1) % 1000]);
    }
    long bad = 0;
    for (long j = 0; j < 400000; j++)
        bad += PyList_GET_ITEM(c, j) != small_ints[j % 1000] || PyList_GET_ITEM(d, j) != small_ints[(j + 1) % 1000];
    printf("two lists of 400000: %ld bad\n", bad);
    Py_DECREF(c);
    PyObject *e = PyList_New(0);
    for (long j = 0; j < 400000; j++)
        PyList_Append(e, small_ints[(j + 2) % 1000]);
    for (long j = 0; j < 400000; j++)
        bad += PyList_GET_ITEM(d, j) != small_ints[(j + 1) % 1000] || PyList_GET_ITEM(e, j) != small_ints[(j + 2) % 1000];
    printf("after freeing one and making another: %ld bad\n", bad);

    PyObject *copy = PyList_GetSlice(a, 0, PyList_GET_SIZE(a));
    printf("copy: %ld, equal %d\n", check_range(copy, 0, 1), PyObject_RichCompareBool(copy, a, Py_EQ));
    Py_DECREF(copy);
    PyList_SetSlice(a, 0, PyList_GET_SIZE(a), NULL);
    printf("cleared: %zd\n", PyList_GET_SIZE(a));
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(d);
    Py_DECREF(e);
    for (int i = 0; i < 1000; i++)
        Py_DECREF(small_ints[i]);
    Py_FinalizeEx();
    return 0;
}
