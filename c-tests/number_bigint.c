/* Big-int arithmetic against CPython on pseudo-random values of 1 to ~1,500 30-bit digits
 * (both signs, some with long runs of ones or zeros): +, -, *, //, %, divmod, &, |, ^, ~,
 * shifts, modular pow, true division, int<->str round trips. Each result is printed as a
 * fingerprint (sign, bit count, hash mod 2**61-1, lowest 64 bits) so Karatsuba and long
 * division are checked without megabytes of output. Expected output: CPython 3.11's. */
#include <Python.h>
#include <stdio.h>
#include <string.h>

static unsigned long long state = 0x9E3779B97F4A7C15ULL;
static unsigned long long next(void)
{
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return state;
}

/* A random int of about `hexdigits` hex digits. */
static PyObject *random_int(int hexdigits)
{
    static char buf[20000];
    int pos = 0;
    if (next() & 1) buf[pos++] = '-';
    buf[pos++] = '0'; buf[pos++] = 'x';
    int style = (int)(next() % 4);
    for (int i = 0; i < hexdigits; i++) {
        int d = (int)(next() % 16);
        if (style == 1) d = (i % 37 < 30) ? 15 : d;      /* long runs of ones */
        if (style == 2) d = (i % 41 < 35) ? 0 : d;       /* long runs of zeros */
        if (i == 0 && d == 0) d = 1;
        buf[pos++] = "0123456789abcdef"[d];
    }
    buf[pos] = 0;
    return PyLong_FromString(buf, NULL, 0);
}

static void fingerprint(const char *label, PyObject *r)
{
    if (r == NULL) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        printf("%s: %s\n", label, t ? ((PyTypeObject *)t)->tp_name : "?");
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
        return;
    }
    if (PyTuple_Check(r)) {
        char sub[100];
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(r); i++) {
            snprintf(sub, sizeof sub, "%s[%zd]", label, i);
            PyObject *item = PyTuple_GET_ITEM(r, i);
            Py_INCREF(item);
            fingerprint(sub, item);
        }
    } else if (PyFloat_Check(r)) {
        printf("%s = %.17g\n", label, PyFloat_AsDouble(r));
    } else {
        printf("%s = sign %d bits %zu hash %ld low %llx\n", label, _PyLong_Sign(r), _PyLong_NumBits(r),
               (long)PyObject_Hash(r), PyLong_AsUnsignedLongLongMask(r));
    }
    Py_DECREF(r);
}

int main(void)
{
    Py_Initialize();
    int sizes[] = {1, 8, 15, 16, 17, 40, 120, 240, 400, 700, 1000, 2000, 4000, 11000};
    int ns = sizeof sizes / sizeof sizes[0];
    char label[100];
    for (int i = 0; i < ns; i++) {
        for (int j = 0; j < ns; j++) {
            PyObject *a = random_int(sizes[i]), *b = random_int(sizes[j]);
            snprintf(label, sizeof label, "%d,%d +", sizes[i], sizes[j]); fingerprint(label, PyNumber_Add(a, b));
            snprintf(label, sizeof label, "%d,%d -", sizes[i], sizes[j]); fingerprint(label, PyNumber_Subtract(a, b));
            snprintf(label, sizeof label, "%d,%d *", sizes[i], sizes[j]); fingerprint(label, PyNumber_Multiply(a, b));
            snprintf(label, sizeof label, "%d,%d divmod", sizes[i], sizes[j]); fingerprint(label, PyNumber_Divmod(a, b));
            snprintf(label, sizeof label, "%d,%d //", sizes[i], sizes[j]); fingerprint(label, PyNumber_FloorDivide(a, b));
            snprintf(label, sizeof label, "%d,%d %%", sizes[i], sizes[j]); fingerprint(label, PyNumber_Remainder(a, b));
            snprintf(label, sizeof label, "%d,%d /", sizes[i], sizes[j]); fingerprint(label, PyNumber_TrueDivide(a, b));
            snprintf(label, sizeof label, "%d,%d &", sizes[i], sizes[j]); fingerprint(label, PyNumber_And(a, b));
            snprintf(label, sizeof label, "%d,%d |", sizes[i], sizes[j]); fingerprint(label, PyNumber_Or(a, b));
            snprintf(label, sizeof label, "%d,%d ^", sizes[i], sizes[j]); fingerprint(label, PyNumber_Xor(a, b));
            if (sizes[i] <= 1000 && sizes[j] <= 1000) {
                PyObject *m = PyNumber_Absolute(b);
                PyObject *e = PyLong_FromLong((long)(next() % 5000));
                snprintf(label, sizeof label, "%d,%d pow mod", sizes[i], sizes[j]); fingerprint(label, PyNumber_Power(a, e, m));
                Py_DECREF(m); Py_DECREF(e);
            }
            Py_DECREF(a); Py_DECREF(b);
        }
        PyObject *a = random_int(sizes[i]);
        snprintf(label, sizeof label, "%d ~", sizes[i]); fingerprint(label, PyNumber_Invert(a));
        snprintf(label, sizeof label, "%d float", sizes[i]); fingerprint(label, PyNumber_Float(a));
        snprintf(label, sizeof label, "%d square", sizes[i]); fingerprint(label, PyNumber_Multiply(a, a));
        for (long sh = 1; sh < 5000; sh = sh * 3 + 7) {
            PyObject *s = PyLong_FromLong(sh);
            snprintf(label, sizeof label, "%d << %ld", sizes[i], sh); fingerprint(label, PyNumber_Lshift(a, s));
            snprintf(label, sizeof label, "%d >> %ld", sizes[i], sh); fingerprint(label, PyNumber_Rshift(a, s));
            Py_DECREF(s);
        }
        /* Decimal round trip (within the 4300-digit limit). */
        if (sizes[i] <= 3000) {
            PyObject *s = PyObject_Str(a);
            PyObject *back = PyLong_FromUnicodeObject(s, 10);
            printf("%d str: len %zd, round trip %d, head %.20s\n", sizes[i], PyUnicode_GET_LENGTH(s),
                   PyObject_RichCompareBool(a, back, Py_EQ), (const char *)PyUnicode_DATA(s));
            Py_DECREF(s); Py_DECREF(back);
        }
        Py_DECREF(a);
    }
    Py_FinalizeEx();
    return 0;
}
