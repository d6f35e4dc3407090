/* Strings of all four storage forms (compact ASCII, Latin-1, UCS-2, UCS-4) read through the
 * PEP 393 layout macros only, as extensions built against CPython's headers read them (the
 * drop-in run compiles this against CPython's headers): PyUnicode_KIND, DATA, 1/2/4BYTE_DATA,
 * READ, READ_CHAR, GET_LENGTH, IS_ASCII, IS_COMPACT, IS_COMPACT_ASCII, MAX_CHAR_VALUE,
 * CHECK_INTERNED, the NUL after the data, the utf8/wstr fields after the caches are filled,
 * and strings written through PyUnicode_WRITE into PyUnicode_New's buffer. */
#include "str_util.h"
#include <wchar.h>

static void dump(const char *label, PyObject *s)
{
    int kind = PyUnicode_KIND(s);
    void *data = PyUnicode_DATA(s);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    printf("%s: kind %d len %zd ascii %u compact %u compact_ascii %d max %X ready %u\n", label, kind, n,
           PyUnicode_IS_ASCII(s), PyUnicode_IS_COMPACT(s), PyUnicode_IS_COMPACT_ASCII(s),
           (unsigned)PyUnicode_MAX_CHAR_VALUE(s), PyUnicode_IS_READY(s));
    printf("  data offset %td:", (char *)data - (char *)s);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 a = PyUnicode_READ(kind, data, i), b = PyUnicode_READ_CHAR(s, i), c;
        switch (kind) {
        case PyUnicode_1BYTE_KIND: c = PyUnicode_1BYTE_DATA(s)[i]; break;
        case PyUnicode_2BYTE_KIND: c = PyUnicode_2BYTE_DATA(s)[i]; break;
        default: c = PyUnicode_4BYTE_DATA(s)[i]; break;
        }
        printf(" %X%s", (unsigned)a, a == b && b == c ? "" : "(mismatch)");
    }
    printf(" | nul %X\n", (unsigned)PyUnicode_READ(kind, data, n));
}

int main(void)
{
    Py_Initialize();
    const char *texts[] = {"hello", "caf\xc3\xa9", "\xe2\x82\xac" "5 \xc3\xa9", "\xf0\x9d\x84\x9e" "a\xe2\x82\xac",
                           "", NULL};
    PyObject *objs[6] = {0};
    for (int i = 0; texts[i]; i++) {
        objs[i] = PyUnicode_FromString(texts[i]);
        char label[16];
        snprintf(label, sizeof label, "text %d", i);
        dump(label, objs[i]);
    }

    /* The UTF-8 cache: ASCII strings are their own UTF-8; others fill utf8/utf8_length. */
    for (int i = 0; i < 4; i++) {
        PyObject *s = objs[i];
        Py_ssize_t size;
        const char *u = PyUnicode_AsUTF8AndSize(s, &size);
        if (PyUnicode_IS_COMPACT_ASCII(s))
            printf("utf8 %d: is data %d size %zd\n", i, u == (const char *)PyUnicode_DATA(s), size);
        else {
            PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)s;
            printf("utf8 %d: in field %d utf8_length %zd size %zd '%s'\n", i, c->utf8 == u, c->utf8_length, size, u);
        }
    }

    /* Interning is visible through the state bits. */
    PyObject *in = PyUnicode_InternFromString("interned_name_for_test");
    printf("interned %u plain %u\n", PyUnicode_CHECK_INTERNED(in), PyUnicode_CHECK_INTERNED(objs[1]));
    Py_DECREF(in);

    /* Writing through the macros into a new string of each kind. */
    Py_UCS4 maxes[] = {0x7f, 0xff, 0xffff, 0x10ffff};
    Py_UCS4 chars[] = {'z', 0xe9, 0x20ac, 0x1d11e};
    for (int k = 0; k < 4; k++) {
        PyObject *s = PyUnicode_New(3, maxes[k]);
        int kind = PyUnicode_KIND(s);
        void *data = PyUnicode_DATA(s);
        PyUnicode_WRITE(kind, data, 0, 'a');
        PyUnicode_WRITE(kind, data, 1, chars[k]);
        PyUnicode_WRITE(kind, data, 2, 'b');
        char label[16];
        snprintf(label, sizeof label, "new %d", k);
        dump(label, s);
        PyObject *same = PyUnicode_FromKindAndData(kind, data, 3);
        printf("  equal to FromKindAndData %d, hash equal %d\n", PyObject_RichCompareBool(s, same, Py_EQ),
               PyObject_Hash(s) == PyObject_Hash(same));
        Py_DECREF(same);
        Py_DECREF(s);
    }

    /* The wchar_t cache (deprecated API; wchar_t is 32-bit). */
    PyObject *w = objs[3];
    _Py_COMP_DIAG_PUSH
    _Py_COMP_DIAG_IGNORE_DEPR_DECLS
    Py_UNICODE *u = PyUnicode_AsUnicode(w);
    printf("wstr: %X %X %X same %d size %zd\n", (unsigned)u[0], (unsigned)u[1], (unsigned)u[3],
           u == PyUnicode_AS_UNICODE(w), PyUnicode_GET_SIZE(w));
    _Py_COMP_DIAG_POP

    for (int i = 0; i < 5; i++)
        Py_DECREF(objs[i]);
    Py_Finalize();
    return 0;
}
