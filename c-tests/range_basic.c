/* range: construction and errors, len (and its overflow), repr, items and slices
 * (negative steps, huge bounds), contains/count/index for ints and other values,
 * equality and hashes, bool, start/stop/step, __reduce__, iteration (range_iterator and
 * longrange_iterator, __length_hint__) and reversed(). Expected output: CPython 3.11's. */
#include "proto_util.h"

static PyObject *R = (PyObject *)&PyRange_Type;

static PyObject *rng(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *args = Py_VaBuildValue(fmt, va);
    va_end(va);
    PyObject *r = PyObject_CallObject(R, args);
    Py_DECREF(args);
    return r;
}

static PyObject *big(const char *digits) { return PyLong_FromString(digits, NULL, 10); }

static void info(const char *label, PyObject *r)
{
    char b[128];
    if (r == NULL) { show_err(label); return; }
    show(label, PyObject_Repr(r));
    snprintf(b, sizeof b, "  len"); show_int(b, PyObject_Length(r));
    snprintf(b, sizeof b, "  list"); show(b, PySequence_List(r));
    snprintf(b, sizeof b, "  bool"); show_int(b, PyObject_IsTrue(r));
    PyObject *rev = PyObject_CallMethod(r, "__reversed__", NULL);
    snprintf(b, sizeof b, "  reversed"); show(b, rev ? PySequence_List(rev) : NULL);
    Py_XDECREF(rev);
    Py_DECREF(r);
}

int main(void)
{
    Py_Initialize();
    info("range(5)", rng("(i)", 5));
    info("range(2, 9, 3)", rng("(iii)", 2, 9, 3));
    info("range(10, 0, -3)", rng("(iii)", 10, 0, -3));
    info("range(0)", rng("(i)", 0));
    info("range(5, 2)", rng("(ii)", 5, 2));
    info("range(-5, -1)", rng("(ii)", -5, -1));
    info("range(True)", rng("(O)", Py_True));
    info("range(0, 1, 0)", rng("(iii)", 0, 1, 0));
    info("range()", rng("()"));
    info("range(1,2,3,4)", rng("(iiii)", 1, 2, 3, 4));
    info("range(1.5)", rng("(d)", 1.5));
    info("range(1, 's')", rng("(is)", 1, "s"));
    PyObject *kw = Py_BuildValue("{s:i}", "stop", 3), *a1 = Py_BuildValue("(i)", 1);
    show("range(kw)", PyObject_Call(R, a1, kw));

    PyObject *r = rng("(iii)", 3, 40, 4);
    PyObject *x;
    show("r[0]", PySequence_GetItem(r, 0));
    show("r[-1]", PySequence_GetItem(r, -1));
    show("r[9]", PySequence_GetItem(r, 9));
    show("r[10]", PySequence_GetItem(r, 10));
    show("r[-11]", PySequence_GetItem(r, -11));
    show("r[2:5]", PyObject_GetItem(r, x = PySlice_New(PyLong_FromLong(2), PyLong_FromLong(5), NULL))); Py_DECREF(x);
    show("r[::-1]", PyObject_GetItem(r, x = PySlice_New(NULL, NULL, PyLong_FromLong(-1)))); Py_DECREF(x);
    show("r[::3]", PyObject_GetItem(r, x = PySlice_New(NULL, NULL, PyLong_FromLong(3)))); Py_DECREF(x);
    show("r[-2:100:-2]", PyObject_GetItem(r, x = PySlice_New(PyLong_FromLong(-2), PyLong_FromLong(100), PyLong_FromLong(-2)))); Py_DECREF(x);
    show("r['a']", PyObject_GetItem(r, x = PyUnicode_FromString("a"))); Py_DECREF(x);
    show("r[1.0]", PyObject_GetItem(r, x = PyFloat_FromDouble(1.0))); Py_DECREF(x);
    show("r[True]", PyObject_GetItem(r, Py_True));
    for (int v = 2; v <= 8; v += 1) {
        char b[64];
        x = PyLong_FromLong(v);
        snprintf(b, sizeof b, "%d in r", v); show_int(b, PySequence_Contains(r, x));
        snprintf(b, sizeof b, "count(%d)", v); show(b, PyObject_CallMethod(r, "count", "O", x));
        snprintf(b, sizeof b, "index(%d)", v); show(b, PyObject_CallMethod(r, "index", "O", x));
        Py_DECREF(x);
    }
    x = PyFloat_FromDouble(7.0);
    show_int("7.0 in r", PySequence_Contains(r, x));
    show("count(7.0)", PyObject_CallMethod(r, "count", "O", x));
    show("index(7.0)", PyObject_CallMethod(r, "index", "O", x));
    Py_DECREF(x);
    show("index('a')", PyObject_CallMethod(r, "index", "s", "a"));
    show_int("True in range(2)", PySequence_Contains(x = rng("(i)", 2), Py_True)); Py_DECREF(x);
    show("start", PyObject_GetAttrString(r, "start"));
    show("stop", PyObject_GetAttrString(r, "stop"));
    show("step", PyObject_GetAttrString(r, "step"));
    show_int("set start", PyObject_SetAttrString(r, "start", Py_None));
    show("reduce", PyObject_CallMethod(r, "__reduce__", NULL));
    show_int("hash", PyObject_Hash(r));

    /* equality and hash */
    PyObject *pairs[][2] = {
        {rng("(i)", 0), rng("(iii)", 5, 1, 3)},
        {rng("(ii)", 1, 2), rng("(iii)", 1, 5, 10)},
        {rng("(iii)", 0, 10, 3), rng("(iii)", 0, 11, 3)},
        {rng("(iii)", 0, 10, 3), rng("(iii)", 0, 9, 3)},
        {rng("(iii)", 0, 10, 2), rng("(iii)", 1, 10, 2)},
    };
    for (int i = 0; i < 5; i++) {
        char b[64];
        snprintf(b, sizeof b, "pair %d ==", i); show_int(b, PyObject_RichCompareBool(pairs[i][0], pairs[i][1], Py_EQ));
        snprintf(b, sizeof b, "pair %d !=", i); show_int(b, PyObject_RichCompareBool(pairs[i][0], pairs[i][1], Py_NE));
        snprintf(b, sizeof b, "pair %d hash eq", i);
        show_int(b, PyObject_Hash(pairs[i][0]) == PyObject_Hash(pairs[i][1]));
    }
    show("range < range", PyObject_RichCompare(pairs[0][0], pairs[0][1], Py_LT));
    PyObject *lst = PySequence_List(pairs[2][0]);
    show("range == list", PyObject_RichCompare(pairs[2][0], lst, Py_EQ));

    /* iterators */
    PyObject *it = PyObject_GetIter(r);
    show("iter type", PyObject_Repr((PyObject *)Py_TYPE(it)));
    show("hint", PyObject_CallMethod(it, "__length_hint__", NULL));
    show("next", PyIter_Next(it));
    show("hint after", PyObject_CallMethod(it, "__length_hint__", NULL));
    show_int("LengthHint", PyObject_LengthHint(it, -1));
    Py_DECREF(it);

    /* huge bounds */
    PyObject *h = rng("(OOO)", big("-100000000000000000000"), big("100000000000000000000"), big("30000000000000000000"));
    info("huge", Py_NewRef(h));
    it = PyObject_GetIter(h);
    show("huge iter type", PyObject_Repr((PyObject *)Py_TYPE(it)));
    show("huge hint", PyObject_CallMethod(it, "__length_hint__", NULL));
    Py_DECREF(it);
    show("huge[3]", PySequence_GetItem(h, 3));
    show("huge[1:3]", PyObject_GetItem(h, x = PySlice_New(PyLong_FromLong(1), PyLong_FromLong(3), NULL))); Py_DECREF(x);
    x = big("80000000000000000000");
    show_int("80e18 in huge", PySequence_Contains(h, x));
    show("index(80e18)", PyObject_CallMethod(h, "index", "O", x));
    Py_DECREF(x);
    PyObject *hl = rng("(O)", big("100000000000000000000"));
    show_int("len(huge long)", PyObject_Length(hl));
    show("huge long[-1]", PySequence_GetItem(hl, -1));
    show("huge long[2**70]", PyObject_GetItem(hl, x = big("1180591620717411303424"))); Py_DECREF(x);
    show_int("huge long bool", PyObject_IsTrue(hl));
    info("near max", rng("(OO)", big("9223372036854775805"), big("9223372036854775809")));
    info("near min", rng("(OOi)", big("-9223372036854775806"), big("-9223372036854775810"), -1));
    Py_Finalize();
    return 0;
}
