/* PyObject_Format over a table of (value, spec) for floats, ints, bools, complexes and strs,
 * including errors; format() of a Python-visible __format__ through the method.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <math.h>
#include <stdio.h>
#include "testutil.h"

static void print_result(PyObject *r)
{
    if (r != NULL) {
        printf("'");
        print_text(r);
        printf("'\n");
        Py_DECREF(r);
        return;
    }
    print_error_line();
}

static const char *specs[] = {
    "", "10", "<10", "^10", ">10", "=10", "*^12", "+", " ", "-", "z", "#", "010", "0=10", "012,",
    ",", "_", ".0", ".1", ".3", ".10", "e", "E", ".2e", "f", "F", ".2f", "g", "G", ".3g", "n", "%",
    ".1%", "d", "b", "o", "x", "X", "#x", "#o", "#b", "_b", "_x", ",d", "c", "s", ".2s", "x<8.3s",
    "+.3", "#.0f", "#.0e", "z.1f", "abc", "q", ",s", ".f", "=", "0", "00", "1000000000000000000000",
    "\xc3\xa9^9", "<<", ",_", "+c", ".2d", "zd", "+10.2f", "^+12,.2f", "#010x", "-#X",
};

int main(void)
{
    Py_Initialize();
    PyObject *values[] = {
        PyFloat_FromDouble(0.0), PyFloat_FromDouble(-0.0), PyFloat_FromDouble(1234.5678),
        PyFloat_FromDouble(-0.001), PyFloat_FromDouble(1e16), PyFloat_FromDouble(2.675),
        PyFloat_FromDouble(INFINITY), PyFloat_FromDouble(NAN), PyFloat_FromDouble(1e-5),
        PyLong_FromLong(0), PyLong_FromLong(65), PyLong_FromLong(-1234567), PyLong_FromLong(255),
        PyLong_FromString("123456789012345678901234567890", NULL, 10),
        Py_NewRef(Py_True), Py_NewRef(Py_False),
        PyComplex_FromDoubles(1.0, 2.0), PyComplex_FromDoubles(0.0, -3.5),
        PyComplex_FromDoubles(-0.0, -0.0), PyComplex_FromDoubles(1e6, 1e-6),
        PyUnicode_FromString(""), PyUnicode_FromString("ab"), PyUnicode_FromString("hello world"),
        PyUnicode_FromString("\xc3\xa9t\xc3\xa9"),
    };
    size_t nv = sizeof values / sizeof values[0];
    for (size_t i = 0; i < nv; i++) {
        for (size_t j = 0; j < sizeof specs / sizeof specs[0]; j++) {
            PyObject *spec = PyUnicode_FromString(specs[j]);
            PyObject *repr = PyObject_Repr(values[i]);
            printf("format(");
            print_text(repr);
            printf(", '");
            print_text(spec);
            printf("') = ");
            Py_DECREF(repr);
            print_result(PyObject_Format(values[i], spec));
            Py_DECREF(spec);
        }
    }
    /* A NULL spec is the empty spec; a non-str spec is an error. */
    print_result(PyObject_Format(values[2], NULL));
    print_result(PyObject_Format(values[2], values[10]));
    /* The methods of float and complex, called by name. */
    for (size_t i = 0; i < nv; i++) {
        if (!PyFloat_Check(values[i]) && !PyComplex_Check(values[i]))
            continue;
        PyObject *m = PyObject_GetAttrString(values[i], "__format__");
        if (m == NULL) {
            PyErr_Clear();
            continue;
        }
        PyObject *spec = PyUnicode_FromString(">8");
        print_result(PyObject_CallOneArg(m, spec));
        print_result(PyObject_CallOneArg(m, values[10]));
        Py_DECREF(spec);
        Py_DECREF(m);
    }
    for (size_t i = 0; i < nv; i++)
        Py_DECREF(values[i]);
    Py_Finalize();
    return 0;
}
