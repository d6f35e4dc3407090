/* Free lists and reused memory (docs/performance.md): tuples of every size around the
 * kept range (1..20), ints and floats come back clean from their free lists (NULL items,
 * GC-tracked, refcount 1, right size and value); big lists, which keep their items in a
 * mapping of their own, grow, shrink, sort and clear across the 128 KiB boundary. Then
 * 1,000 Py_Initialize/Py_FinalizeEx cycles, each filling the free lists, must not make the
 * process grow: the lists are emptied at finalization. The cycles run without `site`. */
// ferropy-test: timeout=600
#include "testutil.h"
#include <stdlib.h>

static long rss_kb(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        fclose(f);
    }
    return resident * 4;
}

/* Makes and drops `per_size` tuples of each size 1..24 (more than a free list keeps of the
 * small ones), then checks fresh tuples of each size. Returns the number of bad tuples. */
static int churn_tuples(int per_size)
{
    int bad = 0;
    PyObject **keep = malloc(sizeof(PyObject *) * (size_t)per_size);
    for (Py_ssize_t n = 1; n <= 24; n++) {
        for (int k = 0; k < per_size; k++) {
            keep[k] = PyTuple_New(n);
            for (Py_ssize_t j = 0; j < n; j++)
                PyTuple_SET_ITEM(keep[k], j, PyLong_FromLong(1000 + j));
        }
        for (int k = 0; k < per_size; k++)
            Py_DECREF(keep[k]);
        PyObject *t = PyTuple_New(n);
        if (t == NULL || Py_REFCNT(t) != 1 || PyTuple_GET_SIZE(t) != n || !PyObject_GC_IsTracked(t) ||
            Py_TYPE(t) != &PyTuple_Type)
            bad++;
        for (Py_ssize_t j = 0; j < n; j++)
            if (PyTuple_GET_ITEM(t, j) != NULL)
                bad++;
        Py_XDECREF(t);
    }
    free(keep);
    return bad;
}

static void check_values(void)
{
    printf("tuples from the free lists: %d bad\n", churn_tuples(50));
    /* Pack and resize reuse blocks of another size correctly. */
    PyObject *a = PyLong_FromLong(7), *b = PyUnicode_FromString("x");
    PyObject *t = PyTuple_Pack(2, a, b);
    PyObject *r = PyObject_Repr(t);
    printf("Pack: %s\n", PyUnicode_AsUTF8(r));
    Py_DECREF(r);
    if (_PyTuple_Resize(&t, 5) == 0) {
        printf("resized to %zd, new slots NULL: %d\n", PyTuple_GET_SIZE(t),
               PyTuple_GET_ITEM(t, 2) == NULL && PyTuple_GET_ITEM(t, 4) == NULL);
        Py_DECREF(t);
    }
    Py_DECREF(a);
    Py_DECREF(b);

    double sum = 0;
    long isum = 0;
    for (int k = 0; k < 1000; k++) {
        PyObject *f = PyFloat_FromDouble(k + 0.5);
        sum += PyFloat_AS_DOUBLE(f);
        Py_DECREF(f);
        PyObject *i = PyLong_FromLong(100000 + k);
        isum += PyLong_AsLong(i) - 100000;
        Py_DECREF(i);
    }
    printf("floats %.1f ints %ld\n", sum, isum);
}

static void check_big_lists(void)
{
    PyObject *one = PyLong_FromLong(1);
    PyObject *l = PyList_New(0);
    int bad = 0;
    for (long j = 0; j < 300000; j++) {
        PyObject *v = PyLong_FromLong(300000 - j);
        if (PyList_Append(l, v) < 0) bad++;
        Py_DECREF(v);
    }
    /* Shrink across the threshold (slice deletion), grow again, sort, check the order. */
    if (PySequence_DelSlice(l, 1000, 290000) < 0) bad++;
    printf("after deleting a slice: %zd items\n", PyList_GET_SIZE(l));
    for (long j = 0; j < 200000; j++)
        if (PyList_Append(l, one) < 0) bad++;
    if (PyList_Sort(l) < 0) bad++;
    Py_ssize_t n = PyList_GET_SIZE(l);
    for (Py_ssize_t j = 1; j < n; j++)
        if (PyLong_AsLong(PyList_GET_ITEM(l, j - 1)) > PyLong_AsLong(PyList_GET_ITEM(l, j))) bad++;
    printf("sorted %zd items, first %ld, last %ld, %d bad\n", n, PyLong_AsLong(PyList_GET_ITEM(l, 0)),
           PyLong_AsLong(PyList_GET_ITEM(l, n - 1)), bad);
    /* A presized big list starts with NULL slots. */
    PyObject *z = PyList_New(100000);
    int nulls = 0;
    for (Py_ssize_t j = 0; j < 100000; j++)
        nulls += PyList_GET_ITEM(z, j) == NULL;
    printf("PyList_New(100000): %d NULL slots\n", nulls);
    for (Py_ssize_t j = 0; j < 100000; j++)
        PyList_SET_ITEM(z, j, Py_NewRef(one));
    if (PyList_SetSlice(z, 0, 99990, NULL) < 0) bad++;
    printf("after clearing most: %zd items\n", PyList_GET_SIZE(z));
    Py_DECREF(z);
    Py_DECREF(l);
    Py_DECREF(one);
}

int main(void)
{
    Py_Initialize();
    check_values();
    check_big_lists();
    Py_FinalizeEx();

    for (int i = 0; i < 100; i++) {
        initialize_without_site();
        churn_tuples(30);
        Py_FinalizeEx();
    }
    long before = rss_kb();
    int bad = 0;
    for (int i = 0; i < 1000; i++) {
        initialize_without_site();
        bad += churn_tuples(30);
        Py_FinalizeEx();
    }
    long growth = rss_kb() - before;
    if (getenv("RUNTIME_CYCLES_VERBOSE")) fprintf(stderr, "rss growth: %ld KiB\n", growth);
    printf("bad tuples over the cycles: %d\n", bad);
    printf("rss growth under 1 MiB: %s\n", before > 0 && growth < 1024 ? "yes" : "no");
    return 0;
}
