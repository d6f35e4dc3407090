/* bytes through the C-API: PyBytes_Type's name/sizes/flags, FromStringAndSize/FromString/
 * Size/AsString/AsStringAndSize/Concat/ConcatAndDel/_PyBytes_Resize/FromObject/Repr,
 * PyObject_Bytes, singletons, hash = CPython's, slots (repr, compare, concat, repeat, item,
 * contains, subscript with slices, iteration), the buffer protocol, bytes(...) and errors.
 * Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"
#include <stdlib.h>
#include <string.h>

static PyObject *B(const char *s, Py_ssize_t n) { return PyBytes_FromStringAndSize(s, n); }
static PyObject *I(long v) { return PyLong_FromLong(v); }

static void dump(const char *label, const char *p, Py_ssize_t n)
{
    printf("%s:", label);
    for (Py_ssize_t i = 0; i < n; i++)
        printf(" %02x", (unsigned char)p[i]);
    printf("\n");
}

/* Calls type(args...) and shows the result. */
static void call_type(const char *label, PyObject *tp, PyObject *args, PyObject *kw)
{
    show(label, PyObject_Call(tp, args, kw));
    Py_DECREF(args);
    Py_XDECREF(kw);
}

int main(void)
{
    setenv("PYTHONHASHSEED", "0", 1);
    Py_Initialize();
    PyTypeObject *T = &PyBytes_Type;
    printf("type %s basic %zd item %zd flags %lx doc-prefix %.30s\n", T->tp_name, T->tp_basicsize,
           T->tp_itemsize, T->tp_flags & ~(Py_TPFLAGS_READY | (1UL << 19) | Py_TPFLAGS_HAVE_VERSION_TAG),
           T->tp_doc);

    /* Creation, singletons, NUL terminator. */
    PyObject *e1 = B("", 0), *e2 = PyBytes_FromString("");
    printf("empty singleton %d size %zd nul %d\n", e1 == e2, PyBytes_Size(e1), PyBytes_AS_STRING(e1)[0]);
    Py_DECREF(e1); Py_DECREF(e2);
    PyObject *a1 = B("A", 1), *a2 = PyBytes_FromString("A");
    printf("one-byte singleton %d\n", a1 == a2);
    Py_DECREF(a1); Py_DECREF(a2);
    PyObject *b = B("a\0b\n\xff'", 6);
    show("repr embedded", PyObject_Repr(b));
    show("str embedded", PyObject_Str(b));
    printf("size %zd GET_SIZE %zd nul-after %d\n", PyBytes_Size(b), PyBytes_GET_SIZE(b), PyBytes_AsString(b)[6]);
    dump("data", PyBytes_AsString(b), PyBytes_Size(b));
    char *buf; Py_ssize_t n = -5;
    show_int("AsStringAndSize len", PyBytes_AsStringAndSize(b, &buf, &n));
    printf("  n=%zd same=%d\n", n, buf == PyBytes_AS_STRING(b));
    show_int("AsStringAndSize nolen embedded", PyBytes_AsStringAndSize(b, &buf, NULL));
    PyObject *plain = PyBytes_FromString("plain");
    show_int("AsStringAndSize nolen plain", PyBytes_AsStringAndSize(plain, &buf, NULL));
    printf("  buf=%s\n", buf);
    show_int("AsStringAndSize str", PyBytes_AsStringAndSize(S("x"), &buf, &n));
    show_int("Size str", PyBytes_Size(Py_None));
    printf("AsString int null %d\n", PyBytes_AsString(Py_None) == NULL); show_err("  err");
    show("FromStringAndSize -1", B("x", -1));
    PyObject *u = B(NULL, 4);
    memcpy(PyBytes_AS_STRING(u), "wxyz", 4);
    show("FromStringAndSize NULL data", u);

    /* Repr quoting. */
    show("Repr smart '", PyBytes_Repr(PyBytes_FromString("it's"), 1));
    show("Repr nosmart '", PyBytes_Repr(PyBytes_FromString("it's"), 0));
    show("Repr both", PyObject_Repr(PyBytes_FromString("'\"")));
    show("Repr dq", PyObject_Repr(PyBytes_FromString("\"")));
    show("Repr ctl", PyObject_Repr(B("\t\r\\\x7f\x80 ~", 7)));

    /* Hash equals CPython's (and str's for ASCII). */
    PyObject *h = PyBytes_FromString("abc"), *hs = S("abc");
    printf("hash abc %ld eq-str %d\n", (long)PyObject_Hash(h), PyObject_Hash(h) == PyObject_Hash(hs));
    printf("hash empty %ld hash embedded %ld\n", (long)PyObject_Hash(e1 = B("", 0)), (long)PyObject_Hash(b));
    Py_DECREF(e1); Py_DECREF(hs);
    printf("ob_shash cached %d\n", ((PyBytesObject *)h)->ob_shash == PyObject_Hash(h));

    /* Concat. */
    PyObject *c = PyBytes_FromString("ab");
    PyBytes_Concat(&c, h);
    show("Concat", Py_NewRef(c));
    PyBytes_Concat(&c, Py_None);
    printf("Concat none -> %p\n", (void *)c); show_err("  err");
    c = PyBytes_FromString("x");
    PyBytes_ConcatAndDel(&c, PyBytes_FromString("yz"));
    show("ConcatAndDel", c);
    c = NULL;
    PyBytes_Concat(&c, h);
    printf("Concat NULL stays %p\n", (void *)c);

    /* _PyBytes_Resize. */
    PyObject *r = B(NULL, 10);
    memcpy(PyBytes_AS_STRING(r), "0123456789", 10);
    show_int("Resize 4", _PyBytes_Resize(&r, 4));
    printf("  nul %d\n", PyBytes_AS_STRING(r)[4]);
    show("  after", Py_NewRef(r));
    show_int("Resize 0", _PyBytes_Resize(&r, 0));
    show("  after", r);
    r = B("abcd", 4);
    show_int("Resize -1", _PyBytes_Resize(&r, -1));
    printf("  r=%p\n", (void *)r);

    /* PyObject_Bytes / PyBytes_FromObject. */
    show("Bytes(bytes)", PyObject_Bytes(h));
    show("Bytes(NULL)", PyObject_Bytes(NULL));
    PyObject *lst = PyList_New(0);
    PyList_Append(lst, I(104)); PyList_Append(lst, I(105));
    show("Bytes(list)", PyObject_Bytes(lst));
    show("FromObject(list)", PyBytes_FromObject(lst));
    PyList_Append(lst, I(300));
    show("FromObject(list 300)", PyBytes_FromObject(lst));
    show("Bytes(int 3)", PyObject_Bytes(I(3)));
    show("FromObject(int 3)", PyBytes_FromObject(I(3)));
    show("FromObject(str)", PyBytes_FromObject(S("ab")));
    show("Bytes(str)", PyObject_Bytes(S("ab")));
    show("Bytes(None)", PyObject_Bytes(Py_None));

    /* Slots. */
    PyObject *x = PyBytes_FromString("hello"), *y = PyBytes_FromString("help");
    for (int op = Py_LT; op <= Py_GE; op++)
        show("compare", PyObject_RichCompare(x, y, op));
    show("compare str", PyObject_RichCompare(x, S("hello"), Py_EQ));
    show("concat", PySequence_Concat(x, y));
    show("concat str", PySequence_Concat(x, S("a")));
    show("repeat 3", PySequence_Repeat(y, 3));
    show("repeat 0", PySequence_Repeat(y, 0));
    show("repeat -1", PySequence_Repeat(y, -1));
    show("item 1", PySequence_GetItem(x, 1));
    show("item -1", PySequence_GetItem(x, -1));
    show("item 9", PySequence_GetItem(x, 9));
    show_int("contains 108", PySequence_Contains(x, I(108)));
    show_int("contains 'll'", PySequence_Contains(x, PyBytes_FromString("ll")));
    show_int("contains 300", PySequence_Contains(x, I(300)));
    show_int("contains str", PySequence_Contains(x, S("l")));
    show("subscript 0", PyObject_GetItem(x, I(0)));
    show("subscript -6", PyObject_GetItem(x, I(-6)));
    show("subscript str", PyObject_GetItem(x, S("a")));
    PyObject *sl = PySlice_New(I(1), I(4), NULL);
    show("slice 1:4", PyObject_GetItem(x, sl));
    sl = PySlice_New(Py_None, Py_None, I(-2));
    show("slice ::-2", PyObject_GetItem(x, sl));
    sl = PySlice_New(Py_None, Py_None, Py_None);
    PyObject *whole = PyObject_GetItem(x, sl);
    printf("whole slice is self %d\n", whole == x);
    show("GetSlice 2:", PySequence_GetSlice(x, 2, 100));
    PyObject *it = PyObject_GetIter(x), *v;
    printf("iter type %s:", Py_TYPE(it)->tp_name);
    while ((v = PyIter_Next(it)) != NULL) {
        printf(" %ld", PyLong_AsLong(v));
        Py_DECREF(v);
    }
    printf("\n");

    /* Buffer protocol. */
    printf("CheckBuffer bytes %d int %d\n", PyObject_CheckBuffer(x), PyObject_CheckBuffer(Py_None));
    Py_buffer view;
    show_int("GetBuffer", PyObject_GetBuffer(x, &view, PyBUF_FULL_RO));
    printf("  len %zd ro %d itemsize %zd ndim %d fmt %s shape %zd stride %zd obj-ok %d\n", view.len,
           view.readonly, view.itemsize, view.ndim, view.format, view.shape[0], view.strides[0],
           view.obj == x);
    PyBuffer_Release(&view);
    printf("  obj after release %p\n", (void *)view.obj);
    show_int("GetBuffer writable", PyObject_GetBuffer(x, &view, PyBUF_WRITABLE));
    show_int("GetBuffer int", PyObject_GetBuffer(Py_None, &view, PyBUF_SIMPLE));
    char mem[3] = "ab";
    show_int("FillInfo", PyBuffer_FillInfo(&view, NULL, mem, 2, 0, PyBUF_SIMPLE));
    printf("  fmt %p shape %p len %zd\n", (void *)view.format, (void *)view.shape, view.len);
    PyBuffer_Release(&view);

    /* bytes(...) via the type. */
    PyObject *BT = (PyObject *)&PyBytes_Type;
    call_type("bytes()", BT, PyTuple_New(0), NULL);
    call_type("bytes(3)", BT, PyTuple_Pack(1, I(3)), NULL);
    call_type("bytes(-1)", BT, PyTuple_Pack(1, I(-1)), NULL);
    call_type("bytes(list)", BT, PyTuple_Pack(1, lst), NULL);
    call_type("bytes(str)", BT, PyTuple_Pack(1, S("a")), NULL);
    call_type("bytes(str,utf-8)", BT, PyTuple_Pack(2, S("h\xc3\xa9\xe2\x82\xac"), S("utf-8")), NULL);
    call_type("bytes(str,latin-1)", BT, PyTuple_Pack(2, S("h\xc3\xa9"), S("latin-1")), NULL);
    call_type("bytes(str,latin-1) euro", BT, PyTuple_Pack(2, S("h\xe2\x82\xac"), S("latin-1")), NULL);
    call_type("bytes(str,ascii)", BT, PyTuple_Pack(2, S("h\xc3\xa9"), S("ascii")), NULL);
    call_type("bytes(str,ascii,ignore)", BT, PyTuple_Pack(3, S("h\xc3\xa9"), S("ascii"), S("ignore")), NULL);
    call_type("bytes(str,ascii,replace)", BT, PyTuple_Pack(3, S("h\xc3\xa9"), S("ascii"), S("replace")), NULL);
    call_type("bytes(str,foo)", BT, PyTuple_Pack(2, S("h"), S("foo")), NULL);
    call_type("bytes(bytes,utf-8)", BT, PyTuple_Pack(2, x, S("utf-8")), NULL);
    call_type("bytes(1.5)", BT, PyTuple_Pack(1, PyFloat_FromDouble(1.5)), NULL);
    call_type("bytes(None)", BT, PyTuple_Pack(1, Py_None), NULL);
    call_type("bytes(4 args)", BT, PyTuple_Pack(4, x, x, x, x), NULL);
    PyObject *kw = PyDict_New();
    PyDict_SetItemString(kw, "x", I(1));
    call_type("bytes(x=1)", BT, PyTuple_New(0), kw);
    kw = PyDict_New();
    PyDict_SetItemString(kw, "errors", S("strict"));
    call_type("bytes(errors=)", BT, PyTuple_New(0), kw);
    kw = PyDict_New();
    PyDict_SetItemString(kw, "source", S("\xc3\xa9"));
    PyDict_SetItemString(kw, "encoding", S("utf8"));
    call_type("bytes(source=,encoding=)", BT, PyTuple_New(0), kw);

    Py_DECREF(x); Py_DECREF(y); Py_DECREF(h); Py_DECREF(b); Py_DECREF(lst); Py_DECREF(whole);
    Py_DECREF(it); Py_DECREF(plain);
    Py_FinalizeEx();
    Py_Initialize();
    show("after re-init", PyBytes_FromStringAndSize("q", 1));
    Py_FinalizeEx();
    return 0;
}
