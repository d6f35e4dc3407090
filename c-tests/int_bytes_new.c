/* ints as byte arrays (_PyLong_AsByteArray/_PyLong_FromByteArray, both byte orders, signed
 * and unsigned, boundaries and overflow), int.__new__ and bool.__new__ (through tp_new:
 * no argument, numbers, strings with bases, errors), and the private helpers extensions
 * call: _PyLong_Sign, _PyLong_NumBits, _PyLong_Copy, _PyLong_New, _PyLong_Format,
 * _PyLong_AsInt, _PyLong_FromBytes, _PyNumber_Index. Expected output: CPython 3.11's. */
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void result(const char *label, PyObject *r)
{
    if (r == NULL) { print_str_error(label); return; }
    PyObject *s = PyObject_Repr(r);
    printf("%s = %s:%s\n", label, Py_TYPE(r)->tp_name, (const char *)PyUnicode_DATA(s));
    Py_DECREF(s); Py_DECREF(r);
}

static PyObject *num(const char *t) { return PyLong_FromString(t, NULL, 0); }

int main(void)
{
    Py_Initialize();
    const char *texts[] = {"0", "1", "-1", "127", "128", "-128", "-129", "255", "256", "-256", "32767", "-32768",
                           "65535", "0x7fffffffffffffff", "-0x8000000000000000", "0xffffffffffffffff",
                           "-0x8000000000000001", "0x10000000000000000", "0x123456789abcdef0123456789",
                           "-0x123456789abcdef0123456789", NULL};
    size_t sizes[] = {0, 1, 2, 8, 9, 13, 16};
    char label[200];
    for (int i = 0; texts[i]; i++) {
        PyObject *v = num(texts[i]);
        printf("%s: sign %d numbits %zu\n", texts[i], _PyLong_Sign(v), _PyLong_NumBits(v));
        for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
            for (int little = 0; little < 2; little++) {
                for (int sig = 0; sig < 2; sig++) {
                    unsigned char buf[32];
                    memset(buf, 0xAA, sizeof buf);
                    snprintf(label, sizeof label, "%s as %zu bytes %s %s", texts[i], sizes[k],
                             little ? "little" : "big", sig ? "signed" : "unsigned");
                    if (_PyLong_AsByteArray((PyLongObject *)v, buf, sizes[k], little, sig) < 0) {
                        print_str_error(label);
                        continue;
                    }
                    printf("%s =", label);
                    for (size_t b = 0; b < sizes[k] + 1; b++) printf(" %02x", buf[b]);
                    PyObject *back = _PyLong_FromByteArray(buf, sizes[k], little, sig);
                    PyObject *bs = PyObject_Repr(back);
                    printf(" -> %s\n", (const char *)PyUnicode_DATA(bs));
                    Py_DECREF(bs); Py_DECREF(back);
                }
            }
        }
        PyObject *c = _PyLong_Copy((PyLongObject *)v);
        printf("copy equal %d same %d\n", PyObject_RichCompareBool(c, v, Py_EQ), c == v);
        Py_DECREF(c);
        for (int base = 2; base <= 16; base *= 2) {
            if (base == 4) base = 8;
            snprintf(label, sizeof label, "_PyLong_Format(%s, %d)", texts[i], base);
            result(label, _PyLong_Format(v, base));
        }
        int x = _PyLong_AsInt(v);
        if (x == -1 && PyErr_Occurred()) print_str_error("_PyLong_AsInt"); else printf("_PyLong_AsInt = %d\n", x);
        Py_DECREF(v);
    }
    unsigned char ff[20];
    memset(ff, 0xff, sizeof ff);
    result("FromByteArray(ff*20, little, signed)", _PyLong_FromByteArray(ff, 20, 1, 1));
    result("FromByteArray(ff*20, big, unsigned)", _PyLong_FromByteArray(ff, 20, 0, 0));
    result("FromByteArray(0 bytes)", _PyLong_FromByteArray(ff, 0, 0, 1));

    PyLongObject *nw = _PyLong_New(2);
    nw->ob_digit[0] = 5; nw->ob_digit[1] = 1;
    result("_PyLong_New(2) filled", (PyObject *)nw);

    result("_PyLong_FromBytes('  12 ', 10)", _PyLong_FromBytes("  12 ", 5, 10));
    result("_PyLong_FromBytes('1z', 36)", _PyLong_FromBytes("1z", 2, 36));
    result("_PyLong_FromBytes('1\\0', 10)", _PyLong_FromBytes("1\0", 2, 10));
    result("_PyLong_FromBytes('x', 10)", _PyLong_FromBytes("x", 1, 10));
    result("_PyNumber_Index(True)", _PyNumber_Index(Py_True));
    result("PyNumber_Index(True)", PyNumber_Index(Py_True));

    /* int.__new__ and bool.__new__ through tp_new. */
    PyObject *s = PyUnicode_FromString(" -0x_1F ");
    PyObject *s2 = PyUnicode_FromString("z");
    PyObject *s3 = PyUnicode_FromString("1_000_000");
    PyObject *i16 = PyLong_FromLong(16), *i0 = PyLong_FromLong(0), *i36 = PyLong_FromLong(36), *i37 = PyLong_FromLong(37);
    PyObject *i1 = PyLong_FromLong(1), *big = num("123456789012345678901234567890");
    struct { const char *label; PyObject *args; } calls[] = {
        {"int()", PyTuple_Pack(0)},
        {"int(' -0x_1F ', 0)", PyTuple_Pack(2, s, i0)},
        {"int(' -0x_1F ', 16)", PyTuple_Pack(2, s, i16)},
        {"int(' -0x_1F ')", PyTuple_Pack(1, s)},
        {"int('z', 36)", PyTuple_Pack(2, s2, i36)},
        {"int('z', 37)", PyTuple_Pack(2, s2, i37)},
        {"int('z', 1)", PyTuple_Pack(2, s2, i1)},
        {"int('z', True)", PyTuple_Pack(2, s2, Py_True)},
        {"int('1_000_000')", PyTuple_Pack(1, s3)},
        {"int(big)", PyTuple_Pack(1, big)},
        {"int(True)", PyTuple_Pack(1, Py_True)},
        {"int(16, 16)", PyTuple_Pack(2, i16, i16)},
        {"int('z', 's')", PyTuple_Pack(2, s2, s2)},
        {"int(None)", PyTuple_Pack(1, Py_None)},
        {"int(1, 2, 3)", PyTuple_Pack(3, i1, i1, i1)},
    };
    for (size_t k = 0; k < sizeof calls / sizeof calls[0]; k++) {
        result(calls[k].label, PyLong_Type.tp_new(&PyLong_Type, calls[k].args, NULL));
        Py_DECREF(calls[k].args);
    }
    struct { const char *label; PyObject *args; } bcalls[] = {
        {"bool()", PyTuple_Pack(0)},
        {"bool(0)", PyTuple_Pack(1, i0)},
        {"bool(16)", PyTuple_Pack(1, i16)},
        {"bool('z')", PyTuple_Pack(1, s2)},
        {"bool(None)", PyTuple_Pack(1, Py_None)},
        {"bool(big)", PyTuple_Pack(1, big)},
        {"bool(1, 1)", PyTuple_Pack(2, i1, i1)},
    };
    for (size_t k = 0; k < sizeof bcalls / sizeof bcalls[0]; k++) {
        result(bcalls[k].label, PyBool_Type.tp_new(&PyBool_Type, bcalls[k].args, NULL));
        Py_DECREF(bcalls[k].args);
    }
    /* int() of bytearray and memoryview: their bytes, shown as bytes in errors. */
    const char *btexts[] = {" 1_0 ", "-7", "x", "1\xff"};
    for (size_t k = 0; k < sizeof btexts / sizeof btexts[0]; k++) {
        PyObject *ba = PyByteArray_FromStringAndSize(btexts[k], (Py_ssize_t)strlen(btexts[k]));
        PyObject *mv = PyMemoryView_FromObject(ba);
        printf("#%zu ", k);
        result("PyNumber_Long(bytearray)", PyNumber_Long(ba));
        printf("#%zu ", k);
        result("PyNumber_Long(memoryview)", PyNumber_Long(mv));
        PyObject *b16 = PyLong_FromLong(16);
        PyObject *args = PyTuple_Pack(2, ba, b16);
        printf("#%zu ", k);
        result("int(bytearray, 16)", PyLong_Type.tp_new(&PyLong_Type, args, NULL));
        Py_DECREF(args);
        args = PyTuple_Pack(2, mv, b16);
        printf("#%zu ", k);
        result("int(memoryview, 16)", PyLong_Type.tp_new(&PyLong_Type, args, NULL));
        Py_DECREF(args); Py_DECREF(b16);
        Py_DECREF(mv); Py_DECREF(ba);
    }
    Py_DECREF(s); Py_DECREF(s2); Py_DECREF(s3); Py_DECREF(i16); Py_DECREF(i0); Py_DECREF(i36); Py_DECREF(i37);
    Py_DECREF(i1); Py_DECREF(big);
    Py_FinalizeEx();
    return 0;
}
