/* Heap types from specs: PyType_FromSpec / FromSpecWithBases / FromModuleAndSpec with
 * every kind of slot (type, number, sequence, mapping, async, buffer), copied docs and
 * members, the special members __dictoffset__/__weaklistoffset__/__vectorcalloffset__,
 * names (tp_name, ht_name, ht_qualname, __module__, __doc__), bases (tuple, single type,
 * Py_tp_base, Py_tp_bases, a C static base, a heap base), flags, the type being a GC object,
 * instances keeping their type alive (subtype_dealloc), finalizers, tp_clear/dealloc of the
 * type itself, PyType_GetModule / GetModuleState / GetModuleByDef, and CPython's errors.
 * Reads names through the PEP 393 macros and _PyType_Lookup (no attribute access needed).
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <structmember.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void print_exception(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        printf("%s: no exception\n", what);
        return;
    }
    /* The value may be the message or an exception instance: print its str. */
    PyObject *msg = v ? PyObject_Str(v) : NULL;
    printf("%s: %s: %s\n", what, ((PyTypeObject *)t)->tp_name, msg ? ascii_text(msg) : "<no value>");
    Py_XDECREF(msg);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

static void expect_fail(const char *what, PyObject *r)
{
    if (r != NULL) {
        printf("%s: unexpected success (%s)\n", what, Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return;
    }
    print_exception(what);
}

/* A type attribute found along the MRO (borrowed), by name. */
static PyObject *lookup(PyObject *tp, const char *name)
{
    PyObject *n = PyUnicode_InternFromString(name);
    PyObject *r = _PyType_Lookup((PyTypeObject *)tp, n);
    Py_DECREF(n);
    return r;
}

#define FLAGS(tp) (((PyTypeObject *)(tp))->tp_flags & ~Py_TPFLAGS_VALID_VERSION_TAG)

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weak;
    PyObject *obj;
    long value;
    Py_ssize_t vc;
} ValObj;

static int finalized, custom_deallocs;

static PyObject *val_add(PyObject *a, PyObject *b) { (void)b; return Py_NewRef(a); }
static PyObject *val_neg(PyObject *a) { ((ValObj *)a)->value = -((ValObj *)a)->value; return Py_NewRef(a); }
static int val_bool(PyObject *a) { return ((ValObj *)a)->value != 0; }
static Py_ssize_t val_len(PyObject *a) { return ((ValObj *)a)->value; }
static PyObject *val_item(PyObject *a, Py_ssize_t i)
{
    if (i >= ((ValObj *)a)->value) {
        PyErr_SetString(PyExc_IndexError, "val index out of range");
        return NULL;
    }
    return Py_NewRef(a);
}
static int val_contains(PyObject *a, PyObject *b) { return a == b; }
static Py_ssize_t val_mplen(PyObject *a) { return 100 + ((ValObj *)a)->value; }
static PyObject *val_sub(PyObject *a, PyObject *k) { (void)k; return Py_NewRef(a); }
static PyObject *val_iter(PyObject *a) { return Py_NewRef(a); }
static PyObject *val_next(PyObject *a)
{
    ValObj *v = (ValObj *)a;
    if (v->value <= 0) return NULL;
    v->value--;
    return Py_NewRef(a);
}
static PyObject *val_richcmp(PyObject *a, PyObject *b, int op)
{
    PyObject *r = (op == Py_EQ) == (a == b) ? Py_True : Py_False;
    return Py_NewRef(r);
}
static Py_hash_t val_hash(PyObject *a) { return ((ValObj *)a)->value * 7; }
static PyObject *val_await(PyObject *a) { return Py_NewRef(a); }
static int val_getbuf(PyObject *a, Py_buffer *b, int f) { (void)a; (void)b; (void)f; return -1; }
static void val_finalize(PyObject *a) { (void)a; finalized++; }
static int val_traverse(PyObject *a, visitproc visit, void *arg)
{
    Py_VISIT(((ValObj *)a)->obj);
    Py_VISIT(Py_TYPE(a));
    return 0;
}
static int val_clear(PyObject *a) { Py_CLEAR(((ValObj *)a)->obj); return 0; }

static PyMemberDef val_members[] = {
    {"value", T_LONG, offsetof(ValObj, value), 0, "the value"},
    {"obj", T_OBJECT_EX, offsetof(ValObj, obj), 0, NULL},
    {"__dictoffset__", T_PYSSIZET, offsetof(ValObj, dict), READONLY},
    {"__weaklistoffset__", T_PYSSIZET, offsetof(ValObj, weak), READONLY},
    {"__vectorcalloffset__", T_PYSSIZET, offsetof(ValObj, vc), READONLY},
    {NULL}
};

static char val_doc[] = "Val(value)\n--\n\nA value type made from a spec.";

static PyType_Slot val_slots[] = {
    {Py_nb_add, val_add},
    {Py_nb_negative, val_neg},
    {Py_nb_bool, val_bool},
    {Py_sq_length, val_len},
    {Py_sq_item, val_item},
    {Py_sq_contains, val_contains},
    {Py_mp_length, val_mplen},
    {Py_mp_subscript, val_sub},
    {Py_tp_iter, val_iter},
    {Py_tp_iternext, val_next},
    {Py_tp_richcompare, val_richcmp},
    {Py_tp_hash, val_hash},
    {Py_am_await, val_await},
    {Py_bf_getbuffer, val_getbuf},
    {Py_tp_finalize, val_finalize},
    {Py_tp_members, val_members},
    {Py_tp_doc, val_doc},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL},
};

static PyType_Spec val_spec = {"pkg.mod.Val", sizeof(ValObj), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, val_slots};

static PyType_Slot gcval_slots[] = {
    {Py_tp_traverse, val_traverse},
    {Py_tp_clear, val_clear},
    {0, NULL},
};
static PyType_Spec gcval_spec = {"pkg.GcVal", sizeof(ValObj), 0,
                                 Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, gcval_slots};

static void custom_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    custom_deallocs++;
    tp->tp_free(self);
    Py_DECREF(tp);
}
static PyType_Slot custom_slots[] = {{Py_tp_dealloc, custom_dealloc}, {0, NULL}};

static void show_type(PyObject *t)
{
    PyTypeObject *tp = (PyTypeObject *)t;
    PyHeapTypeObject *ht = (PyHeapTypeObject *)t;
    PyObject *name = PyType_GetName(tp), *qual = PyType_GetQualName(tp);
    printf("  tp_name=%s __name__=%s __qualname__=%s ht_name=%s ht_qualname=%s\n", tp->tp_name,
           ascii_text(name), ascii_text(qual), ascii_text(ht->ht_name), ascii_text(ht->ht_qualname));
    Py_XDECREF(name);
    Py_XDECREF(qual);
    printf("  __module__=%s __doc__=%s\n", ascii_text(lookup(t, "__module__")), ascii_text(lookup(t, "__doc__")));
    printf("  flags=%#lx metatype=%s gc=%d tracked=%d\n", FLAGS(tp), Py_TYPE(t)->tp_name,
           PyObject_IS_GC(t), PyObject_GC_IsTracked(t));
    printf("  basicsize=%zd itemsize=%zd base=%s bases=%zd mro=", tp->tp_basicsize, tp->tp_itemsize,
           tp->tp_base ? tp->tp_base->tp_name : "NULL", PyTuple_GET_SIZE(tp->tp_bases));
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tp->tp_mro); i++)
        printf("%s%s", i ? "," : "", ((PyTypeObject *)PyTuple_GET_ITEM(tp->tp_mro, i))->tp_name);
    printf("\n");
}

static void slots_of_val(PyObject *t)
{
    PyTypeObject *tp = (PyTypeObject *)t;
    printf("  slots: add=%d neg=%d bool=%d sq_len=%d sq_item=%d contains=%d mp_len=%d mp_sub=%d\n",
           PyType_GetSlot(tp, Py_nb_add) == (void *)val_add,
           tp->tp_as_number->nb_negative == val_neg,
           PyType_GetSlot(tp, Py_nb_bool) == (void *)val_bool,
           tp->tp_as_sequence->sq_length == val_len,
           PyType_GetSlot(tp, Py_sq_item) == (void *)val_item,
           tp->tp_as_sequence->sq_contains == val_contains,
           tp->tp_as_mapping->mp_length == val_mplen,
           PyType_GetSlot(tp, Py_mp_subscript) == (void *)val_sub);
    printf("  iter=%d next=%d richcmp=%d hash=%d await=%d getbuf=%d finalize=%d new=%d nb_sub=%p\n",
           tp->tp_iter == val_iter, tp->tp_iternext == val_next, tp->tp_richcompare == val_richcmp,
           tp->tp_hash == val_hash, tp->tp_as_async->am_await == val_await,
           tp->tp_as_buffer->bf_getbuffer == val_getbuf, tp->tp_finalize == val_finalize,
           tp->tp_new == PyType_GenericNew, PyType_GetSlot(tp, Py_nb_subtract));
    printf("  suites inline: %d %d %d %d %d\n",
           (char *)tp->tp_as_number == (char *)&((PyHeapTypeObject *)t)->as_number,
           (char *)tp->tp_as_sequence == (char *)&((PyHeapTypeObject *)t)->as_sequence,
           (char *)tp->tp_as_mapping == (char *)&((PyHeapTypeObject *)t)->as_mapping,
           (char *)tp->tp_as_async == (char *)&((PyHeapTypeObject *)t)->as_async,
           (char *)tp->tp_as_buffer == (char *)&((PyHeapTypeObject *)t)->as_buffer);
}

static void test_val(void)
{
    printf("-- Val\n");
    PyObject *t = PyType_FromSpec(&val_spec);
    if (t == NULL) { print_exception("FromSpec"); return; }
    PyTypeObject *tp = (PyTypeObject *)t;
    /* The doc is copied: changing the spec's buffer afterwards changes nothing. */
    val_doc[0] = 'X';
    printf("  refcnt>=2: %d tp_doc=[%s] copied=%d\n", Py_REFCNT(t) >= 2, tp->tp_doc, tp->tp_doc != val_doc);
    val_doc[0] = 'V';
    show_type(t);
    slots_of_val(t);
    printf("  offsets: dict=%zd weaklist=%zd vectorcall=%zd\n", tp->tp_dictoffset,
           tp->tp_weaklistoffset, tp->tp_vectorcall_offset);
    printf("  members copied=%d first=%s in dict: __dictoffset__=%d __weaklistoffset__=%d\n",
           tp->tp_members != val_members, tp->tp_members[0].name,
           lookup(t, "__dictoffset__") != NULL, lookup(t, "__weaklistoffset__") != NULL);
    printf("  dealloc is object's=%d free is object's=%d\n", tp->tp_dealloc == PyBaseObject_Type.tp_dealloc,
           tp->tp_free == PyBaseObject_Type.tp_free);

    /* Instances: each keeps a reference to the type; subtype_dealloc releases it after
     * running the finalizer. */
    Py_ssize_t before = Py_REFCNT(t);
    PyObject *a = tp->tp_alloc(tp, 0);
    PyObject *b = tp->tp_alloc(tp, 0);
    printf("  instances: type refs +%zd gc=%d\n", Py_REFCNT(t) - before, PyObject_IS_GC(a));
    ((ValObj *)a)->value = 3;
    ((ValObj *)b)->obj = Py_NewRef(Py_None);
    PyObject *r = tp->tp_as_number->nb_add(a, b);
    printf("  add is a=%d neg=%ld bool=%d len=%zd mplen=%zd hash=%ld\n", r == a,
           (Py_DECREF(tp->tp_as_number->nb_negative(a)), ((ValObj *)a)->value),
           tp->tp_as_number->nb_bool(a), tp->tp_as_sequence->sq_length(b),
           tp->tp_as_mapping->mp_length(a), (long)tp->tp_hash(a));
    Py_DECREF(r);
    ((ValObj *)a)->value = 2;
    int n = 0;
    PyObject *it = tp->tp_iter(a);
    PyObject *x;
    while ((x = tp->tp_iternext(it)) != NULL) { n++; Py_DECREF(x); }
    Py_DECREF(it);
    printf("  iterated %d\n", n);
    x = tp->tp_as_sequence->sq_item(b, 0);
    expect_fail("  sq_item out of range", x);
    PyObject *eq = tp->tp_richcompare(a, a, Py_EQ);
    printf("  a == a -> %s\n", eq == Py_True ? "True" : "False");
    Py_DECREF(eq);
    Py_ssize_t none_refs = Py_REFCNT(Py_None);
    Py_DECREF(a);
    Py_DECREF(b);
    printf("  after dealloc: type refs +%zd finalized=%d None refs %zd (T_OBJECT_EX member cleared)\n",
           Py_REFCNT(t) - before, finalized, Py_REFCNT(Py_None) - none_refs);
    Py_DECREF(t);
}

static void test_gc_and_bases(void)
{
    printf("-- GcVal and subclasses\n");
    PyObject *g = PyType_FromSpec(&gcval_spec);
    if (g == NULL) { print_exception("FromSpec gc"); return; }
    show_type(g);
    PyTypeObject *gt = (PyTypeObject *)g;
    printf("  traverse=%d clear=%d\n", gt->tp_traverse == val_traverse, gt->tp_clear == val_clear);
    PyObject *inst = gt->tp_alloc(gt, 0);
    printf("  instance gc=%d tracked=%d\n", PyObject_IS_GC(inst), PyObject_GC_IsTracked(inst));
    Py_DECREF(inst);

    /* A heap subclass of a heap type, through Py_tp_base. */
    PyType_Slot sub_slots[] = {{Py_tp_base, g}, {Py_tp_doc, NULL}, {0, NULL}};
    PyType_Spec sub_spec = {"pkg.sub.Sub", 0, 0, Py_TPFLAGS_DEFAULT, sub_slots};
    PyObject *s = PyType_FromSpec(&sub_spec);
    if (s == NULL) { print_exception("FromSpec sub"); return; }
    show_type(s);
    PyTypeObject *st = (PyTypeObject *)s;
    printf("  inherited traverse=%d basicsize=%zd subtype of base=%d base refs ok=%d\n",
           st->tp_traverse == val_traverse, st->tp_basicsize, PyType_IsSubtype(st, gt), Py_REFCNT(g) >= 3);
    Py_ssize_t before = Py_REFCNT(s);
    inst = st->tp_alloc(st, 0);
    printf("  sub instance: type refs +%zd\n", Py_REFCNT(s) - before);
    Py_DECREF(inst);
    printf("  after dealloc: type refs +%zd\n", Py_REFCNT(s) - before);

    /* Through Py_tp_bases, and through the bases argument (a tuple or a lone type); the
     * tuple (GcVal, object) is GcVal's MRO. */
    PyObject *bases = Py_NewRef(gt->tp_mro);
    PyType_Slot sub2_slots[] = {{Py_tp_bases, bases}, {0, NULL}};
    PyType_Spec sub2_spec = {"Sub2", 0, 0, Py_TPFLAGS_DEFAULT, sub2_slots};
    PyObject *s2 = PyType_FromSpec(&sub2_spec);
    show_type(s2);
    PyType_Slot plain[] = {{0, NULL}};
    PyType_Spec sub3_spec = {"m.Sub3", 0, 0, Py_TPFLAGS_DEFAULT, plain};
    PyObject *s3 = PyType_FromSpecWithBases(&sub3_spec, g);
    show_type(s3);
    PyObject *s4 = PyType_FromSpecWithBases(&sub3_spec, bases);
    show_type(s4);
    Py_DECREF(bases);

    /* A C static base. */
    PyType_Spec exc_spec = {"m.MyError", 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, plain};
    PyObject *e = PyType_FromSpecWithBases(&exc_spec, PyExc_ValueError);
    show_type(e);
    printf("  dealloc is ValueError's=%d subclass flag=%d\n",
           ((PyTypeObject *)e)->tp_dealloc == ((PyTypeObject *)PyExc_ValueError)->tp_dealloc,
           PyType_FastSubclass((PyTypeObject *)e, Py_TPFLAGS_BASE_EXC_SUBCLASS) != 0);
    PyObject *e2 = PyType_FromSpecWithBases(&exc_spec, e);
    show_type(e2);

    /* A custom dealloc is kept. */
    PyType_Spec cd_spec = {"m.Custom", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, custom_slots};
    PyObject *cd = PyType_FromSpec(&cd_spec);
    before = Py_REFCNT(cd);
    inst = ((PyTypeObject *)cd)->tp_alloc((PyTypeObject *)cd, 0);
    Py_DECREF(inst);
    printf("  custom dealloc ran=%d type refs +%zd\n", custom_deallocs, Py_REFCNT(cd) - before);

    Py_DECREF(cd);
    Py_DECREF(e2);
    Py_DECREF(e);
    Py_DECREF(s4);
    Py_DECREF(s3);
    Py_DECREF(s2);
    Py_DECREF(s);
    Py_DECREF(g);
}

static int state_frees;
static void mod_free(void *m) { (void)m; state_frees++; }
static PyModuleDef mod_def = {PyModuleDef_HEAD_INIT, "heapmod", "The heap module.", sizeof(long) * 2,
                              NULL, NULL, NULL, NULL, mod_free};
static PyModuleDef other_def = {PyModuleDef_HEAD_INIT, "other", NULL, 0};

static void test_module(void)
{
    printf("-- module\n");
    PyObject *m = PyModule_Create(&mod_def);
    if (m == NULL) { print_exception("PyModule_Create"); return; }
    long *state = PyModule_GetState(m);
    printf("  state zeroed=%d\n", state[0] == 0 && state[1] == 0);
    state[0] = 42;
    PyType_Slot plain[] = {{0, NULL}};
    PyType_Spec spec = {"heapmod.T", 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, plain};
    Py_ssize_t mrefs = Py_REFCNT(m);
    PyObject *t = PyType_FromModuleAndSpec(m, &spec, NULL);
    printf("  module refs +%zd GetModule is m=%d state=%ld\n", Py_REFCNT(m) - mrefs,
           PyType_GetModule((PyTypeObject *)t) == m,
           *(long *)PyType_GetModuleState((PyTypeObject *)t));
    PyType_Spec subspec = {"heapmod.Sub", 0, 0, Py_TPFLAGS_DEFAULT, plain};
    PyObject *sub = PyType_FromSpecWithBases(&subspec, t);
    printf("  ByDef from subclass is m=%d\n", PyType_GetModuleByDef((PyTypeObject *)sub, &mod_def) == m);
    expect_fail("  ByDef other def", PyType_GetModuleByDef((PyTypeObject *)sub, &other_def));
    expect_fail("  GetModule of a type without module", PyType_GetModule((PyTypeObject *)sub));
    printf("  GetModuleState -> %p\n", PyType_GetModuleState((PyTypeObject *)sub));
    print_exception("  GetModuleState error");
    expect_fail("  GetModule of a static type", PyType_GetModule(&PyLong_Type));
    expect_fail("  ByDef of a static type", PyType_GetModuleByDef(&PyLong_Type, &mod_def));
    printf("  GetModuleState(static) -> %p\n", PyType_GetModuleState(&PyLong_Type));
    print_exception("  GetModuleState static error");
    /* A module may be any object. */
    PyObject *t2 = PyType_FromModuleAndSpec(Py_None, &spec, NULL);
    printf("  GetModule is None=%d\n", PyType_GetModule((PyTypeObject *)t2) == Py_None);
    expect_fail("  ByDef with a non-module module", PyType_GetModuleByDef((PyTypeObject *)t2, &mod_def));

    /* Breaking the type's cycles (as the collector does): its MRO holds the type itself;
     * tp_clear drops it and the module, and the last reference then frees the type. */
    Py_DECREF(sub);
    Py_ssize_t before = Py_REFCNT(m);
    PyTypeObject *tt = (PyTypeObject *)t;
    printf("  type refcnt=%zd (itself in its MRO)\n", Py_REFCNT(t));
    Py_INCREF(t);
    Py_TYPE(t)->tp_clear(t);
    printf("  after tp_clear: refcnt=%zd module refs %zd mro=%p\n", Py_REFCNT(t), Py_REFCNT(m) - before,
           (void *)tt->tp_mro);
    Py_DECREF(t);
    Py_DECREF(t);
    Py_DECREF(t2);
    printf("  state frees before module dealloc=%d\n", state_frees);
    Py_DECREF(m);
    printf("  state frees after=%d\n", state_frees);
}

static PyType_Slot no_slots[] = {{0, NULL}};
static PyType_Slot bad_slot[] = {{999, (void *)1}, {0, NULL}};
static PyType_Slot neg_slot[] = {{-1, (void *)1}, {0, NULL}};
static PyType_Slot bool_base[] = {{Py_tp_base, &PyBool_Type}, {0, NULL}};

static void test_errors(void)
{
    printf("-- errors\n");
    PyType_Spec noname = {NULL, 16, 0, 0, no_slots};
    expect_fail("no name", PyType_FromSpec(&noname));
    PyType_Spec bad = {"m.Bad", 16, 0, 0, bad_slot};
    expect_fail("slot 999", PyType_FromSpec(&bad));
    PyType_Spec neg = {"m.Bad", 16, 0, 0, neg_slot};
    expect_fail("slot -1", PyType_FromSpec(&neg));
    PyType_Spec boolsub = {"m.B", 0, 0, 0, bool_base};
    expect_fail("bool base", PyType_FromSpec(&boolsub));
    PyType_Spec gc = {"m.G", 16, 0, Py_TPFLAGS_HAVE_GC, no_slots};
    expect_fail("GC without traverse", PyType_FromSpec(&gc));
    PyType_Spec ok = {"m.Ok", 0, 0, 0, no_slots};
    expect_fail("bases None", PyType_FromSpecWithBases(&ok, Py_None));
    PyObject *conflict = PyTuple_Pack(2, (PyObject *)&PyLong_Type, (PyObject *)&PyUnicode_Type);
    expect_fail("layout conflict", PyType_FromSpecWithBases(&ok, conflict));
    Py_DECREF(conflict);
    PyObject *dup = PyTuple_Pack(2, (PyObject *)&PyLong_Type, (PyObject *)&PyLong_Type);
    expect_fail("duplicate base", PyType_FromSpecWithBases(&ok, dup));
    Py_DECREF(dup);
    PyObject *nontype = PyTuple_Pack(2, (PyObject *)&PyLong_Type, Py_None);
    expect_fail("non-type base", PyType_FromSpecWithBases(&ok, nontype));
    Py_DECREF(nontype);
    PyObject *empty = PyTuple_New(0);
    expect_fail("empty bases", PyType_FromSpecWithBases(&ok, empty));
    Py_DECREF(empty);
    /* Two bases whose layouts nest: the best base is the derived one. */
    PyObject *nest = PyTuple_Pack(2, PyExc_Exception, PyExc_ValueError);
    expect_fail("inconsistent MRO", PyType_FromSpecWithBases(&ok, nest));
    Py_DECREF(nest);
    nest = PyTuple_Pack(2, PyExc_ArithmeticError, PyExc_ValueError);
    PyObject *two = PyType_FromSpecWithBases(&ok, nest);
    Py_DECREF(nest);
    if (two) {
        printf("two bases: base=%s mro size=%zd\n", ((PyTypeObject *)two)->tp_base->tp_name,
               PyTuple_GET_SIZE(((PyTypeObject *)two)->tp_mro));
        Py_DECREF(two);
    } else print_exception("two bases");
    /* A tuple subclass from a spec: item size inherited. */
    PyType_Spec tsub = {"m.TupleSub", 0, 0, Py_TPFLAGS_DEFAULT, no_slots};
    PyObject *ts = PyType_FromSpecWithBases(&tsub, (PyObject *)&PyTuple_Type);
    if (ts) {
        printf("tuple subclass: basicsize=%zd itemsize=%zd fast subclass=%d\n", ((PyTypeObject *)ts)->tp_basicsize,
               ((PyTypeObject *)ts)->tp_itemsize, PyType_FastSubclass((PyTypeObject *)ts, Py_TPFLAGS_TUPLE_SUBCLASS) != 0);
        Py_DECREF(ts);
    } else print_exception("tuple subclass");
    expect_fail("NULL spec name check order: bool base", PyType_FromSpecWithBases(&ok, (PyObject *)&PyBool_Type));
    /* No dot: no __module__. */
    PyObject *nodot = PyType_FromSpec(&ok);
    PyType_Spec plainname = {"Plain", 0, 0, 0, no_slots};
    Py_DECREF(nodot);
    nodot = PyType_FromSpec(&plainname);
    printf("no dot: __module__ in dict=%d name=%s\n", lookup(nodot, "__module__") != NULL,
           ((PyTypeObject *)nodot)->tp_name);
    Py_DECREF(nodot);
}

int main(void)
{
    Py_Initialize();
    test_val();
    test_gc_and_bases();
    test_module();
    test_errors();
    Py_Finalize();
    printf("done\n");
    return 0;
}
