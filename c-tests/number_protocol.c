/* The number protocol's dispatch rules with C types: __index__/__int__/__trunc__ objects
 * through PyNumber_Index/Long/AsSsize_t and PyLong_As* (which accept __index__ and which do
 * not), bad return types, an int subclass whose reflected slot goes first, NotImplemented
 * passing to the other operand, sequence repeat through sq_repeat with __index__ counts.
 * Expected output: CPython 3.11's, in the same run (warnings go to stderr, not compared). */
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void result(const char *label, PyObject *r)
{
    if (r == NULL) { print_error(label); return; }
    if (PyUnicode_Check(r)) printf("%s = str:%s\n", label, (const char *)PyUnicode_DATA(r));
    else {
        PyObject *s = PyObject_Repr(r);
        printf("%s = %s:%s\n", label, Py_TYPE(r)->tp_name, s ? (const char *)PyUnicode_DATA(s) : "?");
        Py_XDECREF(s);
    }
    Py_DECREF(r);
}

static void lresult(const char *label, long v)
{
    if (v == -1 && PyErr_Occurred()) print_error(label);
    else printf("%s = %ld\n", label, v);
}

/* A new instance through tp_new (no type call needed). */
static PyObject *new_obj(PyTypeObject *tp)
{
    PyObject *args = PyTuple_New(0);
    PyObject *o = tp->tp_new(tp, args, NULL);
    Py_DECREF(args);
    return o;
}

/* Index7: __index__ returns 7. */
static PyObject *index7(PyObject *self) { (void)self; return PyLong_FromLong(7); }
static PyNumberMethods index7_nb = {.nb_index = index7};
static PyTypeObject Index7 = {PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "Index7", .tp_basicsize = sizeof(PyObject),
                              .tp_flags = Py_TPFLAGS_DEFAULT, .tp_as_number = &index7_nb, .tp_new = PyType_GenericNew};

/* IntTrue: __int__ returns True (a strict int subclass). */
static PyObject *int_true(PyObject *self) { (void)self; Py_RETURN_TRUE; }
static PyNumberMethods inttrue_nb = {.nb_int = int_true};
static PyTypeObject IntTrue = {PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "IntTrue", .tp_basicsize = sizeof(PyObject),
                               .tp_flags = Py_TPFLAGS_DEFAULT, .tp_as_number = &inttrue_nb, .tp_new = PyType_GenericNew};

/* BadIndex: __index__ returns a str; __int__ returns a str. */
static PyObject *bad(PyObject *self) { (void)self; return PyUnicode_FromString("bad"); }
static PyNumberMethods bad_nb = {.nb_index = bad};
static PyTypeObject BadIndex = {PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "BadIndex", .tp_basicsize = sizeof(PyObject),
                                .tp_flags = Py_TPFLAGS_DEFAULT, .tp_as_number = &bad_nb, .tp_new = PyType_GenericNew};
static PyNumberMethods badint_nb = {.nb_int = bad};
static PyTypeObject BadInt = {PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "BadInt", .tp_basicsize = sizeof(PyObject),
                              .tp_flags = Py_TPFLAGS_DEFAULT, .tp_as_number = &badint_nb, .tp_new = PyType_GenericNew};

/* Trunc: only a __trunc__ method (42); BadTrunc's returns a str. */
static PyObject *trunc42(PyObject *self, PyObject *unused) { (void)self; (void)unused; return PyLong_FromLong(42); }
static PyObject *trunc_bad(PyObject *self, PyObject *unused) { (void)self; (void)unused; return PyUnicode_FromString("x"); }
static PyObject *trunc_index(PyObject *self, PyObject *unused) { (void)self; (void)unused; return new_obj(&Index7); }
static PyMethodDef trunc_methods[] = {{"__trunc__", trunc42, METH_NOARGS, NULL}, {NULL}};
static PyMethodDef badtrunc_methods[] = {{"__trunc__", trunc_bad, METH_NOARGS, NULL}, {NULL}};
static PyMethodDef idxtrunc_methods[] = {{"__trunc__", trunc_index, METH_NOARGS, NULL}, {NULL}};
static PyTypeObject Trunc = {PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "Trunc", .tp_basicsize = sizeof(PyObject),
                             .tp_flags = Py_TPFLAGS_DEFAULT, .tp_methods = trunc_methods, .tp_new = PyType_GenericNew};
static PyTypeObject BadTrunc = {PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "BadTrunc", .tp_basicsize = sizeof(PyObject),
                                .tp_flags = Py_TPFLAGS_DEFAULT, .tp_methods = badtrunc_methods, .tp_new = PyType_GenericNew};
static PyTypeObject IdxTrunc = {PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "IdxTrunc", .tp_basicsize = sizeof(PyObject),
                                .tp_flags = Py_TPFLAGS_DEFAULT, .tp_methods = idxtrunc_methods, .tp_new = PyType_GenericNew};

/* MyInt: an int subclass whose + says who handled it. */
static PyObject *myint_add(PyObject *a, PyObject *b)
{
    if (PyLong_CheckExact(a) && PyLong_CheckExact(b)) Py_RETURN_NOTIMPLEMENTED;
    return PyUnicode_FromString(Py_IS_TYPE(a, &PyLong_Type) ? "MyInt.__radd__" : "MyInt.__add__");
}
static PyNumberMethods myint_nb = {.nb_add = myint_add};
static PyTypeObject MyInt = {PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "MyInt", .tp_basicsize = 0,
                             .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, .tp_as_number = &myint_nb};

/* Seq: a sequence with only sq_repeat and sq_concat. */
static PyObject *seq_repeat(PyObject *self, Py_ssize_t n) { (void)self; return PyLong_FromSsize_t(n * 100); }
static PyObject *seq_concat(PyObject *self, PyObject *o) { (void)self; (void)o; return PyUnicode_FromString("concat"); }
static PySequenceMethods seq_sq = {.sq_repeat = seq_repeat, .sq_concat = seq_concat};
static PyTypeObject Seq = {PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "Seq", .tp_basicsize = sizeof(PyObject),
                           .tp_flags = Py_TPFLAGS_DEFAULT, .tp_as_sequence = &seq_sq, .tp_new = PyType_GenericNew};

int main(void)
{
    Py_Initialize();
    PyTypeObject *types[] = {&Index7, &IntTrue, &BadIndex, &BadInt, &Trunc, &BadTrunc, &IdxTrunc, &Seq};
    for (size_t k = 0; k < sizeof types / sizeof types[0]; k++) {
        if (PyType_Ready(types[k]) < 0) { print_error("ready"); return 1; }
    }
    MyInt.tp_base = &PyLong_Type;
    if (PyType_Ready(&MyInt) < 0) { print_error("ready MyInt"); return 1; }
    char label[200];
    for (size_t k = 0; k < sizeof types / sizeof types[0]; k++) {
        PyObject *o = new_obj(types[k]);
        const char *n = types[k]->tp_name;
        snprintf(label, sizeof label, "Index(%s)", n); result(label, PyNumber_Index(o));
        snprintf(label, sizeof label, "Long(%s)", n); result(label, PyNumber_Long(o));
        snprintf(label, sizeof label, "AsSsize_t(%s)", n); lresult(label, (long)PyNumber_AsSsize_t(o, PyExc_OverflowError));
        snprintf(label, sizeof label, "PyLong_AsLong(%s)", n); lresult(label, PyLong_AsLong(o));
        snprintf(label, sizeof label, "PyLong_AsLongLong(%s)", n); lresult(label, (long)PyLong_AsLongLong(o));
        snprintf(label, sizeof label, "PyLong_AsSsize_t(%s)", n); lresult(label, (long)PyLong_AsSsize_t(o));
        snprintf(label, sizeof label, "PyLong_AsUnsignedLong(%s)", n); lresult(label, (long)PyLong_AsUnsignedLong(o));
        snprintf(label, sizeof label, "PyLong_AsUnsignedLongMask(%s)", n); lresult(label, (long)PyLong_AsUnsignedLongMask(o));
        snprintf(label, sizeof label, "PyLong_AsSize_t(%s)", n); lresult(label, (long)PyLong_AsSize_t(o));
        snprintf(label, sizeof label, "PyLong_AsDouble(%s)", n); lresult(label, (long)PyLong_AsDouble(o));
        int ov = 0;
        snprintf(label, sizeof label, "PyLong_AsLongAndOverflow(%s)", n); lresult(label, PyLong_AsLongAndOverflow(o, &ov));
        snprintf(label, sizeof label, "PyIndex_Check(%s)", n); printf("%s = %d\n", label, PyIndex_Check(o));
        snprintf(label, sizeof label, "PyNumber_Check(%s)", n); printf("%s = %d\n", label, PyNumber_Check(o));
        snprintf(label, sizeof label, "ToBase(%s, 16)", n); result(label, PyNumber_ToBase(o, 16));
        PyObject *one = PyLong_FromLong(1);
        snprintf(label, sizeof label, "1 << %s", n); result(label, PyNumber_Lshift(one, o));
        snprintf(label, sizeof label, "%s + 1", n); result(label, PyNumber_Add(o, one));
        snprintf(label, sizeof label, "%s * 1", n); result(label, PyNumber_Multiply(o, one));
        Py_DECREF(one);
        Py_DECREF(o);
    }
    /* int subclass dispatch. */
    PyObject *args = PyTuple_Pack(1, PyLong_FromLong(5));
    PyObject *m = PyLong_Type.tp_new(&MyInt, args, NULL);
    PyObject *one = PyLong_FromLong(1);
    printf("MyInt(5): type %s, value %ld, check %d exact %d\n", Py_TYPE(m)->tp_name, PyLong_AsLong(m), PyLong_Check(m), PyLong_CheckExact(m));
    result("1 + MyInt(5)", PyNumber_Add(one, m));
    result("MyInt(5) + 1", PyNumber_Add(m, one));
    result("MyInt(5) - 1", PyNumber_Subtract(m, one));
    result("MyInt(5) += 1", PyNumber_InPlaceAdd(m, one));
    result("-MyInt(5)", PyNumber_Negative(m));
    result("+MyInt(5)", PyNumber_Positive(m));
    result("Index(MyInt(5))", PyNumber_Index(m));
    result("Long(MyInt(5))", PyNumber_Long(m));
    result("_PyNumber_Index(MyInt(5)) type", PyObject_Type(_PyNumber_Index(m)));
    result("int.__new__(MyInt, '0x10', 0)", PyLong_Type.tp_new(&MyInt, PyTuple_Pack(2, PyUnicode_FromString("0x10"), PyLong_FromLong(0)), NULL));
    /* Sequence repeat with __index__ counts and errors. */
    PyObject *seq = new_obj(&Seq), *i7 = new_obj(&Index7);
    PyObject *big = PyLong_FromString("100000000000000000000", NULL, 10);
    result("Seq * Index7", PyNumber_Multiply(seq, i7));
    result("Index7 * Seq", PyNumber_Multiply(i7, seq));
    result("Seq * 3", PyNumber_Multiply(seq, PyLong_FromLong(3)));
    result("3 * Seq", PyNumber_Multiply(PyLong_FromLong(3), seq));
    result("Seq *= 3", PyNumber_InPlaceMultiply(seq, PyLong_FromLong(3)));
    result("Seq * 10**20", PyNumber_Multiply(seq, big));
    result("Seq * -3", PyNumber_Multiply(seq, PyLong_FromLong(-3)));
    result("Seq * Seq", PyNumber_Multiply(seq, seq));
    result("Seq + 1", PyNumber_Add(seq, one));
    result("Seq += 1", PyNumber_InPlaceAdd(seq, one));
    result("1 + Seq", PyNumber_Add(one, seq));
    Py_FinalizeEx();
    return 0;
}
