/* Attribute access: PyObject_GetAttr/GetAttrString/SetAttr/SetAttrString/DelAttr/HasAttr,
 * _PyObject_LookupAttr, PyObject_GenericGetAttr/SetAttr/GetDict/SetDict, _PyObject_GetDictPtr
 * (positive and negative tp_dictoffset), type attribute lookup and immutable types, member
 * and getset descriptors of a static C type (object/string/char/bool/none members), their
 * reprs, __name__/__qualname__/__objclass__/__doc__, and the errors with CPython's messages.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <structmember.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

/* A short description of an object that needs no repr of ints. */
static void show(const char *what, PyObject *o)
{
    if (o == NULL) {
        print_error(what);
        return;
    }
    if (o == Py_None)
        printf("%s: None\n", what);
    else if (o == Py_True || o == Py_False)
        printf("%s: %s\n", what, o == Py_True ? "True" : "False");
    else if (PyUnicode_CheckExact(o))
        printf("%s: str '%s'\n", what, (const char *)PyUnicode_DATA(o));
    else if (PyDict_CheckExact(o))
        printf("%s: dict of %zd\n", what, PyDict_GET_SIZE(o));
    else if (PyType_Check(o))
        printf("%s: type %s\n", what, ((PyTypeObject *)o)->tp_name);
    else {
        PyObject *r = Py_TYPE(o)->tp_repr(o);
        if (r && strstr((const char *)PyUnicode_DATA(r), " at 0x"))
            printf("%s: %s instance\n", what, Py_TYPE(o)->tp_name);
        else if (r)
            printf("%s: %s\n", what, (const char *)PyUnicode_DATA(r));
        else
            print_error(what);
        Py_XDECREF(r);
    }
    Py_DECREF(o);
}

typedef struct {
    PyObject_HEAD
    PyObject *obj;
    PyObject *obj_ex;
    PyObject *ro;
    char *string;
    char inplace[8];
    char ch;
    char flag;
    PyObject *dict;
    int value;
} Point;

static PyMemberDef point_members[] = {
    {"obj", T_OBJECT, offsetof(Point, obj), 0, "an object"},
    {"obj_ex", T_OBJECT_EX, offsetof(Point, obj_ex), 0, NULL},
    {"ro", T_OBJECT, offsetof(Point, ro), READONLY, "read only"},
    {"string", T_STRING, offsetof(Point, string), 0, NULL},
    {"inplace", T_STRING_INPLACE, offsetof(Point, inplace), 0, NULL},
    {"ch", T_CHAR, offsetof(Point, ch), 0, NULL},
    {"flag", T_BOOL, offsetof(Point, flag), 0, NULL},
    {"nothing", T_NONE, offsetof(Point, obj), 0, NULL},
    {NULL}
};

static PyObject *get_label(PyObject *self, void *closure)
{
    (void)closure;
    return PyUnicode_FromString(((Point *)self)->value ? "set" : "unset");
}

static int set_label(PyObject *self, PyObject *value, void *closure)
{
    (void)closure;
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete label");
        return -1;
    }
    ((Point *)self)->value = value == Py_True;
    return 0;
}

static PyObject *get_only(PyObject *self, void *closure)
{
    (void)self;
    return PyUnicode_FromString((const char *)closure);
}

static int set_only(PyObject *self, PyObject *value, void *closure)
{
    (void)closure;
    ((Point *)self)->value = value != NULL;
    return 0;
}

static PyGetSetDef point_getset[] = {
    {"label", get_label, set_label, "label doc", NULL},
    {"getonly", get_only, NULL, NULL, "closure text"},
    {"setonly", NULL, set_only, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL}
};

static void point_dealloc(PyObject *self)
{
    Point *p = (Point *)self;
    Py_XDECREF(p->obj);
    Py_XDECREF(p->obj_ex);
    Py_XDECREF(p->ro);
    Py_XDECREF(p->dict);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject Point_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "attrtest.Point",
    .tp_basicsize = sizeof(Point),
    .tp_dealloc = point_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "A point.",
    .tp_members = point_members,
    .tp_getset = point_getset,
    .tp_dictoffset = offsetof(Point, dict),
    .tp_new = PyType_GenericNew,
};

/* A variable-size type whose dict pointer is at the end (negative tp_dictoffset). */
typedef struct {
    PyObject_VAR_HEAD
    PyObject *items[1];
} VarObj;

static PyTypeObject Var_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "attrtest.Var",
    .tp_basicsize = sizeof(VarObj) - sizeof(PyObject *) + sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dictoffset = -(Py_ssize_t)sizeof(PyObject *),
};

/* No attributes at all: no tp_getattro/tp_setattro. */
static PyTypeObject Bare_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "attrtest.Bare",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static void get(const char *label, PyObject *o, const char *name)
{
    show(label, PyObject_GetAttrString(o, name));
}

static void set(const char *label, PyObject *o, const char *name, PyObject *v)
{
    int r = PyObject_SetAttrString(o, name, v);
    if (r < 0)
        print_error(label);
    else
        printf("%s: ok\n", label);
}

int main(void)
{
    Py_Initialize();
    if (PyType_Ready(&Point_Type) < 0 || PyType_Ready(&Var_Type) < 0 || PyType_Ready(&Bare_Type) < 0) {
        print_error("ready");
        return 1;
    }
    PyObject *p = PyType_GenericNew(&Point_Type, NULL, NULL);
    Point *pt = (Point *)p;
    PyObject *hello = PyUnicode_FromString("hello");
    pt->string = "c string";
    strcpy(pt->inplace, "inpl");
    pt->ch = 'x';
    pt->flag = 1;
    pt->ro = PyUnicode_FromString("readonly value");

    printf("== members\n");
    get("obj (NULL)", p, "obj");
    get("obj_ex (NULL)", p, "obj_ex");
    get("ro", p, "ro");
    get("string", p, "string");
    get("inplace", p, "inplace");
    get("ch", p, "ch");
    get("flag", p, "flag");
    get("nothing", p, "nothing");
    set("set obj", p, "obj", hello);
    get("obj", p, "obj");
    set("set obj_ex", p, "obj_ex", hello);
    get("obj_ex", p, "obj_ex");
    set("del obj_ex", p, "obj_ex", NULL);
    get("obj_ex after del", p, "obj_ex");
    set("del obj_ex again", p, "obj_ex", NULL);
    set("del obj", p, "obj", NULL);
    get("obj after del", p, "obj");
    set("set ro", p, "ro", hello);
    set("del ro", p, "ro", NULL);
    set("set string", p, "string", hello);
    set("set inplace", p, "inplace", hello);
    set("set ch 'y'", p, "ch", PyUnicode_FromString("y"));
    get("ch", p, "ch");
    set("set ch 'yz'", p, "ch", hello);
    set("set ch None", p, "ch", Py_None);
    set("del ch", p, "ch", NULL);
    set("set flag False", p, "flag", Py_False);
    get("flag", p, "flag");
    set("set flag None", p, "flag", Py_None);
    set("del flag", p, "flag", NULL);

    printf("== getsets\n");
    get("label", p, "label");
    set("set label True", p, "label", Py_True);
    get("label", p, "label");
    set("del label", p, "label", NULL);
    get("getonly", p, "getonly");
    set("set getonly", p, "getonly", hello);
    get("setonly", p, "setonly");
    set("set setonly", p, "setonly", hello);

    printf("== instance dict\n");
    printf("dict ptr ok: %d, dict NULL: %d\n", _PyObject_GetDictPtr(p) == &pt->dict, pt->dict == NULL);
    get("missing", p, "missing");
    set("del missing (no dict)", p, "missing", NULL);
    set("set extra", p, "extra", hello);
    get("extra", p, "extra");
    printf("dict created: %d, size %zd\n", pt->dict != NULL, pt->dict ? PyDict_GET_SIZE(pt->dict) : -1);
    set("del extra", p, "extra", NULL);
    set("del extra again", p, "extra", NULL);
    get("extra after del", p, "extra");
    PyObject *d = PyObject_GenericGetDict(p, NULL);
    printf("GenericGetDict is the dict: %d\n", d == pt->dict);
    Py_XDECREF(d);
    printf("GenericSetDict(NULL): %d\n", PyObject_GenericSetDict(p, NULL, NULL));
    print_error("  error");
    printf("GenericSetDict(str): %d\n", PyObject_GenericSetDict(p, hello, NULL));
    print_error("  error");
    set("set __dict__ to str", p, "__dict__", hello);
    get("__dict__", p, "__dict__");

    printf("== var-size dict pointer\n");
    PyObject *v3 = (PyObject *)PyObject_NewVar(VarObj, &Var_Type, 3);
    PyObject **vd = _PyObject_GetDictPtr(v3);
    printf("var dict ptr offset from end: %td\n", (char *)vd - ((char *)v3 + _PyObject_VAR_SIZE(&Var_Type, 3)));
    PyObject_Free(v3);

    printf("== errors\n");
    PyObject *one = (PyObject *)&_Py_TrueStruct;
    show("GetAttr(name=True)", PyObject_GetAttr(p, one));
    printf("SetAttr(name=True): %d\n", PyObject_SetAttr(p, one, hello));
    print_error("  error");
    show("GenericGetAttr(name=True)", PyObject_GenericGetAttr(p, one));
    printf("GenericSetAttr(name=True): %d\n", PyObject_GenericSetAttr(p, one, hello));
    print_error("  error");
    PyObject *obj = PyType_GenericNew(&PyBaseObject_Type, NULL, NULL);
    get("object().x", obj, "x");
    set("object().x = ", obj, "x", hello);
    set("del object().x", obj, "x", NULL);
    set("object().__doc__ = ", obj, "__doc__", hello);
    get("object().__doc__", obj, "__doc__");
    PyObject *bare = PyType_GenericNew(&Bare_Type, NULL, NULL);
    get("bare.x", bare, "x");
    set("bare.x = ", bare, "x", hello);
    set("del bare.x", bare, "x", NULL);
    printf("HasAttrString(bare, x): %d, occurred: %d\n", PyObject_HasAttrString(bare, "x"), PyErr_Occurred() != NULL);

    printf("== AttributeError context\n");
    {
        PyObject *r = PyObject_GetAttrString(p, "nosuch");
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        printf("result NULL %d, type %s, value is instance %d\n", r == NULL, ((PyTypeObject *)t)->tp_name,
               v && PyExceptionInstance_Check(v));
        if (v && PyExceptionInstance_Check(v)) {
            show("  .name", PyObject_GetAttrString(v, "name"));
            PyObject *o2 = PyObject_GetAttrString(v, "obj");
            printf("  .obj is p: %d\n", o2 == p);
            Py_XDECREF(o2);
            show("  str", PyObject_Str(v));
        }
        Py_XDECREF(t);
        Py_XDECREF(v);
        Py_XDECREF(tb);
    }

    printf("== HasAttr / LookupAttr\n");
    PyObject *name_ro = PyUnicode_FromString("ro"), *name_no = PyUnicode_FromString("nope");
    printf("HasAttr ro %d nope %d, HasAttrString ro %d nope %d\n", PyObject_HasAttr(p, name_ro),
           PyObject_HasAttr(p, name_no), PyObject_HasAttrString(p, "ro"), PyObject_HasAttrString(p, "nope"));
    printf("HasAttr(name=True) %d occurred %d\n", PyObject_HasAttr(p, one), PyErr_Occurred() != NULL);
    PyObject *res = (PyObject *)1;
    int r = _PyObject_LookupAttr(p, name_no, &res);
    printf("LookupAttr nope: %d %s occurred %d\n", r, res ? "set" : "NULL", PyErr_Occurred() != NULL);
    r = _PyObject_LookupAttr(p, name_ro, &res);
    printf("LookupAttr ro: %d\n", r);
    show("  value", res);
    r = _PyObject_LookupAttr(p, one, &res);
    printf("LookupAttr True: %d %s\n", r, res ? "set" : "NULL");
    print_error("  error");
    r = _PyObject_LookupAttr(p, PyUnicode_FromString("label"), &res);
    printf("LookupAttr label: %d\n", r);
    show("  value", res);
    set("del label to raise TypeError", p, "label", NULL);

    printf("== types\n");
    PyObject *tp = (PyObject *)&Point_Type;
    get("Point.__doc__", tp, "__doc__");
    get("Point.obj", tp, "obj");
    get("Point.ro", tp, "ro");
    get("Point.label", tp, "label");
    get("Point.missing", tp, "missing");
    set("Point.x = ", tp, "x", hello);
    set("del Point.x", tp, "x", NULL);
    set("Point.__doc__ = ", tp, "__doc__", hello);
    get("bool.__doc__", (PyObject *)&PyBool_Type, "__doc__");
    get("type.missing", (PyObject *)&PyType_Type, "missing");
    set("object.x = ", (PyObject *)&PyBaseObject_Type, "x", hello);
    set("type.x = ", (PyObject *)&PyType_Type, "x", hello);
    show("GetAttr(type, True)", PyObject_GetAttr(tp, one));
    printf("SetAttr(type, True): %d\n", PyObject_SetAttr(tp, one, hello));
    print_error("  error");

    printf("== descriptor objects\n");
    const char *names[] = {"obj", "ro", "label", "getonly", "__dict__", NULL};
    for (const char **n = names; *n; n++) {
        PyObject *nm = PyUnicode_FromString(*n);
        PyObject *descr = _PyType_Lookup(&Point_Type, nm);
        Py_DECREF(nm);
        if (!descr) {
            printf("%s: missing\n", *n);
            continue;
        }
        printf("%s: type %s data %d\n", *n, Py_TYPE(descr)->tp_name, PyDescr_IsData(descr));
        Py_INCREF(descr);
        show("  repr", descr);
        get("  __name__", descr, "__name__");
        get("  __qualname__", descr, "__qualname__");
        get("  __objclass__", descr, "__objclass__");
        get("  __doc__", descr, "__doc__");
        set("  set __name__", descr, "__name__", hello);
        /* __get__ through the slot: not applicable to a str */
        show("  tp_descr_get(str)", Py_TYPE(descr)->tp_descr_get(descr, hello, (PyObject *)&PyUnicode_Type));
        printf("  tp_descr_set(str): %d\n", Py_TYPE(descr)->tp_descr_set(descr, hello, hello));
        print_error("  error");
    }

    Py_DECREF(p);
    Py_DECREF(obj);
    Py_DECREF(bare);
    Py_DECREF(hello);
    Py_DECREF(name_ro);
    Py_DECREF(name_no);
    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
