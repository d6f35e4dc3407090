/* memoryview over exporters with struct formats other than native single characters
 * ('<i', '>h', '=q', '!H', '@d', '2h', 'hi', 'xB', '3s', '?', 'e', ...): comparisons by
 * unpacked values (also between different formats and with native views), CPython's errors
 * for item access, tolist and cast on such formats, and tolist of multi-dimensional views.
 * Expected output: CPython 3.11's. */
#define PY_SSIZE_T_CLEAN
#include "proto_util.h"

/* An exporter of fixed bytes with a given format, itemsize and shape (C-contiguous). */
typedef struct {
    PyObject_HEAD
    char data[64];
    Py_ssize_t len;
    const char *format;
    Py_ssize_t itemsize;
    int ndim;
    Py_ssize_t shape[3];
    Py_ssize_t strides[3];
} Exp;

static int exp_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    Exp *e = (Exp *)self;
    view->buf = e->data;
    view->obj = Py_NewRef(self);
    view->len = e->len;
    view->readonly = 0;
    view->itemsize = e->itemsize;
    view->format = (flags & PyBUF_FORMAT) ? (char *)e->format : NULL;
    view->ndim = e->ndim;
    view->shape = e->shape;
    view->strides = e->strides;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

static PyBufferProcs exp_as_buffer = {exp_getbuffer, NULL};
static PyTypeObject ExpType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "Exp",
    .tp_basicsize = sizeof(Exp),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_buffer = &exp_as_buffer,
};

/* A view of `n` bytes of `data` as `format` items of `itemsize` in shape (d0[, d1[, d2]]). */
static PyObject *view(const char *format, Py_ssize_t itemsize, const void *data, Py_ssize_t n,
                      int ndim, Py_ssize_t d0, Py_ssize_t d1, Py_ssize_t d2)
{
    Exp *e = PyObject_New(Exp, &ExpType);
    /* zeroed: a format wider than the itemsize reads past `n` (as CPython does) */
    memset(e->data, 0, sizeof e->data);
    memcpy(e->data, data, n);
    e->len = n;
    e->format = format;
    e->itemsize = itemsize;
    e->ndim = ndim;
    e->shape[0] = d0;
    e->shape[1] = d1;
    e->shape[2] = d2;
    Py_ssize_t stride = itemsize;
    for (int i = ndim - 1; i >= 0; i--) {
        e->strides[i] = stride;
        stride *= e->shape[i];
    }
    PyObject *m = PyMemoryView_FromObject((PyObject *)e);
    Py_DECREF(e);
    return m;
}

static PyObject *flat(const char *format, Py_ssize_t itemsize, const void *data, Py_ssize_t n)
{
    return view(format, itemsize, data, n, 1, n / itemsize, 0, 0);
}

/* Prints a == b and a != b (or the error). */
static void eq(const char *label, PyObject *a, PyObject *b)
{
    int r = PyObject_RichCompareBool(a, b, Py_EQ);
    if (r < 0)
        show_err(label);
    else
        printf("%s: == %d", label, r);
    r = PyObject_RichCompareBool(a, b, Py_NE);
    if (r < 0)
        show_err(" !=");
    else
        printf(", != %d\n", r);
}

int main(void)
{
    Py_Initialize();
    if (PyType_Ready(&ExpType) < 0)
        return 1;
    int32_t i3[3] = {1, -2, 300};
    unsigned char le[12], be[12];
    for (int k = 0; k < 3; k++) {
        uint32_t u = (uint32_t)i3[k];
        for (int b = 0; b < 4; b++) {
            le[k * 4 + b] = (unsigned char)(u >> (8 * b));
            be[k * 4 + 3 - b] = (unsigned char)(u >> (8 * b));
        }
    }
    PyObject *native = flat("i", 4, i3, 12);
    PyObject *little = flat("<i", 4, le, 12);
    PyObject *big = flat(">i", 4, be, 12);
    PyObject *net = flat("!i", 4, be, 12);
    PyObject *std = flat("=i", 4, le, 12);
    PyObject *at = flat("@i", 4, i3, 12);
    PyObject *wrong = flat(">i", 4, le, 12);
    show("little.format", PyObject_GetAttrString(little, "format"));
    eq("native == little", native, little);
    eq("little == big", little, big);
    eq("big == network", big, net);
    eq("little == std", little, std);
    eq("native == @i", native, at);
    eq("little == wrong-order", little, wrong);
    PyObject *little2 = flat("<i", 4, le, 12);
    eq("little == little2", little, little2);
    Py_DECREF(little2);
    PyObject *bytes = PyBytes_FromStringAndSize((const char *)le, 12);
    eq("little == bytes", little, bytes);
    Py_DECREF(bytes);

    /* item access, tolist, cast, setitem on a non-native format: CPython's errors */
    show("little[0]", PySequence_GetItem(little, 0));
    show("little.tolist()", PyObject_CallMethod(little, "tolist", NULL));
    show("little.cast('B')", PyObject_CallMethod(PyObject_CallMethod(little, "cast", "s", "B"), "tolist", NULL));
    show("cast('<i')", PyObject_CallMethod(native, "cast", "s", "<i"));
    show("cast('=i')", PyObject_CallMethod(native, "cast", "s", "=i"));
    show("cast('2i')", PyObject_CallMethod(native, "cast", "s", "2i"));
    show("cast('@i')", PyObject_CallMethod(PyObject_CallMethod(PyObject_CallMethod(native, "cast", "s", "B"), "cast", "s", "@i"), "tolist", NULL));
    PyObject *five = PyLong_FromLong(5);
    printf("little[0] = 5: %d\n", PyObject_SetItem(little, PyLong_FromLong(0), five));
    show_err("  error");
    Py_DECREF(five);
    show("little < big", PyObject_RichCompare(little, big, Py_LT));
    show("list(little)", PySequence_List(little));
    show("hash(little)", PyLong_FromSsize_t(PyObject_Hash(little)));

    /* every code, standard sizes, compared with a native view of the same values */
    struct { const char *native, *std; Py_ssize_t size; } codes[] = {
        {"b", "<b", 1}, {"B", ">B", 1}, {"h", "<h", 2}, {"H", "<H", 2}, {"i", "=i", 4}, {"I", "<I", 4},
        {"q", "<q", 8}, {"Q", "<Q", 8}, {"f", "<f", 4}, {"d", "<d", 8}, {"e", "<e", 2}, {"?", "<?", 1},
        {"c", "<c", 1},
    };
    unsigned char buf[16];
    for (unsigned k = 0; k < sizeof codes / sizeof codes[0]; k++) {
        for (int b = 0; b < 16; b++)
            buf[b] = (unsigned char)(0x41 + b * 7);
        PyObject *n = flat(codes[k].native, codes[k].size, buf, 2 * codes[k].size);
        PyObject *s = flat(codes[k].std, codes[k].size, buf, 2 * codes[k].size);
        char label[64];
        snprintf(label, sizeof label, "%s vs %s", codes[k].native, codes[k].std);
        eq(label, n, s);
        Py_DECREF(n);
        Py_DECREF(s);
    }
    /* l, L, n, N, P: native only (8 bytes); '<l' is 4 bytes */
    int64_t l2[2] = {-5, 7};
    int32_t l4[4] = {-5, 7};
    PyObject *ln = flat("l", 8, l2, 16), *ls = flat("<l", 4, l4, 8), *qn = flat("q", 8, l2, 16);
    eq("l vs <l", ln, ls);
    eq("l vs q", ln, qn);
    PyObject *nn = flat("n", 8, l2, 16), *pn = flat("P", 8, l2, 16), *NN = flat("N", 8, l2, 16);
    eq("n vs l", nn, ln);
    eq("P vs N", pn, NN);
    eq("N vs l", NN, ln);
    Py_DECREF(ln); Py_DECREF(ls); Py_DECREF(qn); Py_DECREF(nn); Py_DECREF(pn); Py_DECREF(NN);

    /* floats: NaN is never equal, -0.0 == 0.0, float vs int */
    double dn[2] = {0.0 / 0.0, -0.0};
    PyObject *dnan = flat("d", 8, dn, 16), *dnan2 = flat("<d", 8, dn, 16);
    eq("nan d vs <d", dnan, dnan2);
    PyObject *dnan3 = flat("d", 8, dn, 16);
    eq("nan d vs d", dnan, dnan3);
    Py_DECREF(dnan3);
    double d1[2] = {1.0, 2.0};
    int16_t h1[2] = {1, 2};
    PyObject *dd = flat("<d", 8, d1, 16), *hh = flat("<h", 2, h1, 4);
    eq("<d vs <h", dd, hh);
    Py_DECREF(dnan); Py_DECREF(dnan2); Py_DECREF(dd); Py_DECREF(hh);

    /* multi-item struct formats compare as tuples */
    int16_t pair[4] = {1, 2, 3, 4};
    PyObject *p2 = flat("2h", 4, pair, 8), *p2b = flat("<hh", 4, pair, 8), *p2c = flat("hh", 4, pair, 8);
    eq("2h vs <hh", p2, p2b);
    eq("2h vs hh", p2, p2c);
    PyObject *hflat = flat("h", 2, pair, 8);
    eq("2h vs h", p2, hflat);
    show("2h[0]", PySequence_GetItem(p2, 0));
    show("2h.tolist()", PyObject_CallMethod(p2, "tolist", NULL));
    Py_DECREF(p2); Py_DECREF(p2b); Py_DECREF(p2c); Py_DECREF(hflat);
    /* padding and strings */
    unsigned char sx[8] = {'a', 'b', 'c', 9, 'x', 'y', 'z', 8};
    PyObject *s3 = flat("3sB", 4, sx, 8), *s3b = flat("<3sB", 4, sx, 8), *x3 = flat("3xB", 4, sx, 8);
    PyObject *c4 = flat("ccc?", 4, sx, 8), *p4 = flat("4p", 4, sx, 8);
    eq("3sB vs <3sB", s3, s3b);
    eq("3sB vs 3xB", s3, x3);
    eq("3xB vs 3xB", x3, x3);
    eq("ccc? vs 3sB", c4, s3);
    PyObject *p4b = flat("<4p", 4, sx, 8), *s3c = flat("3s1x", 4, sx, 8);
    eq("4p vs <4p", p4, p4b);
    eq("3sB vs 3s1x", s3, s3c);
    Py_DECREF(p4b); Py_DECREF(s3c);
    Py_DECREF(s3); Py_DECREF(s3b); Py_DECREF(x3); Py_DECREF(c4); Py_DECREF(p4);
    /* native alignment: 'bi' is 8 bytes natively, 5 in standard sizes */
    unsigned char al[8] = {1, 0, 0, 0, 2, 0, 0, 0};
    unsigned char al5[10] = {1, 2, 0, 0, 0, 3, 4, 0, 0, 0};
    PyObject *bi = flat("bi", 8, al, 8), *bi5 = flat("<bi", 5, al5, 10);
    show("bi.nbytes", PyObject_GetAttrString(bi, "nbytes"));
    PyObject *bi2 = flat("@bi", 8, al, 8), *bi6 = flat("<bi", 5, al5, 5), *bi7 = flat("b3xi", 8, al, 8);
    eq("bi vs @bi", bi, bi2);
    eq("bi vs <bi one", bi, bi6);
    eq("bi vs b3xi", bi, bi7);
    Py_DECREF(bi2); Py_DECREF(bi6); Py_DECREF(bi7);
    eq("bi vs <bi", bi, bi5);
    Py_DECREF(bi); Py_DECREF(bi5);

    /* bad formats: itemsize mismatch, unknown codes, native-only codes in standard mode */
    PyObject *bad1 = flat("<i", 2, le, 12), *bad2 = flat("<y", 4, le, 12), *bad3 = flat("<n", 8, le, 8);
    PyObject *bad4 = flat("i", 2, le, 12);
    PyObject *bad1b = flat("<i", 2, le, 12), *bad2b = flat("<y", 4, le, 12), *bad3b = flat("<n", 8, le, 8);
    PyObject *bad4b = flat("i", 2, le, 12), *bad4c = flat("h", 2, le, 12), *bad5 = flat("", 1, le, 12);
    PyObject *bad6 = flat("3z", 4, le, 12), *bad6b = flat("3z", 4, le, 12), *bytesv = flat("B", 1, le, 12);
    /* (a format longer than the itemsize raises struct.error, which ferropy lacks) */
    eq("unknown code", bad2, bad2b);
    eq("<n", bad3, bad3b);
    eq("unknown vs little", bad2, little);
    eq("native itemsize mismatch", bad4, bad4b);
    eq("empty format vs B", bad5, bytesv);
    eq("3z vs 3z", bad6, bad6b);
    show("bad2.format", PyObject_GetAttrString(bad2, "format"));
    show("bad2.tolist", PyObject_CallMethod(bad2, "tolist", NULL));
    show("bad5.tolist", PyObject_CallMethod(bad5, "tolist", NULL));
    Py_DECREF(bad1); Py_DECREF(bad2); Py_DECREF(bad3); Py_DECREF(bad4);
    Py_DECREF(bad1b); Py_DECREF(bad2b); Py_DECREF(bad3b); Py_DECREF(bad4b); Py_DECREF(bad4c);
    Py_DECREF(bad5); Py_DECREF(bad6); Py_DECREF(bad6b); Py_DECREF(bytesv);

    /* multi-dimensional tolist and comparisons */
    int16_t m6[6] = {1, 2, 3, 4, 5, 6};
    PyObject *m23 = view("h", 2, m6, 12, 2, 2, 3, 0);
    PyObject *m32 = view("h", 2, m6, 12, 2, 3, 2, 0);
    PyObject *m123 = view("h", 2, m6, 12, 3, 1, 2, 3);
    PyObject *m23l = view("<h", 2, m6, 12, 2, 2, 3, 0);
    show("2x3 tolist", PyObject_CallMethod(m23, "tolist", NULL));
    show("3x2 tolist", PyObject_CallMethod(m32, "tolist", NULL));
    show("1x2x3 tolist", PyObject_CallMethod(m123, "tolist", NULL));
    show("2x3 shape", PyObject_GetAttrString(m23, "shape"));
    eq("2x3 vs 3x2", m23, m32);
    eq("2x3 vs <h 2x3", m23, m23l);
    show("<h 2x3 tolist", PyObject_CallMethod(m23l, "tolist", NULL));
    show("2x3 cast 1-d", PyObject_CallMethod(PyObject_CallMethod(m23, "cast", "s", "B"), "tolist", NULL));
    PyObject *flatv = PyObject_CallMethod(m23, "cast", "s", "B");
    show("B -> h [3,2]", PyObject_CallMethod(PyObject_CallMethod(flatv, "cast", "s(ii)", "h", 3, 2), "tolist", NULL));
    Py_DECREF(flatv);
    uint8_t zero[1] = {0};
    PyObject *m0 = view("B", 1, zero, 0, 2, 0, 3, 0);
    show("0x3 tolist", PyObject_CallMethod(m0, "tolist", NULL));
    Py_DECREF(m0);
    Py_DECREF(m23); Py_DECREF(m32); Py_DECREF(m123); Py_DECREF(m23l);

    Py_DECREF(native); Py_DECREF(little); Py_DECREF(big); Py_DECREF(net); Py_DECREF(std);
    Py_DECREF(at); Py_DECREF(wrong);
    Py_FinalizeEx();
    return 0;
}
