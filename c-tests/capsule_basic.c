/* PyCapsule: New, IsValid, the getters and setters with names (NULL and not), contexts and destructors
 * (run once, at deallocation, seeing the capsule's final state); CPython's ValueError
 * messages for NULL pointers, wrong names and invalid capsules; the repr; the type's flags
 * and the refusal to instantiate it. Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"

static int target = 42, other = 7, ctx_value = 99;
static int destructor_calls = 0;

static void my_destructor(PyObject *cap)
{
    destructor_calls++;
    const char *name = PyCapsule_GetName(cap);
    int *ctx = PyCapsule_GetContext(cap);
    int *p = PyCapsule_GetPointer(cap, name);
    printf("destructor: name %s pointer %d context %d\n", name ? name : "(null)", p ? *p : -1, ctx ? *ctx : -1);
}

static void other_destructor(PyObject *cap)
{
    (void)cap;
    printf("other destructor\n");
}

int main(void)
{
    Py_Initialize();
    PyObject *c = PyCapsule_New(&target, "mod.api", my_destructor);
    show_masked("repr", Py_NewRef(c));
    printf("exact %d type name %s\n", PyCapsule_CheckExact(c), Py_TYPE(c)->tp_name);
    printf("valid same %d other %d null %d\n", PyCapsule_IsValid(c, "mod.api"),
           PyCapsule_IsValid(c, "mod.apix"), PyCapsule_IsValid(c, NULL));
    printf("IsValid(NULL) %d IsValid(int) %d\n", PyCapsule_IsValid(NULL, "x"), PyCapsule_IsValid(Py_None, NULL));
    printf("errors after IsValid: %d\n", PyErr_Occurred() != NULL);
    int *p = PyCapsule_GetPointer(c, "mod.api");
    printf("pointer %d\n", p ? *p : -1);
    p = PyCapsule_GetPointer(c, "mod.other");
    printf("wrong name null %d ", p == NULL); print_error("GetPointer wrong name");
    p = PyCapsule_GetPointer(c, NULL);
    printf("NULL name null %d ", p == NULL); print_error("GetPointer NULL name");
    printf("name %s\n", PyCapsule_GetName(c));
    printf("context null %d ", PyCapsule_GetContext(c) == NULL); print_error("GetContext");
    printf("destructor same %d\n", PyCapsule_GetDestructor(c) == my_destructor);
    printf("SetContext %d\n", PyCapsule_SetContext(c, &ctx_value));
    printf("context %d\n", *(int *)PyCapsule_GetContext(c));
    printf("SetPointer NULL %d ", PyCapsule_SetPointer(c, NULL)); print_error("SetPointer NULL");
    printf("SetPointer %d\n", PyCapsule_SetPointer(c, &other));
    printf("SetName %d\n", PyCapsule_SetName(c, "renamed"));
    show_masked("renamed repr", Py_NewRef(c));
    printf("old name valid %d new name valid %d\n", PyCapsule_IsValid(c, "mod.api"), PyCapsule_IsValid(c, "renamed"));
    printf("SetName NULL %d\n", PyCapsule_SetName(c, NULL));
    show_masked("unnamed repr", Py_NewRef(c));
    p = PyCapsule_GetPointer(c, NULL);
    printf("NULL name now %d\n", p ? *p : -1);
    p = PyCapsule_GetPointer(c, "renamed");
    printf("named null %d ", p == NULL); print_error("GetPointer named");
    PyObject *dummy = PyCapsule_New(&ctx_value, NULL, NULL);
    printf("no destructor %d\n", PyCapsule_GetDestructor(dummy) == NULL);
    print_error("GetDestructor of none");
    Py_DECREF(dummy);
    printf("before dealloc calls %d\n", destructor_calls);
    Py_DECREF(c);
    printf("after dealloc calls %d\n", destructor_calls);

    /* A destructor replaced before deallocation. */
    c = PyCapsule_New(&target, NULL, my_destructor);
    printf("SetDestructor %d\n", PyCapsule_SetDestructor(c, other_destructor));
    Py_DECREF(c);
    c = PyCapsule_New(&target, NULL, my_destructor);
    printf("SetDestructor NULL %d\n", PyCapsule_SetDestructor(c, NULL));
    Py_DECREF(c);

    /* Bad arguments. */
    show("New(NULL)", PyCapsule_New(NULL, "x", NULL));
    printf("GetPointer(NULL) %d ", PyCapsule_GetPointer(NULL, NULL) == NULL); print_error("GetPointer(NULL)");
    printf("GetPointer(None) %d ", PyCapsule_GetPointer(Py_None, NULL) == NULL); print_error("GetPointer(None)");
    printf("GetName(None) %d ", PyCapsule_GetName(Py_None) == NULL); print_error("GetName(None)");
    printf("GetContext(None) %d ", PyCapsule_GetContext(Py_None) == NULL); print_error("GetContext(None)");
    printf("GetDestructor(None) %d ", PyCapsule_GetDestructor(Py_None) == NULL); print_error("GetDestructor(None)");
    printf("SetPointer(None) %d ", PyCapsule_SetPointer(Py_None, &target)); print_error("SetPointer(None)");
    printf("SetPointer(NULL, NULL) %d ", PyCapsule_SetPointer(NULL, NULL)); print_error("SetPointer(NULL, NULL)");
    printf("SetName(None) %d ", PyCapsule_SetName(Py_None, "x")); print_error("SetName(None)");
    printf("SetContext(None) %d ", PyCapsule_SetContext(Py_None, NULL)); print_error("SetContext(None)");
    printf("SetDestructor(None) %d ", PyCapsule_SetDestructor(Py_None, NULL)); print_error("SetDestructor(None)");

    /* The type. */
    PyObject *tp = (PyObject *)&PyCapsule_Type;
    show("type", PyObject_Repr(tp));
    printf("flags disallow %d gc %d basetype %d basicsize %zd\n",
           (int)!!(PyCapsule_Type.tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION),
           (int)!!(PyCapsule_Type.tp_flags & Py_TPFLAGS_HAVE_GC),
           (int)!!(PyCapsule_Type.tp_flags & Py_TPFLAGS_BASETYPE), PyCapsule_Type.tp_basicsize);
    show("call type", PyObject_CallNoArgs(tp));
    show("__module__", PyObject_GetAttrString(tp, "__module__"));
    show("__doc__", PyObject_GetAttrString(tp, "__doc__"));
    c = PyCapsule_New(&target, "x", NULL);
    show_int("hash is identity-based", PyObject_Hash(c) != -1);
    show_int("eq self", PyObject_RichCompareBool(c, c, Py_EQ));
    Py_DECREF(c);
    Py_Finalize();
    return 0;
}
