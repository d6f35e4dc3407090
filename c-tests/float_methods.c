/* float and complex beyond the basics: methods (hex, fromhex, is_integer, as_integer_ratio,
 * __round__, __trunc__/__floor__/__ceil__, conjugate, __getformat__, real/imag), float(...)
 * and complex(...) through the type call, int/float mixed arithmetic and exact comparison
 * (PyNumber_*, PyObject_RichCompare), hashes shared with ints, PyFloat_Pack/Unpack 2/4/8,
 * _Py_c_* functions, PyComplex_AsCComplex.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

/* Prints repr(r) or the pending exception; consumes r. */
static void show(const char *what, PyObject *r)
{
    printf("%s -> ", what);
    if (r != NULL) {
        PyObject *s = PyObject_Repr(r);
        printf("%s ", Py_TYPE(r)->tp_name);
        print_text(s);
        Py_DECREF(s);
        Py_DECREF(r);
        printf("\n");
        return;
    }
    print_error_line();
}

static PyObject *call_method(PyObject *o, const char *name, PyObject *arg)
{
    PyObject *m = PyObject_GetAttrString(o, name);
    if (m == NULL)
        return NULL;
    PyObject *r = arg ? PyObject_CallOneArg(m, arg) : PyObject_CallNoArgs(m);
    Py_DECREF(m);
    return r;
}

static PyObject *call_type(PyTypeObject *tp, PyObject *a, PyObject *b)
{
    PyObject *args = b ? PyTuple_Pack(2, a, b) : a ? PyTuple_Pack(1, a) : PyTuple_New(0);
    /* tp_new directly: float and complex have no tp_init, so this is what calling the type does. */
    PyObject *r = tp->tp_new(tp, args, NULL);
    Py_DECREF(args);
    return r;
}

int main(void)
{
    Py_Initialize();
    char buf[200];
    double vals[] = {0.0, -0.0, 1.0, 0.1, -2.5, 2.675, 1e16, 5e-324, 1.7976931348623157e308,
                     INFINITY, -INFINITY, NAN, 123.456, 0.5, 1.5, -0.5, 1e22, 4.5e22};
    size_t nv = sizeof vals / sizeof vals[0];
    const char *noargs[] = {"hex", "is_integer", "as_integer_ratio", "__trunc__", "__floor__",
                            "__ceil__", "__round__", "conjugate", "__getnewargs__", "__int__", "__float__",
                            "__abs__", "__neg__", "__bool__", "__repr__"};
    for (size_t i = 0; i < nv; i++) {
        PyObject *f = PyFloat_FromDouble(vals[i]);
        for (size_t j = 0; j < sizeof noargs / sizeof noargs[0]; j++) {
            snprintf(buf, sizeof buf, "%.17g.%s()", vals[i], noargs[j]);
            show(buf, call_method(f, noargs[j], NULL));
        }
        long nds[] = {0, 1, 2, -1, -2, 5, -22, 400, -400};
        for (size_t k = 0; k < sizeof nds / sizeof nds[0]; k++) {
            PyObject *n = PyLong_FromLong(nds[k]);
            snprintf(buf, sizeof buf, "round(%.17g, %ld)", vals[i], nds[k]);
            show(buf, call_method(f, "__round__", n));
            Py_DECREF(n);
        }
        show("real", PyObject_GetAttrString(f, "real"));
        show("imag", PyObject_GetAttrString(f, "imag"));
        /* hex round trip */
        PyObject *h = call_method(f, "hex", NULL);
        PyObject *back = call_method((PyObject *)&PyFloat_Type, "fromhex", h);
        show("fromhex(hex)", back);
        Py_XDECREF(h);
        Py_DECREF(f);
    }
    const char *hexes[] = {"0x1p1", "  0x1.8p1  ", "-0X1.8P+1", "1.8p1", "0x.8p1", "0x1.", "inf", "-Infinity",
                           "nan", "0x1p-1075", "0x1p-1074", "0x1.fffffffffffff8p1023", "0x1p1024", "0x",
                           "0xp1", "0x1p", "0x1_0p1", "0x1.0000000000000800000001p0", "0x1.00000000000008p0",
                           "0x3p-1076", "0x1p99999999999999999999", "0x0p99999999999999999999", "+0x1.a", ""};
    for (size_t i = 0; i < sizeof hexes / sizeof hexes[0]; i++) {
        PyObject *s = PyUnicode_FromString(hexes[i]);
        snprintf(buf, sizeof buf, "fromhex('%s')", hexes[i]);
        show(buf, call_method((PyObject *)&PyFloat_Type, "fromhex", s));
        Py_DECREF(s);
    }
    PyObject *one = PyLong_FromLong(1);
    show("fromhex(1)", call_method((PyObject *)&PyFloat_Type, "fromhex", one));
    PyObject *dbl = PyUnicode_FromString("double"), *bad = PyUnicode_FromString("x");
    show("__getformat__('double')", call_method((PyObject *)&PyFloat_Type, "__getformat__", dbl));
    show("__getformat__('x')", call_method((PyObject *)&PyFloat_Type, "__getformat__", bad));
    show("__getformat__(1)", call_method((PyObject *)&PyFloat_Type, "__getformat__", one));

    /* float(...) and complex(...) through the type. */
    PyObject *s15 = PyUnicode_FromString(" 1_5.25 "), *sc = PyUnicode_FromString("(1+2j)");
    PyObject *sbad = PyUnicode_FromString("1__0j"), *fl = PyFloat_FromDouble(2.5);
    PyObject *cx = PyComplex_FromDoubles(1.0, 2.0), *big = PyLong_FromString("1" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000", NULL, 10);
    show("float()", call_type(&PyFloat_Type, NULL, NULL));
    show("float(' 1_5.25 ')", call_type(&PyFloat_Type, s15, NULL));
    show("float(True)", call_type(&PyFloat_Type, Py_True, NULL));
    show("float(None)", call_type(&PyFloat_Type, Py_None, NULL));
    show("float(1, 2)", call_type(&PyFloat_Type, one, one));
    show("float(10**300)", call_type(&PyFloat_Type, big, NULL));
    show("complex()", call_type(&PyComplex_Type, NULL, NULL));
    show("complex('(1+2j)')", call_type(&PyComplex_Type, sc, NULL));
    show("complex('1__0j')", call_type(&PyComplex_Type, sbad, NULL));
    show("complex('1', '1')", call_type(&PyComplex_Type, sc, sc));
    show("complex(1, '1')", call_type(&PyComplex_Type, one, sc));
    show("complex(None)", call_type(&PyComplex_Type, Py_None, NULL));
    show("complex(1, None)", call_type(&PyComplex_Type, one, Py_None));
    show("complex(1+2j, 1+2j)", call_type(&PyComplex_Type, cx, cx));
    show("complex(2.5, 1+2j)", call_type(&PyComplex_Type, fl, cx));
    show("complex(1+2j)", call_type(&PyComplex_Type, cx, NULL));
    show("complex(True, 2.5)", call_type(&PyComplex_Type, Py_True, fl));
    show("(1+2j).conjugate()", call_method(cx, "conjugate", NULL));
    show("(1+2j).__complex__()", call_method(cx, "__complex__", NULL));
    show("(1+2j).__getnewargs__()", call_method(cx, "__getnewargs__", NULL));
    show("(1+2j).real", PyObject_GetAttrString(cx, "real"));
    show("(1+2j).imag", PyObject_GetAttrString(cx, "imag"));

    /* Mixed int/float arithmetic and exact comparisons. */
    PyObject *n53 = PyLong_FromString("9007199254740993", NULL, 10);
    PyObject *f53 = PyFloat_FromDouble(9007199254740992.0), *inf = PyFloat_FromDouble(INFINITY);
    PyObject *nan = PyFloat_FromDouble(NAN), *half = PyFloat_FromDouble(0.5), *m8 = PyFloat_FromDouble(-8.0);
    PyObject *ints[] = {one, n53, big, Py_True};
    PyObject *floats[] = {f53, inf, nan, half, fl, m8};
    const char *opn[] = {"<", "<=", "==", "!=", ">", ">="};
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 6; j++) {
            PyObject *a = floats[j], *b = ints[i];
            for (int op = Py_LT; op <= Py_GE; op++) {
                snprintf(buf, sizeof buf, "float#%zu %s int#%zu", j, opn[op], i);
                show(buf, PyObject_RichCompare(a, b, op));
                snprintf(buf, sizeof buf, "int#%zu %s float#%zu", i, opn[op], j);
                show(buf, PyObject_RichCompare(b, a, op));
            }
            snprintf(buf, sizeof buf, "float#%zu + int#%zu", j, i);
            show(buf, PyNumber_Add(a, b));
            snprintf(buf, sizeof buf, "int#%zu * float#%zu", i, j);
            show(buf, PyNumber_Multiply(b, a));
            snprintf(buf, sizeof buf, "float#%zu / int#%zu", j, i);
            show(buf, PyNumber_TrueDivide(a, b));
            snprintf(buf, sizeof buf, "int#%zu ** float#%zu", i, j);
            show(buf, PyNumber_Power(b, a, Py_None));
            snprintf(buf, sizeof buf, "float#%zu == complex", j);
            show(buf, PyObject_RichCompare(cx, a, Py_EQ));
        }
    PyObject *two = PyFloat_FromDouble(2.0), *two_i = PyLong_FromLong(2);
    printf("hash(2.0)==hash(2): %d, hash(2**53+1 as float) %ld, hash(10**300) == hash(float(10**300))? %d\n",
           PyObject_Hash(two) == PyObject_Hash(two_i), (long)PyObject_Hash(f53),
           PyObject_Hash(big) == PyObject_Hash(PyFloat_FromDouble(PyFloat_AsDouble(big))));
    show("(-8.0) ** 0.5", PyNumber_Power(m8, half, Py_None));
    PyObject *cf = PyComplex_FromDoubles(2.0, 0.0);
    printf("hash(2+0j)==hash(2): %d\n", PyObject_Hash(cf) == PyObject_Hash(two_i));

    /* Pack / unpack. */
    double packs[] = {0.0, -0.0, 1.0, -2.5, 0.1, 65504.0, 65519.99, 65520.0, 1e-8, 5.960464477539063e-08,
                      6.103515625e-05, 3.4028235e38, 3.4028235677973366e38, 1e39, 1e300, 5e-324,
                      INFINITY, -INFINITY, NAN, 1.00146484375, 1.00048828125};
    for (size_t i = 0; i < sizeof packs / sizeof packs[0]; i++) {
        for (int le = 0; le <= 1; le++) {
            unsigned char b2[2], b4[4], b8[8];
            int r2 = PyFloat_Pack2(packs[i], (char *)b2, le);
            if (r2 < 0)
                show("pack2", NULL);
            int r4 = PyFloat_Pack4(packs[i], (char *)b4, le);
            if (r4 < 0)
                show("pack4", NULL);
            int r8 = PyFloat_Pack8(packs[i], (char *)b8, le);
            printf("%.17g le=%d: 2:%d", packs[i], le, r2);
            if (r2 == 0)
                printf(" %02x%02x -> %.17g", b2[0], b2[1], PyFloat_Unpack2((char *)b2, le));
            printf(" 4:%d", r4);
            if (r4 == 0)
                printf(" %02x%02x%02x%02x -> %.17g", b4[0], b4[1], b4[2], b4[3], PyFloat_Unpack4((char *)b4, le));
            printf(" 8:%d", r8);
            for (int k = 0; k < 8; k++)
                printf("%02x", b8[k]);
            printf(" -> %.17g\n", PyFloat_Unpack8((char *)b8, le));
        }
    }
    unsigned char nanh[2] = {0x7c, 0x01};
    printf("unpack2 7c01 isnan %d\n", isnan(PyFloat_Unpack2((char *)nanh, 0)));

    /* _Py_c_* and PyComplex_AsCComplex. */
    Py_complex a = {1.0, 2.0}, b = {3.0, -4.0}, z = {0.0, 0.0};
    Py_complex r = _Py_c_quot(a, b);
    printf("quot %.17g %.17g\n", r.real, r.imag);
    errno = 0;
    r = _Py_c_quot(a, z);
    printf("quot by zero %.17g %.17g errno EDOM %d\n", r.real, r.imag, errno == EDOM);
    errno = 0;
    r = _Py_c_pow(z, b);
    printf("pow 0**neg %.17g %.17g errno EDOM %d\n", r.real, r.imag, errno == EDOM);
    r = _Py_c_pow(a, b);
    printf("pow %.17g %.17g\n", r.real, r.imag);
    r = _Py_c_prod(a, b);
    printf("prod %.17g %.17g\n", r.real, r.imag);
    r = _Py_c_sum(a, b);
    Py_complex d = _Py_c_diff(a, b), ng = _Py_c_neg(a);
    printf("sum %g %g diff %g %g neg %g %g abs %.17g\n", r.real, r.imag, d.real, d.imag, ng.real, ng.imag, _Py_c_abs(b));
    errno = 0;
    Py_complex huge = {1.7e308, 1.7e308};
    printf("abs huge %g errno ERANGE %d\n", _Py_c_abs(huge), errno == ERANGE);
    r = PyComplex_AsCComplex(fl);
    printf("AsCComplex(2.5) %g %g\n", r.real, r.imag);
    r = PyComplex_AsCComplex(Py_None);
    printf("AsCComplex(None) %g %g\n", r.real, r.imag);
    show("", NULL);
    printf("RealAsDouble %g ImagAsDouble %g RealAsDouble(2.5) %g ImagAsDouble(2.5) %g\n",
           PyComplex_RealAsDouble(cx), PyComplex_ImagAsDouble(cx), PyComplex_RealAsDouble(fl),
           PyComplex_ImagAsDouble(fl));
    Py_Finalize();
    return 0;
}
