/* BaseExceptionGroup: construction checks, str/repr, message/exceptions, derive, split and
 * subgroup (type and tuple matchers, a builtin function refused as predicate; metadata copied
 * to the parts), ExceptionGroup (made by BaseExceptionGroup for a group of Exceptions: its
 * class, nesting checks). Parts printed by field, not repr: derive() passes a list in CPython,
 * a tuple here (no list objects yet).
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include "testutil.h"

static PyObject *make(const char *label, PyObject *type, PyObject *args)
{
    PyErr_SetObject(type, args);
    Py_XDECREF(args);
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    printf("%s: %s ", label, ((PyTypeObject *)t)->tp_name);
    put(v);
    PyObject *s = PyObject_Str(v);
    printf(" str=");
    put(s);
    Py_XDECREF(s);
    printf("\n");
    Py_XDECREF(t);
    Py_XDECREF(tb);
    return v;
}

static PyObject *S(const char *s) { return PyUnicode_FromString(s); }
static PyObject *I(long v) { return PyLong_FromLong(v); }

static PyObject *inst(PyObject *type, PyObject *arg)
{
    PyErr_SetObject(type, arg);
    Py_XDECREF(arg);
    return fetch_value();
}

static void describe(const char *label, PyObject *g)
{
    printf("  %s: ", label);
    if (g == NULL) { printf("<error "); show_error(); printf(">\n"); return; }
    if (g == Py_None) { printf("None\n"); return; }
    printf("%s message=", Py_TYPE(g)->tp_name);
    PyObject *m = PyObject_GetAttrString(g, "message");
    put(m);
    Py_XDECREF(m);
    printf(" exceptions=");
    PyObject *e = PyObject_GetAttrString(g, "exceptions");
    put(e);
    Py_XDECREF(e);
    PyObject *c = PyObject_GetAttrString(g, "__cause__");
    printf(" cause=");
    put(c);
    Py_XDECREF(c);
    printf("\n");
}

static PyObject *is_keyboard_interrupt(PyObject *self, PyObject *arg)
{
    (void)self;
    return PyBool_FromLong(PyErr_GivenExceptionMatches(arg, PyExc_KeyboardInterrupt));
}
static PyMethodDef pred_def = {"pred", is_keyboard_interrupt, METH_O, NULL};

int main(void)
{
    Py_Initialize();
    PyObject *ki = inst(PyExc_KeyboardInterrupt, NULL);
    PyObject *se = inst(PyExc_SystemExit, I(2));
    PyObject *ve = inst(PyExc_ValueError, I(1));
    PyObject *g = make("group", PyExc_BaseExceptionGroup, PyTuple_Pack(2, S("many"), PyTuple_Pack(3, ki, se, ve)));
    describe("fields", g);
    PyObject *one = make("one", PyExc_BaseExceptionGroup, PyTuple_Pack(2, S("single"), PyTuple_Pack(1, ki)));
    Py_XDECREF(one);
    Py_XDECREF(make("one arg", PyExc_BaseExceptionGroup, PyTuple_Pack(1, S("m"))));
    Py_XDECREF(make("msg int", PyExc_BaseExceptionGroup, PyTuple_Pack(2, I(1), PyTuple_Pack(1, ki))));
    Py_XDECREF(make("msg None", PyExc_BaseExceptionGroup, PyTuple_Pack(2, Py_None, PyTuple_Pack(1, ki))));
    Py_XDECREF(make("not a sequence", PyExc_BaseExceptionGroup, PyTuple_Pack(2, S("m"), I(3))));
    Py_XDECREF(make("empty", PyExc_BaseExceptionGroup, PyTuple_Pack(2, S("m"), PyTuple_New(0))));
    Py_XDECREF(make("not an exception", PyExc_BaseExceptionGroup, PyTuple_Pack(2, S("m"), PyTuple_Pack(2, ki, I(1)))));

    /* Metadata the parts inherit. */
    Py_INCREF(ve);
    PyException_SetCause(g, ve);

    PyObject *split = PyObject_GetAttrString(g, "split");
    PyObject *r = PyObject_CallOneArg(split, PyExc_KeyboardInterrupt);
    printf("split(KeyboardInterrupt):\n");
    describe("match", r ? PyTuple_GetItem(r, 0) : NULL);
    describe("rest", r ? PyTuple_GetItem(r, 1) : NULL);
    Py_XDECREF(r);
    PyObject *types = PyTuple_Pack(2, PyExc_SystemExit, PyExc_ValueError);
    r = PyObject_CallOneArg(split, types);
    printf("split((SystemExit, ValueError)):\n");
    describe("match", r ? PyTuple_GetItem(r, 0) : NULL);
    describe("rest", r ? PyTuple_GetItem(r, 1) : NULL);
    Py_XDECREF(r);
    r = PyObject_CallOneArg(split, PyExc_BaseException);
    printf("split(BaseException): match is the group %d\n", r && PyTuple_GetItem(r, 0) == g);
    describe("rest", r ? PyTuple_GetItem(r, 1) : NULL);
    Py_XDECREF(r);
    r = PyObject_CallOneArg(split, PyExc_TypeError);
    printf("split(TypeError):\n");
    describe("match", r ? PyTuple_GetItem(r, 0) : NULL);
    printf("  rest is the group: %d\n", r && PyTuple_GetItem(r, 1) == g);
    Py_XDECREF(r);
    r = PyObject_CallOneArg(split, I(5));
    printf("split(5): ");
    put(r);
    printf("\n");
    Py_XDECREF(r);
    Py_DECREF(split);

    PyObject *sub = PyObject_GetAttrString(g, "subgroup");
    PyObject *pred = PyCFunction_New(&pred_def, NULL);
    r = PyObject_CallOneArg(sub, pred);
    printf("subgroup(builtin function, not a predicate):\n");
    describe("result", r);
    Py_XDECREF(r);
    r = PyObject_CallOneArg(sub, PyExc_OSError);
    printf("subgroup(OSError):\n");
    describe("result", r);
    Py_XDECREF(r);
    Py_DECREF(pred);
    Py_DECREF(sub);

    PyObject *derive = PyObject_GetAttrString(g, "derive");
    PyObject *two = PyTuple_Pack(2, se, ki);
    r = PyObject_CallOneArg(derive, two);
    printf("derive:\n");
    describe("result", r);
    Py_XDECREF(r);
    Py_DECREF(two);
    Py_DECREF(derive);

    printf("== ExceptionGroup\n");
    PyObject *eg = make("group of Exceptions", PyExc_BaseExceptionGroup, PyTuple_Pack(2, S("excs"), PyTuple_Pack(1, ve)));
    PyTypeObject *egt = Py_TYPE(eg);
    printf("  tp_name=%s heap=%d base=%s mro:", egt->tp_name, !!(egt->tp_flags & Py_TPFLAGS_HEAPTYPE), egt->tp_base->tp_name);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(egt->tp_mro); i++)
        printf(" %s", ((PyTypeObject *)PyTuple_GET_ITEM(egt->tp_mro, i))->tp_name);
    PyObject *mod = PyObject_GetAttrString((PyObject *)egt, "__module__");
    printf(" module=");
    put(mod);
    Py_XDECREF(mod);
    printf(" is Exception: %d\n", PyErr_GivenExceptionMatches(eg, PyExc_Exception));
    Py_XDECREF(make("ExceptionGroup(KeyboardInterrupt)", (PyObject *)egt, PyTuple_Pack(2, S("m"), PyTuple_Pack(1, ki))));
    Py_XDECREF(make("ExceptionGroup(ValueError)", (PyObject *)egt, PyTuple_Pack(2, S("m"), PyTuple_Pack(2, ve, ve))));
    split = PyObject_GetAttrString(g, "split");
    r = PyObject_CallOneArg(split, PyExc_KeyboardInterrupt);
    printf("split(KeyboardInterrupt) with an Exception in the rest:\n");
    describe("match", r ? PyTuple_GetItem(r, 0) : NULL);
    describe("rest", r ? PyTuple_GetItem(r, 1) : NULL);
    Py_XDECREF(r);
    Py_DECREF(split);
    Py_DECREF(eg);

    PyErr_SetObject((PyObject *)Py_TYPE(g), g);
    fflush(stdout);
    Py_DECREF(types);
    Py_DECREF(g);
    Py_DECREF(ki);
    Py_DECREF(se);
    Py_DECREF(ve);
    PyErr_Clear();
    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
