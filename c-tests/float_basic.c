/* The float type: PyFloat_Type's name, sizes, flags, doc; PyFloat_FromDouble,
 * PyFloat_AS_DOUBLE, PyFloat_AsDouble (floats, ints, errors), PyFloat_GetMax/GetMin,
 * repr (through tp_repr), hash (tp_hash, against the numeric hash of ints), rich comparison
 * (tp_richcompare) with floats and ints, NaN, infinities.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <float.h>
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
    if (v != NULL && PyUnicode_Check(v)) {
        printf(": ");
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(v); i++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(v, i);
            if (c >= 0x20 && c < 0x7f)
                putchar((int)c);
            else
                printf("\\u%04x", (unsigned)c);
        }
    }
    printf("\n");
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

static void show_repr(double x)
{
    PyObject *f = PyFloat_FromDouble(x);
    PyObject *r = Py_TYPE(f)->tp_repr(f);
    PyObject *s = Py_TYPE(f)->tp_str(f);
    printf("repr(%.17g) = %s, str = %s, hash = %ld\n", x, (const char *)PyUnicode_DATA(r),
           (const char *)PyUnicode_DATA(s), (long)Py_TYPE(f)->tp_hash(f));
    Py_DECREF(r);
    Py_DECREF(s);
    Py_DECREF(f);
}

static const char *ops[] = {"<", "<=", "==", "!=", ">", ">="};

static void compare(PyObject *a, PyObject *b, const char *what)
{
    printf("%s:", what);
    for (int op = Py_LT; op <= Py_GE; op++) {
        PyObject *r = Py_TYPE(a)->tp_richcompare(a, b, op);
        if (r == Py_NotImplemented)
            printf(" %s:NotImpl", ops[op]);
        else if (r == Py_True)
            printf(" %s:T", ops[op]);
        else if (r == Py_False)
            printf(" %s:F", ops[op]);
        else
            printf(" %s:?", ops[op]);
        Py_XDECREF(r);
    }
    printf("\n");
}

int main(void)
{
    Py_Initialize();
    PyTypeObject *tp = &PyFloat_Type;
    printf("name %s basicsize %zd itemsize %zd flags %lx\n", tp->tp_name, tp->tp_basicsize,
           tp->tp_itemsize, tp->tp_flags & ~Py_TPFLAGS_VALID_VERSION_TAG);
    printf("doc %s\n", tp->tp_doc);
    printf("base %s\n", tp->tp_base->tp_name);

    double values[] = {0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, -2.5, 1e16, 1e-5, 1e-4, 1e15,
                       9999999999999998.0, 123456789012345.0, 5e-324, DBL_MAX, DBL_MIN,
                       INFINITY, -INFINITY, 1.0 / 3, 2.0 / 3, 1e22, 1e23, 100.0, 1e300, -1e-300,
                       0.30000000000000004, 2.0 * 9007199254740992.0, 1152921504606846976.0,
                       2305843009213693951.0, -1.0e-7, 4.35, 2.675};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        show_repr(values[i]);

    /* NaN: repr, and a hash that is the object's identity hash (3.10+). */
    PyObject *nan = PyFloat_FromDouble(NAN);
    PyObject *r = Py_TYPE(nan)->tp_repr(nan);
    printf("repr(nan) = %s\n", (const char *)PyUnicode_DATA(r));
    Py_DECREF(r);
    printf("nan hash is pointer hash: %d\n", Py_TYPE(nan)->tp_hash(nan) == _Py_HashPointer(nan));
    PyObject *nneg = PyFloat_FromDouble(-NAN);
    r = Py_TYPE(nneg)->tp_repr(nneg);
    printf("repr(-nan) = %s\n", (const char *)PyUnicode_DATA(r));
    Py_DECREF(r);

    /* Hashes agree with ints: hash(1.0) == hash(True). */
    PyObject *one = PyFloat_FromDouble(1.0), *zero = PyFloat_FromDouble(0.0);
    printf("hash(1.0)==hash(True): %d, hash(0.0)==hash(False): %d\n",
           Py_TYPE(one)->tp_hash(one) == Py_TYPE(Py_True)->tp_hash(Py_True),
           Py_TYPE(zero)->tp_hash(zero) == Py_TYPE(Py_False)->tp_hash(Py_False));

    /* Values, PyFloat_AS_DOUBLE, refcounts. */
    PyObject *f = PyFloat_FromDouble(2.5);
    printf("AS_DOUBLE %g AsDouble %g refcnt %zd type %s exact %d check %d\n", PyFloat_AS_DOUBLE(f),
           PyFloat_AsDouble(f), Py_REFCNT(f), Py_TYPE(f)->tp_name, PyFloat_CheckExact(f), PyFloat_Check(f));
    printf("PyFloat_Check(True) %d, PyFloat_Check(None) %d\n", PyFloat_Check(Py_True), PyFloat_Check(Py_None));
    printf("AsDouble(True) %g", PyFloat_AsDouble(Py_True));
    printf(" AsDouble(False) %g\n", PyFloat_AsDouble(Py_False));
    print_error();
    printf("AsDouble(None) %g\n", PyFloat_AsDouble(Py_None));
    print_error();
    printf("AsDouble(NULL) %g\n", PyFloat_AsDouble(NULL));
    print_error();
    PyObject *str = PyUnicode_FromString("1.5");
    printf("AsDouble('1.5') %g\n", PyFloat_AsDouble(str));
    print_error();
    printf("AsDouble(float type) %g\n", PyFloat_AsDouble((PyObject *)&PyFloat_Type));
    print_error();
    printf("max %.17g min %.17g\n", PyFloat_GetMax(), PyFloat_GetMin());

    /* Many floats at once, then freed: the free list recycles. */
    PyObject *many[1000];
    for (int i = 0; i < 1000; i++)
        many[i] = PyFloat_FromDouble(i * 0.5);
    double sum = 0;
    for (int i = 0; i < 1000; i++)
        sum += PyFloat_AS_DOUBLE(many[i]);
    for (int i = 0; i < 1000; i++)
        Py_DECREF(many[i]);
    printf("sum %g\n", sum);

    /* Comparisons. */
    PyObject *a = PyFloat_FromDouble(1.0), *b = PyFloat_FromDouble(2.0), *n0 = PyFloat_FromDouble(-0.0);
    PyObject *x;
    PyObject *inf = PyFloat_FromDouble(INFINITY), *ninf = PyFloat_FromDouble(-INFINITY);
    PyObject *half = PyFloat_FromDouble(0.5);
    compare(a, b, "1.0 ? 2.0");
    compare(b, a, "2.0 ? 1.0");
    compare(a, a, "1.0 ? 1.0");
    compare(zero, n0, "0.0 ? -0.0");
    compare(nan, nan, "nan ? nan");
    compare(nan, a, "nan ? 1.0");
    compare(a, nan, "1.0 ? nan");
    compare(inf, inf, "inf ? inf");
    compare(inf, ninf, "inf ? -inf");
    compare(a, Py_True, "1.0 ? True");
    compare(half, Py_True, "0.5 ? True");
    compare(half, Py_False, "0.5 ? False");
    compare(n0, Py_False, "-0.0 ? False");
    compare(nan, Py_True, "nan ? True");
    compare(inf, Py_True, "inf ? True");
    compare(ninf, Py_False, "-inf ? False");
    compare(a, Py_None, "1.0 ? None");
    compare(a, str, "1.0 ? '1.5'");

    /* PyFloat_FromString and PyNumber_Float. */
    const char *texts[] = {"1_0", " 1_0 ", "1__0", "_1", "1_", "1_.5", "1._5", "1.5_e3", "1e1_0", " ", "",
                           "\x1c" "1", "1\x1c", "\xc2\xa0" "1.5\xe2\x80\x83", "\xd9\xa1.\xd9\xa5",
                           "\xd9\xa1\xd9\xab\xd9\xa5", "inf_", "i_nf", "0_0.0_1", "1 0", "\t\n1.5\x0b\x0c\r",
                           "nan", "-iNF", "+infinity", "1e500", "-1e500", "x'y", "\"", "\xc3\xa9", "-0.0",
                           "0.1", "2.675", "5e-324", "1e-400", "  -1.5e+3  ", "1.7976931348623159e308",
                           "+nan", "-nan", "infinity", "0x10", "1e", "12_34_56.7_8e-1_0", "\\1", "a\tb"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        PyObject *t = PyUnicode_FromString(texts[i]);
        PyObject *x = PyFloat_FromString(t);
        printf("FromString #%zu -> ", i);
        if (x) {
            PyObject *xr = Py_TYPE(x)->tp_repr(x);
            printf("%s\n", (const char *)PyUnicode_DATA(xr));
            Py_DECREF(xr);
            Py_DECREF(x);
        } else {
            printf("NULL\n");
            print_error();
        }
        x = PyNumber_Float(t);
        printf("  PyNumber_Float %s\n", x ? "ok" : "NULL");
        Py_XDECREF(x);
        PyErr_Clear();
        Py_DECREF(t);
    }
    x = PyFloat_FromString(Py_None);
    printf("FromString(None) %p\n", (void *)x);
    print_error();
    /* bytes-like text: bytes, bytearray and buffer exporters parse as ASCII. */
    const char *btexts[] = {"1.5", " 2e3 ", "1_0", "x", "\xff", "inf", ""};
    for (size_t i = 0; i < sizeof btexts / sizeof btexts[0]; i++) {
        PyObject *bs[3];
        bs[0] = PyBytes_FromString(btexts[i]);
        bs[1] = PyByteArray_FromStringAndSize(btexts[i], (Py_ssize_t)strlen(btexts[i]));
        bs[2] = PyMemoryView_FromObject(bs[0]);
        for (int k = 0; k < 3; k++) {
            x = PyFloat_FromString(bs[k]);
            printf("FromString(bytes-like #%zu kind %d) -> ", i, k);
            if (x) {
                printf("%.17g\n", PyFloat_AS_DOUBLE(x));
                Py_DECREF(x);
            } else if (k == 2) {
                /* The message shows the memoryview's repr, which holds its address. */
                PyObject *t, *v, *tb;
                PyErr_Fetch(&t, &v, &tb);
                printf("NULL %s\n", ((PyTypeObject *)t)->tp_name);
                Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
            } else {
                printf("NULL\n");
                print_error();
            }
            Py_DECREF(bs[k]);
        }
    }
    {
        PyObject *nul = PyBytes_FromStringAndSize("1\0" "2", 3);
        x = PyFloat_FromString(nul);
        printf("FromString(b'1\\x002') %p\n", (void *)x);
        print_error();
        Py_DECREF(nul);
    }
    x = PyNumber_Float(Py_None);
    printf("PyNumber_Float(None) %p\n", (void *)x);
    print_error();
    x = PyNumber_Float(a);
    printf("PyNumber_Float(1.0) same %d\n", x == a);
    Py_DECREF(x);
    x = PyNumber_Float(Py_True);
    printf("PyNumber_Float(True) exact %d value %g\n", PyFloat_CheckExact(x), PyFloat_AS_DOUBLE(x));
    Py_DECREF(x);

    Py_DECREF(a); Py_DECREF(b); Py_DECREF(n0); Py_DECREF(inf); Py_DECREF(ninf); Py_DECREF(half);
    Py_DECREF(str); Py_DECREF(f); Py_DECREF(one); Py_DECREF(zero); Py_DECREF(nan); Py_DECREF(nneg);
    Py_Finalize();
    /* Again after re-initialization. */
    Py_Initialize();
    show_repr(0.25);
    Py_Finalize();
    return 0;
}
