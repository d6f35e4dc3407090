/* Pending calls: Py_AddPendingCall from the main thread and from a foreign pthread without
 * the GIL, run in order by Py_MakePendingCalls in the main thread; the queue's capacity;
 * a failing call stops the run with -1 and leaves the rest queued; other threads run
 * nothing. */
#include <Python.h>
#include <pthread.h>

static int order[64];
static int ran;

static int record(void *arg)
{
    order[ran++] = (int)(intptr_t)arg;
    return 0;
}

static int fail(void *arg)
{
    order[ran++] = (int)(intptr_t)arg;
    PyErr_SetString(PyExc_RuntimeError, "pending call failed");
    return -1;
}

static int reenter_result = 99;
static int reenter(void *arg)
{
    (void)arg;
    reenter_result = Py_MakePendingCalls();
    return 0;
}

static void show_run(const char *what, int r)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("%s: %d, ran %d:", what, r, ran);
    for (int i = 0; i < ran; i++) printf(" %d", order[i]);
    printf(", exception: %s\n", t ? ((PyTypeObject *)t)->tp_name : "none");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
    ran = 0;
}

static void *add_from_thread(void *arg)
{
    (void)arg;
    int r1 = Py_AddPendingCall(record, (void *)(intptr_t)100);
    int r2 = Py_AddPendingCall(record, (void *)(intptr_t)101);
    printf("thread: added %d %d\n", r1, r2);
    fflush(stdout);
    return NULL;
}

static int thread_make_result = 99;
static void *make_from_thread(void *arg)
{
    (void)arg;
    PyGILState_STATE g = PyGILState_Ensure();
    thread_make_result = Py_MakePendingCalls();
    PyGILState_Release(g);
    return NULL;
}

int main(void)
{
    Py_Initialize();
    show_run("nothing pending", Py_MakePendingCalls());

    for (int i = 1; i <= 3; i++) Py_AddPendingCall(record, (void *)(intptr_t)i);
    show_run("three calls", Py_MakePendingCalls());

    pthread_t th;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&th, NULL, add_from_thread, NULL);
    pthread_join(th, NULL);
    Py_END_ALLOW_THREADS
    show_run("calls added by a foreign thread", Py_MakePendingCalls());

    int added = 0, r;
    while ((r = Py_AddPendingCall(record, (void *)(intptr_t)added)) == 0 && added < 1000) added++;
    printf("queue accepts %d calls, then returns %d\n", added, r);
    show_run("full queue", Py_MakePendingCalls());
    show_run("after the full queue", Py_MakePendingCalls());

    Py_AddPendingCall(record, (void *)(intptr_t)1);
    Py_AddPendingCall(fail, (void *)(intptr_t)2);
    Py_AddPendingCall(record, (void *)(intptr_t)3);
    show_run("failing call", Py_MakePendingCalls());
    show_run("the rest", Py_MakePendingCalls());

    /* Another thread holding the GIL runs nothing. */
    Py_AddPendingCall(record, (void *)(intptr_t)7);
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&th, NULL, make_from_thread, NULL);
    pthread_join(th, NULL);
    Py_END_ALLOW_THREADS
    printf("Py_MakePendingCalls in another thread: %d, ran %d\n", thread_make_result, ran);
    show_run("main thread afterwards", Py_MakePendingCalls());

    /* A pending call that calls Py_MakePendingCalls again gets 0 at once. */
    Py_AddPendingCall(reenter, NULL);
    Py_AddPendingCall(record, (void *)(intptr_t)8);
    show_run("re-entrant call", Py_MakePendingCalls());
    printf("inner Py_MakePendingCalls: %d\n", reenter_result);

    printf("finalize: %d\n", Py_FinalizeEx());
    return 0;
}
