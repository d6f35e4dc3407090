// ferropy-test: fetch=python3-crcmod=1.7+dfsg-3+b3
/* Extension modules built by others for CPython 3.11, loaded unchanged: modules of
 * Debian's CPython 3.11 lib-dynload that need no Python code at init (xxlimited, an abi3
 * module with a heap type; _testmultiphase; resource), and a third-party plain-C
 * extension, crcmod's _crcfunext from Debian's python3-crcmod 1.7 (fetched at test time by
 * the runner into build/thirdparty, never committed). termios is left out: it needs
 * _PyLong_FileDescriptor_Converter, not exported yet. */
#define PY_SSIZE_T_CLEAN
#include "import_util.h"

static void show(PyObject *o, const char *what)
{
    printf("%s: ", what);
    put(o);
    printf("\n");
    if (o == NULL) PyErr_Clear();
    Py_XDECREF(o);
}

int main(void)
{
    const char *thirdparty = getenv("FERROPY_TEST_THIRDPARTY");
    if (thirdparty == NULL) { printf("FERROPY_TEST_THIRDPARTY not set\n"); return 1; }
    Py_Initialize();
    path_insert("/usr/lib/python3.11/lib-dynload");

    PyObject *xx = import_show("xxlimited");
    if (xx) {
        show(PyObject_CallMethod(xx, "foo", "ii", 2, 3), "xxlimited.foo(2, 3)");
        show(PyObject_CallMethod(xx, "foo", "s", "x"), "xxlimited.foo('x')");
        PyObject *Xxo = PyObject_GetAttrString(xx, "Xxo");
        show(Py_XNewRef(Xxo), "Xxo");
        PyObject *o = Xxo ? PyObject_CallNoArgs(Xxo) : NULL;
        if (o) {
            show(PyObject_CallMethod(o, "demo", "O", Py_None), "Xxo().demo(None)");
            PyObject_SetAttrString(o, "spam", PyUnicode_FromString("eggs"));
            show(PyObject_GetAttrString(o, "spam"), "Xxo().spam");
        } else PyErr_Clear();
        Py_XDECREF(o);
        Py_XDECREF(Xxo);
        print_attr(xx, "__name__");
        Py_DECREF(xx);
    }
    PyObject *tm = import_show("_testmultiphase");
    if (tm) {
        show(PyObject_CallMethod(tm, "foo", "ii", 4, 5), "_testmultiphase.foo(4, 5)");
        print_attr(tm, "int_const");
        print_attr(tm, "str_const");
        Py_DECREF(tm);
    }
    PyObject *res = import_show("resource");
    if (res) {
        print_attr(res, "RLIMIT_NOFILE");
        show(PyObject_CallMethod(res, "getpagesize", NULL), "resource.getpagesize()");
        PyObject *lim = PyObject_CallMethod(res, "getrlimit", "i", 7);
        printf("getrlimit(RLIMIT_NOFILE) is a pair: %d\n", lim && PyTuple_Check(lim) && PyTuple_Size(lim) == 2);
        if (!lim) PyErr_Clear();
        Py_XDECREF(lim);
        show(PyObject_CallMethod(res, "getrlimit", "i", 12345), "getrlimit(12345)");
        Py_DECREF(res);
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/python3-crcmod/usr/lib/python3/dist-packages/crcmod", thirdparty);
    path_insert(dir);
    PyObject *crc = import_show("_crcfunext");
    if (crc) {
        unsigned char table[256];
        for (int i = 0; i < 256; i++) {
            unsigned r = (unsigned)i;
            for (int b = 0; b < 8; b++) r = (r & 0x80) ? ((r << 1) ^ 0x07) & 0xff : (r << 1) & 0xff;
            table[i] = (unsigned char)r;
        }
        show(PyObject_CallMethod(crc, "_crc8", "y#iy#", "123456789", (Py_ssize_t)9, 0, table, (Py_ssize_t)256), "_crc8(b'123456789', 0, table)");
        show(PyObject_CallMethod(crc, "_crc8", "y#iy#", "1", (Py_ssize_t)1, 0, "short", (Py_ssize_t)5), "_crc8 with a short table");
        show(PyObject_CallMethod(crc, "_crc8", "iiy#", 1, 0, table, (Py_ssize_t)256), "_crc8(1, ...)");
        Py_DECREF(crc);
    }
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
