/* PyArg_ParseTuple, one format unit at a time: every unit against the same set of values
 * (ints at and past the C ranges, float, complex, str with and without NUL, bytes with and
 * without NUL, None, bool, list), printing what was stored or the exception (type and
 * message, with the ":f" name and without). Buffers are released and the exporter's
 * reference count shown; es/et memory is freed.
 * Expected output: CPython 3.11's, in the same run. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "testutil.h"

typedef union {
    unsigned char b; unsigned short H; short h; int i; unsigned int I; long l; unsigned long k;
    long long L; unsigned long long K; Py_ssize_t n; char c; float f; double d; Py_complex D;
    PyObject *o; const char *s; char *e; Py_buffer view;
} slot;

static void show_result(const char *unit, slot *a, slot *b)
{
    switch (unit[0]) {
    case 'b': case 'B': printf("%u", a->b); break;
    case 'h': printf("%d", a->h); break;
    case 'H': printf("%u", a->H); break;
    case 'i': case 'C': case 'p': printf("%d", a->i); break;
    case 'I': printf("%u", a->I); break;
    case 'l': printf("%ld", a->l); break;
    case 'k': printf("%lu", a->k); break;
    case 'L': printf("%lld", a->L); break;
    case 'K': printf("%llu", a->K); break;
    case 'n': printf("%zd", a->n); break;
    case 'c': printf("%d", a->c); break;
    case 'f': printf("%g", (double)a->f); break;
    case 'd': printf("%g", a->d); break;
    case 'D': printf("%g%+gj", a->D.real, a->D.imag); break;
    case 'O': case 'S': case 'U': case 'Y': put(a->o); break;
    case 's': case 'z': case 'y': case 'w':
        if (unit[1] == '*') {
            printf("buffer len=%zd readonly=%d obj=%s [", a->view.len, a->view.readonly,
                   a->view.obj ? Py_TYPE(a->view.obj)->tp_name : "NULL");
            fwrite(a->view.buf, 1, (size_t)a->view.len, stdout);
            printf("]");
            PyBuffer_Release(&a->view);
        } else if (unit[1] == '#') {
            printf("len=%zd [", b->n);
            if (a->s)
                fwrite(a->s, 1, (size_t)b->n, stdout);
            else
                printf("NULL");
            printf("]");
        } else {
            printf("%s", a->s ? a->s : "NULL");
        }
        break;
    }
}

static void try_unit(const char *unit, PyObject *value, const char *vname, int named)
{
    char format[16];
    snprintf(format, sizeof format, "%s%s", unit, named ? ":f" : "");
    PyObject *args = PyTuple_Pack(1, value);
    slot a, b, c;
    memset(&a, 0, sizeof a); memset(&b, 0, sizeof b); memset(&c, 0, sizeof c);
    printf("%-4s %-10s ", format, vname);
    if (PyArg_ParseTuple(args, format, &a, &b, &c)) {
        if (PyErr_Occurred())
            printf("SUCCESS WITH AN EXCEPTION SET ");
        show_result(unit, &a, &b);
        printf("\n");
    } else if (!PyErr_Occurred()) {
        printf("FAILED WITHOUT AN EXCEPTION\n");
    } else {
        print_error_line();
    }
    Py_DECREF(args);
}

/* es/et/es#/et#: an encoding then the buffer pointer (and its length). */
static void try_encoded(const char *unit, const char *encoding, PyObject *value, const char *vname, int preset)
{
    PyObject *args = PyTuple_Pack(1, value);
    char own[4] = "zzz";
    char *buffer = preset ? own : NULL;
    Py_ssize_t len = preset ? (Py_ssize_t)sizeof own : 0;
    printf("%-4s %-8s %-10s%s ", unit, encoding ? encoding : "NULL", vname, preset ? " into char[4]" : "");
    int r = unit[2] == '#' ? PyArg_ParseTuple(args, unit, encoding, &buffer, &len)
                           : PyArg_ParseTuple(args, unit, encoding, &buffer);
    if (r) {
        printf("[");
        fwrite(buffer, 1, unit[2] == '#' ? (size_t)len : strlen(buffer), stdout);
        printf("] len=%zd terminated=%d own=%d\n", len, buffer[unit[2] == '#' ? len : (Py_ssize_t)strlen(buffer)] == 0,
               buffer == own);
        if (buffer != own)
            PyMem_Free(buffer);
    } else {
        print_error_line();
    }
    Py_DECREF(args);
}

int main(void)
{
    Py_Initialize();
    struct { const char *name; PyObject *v; } values[] = {
        {"-1", PyLong_FromLong(-1)},
        {"255", PyLong_FromLong(255)},
        {"256", PyLong_FromLong(256)},
        {"-32769", PyLong_FromLong(-32769)},
        {"2**31", PyLong_FromLongLong(2147483648LL)},
        {"-2**31-1", PyLong_FromLongLong(-2147483649LL)},
        {"2**63", PyLong_FromString("9223372036854775808", NULL, 10)},
        {"2**64", PyLong_FromString("18446744073709551616", NULL, 10)},
        {"True", Py_NewRef(Py_True)},
        {"1.5", PyFloat_FromDouble(1.5)},
        {"1e300", PyFloat_FromDouble(1e300)},
        {"2-1j", PyComplex_FromDoubles(2.0, -1.0)},
        {"'ab'", PyUnicode_FromString("ab")},
        {"'x'", PyUnicode_FromString("x")},
        {"'a\\0b'", Py_BuildValue("s#", "a\0b", (Py_ssize_t)3)},
        {"b'ab'", PyBytes_FromString("ab")},
        {"b'x'", PyBytes_FromString("x")},
        {"b'a\\0b'", PyBytes_FromStringAndSize("a\0b", 3)},
        {"None", Py_NewRef(Py_None)},
        {"[1]", Py_BuildValue("[i]", 1)},
        {"()", PyTuple_New(0)},
    };
    const size_t nvalues = sizeof values / sizeof values[0];
    const char *units[] = {
        "b", "B", "h", "H", "i", "I", "l", "k", "L", "K", "n", "c", "C", "p", "f", "d", "D",
        "O", "S", "U", "Y", "s", "z", "y", "s#", "z#", "y#", "s*", "z*", "y*", "w*",
    };
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
        for (size_t v = 0; v < nvalues; v++)
            try_unit(units[u], values[v].v, values[v].name, 0);

    printf("-- with a function name\n");
    try_unit("s", values[0].v, "-1", 1);
    try_unit("k", values[9].v, "1.5", 1);
    try_unit("c", values[12].v, "'ab'", 1);
    try_unit("y#", values[12].v, "'ab'", 1);
    try_unit("w*", values[15].v, "b'ab'", 1);
    try_unit("z", values[19].v, "[1]", 1);

    printf("-- buffers hold a reference until released\n");
    {
        PyObject *bytes = PyBytes_FromString("held");
        PyObject *args = PyTuple_Pack(1, bytes);
        Py_buffer view;
        Py_ssize_t before = Py_REFCNT(bytes);
        int r = PyArg_ParseTuple(args, "y*", &view);
        printf("y* -> %d, refcount +%zd, buf is the bytes' data %d\n", r, Py_REFCNT(bytes) - before,
               view.buf == PyBytes_AS_STRING(bytes));
        PyBuffer_Release(&view);
        printf("released: refcount +%zd\n", Py_REFCNT(bytes) - before);
        Py_DECREF(args);
        Py_DECREF(bytes);
    }

    printf("-- O!\n");
    {
        PyObject *args = Py_BuildValue("(ii)", 1, 2);
        PyObject *o = NULL;
        PyObject *s = PyTuple_Pack(1, values[12].v);
        printf("O! int: %d ", PyArg_ParseTuple(args, "O!|O!", &PyLong_Type, &o, &PyUnicode_Type, &o));
        print_error_line();
        printf("O! int int: %d\n", PyArg_ParseTuple(args, "O!|O!", &PyLong_Type, &o, &PyLong_Type, &o));
        printf("O! str: %d", PyArg_ParseTuple(s, "O!", &PyUnicode_Type, &o));
        printf(" got the str %d\n", o == values[12].v);
        PyObject *t = PyTuple_Pack(1, Py_True);
        printf("O! bool is int: %d\n", PyArg_ParseTuple(t, "O!", &PyLong_Type, &o));
        Py_DECREF(t);
        Py_DECREF(args);
        Py_DECREF(s);
    }

    printf("-- es, et\n");
    const char *encoded[] = {"es", "et", "es#", "et#"};
    for (size_t u = 0; u < 4; u++) {
        try_encoded(encoded[u], NULL, values[12].v, "'ab'", 0);
        try_encoded(encoded[u], "ascii", values[12].v, "'ab'", 0);
        try_encoded(encoded[u], "latin-1", values[14].v, "'a\\0b'", 0);
        try_encoded(encoded[u], "utf-8", values[15].v, "b'ab'", 0);
        try_encoded(encoded[u], "no-such", values[12].v, "'ab'", 0);
        try_encoded(encoded[u], NULL, values[0].v, "-1", 0);
        try_encoded(encoded[u], NULL, values[18].v, "None", 0);
    }
    try_encoded("es#", NULL, values[12].v, "'ab'", 1);
    try_encoded("et#", NULL, values[15].v, "b'ab'", 1);
    try_encoded("es#", NULL, values[6].v, "2**63", 1);
    {
        PyObject *s = PyUnicode_FromString("abcd");
        try_encoded("es#", NULL, s, "'abcd'", 1);
        try_encoded("et#", "ascii", s, "'abcd'", 1);
        Py_DECREF(s);
    }

    for (size_t v = 0; v < nvalues; v++)
        Py_DECREF(values[v].v);
    Py_Finalize();
    printf("done\n");
    return 0;
}
