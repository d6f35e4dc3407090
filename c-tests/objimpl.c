/* Object allocation helpers of objimpl.h before any interpreter exists (CPython allows
 * these: they only touch memory and the header): PyObject_Init/InitVar on memory from
 * another allocator, PyObject_New/NewVar sized from tp_basicsize/tp_itemsize as
 * _PyObject_VAR_SIZE says (the object domain's hook sees the sizes), heap types increfed,
 * PyObject_Free as tp_free. Compared with CPython's output in the same run. */
#include <Python.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    long value;
} Obj;

typedef struct {
    PyObject_VAR_HEAD
    char data[1];
} VarObj;

static int deallocs;

static void
obj_dealloc(PyObject *op)
{
    deallocs++;
    Py_TYPE(op)->tp_free(op);
}

static PyTypeObject Obj_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "objimpl.Obj",
    .tp_basicsize = sizeof(Obj),
    .tp_dealloc = obj_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_free = PyObject_Del,
};

static PyTypeObject Var_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "objimpl.Var",
    .tp_basicsize = offsetof(VarObj, data),
    .tp_itemsize = 1,
    .tp_dealloc = obj_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_free = PyObject_Free,
};

/* Flagged as a heap type: its instances hold a reference to it. */
static PyTypeObject Heap_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "objimpl.Heap",
    .tp_basicsize = sizeof(Obj),
    .tp_dealloc = obj_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE,
    .tp_free = PyObject_Free,
};

/* Sees what the object domain is asked for. */
static PyMemAllocatorEx orig;
static size_t last_size;
static void *last_freed;
static int frees;

static void *
spy_malloc(void *ctx, size_t size)
{
    last_size = size;
    return orig.malloc(orig.ctx, size);
}

static void *
spy_calloc(void *ctx, size_t n, size_t s)
{
    last_size = n * s;
    return orig.calloc(orig.ctx, n, s);
}

static void *
spy_realloc(void *ctx, void *p, size_t size)
{
    last_size = size;
    return orig.realloc(orig.ctx, p, size);
}

static void
spy_free(void *ctx, void *p)
{
    frees++;
    last_freed = p;
    orig.free(orig.ctx, p);
}

int main(void)
{
    PyMemAllocatorEx spy = {NULL, spy_malloc, spy_calloc, spy_realloc, spy_free};
    PyMem_GetAllocator(PYMEM_DOMAIN_OBJ, &orig);
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &spy);

    printf("== PyObject_Init on malloc'd memory\n");
    Obj *o = malloc(sizeof(Obj));
    memset(o, 0xAB, sizeof(Obj));
    PyObject *r = PyObject_Init((PyObject *)o, &Obj_Type);
    printf("returns op %d, refcnt %zd, type %d, value untouched %d\n", r == (PyObject *)o,
           Py_REFCNT(o), Py_TYPE(o) == &Obj_Type, o->value == (long)0xABABABABABABABABUL);
    Py_SET_REFCNT(o, 5);
    PyObject_INIT(o, &Obj_Type);
    printf("PyObject_INIT resets refcnt: %zd\n", Py_REFCNT(o));
    free(o);

    VarObj *v = malloc(sizeof(VarObj) + 16);
    PyVarObject *rv = PyObject_InitVar((PyVarObject *)v, &Var_Type, 17);
    printf("InitVar: returns op %d, size %zd, refcnt %zd, type %d\n", rv == (PyVarObject *)v,
           Py_SIZE(v), Py_REFCNT(v), Py_TYPE(v) == &Var_Type);
    PyObject_INIT_VAR(v, &Var_Type, -3);
    printf("PyObject_INIT_VAR: size %zd\n", Py_SIZE(v));
    free(v);

    printf("== heap types are increfed\n");
    Py_SET_REFCNT(&Heap_Type, 1);
    Obj *h = malloc(sizeof(Obj));
    PyObject_Init((PyObject *)h, &Heap_Type);
    printf("after Init: type refcnt %zd\n", Py_REFCNT(&Heap_Type));
    Obj *h2 = PyObject_New(Obj, &Heap_Type);
    printf("after New: type refcnt %zd\n", Py_REFCNT(&Heap_Type));
    PyObject_Free(h2);
    free(h);
    Py_SET_REFCNT(&Obj_Type, 1);
    o = PyObject_New(Obj, &Obj_Type);
    printf("static type not increfed: %zd\n", Py_REFCNT(&Obj_Type));

    printf("== PyObject_New / NewVar sizes\n");
    printf("New: size %zu (basicsize %zd), refcnt %zd, type %d\n", last_size,
           Obj_Type.tp_basicsize, Py_REFCNT(o), Py_TYPE(o) == &Obj_Type);
    o->value = 42;
    Py_DECREF(o);
    printf("freed through tp_free: deallocs %d, freed the object %d\n", deallocs,
           last_freed == (void *)o);
    Py_ssize_t counts[] = {0, 1, 7, 8, 9, 100};
    Py_ssize_t itemsizes[] = {1, 2, 3, 8, 24};
    for (size_t i = 0; i < sizeof itemsizes / sizeof itemsizes[0]; i++) {
        Var_Type.tp_itemsize = itemsizes[i];
        printf("itemsize %zd:", itemsizes[i]);
        for (size_t j = 0; j < sizeof counts / sizeof counts[0]; j++) {
            last_size = 0;
            VarObj *x = PyObject_NewVar(VarObj, &Var_Type, counts[j]);
            if (x == NULL) {
                printf(" %zd->NULL", counts[j]);
                continue;
            }
            printf(" %zd->%zu", counts[j], last_size);
            if (Py_SIZE(x) != counts[j] || Py_REFCNT(x) != 1 || Py_TYPE(x) != &Var_Type)
                printf("(bad header)");
            if (counts[j] > 0)
                memset(x->data, 'x', counts[j] * itemsizes[i]);
            Py_DECREF(x);
        }
        printf("\n");
    }
    /* A negative count is not checked by CPython: the size just shrinks. */
    Var_Type.tp_itemsize = 1;
    VarObj *neg = PyObject_NewVar(VarObj, &Var_Type, -1);
    printf("NewVar(-1): size %zu, ob_size %zd\n", last_size, Py_SIZE(neg));
    Py_DECREF(neg);
    VarObj *big = PyObject_NEW_VAR(VarObj, &Var_Type, 1 << 20);
    printf("NEW_VAR of 1 MiB: size %zu, ob_size %zd\n", last_size, Py_SIZE(big));
    PyObject_DEL(big);

    printf("== PyObject_Calloc as object memory\n");
    o = PyObject_Calloc(1, sizeof(Obj));
    PyObject_Init((PyObject *)o, &Obj_Type);
    printf("value zeroed %d, refcnt %zd\n", o->value == 0, Py_REFCNT(o));
    Py_DECREF(o);
    printf("frees seen %d\n", frees);

    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &orig);
    return 0;
}
