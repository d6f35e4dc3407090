/* Per-thread and per-interpreter state: PyThreadState_GetDict (one dict per thread state,
 * created on demand, dropped by PyThreadState_Clear), PyThreadState_SetAsyncExc (return
 * values, the async_exc field, NULL withdraws), PyInterpreterState_GetID/GetDict, and the
 * PEP 523 eval-frame hook. */
#include <Python.h>
#include <pthread.h>

static PyObject *my_eval(PyThreadState *ts, struct _PyInterpreterFrame *f, int exc)
{
    (void)ts; (void)f; (void)exc;
    return NULL;
}

static void show_error(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("%s: exception %s\n", what, t ? ((PyTypeObject *)t)->tp_name : "none");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

static PyObject *thread_dict;
static int thread_dict_differs;
static void *use_dict_in_thread(void *arg)
{
    PyObject *main_dict = arg;
    PyGILState_STATE g = PyGILState_Ensure();
    thread_dict = PyThreadState_GetDict();
    thread_dict_differs = thread_dict != NULL && thread_dict != main_dict && thread_dict == PyThreadState_GetDict();
    PyGILState_Release(g);
    return NULL;
}

int main(void)
{
    printf("GetDict without thread state: %s\n", PyThreadState_GetDict() == NULL ? "NULL" : "dict");
    Py_Initialize();
    PyThreadState *ts = PyThreadState_Get();
    printf("dict field before: %s\n", ts->dict == NULL ? "NULL" : "set");
    PyObject *d = PyThreadState_GetDict();
    printf("GetDict: %s, type %s, same again: %d, is the field: %d\n", d ? "dict" : "NULL",
           Py_TYPE(d)->tp_name, d == PyThreadState_GetDict(), d == ts->dict);
    printf("refcount held by the thread state: %zd\n", Py_REFCNT(d));

    pthread_t th;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&th, NULL, use_dict_in_thread, d);
    pthread_join(th, NULL);
    Py_END_ALLOW_THREADS
    printf("another thread has its own dict: %d\n", thread_dict_differs);

    /* A second thread state: its own dict, dropped when it is cleared. */
    PyThreadState *ts2 = PyThreadState_New(PyInterpreterState_Get());
    PyThreadState_Swap(ts2);
    PyObject *d2 = PyThreadState_GetDict();
    printf("second thread state's dict differs: %d\n", d2 != d);
    Py_INCREF(d2);
    PyThreadState_Swap(ts);
    printf("refcount before clear: %zd\n", Py_REFCNT(d2));
    PyThreadState_Clear(ts2);
    printf("refcount after clear: %zd, field: %s\n", Py_REFCNT(d2), ts2->dict == NULL ? "NULL" : "set");
    Py_DECREF(d2);

    /* SetAsyncExc targets thread states by thread id (ts2 belongs to this thread too, but
     * CPython stops at the first match: the newest thread state). */
    unsigned long me = PyThread_get_thread_ident();
    Py_ssize_t before = Py_REFCNT(PyExc_ValueError);
    int r = PyThreadState_SetAsyncExc(me, PyExc_ValueError);
    printf("SetAsyncExc(me, ValueError): %d\n", r);
    printf("newest state's async_exc is ValueError: %d, main state's: %d, refcount +%zd\n",
           ts2->async_exc == PyExc_ValueError, ts->async_exc == PyExc_ValueError,
           Py_REFCNT(PyExc_ValueError) - before);
    r = PyThreadState_SetAsyncExc(me, NULL);
    printf("SetAsyncExc(me, NULL): %d, async_exc now %s, refcount +%zd\n",
           r, ts2->async_exc == NULL ? "NULL" : "set", Py_REFCNT(PyExc_ValueError) - before);
    r = PyThreadState_SetAsyncExc(me + 12345, PyExc_TypeError);
    printf("SetAsyncExc(unknown id, TypeError): %d\n", r);
    PyThreadState_Delete(ts2);
    r = PyThreadState_SetAsyncExc(me, PyExc_KeyError);
    printf("after deleting the newer state: %d, main async_exc is KeyError: %d\n",
           r, ts->async_exc == PyExc_KeyError);
    PyThreadState_SetAsyncExc(me, NULL);

    PyInterpreterState *interp = PyInterpreterState_Get();
    printf("interpreter id: %lld\n", (long long)PyInterpreterState_GetID(interp));
    printf("GetID(NULL): %lld\n", (long long)PyInterpreterState_GetID(NULL));
    show_error("GetID(NULL)");
    PyObject *idict = PyInterpreterState_GetDict(interp);
    printf("interpreter dict: %s, type %s, same again: %d, differs from thread dict: %d\n",
           idict ? "dict" : "NULL", Py_TYPE(idict)->tp_name, idict == PyInterpreterState_GetDict(interp), idict != d);

    _PyFrameEvalFunction previous = _PyInterpreterState_GetEvalFrameFunc(interp);
    _PyInterpreterState_SetEvalFrameFunc(interp, my_eval);
    printf("eval frame hook set: %d\n", _PyInterpreterState_GetEvalFrameFunc(interp) == my_eval);
    _PyInterpreterState_SetEvalFrameFunc(interp, previous);
    printf("eval frame hook restored: %d\n", _PyInterpreterState_GetEvalFrameFunc(interp) == previous);

    printf("finalize: %d\n", Py_FinalizeEx());
    Py_Initialize();
    printf("re-initialized interpreter id: %lld\n", (long long)PyInterpreterState_GetID(PyInterpreterState_Get()));
    printf("finalize: %d\n", Py_FinalizeEx());
    return 0;
}
