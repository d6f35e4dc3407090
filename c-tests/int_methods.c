/* int's methods and attributes seen through attribute lookup: bit_length, bit_count,
 * as_integer_ratio, conjugate, __trunc__/__floor__/__ceil__, __round__ (ndigits, ties to
 * even, argument errors), __getnewargs__, __sizeof__, real/imag/numerator/denominator,
 * their __doc__, on ints, big ints and bools; _PyLong_DivmodNear, _PyLong_GCD.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void result(const char *label, PyObject *r)
{
    if (r == NULL) { print_error(label); return; }
    PyObject *s = PyObject_Repr(r);
    printf("%s = %s:%s\n", label, Py_TYPE(r)->tp_name, s ? (const char *)PyUnicode_DATA(s) : "?");
    Py_XDECREF(s); Py_DECREF(r);
}

static PyObject *call(PyObject *o, const char *name, PyObject *args)
{
    PyObject *m = PyObject_GetAttrString(o, name);
    if (m == NULL) return NULL;
    PyObject *r = args ? PyObject_Call(m, args, NULL) : PyObject_CallNoArgs(m);
    Py_DECREF(m);
    return r;
}

static PyObject *num(const char *t) { return PyLong_FromString(t, NULL, 0); }

int main(void)
{
    Py_Initialize();
    const char *texts[] = {"0", "1", "-1", "37", "-37", "13", "1073741824", "-0xffffffffffffffffffff",
                           "123456789012345678901234567890", "1250", "1350", "-1250", "15", "25", "-25", NULL};
    const char *noargs[] = {"bit_length", "bit_count", "as_integer_ratio", "conjugate", "__trunc__",
                            "__floor__", "__ceil__", "__round__", "__getnewargs__", "__sizeof__", NULL};
    const char *attrs[] = {"real", "imag", "numerator", "denominator", NULL};
    char label[300];
    for (int i = 0; texts[i] || i == 0; i++) {
        PyObject *v = num(texts[i]);
        for (int k = 0; noargs[k]; k++) {
            snprintf(label, sizeof label, "(%s).%s()", texts[i], noargs[k]);
            result(label, call(v, noargs[k], NULL));
        }
        for (int k = 0; attrs[k]; k++) {
            snprintf(label, sizeof label, "(%s).%s", texts[i], attrs[k]);
            result(label, PyObject_GetAttrString(v, attrs[k]));
        }
        for (int nd = -32; nd <= 2; nd += (nd < -4 ? 9 : 1)) {
            PyObject *n = PyLong_FromLong(nd), *args = PyTuple_Pack(1, n);
            snprintf(label, sizeof label, "(%s).__round__(%d)", texts[i], nd);
            result(label, call(v, "__round__", args));
            Py_DECREF(n); Py_DECREF(args);
        }
        Py_DECREF(v);
    }
    for (int b = 0; b < 2; b++) {
        PyObject *v = b ? Py_True : Py_False;
        for (int k = 0; noargs[k]; k++) {
            snprintf(label, sizeof label, "%s.%s()", b ? "True" : "False", noargs[k]);
            result(label, call(v, noargs[k], NULL));
        }
        for (int k = 0; attrs[k]; k++) {
            snprintf(label, sizeof label, "%s.%s", b ? "True" : "False", attrs[k]);
            result(label, PyObject_GetAttrString(v, attrs[k]));
        }
    }
    /* Argument errors. */
    PyObject *five = PyLong_FromLong(5), *s = PyUnicode_FromString("a");
    PyObject *a2 = PyTuple_Pack(2, five, five), *a1 = PyTuple_Pack(1, s), *an = PyTuple_Pack(1, Py_None);
    result("(5).__round__(5, 5)", call(five, "__round__", a2));
    result("(5).__round__('a')", call(five, "__round__", a1));
    result("(5).__round__(None)", call(five, "__round__", an));
    result("(5).bit_length('a')", call(five, "bit_length", a1));
    PyObject *huge = num("-100000000000000000000");
    result("(5).__round__(10**20)", call(five, "__round__", PyTuple_Pack(1, PyNumber_Negative(huge))));
    /* __format__. */
    const char *fvals[] = {"0", "5", "-5", "65", "1234567", "-1234567", "0x400000000000000000", "-0x400000000000000000",
                           "123456789012345678901234567890", NULL};
    const char *specs[] = {"", "d", "x", "X", "#x", "#o", "#b", "_x", ",", "_", "=+08", "^10", "*<12,d", " d", "c", "e",
                           ".2f", "%", "g", ".2", "s", "z", "n", "+#X", "010,", NULL};
    for (int i = 0; fvals[i]; i++) {
        PyObject *v = num(fvals[i]);
        for (int k = 0; specs[k]; k++) {
            PyObject *sp = PyUnicode_FromString(specs[k]), *fa = PyTuple_Pack(1, sp);
            snprintf(label, sizeof label, "format(%s, '%s')", fvals[i], specs[k]);
            result(label, call(v, "__format__", fa));
            Py_DECREF(sp); Py_DECREF(fa);
        }
        Py_DECREF(v);
    }
    {
        PyObject *sp = PyUnicode_FromString(""), *fa = PyTuple_Pack(1, sp);
        result("format(True, '')", call(Py_True, "__format__", fa));
        Py_DECREF(fa); Py_DECREF(sp);
        sp = PyUnicode_FromString("d"); fa = PyTuple_Pack(1, sp);
        result("format(True, 'd')", call(Py_True, "__format__", fa));
        Py_DECREF(fa); Py_DECREF(sp);
        PyObject *three = PyLong_FromLong(3);
        fa = PyTuple_Pack(1, three);
        result("(5).__format__(3)", call(five, "__format__", fa));
        Py_DECREF(fa);
        PyObject *big400 = PyNumber_Power(PyLong_FromLong(10), PyLong_FromLong(400), Py_None);
        sp = PyUnicode_FromString("e"); fa = PyTuple_Pack(1, sp);
        result("format(10**400, 'e')", call(big400, "__format__", fa));
        Py_DECREF(fa); Py_DECREF(sp);
        PyObject *big5000 = PyNumber_Power(PyLong_FromLong(10), PyLong_FromLong(5000), Py_None);
        sp = PyUnicode_FromString("d"); fa = PyTuple_Pack(1, sp);
        result("format(10**5000, 'd')", call(big5000, "__format__", fa));
        Py_DECREF(fa); Py_DECREF(sp);
        sp = PyUnicode_FromString(","); fa = PyTuple_Pack(1, sp);
        result("format(10**5000, ',')", call(big5000, "__format__", fa));
        Py_DECREF(fa); Py_DECREF(sp);
        sp = PyUnicode_FromString("c"); fa = PyTuple_Pack(1, sp);
        result("format(10**400, 'c')", call(big400, "__format__", fa));
        Py_DECREF(fa); Py_DECREF(sp);
    }
    /* __doc__ of methods and attributes. */
    const char *docs[] = {"bit_length", "conjugate", "__round__", "__getnewargs__", "__sizeof__", "__format__", "real", "denominator", NULL};
    for (int k = 0; docs[k]; k++) {
        PyObject *d = PyObject_GetAttrString((PyObject *)&PyLong_Type, docs[k]);
        PyObject *doc = d ? PyObject_GetAttrString(d, "__doc__") : NULL;
        snprintf(label, sizeof label, "int.%s.__doc__", docs[k]);
        result(label, doc);
        Py_XDECREF(d);
    }
    /* _PyLong_DivmodNear and _PyLong_GCD. */
    const char *pairs[][2] = {{"15", "10"}, {"25", "10"}, {"-25", "10"}, {"7", "-2"}, {"-7", "-2"}, {"0", "3"},
                              {"123456789012345678901234567890", "1000000007"}, {"12", "18"}, {"-12", "18"}, {"0", "0"},
                              {"0", "5"}, {"0x1000000000000000000000000", "0x30000000000000000000"}};
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        PyObject *a = num(pairs[k][0]), *b = num(pairs[k][1]);
        snprintf(label, sizeof label, "DivmodNear(%s, %s)", pairs[k][0], pairs[k][1]);
        result(label, _PyLong_DivmodNear(a, b));
        snprintf(label, sizeof label, "GCD(%s, %s)", pairs[k][0], pairs[k][1]);
        result(label, _PyLong_GCD(a, b));
        Py_DECREF(a); Py_DECREF(b);
    }
    result("DivmodNear(5, 'a')", _PyLong_DivmodNear(five, s));
    Py_FinalizeEx();
    return 0;
}
