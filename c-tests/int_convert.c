/* int objects and the PyLong_From* / PyLong_As* conversions: layout of values (ob_size sign,
 * 30-bit digits), the small-int cache, boundaries around LONG_MIN/MAX and 2**63/2**64, the
 * OverflowError/TypeError messages, __index__ acceptance, repr/str, hash, richcompare,
 * int() construction. Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Prints and clears the pending exception: type name and message. */
static void show_error(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        printf("%s: no error\n", what);
        return;
    }
    const char *msg = "";
    if (v != NULL && PyUnicode_Check(v))
        msg = (const char *)PyUnicode_DATA(v);
    else if (v != NULL)
        msg = Py_TYPE(v)->tp_name;
    printf("%s: %s: %s\n", what, ((PyTypeObject *)t)->tp_name, msg);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

/* repr of an int via tp_repr (ASCII). */
static void show(const char *label, PyObject *o)
{
    if (o == NULL) {
        show_error(label);
        return;
    }
    PyObject *r = Py_TYPE(o)->tp_repr(o);
    if (r == NULL) {
        show_error(label);
        return;
    }
    Py_ssize_t size = Py_SIZE(o);
    printf("%s = %s (type %s, ob_size %zd, hash %ld)\n", label, (const char *)PyUnicode_DATA(r),
           Py_TYPE(o)->tp_name, size, (long)Py_TYPE(o)->tp_hash(o));
    Py_DECREF(r);
}

static void check_long(const char *label, PyObject *o)
{
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred()) show_error(label);
    else printf("%s AsLong = %ld\n", label, v);
    long long vl = PyLong_AsLongLong(o);
    if (vl == -1 && PyErr_Occurred()) show_error(label);
    else printf("%s AsLongLong = %lld\n", label, vl);
    int overflow = 99;
    v = PyLong_AsLongAndOverflow(o, &overflow);
    printf("%s AsLongAndOverflow = %ld overflow %d err %d\n", label, v, overflow, PyErr_Occurred() != NULL);
    PyErr_Clear();
    overflow = 99;
    vl = PyLong_AsLongLongAndOverflow(o, &overflow);
    printf("%s AsLongLongAndOverflow = %lld overflow %d err %d\n", label, vl, overflow, PyErr_Occurred() != NULL);
    PyErr_Clear();
    unsigned long u = PyLong_AsUnsignedLong(o);
    if (u == (unsigned long)-1 && PyErr_Occurred()) show_error(label);
    else printf("%s AsUnsignedLong = %lu\n", label, u);
    unsigned long long ul = PyLong_AsUnsignedLongLong(o);
    if (ul == (unsigned long long)-1 && PyErr_Occurred()) show_error(label);
    else printf("%s AsUnsignedLongLong = %llu\n", label, ul);
    printf("%s AsUnsignedLongMask = %lu\n", label, PyLong_AsUnsignedLongMask(o));
    if (PyErr_Occurred()) show_error(label);
    printf("%s AsUnsignedLongLongMask = %llu\n", label, PyLong_AsUnsignedLongLongMask(o));
    if (PyErr_Occurred()) show_error(label);
    Py_ssize_t s = PyLong_AsSsize_t(o);
    if (s == -1 && PyErr_Occurred()) show_error(label);
    else printf("%s AsSsize_t = %zd\n", label, s);
    size_t z = PyLong_AsSize_t(o);
    if (z == (size_t)-1 && PyErr_Occurred()) show_error(label);
    else printf("%s AsSize_t = %zu\n", label, z);
    void *p = PyLong_AsVoidPtr(o);
    if (p == NULL && PyErr_Occurred()) show_error(label);
    else printf("%s AsVoidPtr = %p\n", label, p);
    double d = PyLong_AsDouble(o);
    if (d == -1.0 && PyErr_Occurred()) show_error(label);
    else printf("%s AsDouble = %.17g\n", label, d);
}

int main(void)
{
    Py_Initialize();

    /* The small-int cache. */
    PyObject *a = PyLong_FromLong(5), *b = PyLong_FromLong(5);
    printf("cached 5: %d, 256: ", a == b);
    Py_DECREF(a); Py_DECREF(b);
    a = PyLong_FromLong(256); b = PyLong_FromLongLong(256);
    printf("%d, -5: ", a == b);
    Py_DECREF(a); Py_DECREF(b);
    a = PyLong_FromLong(-5); b = PyLong_FromSsize_t(-5);
    printf("%d, 257: ", a == b);
    Py_DECREF(a); Py_DECREF(b);
    a = PyLong_FromLong(257); b = PyLong_FromLong(257);
    printf("%d, -6: ", a == b);
    Py_DECREF(a); Py_DECREF(b);
    a = PyLong_FromLong(-6); b = PyLong_FromLong(-6);
    printf("%d\n", a == b);
    Py_DECREF(a); Py_DECREF(b);

    struct { const char *label; PyObject *o; } vals[] = {
        {"0", PyLong_FromLong(0)},
        {"1", PyLong_FromUnsignedLong(1)},
        {"-1", PyLong_FromLong(-1)},
        {"2**30-1", PyLong_FromLong((1L << 30) - 1)},
        {"2**30", PyLong_FromLong(1L << 30)},
        {"-2**30", PyLong_FromLong(-(1L << 30))},
        {"LONG_MAX", PyLong_FromLong(LONG_MAX)},
        {"LONG_MIN", PyLong_FromLong(LONG_MIN)},
        {"LONG_MIN+1", PyLong_FromLongLong(LLONG_MIN + 1)},
        {"2**63", PyLong_FromUnsignedLong(1UL << 63)},
        {"ULONG_MAX", PyLong_FromUnsignedLongLong(ULLONG_MAX)},
        {"SIZE_MAX", PyLong_FromSize_t(SIZE_MAX)},
        {"-1 (ssize)", PyLong_FromSsize_t(-1)},
        {"ptr", PyLong_FromVoidPtr((void *)0x7fff12345678)},
        {"2**64", PyLong_FromString("18446744073709551616", NULL, 10)},
        {"-2**63-1", PyLong_FromString("-9223372036854775809", NULL, 10)},
        {"-2**64", PyLong_FromString("-0x10000000000000000", NULL, 0)},
        {"2**53+1", PyLong_FromString("9007199254740993", NULL, 10)},
        {"big", PyLong_FromString("-123456789012345678901234567890123456789", NULL, 10)},
        {"True", PyBool_FromLong(1)},
    };
    size_t n = sizeof vals / sizeof vals[0];
    for (size_t i = 0; i < n; i++) {
        show(vals[i].label, vals[i].o);
        check_long(vals[i].label, vals[i].o);
    }

    /* Rich comparison between all pairs. */
    for (size_t i = 0; i < n; i++) {
        printf("cmp %-10s:", vals[i].label);
        for (size_t j = 0; j < n; j++) {
            PyObject *lt = PyLong_Type.tp_richcompare(vals[i].o, vals[j].o, Py_LT);
            PyObject *eq = PyLong_Type.tp_richcompare(vals[i].o, vals[j].o, Py_EQ);
            printf(" %c", lt == Py_True ? '<' : eq == Py_True ? '=' : '>');
            Py_DECREF(lt); Py_DECREF(eq);
        }
        printf("\n");
    }
    for (size_t i = 0; i < n; i++)
        Py_DECREF(vals[i].o);

    /* Non-int arguments. */
    PyObject *s = PyUnicode_FromString("12");
    check_long("str", s);
    int ov = 7;
    printf("AsLongAndOverflow(str) = %ld ov %d\n", PyLong_AsLongAndOverflow(s, &ov), ov);
    show_error("AsLongAndOverflow(str)");

    /* PyLong_FromString: bases, prefixes, underscores, whitespace, pend. */
    const char *texts[] = {"0", " 42 ", "-0", "+17", "1_000_000", "0x_ff", "0o17", "0b1010", "010", "00",
                           "0_0", "1__0", "_1", "1_", "", "  ", "12abc", "0x", "zz", "Zz", "1e5", "- 1",
                           "\t\n99\x0b", "99999999999999999999999999999999", NULL};
    int bases[] = {0, 10, 16, 36, 2, 8, 37, 1, -1};
    for (int bi = 0; bi < 9; bi++) {
        for (int ti = 0; texts[ti]; ti++) {
            char *end = NULL;
            PyObject *r = PyLong_FromString(texts[ti], &end, bases[bi]);
            char label[80];
            snprintf(label, sizeof label, "FromString(%d, '%s') pend+%td", bases[bi], texts[ti],
                     end ? end - texts[ti] : (ptrdiff_t)-1);
            for (char *c = label; *c; c++) if (*c == '\t' || *c == '\n' || *c == '\x0b') *c = '?';
            if (r) { show(label, r); Py_DECREF(r); }
            else show_error(label);
        }
    }
    char big[1100];
    memset(big, '7', 1000); big[1000] = 0;
    PyObject *r = PyLong_FromString(big, NULL, 10);
    PyObject *rr = Py_TYPE(r)->tp_repr(r);
    printf("1000 digits round trip: %d, ob_size %zd, hash %ld\n", strcmp((const char *)PyUnicode_DATA(rr), big) == 0,
           Py_SIZE(r), (long)Py_TYPE(r)->tp_hash(r));
    Py_DECREF(rr);
    printf("AsLong(1000 digits) = %ld\n", PyLong_AsLong(r));
    show_error("AsLong(1000 digits)");
    printf("AsDouble(1000 digits) = %g\n", PyLong_AsDouble(r));
    show_error("AsDouble(1000 digits)");
    Py_DECREF(r);
    char huge[5000];
    memset(huge, '1', 4301); huge[4301] = 0;
    r = PyLong_FromString(huge, NULL, 10);
    show_error("FromString 4301 digits");
    huge[4300] = 0;
    r = PyLong_FromString(huge, NULL, 10);
    printf("4300 digits ok: %d\n", r != NULL);
    PyObject *r10 = PyLong_FromLong(10);
    PyObject *r2 = PyNumber_Multiply(r, r10);
    rr = Py_TYPE(r2)->tp_repr(r2);
    printf("repr of 4301 digits: %p\n", (void *)rr);
    show_error("repr 4301 digits");
    Py_DECREF(r); Py_DECREF(r2); Py_DECREF(r10);
    memset(huge, 'f', 4500); huge[4500] = 0;
    r = PyLong_FromString(huge, NULL, 16);
    printf("4500 hex digits: ob_size %zd\n", r ? Py_SIZE(r) : -1);
    Py_XDECREF(r);

    PyObject *u = PyUnicode_FromString(" -0b1_01 ");
    r = PyLong_FromUnicodeObject(u, 0);
    show("FromUnicodeObject", r);
    Py_XDECREF(r);
    Py_DECREF(u);
    u = PyUnicode_FromString("x'y");
    r = PyLong_FromUnicodeObject(u, 10);
    show_error("FromUnicodeObject x'y");
    Py_DECREF(u);

    /* Non-ASCII digits and spaces, long literals in messages. */
    const char *utexts[] = {"\xd9\xa3\xd9\xa4", "\xe3\x80\x80 12\xe2\x80\x83", " 12\x1c", "\xef\xbc\x91\xef\xbc\x90", NULL};
    for (int k = 0; utexts[k]; k++) {
        PyObject *uo = PyUnicode_FromString(utexts[k]);
        char lab[64];
        snprintf(lab, sizeof lab, "FromUnicodeObject(#%d)", k);
        r = PyLong_FromUnicodeObject(uo, 10);
        if (r) { show(lab, r); Py_DECREF(r); } else show_error(lab);
        Py_DECREF(uo);
    }
    memset(huge, 'x', 300); huge[300] = 0;
    u = PyUnicode_FromString(huge);
    r = PyLong_FromUnicodeObject(u, 10);
    show_error("FromUnicodeObject 300 x");
    Py_DECREF(u);
    r = PyLong_FromString(huge, NULL, 10);
    show_error("FromString 300 x");
    r = _PyLong_FromBytes(huge, 300, 10);
    show_error("_PyLong_FromBytes 300 x");
    Py_DECREF(s);
    Py_FinalizeEx();
    return 0;
}
