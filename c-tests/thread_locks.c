/* _thread locks from C: allocate_lock/LockType (acquire arguments and their errors, release
 * of an unlocked lock, locked, the aliases, the context-manager methods, repr), RLock
 * (recursion, owner, _is_owned, _release_save/_acquire_restore, errors), and the module's
 * constants and small functions (get_ident, get_native_id, _count, stack_size, error). */
#include <Python.h>
#include "testutil.h"

static PyObject *mod;

static void show(const char *label, PyObject *r)
{
    printf("%s -> ", label);
    if (r == NULL) show_error(); else { put(r); Py_DECREF(r); }
    printf("\n");
}

/* lock.acquire(*args, **kw) given as a Py_BuildValue tuple and an optional dict. */
static void acquire(const char *label, PyObject *lock, PyObject *args, PyObject *kw)
{
    PyObject *m = PyObject_GetAttrString(lock, "acquire");
    show(label, PyObject_Call(m, args, kw));
    Py_DECREF(m);
    Py_DECREF(args);
    Py_XDECREF(kw);
}

/* The repr up to " at 0x" (the address differs between runs). */
static void show_repr(const char *label, PyObject *o)
{
    PyObject *r = PyObject_Repr(o);
    const char *s = PyUnicode_AsUTF8(r);
    const char *at = strstr(s, " at 0x");
    printf("%s: %.*s\n", label, (int)(at ? at - s : (long)strlen(s)), s);
    Py_DECREF(r);
}

static void lock_tests(void)
{
    PyObject *lock = PyObject_CallMethod(mod, "allocate_lock", NULL);
    PyObject *lt = PyObject_GetAttrString(mod, "LockType");
    printf("type is LockType: %d, name %s\n", (PyObject *)Py_TYPE(lock) == lt, Py_TYPE(lock)->tp_name);
    show_repr("repr unlocked", lock);
    show("locked", PyObject_CallMethod(lock, "locked", NULL));
    acquire("acquire()", lock, PyTuple_New(0), NULL);
    show_repr("repr locked", lock);
    show("locked_lock", PyObject_CallMethod(lock, "locked_lock", NULL));
    acquire("acquire(False)", lock, Py_BuildValue("(O)", Py_False), NULL);
    acquire("acquire(timeout=0.01)", lock, PyTuple_New(0), Py_BuildValue("{s:d}", "timeout", 0.01));
    acquire("acquire(True, 0)", lock, Py_BuildValue("(Oi)", Py_True, 0), NULL);
    acquire("acquire(blocking=0)", lock, PyTuple_New(0), Py_BuildValue("{s:i}", "blocking", 0));
    show("release", PyObject_CallMethod(lock, "release", NULL));
    show("release again", PyObject_CallMethod(lock, "release", NULL));
    show("release_lock unlocked", PyObject_CallMethod(lock, "release_lock", NULL));
    acquire("acquire_lock via acquire(1, 5)", lock, Py_BuildValue("(ii)", 1, 5), NULL);
    show("release_lock", PyObject_CallMethod(lock, "release_lock", NULL));
    show("acquire_lock(0)", PyObject_CallMethod(lock, "acquire_lock", "i", 0));
    show("release", PyObject_CallMethod(lock, "release", NULL));

    printf("-- argument errors\n");
    acquire("acquire(False, 1)", lock, Py_BuildValue("(Oi)", Py_False, 1), NULL);
    acquire("acquire(timeout=-2)", lock, PyTuple_New(0), Py_BuildValue("{s:i}", "timeout", -2));
    acquire("acquire(timeout=-0.5)", lock, PyTuple_New(0), Py_BuildValue("{s:d}", "timeout", -0.5));
    acquire("acquire(timeout=1e10)", lock, PyTuple_New(0), Py_BuildValue("{s:d}", "timeout", 1e10));
    acquire("acquire(timeout=10**10)", lock, PyTuple_New(0), Py_BuildValue("{s:L}", "timeout", 10000000000LL));
    acquire("acquire(timeout=9.3e9)", lock, PyTuple_New(0), Py_BuildValue("{s:d}", "timeout", 9.3e9));
    acquire("acquire(timeout=1e300)", lock, PyTuple_New(0), Py_BuildValue("{s:d}", "timeout", 1e300));
    acquire("acquire(timeout=nan)", lock, PyTuple_New(0), Py_BuildValue("{s:d}", "timeout", Py_NAN));
    acquire("acquire(timeout='x')", lock, PyTuple_New(0), Py_BuildValue("{s:s}", "timeout", "x"));
    acquire("acquire(1, 2, 3)", lock, Py_BuildValue("(iii)", 1, 2, 3), NULL);
    acquire("acquire(bogus=1)", lock, PyTuple_New(0), Py_BuildValue("{s:i}", "bogus", 1));
    acquire("acquire(timeout=-1) after errors", lock, PyTuple_New(0), Py_BuildValue("{s:i}", "timeout", -1));
    show("locked", PyObject_CallMethod(lock, "locked", NULL));
    show("release", PyObject_CallMethod(lock, "release", NULL));

    printf("-- context manager\n");
    show("__enter__", PyObject_CallMethod(lock, "__enter__", NULL));
    show("locked", PyObject_CallMethod(lock, "locked", NULL));
    show("__exit__", PyObject_CallMethod(lock, "__exit__", "OOO", Py_None, Py_None, Py_None));
    show("locked", PyObject_CallMethod(lock, "locked", NULL));
    show("__exit__ unlocked", PyObject_CallMethod(lock, "__exit__", "OOO", Py_None, Py_None, Py_None));
    show("LockType()", PyObject_CallNoArgs(lt));
    Py_DECREF(lt);
    Py_DECREF(lock);
}

static void rlock_tests(void)
{
    printf("-- RLock\n");
    PyObject *rl_type = PyObject_GetAttrString(mod, "RLock");
    PyObject *rl = PyObject_CallNoArgs(rl_type);
    show_repr("repr", rl);
    show("_is_owned", PyObject_CallMethod(rl, "_is_owned", NULL));
    show("release un-acquired", PyObject_CallMethod(rl, "release", NULL));
    show("_release_save un-acquired", PyObject_CallMethod(rl, "_release_save", NULL));
    show("acquire", PyObject_CallMethod(rl, "acquire", NULL));
    show("acquire(False)", PyObject_CallMethod(rl, "acquire", "O", Py_False));
    show("acquire(timeout=0.5) via enter", PyObject_CallMethod(rl, "__enter__", NULL));
    show("_recursion_count", PyObject_CallMethod(rl, "_recursion_count", NULL));
    show("_is_owned", PyObject_CallMethod(rl, "_is_owned", NULL));
    PyObject *r = PyObject_Repr(rl);
    char expect[128];
    snprintf(expect, sizeof expect, "<locked _thread.RLock object owner=%lu count=3 at", PyThread_get_thread_ident());
    printf("repr names owner and count: %d\n", strncmp(PyUnicode_AsUTF8(r), expect, strlen(expect)) == 0);
    Py_DECREF(r);
    PyObject *state = PyObject_CallMethod(rl, "_release_save", NULL);
    PyObject *ident = PyObject_CallMethod(mod, "get_ident", NULL);
    printf("saved count %ld, owner is get_ident(): %d\n", PyLong_AsLong(PyTuple_GetItem(state, 0)),
           PyObject_RichCompareBool(PyTuple_GetItem(state, 1), ident, Py_EQ));
    show_repr("after _release_save", rl);
    show("_is_owned", PyObject_CallMethod(rl, "_is_owned", NULL));
    show("_acquire_restore", PyObject_CallMethodOneArg(rl, PyUnicode_InternFromString("_acquire_restore"), state));
    show("_recursion_count", PyObject_CallMethod(rl, "_recursion_count", NULL));
    show("_acquire_restore(1)", PyObject_CallMethod(rl, "_acquire_restore", "(i)", 1));
    show("_acquire_restore((1, 2, 3))", PyObject_CallMethod(rl, "_acquire_restore", "((iii))", 1, 2, 3));
    show("release", PyObject_CallMethod(rl, "release", NULL));
    show("__exit__", PyObject_CallMethod(rl, "__exit__", "OOO", Py_None, Py_None, Py_None));
    show("release", PyObject_CallMethod(rl, "release", NULL));
    show("release once more", PyObject_CallMethod(rl, "release", NULL));
    show_repr("repr", rl);
    Py_DECREF(state);
    Py_DECREF(ident);
    Py_DECREF(rl);
    Py_DECREF(rl_type);
}

static void module_tests(void)
{
    printf("-- module\n");
    PyObject *ident = PyObject_CallMethod(mod, "get_ident", NULL);
    printf("get_ident matches PyThread_get_thread_ident: %d\n", PyLong_AsUnsignedLong(ident) == PyThread_get_thread_ident());
    PyObject *nid = PyObject_CallMethod(mod, "get_native_id", NULL);
    printf("get_native_id matches: %d\n", PyLong_AsUnsignedLong(nid) == PyThread_get_thread_native_id());
    Py_DECREF(ident);
    Py_DECREF(nid);
    show("_count", PyObject_CallMethod(mod, "_count", NULL));
    show("TIMEOUT_MAX", PyObject_GetAttrString(mod, "TIMEOUT_MAX"));
    PyObject *err = PyObject_GetAttrString(mod, "error");
    printf("error is RuntimeError: %d\n", err == PyExc_RuntimeError);
    Py_DECREF(err);
    show("stack_size()", PyObject_CallMethod(mod, "stack_size", NULL));
    show("stack_size(100)", PyObject_CallMethod(mod, "stack_size", "i", 100));
    show("stack_size(-1)", PyObject_CallMethod(mod, "stack_size", "i", -1));
    show("stack_size(65536)", PyObject_CallMethod(mod, "stack_size", "i", 65536));
    show("stack_size(0)", PyObject_CallMethod(mod, "stack_size", "i", 0));
    show("stack_size()", PyObject_CallMethod(mod, "stack_size", NULL));
    show("stack_size(1, 2)", PyObject_CallMethod(mod, "stack_size", "ii", 1, 2));
    show("exit()", PyObject_CallMethod(mod, "exit", NULL));
}

int main(void)
{
    Py_Initialize();
    PyObject *name = PyUnicode_FromString("_thread");
    mod = PyImport_GetModule(name);
    Py_DECREF(name);
    if (mod == NULL) { printf("no _thread module\n"); return 1; }
    lock_tests();
    rlock_tests();
    module_tests();
    Py_DECREF(mod);
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
