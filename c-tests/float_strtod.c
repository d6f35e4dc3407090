/* PyOS_double_to_string over a table of (value, code, precision, flags), and
 * PyOS_string_to_double's edge cases (endptr, overflow_exception, errors).
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void print_error(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        printf("  no error\n");
        return;
    }
    printf("  error %s", ((PyTypeObject *)t)->tp_name);
    /* Messages of errors raised with _PyErr_BadInternalCall carry CPython's file:line. */
    if (v != NULL && PyUnicode_Check(v) && t != PyExc_SystemError)
        printf(": %s", (const char *)PyUnicode_DATA(v));
    printf("\n");
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

static const double values[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 2.675, 1.005,
    0.125, 0.375, 123.456, -123.456, 1e16, 9999999999999998.0, 1e15, 1e17, 1e22, 1e23,
    123456789012345.0, 1234567890123456789.0, 1e-4, 1e-5, 0.00012345, 9.5e-5, 5e-324,
    2.2250738585072014e-308, 1.7976931348623157e308, 1e300, 1e-300, 0.999999, 9.9999999,
    99.5, 0.05, 0.0005, 12345.6789, 4.35, 1e100, -1e-7, 3.141592653589793, 100.0, 1234.5,
    0.6666666666666666, 1e21, 1e-9, 7e-10,
};
static const char codes[] = {'e', 'E', 'f', 'F', 'g', 'G'};
static const int precisions[] = {0, 1, 2, 3, 5, 6, 10, 17, 20};
static const int flag_sets[] = {0, Py_DTSF_SIGN, Py_DTSF_ADD_DOT_0, Py_DTSF_ALT, Py_DTSF_NO_NEG_0,
                                Py_DTSF_ADD_DOT_0 | Py_DTSF_ALT, 15};

static void dts(double x, char code, int prec, int flags)
{
    int type = -1;
    char *s = PyOS_double_to_string(x, code, prec, flags, &type);
    if (s == NULL) {
        printf("%.17g %c %d %d -> NULL\n", x, code, prec, flags);
        print_error();
        return;
    }
    printf("%.17g %c %d %d -> '%s' type %d\n", x, code, prec, flags, s, type);
    PyMem_Free(s);
}

static void std(const char *s, int use_end, PyObject *overflow)
{
    char *end = (char *)1;
    double r = PyOS_string_to_double(s, use_end ? &end : NULL, overflow);
    printf("'%.30s' end=%d ovf=%s -> %.17g", s, use_end, overflow ? "yes" : "no", r);
    if (use_end)
        printf(" endoff=%ld", (long)(end - s));
    printf(" signbit=%d\n", signbit(r) ? 1 : 0);
    if (PyErr_Occurred())
        print_error();
}

int main(void)
{
    Py_Initialize();
    size_t nv = sizeof values / sizeof values[0];
    for (size_t i = 0; i < nv; i++)
        for (size_t c = 0; c < sizeof codes; c++)
            for (size_t p = 0; p < sizeof precisions / sizeof precisions[0]; p++)
                for (size_t f = 0; f < sizeof flag_sets / sizeof flag_sets[0]; f++)
                    dts(values[i], codes[c], precisions[p], flag_sets[f]);
    for (size_t i = 0; i < nv; i++)
        for (size_t f = 0; f < sizeof flag_sets / sizeof flag_sets[0]; f++)
            dts(values[i], 'r', 0, flag_sets[f]);
    double specials[] = {INFINITY, -INFINITY, NAN, -NAN};
    for (size_t i = 0; i < 4; i++)
        for (size_t c = 0; c < sizeof codes; c++)
            for (size_t f = 0; f < sizeof flag_sets / sizeof flag_sets[0]; f++)
                dts(specials[i], codes[c], 3, flag_sets[f]);
    for (size_t i = 0; i < 4; i++)
        dts(specials[i], 'r', 0, 0);
    /* A NULL type pointer is allowed; bad codes and 'r' with a precision are errors. */
    char *s = PyOS_double_to_string(2.5, 'r', 0, 0, NULL);
    printf("NULL type: %s\n", s);
    PyMem_Free(s);
    dts(1.0, 'r', 3, 0);
    dts(1.0, 'x', 3, 0);
    dts(1.0, 'n', 3, 0);
    dts(1.0, '%', 3, 0);

    const char *inputs[] = {
        "1.5", " 1.5", "1.5 ", "1e500", "-1e500", "1e-500", "inf", "-Infinity", "nAn", "+nan", "-nan",
        "1_0", "0x10", "", "abc", ".5", "5.", "1e", "1e+", "infx", "1.5abc", "\t1", "1.5\n", "+.e1",
        "00012", "in", "infinit", "INFINITY", "+-1", "-.5e-3", "1e308", "1.8e308", "2e-324",
        "4.9406564584124654e-324", "0.1", "1E5", "1e+05x", "-0", "--1", ".", "e5", "123456789012345678901234567890",
        "1.7976931348623158e308", "1.7976931348623159e308", "9007199254740993", "0.30000000000000004",
        "1e-400", "-0.0e5", "1.e3", "infinityx", "nanx", "- 1",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        std(inputs[i], 0, NULL);
        std(inputs[i], 1, NULL);
        std(inputs[i], 0, PyExc_OverflowError);
        std(inputs[i], 1, PyExc_ValueError);
    }
    /* The message shows at most 200 bytes of the input. */
    char long_input[400];
    memset(long_input, 'x', sizeof long_input - 1);
    long_input[sizeof long_input - 1] = '\0';
    PyOS_string_to_double(long_input, NULL, NULL);
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("long input message length %zu\n", strlen((const char *)PyUnicode_DATA(v)));
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    Py_Finalize();
    return 0;
}
