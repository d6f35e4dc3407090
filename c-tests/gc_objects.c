/* GC objects (objimpl.h) in an initialized interpreter, as CPython requires: the
 * PyGC_Head of two words right before the object, PyObject_GC_New/NewVar/Resize/Del,
 * and PyObject_GC_Track/UnTrack linking objects into the generation-0 list, observed
 * through the headers' links (the list's other members differ between implementations,
 * so only relations are printed). Compared with CPython's output in the same run. */
#include <Python.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    PyObject *child;
} GObj;

typedef struct {
    PyObject_VAR_HEAD
    long items[1];
} GVar;

static int deallocs;

static int
g_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((GObj *)op)->child);
    return 0;
}

static void
g_dealloc(PyObject *op)
{
    deallocs++;
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((GObj *)op)->child);
    PyObject_GC_Del(op);
}

static PyTypeObject G_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gc_objects.G",
    .tp_basicsize = sizeof(GObj),
    .tp_dealloc = g_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = g_traverse,
    .tp_free = PyObject_GC_Del,
};

static PyTypeObject GVar_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gc_objects.GVar",
    .tp_basicsize = offsetof(GVar, items),
    .tp_itemsize = sizeof(long),
    .tp_dealloc = g_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = g_traverse,
};

/* Instances carry the VM-managed dict and values pointers before the GC header. */
static PyTypeObject Managed_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gc_objects.Managed",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MANAGED_DICT,
    .tp_traverse = g_traverse,
};

static int never_gc(PyObject *op) { return 0; }

/* A GC type whose tp_is_gc excludes its instances (as static type objects are). */
static PyTypeObject NotGC_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gc_objects.NotGC",
    .tp_basicsize = sizeof(GObj),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = g_traverse,
    .tp_is_gc = never_gc,
};

static PyTypeObject Plain_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gc_objects.Plain",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* The object domain, spied on. */
static PyMemAllocatorEx orig;
static size_t last_size;
static void *last_block, *last_freed;

static void *spy_malloc(void *c, size_t n) { last_size = n; return last_block = orig.malloc(orig.ctx, n); }
static void *spy_calloc(void *c, size_t n, size_t s) { last_size = n * s; return last_block = orig.calloc(orig.ctx, n, s); }
static void *spy_realloc(void *c, void *p, size_t n) { last_size = n; return last_block = orig.realloc(orig.ctx, p, n); }
static void spy_free(void *c, void *p) { last_freed = p; orig.free(orig.ctx, p); }

/* The GC header's two words: _gc_next, _gc_prev (low two bits of _gc_prev are flags). */
static uintptr_t *hdr(void *op) { return (uintptr_t *)op - 2; }
static uintptr_t next_of(void *op) { return hdr(op)[0]; }
static uintptr_t prev_of(void *op) { return hdr(op)[1] & ~(uintptr_t)3; }
static uintptr_t *word(uintptr_t addr) { return (uintptr_t *)addr; }

int main(void)
{
    Py_Initialize();
    PyMemAllocatorEx spy = {NULL, spy_malloc, spy_calloc, spy_realloc, spy_free};
    PyMem_GetAllocator(PYMEM_DOMAIN_OBJ, &orig);
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &spy);

    printf("== PyObject_GC_New\n");
    GObj *a = PyObject_GC_New(GObj, &G_Type);
    printf("asked %zu for basicsize %zd; object %zd bytes into the block\n", last_size,
           G_Type.tp_basicsize, (char *)a - (char *)last_block);
    a->child = NULL;
    printf("refcnt %zd, type %d, header zeroed %d %d\n", Py_REFCNT(a), Py_TYPE(a) == &G_Type,
           hdr(a)[0] == 0, hdr(a)[1] == 0);
    printf("IS_GC %d, tracked %d, finalized %d\n", PyObject_IS_GC((PyObject *)a),
           PyObject_GC_IsTracked((PyObject *)a), PyObject_GC_IsFinalized((PyObject *)a));
    GObj *b = PyObject_GC_New(GObj, &G_Type);
    b->child = NULL;
    Py_INCREF(b);

    printf("== tracking links into generation 0\n");
    PyObject_GC_Track(a);
    uintptr_t before_a = prev_of(a);
    printf("a tracked %d; a is after the old last: old last's next is a %d\n",
           PyObject_GC_IsTracked((PyObject *)a), word(before_a)[0] == (uintptr_t)hdr(a));
    uintptr_t list_head = next_of(a);
    printf("a is last: the list head's prev is a %d\n", word(list_head)[1] == (uintptr_t)hdr(a));
    PyObject_GC_Track(b);
    printf("b after a: a.next is b %d, b.prev is a %d, b.next is the head %d, head.prev is b %d\n",
           next_of(a) == (uintptr_t)hdr(b), prev_of(b) == (uintptr_t)hdr(a),
           next_of(b) == list_head, word(list_head)[1] == (uintptr_t)hdr(b));

    printf("== finalized bit\n");
    hdr(a)[1] |= 1;
    printf("finalized %d, still tracked %d, b.prev unaffected %d\n",
           PyObject_GC_IsFinalized((PyObject *)a), PyObject_GC_IsTracked((PyObject *)a),
           prev_of(b) == (uintptr_t)hdr(a));

    printf("== untracking unlinks\n");
    PyObject_GC_UnTrack(a);
    printf("a untracked %d, header next %zu, prev word keeps only the finalized bit %d\n",
           !PyObject_GC_IsTracked((PyObject *)a), (size_t)hdr(a)[0], hdr(a)[1] == 1);
    printf("b.prev is a's old prev %d, which points on to b %d\n", prev_of(b) == before_a,
           word(before_a)[0] == (uintptr_t)hdr(b));
    PyObject_GC_UnTrack(a);
    printf("untracking twice is harmless: %d\n", !PyObject_GC_IsTracked((PyObject *)a));
    PyObject_GC_Track(a);
    printf("re-tracked a is last and keeps its finalized bit: %d %d\n",
           word(list_head)[1] == (uintptr_t)hdr(a), PyObject_GC_IsFinalized((PyObject *)a));

    printf("== deallocation\n");
    a->child = (PyObject *)b;   /* a owns b now */
    void *a_block = hdr(a);
    void *b_block = hdr(b);
    Py_DECREF(b);
    printf("b kept alive by a: deallocs %d, b tracked %d\n", deallocs,
           PyObject_GC_IsTracked((PyObject *)b));
    last_freed = NULL;
    Py_DECREF(a);
    printf("a's dealloc frees b first, then a: deallocs %d, last block freed is a's %d\n",
           deallocs, last_freed == a_block);
    (void)b_block;

    printf("== PyObject_GC_NewVar and Resize\n");
    GVar *v = PyObject_GC_NewVar(GVar, &GVar_Type, 3);
    printf("asked %zu for %zd + 3 * %zd; ob_size %zd, tracked %d\n", last_size,
           GVar_Type.tp_basicsize, GVar_Type.tp_itemsize, Py_SIZE(v),
           PyObject_GC_IsTracked((PyObject *)v));
    v->items[0] = 11;
    v->items[2] = 33;
    v = PyObject_GC_Resize(GVar, v, 1000);
    printf("resized: asked %zu, ob_size %zd, items kept %d, header at block start %d\n",
           last_size, Py_SIZE(v), v->items[0] == 11 && v->items[2] == 33,
           (void *)hdr(v) == last_block);
    v = PyObject_GC_Resize(GVar, v, 0);
    printf("shrunk: asked %zu, ob_size %zd\n", last_size, Py_SIZE(v));
    void *v_block = hdr(v);
    PyObject_GC_Del(v);
    printf("GC_Del frees the block with the header: %d\n", last_freed == v_block);
    GVar *e = PyObject_GC_NewVar(GVar, &GVar_Type, 0);
    printf("zero items: asked %zu, ob_size %zd\n", last_size, Py_SIZE(e));
    PyObject_GC_Del(e);

    printf("== managed-dict pre-header\n");
    PyObject *m = _PyObject_GC_New(&Managed_Type);
    printf("asked %zu for basicsize %zd; object %zd bytes into the block\n", last_size,
           Managed_Type.tp_basicsize, (char *)m - (char *)last_block);
    printf("dict and values pointers NULL: %d %d\n", ((PyObject **)m)[-3] == NULL,
           ((PyObject **)m)[-4] == NULL);
    PyObject_GC_Track(m);
    printf("tracked %d\n", PyObject_GC_IsTracked(m));
    void *m_block = last_block;
    PyObject_GC_UnTrack(m);
    PyObject_GC_Del(m);
    printf("GC_Del frees from the block start: %d\n", last_freed == m_block);

    printf("== PyType_GenericAlloc\n");
    GObj *ga = (GObj *)PyType_GenericAlloc(&G_Type, 0);
    printf("asked %zu; zeroed %d, refcnt %zd, tracked %d, last in generation 0 %d\n", last_size,
           ga->child == NULL, Py_REFCNT(ga), PyObject_GC_IsTracked((PyObject *)ga),
           word(next_of(ga))[1] == (uintptr_t)hdr(ga));
    GVar *gv = (GVar *)PyType_GenericAlloc(&GVar_Type, 2);
    printf("var: asked %zu (one spare item), ob_size %zd, items zeroed %d, tracked %d\n",
           last_size, Py_SIZE(gv), gv->items[0] == 0 && gv->items[2] == 0,
           PyObject_GC_IsTracked((PyObject *)gv));
    PyObject_GC_UnTrack(gv);
    PyObject_GC_Del(gv);
    Py_DECREF(ga);
    printf("deallocated: deallocs %d\n", deallocs);

    printf("== objects that are not GC\n");
    GObj *n = PyObject_GC_New(GObj, &NotGC_Type);
    printf("tp_is_gc says no: IS_GC %d, tracked %d, finalized %d\n", PyObject_IS_GC((PyObject *)n),
           PyObject_GC_IsTracked((PyObject *)n), PyObject_GC_IsFinalized((PyObject *)n));
    PyObject_GC_Del(n);
    PyObject *p = PyObject_New(PyObject, &Plain_Type);
    printf("plain object: IS_GC %d, tracked %d, finalized %d\n", PyObject_IS_GC(p),
           PyObject_GC_IsTracked(p), PyObject_GC_IsFinalized(p));
    PyObject_Free(p);

    printf("== bad arguments\n");
    printf("GC_NewVar(-1): NULL %d\n", PyObject_GC_NewVar(GVar, &GVar_Type, -1) == NULL);
    printf("Init(NULL): NULL %d\n", PyObject_Init(NULL, &G_Type) == NULL);
    printf("InitVar(NULL): NULL %d\n", PyObject_InitVar(NULL, &GVar_Type, 1) == NULL);

    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &orig);
    printf("finalize: %d\n", Py_FinalizeEx());
    return 0;
}
