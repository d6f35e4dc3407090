/* Numeric members of every T_* type: reading (int/float objects), writing with CPython's
 * conversions (__index__, floats refused for ints), range errors ("Python int too large to
 * convert to C long"), truncation of narrow fields (which CPython warns about on stderr),
 * negative values in unsigned fields, deletion, READONLY; PyMember_GetOne/SetOne directly.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <structmember.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void show(const char *what, PyObject *o)
{
    if (o == NULL) {
        print_error(what);
        return;
    }
    PyObject *r = PyObject_Repr(o);
    printf("%s: %s %s\n", what, Py_TYPE(o)->tp_name, r ? (const char *)PyUnicode_DATA(r) : "?");
    Py_XDECREF(r);
    Py_DECREF(o);
}

typedef struct {
    PyObject_HEAD
    signed char b;
    unsigned char ub;
    short s;
    unsigned short us;
    int i;
    unsigned int ui;
    long l;
    unsigned long ul;
    Py_ssize_t z;
    float f;
    double d;
    long long ll;
    unsigned long long ull;
    char flag;
    int ro;
} Nums;

#define M(name, type, field) {name, type, offsetof(Nums, field), 0, NULL}
static PyMemberDef nums_members[] = {
    M("b", T_BYTE, b), M("ub", T_UBYTE, ub), M("s", T_SHORT, s), M("us", T_USHORT, us), M("i", T_INT, i),
    M("ui", T_UINT, ui), M("l", T_LONG, l), M("ul", T_ULONG, ul), M("z", T_PYSSIZET, z), M("f", T_FLOAT, f),
    M("d", T_DOUBLE, d), M("ll", T_LONGLONG, ll), M("ull", T_ULONGLONG, ull), M("flag", T_BOOL, flag),
    {"ro", T_INT, offsetof(Nums, ro), READONLY, "read-only int"},
    {"bad", 99, offsetof(Nums, i), 0, NULL},
    {NULL}
};

static PyTypeObject Nums_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "attrtest.Nums",
    .tp_basicsize = sizeof(Nums),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_members = nums_members,
    .tp_new = PyType_GenericNew,
};

int main(void)
{
    Py_Initialize();
    if (PyType_Ready(&Nums_Type) < 0) {
        print_error("ready");
        return 1;
    }
    PyObject *n = PyType_GenericNew(&Nums_Type, NULL, NULL);
    Nums *p = (Nums *)n;
    p->b = -5; p->ub = 250; p->s = -30000; p->us = 65000; p->i = -2000000000; p->ui = 4000000000u;
    p->l = -9000000000000000000L; p->ul = 18000000000000000000UL; p->z = -7; p->f = 1.5f; p->d = -2.25;
    p->ll = -1234567890123LL; p->ull = 12345678901234567890ULL; p->flag = 1; p->ro = 42;
    const char *names[] = {"b", "ub", "s", "us", "i", "ui", "l", "ul", "z", "f", "d", "ll", "ull", "flag", "ro", "bad", NULL};
    printf("== read\n");
    for (const char **k = names; *k; k++)
        show(*k, PyObject_GetAttrString(n, *k));

    PyObject *vals[] = {
        PyLong_FromLong(7), PyLong_FromLong(-1), PyLong_FromLong(300), PyLong_FromLong(70000),
        PyLong_FromLongLong(5000000000LL), PyLong_FromUnsignedLongLong(18446744073709551615ULL),
        PyLong_FromString("100000000000000000000000", NULL, 10), PyFloat_FromDouble(2.5),
        PyUnicode_FromString("str"), Py_None, Py_True,
    };
    const char *vnames[] = {"7", "-1", "300", "70000", "5000000000", "2**64-1", "10**23", "2.5", "'str'", "None", "True"};
    size_t nv = sizeof vals / sizeof *vals;
    printf("== write\n");
    for (const char **k = names; *k; k++) {
        for (size_t j = 0; j < nv; j++) {
            char label[64];
            snprintf(label, sizeof label, "%s = %s", *k, vnames[j]);
            int r = PyObject_SetAttrString(n, *k, vals[j]);
            if (r < 0)
                print_error(label);
            else
                show(label, PyObject_GetAttrString(n, *k));
        }
        char label[64];
        snprintf(label, sizeof label, "del %s", *k);
        if (PyObject_SetAttrString(n, *k, NULL) < 0)
            print_error(label);
        else
            printf("%s: ok\n", label);
    }

    printf("== PyMember_GetOne / SetOne\n");
    show("GetOne(i)", PyMember_GetOne((const char *)n, &nums_members[4]));
    printf("SetOne(i, 9): %d\n", PyMember_SetOne((char *)n, &nums_members[4], vals[0]));
    show("GetOne(i)", PyMember_GetOne((const char *)n, &nums_members[4]));
    printf("SetOne(ro, 9): %d\n", PyMember_SetOne((char *)n, &nums_members[14], vals[0]));
    print_error("  error");

    /* None and True were borrowed into vals */
    Py_INCREF(Py_None);
    Py_INCREF(Py_True);
    for (size_t j = 0; j < nv; j++)
        Py_DECREF(vals[j]);
    Py_DECREF(n);
    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
