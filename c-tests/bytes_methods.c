/* bytes methods called through PyObject_CallMethodObjArgs / PyObject_CallMethod: find &
 * co with bounds, count, split/rsplit, strip, startswith/endswith, join, replace, case
 * mapping, classification, partition, padding, zfill, remove*fix, hex/fromhex, decode with
 * error handlers, and the argument errors. Expected output: CPython 3.11's. */
#define PY_SSIZE_T_CLEAN
#include "proto_util.h"

static PyObject *B(const char *s) { return PyBytes_FromString(s); }
static PyObject *BN(const char *s, Py_ssize_t n) { return PyBytes_FromStringAndSize(s, n); }
static PyObject *I(long v) { return PyLong_FromLong(v); }

/* self.name(args...) shown as "self.name(...)"; the arguments are stolen. */
static void call(PyObject *self, const char *name, int n, PyObject *a, PyObject *b, PyObject *c)
{
    char label[100];
    PyObject_Print(self, stdout, 0);
    snprintf(label, sizeof label, ".%s/%d", name, n);
    PyObject *nm = PyUnicode_FromString(name);
    PyObject *res = n == 0 ? PyObject_CallMethodObjArgs(self, nm, NULL)
                  : n == 1 ? PyObject_CallMethodObjArgs(self, nm, a, NULL)
                  : n == 2 ? PyObject_CallMethodObjArgs(self, nm, a, b, NULL)
                           : PyObject_CallMethodObjArgs(self, nm, a, b, c, NULL);
    show(label, res);
    Py_DECREF(nm);
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
}

/* self.name(*args, **{key: value}) (key NULL: no keywords); args and value are stolen. */
static void callkw(PyObject *self, const char *name, PyObject *args, const char *key, PyObject *value)
{
    char label[100];
    PyObject_Print(self, stdout, 0);
    snprintf(label, sizeof label, ".%s(%zd args, %s=)", name, PyTuple_Size(args), key ? key : "-");
    PyObject *m = PyObject_GetAttrString(self, name);
    PyObject *kw = NULL;
    if (key) {
        kw = PyDict_New();
        PyDict_SetItemString(kw, key, value);
        Py_DECREF(value);
    }
    show(label, PyObject_Call(m, args, kw));
    Py_DECREF(m);
    Py_DECREF(args);
    Py_XDECREF(kw);
}

int main(void)
{
    Py_Initialize();
    PyObject *s = B("hello world hello");
    const char *finders[] = {"find", "rfind", "index", "rindex", "count"};
    for (int k = 0; k < 5; k++) {
        call(s, finders[k], 1, B("llo"), NULL, NULL);
        call(s, finders[k], 1, B("zz"), NULL, NULL);
        call(s, finders[k], 1, I('o'), NULL, NULL);
        call(s, finders[k], 1, B(""), NULL, NULL);
        call(s, finders[k], 2, B("hello"), I(1), NULL);
        call(s, finders[k], 3, B("o"), I(-10), I(-2));
        call(s, finders[k], 3, B("o"), Py_NewRef(Py_None), I(5));
        call(s, finders[k], 0, NULL, NULL, NULL);
        call(s, finders[k], 1, I(300), NULL, NULL);
        call(s, finders[k], 1, PyFloat_FromDouble(1.0), NULL, NULL);
    }
    call(s, "count", 3, B(""), I(2), I(5));

    PyObject *w = B("  a b\t\nc  ");
    call(w, "split", 0, NULL, NULL, NULL);
    call(w, "split", 2, Py_NewRef(Py_None), I(1), NULL);
    call(w, "rsplit", 2, Py_NewRef(Py_None), I(1), NULL);
    call(w, "rsplit", 0, NULL, NULL, NULL);
    PyObject *csv = B("a,b,,c,");
    call(csv, "split", 1, B(","), NULL, NULL);
    call(csv, "split", 2, B(","), I(2), NULL);
    call(csv, "rsplit", 2, B(","), I(2), NULL);
    call(csv, "split", 1, B(""), NULL, NULL);
    call(csv, "split", 1, I(1), NULL, NULL);
    call(csv, "split", 1, B(",,"), NULL, NULL);
    call(B(""), "split", 0, NULL, NULL, NULL);
    call(B(""), "split", 1, B(","), NULL, NULL);

    call(w, "strip", 0, NULL, NULL, NULL);
    call(w, "lstrip", 0, NULL, NULL, NULL);
    call(w, "rstrip", 0, NULL, NULL, NULL);
    call(csv, "strip", 1, B("a,"), NULL, NULL);
    call(csv, "strip", 1, I(1), NULL, NULL);
    call(csv, "strip", 2, B("a"), B("b"), NULL);

    call(s, "startswith", 1, B("hell"), NULL, NULL);
    call(s, "startswith", 2, B("world"), I(6), NULL);
    call(s, "endswith", 1, B("llo"), NULL, NULL);
    call(s, "endswith", 3, B("world"), I(0), I(11));
    call(s, "startswith", 1, PyTuple_Pack(2, B("x"), B("he")), NULL, NULL);
    call(s, "startswith", 1, I(1), NULL, NULL);
    call(s, "startswith", 1, PyTuple_Pack(1, I(1)), NULL, NULL);

    PyObject *l = PyList_New(0);
    PyList_Append(l, B("x")); PyList_Append(l, B("yy")); PyList_Append(l, B(""));
    call(B(", "), "join", 1, Py_NewRef(l), NULL, NULL);
    PyList_Append(l, I(1));
    call(B("-"), "join", 1, Py_NewRef(l), NULL, NULL);
    call(B("-"), "join", 1, PyList_New(0), NULL, NULL);
    PyObject *sep = B("+"), *two = PyTuple_Pack(2, B("p"), B("q"));
    show("_PyBytes_Join", _PyBytes_Join(sep, two));
    Py_DECREF(sep); Py_DECREF(two);

    call(s, "replace", 2, B("l"), B("L"), NULL);
    call(s, "replace", 3, B("l"), B(""), I(2));
    call(B("ab"), "replace", 2, B(""), B("-"), NULL);
    call(s, "replace", 1, B("l"), NULL, NULL);

    PyObject *mix = B("hELLo wORLD 1x");
    const char *maps[] = {"upper", "lower", "swapcase", "capitalize", "title", "isdigit", "isalpha",
                          "isalnum", "isspace", "islower", "isupper", "istitle", "isascii"};
    for (int k = 0; k < 13; k++) {
        call(mix, maps[k], 0, NULL, NULL, NULL);
        call(B(""), maps[k], 0, NULL, NULL, NULL);
    }
    call(B("Hello World"), "istitle", 0, NULL, NULL, NULL);
    call(B("123"), "isdigit", 0, NULL, NULL, NULL);
    call(B(" \t\x0b"), "isspace", 0, NULL, NULL, NULL);
    call(BN("\xe9", 1), "isascii", 0, NULL, NULL, NULL);
    call(BN("\xe9" "a", 2), "upper", 0, NULL, NULL, NULL);
    call(mix, "upper", 1, I(1), NULL, NULL);

    call(s, "partition", 1, B(" "), NULL, NULL);
    call(s, "rpartition", 1, B(" "), NULL, NULL);
    call(s, "partition", 1, B("#"), NULL, NULL);
    call(s, "rpartition", 1, B("#"), NULL, NULL);
    call(s, "partition", 1, B(""), NULL, NULL);

    PyObject *ab = B("abc");
    call(ab, "center", 1, I(8), NULL, NULL);
    call(ab, "center", 2, I(6), B("*"), NULL);
    call(B("ab"), "center", 2, I(5), B("*"), NULL);
    call(ab, "ljust", 2, I(6), B("."), NULL);
    call(ab, "rjust", 1, I(6), NULL, NULL);
    call(ab, "rjust", 1, I(2), NULL, NULL);
    call(ab, "center", 2, I(3), B("ab"), NULL);
    call(ab, "center", 2, I(3), S("x"), NULL);
    call(ab, "center", 0, NULL, NULL, NULL);
    call(B("-42"), "zfill", 1, I(6), NULL, NULL);
    call(B("42"), "zfill", 1, I(1), NULL, NULL);
    call(B("42"), "zfill", 1, S("x"), NULL, NULL);
    call(ab, "removeprefix", 1, B("ab"), NULL, NULL);
    call(ab, "removeprefix", 1, B("x"), NULL, NULL);
    call(ab, "removesuffix", 1, B("bc"), NULL, NULL);
    call(ab, "removesuffix", 1, B(""), NULL, NULL);

    PyObject *bin = BN("\x00\xff\x10\xab\x01", 5);
    call(bin, "hex", 0, NULL, NULL, NULL);
    call(bin, "hex", 1, S(":"), NULL, NULL);
    call(bin, "hex", 2, B("-"), I(2), NULL);
    call(bin, "hex", 2, S(" "), I(-2), NULL);
    call(bin, "hex", 1, S("ab"), NULL, NULL);
    PyObject *BT = (PyObject *)&PyBytes_Type;
    call(BT, "fromhex", 1, S("00 ff1A  b0"), NULL, NULL);
    call(BT, "fromhex", 1, S("zz"), NULL, NULL);
    call(BT, "fromhex", 1, S("a"), NULL, NULL);
    call(BT, "fromhex", 1, S("abc"), NULL, NULL);
    call(BT, "fromhex", 1, B("ab"), NULL, NULL);

    PyObject *u = BN("h\xc3\xa9\xe2\x82\xac!", 7);
    call(u, "decode", 0, NULL, NULL, NULL);
    call(u, "decode", 1, S("latin-1"), NULL, NULL);
    call(u, "decode", 1, S("ascii"), NULL, NULL);
    call(u, "decode", 2, S("ascii"), S("ignore"), NULL);
    call(u, "decode", 2, S("ascii"), S("replace"), NULL);
    call(u, "decode", 2, S("ascii"), S("backslashreplace"), NULL);
    call(u, "decode", 2, S("ascii"), S("bogus"), NULL);
    call(B("abc"), "decode", 2, S("ascii"), S("bogus"), NULL);
    call(u, "decode", 1, S("nope"), NULL, NULL);
    PyObject *bad = BN("a\xff\xe9" "z\xe2\x82", 6);
    call(bad, "decode", 0, NULL, NULL, NULL);
    call(bad, "decode", 2, S("utf-8"), S("replace"), NULL);
    call(bad, "decode", 2, S("utf-8"), S("ignore"), NULL);
    call(bad, "decode", 2, S("utf-8"), S("backslashreplace"), NULL);
    call(BN("ab\xe9", 3), "decode", 0, NULL, NULL, NULL);
    call(BN("ab\xe9" "z", 4), "decode", 0, NULL, NULL, NULL);
    call(BN("ab\xe2\x82", 4), "decode", 0, NULL, NULL, NULL);
    call(BN("ab\xe2\x82" "z", 5), "decode", 0, NULL, NULL, NULL);
    call(u, "decode", 1, I(1), NULL, NULL);

    PyObject *t = PyBytes_FromString("a b  c");
    callkw(t, "split", PyTuple_New(0), "maxsplit", I(1));
    callkw(t, "split", PyTuple_New(0), "sep", B(" "));
    callkw(t, "rsplit", PyTuple_Pack(1, Py_None), "maxsplit", I(1));
    callkw(t, "split", PyTuple_Pack(1, Py_None), "sep", B(" "));
    callkw(t, "split", PyTuple_New(0), "foo", I(1));
    callkw(t, "split", PyTuple_Pack(3, Py_None, I(1), I(2)), NULL, NULL);
    callkw(u, "decode", PyTuple_New(0), "errors", S("ignore"));
    callkw(u, "decode", PyTuple_New(0), "encoding", S("latin1"));
    callkw(bin, "hex", PyTuple_New(0), "sep", S("_"));
    callkw(bin, "hex", PyTuple_Pack(1, S("_")), "bytes_per_sep", I(3));
    PyObject *lines = PyBytes_FromString("a\r\nb\rc\n\nd");
    callkw(lines, "splitlines", PyTuple_New(0), NULL, NULL);
    callkw(lines, "splitlines", PyTuple_New(0), "keepends", Py_NewRef(Py_True));
    callkw(lines, "splitlines", PyTuple_Pack(1, I(1)), NULL, NULL);
    callkw(B(""), "splitlines", PyTuple_New(0), NULL, NULL);
    callkw(lines, "splitlines", PyTuple_Pack(2, I(1), I(2)), NULL, NULL);
    PyObject *tabs = PyBytes_FromString("a\tbc\td\n\tx");
    callkw(tabs, "expandtabs", PyTuple_New(0), NULL, NULL);
    callkw(tabs, "expandtabs", PyTuple_Pack(1, I(3)), NULL, NULL);
    callkw(tabs, "expandtabs", PyTuple_New(0), "tabsize", I(0));
    callkw(tabs, "expandtabs", PyTuple_Pack(2, I(1), I(2)), NULL, NULL);
    Py_DECREF(t); Py_DECREF(lines); Py_DECREF(tabs);

    show("CallMethod y#", PyObject_CallMethod(ab, "startswith", "y#", "ab", (Py_ssize_t)2));

    Py_DECREF(s); Py_DECREF(w); Py_DECREF(csv); Py_DECREF(l); Py_DECREF(mix); Py_DECREF(ab);
    Py_DECREF(bin); Py_DECREF(u); Py_DECREF(bad);
    Py_FinalizeEx();
    return 0;
}
