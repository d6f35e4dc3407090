/* Cells (PyCell_New/Get/Set, types.CellType: cell_contents, comparisons, repr, bad
 * arguments), the callable iterator (PyCallIter_New: sentinel by ==, StopIteration and
 * other errors from the callable, exhaustion) and PyIter_Send over iterators, objects
 * with send() (StopIteration normalized and not, with and without a value) and am_send.
 * Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"

/* repr with every 0x... address masked */
static void show_addr(const char *label, PyObject *o)
{
    PyObject *r = o ? PyObject_Repr(o) : NULL;
    if (r == NULL) { show_err(label); Py_XDECREF(o); return; }
    printf("%s: ", label);
    const char *s = (const char *)PyUnicode_DATA(r);
    while (*s) {
        if (s[0] == '0' && s[1] == 'x') { printf("ADDR"); s += 2; while ((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')) s++; }
        else putchar(*s++);
    }
    printf("\n");
    Py_DECREF(r);
    Py_DECREF(o);
}

static long counter = 0;
static PyObject *count_up(PyObject *self, PyObject *unused)
{
    (void)self; (void)unused;
    counter++;
    if (counter == 100 || counter >= 300) { PyErr_SetString(PyExc_StopIteration, "stop"); return NULL; }
    if (counter == 200) { PyErr_SetString(PyExc_KeyError, "boom"); return NULL; }
    return PyLong_FromLong(counter);
}
static PyMethodDef count_def = {"count_up", count_up, METH_NOARGS, NULL};

/* An object with send(): returns arg*2 for ints, raises StopIteration for None-ish cases. */
static PyObject *sender_send(PyObject *self, PyObject *arg)
{
    (void)self;
    if (PyLong_Check(arg)) {
        long v = PyLong_AsLong(arg);
        if (v == 0) { PyErr_SetNone(PyExc_StopIteration); return NULL; }
        if (v == 1) { PyErr_SetObject(PyExc_StopIteration, PyUnicode_FromString("done")); return NULL; }
        if (v == 2) { PyObject *e = PyObject_CallOneArg(PyExc_StopIteration, PyLong_FromLong(77)); PyErr_SetObject(PyExc_StopIteration, e); Py_DECREF(e); return NULL; }
        if (v == 3) { PyErr_SetString(PyExc_ValueError, "bad send"); return NULL; }
        if (v == 4) { PyObject *t = Py_BuildValue("(ii)", 8, 9); PyErr_SetObject(PyExc_StopIteration, t); Py_DECREF(t); return NULL; }
        return PyLong_FromLong(v * 2);
    }
    return Py_NewRef(arg);
}
static PyMethodDef sender_methods[] = {{"send", sender_send, METH_O, NULL}, {NULL, NULL, 0, NULL}};
static PyType_Slot sender_slots[] = {{Py_tp_methods, sender_methods}, {0, NULL}};
static PyType_Spec sender_spec = {"t.Sender", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, sender_slots};

static PySendResult am_send_impl(PyObject *self, PyObject *arg, PyObject **result)
{
    (void)self;
    if (arg == Py_None) { *result = PyUnicode_FromString("returned"); return PYGEN_RETURN; }
    *result = Py_NewRef(arg);
    return PYGEN_NEXT;
}
static PyAsyncMethods am = {0, 0, 0, am_send_impl};
static PyTypeObject AmType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "t.AmSend", .tp_basicsize = sizeof(PyObject), .tp_as_async = &am,
    .tp_flags = Py_TPFLAGS_DEFAULT, .tp_new = PyType_GenericNew,
};

static void send(const char *label, PyObject *it, PyObject *arg)
{
    PyObject *result = (PyObject *)0x1;
    PySendResult r = PyIter_Send(it, arg, &result);
    printf("%s: %s ", label, r == PYGEN_NEXT ? "NEXT" : r == PYGEN_RETURN ? "RETURN" : "ERROR");
    if (r == PYGEN_ERROR) { printf("result null %d ", result == NULL); show_err(""); }
    else show("", result);
}

int main(void)
{
    Py_Initialize();
    /* cells */
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *c = PyCell_New(one);
    PyObject *e = PyCell_New(NULL);
    show_addr("cell", Py_NewRef(c));
    show_addr("empty", Py_NewRef(e));
    printf("check %d tracked %d\n", PyCell_Check(c), PyObject_GC_IsTracked(c));
    show("get", PyCell_Get(c));
    PyObject *g = PyCell_Get(e);
    printf("get empty null %d err %d\n", g == NULL, PyErr_Occurred() != NULL);
    show("GET macro", Py_NewRef(PyCell_GET(c)));
    show("contents", PyObject_GetAttrString(c, "cell_contents"));
    show("empty contents", PyObject_GetAttrString(e, "cell_contents"));
    show_int("set", PyCell_Set(e, two));
    show("now", PyObject_GetAttrString(e, "cell_contents"));
    show_int("cmp c<e", PyObject_RichCompareBool(c, e, Py_LT));
    show_int("cmp c==e", PyObject_RichCompareBool(c, e, Py_EQ));
    show_int("setattr", PyObject_SetAttrString(e, "cell_contents", one));
    show_int("cmp c==e now", PyObject_RichCompareBool(c, e, Py_EQ));
    show_int("delattr", PyObject_DelAttrString(e, "cell_contents"));
    show_int("delattr again", PyObject_DelAttrString(e, "cell_contents"));
    show_addr("emptied", Py_NewRef(e));
    show_int("empty < full", PyObject_RichCompareBool(e, c, Py_LT));
    show_int("empty > full", PyObject_RichCompareBool(e, c, Py_GT));
    PyObject *e2 = PyCell_New(NULL);
    show_int("empty == empty", PyObject_RichCompareBool(e, e2, Py_EQ));
    show_int("empty <= empty", PyObject_RichCompareBool(e, e2, Py_LE));
    show("cell == int", PyObject_RichCompare(c, one, Py_EQ));
    PyObject *cs = PyCell_New(PyUnicode_FromString("s"));
    show("cell < cell(str)", PyObject_RichCompare(c, cs, Py_LT));
    show_int("hash", PyObject_Hash(c));
    show_int("Set(None)", PyCell_Set(Py_None, one));
    show("Get(None)", PyCell_Get(Py_None));
    PyObject *ct = (PyObject *)&PyCell_Type;
    show_addr("CellType()", PyObject_CallNoArgs(ct));
    show_addr("CellType(2)", PyObject_CallOneArg(ct, two));
    show("CellType(1, 2)", PyObject_CallFunction(ct, "ii", 1, 2));
    PyObject *kw = Py_BuildValue("{s:i}", "x", 1), *noargs = PyTuple_New(0);
    show("CellType(x=1)", PyObject_Call(ct, noargs, kw));
    show("type", PyObject_Repr(ct));
    Py_DECREF(c); Py_DECREF(e); Py_DECREF(e2); Py_DECREF(cs);

    /* callable iterator */
    PyObject *f = PyCFunction_New(&count_def, NULL);
    PyObject *it = PyCallIter_New(f, PyLong_FromLong(4));
    show("callable iter", PyObject_Repr((PyObject *)Py_TYPE(it)));
    printf("check %d iter check %d self iter %d\n", PyCallIter_Check(it), PyIter_Check(it), PyObject_GetIter(it) == it);
    Py_DECREF(it);
    PyObject *x;
    while ((x = PyIter_Next(it)) != NULL) show("item", x);
    show_err("end");
    show("after end", PyIter_Next(it));
    printf("counter %ld\n", counter);
    show("list(calliter)", PySequence_List(PyCallIter_New(f, PyLong_FromLong(-1))));
    counter = 95;
    show("until StopIteration", PySequence_List(PyCallIter_New(f, PyLong_FromLong(-1))));
    counter = 195;
    it = PyCallIter_New(f, PyLong_FromLong(-1));
    show("until KeyError", PySequence_List(it));
    show("after KeyError", PyIter_Next(it));
    Py_DECREF(it);
    counter = 296;
    show("str sentinel", PySequence_List(PyCallIter_New(f, PyUnicode_FromString("s"))));

    /* PyIter_Send */
    PyObject *l = Py_BuildValue("[ii]", 10, 20);
    PyObject *li = PyObject_GetIter(l);
    send("list iter 1", li, Py_None);
    send("list iter 2", li, Py_None);
    send("list iter end", li, Py_None);
    send("list iter send 1", li, one);
    send("list send", l, Py_None);
    PyObject *st = PyType_FromSpec(&sender_spec);
    PyObject *s = PyObject_CallNoArgs(st);
    PyObject *args[] = {PyLong_FromLong(5), PyLong_FromLong(0), PyLong_FromLong(1), PyLong_FromLong(2), PyLong_FromLong(3), PyLong_FromLong(4)};
    for (int i = 0; i < 6; i++) { char b[32]; snprintf(b, sizeof b, "sender %d", i); send(b, s, args[i]); }
    send("sender None", s, Py_None);
    PyType_Ready(&AmType);
    PyObject *a = PyObject_CallNoArgs((PyObject *)&AmType);
    send("am_send value", a, one);
    send("am_send None", a, Py_None);
    Py_Finalize();
    return 0;
}
