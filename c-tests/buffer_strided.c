/* An extension type exporting a 2-D int32 buffer with strides (a 3x4 window of a 3x8
 * array, or its Fortran-ordered transpose), and the buffer C-API over it: request flags
 * and their errors, PyBuffer_IsContiguous/GetPointer/ToContiguous/FromContiguous/
 * FillContiguousStrides/SizeFromFormat, PyObject_CopyData; memoryview over it: shape,
 * strides, contiguity, indexing, slicing, tolist, tobytes orders, equality, casts that
 * need contiguity, GetContiguous copies. Expected output: CPython 3.11's. */
#define PY_SSIZE_T_CLEAN
#include "proto_util.h"

typedef struct {
    PyObject_HEAD
    int data[3][8];
    Py_ssize_t shape[2];
    Py_ssize_t strides[2];
    int fortran;      /* export a Fortran-contiguous 4x3 transpose of the first 4 columns */
    int exports;
} Grid;

static int grid_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    Grid *g = (Grid *)self;
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES) {
        PyErr_SetString(PyExc_BufferError, "Grid: strides required");
        return -1;
    }
    if (g->fortran) {
        g->shape[0] = 4; g->shape[1] = 3;
        g->strides[0] = sizeof(int); g->strides[1] = 8 * sizeof(int);
    } else {
        g->shape[0] = 3; g->shape[1] = 4;
        g->strides[0] = 8 * sizeof(int); g->strides[1] = sizeof(int);
    }
    view->buf = &g->data[0][0];
    view->obj = Py_NewRef(self);
    view->len = 12 * sizeof(int);
    view->itemsize = sizeof(int);
    view->readonly = 0;
    view->ndim = 2;
    view->format = (flags & PyBUF_FORMAT) ? "i" : NULL;
    view->shape = g->shape;
    view->strides = g->strides;
    view->suboffsets = NULL;
    view->internal = NULL;
    g->exports++;
    return 0;
}

static void grid_releasebuffer(PyObject *self, Py_buffer *view)
{
    (void)view;
    ((Grid *)self)->exports--;
}

static PyBufferProcs grid_as_buffer = {grid_getbuffer, grid_releasebuffer};

static PyTypeObject Grid_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "Grid",
    .tp_basicsize = sizeof(Grid),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_buffer = &grid_as_buffer,
    .tp_new = PyType_GenericNew,
};

static PyObject *new_grid(int fortran)
{
    Grid *g = (Grid *)PyObject_CallNoArgs((PyObject *)&Grid_Type);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 8; j++)
            g->data[i][j] = i * 10 + j;
    g->fortran = fortran;
    return (PyObject *)g;
}

static void attrs(const char *label, PyObject *m)
{
    const char *names[] = {"format", "itemsize", "nbytes", "ndim", "shape", "strides",
                           "c_contiguous", "f_contiguous", "contiguous", "readonly"};
    printf("%s:", label);
    for (int i = 0; i < 10; i++) {
        PyObject *v = PyObject_GetAttrString(m, names[i]);
        printf(" %s=", names[i]);
        if (v) { PyObject_Print(v, stdout, 0); Py_DECREF(v); } else show_err("");
    }
    printf("\n");
}

static void print_ints(const char *label, const int *p, int n)
{
    printf("%s:", label);
    for (int i = 0; i < n; i++) printf(" %d", p[i]);
    printf("\n");
}

int main(void)
{
    Py_Initialize();
    if (PyType_Ready(&Grid_Type) < 0) return 1;
    PyObject *g = new_grid(0), *f = new_grid(1);
    Py_buffer v;

    /* request flags */
    printf("CheckBuffer: %d %d\n", PyObject_CheckBuffer(g), PyObject_CheckBuffer(Py_None));
    printf("GetBuffer(SIMPLE): %d\n", PyObject_GetBuffer(g, &v, PyBUF_SIMPLE));
    show_err("GetBuffer(SIMPLE)");
    printf("GetBuffer(None): %d\n", PyObject_GetBuffer(Py_None, &v, PyBUF_SIMPLE));
    show_err("GetBuffer(None)");
    printf("GetBuffer(bytes, WRITABLE): %d\n", PyObject_GetBuffer(PyBytes_FromString("x"), &v, PyBUF_WRITABLE));
    show_err("GetBuffer(bytes, WRITABLE)");
    int r = PyObject_GetBuffer(g, &v, PyBUF_FULL);
    printf("GetBuffer(FULL): %d ndim %d len %zd format %s exports %d\n", r, v.ndim, v.len, v.format, ((Grid *)g)->exports);
    printf("IsContiguous C/F/A: %d %d %d\n", PyBuffer_IsContiguous(&v, 'C'), PyBuffer_IsContiguous(&v, 'F'), PyBuffer_IsContiguous(&v, 'A'));
    Py_ssize_t idx[2] = {2, 3};
    printf("GetPointer(2,3): %d\n", *(int *)PyBuffer_GetPointer(&v, idx));
    int out[12];
    printf("ToContiguous C: %d\n", PyBuffer_ToContiguous(out, &v, v.len, 'C'));
    print_ints("  C", out, 12);
    printf("ToContiguous F: %d\n", PyBuffer_ToContiguous(out, &v, v.len, 'F'));
    print_ints("  F", out, 12);
    printf("ToContiguous A: %d\n", PyBuffer_ToContiguous(out, &v, v.len, 'A'));
    print_ints("  A", out, 12);
    printf("ToContiguous short len: %d\n", PyBuffer_ToContiguous(out, &v, 4, 'C'));
    show_err("ToContiguous short len");
    int in[12];
    for (int i = 0; i < 12; i++) in[i] = 100 + i;
    printf("FromContiguous F: %d\n", PyBuffer_FromContiguous(&v, in, sizeof in, 'F'));
    PyBuffer_ToContiguous(out, &v, v.len, 'C');
    print_ints("  after (C order)", out, 12);
    printf("FromContiguous C, 5 ints: %d\n", PyBuffer_FromContiguous(&v, in, 5 * sizeof(int), 'C'));
    PyBuffer_ToContiguous(out, &v, v.len, 'C');
    print_ints("  after (C order)", out, 12);
    print_ints("  untouched columns", &((Grid *)g)->data[0][4], 4);
    PyBuffer_Release(&v);
    printf("exports after release: %d\n", ((Grid *)g)->exports);

    r = PyObject_GetBuffer(f, &v, PyBUF_RECORDS);
    printf("Fortran grid: %d IsContiguous C/F/A: %d %d %d\n", r, PyBuffer_IsContiguous(&v, 'C'), PyBuffer_IsContiguous(&v, 'F'), PyBuffer_IsContiguous(&v, 'A'));
    PyBuffer_Release(&v);

    Py_ssize_t shape3[3] = {2, 3, 4}, strides3[3];
    PyBuffer_FillContiguousStrides(3, shape3, strides3, 8, 'C');
    printf("FillContiguousStrides C: %zd %zd %zd\n", strides3[0], strides3[1], strides3[2]);
    PyBuffer_FillContiguousStrides(3, shape3, strides3, 8, 'F');
    printf("FillContiguousStrides F: %zd %zd %zd\n", strides3[0], strides3[1], strides3[2]);
    const char *formats[] = {"B", "i", "3h", "@bi", "=bi", "<q", "d", "?", "2s", "xxH", "P"};
    for (int i = 0; i < 11; i++)
        printf("SizeFromFormat(%s): %zd\n", formats[i], PyBuffer_SizeFromFormat(formats[i]));

    /* PyObject_CopyData between same-shaped views (CPython indexes the destination with
     * the source's indices, so other shapes write out of bounds there) */
    PyObject *dst = PyByteArray_FromStringAndSize(NULL, 48);
    memset(PyByteArray_AS_STRING(dst), 0, 48);
    PyObject *dsti = PyObject_CallMethod(PyMemoryView_FromObject(dst), "cast", "s(ii)", "i", 3, 4);
    printf("CopyData(bytearray as 'i' 3x4, grid): %d\n", PyObject_CopyData(dsti, g));
    print_ints("  dst", (int *)PyByteArray_AS_STRING(dst), 12);
    for (int i = 0; i < 12; i++) ((int *)PyByteArray_AS_STRING(dst))[i] = -i;
    printf("CopyData(grid, bytearray as 'i' 3x4): %d\n", PyObject_CopyData(g, dsti));
    Py_DECREF(dsti);
    print_ints("  grid row 1", &((Grid *)g)->data[1][0], 8);
    printf("CopyData(bytes, grid): %d\n", PyObject_CopyData(PyBytes_FromString("x"), g));
    show_err("CopyData(bytes, grid)");
    printf("CopyData(small, grid): %d\n", PyObject_CopyData(PyByteArray_FromStringAndSize("abc", 3), g));
    show_err("CopyData(small, grid)");
    printf("CopyData(None, grid): %d\n", PyObject_CopyData(Py_None, g));
    show_err("CopyData(None, grid)");

    /* memoryview over the strided exporter */
    PyObject *m = PyMemoryView_FromObject(g);
    attrs("memoryview(grid)", m);
    printf("obj is grid: %d, exports: %d\n", PyMemoryView_GET_BASE(m) == g, ((Grid *)g)->exports);
    show("tolist", PyObject_CallMethod(m, "tolist", NULL));
    show("m[1, 2]", PyObject_GetItem(m, Py_BuildValue("(ii)", 1, 2)));
    show("m[2, -1]", PyObject_GetItem(m, Py_BuildValue("(ii)", 2, -1)));
    show("m[3, 0]", PyObject_GetItem(m, Py_BuildValue("(ii)", 3, 0)));
    show("m[0]", PySequence_GetItem(m, 0));
    PyObject *s = PyObject_GetItem(m, PySlice_New(NULL, NULL, PyLong_FromLong(2)));
    attrs("m[::2]", s);
    show("m[::2].tolist()", PyObject_CallMethod(s, "tolist", NULL));
    show("tobytes C == bytes(m)", PyBool_FromLong(PyObject_RichCompareBool(PyObject_CallMethod(m, "tobytes", NULL), PyObject_Bytes(m), Py_EQ)));
    show("tobytes F cast to i", PyObject_CallMethod(PyObject_CallMethod(PyMemoryView_FromObject(PyObject_CallMethod(m, "tobytes", "s", "F")), "cast", "s", "i"), "tolist", NULL));
    show("cast('B')", PyObject_CallMethod(m, "cast", "s", "B"));
    show("hash (writable)", PyObject_Hash(m) == -1 ? NULL : Py_NewRef(Py_None));
    show("m == m", PyObject_RichCompare(m, m, Py_EQ));
    PyObject *copy = PyMemoryView_GetContiguous(g, PyBUF_READ, 'C');
    attrs("GetContiguous(grid, C)", copy);
    show("m == copy", PyObject_RichCompare(m, copy, Py_EQ));
    show("copy.tolist()", PyObject_CallMethod(copy, "tolist", NULL));
    show("m == memoryview(f)", PyObject_RichCompare(m, PyMemoryView_FromObject(f), Py_EQ));
    PyObject *copyf = PyMemoryView_GetContiguous(g, PyBUF_READ, 'F');
    attrs("GetContiguous(grid, F)", copyf);
    show("copyF.tolist()", PyObject_CallMethod(copyf, "tolist", NULL));
    show("GetContiguous(grid, WRITE)", PyMemoryView_GetContiguous(g, PyBUF_WRITE, 'C'));
    PyObject *mf = PyMemoryView_FromObject(f);
    attrs("memoryview(fortran grid)", mf);
    show("fortran tobytes('A') as ints", PyObject_CallMethod(PyObject_CallMethod(PyMemoryView_FromObject(PyObject_CallMethod(mf, "tobytes", "s", "A")), "cast", "s", "i"), "tolist", NULL));
    show("m[1, 1] = 7", PyLong_FromLong(PyObject_SetItem(m, Py_BuildValue("(ii)", 1, 1), PyLong_FromLong(7))));
    printf("grid[1][1] = %d\n", ((Grid *)g)->data[1][1]);
    show("m[1, 1] = 2**40", PyObject_SetItem(m, Py_BuildValue("(ii)", 1, 1), PyLong_FromLongLong(1LL << 40)) < 0 ? NULL : Py_NewRef(Py_None));
    PyObject *row = PyObject_GetItem(m, PySlice_New(PyLong_FromLong(1), PyLong_FromLong(2), NULL));
    show("m[1:2] = b'...'", PyObject_SetItem(m, PySlice_New(PyLong_FromLong(0), PyLong_FromLong(1), NULL), row) < 0 ? NULL : Py_NewRef(Py_None));
    show("release", PyObject_CallMethod(m, "release", NULL));
    Py_DECREF(row); Py_DECREF(s);
    printf("exports after memoryviews dropped: %d\n", ((Grid *)g)->exports);
    Py_DECREF(m); Py_DECREF(copy); Py_DECREF(copyf); Py_DECREF(mf); Py_DECREF(dst);
    Py_DECREF(g); Py_DECREF(f);
    Py_FinalizeEx();
    return 0;
}
