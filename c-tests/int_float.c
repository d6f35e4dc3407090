/* Where ints meet floats: int / int (correctly rounded, subnormals, overflow, zero
 * division), PyLong_AsDouble rounding (ties to even around 2**53, 2**1024 overflow),
 * PyLong_FromDouble (truncation, NaN/inf errors, huge values), float(int) via nb_float,
 * negative int powers, _PyLong_Frexp. Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void result(const char *label, PyObject *r)
{
    if (r == NULL) { print_str_error(label); return; }
    if (PyFloat_Check(r)) {
        /* %.17g, not repr: this test is about the value. */
        printf("%s = float:%.17g\n", label, PyFloat_AsDouble(r));
        Py_DECREF(r);
        return;
    }
    PyObject *s = PyObject_Repr(r);
    printf("%s = %s:%s\n", label, Py_TYPE(r)->tp_name, (const char *)PyUnicode_DATA(s));
    Py_DECREF(s); Py_DECREF(r);
}

static PyObject *num(const char *t) { return PyLong_FromString(t, NULL, 0); }

int main(void)
{
    Py_Initialize();
    const char *texts[] = {"0", "1", "-1", "3", "-7", "10", "9007199254740993", "-9007199254740995",
                           "18014398509481985", "0x1fffffffffffff", "0x20000000000001", "12345678901234567890123",
                           "-98765432109876543210987654321", "0x" "1" "0000000000000000000000000000000000000000", NULL};
    char label[300];
    for (int i = 0; texts[i]; i++) {
        for (int j = 0; texts[j]; j++) {
            PyObject *a = num(texts[i]), *b = num(texts[j]);
            snprintf(label, sizeof label, "%s / %s", texts[i], texts[j]);
            result(label, PyNumber_TrueDivide(a, b));
            snprintf(label, sizeof label, "%s /= %s", texts[i], texts[j]);
            result(label, PyNumber_InPlaceTrueDivide(a, b));
            Py_DECREF(a); Py_DECREF(b);
        }
        PyObject *a = num(texts[i]);
        snprintf(label, sizeof label, "float(%s)", texts[i]);
        result(label, PyNumber_Float(a));
        double d = PyLong_AsDouble(a);
        printf("AsDouble(%s) = %.17g\n", texts[i], d);
        Py_ssize_t e = 0;
        double m = _PyLong_Frexp((PyLongObject *)a, &e);
        printf("Frexp(%s) = %.17g, %zd\n", texts[i], m, e);
        Py_DECREF(a);
    }
    /* Extremes: 2**1024-ish, subnormal quotients. */
    struct { const char *a, *b; } pairs[] = {
        {"1", "1" "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
        {"3", "0x" "8" "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
        {"0x" "1" "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "1"},
        {"0x" "f" "ffffffffffffff800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "1"},
        {"0x" "f" "ffffffffffffffc00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "1"},
        {"0x" "f" "ffffffffffffff8000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "16"},
        {"1", "3"}, {"2", "3"}, {"-1", "3"}, {"1", "0"}, {"0", "0"}, {"0", "-5"}, {"-0", "5"},
    };
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        PyObject *a = num(pairs[k].a), *b = num(pairs[k].b);
        snprintf(label, sizeof label, "pair %zu: a / b", k); result(label, PyNumber_TrueDivide(a, b));
        snprintf(label, sizeof label, "pair %zu: b / a", k); result(label, PyNumber_TrueDivide(b, a));
        snprintf(label, sizeof label, "pair %zu: float(a)", k); result(label, PyNumber_Float(a));
        double d = PyLong_AsDouble(a);
        if (d == -1.0 && PyErr_Occurred()) print_str_error("AsDouble"); else printf("AsDouble = %.17g\n", d);
        Py_DECREF(a); Py_DECREF(b);
    }
    /* Division by huge powers of two reaching the subnormal range. */
    for (int sh = 1020; sh <= 1080; sh += 3) {
        PyObject *one = num("3"), *s = PyLong_FromLong(sh);
        PyObject *p = PyNumber_Lshift(one, s);
        snprintf(label, sizeof label, "3 / (3 << %d)", sh);
        result(label, PyNumber_TrueDivide(one, p));
        PyObject *sev = num("-7");
        snprintf(label, sizeof label, "-7 / (3 << %d)", sh);
        result(label, PyNumber_TrueDivide(sev, p));
        Py_DECREF(one); Py_DECREF(s); Py_DECREF(p); Py_DECREF(sev);
    }
    /* PyLong_FromDouble. */
    double ds[] = {0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 1e15, 9.2233720368547758e18, -9.2233720368547758e18,
                   1.8446744073709552e19, 1e300, -1.7976931348623157e308, 4.9e-324, NAN, INFINITY, -INFINITY};
    for (size_t k = 0; k < sizeof ds / sizeof ds[0]; k++) {
        snprintf(label, sizeof label, "FromDouble(%.17g)", ds[k]);
        result(label, PyLong_FromDouble(ds[k]));
    }
    /* Negative powers. */
    const char *pw[][2] = {{"2", "-1"}, {"-2", "-3"}, {"10", "-5"}, {"0", "-1"}, {"1", "-1000"}, {"-1", "-1001"},
                           {"3", "-1000"}, {"12345678901234567890", "-2"}, {"2", "-1" "000000000000000000000000000000"},
                           {"0x1" "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "-1"}};
    for (size_t k = 0; k < sizeof pw / sizeof pw[0]; k++) {
        PyObject *a = num(pw[k][0]), *b = num(pw[k][1]);
        snprintf(label, sizeof label, "%.30s ** %.40s", pw[k][0], pw[k][1]);
        result(label, PyNumber_Power(a, b, Py_None));
        snprintf(label, sizeof label, "pow(%.30s, %.40s, 7)", pw[k][0], pw[k][1]);
        PyObject *seven = PyLong_FromLong(7);
        result(label, PyNumber_Power(a, b, seven));
        Py_DECREF(seven); Py_DECREF(a); Py_DECREF(b);
    }
    printf("AsDouble(str) = %g\n", PyLong_AsDouble(Py_None));
    print_str_error("AsDouble(None)");
    Py_FinalizeEx();
    return 0;
}
