/* _thread.start_new_thread from C: four threads run Python-callable C functions that
 * increment a shared dict counter under a lock, each handing a "done" lock back to the main
 * thread (which waits with the GIL released); _count() inside and after; kwargs; argument
 * errors; an unhandled exception printed as "Exception ignored in thread started by"; and
 * SystemExit ending a thread silently. Also _thread._local: values per thread, __dict__,
 * a subclass whose __init__ reruns in each thread, and construction errors.
 * stderr goes to stdout (unbuffered) so that the report is compared in order. */
// ferropy-test: timeout=60
#include <Python.h>
#include <unistd.h>
#include "testutil.h"

#define N_THREADS 4
#define ROUNDS 200

static PyObject *mod, *counter, *counter_lock, *local;

static void show(const char *label, PyObject *r)
{
    printf("%s -> ", label);
    if (r == NULL) show_error(); else { put(r); Py_DECREF(r); }
    printf("\n");
}

/* worker(done_lock, index): ROUNDS increments of counter["n"] under counter_lock (with a
 * GIL switch chance in between), records _count() and a per-thread _local value, then
 * releases done_lock. */
static PyObject *worker(PyObject *self, PyObject *args, PyObject *kw)
{
    PyObject *done;
    int index, step = 1;
    static char *names[] = {"done", "index", "step", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "Oi|i", names, &done, &index, &step))
        return NULL;
    PyObject *v = PyLong_FromLong(index * 100);
    if (PyObject_SetAttrString(local, "value", v) < 0) return NULL;
    Py_DECREF(v);
    for (int i = 0; i < ROUNDS; i++) {
        PyObject *r = PyObject_CallMethod(counter_lock, "acquire", NULL);
        if (r == NULL) return NULL;
        Py_DECREF(r);
        PyObject *n = PyDict_GetItemString(counter, "n");
        PyObject *m = PyLong_FromLong(PyLong_AsLong(n) + step);
        Py_BEGIN_ALLOW_THREADS
        usleep(0);
        Py_END_ALLOW_THREADS
        PyDict_SetItemString(counter, "n", m);
        Py_DECREF(m);
        r = PyObject_CallMethod(counter_lock, "release", NULL);
        if (r == NULL) return NULL;
        Py_DECREF(r);
    }
    PyObject *cnt = PyObject_CallMethod(mod, "_count", NULL);
    PyObject *mine = PyObject_GetAttrString(local, "value");
    PyObject *key = PyUnicode_FromFormat("thread %d", index);
    PyObject *rec = Py_BuildValue("(Oi)", mine, PyLong_AsLong(cnt) >= 1);
    PyDict_SetItem(counter, key, rec);
    Py_DECREF(rec); Py_DECREF(key); Py_DECREF(mine); Py_DECREF(cnt);
    return PyObject_CallMethod(done, "release", NULL);
}

/* fail(done, kind): releases done, then raises ValueError (kind 0) or SystemExit. */
static PyObject *fail(PyObject *self, PyObject *args)
{
    PyObject *done;
    int kind;
    if (!PyArg_ParseTuple(args, "Oi", &done, &kind)) return NULL;
    PyObject *r = PyObject_CallMethod(done, "release", NULL);
    Py_XDECREF(r);
    PyErr_SetString(kind == 0 ? PyExc_ValueError : PyExc_SystemExit, "from the thread");
    return NULL;
}

static PyMethodDef worker_def = {"worker", (PyCFunction)(void (*)(void))worker, METH_VARARGS | METH_KEYWORDS, NULL};
static PyMethodDef fail_def = {"fail", fail, METH_VARARGS, NULL};

static PyObject *new_locked(void)
{
    PyObject *l = PyObject_CallMethod(mod, "allocate_lock", NULL);
    Py_XDECREF(PyObject_CallMethod(l, "acquire", NULL));
    return l;
}

/* Waits for a lock the thread releases (blocking acquire: the GIL is released meanwhile). */
static void wait_for(PyObject *done)
{
    PyObject *r = PyObject_CallMethod(done, "acquire", NULL);
    if (r == NULL) show_error(); else Py_DECREF(r);
}

static void start(const char *label, PyObject *f, PyObject *args, PyObject *kw)
{
    PyObject *st = PyObject_GetAttrString(mod, "start_new_thread");
    PyObject *r = kw ? PyObject_CallFunctionObjArgs(st, f, args, kw, NULL) : PyObject_CallFunctionObjArgs(st, f, args, NULL);
    if (label) {
        printf("%s -> ", label);
        if (r == NULL) show_error(); else printf("%s", PyLong_Check(r) ? "an int" : "not an int");
        printf("\n");
    }
    Py_XDECREF(r);
    Py_DECREF(st);
}

static void thread_tests(void)
{
    PyObject *w = PyCFunction_NewEx(&worker_def, NULL, NULL);
    counter = PyDict_New();
    PyObject *zero = PyLong_FromLong(0);
    PyDict_SetItemString(counter, "n", zero);
    Py_DECREF(zero);
    counter_lock = PyObject_CallMethod(mod, "allocate_lock", NULL);
    show("_count before", PyObject_CallMethod(mod, "_count", NULL));
    PyObject *v = PyLong_FromLong(-1);
    PyObject_SetAttrString(local, "value", v);
    Py_DECREF(v);

    PyObject *done[N_THREADS];
    for (int i = 0; i < N_THREADS; i++) {
        done[i] = new_locked();
        PyObject *args = Py_BuildValue("(Oi)", done[i], i);
        PyObject *kw = i == 3 ? Py_BuildValue("{s:i}", "step", 2) : NULL;
        start(i == 0 ? "start_new_thread" : NULL, w, args, kw);
        Py_DECREF(args);
        Py_XDECREF(kw);
    }
    for (int i = 0; i < N_THREADS; i++) {
        wait_for(done[i]);
        Py_DECREF(done[i]);
    }
    PyObject *n = PyDict_GetItemString(counter, "n");
    Py_INCREF(n);
    show("counter", n);
    for (int i = 0; i < N_THREADS; i++) {
        char key[16];
        snprintf(key, sizeof key, "thread %d", i);
        PyObject *rec = PyDict_GetItemString(counter, key);
        Py_XINCREF(rec);
        printf("%s (local value, _count>=1): ", key);
        put(rec);
        printf("\n");
        Py_XDECREF(rec);
    }
    show("main thread's local value", PyObject_GetAttrString(local, "value"));

    printf("-- errors\n");
    PyObject *t0 = PyTuple_New(0);
    PyObject *l = PyList_New(0);
    start("function not callable", Py_None, t0, NULL);
    start("args a list", w, l, NULL);
    start("kwargs a list", w, t0, l);
    PyObject *st = PyObject_GetAttrString(mod, "start_new_thread");
    show("one argument", PyObject_CallOneArg(st, w));
    Py_DECREF(st);
    Py_DECREF(l);

    printf("-- exceptions in threads\n");
    fflush(stdout);
    PyObject *f = PyCFunction_NewEx(&fail_def, NULL, NULL);
    for (int kind = 0; kind < 2; kind++) {
        PyObject *d = new_locked();
        PyObject *args = Py_BuildValue("(Oi)", d, kind);
        start(NULL, f, args, NULL);
        wait_for(d);
        /* The report comes after the release: wait until the thread has ended. */
        for (int spin = 0; spin < 1000; spin++) {
            PyObject *c = PyObject_CallMethod(mod, "_count", NULL);
            long n = PyLong_AsLong(c);
            Py_DECREF(c);
            if (n == 0) break;
            Py_BEGIN_ALLOW_THREADS
            usleep(1000);
            Py_END_ALLOW_THREADS
        }
        Py_DECREF(args);
        Py_DECREF(d);
        printf("thread with kind %d ended\n", kind);
    }
    show("_count after", PyObject_CallMethod(mod, "_count", NULL));
    Py_DECREF(f);
    Py_DECREF(t0);
    Py_DECREF(w);
}

/* A _local subclass whose __init__(tag) stores tag and the count of __init__ calls. */
static int inits;
static int sub_init(PyObject *self, PyObject *args, PyObject *kw)
{
    PyObject *tag;
    if (!PyArg_ParseTuple(args, "O", &tag)) return -1;
    inits++;
    return PyObject_SetAttrString(self, "tag", tag);
}

/* reader(done, obj): stores obj.tag (its own thread's) in counter["sub tag"]. */
static PyObject *reader(PyObject *self, PyObject *args)
{
    PyObject *done, *obj;
    if (!PyArg_ParseTuple(args, "OO", &done, &obj)) return NULL;
    PyObject *tag = PyObject_GetAttrString(obj, "tag");
    if (tag == NULL) return NULL;
    PyObject *d = PyObject_GetAttrString(obj, "__dict__");
    PyObject *rec = Py_BuildValue("(OOi)", tag, d, inits);
    PyDict_SetItemString(counter, "sub tag", rec);
    Py_DECREF(rec); Py_DECREF(d); Py_DECREF(tag);
    return PyObject_CallMethod(done, "release", NULL);
}
static PyMethodDef reader_def = {"reader", reader, METH_VARARGS, NULL};

static void subclass_test(PyObject *lt)
{
    PyType_Slot slots[] = {{Py_tp_init, sub_init}, {0, NULL}};
    PyType_Spec spec = {"sub.Local", 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, slots};
    PyObject *sub = PyType_FromSpecWithBases(&spec, lt);
    if (sub == NULL) { show_error(); printf("\n"); return; }
    PyObject *o = PyObject_CallFunction(sub, "s", "main");
    printf("inits after construction: %d\n", inits);
    show("tag in main", PyObject_GetAttrString(o, "tag"));
    PyObject_SetAttrString(o, "extra", Py_None);
    PyObject *d = new_locked();
    PyObject *r = PyCFunction_NewEx(&reader_def, NULL, NULL);
    PyObject *args = Py_BuildValue("(OO)", d, o);
    start(NULL, r, args, NULL);
    wait_for(d);
    PyObject *rec = PyDict_GetItemString(counter, "sub tag");
    Py_XINCREF(rec);
    show("in the thread (tag, __dict__, inits)", rec);
    show("main __dict__", PyObject_GetAttrString(o, "__dict__"));
    Py_DECREF(args); Py_DECREF(r); Py_DECREF(d); Py_DECREF(o); Py_DECREF(sub);
}

static void local_tests(void)
{
    printf("-- _local\n");
    PyObject *lt = PyObject_GetAttrString(mod, "_local");
    show("_local(1)", PyObject_CallFunction(lt, "i", 1));
    PyObject *o = PyObject_CallNoArgs(lt);
    show("missing attribute", PyObject_GetAttrString(o, "x"));
    PyObject_SetAttrString(o, "x", Py_True);
    show("__dict__", PyObject_GetAttrString(o, "__dict__"));
    printf("set __dict__: %d ", PyObject_SetAttrString(o, "__dict__", Py_None));
    show_error();
    printf("\n");
    printf("delete x: %d\n", PyObject_DelAttrString(o, "x"));
    show("__dict__", PyObject_GetAttrString(o, "__dict__"));
    Py_DECREF(o);
    subclass_test(lt);
    Py_DECREF(lt);
}

int main(void)
{
    dup2(1, 2);
    setvbuf(stdout, NULL, _IONBF, 0);
    Py_Initialize();
    PyObject *name = PyUnicode_FromString("_thread");
    mod = PyImport_GetModule(name);
    Py_DECREF(name);
    PyObject *lt = PyObject_GetAttrString(mod, "_local");
    local = PyObject_CallNoArgs(lt);
    Py_DECREF(lt);
    thread_tests();
    local_tests();
    Py_DECREF(local);
    Py_DECREF(counter);
    Py_DECREF(counter_lock);
    Py_DECREF(mod);
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
